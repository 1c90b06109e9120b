"""What the comparison window shows, computed without Qt.

The window asks one object every question: which words to highlight in a pane, which
bands to paint between two neighbouring panes, which passages keep the panes in step,
where the next difference is, and the counts for the status bar. Documents other than
the base are compared with the base; two neighbouring panes that are both not the base
are compared with each other for their bands.

Page furniture (captions, prompts, credits) is set aside unless the filter shows it: its
paragraphs are dimmed, its differences no significant stops, its facts no rows or counts.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from functools import cached_property
from typing import NamedTuple

from compareapp.core.align.links import LinkKind
from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.comparison import Comparison, LinkedPair, link_groups
from compareapp.core.diff.inline_diff import Difference, Operation
from compareapp.core.facts.rows import Discrepancy
from compareapp.core.present.page_furniture import PageFurniture
from compareapp.core.text.normalize import normalize_text

# Highlights, bands, stops, passages in step: tuples, quick to make by the hundred thousand.


class Highlight(NamedTuple):
    """Characters ``[start, end)`` of a document that differ from the other side.

    ``removed`` marks text of the base that another document changed or dropped; the
    other documents' changed or added text is not ``removed``.
    """

    start: int
    end: int
    kind: DifferenceClass
    removed: bool


class Band(NamedTuple):
    """A link between paragraph ``left`` of the left pane and ``right`` of the right pane."""

    left: int
    right: int
    moved: bool
    changed: bool
    evidence: str = ""
    """Why the paragraphs are linked (see :meth:`Link.evidence`)."""


class SyncGroup(NamedTuple):
    """Paragraphs ``base_first..base_last`` of the base say what ``first..last`` of another
    document say, in reading order: the passages that keep the panes in step."""

    base_first: int
    base_last: int
    first: int
    last: int


class Stop(NamedTuple):
    """A difference to navigate to: ``[start, end)`` in ``document`` (empty where the text
    was dropped), and where it is in ``other``."""

    document: int
    start: int
    end: int
    kind: DifferenceClass
    other: int
    other_start: int
    other_end: int


class ParagraphMark(Enum):
    UNIQUE = "unique"
    MOVED = "moved"
    CHANGED = "changed"
    FACT = "fact"
    """A changed number, name or quotation."""


@dataclass(frozen=True)
class DifferenceFilter:
    """What counts as a difference: typographic-only variants (quotes, dashes, spaces)
    are hidden unless ``typographic``; changes of letter case only are shown if ``case``;
    British/American spellings are shown if ``spelling``; differences in page furniture
    count as significant, and its rows are listed, if ``furniture``."""

    typographic: bool = False
    case: bool = True
    spelling: bool = True
    furniture: bool = False

    def shows(
        self, difference: Difference, case_only: Callable[[Difference], bool] | None = None
    ) -> bool:
        """Is ``difference`` shown? ``case_only`` may stand in for :func:`is_case_only`."""
        if difference.operation is Operation.TYPOGRAPHIC:
            return self.typographic
        if (case_only or is_case_only)(difference):
            return self.case
        return self.spelling or difference.kind is not DifferenceClass.SPELLING


def is_case_only(difference: Difference) -> bool:
    """True when the two sides differ in letter case only (typography aside)."""
    a, b = normalize_text(difference.a_text), normalize_text(difference.b_text)
    return a != b and a.casefold() == b.casefold()


@dataclass(frozen=True)
class Counts:
    linked: int
    changed: int
    moved: int
    unique: tuple[int, ...]
    by_class: dict[DifferenceClass, int]


class ComparisonViewModel:
    """The window's view of a :class:`Comparison`, showing the differences that
    ``difference_filter`` counts."""

    def __init__(
        self, comparison: Comparison, difference_filter: DifferenceFilter | None = None
    ) -> None:
        self.comparison = comparison
        self.filter = difference_filter or DifferenceFilter()
        self._highlights: dict[int, list[Highlight]] = {}
        self._sync_groups: dict[int, list[SyncGroup]] = {}
        self._marks: dict[int, dict[int, ParagraphMark]] = {}
        self._shown: dict[int, tuple[Difference, bool]] = {}
        self._moved: dict[int, set[int]] = {}
        self._case_only_texts: dict[tuple[str, str], bool] = {}
        self.furniture = PageFurniture(comparison.documents)
        self._significant_stops: dict[int, list[Stop]] = {}

    def first_screen(self, paragraphs: Sequence[int]) -> ComparisonViewModel:
        """:meth:`Comparison.first_screen`'s view model, with this one's filter and furniture."""
        first = ComparisonViewModel(self.comparison.first_screen(paragraphs), self.filter)
        first.furniture = self.furniture
        return first

    @property
    def typographic(self) -> bool:
        return self.filter.typographic

    @property
    def furniture_shown(self) -> bool:
        """Whether page furniture counts as the story does (View > Show Page Furniture)."""
        return self.filter.furniture

    def show_furniture(self, shown: bool) -> None:
        """Count page furniture as the story (``shown``) or set it aside, keeping the
        alignment and the differences: only what depends on it is worked out again."""
        if shown != self.filter.furniture:
            self.filter = replace(self.filter, furniture=shown)
            self._marks.clear()
            self._significant_stops.clear()
            self.__dict__.pop("_counts", None)  # the cached property, worked out again

    def dimmed_paragraphs(self, document: int) -> frozenset[int]:
        """The paragraphs of ``document`` set aside as furniture: none when it is shown."""
        return frozenset() if self.filter.furniture else self.furniture.paragraphs(document)

    def set_aside(self, document: int, start: int, other: int, other_start: int) -> bool:
        """Is a difference at ``start`` of ``document`` and ``other_start`` of ``other``
        set aside: furniture on both sides, and furniture not shown?"""
        if self.filter.furniture:
            return False
        return self.furniture.at(document, start) and self.furniture.at(other, other_start)

    def shown_rows(self, rows: list[Discrepancy]) -> list[Discrepancy]:
        """The discrepancy rows to show of ``rows`` (found with furniture included): those
        whose every wording is furniture only when it is shown."""
        return rows if self.filter.furniture else self.furniture.rows_without(rows)

    @property
    def base(self) -> int:
        return self.comparison.base

    @property
    def document_count(self) -> int:
        return len(self.comparison.documents)

    def pairs(self, a: int, b: int) -> list[LinkedPair]:
        """The linked pairs between documents ``a`` and ``b``, oriented from ``a`` to ``b``."""
        return self.comparison.pairs(a, b)

    def pairs_of(self, a: int, b: int, paragraph: int) -> list[LinkedPair]:
        """The linked pairs from paragraph ``paragraph`` of ``a`` into ``b``."""
        return self.comparison.pairs_of(a, b, paragraph)

    def partners(self, document: int) -> list[int]:
        """The documents ``document`` is compared with: all others for the base, else the
        base."""
        return self.comparison.others() if document == self.base else [self.base]

    def shown(self, difference: Difference) -> bool:
        """Does the filter show ``difference``? Worked out once per difference: the
        filter normalises both sides' text, and every view of the comparison asks."""
        known = self._shown.get(id(difference))
        if known is None:  # the difference is kept with its answer, so its id stays its own
            shows = self.filter.shows(difference, self._case_only)
            known = self._shown[id(difference)] = (difference, shows)
        return known[1]

    def _case_only(self, difference: Difference) -> bool:
        """:func:`is_case_only`, once per pair of texts (a difference seen from the other
        document has them swapped)."""
        a, b = difference.a_text, difference.b_text
        key = (a, b) if a <= b else (b, a)
        if key not in self._case_only_texts:
            self._case_only_texts[key] = is_case_only(difference)
        return self._case_only_texts[key]

    def highlights(self, document: int) -> list[Highlight]:
        """Changed text in ``document``, in document order, without duplicates."""
        if document not in self._highlights:
            self._highlights[document] = self._find_highlights(document)
        return self._highlights[document]

    def _find_highlights(self, document: int) -> list[Highlight]:
        removed = document == self.base
        # Plain tuples as keys: hashing and ordering them is C work (an Enum's hash is not).
        found = {
            (d.a_start, d.a_end, d.kind.value): d.kind
            for other in self.partners(document)
            for pair in self.pairs(document, other)
            for d in pair.differences
            if d.a_end > d.a_start and self.shown(d)
        }
        return [
            Highlight(start, end, found[start, end, value], removed)
            for start, end, value in sorted(found)
        ]

    def unique_paragraphs(self, document: int) -> list[int]:
        return self.comparison.unique_paragraphs(document)

    def moved_paragraphs(self, document: int) -> set[int]:
        """Paragraphs of ``document`` linked out of order (worked out once: the export
        asks for every row of its table)."""
        if document not in self._moved:
            self._moved[document] = {
                pair.link.a
                for other in self.partners(document)
                for pair in self.pairs(document, other)
                if pair.link.kind is LinkKind.MOVED
            }
        return self._moved[document]

    def bands(self, left: int, right: int) -> list[Band]:
        """One band per link between two neighbouring panes."""
        return [
            Band(
                pair.link.a,
                pair.link.b,
                pair.link.kind is LinkKind.MOVED,
                any(self.shown(d) for d in pair.differences),
                pair.link.evidence(),
            )
            for pair in self.pairs(left, right)
        ]

    def sync_groups(self, document: int) -> list[SyncGroup]:
        """Passages of the base and ``document`` in step, in reading order (moved links are
        left out: they cannot be kept in view without jumping)."""
        if document not in self._sync_groups:
            self._sync_groups[document] = self._find_sync_groups(document)
        return self._sync_groups[document]

    def _find_sync_groups(self, document: int) -> list[SyncGroup]:
        links = [
            pair.link
            for pair in self.pairs(self.base, document)
            if pair.link.kind is not LinkKind.MOVED
        ]
        groups = [
            SyncGroup(
                min(link.a for link in group),
                max(link.a for link in group),
                min(link.b for link in group),
                max(link.b for link in group),
            )
            for group in link_groups(links)
        ]
        return sorted(groups, key=lambda group: (group.base_first, group.first))

    def counterparts(self, document: int, paragraph: int) -> dict[int, list[int]]:
        """For each other document, the paragraphs linked to ``paragraph``."""
        found: dict[int, list[int]] = {}
        for other in range(self.document_count):
            if other != document:
                linked = [p.link.b for p in self.pairs(document, other) if p.link.a == paragraph]
                found[other] = sorted(set(linked))
        return found

    def stops(self, document: int) -> list[Stop]:
        """Every shown difference as seen from ``document``, in its reading order."""
        return self._stops[document]

    @cached_property
    def _stops(self) -> list[list[Stop]]:
        """Each document's stops, from the pairs aligned from the base in one pass: seen from
        the other document, a difference is the same one turned round, shown alike."""
        base = self.base
        found: list[dict[tuple[int, int, int, int, int, str], DifferenceClass]] = [
            {} for _ in range(self.document_count)
        ]
        for other in self.comparison.others():
            own, theirs = found[base], found[other]
            for pair in self.comparison.pair(base, other).pairs:
                for d in pair.differences:
                    if self.shown(d):
                        kind = d.kind
                        own[d.a_start, d.a_end, other, d.b_start, d.b_end, kind.value] = kind
                        theirs[d.b_start, d.b_end, base, d.a_start, d.a_end, kind.value] = kind
        return [  # the keys alone are sorted: sorting (key, kind) pairs is slower
            [Stop(document, k[0], k[1], keys[k], *k[2:5]) for k in sorted(keys)]
            for document, keys in enumerate(found)
        ]

    def significant_stops(self, document: int) -> list[Stop]:
        """The stops at numbers, names and quotations, less those set aside as furniture."""
        if document not in self._significant_stops:
            self._significant_stops[document] = [
                stop
                for stop in self.stops(document)
                if stop.kind.significant
                and not self.set_aside(document, stop.start, stop.other, stop.other_start)
            ]
        return self._significant_stops[document]

    def next_stop(
        self, document: int, position: float, forward: bool = True, significant: bool = False
    ) -> Stop | None:
        """The first stop after (or last before) character ``position`` of ``document``;
        ``significant`` skips all but numbers, names and quotations, and those in page
        furniture unless it is shown."""
        stops = self.significant_stops(document) if significant else self.stops(document)
        starts = [stop.start for stop in stops]
        if forward:
            index = bisect.bisect_right(starts, position)
            return stops[index] if index < len(stops) else None
        index = bisect.bisect_left(starts, position) - 1
        return stops[index] if index >= 0 else None

    def paragraph_marks(self, document: int) -> dict[int, ParagraphMark]:
        """The most important thing about each notable paragraph of ``document``, for an
        overview of the whole document."""
        if document not in self._marks:
            marks = dict.fromkeys(self.unique_paragraphs(document), ParagraphMark.UNIQUE)
            marks.update(dict.fromkeys(self.moved_paragraphs(document), ParagraphMark.MOVED))
            paragraph_at = self.comparison.documents[document].paragraph_at
            dimmed = self.dimmed_paragraphs(document)
            for highlight in self.highlights(document):
                paragraph = paragraph_at(highlight.start)
                if paragraph is not None and marks.get(paragraph.index) is not ParagraphMark.FACT:
                    fact = highlight.kind.significant and paragraph.index not in dimmed
                    marks[paragraph.index] = ParagraphMark.FACT if fact else ParagraphMark.CHANGED
            self._marks[document] = marks
        return self._marks[document]

    @cached_property
    def _counts(self) -> Counts:
        return self._count()

    def counts(self) -> Counts:
        return self._counts

    def _count(self) -> Counts:
        """Links, changed and moved links, unique paragraphs and differences by class,
        over the base's comparison with every other document (numbers, names and
        quotations set aside as furniture left out)."""
        base = self.base
        by_other = [(other, self.pairs(base, other)) for other in self.comparison.others()]
        links = [pair for _other, pairs in by_other for pair in pairs]
        differences = [
            d
            for other, pairs in by_other
            for pair in pairs
            for d in pair.differences
            if self.shown(d)
            and not (d.kind.significant and self.set_aside(base, d.a_start, other, d.b_start))
        ]
        return Counts(
            linked=len(links),
            changed=sum(1 for pair in links if any(self.shown(d) for d in pair.differences)),
            moved=sum(1 for pair in links if pair.link.kind is LinkKind.MOVED),
            unique=tuple(len(self.unique_paragraphs(d)) for d in range(self.document_count)),
            by_class=dict(Counter(d.kind for d in differences)),
        )
