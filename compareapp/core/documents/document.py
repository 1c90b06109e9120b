"""The document model: a source's provenance, its decoded text and its paragraphs."""

from __future__ import annotations

import bisect
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property


@dataclass(frozen=True)
class Paragraph:
    """A paragraph as the half-open character range ``[start, end)`` of its document's text."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """One loaded source: where it came from and what it says."""

    path: str
    """The file's absolute path; empty for a source with no file (pasted text)."""
    name: str
    sha256: str
    encoding: str
    loaded_at: datetime
    text: str
    paragraphs: tuple[Paragraph, ...] = field(repr=False)
    source_id: str = field(default_factory=lambda: uuid.uuid4().hex[:12], compare=False)
    """Which source of a session this is; a reloaded or replaced version keeps it, so
    that its review marks follow it."""
    format: str = "Plain text"
    """What the source was read as, for people: "Plain text", "Web page", "PDF"…"""
    title: str = ""
    author: str = ""
    published: str = ""
    """Provenance the file declares about itself (meta tags, document properties)."""

    @property
    def has_file(self) -> bool:
        """Whether the source is a file. A pasted one is not (its ``path`` is empty): nothing
        watches, reloads, locates or remembers it, and a session keeps its text."""
        return bool(self.path)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph containing character ``offset``, if any."""
        index = bisect.bisect_right(self._paragraph_ends, offset)  # the first ending after it
        if index < len(self.paragraphs) and self.paragraphs[index].start <= offset:
            return self.paragraphs[index]
        return None

    @cached_property
    def _paragraph_ends(self) -> list[int]:
        return [paragraph.end for paragraph in self.paragraphs]

    @cached_property
    def word_count(self) -> int:
        return len(self.text.split())
