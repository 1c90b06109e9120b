"""Split decoded text into paragraphs with exact character offsets.

A paragraph is a block between blank lines. Inside a block, a line break is kept as a
paragraph break unless it looks like the wrap of running prose: bullet lines, short lines
(titles, datelines, "Duration 2:01") and very long lines (one paragraph per line) each
stand alone, while hard-wrapped lines of ordinary width are joined.
"""

from __future__ import annotations

import re

# Blank lines may hold spaces, tabs, non-breaking and other Unicode spaces.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_BULLET = re.compile(r"[^\S\n]*(?:[•●▪◦‣∙·*+\-–—]|\d{1,3}[.)])\s")
_WRAP_MIN, _WRAP_MAX = 40, 100


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of every paragraph, stripped of surrounding space."""
    spans: list[tuple[int, int]] = []
    block_start = 0
    for blank in _BLANK_LINE.finditer(text):
        spans.extend(_split_block(text, block_start, blank.start()))
        block_start = blank.end() - 1  # the second newline starts the next block
    spans.extend(_split_block(text, block_start, len(text)))
    return spans


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines = _line_spans(text, start, end)
    paragraphs: list[list[tuple[int, int]]] = []
    for line in lines:
        if paragraphs and _continues(text, paragraphs[-1][-1], line):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return [(group[0][0], group[-1][1]) for group in paragraphs]


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stripped, non-empty line spans between ``start`` and ``end``."""
    spans = []
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        line_end = end if newline < 0 else newline
        span = _strip(text, position, line_end)
        if span[0] < span[1]:
            spans.append(span)
        position = line_end + 1
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _continues(text: str, previous: tuple[int, int], line: tuple[int, int]) -> bool:
    """Is ``line`` the wrapped continuation of ``previous`` rather than a new paragraph?"""
    width = previous[1] - previous[0]
    if not _WRAP_MIN <= width <= _WRAP_MAX or line[1] - line[0] > _WRAP_MAX:
        return False
    line_start = text.rfind("\n", 0, line[0]) + 1
    return _BULLET.match(text, line_start) is None
