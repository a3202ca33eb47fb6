"""Clean text read from a document: web debris out, hyphenation and hard wrapping undone.

`clean_text` keeps paragraphs as blocks separated by one blank line; lines inside a block that
are not a continuation of the line before (list items, table rows, headings) stay separate lines.
It is idempotent: cleaning cleaned text changes nothing (the rules are applied until nothing
changes, and none of them depends on statistics of the whole text).
"""

import re

# Words after which a hyphen at the end of a line is a suspended compound ("liiketoiminta- ja
# verkkokauppaosaaminen"), not a word broken across lines.
CONJUNCTIONS = {"ja", "sekä", "tai", "eli", "and", "or", "och", "eller", "samt", "että"}

BULLET = "•"
_BULLET_LINE = re.compile(r"^[•·▪◦‣∙●○■□►➢\uf0b7*-]\s+(?=\S)")
_SPACES = re.compile(
    r"[ \t\u00a0\u202f\u2007\u2009\u2002\u2003\u2004\u2005\u2006\u2008\u200a\u3000]+"
)
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x85\x1c\x1d\x1e]")
_SENTENCE_END = tuple(".!?:;…")

# Whole lines that are web-page furniture, compared case-insensitively without trailing » › > …
DEBRIS_LINES = {
    "fbpx",
    "siirry sisältöön",
    "hyppää sisältöön",
    "siirry pääsisältöön",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "hoppa till innehållet",
    "hoppa till innehåll",
    "gå till innehållet",
    "jaa",
    "jaa:",
    "jaa sivu",
    "jaa somessa",
    "share",
    "share:",
    "share this",
    "share this page",
    "dela",
    "dela:",
    "lue lisää",
    "read more",
    "läs mer",
    "näytä lisää",
    "show more",
    "takaisin ylös",
    "back to top",
    "takaisin",
    "back",
    "tillbaka",
    "valikko",
    "menu",
    "meny",
    "sulje",
    "close",
    "stäng",
    "haku",
    "hae",
    "search",
    "sök",
    "tulosta",
    "print",
    "facebook",
    "twitter",
    "linkedin",
    "instagram",
    "youtube",
    "x",
    "whatsapp",
    "sähköposti",
    "email",
    "suomeksi",
    "in english",
    "på svenska",
    "fi",
    "en",
    "sv",
    "fi en sv",
}
_SOCIAL = (
    r"(facebook|twitter|linkedin|instagram|whatsapp|youtube|x|email|sähköposti|e-post|pinterest)"
)
_DEBRIS_PATTERNS = [
    # "Jaa: Facebook Twitter LinkedIn", "Share on Facebook"
    re.compile(rf"^(jaa|share|dela)( on| somessa| this( page)?)?:?( {_SOCIAL}[,]?)+$", re.I),
    # breadcrumbs: "Etusivu › Hankkeet › Kasvua yhteistyöllä"
    re.compile(r"^(etusivu|home|hem|startsida|start|koti)\s*[›»>/|]\s*.{0,200}$", re.I),
    re.compile(r"^[^.!?]{0,200}(\s[›»]\s[^.!?]{0,200}){2,}$"),
    # copyright lines
    re.compile(r"^(©|\(c\)\s*\d{4}|copyright\b|tekijänoikeus\b).{0,200}$", re.I),
]
_COOKIE_WORD = re.compile(r"evÄste|eväste|cookie|kaka|kakor", re.I)
_COOKIE_ACTION = re.compile(
    r"hyväksy|accept|godkänn|acceptera|allow|salli|tillåt|asetukset|settings|inställningar|"
    r"consent|suostu|privacy|tietosuoja|integritet|kieltäydy|reject|avvisa",
    re.I,
)

NAV_RUN = 6  # this many very short lines in a row (blank lines aside) are a navigation menu
NAV_LINE_CHARS = 30
NAV_LINE_WORDS = 3
CROSS_BLANK_LINE = 45


def _is_bullet(line: str) -> bool:
    return line.startswith(BULLET + " ")


def _is_debris(line: str) -> bool:
    key = line.strip().rstrip("»›>…").strip().lower()
    if key in DEBRIS_LINES:
        return True
    if any(pattern.match(line) for pattern in _DEBRIS_PATTERNS):
        return True
    return bool(len(line) < 400 and _COOKIE_WORD.search(line) and _COOKIE_ACTION.search(line))


def _is_nav_line(line: str) -> bool:
    return (
        bool(line)
        and len(line) <= NAV_LINE_CHARS
        and len(line.split()) <= NAV_LINE_WORDS
        and not _is_bullet(line)
        and not any(ch.isdigit() for ch in line)
        and not line.endswith(_SENTENCE_END)
        and not line.endswith(("-", ","))
    )


def _normalise_lines(text: str) -> list[str]:
    text = _LINE_BREAKS.sub("\n", text).replace("\f", "\n\n")
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    lines = []
    for raw in text.split("\n"):
        # keep one marker of a trailing space after a hyphen: "verkkokauppa- " is a suspended compound
        suspended = bool(re.search(r"-[ \t\u00a0\u202f]+$", raw))
        line = _SPACES.sub(" ", raw).strip()
        line = _BULLET_LINE.sub(BULLET + " ", line)
        if line == BULLET or line in "-*":
            line = ""
        if suspended and line.endswith("-"):
            line += " "
        lines.append(line)
    return lines


def _drop_debris(lines: list[str]) -> list[str]:
    kept = ["" if line and _is_debris(line) else line for line in lines]
    # navigation runs: many very short lines in a row, blank lines between them ignored
    out = list(kept)
    run: list[int] = []
    for index, line in enumerate([*kept, "A long line that ends every run of short lines."]):
        if not line:
            continue
        if _is_nav_line(line):
            run.append(index)
            continue
        if len(run) >= NAV_RUN:
            for position in run:
                out[position] = ""
        run = []
    return out


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _first_word(line: str) -> str:
    match = re.match(r"\w+", line)
    return match.group(0).lower() if match else ""


def _join_hyphen(prev: str, nxt: str) -> str | None:
    """Join a line ending in a hyphen with the next one, or None when they are not joined."""
    if not prev.endswith("-") and not prev.endswith("- "):
        return None
    if not nxt[:1].isalpha() or not nxt[:1].islower() or _is_bullet(nxt):
        return None
    if prev.endswith("- ") or _first_word(nxt) in CONJUNCTIONS:
        return prev.rstrip() + " " + nxt  # suspended compound: "verkkokauppa- sekä"
    fragment = re.search(r"(\w+)-$", prev)
    if not fragment or fragment.group(0)[:1] == "-":
        return None
    if (
        any(ch.isupper() or ch.isdigit() for ch in fragment.group(1)[1:])
        or len(fragment.group(1)) < 2
    ):
        return prev + nxt  # "EU-\nhanke" → "EU-hanke": the hyphen belongs to the word
    return prev[:-1] + nxt


def _last_word(line: str) -> str:
    match = re.search(r"(\w+)$", line)
    return match.group(1).lower() if match else ""


def _continues(prev: str, nxt: str, *, across_blank: bool) -> bool:
    """Is `nxt` the continuation of the wrapped line `prev`?"""
    if _is_bullet(nxt) or prev.endswith(_SENTENCE_END) or prev.endswith("- "):
        return False
    starts_lower = nxt[:1].isalpha() and nxt[:1].islower()
    # a line that stops mid-phrase ("…, ", "… ja") continues on the next line
    mid_phrase = prev.endswith((",", "(", "&", "–", "/")) or _last_word(prev) in CONJUNCTIONS
    if across_blank:
        return starts_lower and (mid_phrase or len(prev) >= CROSS_BLANK_LINE)
    return starts_lower or mid_phrase


def _unwrap(blocks: list[list[str]]) -> list[list[str]]:
    # inside a block
    joined_blocks = []
    for block in blocks:
        lines = [block[0]]
        for line in block[1:]:
            merged = _join_hyphen(lines[-1], line)
            if merged is None and _continues(lines[-1], line, across_blank=False):
                merged = lines[-1].rstrip() + " " + line
            if merged is None:
                lines.append(line)
            else:
                lines[-1] = merged
        joined_blocks.append(lines)
    # across a blank line: PDF prints that put a blank line after every printed line
    out: list[list[str]] = []
    for block in joined_blocks:
        if out:
            prev = out[-1][-1]
            merged = _join_hyphen(prev, block[0])
            if merged is None and _continues(prev, block[0], across_blank=True):
                merged = prev.rstrip() + " " + block[0]
            if merged is not None:
                out[-1][-1] = merged
                out[-1].extend(block[1:])
                continue
        out.append(list(block))
    return out


def _clean_once(text: str) -> str:
    lines = _drop_debris(_normalise_lines(text))
    blocks = _unwrap(_blocks(lines))
    return "\n\n".join("\n".join(line.rstrip() for line in block) for block in blocks).strip()


def clean_text(text: str) -> str:
    """Clean document text; see the module docstring. Never raises for any string."""
    if not text:
        return ""
    previous = None
    current = text
    for _ in range(8):
        if current == previous:
            break
        previous, current = current, _clean_once(current)
    return current
