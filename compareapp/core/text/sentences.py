"""Sentences as offsets: where a full stop, question or exclamation mark (with any closing
quotes or brackets) is followed by a space and a sentence's first letter (see
:func:`starts_sentence`), unless the word before the stop is a title, an initial or an
abbreviation ("Mr.", "U.S.", "a.m."). Chinese and Japanese full stops end a sentence with
no space after them; the Devanagari danda and the Arabic and Urdu stops as the Latin ones."""

from __future__ import annotations

import re


def sentence_end_pattern(closing: str) -> re.Pattern[str]:
    """Where a sentence may end: a stop, any of the characters ``closing`` (quotes and
    brackets that close it), a space and an opening quote or a letter or digit (which
    :func:`starts_sentence` must accept); or a Chinese or Japanese full stop, no space."""
    return re.compile(
        rf"""(?<=[.!?…।؟۔])[{closing}]*\s+(?=["“‘(\[]?[^\W_])|(?<=[。！？])[」』”’）]*(?=\S)"""
    )


_SENTENCE_END = sentence_end_pattern("\"”’')\\]")
_OPENING = '"“‘(['
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
        if not starts_sentence(text, match.end()) or _ABBREVIATION.search(
            text, first, match.start()
        ):
            continue
        spans.append((first, match.start() + len(match.group().rstrip())))
        first = match.end()
    while end > first and text[end - 1].isspace():
        end -= 1
    if end > first:
        spans.append((first, end))
    return spans


def starts_sentence(text: str, position: int) -> bool:
    """May a sentence start at ``position`` (past one opening quote or bracket)? At a
    capital or a digit, or a letter of a script without capitals (Chinese, Arabic, Hindi),
    not at a lower-case letter."""
    if position < len(text) and text[position] in _OPENING:
        position += 1
    return position < len(text) and not text[position].islower()
