"""Extract the facts of a project from the text of a document, each with its source snippet.

Built for the genre: EURA 2014 public project pages, EURA application and decision prints, and
project and call pages in Finnish, English and Swedish. Every `Extraction` carries the exact
snippet it was read from and its character offsets: `snippet == text[start:end]` always.

Each field has a small extractor function and a table of patterns, tried in order; the first
match wins. Nothing here raises for any input string.
"""

import datetime
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from hanke.core.business_id import normalise_business_id

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Extraction:
    field: str
    value: object  # JSON-serialisable: str, int, "YYYY-MM-DD", "123456.00", list or dict
    start: int
    end: int
    snippet: str  # == text[start:end]


FIELD_LABELS = {
    "code": _("Project code"),
    "name": _("Project name"),
    "implementer": _("Implementer"),
    "business_id": _("Business ID (Y-tunnus)"),
    "co_implementers": _("Co-implementers"),
    "funding_authority": _("Funding authority"),
    "fund": _("Fund"),
    "programme": _("Programme"),
    "priority_axis": _("Priority axis"),
    "specific_objective": _("Specific objective"),
    "start_date": _("Start date"),
    "end_date": _("End date"),
    "total_budget": _("Total budget"),
    "financing": _("Financing by source"),
    "cost_model": _("Cost model"),
    "flat_rate": _("Flat rate (%)"),
    "max_aid_rate": _("Maximum aid rate (%)"),
    "staff_costs": _("Staff costs"),
    "target_groups": _("Target groups"),
    "work_packages": _("Work packages"),
    "themes": _("Themes"),
    "status": _("Status"),
    "summary": _("Summary"),
}
FIELDS = tuple(FIELD_LABELS)

CENT = Decimal("0.01")
I = re.IGNORECASE  # noqa: E741 - short, used in every pattern table
D = "[0-9]"
SP = "[ \u00a0\u202f\u2009]"  # spaces inside numbers: plain, no-break, narrow no-break, thin
DASH = "[-–—‒]"

# ---------------------------------------------------------------------------------------------
# Numbers, money, percentages, dates


NUMBER = (
    rf"(?:{D}{{1,3}}(?:{SP}{D}{{3}})+(?:,{D}{{1,2}})?"  # 309 642 / 1 234 567,89
    rf"|{D}{{1,3}}(?:,{D}{{3}})+(?:\.{D}{{1,2}})?"  # 309,642 / 1,234,567.89
    rf"|{D}{{1,3}}(?:\.{D}{{3}})+(?:,{D}{{1,2}})?"  # 309.642,00
    rf"|{D}+(?:[,.]{D}{{1,2}})?)"  # 309642 / 309642,00
)
CURRENCY_AFTER = r"(?:€|eur(?:oa|oja|os|o)?\b|e\b(?![-.]?\w))"
# thousands and millions written out: "250 k€", "1,2 milj. €", "2,5 miljoonaa euroa", "€1.2 million"
MULTIPLIER = r"(?:k|t|milj\.?|miljoonaa|miljoner|million|mn|m)(?![^\W\d_])\.?"
MULTIPLIERS = {"k": 1000, "t": 1000}
MONEY = re.compile(
    rf"(?:(?:€|EUR){SP}?(?P<pre>{NUMBER})(?:{SP}?(?P<premult>{MULTIPLIER}))?(?![0-9])"
    rf"|(?<![0-9.,])(?P<post>{NUMBER})(?:{SP}?(?P<postmult>{MULTIPLIER}))?{SP}?{CURRENCY_AFTER})",
    I,
)


def _multiplier(word: str | None) -> int:
    if not word:
        return 1
    return MULTIPLIERS.get(word.lower().rstrip("."), 1_000_000)


PERCENT = rf"(?P<pct>{D}{{1,3}}(?:[,.]{D}{{1,2}})?){SP}?(?:%|prosenttia\b|per ?cent\b|procent\b)"


def parse_number(raw: str) -> Decimal | None:
    """Decimal of a number written in Finnish, English or plain form; None when it is not one."""
    value = re.sub(SP, "", raw.strip())
    if re.fullmatch(rf"{D}{{1,3}}(,{D}{{3}})+(\.{D}{{1,2}})?", value):
        value = value.replace(",", "")
    elif re.fullmatch(rf"{D}{{1,3}}(\.{D}{{3}})+(,{D}{{1,2}})?", value):
        value = value.replace(".", "").replace(",", ".")
    else:
        value = value.replace(",", ".")
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def money_str(value: Decimal) -> str:
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))


def parse_money(raw: str) -> str | None:
    """'309 642 €' → '309642.00'; None when the text is not an amount in euros."""
    match = MONEY.fullmatch(raw.strip())
    if not match:
        return None
    number = parse_number(match.group("pre") or match.group("post"))
    if number is None:
        return None
    return money_str(number * _multiplier(match.group("premult") or match.group("postmult")))


FI_MONTHS = {
    "tammi": 1,
    "helmi": 2,
    "maalis": 3,
    "huhti": 4,
    "touko": 5,
    "kesä": 6,
    "heinä": 7,
    "elo": 8,
    "syys": 9,
    "loka": 10,
    "marras": 11,
    "joulu": 12,
}
EN_SV_MONTHS = {
    "january": 1,
    "januari": 1,
    "jan": 1,
    "february": 2,
    "februari": 2,
    "feb": 2,
    "march": 3,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "maj": 5,
    "june": 6,
    "juni": 6,
    "jun": 6,
    "july": 7,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oktober": 10,
    "oct": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_EN_MONTH = "|".join(sorted(EN_SV_MONTHS, key=len, reverse=True))
_FI_MONTH = "|".join(FI_MONTHS)
DATE = (
    rf"(?:(?<![0-9.])(?P<d{{n}}>{D}{{1,2}})\.{SP}?(?P<m{{n}}>{D}{{1,2}})\.{SP}?(?P<y{{n}}>{D}{{4}})(?![0-9])"
    rf"|(?<![0-9-])(?P<iy{{n}}>{D}{{4}})-(?P<im{{n}}>{D}{{2}})-(?P<id{{n}}>{D}{{2}})(?![0-9])"
    rf"|(?<![0-9])(?P<ed{{n}}>{D}{{1,2}})(?:st|nd|rd|th)?\.?{SP}(?:of{SP})?(?P<em{{n}}>{_EN_MONTH})\.?,?{SP}(?P<ey{{n}}>{D}{{4}})(?![0-9])"
    rf"|(?P<am{{n}}>{_EN_MONTH})\.?{SP}(?P<ad{{n}}>{D}{{1,2}})(?:st|nd|rd|th)?,?{SP}(?P<ay{{n}}>{D}{{4}})(?![0-9])"
    rf"|(?<![0-9])(?P<fd{{n}}>{D}{{1,2}})\.{SP}(?P<fm{{n}}>{_FI_MONTH})kuuta{SP}(?P<fy{{n}}>{D}{{4}})(?![0-9]))"
)


def date_pattern(n: int) -> str:
    return DATE.replace("{n}", str(n))


def _date_from(match: re.Match, n: int) -> datetime.date | None:
    groups = match.groupdict()

    def g(name):
        return groups.get(f"{name}{n}")

    try:
        if g("d"):
            return datetime.date(int(g("y")), int(g("m")), int(g("d")))
        if g("iy"):
            return datetime.date(int(g("iy")), int(g("im")), int(g("id")))
        if g("ed"):
            return datetime.date(int(g("ey")), EN_SV_MONTHS[g("em").lower()], int(g("ed")))
        if g("am"):
            return datetime.date(int(g("ay")), EN_SV_MONTHS[g("am").lower()], int(g("ad")))
        if g("fd"):
            return datetime.date(int(g("fy")), FI_MONTHS[g("fm").lower()], int(g("fd")))
    except (ValueError, KeyError, OverflowError):
        return None
    return None


def _plausible(date: datetime.date | None) -> bool:
    return date is not None and 1990 <= date.year <= 2100


# ---------------------------------------------------------------------------------------------
# Helpers


def _x(text: str, field: str, value, start: int, end: int) -> Extraction:
    return Extraction(field=field, value=value, start=start, end=end, snippet=text[start:end])


def _trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _compile(patterns: list[str], flags: int = I) -> list[re.Pattern]:
    return [re.compile(p, flags) for p in patterns]


def _line_at(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, (len(text) if end == -1 else end)


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each block of text between blank lines, trimmed."""
    for match in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text):
        start, end = _trimmed_span(text, match.start(), match.end())
        if start < end:
            yield start, end


def _clean_value(value: str) -> str:
    return " ".join(value.split()).strip(" \t:;,.-–|•")


# ---------------------------------------------------------------------------------------------
# Code and business ID

CODE = rf"(?<![\w-])(?P<code>[SAJ]{D}{{5,6}})(?![\w-])"
CODE_LABELLED = _compile(
    [
        rf"(?:(?:hanke|projekti)(?:koodi|numero|tunnus)|eura-tunnus|project\s(?:code|number|id)"
        rf"|projektkod|projektnummer)[^\n0-9]{{0,20}}?{CODE}",
        CODE,
    ]
)


def extract_code(text: str, lang: str) -> list[Extraction]:
    for pattern in CODE_LABELLED:
        for match in pattern.finditer(text):
            code = match.group("code").upper()
            return [_x(text, "code", code, match.start(), match.end())]
    return []


BUSINESS_ID = rf"(?<![\w-])(?P<bid>{D}{{7}}-{D})(?![\w-])"
BUSINESS_ID_PATTERNS = _compile(
    [
        rf"(?:y-tunnus|business\sid|företags-\s?och\ssamfundsnummer|fo-nummer)[^\n0-9]{{0,10}}?{BUSINESS_ID}",
        BUSINESS_ID,
    ]
)


def extract_business_id(text: str, lang: str) -> list[Extraction]:
    for pattern in BUSINESS_ID_PATTERNS:
        for match in pattern.finditer(text):
            try:
                value = normalise_business_id(match.group("bid"))
            except ValidationError:
                continue
            return [_x(text, "business_id", value, match.start(), match.end())]
    return []


# ---------------------------------------------------------------------------------------------
# Organisations: implementer, co-implementers, funding authority

# after a label: a colon, pipe or tab; the value on the next line; or a space before a capital
LABEL_SEP = (
    r"(?!\w)(?:[ \t]*[:|\t][ \t]*|[ \t]*:?[ \t]*\n[ \t]*(?:\n[ \t]*)?|[ \t]+(?=(?-i:[A-ZÅÄÖ0-9])))"
)
IMPLEMENTER_PATTERNS = _compile(
    [
        rf"^[ \t•]*(?:hankkeen\s|projektin\s)?(?:pää)?toteuttaja(?:organisaatio)?{LABEL_SEP}(?P<v>[^\n]{{2,150}})",
        rf"^[ \t•]*(?:tuensaaja|hakija|hallinnoija|hallinnoiva\sorganisaatio){LABEL_SEP}(?P<v>[^\n]{{2,150}})",
        rf"^[ \t•]*(?:implement(?:er|ing\sorganisation|ing\sorganization)|lead\s(?:partner|beneficiary)"
        rf"|beneficiary|project\sowner|coordinator){LABEL_SEP}(?P<v>[^\n]{{2,150}})",
        rf"^[ \t•]*(?:genomförare|stödmottagare|projektägare|sökande){LABEL_SEP}(?P<v>[^\n]{{2,150}})",
        r"(?:hanketta\s(?:toteuttaa|hallinnoi|koordinoi)|hankkeen\stoteuttaa)\s(?P<v>[A-ZÅÄÖ][^\n.,;]{1,100})",
        r"(?:is\s|are\s|was\s)?(?:implemented|coordinated|run|led)\sby\s(?:the\s)?(?P<v>[A-Z][^\n.,;]{1,100})",
        r"(?:genomförs|drivs|koordineras)\sav\s(?P<v>[A-ZÅÄÖ][^\n.,;]{1,100})",
        # English project pages: "… TEQU project personnel"
        r"(?<![\w-])(?P<v>[A-ZÅÄÖ][A-ZÅÄÖ0-9&-]{1,20})\s(?:project\s(?:personnel|staff|team)|hankehenkilöstö)",
    ]
)
_ORG_TAIL = re.compile(r"\s*(?:[,(]\s*)?(?:y-tunnus|business\sid|fo-nummer)\b.*$", I)


def extract_implementer(text: str, lang: str) -> list[Extraction]:
    for position, pattern in enumerate(IMPLEMENTER_PATTERNS):
        flags_multiline = position < 4
        iterator = (
            re.finditer(pattern.pattern, text, I | re.MULTILINE)
            if flags_multiline
            else pattern.finditer(text)
        )
        for match in iterator:
            value = _clean_value(_ORG_TAIL.sub("", match.group("v")))
            if position >= 5:  # free text: the name ends where the sentence goes on
                value = re.split(r"\s(?:and|with|in|for|from|on|to|ja|och)\s", value)[0]
            if len(value) < 2 or not any(ch.isalpha() for ch in value):
                continue
            start, end = _trimmed_span(text, match.start(), match.end())
            return [_x(text, "implementer", value, start, end)]
    return []


CO_IMPLEMENTER_PATTERN = re.compile(
    r"^[ \t•]*(?:osatoteuttaja(?:t)?|yhteistoteuttaja(?:t)?|co-?implementers?|co-?beneficiar(?:y|ies)"
    r"|partners?|kumppanit|delgenomförare|samarbetspartner(?:s)?)[ \t]*:[ \t]*(?P<v>[^\n]*)"
    r"(?P<list>(?:\n[ \t]*(?:•|-|\*)[^\n]+)*)",
    I | re.MULTILINE,
)


def extract_co_implementers(text: str, lang: str) -> list[Extraction]:
    for match in CO_IMPLEMENTER_PATTERN.finditer(text):
        names = []
        if match.group("v").strip():
            names += re.split(r"\s*(?:,|;|\sja\s|\sand\s|\soch\s)\s*", match.group("v"))
        for line in match.group("list").split("\n"):
            names.append(line.strip(" \t•-*"))
        names = [_clean_value(_ORG_TAIL.sub("", name)) for name in names]
        names = [name for name in names if len(name) >= 2]
        if names:
            start, end = _trimmed_span(text, match.start(), match.end())
            return [_x(text, "co_implementers", names, start, end)]
    return []


def _ely_name(match: re.Match) -> str:
    return f"{match.group('region')} ELY-keskus"


def _liitto_name(match: re.Match) -> str:
    return f"{match.group('region')} liitto"


AUTHORITY_PATTERNS: list[tuple[re.Pattern, Callable[[re.Match], str]]] = [
    (
        re.compile(
            rf"^[ \t•|]*(?:rahoittava\sviranomainen|rahoittaja|myöntävä\sviranomainen|välittävä\stoimielin"
            rf"|funding\sauthority|intermediate\sbody|financier|finansierande\smyndighet|förmedlande\sorgan)"
            rf"{LABEL_SEP}(?P<v>[^\n]{{2,120}})",
            I | re.MULTILINE,
        ),
        lambda m: _clean_value(m.group("v")),
    ),
    (
        re.compile(
            r"(?P<v>(?:[A-Z][\w-]+\s){1,3}(?:Centre|Center)\sfor\sEconomic\sDevelopment,\sTransport"
            r"\sand\sthe\sEnvironment)"
        ),
        lambda m: m.group("v"),
    ),
    (
        re.compile(
            r"(?P<v>(?:[A-Z][\w-]+\s){1,3}ELY\sCent(?:re|er)|ELY\sCent(?:re|er)\sfor\s[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)"
        ),
        lambda m: m.group("v"),
    ),
    (
        re.compile(
            r"(?P<region>[A-ZÅÄÖ][\w]*(?:-[A-ZÅÄÖ][\w]*)?n)\sELY-kesku(?:s|ksen|kselle|kselta|ksessa)\b"
        ),
        _ely_name,
    ),
    (
        re.compile(
            r"(?P<region>[A-ZÅÄÖ][\w]*(?:-[A-ZÅÄÖ][\w]*)?n)\sliit(?:to|on|olle|olta|ossa|osta)\b"
        ),
        _liitto_name,
    ),
    (
        re.compile(r"(?P<v>Regional\sCouncil\sof\s[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)"),
        lambda m: m.group("v"),
    ),
    (
        re.compile(r"(?P<v>(?:[A-ZÅÄÖ][\w-]+\s)?NTM-central(?:en)?(?:\si\s[A-ZÅÄÖ][\w-]+)?)"),
        lambda m: m.group("v"),
    ),
    (
        re.compile(
            r"\b(?P<v>Business\sFinland|Ruokavirasto|Innovaatiorahoituskeskus\sBusiness\sFinland)\b"
        ),
        lambda m: m.group("v"),
    ),
]


def extract_funding_authority(text: str, lang: str) -> list[Extraction]:
    for pattern, value_of in AUTHORITY_PATTERNS:
        for match in pattern.finditer(text):
            value = value_of(match)
            if len(value) < 2:
                continue
            start, end = _trimmed_span(text, match.start(), match.end())
            return [_x(text, "funding_authority", value, start, end)]
    return []


# ---------------------------------------------------------------------------------------------
# Fund, programme, priority axis, specific objective

FUND_PATTERNS = [
    (
        r"\bESR\+|\bESF\+|\bESF\s?plus\b|Euroopan\ssosiaalirahasto\splus|European\sSocial\sFund\sPlus",
        "ESF+",
    ),
    (
        r"\b(?:ESR|ESF)\b|Euroopan\ssosiaalirahast\w*|European\sSocial\sFund|Europeiska\ssocialfonden",
        "ESF",
    ),
    (
        r"\b(?:EAKR|ERDF|ERUF)\b|Euroopan\saluekehitysrahast\w*|European\sRegional\sDevelopment\sFund"
        r"|Europeiska\sregionala\sutvecklingsfonden",
        "ERDF",
    ),
    (
        r"\b(?:JTF|FRO)\b|oikeudenmukai\w*\ssiirtymä\w*|Just\sTransition\sFund|Fonden\sför\sen\srättvis\somställning",
        "JTF",
    ),
]
_FUNDS = [(re.compile(pattern, I if code != "JTF" else I), code) for pattern, code in FUND_PATTERNS]
_FUND_LABEL = re.compile(
    r"^[ \t•]*(?:rahasto|fund|fond(?:en)?)[ \t]*:[ \t]*(?P<rest>[^\n]+)", I | re.M
)


def extract_fund(text: str, lang: str) -> list[Extraction]:
    for label in _FUND_LABEL.finditer(text):
        for pattern, code in _FUNDS:
            if pattern.search(label.group("rest")):
                start, end = _trimmed_span(text, label.start(), label.end())
                return [_x(text, "fund", code, start, end)]
    best = None
    for pattern, code in _FUNDS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0].start()):
            best = (match, code)
    if best:
        return [_x(text, "fund", best[1], best[0].start(), best[0].end())]
    return []


PROGRAMME_PATTERNS = [
    (
        rf"Kestävää\skasvua\sja\styötä(?:\s2014{DASH}2020)?|Sustainable\sgrowth\sand\sjobs(?:\s2014{DASH}2020)?"
        rf"|Hållbar\stillväxt\soch\sjobb(?:\s2014{DASH}2020)?|rakennerahasto-ohjelma\s2014{DASH}2020",
        "KKT-2014-2020",
    ),
    (
        rf"Uudistuva,?\s(?:ja\s)?osaava(?:,?\sja\sosallistava)?\sSuomi(?:\s2021{DASH}2027)?"
        rf"|Innovative\sand\sskilled\sFinland(?:\s2021{DASH}2027)?"
        rf"|Förnyande\soch\skompetent\sFinland(?:\s2021{DASH}2027)?",
        "UOS-2021-2027",
    ),
]
_PROGRAMMES = [(re.compile(pattern, I), code) for pattern, code in PROGRAMME_PATTERNS]


def extract_programme(text: str, lang: str) -> list[Extraction]:
    best = None
    for pattern, code in _PROGRAMMES:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0].start()):
            best = (match, code)
    if best:
        return [_x(text, "programme", best[1], best[0].start(), best[0].end())]
    return []


PRIORITY_AXIS = _compile(
    [
        rf"\b(?:toimintalinj\w*|priority\saxis|prioriteetti(?:akseli)?|insatsområde\w*|prioritet\w*|TL)"
        rf"[ \t]*(?:nro\.?|no\.?|:)?[ \t]*(?P<v>{D}{{1,2}})(?![0-9.,]?[0-9])",
    ]
)
SPECIFIC_OBJECTIVE = _compile(
    [
        rf"\b(?:erityistavoit\w*|specific\sobjective|specifikt\smål|särskilt\smål|et\.)[ \t]*(?:nro\.?|no\.?|:)?"
        rf"[ \t]*(?P<v>{D}{{1,2}}\.{D}{{1,2}}(?:\.{D}{{1,2}})?)(?![0-9])",
    ]
)


def _first(patterns, text, field, convert=lambda v: v) -> list[Extraction]:
    for pattern in patterns:
        for match in pattern.finditer(text):
            value = convert(match.group("v"))
            if value:
                return [_x(text, field, value, match.start(), match.end())]
    return []


def extract_priority_axis(text: str, lang: str) -> list[Extraction]:
    return _first(PRIORITY_AXIS, text, "priority_axis", lambda v: str(int(v)))


def extract_specific_objective(text: str, lang: str) -> list[Extraction]:
    return _first(SPECIFIC_OBJECTIVE, text, "specific_objective")


# ---------------------------------------------------------------------------------------------
# Period

D1, D2 = date_pattern(1), date_pattern(2)
PERIOD_CUE = (
    r"(?:between|välillä|mellan|toteutetaan|toteutusaika|toteutusaikana|hankeaika|kesto|duration"
    r"|period|implemented|runs|genomförs|projekttid|aikana|ajalla|from|alkaen|alkaa|starts?|begins?)"
)
PERIOD_PATTERNS = _compile(
    [
        # "Alkaa 1.10.2014 ja päättyy 29.2.2016", "starts on … and ends on …"
        rf"(?:alkaa|alkoi|starts?|started|began|begins|börjar|började)\s(?:on\s)?{D1}"
        rf"[\s,]+(?:ja|and|och)\s(?:päättyy|päättyi|ends?|ended|slutar|slutade)\s(?:on\s)?{D2}",
        # "9.4.2020–31.1.2023", "1.10.2019 - 30.9.2022", "1.10.2019 to 30.9.2022"
        rf"{D1}{SP}*(?:{DASH}|to|until|till|asti|–\s?)\s*{D2}",
        # "between 09.04.2020 and 31.01.2023", "9.4.2020 ja 31.1.2023 välillä"
        rf"{PERIOD_CUE}[^\n0-9]{{0,60}}?{D1}\s(?:and|ja|och|–)\s{D2}",
        rf"{D1}\s(?:ja|och)\s{D2}\s(?:välisenä\saikana|välillä|mellan)",
    ]
)
START_PATTERNS = _compile(
    [
        rf"(?:aloituspäivä|alkamispäivä|alkamisaika|alkupäivä|start\sdate|starting\sdate|startdatum"
        rf"|projektet\sbörjar|hanke\salkaa|alkaa|starts?)[ \t]*:?[ \t]*(?:on\s)?{D1}",
    ]
)
END_PATTERNS = _compile(
    [
        rf"(?:päättymispäivä|päättymisaika|loppupäivä|end\sdate|ending\sdate|slutdatum"
        rf"|projektet\sslutar|hanke\späättyy|päättyy|ends?)[ \t]*:?[ \t]*(?:on\s)?{D1}",
    ]
)


def extract_period(text: str, lang: str) -> list[Extraction]:
    start_x = end_x = None
    for pattern in START_PATTERNS:
        for match in pattern.finditer(text):
            date = _date_from(match, 1)
            if _plausible(date):
                start_x = _x(text, "start_date", date.isoformat(), match.start(), match.end())
                break
        if start_x:
            break
    for pattern in END_PATTERNS:
        for match in pattern.finditer(text):
            date = _date_from(match, 1)
            if _plausible(date):
                end_x = _x(text, "end_date", date.isoformat(), match.start(), match.end())
                break
        if end_x:
            break
    if start_x and end_x and start_x.value <= end_x.value:
        return [start_x, end_x]
    for pattern in PERIOD_PATTERNS:
        for match in pattern.finditer(text):
            first, last = _date_from(match, 1), _date_from(match, 2)
            if _plausible(first) and _plausible(last) and first < last:
                s, e = _trimmed_span(text, match.start(), match.end())
                return [
                    _x(text, "start_date", first.isoformat(), s, e),
                    _x(text, "end_date", last.isoformat(), s, e),
                ]
    return [x for x in (start_x, end_x) if x]


# ---------------------------------------------------------------------------------------------
# Budget and financing

GAP = r"[^0-9\n€]{0,45}?"
PCT_BEFORE = rf"(?:{D}{{1,3}}(?:[,.]{D}{{1,2}})?{SP}?%[ \t,:]*)?"
MONEY_NAMED = MONEY.pattern  # the same amount forms, with their named groups

TOTAL_LABELS = [
    r"kokonaisbudjetti",
    r"kokonaiskustannukset|kokonaiskustannusarvio",
    r"kustannusarvio\syhteensä|kustannukset\syhteensä",
    r"nettokustannusarvio|hyväksyttävät\skustannukset\syhteensä",
    r"total\sbudget|total\s(?:eligible\s)?costs?|overall\sbudget|budget\stotal",
    r"totalbudget|budget\stotalt|totala\skostnader|kostnader\stotalt",
    r"budjetti|kustannusarvio|budget",
]
_TOTALS = [re.compile(rf"(?:{label}){GAP}{MONEY_NAMED}", I) for label in TOTAL_LABELS]


def _amount(match: re.Match) -> str | None:
    number = parse_number(match.group("pre") or match.group("post"))
    if number is None:
        return None
    return money_str(number * _multiplier(match.group("premult") or match.group("postmult")))


def extract_total_budget(text: str, lang: str) -> list[Extraction]:
    for pattern in _TOTALS:
        for match in pattern.finditer(text):
            amount = _amount(match)
            if amount is not None and Decimal(amount) > 0:
                return [_x(text, "total_budget", amount, match.start(), match.end())]
    return []


STAFF_LABELS = r"palkkakustannukset|henkilöstökustannukset|staff\scosts|personnel\scosts|personalkostnader|lönekostnader"
_STAFF = re.compile(rf"(?:{STAFF_LABELS}){GAP}{MONEY_NAMED}", I)


def extract_staff_costs(text: str, lang: str) -> list[Extraction]:
    for match in _STAFF.finditer(text):
        amount = _amount(match)
        if amount is not None:
            return [_x(text, "staff_costs", amount, match.start(), match.end())]
    return []


FINANCING_LABELS = {
    "aid": [
        r"EU-?\s?(?:ja|\+|and|och)\s?valtio(?:n)?(?:\s?rahoitus|\sosuus|n\srahoitus)?",
        r"EU:n\sja\svaltion\s(?:rahoitus|osuus)",
        r"(?:EU|ESR|EAKR|JTF)-?\s?ja\svaltion\s?rahoitus",
        r"(?:European\sSocial\sFund|European\sRegional\sDevelopment\sFund|Just\sTransition\sFund|ESF|ERDF|JTF)"
        r"(?:\s\((?:ESF|ERDF|JTF)\))?\sand\s(?:government|state|national)\s(?:funding|co-?financing)",
        r"EU\sand\s(?:state|government|national)\s(?:funding|financing|aid)",
        r"EU-\soch\sstat(?:lig|ens)\s(?:finansiering|medel)",
        r"myönnetty\stuki|tuki\syhteensä|granted\said|public\said",
        r"\b(?:EAKR|ESR|JTF|ERDF|ESF)\b(?=[ \t]*:?[ \t]*[0-9€])",
    ],
    "municipal": [
        r"kuntarahoitus|kuntien\srahoitus|kuntaraha|municipal\s(?:funding|financing)|kommunal\sfinansiering"
    ],
    "other_public": [
        r"muu\sjulkinen(?:\srahoitus)?|muut\sjulkiset(?:\srahoittajat)?|other\spublic\s(?:funding|financing)"
        r"|annan\soffentlig\sfinansiering|övrig\soffentlig\sfinansiering"
    ],
    "private": [
        r"yksityinen(?:\srahoitus)?|yksityiset(?:\srahoittajat)?|private\s(?:funding|financing)|privat\sfinansiering"
    ],
    "own": [
        r"omarahoitus|oma\srahoitus|own\s(?:funding|financing|contribution)|egen\sfinansiering|självfinansiering"
    ],
}
_FINANCING = {
    source: [
        re.compile(rf"(?:{label})(?P<gap>{GAP}){PCT_BEFORE}{MONEY_NAMED}", I) for label in labels
    ]
    for source, labels in FINANCING_LABELS.items()
}


def extract_financing(text: str, lang: str) -> list[Extraction]:
    # candidate (source, amount, match); a money span claimed by two labels goes to the nearer one
    candidates: dict[tuple[int, int], tuple[int, str, str, int]] = {}
    for source, patterns in _FINANCING.items():
        found = False
        for pattern in patterns:
            for match in pattern.finditer(text):
                amount = _amount(match)
                if amount is None:
                    continue
                money = match.span("pre") if match.group("pre") else match.span("post")
                distance = money[0] - match.start()
                previous = candidates.get(money)
                if previous is None or distance < previous[0]:
                    candidates[money] = (distance, source, amount, match.start())
                found = True
                break
            if found:
                break
    if not candidates:
        return []
    financing: dict[str, str] = {}
    spans = []
    for money, (_distance, source, amount, start) in sorted(candidates.items()):
        if source in financing:
            continue
        financing[source] = amount
        spans.append((start, money[1]))
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    # include the currency sign after the last amount
    tail = re.match(rf"{SP}?{CURRENCY_AFTER}", text[end:], I)
    if tail:
        end += tail.end()
    return [_x(text, "financing", financing, start, end)]


FLAT_RATE_PATTERNS = _compile(
    [
        rf"(?:flat[\s-]?rate|prosenttimääräinen\skorvaus|prosenttiperusteinen\skorvaus|kiinteä\sprosentti"
        rf"|kiinteämääräinen\skorvaus|schablon(?:ersättning)?|enhetlig\ssats)(?:\s?-?malli)?[^0-9\n%]{{0,25}}?{PERCENT}",
        rf"{PERCENT}(?::n)?\s(?:flat[\s-]?rate|prosenttimääräi\w+\skorvau\w*|kiinteä\w*\sprosent\w*)",
    ]
)
COST_MODEL_WORDS = [
    (re.compile(r"kertakorvau\w*|lump\ssums?|klumpsumm\w*|engångsbelopp", I), "lump_sum"),
    (
        re.compile(r"todellis\w+\skustannu\w+|real\scosts|actual\scosts|faktiska\skostnader", I),
        "real",
    ),
]
FLAT_MODELS = {
    Decimal("40"): "flat_40",
    Decimal("15"): "flat_15",
    Decimal("17"): "flat_17",
    Decimal("24"): "flat_24",
}


def extract_cost_model(text: str, lang: str) -> list[Extraction]:
    for pattern in FLAT_RATE_PATTERNS:
        for match in pattern.finditer(text):
            rate = parse_number(match.group("pct"))
            if rate is None or not 0 < rate <= 100:
                continue
            found = [_x(text, "flat_rate", money_str(rate), match.start(), match.end())]
            model = FLAT_MODELS.get(rate)
            if model:
                found.append(_x(text, "cost_model", model, match.start(), match.end()))
            return found
    for pattern, model in COST_MODEL_WORDS:
        match = pattern.search(text)
        if match:
            return [_x(text, "cost_model", model, match.start(), match.end())]
    return []


MAX_AID_PATTERNS = _compile(
    [
        rf"tuen\senimmäismäärä[^%\n]{{0,40}}?{PERCENT}",
        rf"(?:tuki|tuen\s(?:määrä|osuus)|tukiprosentti|tukitaso|tuki-intensiteetti)[ \t]*(?:on\s)?(?:enintään|max\.?|maksimissaan)\s{PERCENT}",
        rf"(?:enimmäistuki|tuen\senimmäisosuus|enimmäistukiprosentti)[^%\n0-9]{{0,20}}{PERCENT}",
        rf"(?:max(?:imum)?\.?\s(?:aid|support|grant)\s(?:rate|intensity|share)|aid\sintensity)[^%\n0-9]{{0,20}}{PERCENT}",
        rf"(?:aid|support)\s(?:rate\s)?(?:of\s)?(?:up\sto|at\smost|max(?:imum)?\.?)\s{PERCENT}",
        rf"(?:högsta\s)?stöd(?:andel|nivå|et\sär\shögst)[^%\n0-9]{{0,20}}{PERCENT}",
    ]
)


def extract_max_aid_rate(text: str, lang: str) -> list[Extraction]:
    for pattern in MAX_AID_PATTERNS:
        for match in pattern.finditer(text):
            rate = parse_number(match.group("pct"))
            if rate is not None and 0 < rate <= 100:
                return [_x(text, "max_aid_rate", money_str(rate), match.start(), match.end())]
    return []


# ---------------------------------------------------------------------------------------------
# Lists: target groups, work packages, themes

HEADING_LABEL = re.compile(r"^[^\n]{1,80}:[ \t]*$", re.M)

TARGET_LABEL = re.compile(
    r"^[ \t]*(?:hankkeen\s)?(?:kohderyhmä(?:t)?|target\sgroups?|målgrupp(?:er|en)?)[ \t]*:?[ \t]*(?P<rest>[^\n]*)$",
    I | re.M,
)
COUNT_NOUNS = {
    "yritystä": "Yritykset",
    "yritykset": "Yritykset",
    "pk-yritystä": "Pk-yritykset",
    "henkilöä": "Henkilöt",
    "osallistujaa": "Osallistujat",
    "opiskelijaa": "Opiskelijat",
    "työtöntä": "Työttömät",
    "nuorta": "Nuoret",
    "opettajaa": "Opettajat",
    "organisaatiota": "Organisaatiot",
    "companies": "Companies",
    "enterprises": "Enterprises",
    "smes": "SMEs",
    "persons": "Persons",
    "people": "People",
    "participants": "Participants",
    "students": "Students",
    "företag": "Företag",
    "personer": "Personer",
    "deltagare": "Deltagare",
}
_COUNT = re.compile(
    rf"(?<![0-9])(?P<n>{D}{{1,3}}(?:{SP}{D}{{3}})*)\s(?P<noun>{'|'.join(sorted(COUNT_NOUNS, key=len, reverse=True))})\b",
    I,
)
_AGE_COUNT = re.compile(
    rf"(?P<name>{D}{{1,2}}{DASH}{D}{{1,2}}-vuotia(?:ita|at))\s(?P<n>{D}{{1,4}})\s(?:henkilöä|nuorta)",
    I,
)
_ITEM_COUNT = re.compile(rf"\s*\((?P<n>{D}{{1,5}})\)\s*$")


def _section_after(text: str, start: int, limit: int = 3000) -> tuple[int, int]:
    """From `start` to the end of the list or paragraphs that follow, stopping at the next
    heading-like line ("Toimenpiteet:") or a long gap."""
    end = start
    for blocks, (b_start, b_end) in enumerate(_paragraphs(text[start : start + limit])):
        b_start += start
        b_end += start
        if blocks and (HEADING_LABEL.match(text, b_start) and text[b_start:b_end].count("\n") == 0):
            break
        first_line = text[b_start : _line_at(text, b_start)[1]]
        if blocks and not (_is_item(first_line) or blocks < 2):
            break
        end = b_end
    return start, end


def _is_item(line: str) -> bool:
    return line.lstrip().startswith(("•", "-", "*", "–")) or bool(
        re.match(rf"{D}+[.)]\s", line.lstrip())
    )


def _items(block: str) -> list[str]:
    return [
        re.sub(rf"^(?:[•*–-]|{D}+[.)])\s*", "", line.strip()).strip()
        for line in block.split("\n")
        if _is_item(line) and len(line.strip()) > 2
    ]


def _capitalise(value: str) -> str:
    return value[:1].upper() + value[1:] if value else value


def extract_target_groups(text: str, lang: str) -> list[Extraction]:
    for label in TARGET_LABEL.finditer(text):
        start, end = _section_after(text, label.start())
        section = text[start:end]
        if len(section) <= len(label.group(0)) and not label.group("rest").strip():
            continue
        groups = []
        for match in _AGE_COUNT.finditer(section):
            name = re.sub(r"vuotiaita$", "vuotiaat", match.group("name"))
            groups.append({"name": name, "count": int(re.sub(r"\D", "", match.group("n")))})
        for match in _COUNT.finditer(section):
            if any(g["count"] == int(re.sub(r"\D", "", match.group("n"))) for g in groups):
                continue
            groups.append(
                {
                    "name": COUNT_NOUNS[match.group("noun").lower()],
                    "count": int(re.sub(r"\D", "", match.group("n"))),
                }
            )
        for item in _items(section):
            count_match = _ITEM_COUNT.search(item)
            name = _ITEM_COUNT.sub("", item).rstrip(" ,;.") if count_match else item.rstrip(" ,;.")
            groups.append(
                {
                    "name": _capitalise(name),
                    "count": int(count_match.group("n")) if count_match else None,
                }
            )
        if not groups and label.group("rest").strip():
            for part in re.split(r"\s*[,;]\s*", label.group("rest")):
                if len(part) > 2:
                    groups.append({"name": _capitalise(part.strip(" .")), "count": None})
        if groups:
            start, end = _trimmed_span(text, start, end)
            return [_x(text, "target_groups", groups, start, end)]
    return []


WORK_PACKAGE_NUMBERED = re.compile(
    rf"^[ \t•]*(?:työpaketti|work\spackage|arbetspaket|TP|WP)[ \t]*(?P<n>{D}{{1,2}})[ \t]*[:.–—-]?[ \t]*"
    rf"(?P<title>[^\n]{{3,400}})",
    I | re.M,
)
WORK_PACKAGE_LIST = re.compile(
    r"^[ \t]*(?:hankkeen\s)?(?:työpaketit|work\spackages|arbetspaket(?:en)?)[ \t]*:?[ \t]*$",
    I | re.M,
)


def _title(value: str) -> str:
    # the title ends at the first full stop that ends a sentence
    sentence = re.split(r"(?<=[a-zåäö)])\.(?=\s+[A-ZÅÄÖ]|\s*$)", value, maxsplit=1)[0]
    return _clean_value(sentence)


def extract_work_packages(text: str, lang: str) -> list[Extraction]:
    packages, start, end = [], None, None
    seen = set()
    for match in WORK_PACKAGE_NUMBERED.finditer(text):
        number = int(match.group("n"))
        title = _title(match.group("title"))
        if number in seen or len(title) < 3:
            continue
        seen.add(number)
        packages.append(title)
        start = match.start() if start is None else start
        end = match.end()
    if packages:
        s, e = _trimmed_span(text, start, end)
        return [_x(text, "work_packages", packages, s, e)]
    for label in WORK_PACKAGE_LIST.finditer(text):
        s, e = _section_after(text, label.start())
        lines = [line.strip(" \t•*-") for line in text[label.end() : e].split("\n")]
        names = [_clean_value(line) for line in lines if len(line.strip()) > 2]
        if names:
            s, e = _trimmed_span(text, s, e)
            return [_x(text, "work_packages", names, s, e)]
    return []


THEMES_LABEL = re.compile(
    r"^[^\n]{0,120}\b(?:teemat|teemoja|teemaa|themes|teman|painopisteet|painopistealueet|focus\sareas)\b[^\n]{0,40}:[ \t]*$",
    I | re.M,
)


def extract_themes(text: str, lang: str) -> list[Extraction]:
    for label in THEMES_LABEL.finditer(text):
        s, e = _section_after(text, label.end())
        items = [_clean_value(item) for item in _items(text[s:e])]
        items = [item for item in items if item]
        if items:
            s, e = _trimmed_span(text, label.start(), e)
            return [_x(text, "themes", items, s, e)]
    return []


# ---------------------------------------------------------------------------------------------
# Status, name and summary

STATUS_ENDED = _compile(
    [
        r"hankkeen\stoiminta\son\späättynyt|hanke\son\späättynyt|hanke\späättyi|hanke\son\späättynyt"
        r"|projekti\son\späättynyt|the\sproject\shas\s(?:ended|been\scompleted|finished|closed)"
        r"|(?:this\s)?project\s(?:has\s)?ended|projektet\shar\s(?:avslutats|upphört)|projektet\sär\savslutat"
        r"|^[ \t]*(?:tila|status)[ \t]*:[ \t]*(?:päättynyt|ended|closed|completed|avslutat)\b",
    ]
)


def extract_status(text: str, lang: str) -> list[Extraction]:
    for pattern in STATUS_ENDED:
        match = re.search(pattern.pattern, text, I | re.M)
        if match:
            return [_x(text, "status", "ended", match.start(), match.end())]
    return []


NAME_LABEL = re.compile(
    r"^[ \t•]*(?:hankkeen\snimi|projektin\snimi|hanke|project\sname|name\sof\sthe\sproject|project|projektets\snamn"
    r"|projekt)[ \t]*:[ \t]*(?P<v>[^\n]{2,200})",
    I | re.M,
)
GENERIC_HEADINGS = re.compile(
    r"^(?:project\scontent|project\sdescription|summary|objective(?:s)?(?:\sof\sthe\sproject)?|background"
    r"|project\simplementation|results|tiivistelmä|hankkeen\skuvaus|kuvaus|tausta|tavoitteet|toteutus|tulokset"
    r"|hakijan\sesittämä\skuvaus\shankkeen\ssisällöstä|lisätietoja(?:\shakemuksesta)?|sammanfattning"
    r"|projektets\sinnehåll|bakgrund|mål|genomförande|resultat|uutiset|news|nyheter|ajankohtaista|etusivu|home"
    r"|hankkeet|projects|projekt)\b",
    I,
)
_NAME_NOUN = re.compile(
    r"\b(?P<v>[A-ZÅÄÖ][\w]{2,30}|[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9&-]{1,30})\s(?:project|-hanke|hanke|-projekti|projekti|projektet)\b"
    r"|(?P<v2>[A-ZÅÄÖ][\w]{2,30})-(?:hanke|hankkeen|hankkeessa|projekti|projektet)\b"
)
_NOT_NAMES = {
    "the",
    "this",
    "that",
    "our",
    "each",
    "every",
    "a",
    "an",
    "project",
    "hankkeen",
    "hanke",
    "tämä",
    "koko",
    "uusi",
    "new",
    "eu",
    "esr",
    "eakr",
    "esf",
    "erdf",
    "jtf",
    "projektet",
    "detta",
}


def _name_value(raw: str) -> str:
    value = _clean_value(raw)
    value = re.sub(
        rf"\s*{DASH}?\s*(?:hanke|project|projekti|projektet)?\s*{D}{{4}}\s*{DASH}\s*{D}{{4}}$",
        "",
        value,
        flags=I,
    )
    value = re.sub(r"\s*-?(?:hanke|projekti)$", "", value, flags=I).strip(" -–")
    letters = [ch for ch in value if ch.isalpha()]
    if len(value.split()) > 1 and letters and all(ch.isupper() for ch in letters):
        value = value[:1] + value[1:].lower()  # "GROWTH THROUGH COOPERATION" → sentence case
    return value


def _heading_like(line: str) -> bool:
    stripped = line.strip()
    return (
        2 <= len(stripped) <= 120
        and len(stripped.split()) <= 14
        and any(ch.isalpha() for ch in stripped)
        and not stripped.endswith((".", ":", "!", "?", ",", ";"))
        and not stripped.startswith(("•", "-", "*", "–", "|", "©"))
        and not GENERIC_HEADINGS.match(stripped)
        and ":" not in stripped
    )


def extract_name(text: str, lang: str) -> list[Extraction]:
    for match in NAME_LABEL.finditer(text):
        value = _name_value(match.group("v"))
        if len(value) >= 2:
            s, e = _trimmed_span(text, match.start(), match.end())
            return [_x(text, "name", value, s, e)]
    # the first heading-like line of the first few blocks (a single-line block)
    for count, (start, end) in enumerate(_paragraphs(text)):
        if count >= 3:
            break
        block = text[start:end]
        if "\n" not in block and _heading_like(block):
            value = _name_value(block)
            if len(value) >= 2:
                return [_x(text, "name", value, start, end)]
    for match in _NAME_NOUN.finditer(text):
        group = "v" if match.group("v") else "v2"
        value = match.group(group)
        if value.lower() in _NOT_NAMES:
            continue
        return [_x(text, "name", value, match.start(group), match.end(group))]
    return []


SUMMARY_LABEL = re.compile(
    r"^[ \t]*(?:tiivistelmä|summary|project\scontent|project\ssummary|project\sdescription|hankkeen\skuvaus"
    r"|hankkeen\ssisältö|hakijan\sesittämä\skuvaus\shankkeen\ssisällöstä|kuvaus|sammanfattning"
    r"|projektets\sinnehåll|projektbeskrivning)[ \t]*:?[ \t]*$",
    I | re.M,
)
SUBSTANTIAL = 150
LABELLED_SUMMARY_MINIMUM = 40
MAX_SUMMARY_PARAGRAPHS = 3


LABEL_LINE = re.compile(r"^[^\n:]{2,60}:[ \t]*\S", re.M)


def _substantial(paragraph: str, *, minimum: int = SUBSTANTIAL) -> bool:
    """Running text: long enough, mostly letters, not a list and not a block of
    `label: value` lines (a page's fact box is not its summary)."""
    return (
        len(paragraph) >= minimum
        and len(paragraph.split()) >= min(15, minimum // 10)
        and len(LABEL_LINE.findall(paragraph)) < 3
        and not paragraph.rstrip().endswith(":")
        and not paragraph.lstrip().startswith(("•", "|"))
        and sum(ch.isalpha() for ch in paragraph) > len(paragraph) * 0.6
    )


def _summary_value(text: str, start: int, end: int) -> str:
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", text[start:end]))


def extract_summary(text: str, lang: str) -> list[Extraction]:
    label = SUMMARY_LABEL.search(text)
    if label:
        chosen = []
        for start, end in _paragraphs(text[label.end() :]):
            paragraph = text[label.end() + start : label.end() + end]
            # under a summary label a shorter paragraph is a summary too
            if not _substantial(paragraph, minimum=LABELLED_SUMMARY_MINIMUM):
                if chosen:
                    break
                continue
            chosen.append((label.end() + start, label.end() + end))
            if len(chosen) >= MAX_SUMMARY_PARAGRAPHS:
                break
        if chosen:
            start, end = chosen[0][0], chosen[-1][1]
            return [_x(text, "summary", _summary_value(text, start, end), start, end)]
    for start, end in _paragraphs(text):
        if _substantial(text[start:end]):
            return [_x(text, "summary", _summary_value(text, start, end), start, end)]
    return []


# ---------------------------------------------------------------------------------------------

EXTRACTORS: list[Callable[[str, str], list[Extraction]]] = [
    extract_code,
    extract_name,
    extract_implementer,
    extract_business_id,
    extract_co_implementers,
    extract_funding_authority,
    extract_fund,
    extract_programme,
    extract_priority_axis,
    extract_specific_objective,
    extract_period,
    extract_total_budget,
    extract_financing,
    extract_cost_model,
    extract_max_aid_rate,
    extract_staff_costs,
    extract_target_groups,
    extract_work_packages,
    extract_themes,
    extract_status,
    extract_summary,
]


def extract(text: str, lang: str, *, strict: bool = False) -> list[Extraction]:
    """Every fact found in `text`, in FIELDS order, at most one Extraction per field.

    `strict=True` lets an extractor's exception through (for tests); otherwise a failing
    extractor is logged and skipped so an import never crashes."""
    if not text:
        return []
    found: dict[str, Extraction] = {}
    for extractor in EXTRACTORS:
        try:
            results = extractor(text, lang)
        except Exception:
            if strict:
                raise
            logger.exception("Extractor %s failed", extractor.__name__)
            continue
        for extraction in results:
            if (
                extraction.field not in found
                and extraction.snippet == text[extraction.start : extraction.end]
            ):
                found[extraction.field] = extraction
    return [found[field] for field in FIELDS if field in found]


def values(extractions: list[Extraction]) -> dict[str, object]:
    """{field: value} of a list of extractions (what `checks.consistency_warnings` takes)."""
    return {extraction.field: extraction.value for extraction in extractions}
