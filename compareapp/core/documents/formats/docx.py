"""Word documents (.docx): the text as Word shows it with every tracked change accepted.

The ZIP container is checked before anything is inflated: its directory must not promise
more than :data:`MAX_INFLATED_BYTES` in all, nor a large member packed unusually tightly
(a ZIP bomb). Every member is then inflated once in chunks and checked against the
directory's sizes and checksums, so a directory that lies about a member is refused as
damaged rather than believed.

mammoth converts the document to HTML (tracked insertions kept, deletions dropped;
headers, footers, comments and images left out) and the HTML is walked for blocks:

- each paragraph, heading (``h1``–``h6``) and list item is one block;
- a table gives each paragraph of each cell as a block, row by row and left to right in
  a row, so a cell's text reads as it does in Word and a one-cell "box" stays one block;
- footnote and endnote markers ("[1]") are removed from the text, and the notes follow the
  body as blocks of their own, without their back-links ("↑").
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from compareapp.core.documents.formats import Extracted, ExtractionError

FORMAT = "Word document"

MAX_INFLATED_BYTES = 200 * 2**20
"""A document whose parts would inflate to more than this in all is refused as a ZIP bomb."""
MAX_RATIO = 100
"""A member larger than :data:`RATIO_CHECKED_ABOVE` that inflates more than this many times
its packed size is refused as a ZIP bomb (text and images never pack that tightly)."""
RATIO_CHECKED_ABOVE = 10 * 2**20

MAIN_PART = "word/document.xml"
CORE_PART = "docProps/core.xml"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
"""An OLE compound file: an old binary .doc, or a .docx that Word has encrypted."""

_CHUNK = 2**20
_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li"})
_NOTE_MARK = re.compile(r"^#?(?:foot|end)note-ref-")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_CORE_FIELDS = {
    "title": "{http://purl.org/dc/elements/1.1/}title",
    "author": "{http://purl.org/dc/elements/1.1/}creator",
    "created": "{http://purl.org/dc/terms/}created",
    "modified": "{http://purl.org/dc/terms/}modified",
}


def extract(data: bytes, path: Path) -> Extracted:
    """The paragraphs, title, author and date of the Word document ``data``."""
    properties = check_container(data)
    blocks = html_blocks(_to_html(data))
    if not blocks:
        raise ExtractionError("has no text")
    return Extracted(
        blocks=tuple(blocks),
        format=FORMAT,
        title=properties.get("title", ""),
        author=properties.get("author", ""),
        published=properties.get("created") or properties.get("modified", ""),
    )


def check_container(data: bytes) -> dict[str, str]:
    """Refuse anything but a sound, reasonably sized DOCX container; return its core
    properties (title, author, created, modified) as far as it has them."""
    if data.startswith(OLE_MAGIC):
        raise ExtractionError(
            "is encrypted or an old .doc file; save it as .docx without a password"
        )
    if not data.startswith(b"PK"):
        raise ExtractionError("is not a Word document (not a ZIP file)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_sizes(archive)
            if MAIN_PART not in archive.namelist():
                raise ExtractionError(f"is a ZIP file without a Word document part ({MAIN_PART})")
            _inflate_all(archive)
            return _core_properties(archive)
    except _DocumentTypeDeclared as part:
        raise ExtractionError(
            f"declares an XML document type in {part}, which Word never writes "
            "(a way to smuggle in entities); it was not read"
        ) from None
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        ValueError,
        OSError,
        NotImplementedError,  # a compression method zipfile lacks; Word uses deflate
        RuntimeError,  # a password-protected member, which Word never writes
    ):
        raise ExtractionError("is damaged (the ZIP container is truncated or corrupt)") from None


class _DocumentTypeDeclared(Exception):
    """A part of the package carries ``<!DOCTYPE``: entity tricks, never Word's output."""


def _check_sizes(archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    total = sum(member.file_size for member in members)
    tight = any(
        member.file_size > RATIO_CHECKED_ABOVE
        and member.file_size > MAX_RATIO * max(member.compress_size, 1)
        for member in members
    )
    if total > MAX_INFLATED_BYTES or tight:
        raise ExtractionError(f"is a ZIP bomb: it would inflate to {_megabytes(total)} MB")


def _inflate_all(archive: zipfile.ZipFile) -> None:
    """Inflate every member a chunk at a time, keeping nothing. zipfile stops a member at
    the size the directory declares and then checks its CRC, so a directory that lies
    about a member raises BadZipFile here, before mammoth reads anything."""
    for member in archive.infolist():
        with archive.open(member) as stream:
            chunk = stream.read(_CHUNK)
            if member.filename.endswith((".xml", ".rels")) and b"<!DOCTYPE" in chunk[:4096]:
                raise _DocumentTypeDeclared(member.filename)
            while chunk:
                chunk = stream.read(_CHUNK)


def _megabytes(size: int) -> int:
    return round(size / 2**20)


def _core_properties(archive: zipfile.ZipFile) -> dict[str, str]:
    """Title, author and dates from ``docProps/core.xml``; a missing or unreadable part
    gives none (Python's expat parser resolves no external entities)."""
    if CORE_PART not in archive.namelist():
        return {}
    try:
        root = ElementTree.fromstring(archive.read(CORE_PART))
    except ElementTree.ParseError:
        return {}
    properties = {}
    for key, tag in _CORE_FIELDS.items():
        element = root.find(tag)
        if element is not None and element.text and element.text.strip():
            properties[key] = _collapse(element.text)
    return properties


def _to_html(data: bytes) -> str:
    import mammoth

    try:
        result = mammoth.convert_to_html(io.BytesIO(data), convert_image=_no_image)
    except Exception:  # mammoth raises whatever its XML and ZIP code meets
        raise ExtractionError("is damaged and could not be read as a Word document") from None
    html: str = result.value  # result.messages (unknown styles and the like) are ignored
    return html


def _no_image(image: Any) -> list[Any]:
    """Images carry no text to compare; skipping them also avoids inflating them again."""
    return []


def html_blocks(html: str) -> list[str]:
    """The blocks of mammoth's HTML, in document order, without note markers."""
    if not html.strip():
        return []
    import lxml.html  # type: ignore[import-untyped]

    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for link in list(root.iter("a")):
        if _NOTE_MARK.match(link.get("id", "")) or _NOTE_MARK.match(link.get("href", "")):
            link.drop_tree()  # keeps the text after the link
    for line_break in root.iter("br"):
        line_break.tail = " " + (line_break.tail or "")
    blocks = []
    for element in root.iter(*_BLOCK_TAGS):
        text = _collapse(_own_text(element))
        if text:
            blocks.append(text)
    return blocks


def _own_text(element: Any) -> str:
    """The text of ``element`` outside the blocks nested in it (a list item's own words
    without its sub-list), which come as blocks of their own."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and not _holds_block(child):
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _holds_block(element: Any) -> bool:
    return next(element.iter(*_BLOCK_TAGS), None) is not None


def _collapse(text: str) -> str:
    """Runs of ordinary white space as one space; no-break and other special spaces are
    kept, as they are in plain text."""
    return _SPACES.sub(" ", text).strip(" ")
