"""Checks of uploaded files (application attachments, receipts): by the file name's extension AND
by the file's own first bytes, so that a program renamed `liite.pdf` is refused. The content type
stored (and sent on download) is the one of the checked type, never the one the browser claimed."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
ZIP_MAGIC = b"PK\x03\x04"

# extension: (type name for messages, content type, first bytes or None for text)
TYPES = {
    ".pdf": ("PDF", PDF, (b"%PDF",)),
    ".docx": ("DOCX", DOCX, (ZIP_MAGIC,)),
    ".xlsx": ("XLSX", XLSX, (ZIP_MAGIC,)),
    ".odt": ("ODT", ODT, (ZIP_MAGIC,)),
    ".png": ("PNG", "image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPEG", "image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", "image/jpeg", (b"\xff\xd8\xff",)),
    ".txt": ("TXT", "text/plain", None),
    ".csv": ("CSV", "text/csv", None),
}
ALLOWED_LABEL = gettext_lazy("PDF, DOCX, XLSX, ODT, PNG, JPEG, TXT or CSV")

# What a zip-based document must contain to be the kind its name says.
ZIP_MEMBERS = {
    ".docx": "word/document.xml",
    ".xlsx": "xl/workbook.xml",
}


def extension_of(name: str) -> str:
    name = (name or "").lower()
    return "." + name.rsplit(".", 1)[-1] if "." in name else ""


def _megabytes(size: int) -> str:
    from decimal import Decimal

    from hanke.core.formatting import format_number

    return format_number(Decimal(size) / Decimal(1024 * 1024), 1)


def _zip_matches(upload, extension: str) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if extension == ".odt":
                return "mimetype" in names and archive.read("mimetype").strip() == ODT.encode()
            return ZIP_MEMBERS[extension] in names
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def _text_matches(upload) -> bool:
    upload.seek(0)
    try:
        content = upload.read()
    finally:
        upload.seek(0)
    if b"\x00" in content:
        return False
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def check_upload(upload, *, extensions=None, allowed_label=None, max_bytes=None) -> str:
    """The content type of an acceptable upload; raises ValidationError with a message that names
    the file and what is wrong with it. By default the application attachments' rules apply;
    give `extensions` (a subset of TYPES), their `allowed_label` and `max_bytes` for others."""
    extensions = set(extensions or TYPES)
    allowed_label = allowed_label or ALLOWED_LABEL
    max_bytes = max_bytes or settings.ATTACHMENT_MAX_BYTES
    name = upload.name or ""
    extension = extension_of(name)
    if extension not in extensions:
        raise ValidationError(
            _("“%(name)s” cannot be attached: attach %(types)s files.")
            % {"name": name, "types": allowed_label},
            code="file_type",
        )
    if upload.size > max_bytes:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s MB): a file can be at most %(max)s MB.")
            % {
                "name": name,
                "size": _megabytes(upload.size),
                "max": max_bytes // (1024 * 1024),
            },
            code="file_size",
        )
    if not upload.size:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="file_empty")
    type_name, content_type, signatures = TYPES[extension]
    if signatures is None:
        matches = _text_matches(upload)
    else:
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        matches = any(head.startswith(s) for s in signatures)
        if matches and signatures == (ZIP_MAGIC,):
            matches = _zip_matches(upload, extension)
    if not matches:
        message = (
            _(
                "The content of “%(name)s” is not text as its name says (%(type)s files must be "
                "plain UTF-8 text). Choose the file itself."
            )
            if signatures is None
            else _(
                "The content of “%(name)s” is not a %(type)s file as its name says. "
                "Choose the file itself."
            )
        )
        raise ValidationError(message % {"name": name, "type": type_name}, code="file_content")
    return content_type
