"""Reading documents: real HTML, PDF, DOCX and text files; bad files give a clear ReadError."""

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hanke.imports.readers import MAX_BYTES, ReadError, decode_text, detect_format, read_document

FINNISH = "Hankkeen keskeisenä tavoitteena on lisätä yhteistyötä Pohjois-Pohjanmaalla – 309 642 €."

HTML_PAGE = """<!DOCTYPE html>
<html lang="fi"><head><meta charset="utf-8"><title>Kasvua yhteistyöllä</title>
<script>var fbq = 1;</script><style>body{}</style></head>
<body>
<a class="skip" href="#main">Siirry sisältöön</a>
<nav><ul><li><a href="/">Etusivu</a></li><li><a href="/h">Hankkeet</a></li>
<li><a href="/u">Uutiset</a></li><li><a href="/y">Yhteystiedot</a></li></ul></nav>
<div class="cookie-banner">Käytämme evästeitä. <button>Hyväksy evästeet</button></div>
<main id="main"><article>
<h1>Kasvua yhteistyöllä -hanke 2019–2022</h1>
<p>Hankkeen keskeisenä tavoitteena oli lisätä Lapin eri toimialojen yhteistyötä ja koota
elinkeinoelämän yhteinen visio sekä tuottaa ajantasaista materiaalia eri toimialoilta.</p>
<p>Toteutusaika: 1.10.2019-30.09.2022</p>
<p>Budjetti: 170 250 e</p>
<table><tr><td>Kuntarahoitus</td><td>21 200 €</td></tr></table>
</article></main>
<footer>© 2022 Lapin kauppakamari</footer>
</body></html>"""


def _pdf(html: str) -> bytes:
    weasyprint = pytest.importorskip("weasyprint")
    return weasyprint.HTML(string=html).write_pdf()


def test_html_page_keeps_the_article_and_its_paragraphs():
    document = read_document(HTML_PAGE.encode("utf-8"), "sivu.html")
    assert document.format == "html"
    assert "Hankkeen keskeisenä tavoitteena" in document.text
    assert "Toteutusaika: 1.10.2019-30.09.2022" in document.text
    assert "\n\n" in document.text  # paragraphs stay blocks
    assert "var fbq" not in document.text


def test_html_is_recognised_without_an_extension():
    assert read_document(HTML_PAGE.encode("utf-8"), "download").format == "html"


def test_html_fallback_when_trafilatura_finds_nothing():
    document = read_document(b"<html><body><p>Hanke S20123</p></body></html>", "a.html")
    assert "S20123" in document.text


def test_pdf_all_pages_are_read():
    data = _pdf(
        "<p>Hankekoodi S20123. Ensimmäinen sivu.</p>"
        '<p style="page-break-before: always">Toinen sivu: Kokonaisbudjetti 309 642 €</p>'
    )
    document = read_document(data, "tuloste.pdf")
    assert document.format == "pdf"
    assert "S20123" in document.text
    assert "309" in document.text and "Toinen sivu" in document.text
    assert "\n\n" in document.text


def test_pdf_is_recognised_by_its_magic_bytes_whatever_the_name():
    assert read_document(_pdf("<p>Hanke</p>"), "tiedosto.txt").format == "pdf"


def test_encrypted_pdf_is_refused():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_pdf("<p>Salainen</p>"))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="salasana", owner_password="omistaja")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ReadError) as error:
        read_document(out.getvalue(), "salattu.pdf")
    assert str(error.value) == "This PDF is encrypted."


def test_corrupt_pdf_is_refused():
    with pytest.raises(ReadError):
        read_document(b"%PDF-1.7\n garbage that is not a pdf at all", "rikki.pdf")


def test_not_a_pdf_with_a_pdf_name():
    with pytest.raises(ReadError):
        read_document(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "kuva.pdf")


def test_docx_paragraphs_and_table_rows():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Kasvua yhteistyöllä", level=1)
    document.add_paragraph("Hankekoodi: A12345")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Kuntarahoitus"
    table.cell(0, 1).text = "21 200 €"
    table.cell(1, 0).text = "Yksityinen rahoitus"
    table.cell(1, 1).text = "7 850 €"
    document.add_paragraph("Lopuksi.")
    out = io.BytesIO()
    document.save(out)
    read = read_document(out.getvalue(), "hakemus.docx")
    assert read.format == "docx"
    assert read.text.split("\n\n") == [
        "Kasvua yhteistyöllä",
        "Hankekoodi: A12345",
        "Kuntarahoitus | 21 200 €",
        "Yksityinen rahoitus | 7 850 €",
        "Lopuksi.",
    ]


def test_other_zip_files_are_refused():
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ReadError) as error:
        read_document(out.getvalue(), "taulukko.xlsx")
    assert "not a PDF, DOCX, HTML or text" in str(error.value)


def test_broken_docx_is_refused():
    with pytest.raises(ReadError):
        read_document(b"PK\x03\x04 not really a zip", "hakemus.docx")


@pytest.mark.parametrize("data", [b"", b"   \n\t ", b"\n"])
def test_empty_file(data):
    with pytest.raises(ReadError) as error:
        read_document(data, "tyhja.txt")
    assert str(error.value) == "The file is empty."


def test_too_large(monkeypatch):
    monkeypatch.setattr("hanke.imports.readers.MAX_BYTES", 10)
    with pytest.raises(ReadError) as error:
        read_document(b"x" * 11, "iso.txt")
    assert "too large" in str(error.value)
    assert MAX_BYTES == 20 * 1024 * 1024


def test_binary_junk_is_not_text():
    with pytest.raises(ReadError):
        read_document(bytes(range(256)) * 4, "outo.bin")


def test_error_messages_are_translated():
    from django.utils import translation

    with translation.override("fi"), pytest.raises(ReadError) as error:
        read_document(b"", "x.txt")
    assert str(error.value)  # a message whatever the catalogue says


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_text_encodings(encoding):
    document = read_document(FINNISH.encode(encoding, errors="replace"), "teksti.txt")
    assert document.format == "text"
    if encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1252"):
        assert document.text == FINNISH
    else:  # latin-1 has no en dash or euro sign
        assert "Pohjois-Pohjanmaalla" in document.text and "keskeisenä" in document.text


def test_crlf_line_ends():
    assert read_document(b"a\r\nb\rc", "x.txt").text == "a\nb\nc"


@pytest.mark.parametrize(
    ("data", "filename", "expected"),
    [
        (b"%PDF-1.4 ...", "x", "pdf"),
        (b"<!DOCTYPE html><html>", "x", "html"),
        (b"  <html><body>", "x.txt", "html"),
        (b"plain", "x.htm", "html"),
        (b"plain", "x.txt", "text"),
        (b"plain", "README", "text"),
    ],
)
def test_detect_format(data, filename, expected):
    assert detect_format(data, filename) == expected


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.binary(max_size=500).map(lambda b: b"%PDF-1.4\n" + b),
        st.binary(max_size=500).map(lambda b: b"PK\x03\x04" + b),
        st.binary(max_size=500).map(lambda b: b"<html><body>" + b),
    ),
    filename=st.sampled_from(["a.pdf", "a.docx", "a.html", "a.txt", "a", "a.xlsx", "A.PDF", ""]),
)
def test_random_bytes_give_text_or_a_read_error(data, filename):
    try:
        document = read_document(data, filename)
    except ReadError as error:
        assert str(error)
    else:
        assert isinstance(document.text, str) and document.text.strip()
        assert document.format in ("html", "pdf", "docx", "text")


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(
        alphabet=st.characters(codec="latin-1", exclude_categories=("Cc", "Cs")), min_size=1
    ).filter(lambda t: t.strip()),
    encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]),
)
def test_random_text_in_random_encodings_decodes_to_text(text, encoding):
    data = text.encode(encoding, errors="replace")
    decoded, used = decode_text(data)
    assert isinstance(decoded, str) and used
    if encoding in ("utf-8", "utf-16"):
        assert decoded == text
    try:
        document = read_document(data, "x.txt")
    except ReadError:
        return
    assert document.text
