"""Reading a page's <head> as a browser or a crawler does: its <link> and <meta> elements with
their attributes unescaped."""

from html.parser import HTMLParser


class _HeadParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[dict] = []
        self.meta: list[dict] = []
        self.in_head = True

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_head = False
        if not self.in_head:
            return
        if tag == "link":
            self.links.append(dict(attrs))
        elif tag == "meta":
            self.meta.append(dict(attrs))


def parse_head(html: str) -> _HeadParser:
    parser = _HeadParser()
    parser.feed(html)
    return parser


def links(html: str, rel: str) -> list[dict]:
    return [link for link in parse_head(html).links if link.get("rel") == rel]


def properties(html: str) -> dict[str, list[str]]:
    """Open Graph and Twitter meta elements: {property or name: [content, …]}."""
    found: dict[str, list[str]] = {}
    for meta in parse_head(html).meta:
        key = meta.get("property") or meta.get("name")
        if key:
            found.setdefault(key, []).append(meta.get("content", ""))
    return found
