"""A document as a text view shows it: one line per paragraph, wrapped by the view.

Hard line breaks inside a paragraph become spaces (the same length, so offsets inside a
paragraph keep their distance) and the blank lines between paragraphs are dropped. Text
views count positions in UTF-16 code units, so characters outside the Basic Multilingual
Plane (emoji, some CJK) count twice there; the conversions here take care of that.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from compareapp.core.documents.document import Document

PARAGRAPH_SEPARATOR = "\n"
_LINE_BREAKS = str.maketrans({"\n": " ", "\u2028": " ", "\u2029": " ", "\r": " "})


def _utf16_length(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le", "surrogatepass")) // 2


@dataclass(frozen=True)
class DisplayText:
    """The shown text of ``document`` and where each paragraph starts in it (UTF-16)."""

    document: Document
    text: str
    starts: tuple[int, ...]
    source_ends: tuple[int, ...]

    @classmethod
    def of(cls, document: Document) -> DisplayText:
        lines = [paragraph.text.translate(_LINE_BREAKS) for paragraph in document.paragraphs]
        starts, position = [], 0
        for line in lines:
            starts.append(position)
            position += _utf16_length(line) + len(PARAGRAPH_SEPARATOR)
        ends = tuple(paragraph.end for paragraph in document.paragraphs)
        return cls(document, PARAGRAPH_SEPARATOR.join(lines), tuple(starts), ends)

    def position(self, offset: int) -> int:
        """The view position of source ``offset``. A paragraph's end goes to the end of its
        line; an offset between paragraphs goes to the start of the next paragraph (or the
        end of the text)."""
        paragraphs = self.document.paragraphs
        index = bisect.bisect_left(self.source_ends, offset)
        if index < len(paragraphs) and offset >= paragraphs[index].start:
            paragraph = paragraphs[index]
            inside = self.document.text[paragraph.start : offset]
            return self.starts[index] + _utf16_length(inside)
        if index < len(paragraphs):
            return self.starts[index]
        return _utf16_length(self.text)

    def offset(self, position: int) -> int:
        """The source offset of view ``position`` (the inverse of :meth:`position`)."""
        if not self.starts:
            return 0
        index = max(0, bisect.bisect_right(self.starts, position) - 1)
        paragraph = self.document.paragraphs[index]
        units = position - self.starts[index]
        offset = paragraph.start
        while units > 0 and offset < paragraph.end:
            units -= 2 if self.document.text[offset] > "\uffff" else 1
            offset += 1
        return offset

    def paragraph_span(self, index: int) -> tuple[int, int]:
        """The view positions ``[start, end)`` of paragraph ``index``."""
        return self.starts[index], self.starts[index] + _utf16_length(
            self.document.paragraphs[index].text
        )
