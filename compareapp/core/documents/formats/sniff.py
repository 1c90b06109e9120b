"""Decide which reader a file needs from what its bytes hold, not only from its name.

A saved page renamed ``.txt`` is still read as a web page, and a file whose name promises
a format its content does not have (a ``.docx`` that is not a ZIP file, a ``.pdf`` without
the PDF signature) is refused with a reason rather than shown as garbage.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from pathlib import Path

from compareapp.core.documents.formats import ExtractionError

FORMATS = ("text", "markdown", "html", "mhtml", "docx", "pdf")
"""What :func:`detect_format` returns."""

_REFUSED_MAGIC = (
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"\x7fELF", "a program, not text"),
    (b"\x1f\x8b", "a gzip archive, not text"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "a password-protected Office document or an Office 97–2003 file (.doc, .xls), "
        "which cannot be read; save it as .docx without a password",
    ),
)
_ZIP_MAGIC = b"PK\x03\x04"
_WORD_PART = "word/document.xml"
_OTHER_ZIPS = (
    ("content.xml", "an OpenDocument file, not a Word document; save it as .docx"),
    ("xl/workbook.xml", "an Excel workbook, not a Word document"),
    ("ppt/presentation.xml", "a PowerPoint presentation, not a Word document"),
)
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mkdn"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_MHTML_SUFFIXES = {".mht", ".mhtml"}
_HEAD_BYTES = 65536

# A document that declares itself HTML: a doctype or an <html>/<head>/<body> element first,
# after any XML declaration and comments.
_HTML_DOCUMENT = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
# A fragment that starts with a block element and closes several: "<p>…</p><p>…</p>".
_HTML_FRAGMENT = re.compile(r"\s*<(?:p|div|h[1-6]|article|section|main|ul|ol|table)[\s>]", re.I)
_CLOSING_BLOCK = re.compile(r"</(?:p|div|h[1-6]|li|article|section|td|tr)>", re.IGNORECASE)
_MIME_HEADER = re.compile(r"^mime-version:", re.IGNORECASE | re.MULTILINE)
_MULTIPART_RELATED = re.compile(r"^content-type:\s*multipart/related", re.I | re.M)


def detect_format(data: bytes, path: Path) -> str:
    """One of :data:`FORMATS` for ``data``, read from ``path``; raises :class:`ExtractionError`
    for files that hold no text we can read (images, programs, archives) or that are not what
    their name says."""
    suffix = path.suffix.lower()
    for magic, what in _REFUSED_MAGIC:
        if data.startswith(magic):
            raise ExtractionError(f"is {what}")
    if data.startswith(b"%PDF") or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return "pdf"
    if suffix == ".pdf":
        raise ExtractionError("is named .pdf but is not a PDF (it lacks the %PDF signature)")
    if data.startswith(_ZIP_MAGIC):
        return _zip_format(data, suffix)
    if suffix == ".docx":
        raise ExtractionError("is named .docx but is not a Word document (not a ZIP file)")
    head = _text_head(data)
    if suffix in _MHTML_SUFFIXES or _is_mhtml(head):
        return "mhtml"
    if _HTML_DOCUMENT.match(head):
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in _HTML_SUFFIXES or _is_html_fragment(head):
        return "html"
    return "text"


def _zip_format(data: bytes, suffix: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        if suffix == ".docx":
            raise ExtractionError("is a damaged Word document (its ZIP data is broken)") from None
        raise ExtractionError("is a ZIP archive, not a Word document") from None
    if _WORD_PART in names:
        return "docx"
    if suffix == ".docx":
        raise ExtractionError(f"is named .docx but is not a Word document (no {_WORD_PART})")
    for member, what in _OTHER_ZIPS:
        if member in names:
            raise ExtractionError(f"is {what}")
    raise ExtractionError("is a ZIP archive, not a Word document")


def _text_head(data: bytes) -> str:
    """The first 64 KB as text, good enough to recognise markup in any encoding."""
    sample = data[: _HEAD_BYTES + 4]
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if sample.startswith(bom) and not sample.startswith(codecs.BOM_UTF32_LE):
            return sample[len(bom) :].decode(encoding, errors="ignore")
    return sample.removeprefix(codecs.BOM_UTF8).decode("latin-1")


def _is_mhtml(head: str) -> bool:
    """A MIME message of related parts, as browsers save "single file" pages."""
    headers = re.split(r"\r?\n\r?\n", head, maxsplit=1)[0]
    return bool(_MIME_HEADER.search(headers) and _MULTIPART_RELATED.search(headers))


def _is_html_fragment(head: str) -> bool:
    """Markup without a doctype: a block element first and several closed after it."""
    return bool(_HTML_FRAGMENT.match(head)) and len(_CLOSING_BLOCK.findall(head)) >= 2
