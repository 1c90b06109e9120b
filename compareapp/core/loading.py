"""Load a text or Markdown file into a :class:`Document`, or say clearly why not."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from datetime import datetime
from pathlib import Path

from compareapp.core.document import Document, Paragraph
from compareapp.core.encoding import UndecodableError, decode_text
from compareapp.core.paragraphs import split_paragraphs

MAX_FILE_BYTES = 200 * 1024 * 1024
"""Files above this size are refused before they are read."""

_MAGIC = (
    (b"%PDF", "a PDF document, which this version cannot read yet"),
    (b"PK\x03\x04", "a ZIP container (DOCX, ODT or archive), which this version cannot read yet"),
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"\x7fELF", "a program, not text"),
    (b"\x1f\x8b", "a gzip archive, not text"),
)
_LINE_ENDS = re.compile(r"\r\n?")


class LoadError(Exception):
    """A file that cannot become a document; the message names the file and the reason."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def load_document(path: str | os.PathLike[str]) -> Document:
    """Read ``path``, decode it and split it into paragraphs."""
    data = _read_bytes(Path(path))
    text, encoding = _decode(path, data)
    text = _LINE_ENDS.sub("\n", text)
    return document_from_text(
        text,
        path=os.path.abspath(path),
        name=Path(path).name,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
    )


def document_from_text(text: str, *, path: str, name: str, sha256: str, encoding: str) -> Document:
    """Build a document from already decoded text with ``\\n`` line ends."""
    if not text.strip():
        raise LoadError(path, "the file holds only whitespace")
    paragraphs = tuple(
        Paragraph(index, start, end, text[start:end])
        for index, (start, end) in enumerate(split_paragraphs(text))
    )
    return Document(
        path=path,
        name=name,
        sha256=sha256,
        encoding=encoding,
        loaded_at=datetime.now().astimezone(),
        text=text,
        paragraphs=paragraphs,
    )


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise LoadError(path, "is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LoadError(
                path, f"is {size // 2**20} MB, over the {MAX_FILE_BYTES // 2**20} MB limit"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError(path, "no such file") from None
    except PermissionError:
        raise LoadError(path, "permission denied") from None
    except OSError as error:
        raise LoadError(path, error.strerror or str(error)) from None
    if not data:
        raise LoadError(path, "the file is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise LoadError(path, f"is {what}")
    return data


def _decode(path: str | os.PathLike[str], data: bytes) -> tuple[str, str]:
    try:
        text, encoding = decode_text(data)
    except UndecodableError as error:
        raise LoadError(path, f"cannot be decoded as text ({error})") from None
    if _looks_binary(text):
        raise LoadError(path, "looks like a binary file, not text")
    return text.removeprefix("\ufeff"), encoding


def _looks_binary(text: str) -> bool:
    """Binary data decoded as a single-byte charset is full of control characters."""
    sample = text[:65536]
    controls = sum(
        1 for char in sample if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f\v"
    )
    return controls > max(2, len(sample) // 100)
