"""Sentences as offsets: where a full stop, question or exclamation mark (with any closing
quotes or brackets) is followed by a space and a capital or a digit, unless the word before
the stop is a title, an initial or an abbreviation ("Mr.", "U.S.", "a.m.")."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"""(?<=[.!?…])["”’')\]]*\s+(?=["“‘(\[]?[A-Z0-9À-ÖØ-Þ])""")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gov|Gen|Sen|Rep|St|Lt|Col|Capt|Prof|Jr|Sr|No|vs|Inc|Co|Corp|Ltd)"
    r"|\b[A-Z]|\b[a-z]\.[a-z])\.$"
)
"""Words whose full stop ends no sentence: titles, initials ("U.S."), "a.m."."""


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of ``text[start:end]``, without the spaces between
    them (closing quotes and brackets stay with their sentence)."""
    end = len(text) if end is None else end
    spans = []
    first = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _ABBREVIATION.search(text, first, match.start()):
            continue
        spans.append((first, match.start() + len(match.group().rstrip())))
        first = match.end()
    while end > first and text[end - 1].isspace():
        end -= 1
    if end > first:
        spans.append((first, end))
    return spans
