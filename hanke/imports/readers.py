"""Read an uploaded document (HTML, PDF, DOCX or plain text) into plain text.

Pure functions: bytes in, text out. Anything wrong with the file is a `ReadError` whose message
is translated and fit to show to the person who uploaded it; no other exception escapes
`read_document` for any input.
"""

import io
import re
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

MAX_BYTES = 20 * 1024 * 1024
FORMATS = ("html", "pdf", "docx", "text")

HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
TEXT_EXTENSIONS = {".txt", ".text", ".md", ".csv", ""}
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|div|p|article|meta)\b", re.I)


class ReadError(Exception):
    """The file cannot be read. `message` is translated and user-facing."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)


@dataclass(frozen=True)
class ReadDocument:
    text: str
    format: str  # "html" | "pdf" | "docx" | "text"
    encoding: str | None = None


def _extension(filename: str) -> str:
    name = (filename or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1].lower()
    return "." + name.rsplit(".", 1)[1] if "." in name else ""


def _is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return False


def detect_format(data: bytes, filename: str) -> str:
    """The format by magic bytes first, then by the file name's extension."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK"):
        if _is_docx(data):
            return "docx"
        raise ReadError(_("The file is not a PDF, DOCX, HTML or text document."))
    extension = _extension(filename)
    if extension == ".pdf":
        raise ReadError(_("The file is not a valid PDF."))
    if extension == ".docx":
        raise ReadError(_("The file is not a valid DOCX document."))
    if extension in HTML_EXTENSIONS or _HTML_SNIFF.match(head):
        return "html"
    if extension in {".doc", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".rtf", ".zip"}:
        raise ReadError(_("The file is not a PDF, DOCX, HTML or text document."))
    return "text"


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes to text: a byte-order mark, UTF-8, charset-normalizer's best guess, cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "utf-8"):
        try:
            return data.decode(encoding), "utf-8"
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding:
            return str(best), best.encoding
    except Exception:  # noqa: BLE001 - a detector failure falls back to cp1252
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:4096]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return control > len(sample) * 0.05 or "\x00" in sample


def _read_text(data: bytes) -> ReadDocument:
    text, encoding = decode_text(data)
    if _looks_binary(text):
        raise ReadError(_("The file is not a PDF, DOCX, HTML or text document."))
    return ReadDocument(
        text=text.replace("\r\n", "\n").replace("\r", "\n"), format="text", encoding=encoding
    )


def _html_fallback(html: str) -> str:
    """Plain text of the HTML body with block elements as paragraphs (lxml)."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (ValueError, TypeError, Exception):  # noqa: BLE001 - lxml raises many types
        return re.sub(r"<[^>]*>", " ", html)
    for bad in root.xpath(
        "//script|//style|//noscript|//template|//nav|//header|//footer|//aside|//form|//button"
    ):
        bad.drop_tree()
    blocks = []
    for element in root.iter(
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "dt", "dd", "pre", "blockquote"
    ):
        if element.tag == "tr":
            cells = [" ".join(cell.text_content().split()) for cell in element.iter("td", "th")]
            text = " | ".join(cell for cell in cells if cell)
        elif element.xpath(".//p|.//li|.//h1|.//h2|.//h3|.//tr"):
            continue
        else:
            text = " ".join(element.text_content().split())
        if text:
            blocks.append(("• " + text) if element.tag == "li" else text)
    if not blocks:
        return root.text_content()
    return "\n\n".join(blocks)


def _read_html(data: bytes) -> ReadDocument:
    html, encoding = decode_text(data)
    text = None
    try:
        import trafilatura

        text = trafilatura.extract(
            html,
            include_tables=True,
            include_formatting=False,
            include_comments=False,
            favor_recall=True,
            output_format="txt",
        )
    except Exception:  # noqa: BLE001 - trafilatura can fail on odd markup; fall back
        text = None
    if not text or not text.strip():
        try:
            text = _html_fallback(html)
        except Exception:  # noqa: BLE001
            text = re.sub(r"<[^>]*>", " ", html)
    # trafilatura separates paragraphs by single newlines; make them blank-line blocks.
    text = re.sub(r"\n(?!\n)", "\n\n", text.strip())
    text = re.sub(r"\n{3,}", "\n\n", text)
    return ReadDocument(text=text, format="html", encoding=encoding)


def _read_pdf(data: bytes) -> ReadDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ReadError(_("This PDF is encrypted."))
            except ReadError:
                raise
            except Exception as exc:
                raise ReadError(_("This PDF is encrypted.")) from exc
        pages = []
        for page in reader.pages:
            pages.append((page.extract_text() or "").strip())
    except ReadError:
        raise
    except (PdfReadError, Exception) as exc:  # noqa: BLE001 - pypdf raises many types
        raise ReadError(_("The PDF file is damaged and cannot be read.")) from exc
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        raise ReadError(
            _("The PDF has no text layer (it may be a scanned image); no text could be read.")
        )
    return ReadDocument(text=text, format="pdf", encoding=None)


def _read_docx(data: bytes) -> ReadDocument:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        blocks = []
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                text = item.text.strip()
                if text:
                    style = (item.style.name if item.style is not None else "") or ""
                    if style.lower().startswith("list"):
                        text = "• " + text
                    blocks.append(text)
            elif isinstance(item, Table):
                for row in item.rows:
                    cells = []
                    for cell in row.cells:
                        value = " ".join(cell.text.split())
                        if value and (not cells or cells[-1] != value):  # merged cells repeat
                            cells.append(value)
                    if cells:
                        blocks.append(" | ".join(cells))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types on bad files
        raise ReadError(_("The DOCX file is damaged and cannot be read.")) from exc
    return ReadDocument(text="\n\n".join(blocks), format="docx", encoding=None)


READERS = {"html": _read_html, "pdf": _read_pdf, "docx": _read_docx, "text": _read_text}


def read_document(data: bytes, filename: str) -> ReadDocument:
    """Read the document's text. Raises ReadError (translated) for anything that cannot be read."""
    if not data or not data.strip():
        raise ReadError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise ReadError(
            _("The file is too large (over %(size)s MB).") % {"size": MAX_BYTES // (1024 * 1024)}
        )
    fmt = detect_format(data, filename)
    try:
        document = READERS[fmt](data)
    except ReadError:
        raise
    except RecursionError as exc:
        raise ReadError(_("The file could not be read.")) from exc
    except Exception as exc:  # noqa: BLE001 - never a traceback to the user
        raise ReadError(_("The file could not be read.")) from exc
    if not document.text.strip():
        raise ReadError(_("No text could be read from the file."))
    return document
