"""Load a file into a :class:`Document`, or say clearly why not.

The format comes from the file's content as well as its name (:mod:`.formats.sniff`).
Plain text is decoded and split here; every other format has a reader in
:mod:`compareapp.core.documents.formats`, imported only when a file needs it, whose blocks become
the document's paragraphs.
"""

from __future__ import annotations

import errno
import hashlib
import importlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from compareapp.core.documents.document import Document, Paragraph
from compareapp.core.documents.encoding import SAMPLE_BYTES, UndecodableError, decode_text
from compareapp.core.documents.encoding_choice import EncodingChoice, decode_as, encoding_choices
from compareapp.core.documents.formats import Extracted, ExtractionError
from compareapp.core.documents.formats.sniff import detect_format
from compareapp.core.text.paragraphs import split_paragraphs

MAX_FILE_BYTES = 200 * 1024 * 1024
"""Files above this size are refused before they are read."""
_O_BINARY = getattr(os, "O_BINARY", 0)
_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)
""""Files" that are not files: what a refusal calls them."""

PLAIN_TEXT = "Plain text"
_READERS = {
    "markdown": ("markdown", "Markdown"),
    "html": ("webpage", "web pages"),
    "mhtml": ("webpage", "web pages"),
    "docx": ("docx", "Word documents"),
    "pdf": ("pdf", "PDF documents"),
}
"""Format → (module in compareapp.core.documents.formats, what it reads, for messages)."""
_LINE_ENDS = re.compile(r"\r\n?")
# Runs of spaces, tabs and line breaks; no-break spaces are kept, as in plain text.
_SPACES = re.compile(r"[^\S\u00a0\u2007\u202f]+")


class LoadError(Exception):
    """A file that cannot become a document; the message names the file and the reason."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def load_document(
    path: str | os.PathLike[str], encoding: str | None = None, language: str = ""
) -> Document:
    """Read ``path``, find its format, and turn its text into paragraphs.

    A plain-text or Markdown file is decoded with ``encoding`` when it is given (the
    user's choice: View > Reopen with Encoding), else with the one the decoder assumes;
    ``language`` is the user's choice of language ("" for the detected one)."""
    data = _read_bytes(Path(path))
    try:
        kind = detect_format(data, Path(path))
    except ExtractionError as error:
        raise LoadError(path, str(error)) from None
    source = {
        "path": os.path.abspath(path),
        "name": Path(path).name,
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    chosen = encoding is not None and kind in {"text", "markdown"}  # decoded text only
    if kind == "text":
        text, encoding = _decode(path, data, encoding)
        del data  # a large file's bytes need not stay beside its text and paragraphs
        return document_from_text(
            _LINE_ENDS.sub("\n", text),
            encoding=encoding,
            encoding_chosen=chosen,
            language_override=language,
            **source,
        )
    extracted = _extract(kind, data, Path(path), encoding)
    return document_from_text(
        join_blocks(extracted.blocks),
        encoding=extracted.encoding,
        encoding_chosen=chosen,
        language_override=language,
        format=extracted.format,
        title=extracted.title,
        author=extracted.author,
        published=extracted.published,
        **source,
    )


def file_encoding_choices(path: str | os.PathLike[str]) -> list[EncodingChoice]:
    """The encodings the user may choose for the text file at ``path``, judged on its start
    as :func:`encoding_choices` judges them: a menu opened on a file of a hundred megabytes
    reads 4 MB of it, not all."""
    return encoding_choices(_read_bytes(Path(path), SAMPLE_BYTES + 1))


def document_from_text(
    text: str,
    *,
    path: str,
    name: str,
    sha256: str,
    encoding: str,
    format: str = PLAIN_TEXT,
    title: str = "",
    author: str = "",
    published: str = "",
    encoding_chosen: bool = False,
    language_override: str = "",
) -> Document:
    """Build a document from already decoded text with ``\\n`` line ends (its language
    detected now, off the UI thread)."""
    if not text.strip():
        raise LoadError(path, "the file holds only whitespace")
    paragraphs = tuple(
        Paragraph(index, start, end, text[start:end])
        for index, (start, end) in enumerate(split_paragraphs(text))
    )
    document = Document(
        path=path,
        name=name,
        sha256=sha256,
        encoding=encoding,
        loaded_at=datetime.now().astimezone(),
        text=text,
        paragraphs=paragraphs,
        format=format,
        title=title,
        author=author,
        published=published,
        encoding_chosen=encoding_chosen,
        language_override=language_override,
    )
    document.detected_language  # noqa: B018 (detected at load, and kept)
    return document


def join_blocks(blocks: Iterable[str]) -> str:
    """A reader's blocks as a document's text: each on one line, its runs of spaces made
    one, empty ones left out, a blank line between them."""
    cleaned = (_SPACES.sub(" ", block).strip() for block in blocks)
    return "\n\n".join(block for block in cleaned if block)


def _extract(kind: str, data: bytes, path: Path, encoding: str | None = None) -> Extracted:
    """Run the reader for ``kind`` (a Markdown file decoded with ``encoding`` if given); a
    reader (or a library it needs) that is not installed is reported as such."""
    module_name, what = _READERS[kind]
    try:
        reader = importlib.import_module(f"compareapp.core.documents.formats.{module_name}")
        extracted: Extracted = (
            reader.extract(data, path, encoding=encoding)
            if kind == "markdown" and encoding
            else reader.extract(data, path)
        )
    except ExtractionError as error:
        raise LoadError(path, str(error)) from None
    except ModuleNotFoundError as error:
        name = error.name or ""
        missing = "" if name.startswith("compareapp") or not name else f" ({name} is not installed)"
        raise LoadError(path, f"reading {what} is not available{missing}") from None
    return extracted


def _read_bytes(path: Path, most: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``, at most :data:`MAX_FILE_BYTES` of them
    (or its first ``most``).

    A named pipe or a device is refused before it is opened: reading one could wait for a
    writer forever, or never end (``/dev/zero``). The file is opened without blocking and
    checked again once open, in case it was replaced in between, and a file that grows
    past the limit while it is read is refused too."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise LoadError(path, "is a folder, not a file")
        _refuse_special(path, mode)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _O_BINARY)
        with open(descriptor, "rb") as file:
            info = os.fstat(file.fileno())
            _refuse_special(path, info.st_mode)
            if info.st_size > MAX_FILE_BYTES:
                raise LoadError(path, f"is {info.st_size // 2**20} MB, {_over_limit()}")
            if most is not None:
                data = file.read(most)
            else:
                data = file.read(info.st_size + 1)  # one byte more: did it grow?
                if len(data) > info.st_size:  # (or it is a /proc file, which says size 0)
                    data += file.read(MAX_FILE_BYTES + 1 - len(data))
        if len(data) > MAX_FILE_BYTES:
            raise LoadError(path, f"grew while it was read and is {_over_limit()}")
    except FileNotFoundError:
        raise LoadError(path, "no such file") from None
    except PermissionError:
        raise LoadError(path, "permission denied") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            reason = "is a symbolic link that loops (too many levels of symbolic links)"
            raise LoadError(path, reason) from None
        raise LoadError(path, error.strerror or str(error)) from None
    if not data:
        raise LoadError(path, "the file is empty")
    return data


def _over_limit() -> str:
    return f"over the {MAX_FILE_BYTES // 2**20} MB limit"


def _refuse_special(path: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        kind = next((what for test, what in _SPECIAL_FILES if test(mode)), "a special file")
        raise LoadError(path, f"is not a regular file (it is {kind})")


def _decode(
    path: str | os.PathLike[str], data: bytes, chosen: str | None = None
) -> tuple[str, str]:
    try:
        text, encoding = (decode_as(data, chosen), chosen) if chosen else decode_text(data)
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
