"""The document model: a source's provenance, its decoded text and its paragraphs."""

from __future__ import annotations

import bisect
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from compareapp.core.text.language import detect_language


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
    encoding_chosen: bool = False
    """Whether the user chose :attr:`encoding` (View > Reopen with Encoding) rather than
    the decoder assuming it; a reloaded version is read with it again."""
    language_override: str = ""
    """The language the user chose for this source (ISO 639-1), or "" to use the one
    detected (:attr:`detected_language`)."""

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
    def detected_language(self) -> str:
        """The language of the text, told from its function words (ISO 639-1: "en", "de",
        "fr", "es", "it", "nl", "pt"), or "" when unsure."""
        return detect_language(self.text)

    @property
    def language(self) -> str:
        """The language the text is read in (numbers, dates, quotations, names): the
        user's choice, else the detected one; "" when neither is known (English rules)."""
        return self.language_override or self.detected_language

    @cached_property
    def word_count(self) -> int:
        """How many words ``text.split()`` finds, counted a block at a time: one split of a
        book's text holds the interpreter lock throughout (78 ms for the 7 MB of the
        50,000-verse text), and the window with it."""
        count, start = 0, 0
        while start < len(self.text):
            space = _SPACE.search(self.text, min(start + WORD_COUNT_BLOCK, len(self.text)))
            end = space.start() if space else len(self.text)
            count += len(self.text[start:end].split())
            start = end
        return count


WORD_COUNT_BLOCK = 1 << 20
"""Characters split at once by :attr:`Document.word_count` (then up to the next space)."""
_SPACE = re.compile(r"\s")
