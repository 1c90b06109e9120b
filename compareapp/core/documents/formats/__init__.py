"""Readers that turn a file's bytes into paragraphs of plain text, one module per format.

Every reader has the same shape, ``extract(data: bytes, path: Path) -> Extracted``, and
raises :class:`ExtractionError` with a reason an editor can act on. Readers never run
scripts, resolve external entities or touch the network. :mod:`compareapp.core.documents.loading`
decides which reader a file needs (:mod:`.sniff`) and builds the :class:`Document`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Extracted:
    """A file's text as paragraphs in reading order, and what the file says about itself."""

    blocks: tuple[str, ...]
    """Paragraphs, headings and list items, each one line of plain text without markup."""
    format: str
    """What the file was read as, for people: "Web page", "Word document", "PDF"…"""
    encoding: str = ""
    """The character encoding, for formats that are decoded text; empty otherwise."""
    title: str = ""
    author: str = ""
    published: str = ""
    """The publication date as the file gives it (ISO 8601 where the file has it)."""


class ExtractionError(Exception):
    """The file cannot be read as its format; ``str(error)`` is the reason."""
