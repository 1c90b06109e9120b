"""Where a review mark sits in a source's text, and finding that place again after the
text has changed.

An anchor keeps the character offsets, the exact quote and up to 32 characters of
context on each side, as web annotation tools do (a text-position plus a text-quote
selector). Re-anchoring tries, in order: the same offsets, the quote where its context
fits best, then a fuzzy match with a bounded error (diff-match-patch's bitap matcher).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diff_match_patch import diff_match_patch

CONTEXT_CHARS = 32
"""Characters of context kept on each side of a quote."""
MATCH_PIECE = 32
"""Bitap finds patterns up to this long quickly; longer quotes are found by their ends."""
MAX_ERROR = 0.3
"""The largest share of a quote's characters that may differ in a fuzzy match."""
CONTEXT_MATCH = 8
"""Context characters that must still border a reworded passage to say where it begins
or ends (all of the context, when it is shorter)."""


class AnchorState(StrEnum):
    """What re-anchoring found: the same place, another place, or nothing."""

    ANCHORED = "anchored"
    MOVED = "moved"
    ORPHANED = "orphaned"


@dataclass(frozen=True)
class TextAnchor:
    """A passage ``[start, end)`` of a text, with its quote and the context around it."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str

    @classmethod
    def at(cls, text: str, start: int, end: int) -> TextAnchor:
        """The anchor of ``text[start:end]``."""
        if not 0 <= start < end <= len(text):
            raise ValueError(f"no passage [{start}, {end}) in a text of {len(text)} characters")
        return cls(
            start=start,
            end=end,
            quote=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
        )


def reanchor(anchor: TextAnchor, text: str) -> tuple[TextAnchor, AnchorState]:
    """Find ``anchor``'s passage in ``text``, which may have been edited: the quote where
    its context fits best (anchored when that is where it was), else a close enough
    passage near where its context is (moved), else nowhere (orphaned, anchor unchanged)."""
    exact = _best_exact(anchor, text)
    if exact is not None:
        state = AnchorState.ANCHORED if exact == anchor.start else AnchorState.MOVED
        return TextAnchor.at(text, exact, exact + len(anchor.quote)), state
    fuzzy = _fuzzy(anchor, text)
    if fuzzy is not None:
        return TextAnchor.at(text, *fuzzy), AnchorState.MOVED
    return anchor, AnchorState.ORPHANED


def _best_exact(anchor: TextAnchor, text: str) -> int | None:
    """The start of the occurrence of the quote whose context fits best, the nearest to
    the old place among equals."""
    best: tuple[int, int] | None = None
    best_start = None
    position = text.find(anchor.quote)
    while position != -1:
        rank = (-_context_score(anchor, text, position), abs(position - anchor.start))
        if best is None or rank < best:
            best, best_start = rank, position
        position = text.find(anchor.quote, position + 1)
    return best_start


def _context_score(anchor: TextAnchor, text: str, start: int) -> int:
    """How many characters of the anchor's context surround ``start`` in ``text``."""
    before = text[max(0, start - len(anchor.prefix)) : start]
    end = start + len(anchor.quote)
    after = text[end : end + len(anchor.suffix)]
    return _common_suffix(anchor.prefix, before) + _common_prefix(anchor.suffix, after)


def _common_prefix(first: str, second: str) -> int:
    length = 0
    for one, other in zip(first, second, strict=False):
        if one != other:
            break
        length += 1
    return length


def _common_suffix(first: str, second: str) -> int:
    return _common_prefix(first[::-1], second[::-1])


def _fuzzy(anchor: TextAnchor, text: str) -> tuple[int, int] | None:
    """``(start, end)`` of the passage of ``text`` that differs from the quote in at most
    :data:`MAX_ERROR` of its characters, searched near where the context is."""
    # Imported here: marks are listed (at start-up too) without it; only re-anchoring needs it.
    from diff_match_patch import diff_match_patch

    quote = anchor.quote
    matcher = diff_match_patch()
    matcher.Match_Threshold = 0.45
    matcher.Match_Distance = max(1000, len(text))
    matcher.Diff_Timeout = 0
    expected = _expected_start(anchor, text)
    head = matcher.match_main(text, quote[:MATCH_PIECE], expected)
    if head != -1:
        window_start = head
        window_end = min(len(text), head + len(quote) + len(quote) // 2 + 8)
    else:
        tail = matcher.match_main(text, quote[-MATCH_PIECE:], expected + len(quote) - MATCH_PIECE)
        if tail == -1:
            return None
        window_end = min(len(text), tail + MATCH_PIECE)
        window_start = max(0, window_end - len(quote) - len(quote) // 2 - 8)
    diffs = matcher.diff_main(quote, text[window_start:window_end], False)
    matcher.diff_cleanupSemantic(diffs)
    inserted, deleted = _changed_run(matcher, diffs)
    start = _start(anchor, text, window_start + inserted, deleted)
    inserted, deleted = _changed_run(matcher, diffs[::-1])
    end = _end(anchor, text, window_end - inserted, deleted)
    if end <= start:
        return None
    errors = _distance(matcher, quote, text[start:end])
    return (start, end) if errors <= MAX_ERROR * len(quote) else None


def _changed_run(matcher: diff_match_patch, diffs: list[tuple[int, str]]) -> tuple[int, int]:
    """How many characters the window inserts and the quote loses before the first
    unchanged stretch of ``diffs``; a stretch shorter than the deletion after it (a full
    stop that both happen to end with) counts as changed."""
    inserted = deleted = 0
    for index, (operation, chunk) in enumerate(diffs):
        if operation == matcher.DIFF_EQUAL:
            lost = 0
            for other, piece in diffs[index + 1 :]:
                if other == matcher.DIFF_EQUAL:
                    break
                lost += len(piece) if other == matcher.DIFF_DELETE else 0
            if len(chunk) >= lost:
                break
            inserted += len(chunk)
            deleted += len(chunk)
        elif operation == matcher.DIFF_INSERT:
            inserted += len(chunk)
        else:
            deleted += len(chunk)
    return inserted, deleted


def _start(anchor: TextAnchor, text: str, kept: int, deleted: int) -> int:
    """Where the passage starts, given that the quote's first ``deleted`` characters were
    reworded and the rest of its beginning is at ``kept``: the mirror of :func:`_end`."""
    if not deleted:
        return kept
    if deleted > MAX_ERROR * len(anchor.quote):
        return max(0, kept - deleted)
    reach = _reach(anchor, deleted)
    before = text[max(0, kept - reach - len(anchor.prefix)) : kept][::-1]
    old = anchor.quote[:deleted][::-1]
    return kept - _reworded_length(old, anchor.prefix[::-1], text[kept : kept + 1], before, reach)


def _end(anchor: TextAnchor, text: str, kept: int, deleted: int) -> int:
    """Where the passage ends, given that the quote's last ``deleted`` characters were
    reworded and the rest of its end is at ``kept``."""
    if not deleted:
        return kept
    if deleted > MAX_ERROR * len(anchor.quote):
        return min(len(text), kept + deleted)
    reach = _reach(anchor, deleted)
    after = text[kept : kept + reach + len(anchor.suffix)]
    old = anchor.quote[-deleted:]
    return kept + _reworded_length(old, anchor.suffix, text[max(0, kept - 1) : kept], after, reach)


def _reach(anchor: TextAnchor, deleted: int) -> int:
    """How long the new wording of ``deleted`` characters of the quote may be."""
    return min(deleted + int(MAX_ERROR * len(anchor.quote)), 2 * deleted + CONTEXT_CHARS)


def _reworded_length(old: str, context: str, kept: str, following: str, reach: int) -> int:
    """How many characters of ``following`` (the text after the unchanged part of the
    quote, whose last character is ``kept``) are the new wording of ``old``: as many as
    the old context still follows, else as many as read closest to ``old``, ending
    between words and as few as possible among equals."""
    reach = min(reach, len(following))
    distances = _prefix_distances(old, following[:reach])
    needed = min(len(context), CONTEXT_MATCH)
    around = kept + following

    def rank(length: int) -> tuple[bool, int, bool, bool, int]:
        edge = len(kept) + length
        return (
            _common_prefix(context, following[length : length + len(context)]) < needed,
            distances[length],
            _inside_word(around, edge),
            around[edge - 1 : edge].isspace() != old[-1:].isspace(),
            length,
        )

    return min(range(reach + 1), key=rank)


def _prefix_distances(old: str, new: str) -> list[int]:
    """The Levenshtein distance between ``old`` and each prefix ``new[:n]``."""
    row = list(range(len(new) + 1))
    for number, char in enumerate(old, 1):
        diagonal, row[0] = row[0], number
        for index, other in enumerate(new, 1):
            diagonal, row[index] = (
                row[index],
                min(row[index] + 1, row[index - 1] + 1, diagonal + (char != other)),
            )
    return row


def _distance(matcher: diff_match_patch, first: str, second: str) -> int:
    """The Levenshtein distance, in characters."""
    return int(matcher.diff_levenshtein(matcher.diff_main(first, second, False)))


def _inside_word(text: str, offset: int) -> bool:
    return 0 < offset < len(text) and text[offset - 1].isalnum() and text[offset].isalnum()


def _expected_start(anchor: TextAnchor, text: str) -> int:
    """Where the passage should start: just after its prefix if that is still in the
    text, else at its old offset."""
    if len(anchor.prefix) >= 8:
        position = text.find(anchor.prefix)
        if position != -1:
            return position + len(anchor.prefix)
    return min(anchor.start, max(0, len(text) - 1))
