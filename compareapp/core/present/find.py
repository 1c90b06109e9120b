"""Find in the panes: where a query occurs in a text, forgiving what an editor does not
see or type — letter case, curly against straight quotes, dash variants, non-breaking
and other Unicode spaces (the typographic noise of :mod:`compareapp.core.text.normalize`).

Each character is folded on its own to one character, so a match's offsets in the folded
text are its offsets in the original; :func:`utf16_offsets` turns them into the positions
of a Qt text (where a character outside the Basic Multilingual Plane counts twice).
"""

from __future__ import annotations

import itertools

_FOLDED = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        **dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f\u205f\u3000\t\n\r\u2029\u2028", " "),
    }
)


def fold(text: str) -> str:
    """``text`` with each character folded for finding, one character for one."""
    translated = text.translate(_FOLDED)
    lowered = translated.lower()
    if len(lowered) == len(translated):
        return lowered
    # A character whose lower case is longer (İ): keep it as it is.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in translated)


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every match of ``query`` in ``text``, left to right, not
    overlapping; none for an empty (or all-space) query."""
    if not query.strip():
        return []
    haystack, needle = fold(text), fold(query)
    matches = []
    start = haystack.find(needle)
    while start != -1:
        matches.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return matches


def utf16_offsets(text: str, offsets: list[int]) -> list[int]:
    """Each offset of ``text`` (in characters) as a UTF-16 position (Qt's positions)."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return list(offsets)
    extra = list(itertools.accumulate((ord(c) >= 0x10000 for c in text), initial=0))
    return [offset + extra[offset] for offset in offsets]
