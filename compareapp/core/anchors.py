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

from diff_match_patch import diff_match_patch

CONTEXT_CHARS = 32
"""Characters of context kept on each side of a quote."""
MATCH_PIECE = 32
"""Bitap finds patterns up to this long quickly; longer quotes are found by their ends."""
MAX_ERROR = 0.3
"""The largest share of a quote's characters that may differ in a fuzzy match."""
END_SLACK = 8
"""How far from the first estimate a fuzzy match's end is looked for."""
"""The largest share of a quote's characters that may differ in a fuzzy match."""


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
    quote = anchor.quote
    matcher = diff_match_patch()
    matcher.Match_Threshold = 0.45
    matcher.Match_Distance = max(1000, len(text))
    matcher.Diff_Timeout = 0
    expected = _expected_start(anchor, text)
    head = matcher.match_main(text, quote[:MATCH_PIECE], expected)
    if head != -1:
        window_start = head
        window = text[head : head + len(quote) + len(quote) // 2 + 8]
    else:
        tail = matcher.match_main(text, quote[-MATCH_PIECE:], expected + len(quote) - MATCH_PIECE)
        if tail == -1:
            return None
        window_end = tail + MATCH_PIECE
        window_start = max(0, window_end - len(quote) - len(quote) // 2 - 8)
        window = text[window_start:window_end]
    diffs = matcher.diff_main(quote, window, False)
    matcher.diff_cleanupSemantic(diffs)
    start = window_start + matcher.diff_xIndex(diffs, 0)
    estimate = window_start + matcher.diff_xIndex(diffs, len(quote) - 1) + 1
    candidates = range(
        max(start + 1, estimate - END_SLACK), min(len(text), estimate + END_SLACK) + 1
    )
    scored = [
        (
            _distance(matcher, quote, text[start:end]),
            _inside_word(text, end),
            abs(end - estimate),
            end,
        )
        for end in candidates
    ]
    if not scored:
        return None
    errors, _inside, _offset, end = min(scored)
    return (start, end) if errors <= MAX_ERROR * len(quote) else None


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
