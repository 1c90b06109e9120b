"""The segments of one link group (a pair, a split or a merge) in the redline: the other
document's paragraphs cut into unchanged and inserted text, with the base's deleted text
put where it was dropped.

Each side is cut independently, so that its text is whole: the other document's paragraphs
are tiled by unchanged and inserted segments, and the base's paragraphs by unchanged and
deleted segments. Unchanged runs of words are matched between the sides by replaying the
group's word diff: the words outside every difference follow each other in the same order
on both sides (in the order of the parts the diff chose, for a split reordered by a
rewrite). Spaces between words belong to the unchanged text beside them where there is
some, and a deleted passage takes the base's space before or after it when it would
otherwise touch a word of the column.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.inline_diff import Difference, Operation, tokenize_span
from compareapp.core.documents.document import Document
from compareapp.core.text.normalize import Token

MAX_REORDERED_PARTS = 3
"""As the comparison: groups with up to this many paragraphs a side may be diffed reordered."""

Span = tuple[int, int]


class SegmentKind(Enum):
    UNCHANGED = "unchanged"
    DELETED = "deleted"
    """Text of the base that the other document does not have."""
    INSERTED = "inserted"
    """Text of the other document that the base does not have."""


@dataclass(frozen=True)
class Segment:
    """A run of the redline's text and where it comes from.

    ``base`` and ``other`` are ``[start, end)`` offsets in the base's and the other
    document's text: both for unchanged text (the shown ``text`` is the other's; the base
    may differ in spaces or typography), ``base`` alone for deleted text, ``other`` alone
    for inserted text. ``kind`` is the difference's class for changed text."""

    change: SegmentKind
    text: str
    base: Span | None
    other: Span | None
    kind: DifferenceClass | None = None

    @property
    def significant(self) -> bool:
        """A changed number, name or quotation."""
        return self.kind is not None and self.kind.significant


@dataclass
class _Run:
    """Unchanged words: tokens ``first..last`` of a paragraph on each side, and the spans
    they cover (the base's widened to the spaces it gets)."""

    a_paragraph: int
    a_first: int
    a_last: int
    b_paragraph: int
    b_first: int
    b_last: int
    a_span: Span = (0, 0)
    b_span: Span = (0, 0)


@dataclass
class _Piece:
    """A piece of the column: the other's text (``side`` 1: a run, the rest of a run cut by
    a deletion (``tail``), or an insertion) or the base's (``side`` 0: a run, a deletion)."""

    side: int
    span: Span
    run: _Run | None = None
    difference: Difference | None = None
    tail: bool = False

    @property
    def unchanged(self) -> bool:
        return self.difference is None

    def text(self, base: Document, other: Document) -> str:
        return (other if self.side else base).text[self.span[0] : self.span[1]]


def group_segments(
    base: Document, other: Document, differences: Sequence[Difference], a: list[int], b: list[int]
) -> dict[int, list[Segment]]:
    """For each paragraph ``b`` of ``other`` in a group with paragraphs ``a`` of ``base``
    (both sorted) and the group's ``differences`` (oriented from the base), its segments:
    its own text and the base's text deleted there."""
    changes = [d for d in differences if d.operation is not Operation.TYPOGRAPHIC]
    tokens_a = {i: _tokens(base, i) for i in a}
    tokens_b = {j: _tokens(other, j) for j in b}
    kept_a = _kept(tokens_a, [(d.a_start, d.a_end) for d in changes if d.a_end > d.a_start])
    kept_b = _kept(tokens_b, [(d.b_start, d.b_end) for d in changes if d.b_end > d.b_start])
    runs = _runs(*_matching_orders(a, b, kept_a, kept_b, tokens_a, tokens_b))
    for run in runs:
        ta, tb = tokens_a[run.a_paragraph], tokens_b[run.b_paragraph]
        run.a_span = ta[run.a_first].start, ta[run.a_last].end
        run.b_span = tb[run.b_first].start, tb[run.b_last].end
    inserted = [d for d in changes if d.b_end > d.b_start]
    columns = {j: _tile(other, j, _pieces(runs, inserted, other, j, side=1)) for j in b}
    deleted = sorted((d for d in changes if d.a_end > d.a_start), key=lambda d: d.a_start)
    placed = [_place(base, other, b, columns, d) for d in deleted]
    for i in a:
        paragraph = base.paragraphs[i]
        own = [piece for piece in placed if paragraph.start <= piece.span[0] < paragraph.end]
        for piece in _tile(base, i, _pieces(runs, [], base, i, side=0) + own):
            if piece.run is not None:
                piece.run.a_span = piece.span
    return {j: [_segment(base, other, piece) for piece in columns[j]] for j in b}


def _tokens(document: Document, index: int) -> list[Token]:
    paragraph = document.paragraphs[index]
    return tokenize_span(document.text, paragraph.start, paragraph.end)


def _kept(tokens: dict[int, list[Token]], changed: list[Span]) -> dict[int, list[int]]:
    """The tokens of each paragraph outside every changed range."""
    return {
        index: [
            k
            for k, token in enumerate(paragraph_tokens)
            if not any(s <= token.start and token.end <= e for s, e in changed)
        ]
        for index, paragraph_tokens in tokens.items()
    }


Kept = list[tuple[int, int]]


def _matching_orders(
    a: list[int],
    b: list[int],
    kept_a: dict[int, list[int]],
    kept_b: dict[int, list[int]],
    tokens_a: dict[int, list[Token]],
    tokens_b: dict[int, list[Token]],
) -> tuple[Kept, Kept]:
    """The unchanged tokens of both sides as ``(paragraph, token)``, in the order of the
    parts in which they read alike (the order the group was diffed in)."""

    def sequence(order: tuple[int, ...], kept: dict[int, list[int]]) -> Kept:
        return [(i, k) for i in order for k in kept[i]]

    def keys(found: Kept, tokens: dict[int, list[Token]]) -> list[str]:
        return [tokens[i][k].key for i, k in found]

    def orders(parts: list[int]) -> list[tuple[int, ...]]:
        if 1 < len(parts) <= MAX_REORDERED_PARTS:
            return list(itertools.permutations(parts))
        return [tuple(parts)]

    for order_a, order_b in itertools.product(orders(a), orders(b)):
        found_a, found_b = sequence(order_a, kept_a), sequence(order_b, kept_b)
        if keys(found_a, tokens_a) == keys(found_b, tokens_b):
            return found_a, found_b
    # Diffed sentence by sentence (core.diff.group_diff): pair the words by their keys.
    found_a, found_b = sequence(tuple(a), kept_a), sequence(tuple(b), kept_b)
    return _paired(found_a, found_b, keys(found_a, tokens_a), keys(found_b, tokens_b))


def _paired(
    found_a: Kept, found_b: Kept, keys_a: list[str], keys_b: list[str]
) -> tuple[Kept, Kept]:
    """The unchanged tokens of both sides paired in their longest common runs of keys, the
    longest first, in the base's order: the pieces of a group diffed in another order."""
    left_a, left_b = list(range(len(found_a))), list(range(len(found_b)))
    pairs: list[tuple[int, int]] = []
    while left_a and left_b:
        matcher = difflib.SequenceMatcher(
            None, [keys_a[k] for k in left_a], [keys_b[k] for k in left_b], autojunk=False
        )
        x, y, size = matcher.find_longest_match(0, len(left_a), 0, len(left_b))
        if not size:
            break
        pairs += zip(left_a[x : x + size], left_b[y : y + size], strict=True)
        del left_a[x : x + size], left_b[y : y + size]
    pairs.sort()
    return [found_a[x] for x, _ in pairs], [found_b[y] for _, y in pairs]


def _runs(kept_a: Kept, kept_b: Kept) -> list[_Run]:
    """Matched unchanged tokens joined into runs that are unbroken on both sides."""
    runs: list[_Run] = []
    for (i, k), (j, m) in zip(kept_a, kept_b, strict=False):
        last = runs[-1] if runs else None
        if (
            last is not None
            and (last.a_paragraph, last.a_last + 1) == (i, k)
            and (last.b_paragraph, last.b_last + 1) == (j, m)
        ):
            last.a_last, last.b_last = k, m
        else:
            runs.append(_Run(i, k, k, j, m, m))
    return runs


def _pieces(
    runs: list[_Run], differences: list[Difference], document: Document, index: int, side: int
) -> list[_Piece]:
    """The runs and ``differences`` (insertions, on the other's side) in a paragraph."""
    paragraph = document.paragraphs[index]
    pieces = [
        _Piece(side, run.b_span if side else run.a_span, run=run)
        for run in runs
        if (run.b_paragraph if side else run.a_paragraph) == index
    ]
    return pieces + [
        _Piece(side, (d.b_start, d.b_end), difference=d)
        for d in differences
        if paragraph.start <= d.b_start < paragraph.end
    ]


def _tile(document: Document, index: int, pieces: list[_Piece]) -> list[_Piece]:
    """``pieces``, sorted and widened to cover paragraph ``index`` whole: each space
    between two goes to an unchanged neighbour (the one before first), else to the one
    before it."""
    paragraph = document.paragraphs[index]
    pieces.sort(key=lambda piece: piece.span)
    if not pieces:
        return [_Piece(1, (paragraph.start, paragraph.end))]
    pieces[0].span = paragraph.start, pieces[0].span[1]
    pieces[-1].span = pieces[-1].span[0], paragraph.end
    for before, after in itertools.pairwise(pieces):
        if before.span[1] < after.span[0]:
            if after.unchanged and not before.unchanged:
                after.span = before.span[1], after.span[1]
            else:
                before.span = before.span[0], after.span[0]
    return pieces


def _place(
    base: Document, other: Document, b: list[int], columns: dict[int, list[_Piece]], d: Difference
) -> _Piece:
    """Put deletion ``d`` in the column where the other document dropped it, with the
    base's space before or after it where it would touch a word of the column."""
    point = d.b_start
    j = min(b, key=lambda j: _distance(other, j, point))
    column = columns[j]
    index = 0
    while index < len(column) and _before(column[index], point):
        index += 1
    if index < len(column) and column[index].side and column[index].span[0] < point:
        first = column[index]  # a piece of the other's text the deletion cuts in two
        rest = _Piece(1, (point, first.span[1]), first.run, first.difference, first.run is not None)
        first.span = first.span[0], point
        column.insert(index + 1, rest)
        index += 1
    start, end = d.a_start, d.a_end
    paragraph = base.paragraphs[base.paragraph_at(start).index]  # type: ignore[union-attr]
    previous = column[index - 1].text(base, other)[-1:] if index else ""
    following = column[index].text(base, other)[:1] if index < len(column) else ""
    if previous and not previous.isspace():
        while start > paragraph.start and base.text[start - 1].isspace():
            start -= 1
    if following and not following.isspace():
        while end < paragraph.end and base.text[end].isspace():
            end += 1
    piece = _Piece(0, (start, end), difference=d)
    column.insert(index, piece)
    return piece


def _distance(document: Document, index: int, point: int) -> int:
    paragraph = document.paragraphs[index]
    return max(paragraph.start - point, point - paragraph.end, 0)


def _before(piece: _Piece, point: int) -> bool:
    """Does ``piece`` stay before a deletion at ``point`` of the other's text?"""
    if piece.side:
        return piece.span[1] <= point
    return piece.difference is not None and piece.difference.b_start <= point


def _segment(base: Document, other: Document, piece: _Piece) -> Segment:
    text = piece.text(base, other)
    kind = piece.difference.kind if piece.difference is not None else None
    if not piece.side:
        return Segment(SegmentKind.DELETED, text, piece.span, None, kind)
    if piece.difference is not None:
        return Segment(SegmentKind.INSERTED, text, None, piece.span, kind)
    if piece.run is None:
        return Segment(SegmentKind.UNCHANGED, text, None, piece.span)
    end = piece.run.a_span[1]
    return Segment(
        SegmentKind.UNCHANGED, text, (end, end) if piece.tail else piece.run.a_span, piece.span
    )
