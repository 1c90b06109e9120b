"""The redline: one column that reads as the other document does, with the base's words it
dropped struck through and its own new words underlined, as a tracked-changes view shows
them. The window's redline view and the PDF's redline layout are both drawn from it.

The column follows the **other document's reading order**: the redline answers "what does
this version say, and what did it change from the base", so it reads as the version an
editor is checking; the base's paragraphs it dropped stand after the base paragraph before
them (after the nearest one that is not moved), and a moved paragraph stands where the
other document has it, saying where it was in the base.

Every segment keeps its offsets in its own document (see :class:`Segment`), so marks
anchored in either text and the navigation's differences map onto the column
(:meth:`Redline.position`), and a selection in the column maps back
(:meth:`Redline.source_ranges`). Positions in the column count characters of
:attr:`Redline.text` (paragraphs joined by ``\\n``).
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from compareapp.core.align.links import Link, LinkKind
from compareapp.core.diff.comparison import Comparison, link_groups
from compareapp.core.diff.inline_diff import Difference
from compareapp.core.documents.document import Document
from compareapp.core.present.redline_segments import Segment, SegmentKind, group_segments

__all__ = [
    "ParagraphChange",
    "Redline",
    "RedlineParagraph",
    "Segment",
    "SegmentKind",
    "build_redline",
]

SEPARATOR = "\n"


class ParagraphChange(Enum):
    LINKED = "linked"
    """In both documents (changed or not)."""
    INSERTED = "inserted"
    """Only in the other document: the whole paragraph is new."""
    DELETED = "deleted"
    """Only in the base: the whole paragraph was dropped."""


@dataclass(frozen=True)
class RedlineParagraph:
    """One paragraph of the column: a paragraph of the other document with the base's
    text it replaces, or a paragraph of the base the other document dropped."""

    change: ParagraphChange
    segments: tuple[Segment, ...]
    base_paragraphs: tuple[int, ...]
    """The base's paragraphs whose text is in this one (several for a merge; one split
    paragraph of the base is in several of the column's)."""
    other_paragraph: int | None
    moved_from: tuple[int, ...] = ()
    """For a moved paragraph, the base's paragraphs it was linked to, which stand
    elsewhere in the base's order."""
    repeats: int | None = None
    """For a paragraph printed twice word for word in its document (a repeated lead), the
    first copy: the other's paragraph for an inserted one, the base's for a deleted one."""

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments)

    @property
    def moved(self) -> bool:
        return bool(self.moved_from)

    @property
    def changed(self) -> bool:
        return self.change is not ParagraphChange.LINKED or any(
            segment.change is not SegmentKind.UNCHANGED for segment in self.segments
        )


@dataclass(frozen=True)
class Located:
    """A segment of the column and where its text starts in :attr:`Redline.text`."""

    paragraph: int
    segment: Segment
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.segment.text)


@dataclass(frozen=True)
class Redline:
    """The base (``base``) and one other document (``other``) as one column."""

    base: int
    other: int
    paragraphs: tuple[RedlineParagraph, ...]

    @cached_property
    def text(self) -> str:
        return SEPARATOR.join(paragraph.text for paragraph in self.paragraphs)

    @cached_property
    def located(self) -> tuple[Located, ...]:
        """Every segment with its position in :attr:`text`, in column order."""
        found, position = [], 0
        for index, paragraph in enumerate(self.paragraphs):
            for segment in paragraph.segments:
                found.append(Located(index, segment, position))
                position += len(segment.text)
            position += len(SEPARATOR)
        return tuple(found)

    @cached_property
    def paragraph_starts(self) -> tuple[int, ...]:
        starts, position = [], 0
        for paragraph in self.paragraphs:
            starts.append(position)
            position += len(paragraph.text) + len(SEPARATOR)
        return tuple(starts)

    def _span(self, document: int, segment: Segment) -> tuple[int, int] | None:
        if document == self.base:
            return segment.base
        return segment.other if document == self.other else None

    def position(self, document: int, offset: int) -> int | None:
        """The column position of ``offset`` in ``document`` (the base or the other):
        in the segment whose text holds it (the other's, for unchanged text), else at the
        end of the nearest one before it; None for another document."""
        best: tuple[int, int] | None = None
        for located in self.located:
            span = self._span(document, located.segment)
            if span is None:
                continue
            start, end = span
            if start <= offset < end or start == offset == end:
                if document == self.other or located.segment.change is SegmentKind.DELETED:
                    return located.start + offset - start  # the shown text is this text
                return located.start + min(offset - start, len(located.segment.text))
            if end <= offset and (best is None or end > best[0]):
                best = end, located.end
        return best[1] if best else (0 if document in (self.base, self.other) else None)

    def source_ranges(self, start: int, end: int) -> dict[int, tuple[int, int]]:
        """The source ranges, by document, of the column's text ``[start, end)``: what a
        selection there says in the base and in the other document."""
        found: dict[int, tuple[int, int]] = {}
        for located in self.located:
            if located.end <= start or located.start >= end:
                continue
            first = max(start, located.start) - located.start
            last = min(end, located.end) - located.start
            for document in (self.base, self.other):
                span = self._span(document, located.segment)
                if span is None or span[0] == span[1]:
                    continue
                exact = document == self.other or located.segment.change is SegmentKind.DELETED
                s, e = (
                    (span[0] + first, span[0] + last)
                    if exact
                    else (min(span[0] + first, span[1]), min(span[0] + last, span[1]))
                )
                if s < e:
                    old = found.get(document, (s, e))
                    found[document] = min(old[0], s), max(old[1], e)
        return found

    def furniture_paragraphs(self, base: Set[int], other: Set[int]) -> list[int]:
        """The column's paragraphs whose every source paragraph is page furniture, given
        the furniture paragraphs of the base (``base``) and of the other (``other``)."""
        found = []
        for index, paragraph in enumerate(self.paragraphs):
            mine = paragraph.other_paragraph
            sources = [number in base for number in paragraph.base_paragraphs]
            sources += [mine in other] if mine is not None else []
            if sources and all(sources):
                found.append(index)
        return found

    def changes(self) -> Iterator[Located]:
        """The changed segments in column order."""
        unchanged = SegmentKind.UNCHANGED
        return (found for found in self.located if found.segment.change is not unchanged)


def build_redline(comparison: Comparison, other: int) -> Redline:
    """The redline of ``comparison``'s base and document ``other``."""
    base = comparison.base
    if other == base or not 0 <= other < len(comparison.documents):
        raise ValueError(f"document {other} is not one compared with the base")
    doc_a, doc_b = comparison.documents[base], comparison.documents[other]
    pairs = comparison.pairs(base, other)
    # A paragraph printed twice (Link.repeat, when the aligner marks it) is linked to the
    # first copy's counterpart; in the column the copy is shown whole as what it is: the
    # other's added again, or the base's dropped.
    repeated = [pair.link for pair in pairs if getattr(pair.link, "repeat", False)]
    pairs = [pair for pair in pairs if not getattr(pair.link, "repeat", False)]
    repeats_other, repeats_base = _repeats(repeated, [pair.link for pair in pairs])
    differences: dict[tuple[int, int], tuple[Difference, ...]] = {
        (pair.link.a, pair.link.b): pair.differences for pair in pairs
    }
    by_other: dict[int, RedlineParagraph] = {}
    anchor_of: dict[int, int] = {}
    """For each base paragraph in a group that is not moved, the last other paragraph of
    its group: where the base's dropped paragraphs after it go."""
    for group in link_groups([pair.link for pair in pairs]):
        a = sorted({link.a for link in group})
        b = sorted({link.b for link in group})
        found = [d for link in group for d in differences[(link.a, link.b)]]
        segments = group_segments(doc_a, doc_b, found, a, b)
        for j in b:
            linked = [link for link in group if link.b == j]
            moved = any(link.kind is LinkKind.MOVED for link in linked)
            in_base = sorted(
                {i for i in a if any(_within(doc_a, i, s.base) for s in segments[j] if s.base)}
            )
            by_other[j] = RedlineParagraph(
                ParagraphChange.LINKED,
                tuple(segments[j]),
                tuple(in_base),
                j,
                tuple(sorted({link.a for link in linked})) if moved else (),
            )
        if not any(link.kind is LinkKind.MOVED for link in group):
            anchor_of.update(dict.fromkeys(a, b[-1]))
    dropped: dict[int, list[RedlineParagraph]] = {}
    anchor = -1
    alignment = comparison.pair(base, other).alignment
    unique_a = set(alignment.unique_a) | set(repeats_base)
    for i, paragraph in enumerate(doc_a.paragraphs):
        if i in anchor_of:
            anchor = anchor_of[i]
        elif i in unique_a:
            segment = Segment(
                SegmentKind.DELETED, paragraph.text, (paragraph.start, paragraph.end), None
            )
            dropped.setdefault(anchor, []).append(
                RedlineParagraph(
                    ParagraphChange.DELETED, (segment,), (i,), None, repeats=repeats_base.get(i)
                )
            )
    column = list(dropped.get(-1, []))
    for j, paragraph in enumerate(doc_b.paragraphs):
        if j in by_other:
            column.append(by_other[j])
        else:
            segment = Segment(
                SegmentKind.INSERTED, paragraph.text, None, (paragraph.start, paragraph.end)
            )
            column.append(
                RedlineParagraph(
                    ParagraphChange.INSERTED, (segment,), (), j, repeats=repeats_other.get(j)
                )
            )
        column += dropped.get(j, [])
    return Redline(base, other, tuple(column))


def _within(document: Document, index: int, span: tuple[int, int]) -> bool:
    paragraph = document.paragraphs[index]
    return span[0] < span[1] and paragraph.start <= span[0] < paragraph.end


def _repeats(repeated: list[Link], links: list[Link]) -> tuple[dict[int, int], dict[int, int]]:
    """The repeated copies, as ``{copy: first copy}`` for the other's paragraphs and for
    the base's: a repeat link shares its base paragraph with the first copy's link when
    the other document repeats, its other paragraph when the base does."""
    other_of = {link.a: link.b for link in links}
    base_of = {link.b: link.a for link in links}
    in_other, in_base = {}, {}
    for link in repeated:
        if link.a in other_of:
            in_other[link.b] = other_of[link.a]
        elif link.b in base_of:
            in_base[link.a] = base_of[link.b]
    return in_other, in_base
