"""What an exported report shows, without drawing it: the aligned rows of the side-by-side
pages and the summary's facts.

A row holds, for each document of a section, the paragraphs that say the same thing (a
group of linked paragraphs), in the base document's order; a paragraph found only in a
non-base document comes just after its predecessor's row. Unlinked paragraphs of several
documents that fall between the same two rows are set beside one another, each still
marked as only in its source, so that a long run leaves no column empty.

Up to :data:`MAX_COLUMNS` documents share one section with a column each; with more, the
base is set beside each other document in turn, so that a column never gets narrower than
about sixty characters.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.documents.document import Document
from compareapp.core.facts.discrepancies import Discrepancy, find_discrepancies
from compareapp.core.present.view_model import ComparisonViewModel, Counts
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.core.review.placement import marks_in

MAX_COLUMNS = 3


@dataclass(frozen=True)
class Cell:
    """One document's paragraphs in a row; empty when it has nothing there."""

    paragraphs: tuple[int, ...]
    unique: bool = False
    moved_from: str = ""
    """Where a moved paragraph stands in its own document, e.g. "paragraph 12 of 30"."""
    labels: tuple[str, ...] = ()
    """One per paragraph: where it stands in its own document when that is not plain from
    the row ("moved: paragraph 6 of 49", or "paragraph 34 of 38" for a part of a split or
    merge out of reading order), else ""."""


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    """One per document of the section, in the section's column order."""


@dataclass(frozen=True)
class Section:
    documents: tuple[int, ...]
    """The documents shown side by side, base first."""
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class ReportModel:
    """Everything the exported report says."""

    model: ComparisonViewModel
    sections: tuple[Section, ...]
    marks: tuple[ReviewMark, ...]
    """The review marks placed in the compared documents, disputed first."""
    unplaced: tuple[ReviewMark, ...]
    """Marks whose passage is not in the compared text (orphaned, or source not open)."""
    discrepancies: tuple[Discrepancy, ...] = ()
    """The facts that differ between the sources, most important first (rows of page
    furniture alone only when the view model shows furniture)."""

    @property
    def documents(self) -> list[Document]:
        return list(self.model.comparison.documents)

    def counts(self) -> Counts:
        return self.model.counts()

    def cited_paragraphs(self) -> set[tuple[int, int]]:
        """The (document, paragraph)s where the discrepancy table's wordings start."""
        cited, documents = set(), self.documents
        for row in self.discrepancies:
            for index, version in enumerate(row.versions):
                if version is not None:
                    paragraph = documents[index].paragraph_at(version.start)
                    if paragraph is not None:
                        cited.add((index, paragraph.index))
        return cited

    def marks_by_status(self) -> Counter[MarkStatus]:
        return Counter(mark.status for mark in (*self.marks, *self.unplaced))

    def differences_by_class(self) -> dict[DifferenceClass, int]:
        return dict(self.counts().by_class)


def build_report(model: ComparisonViewModel, marks: Iterable[ReviewMark] = ()) -> ReportModel:
    """The report of ``model`` with the review ``marks``."""
    documents = model.comparison.documents
    base = model.base
    others = [index for index in range(len(documents)) if index != base]
    if len(documents) <= MAX_COLUMNS:
        groups = [(base, *others)]
    else:
        groups = [(base, other) for other in others]
    sections = tuple(Section(group, tuple(_rows(model, group))) for group in groups)
    all_marks = list(marks)
    placed = {mark.id for document in documents for mark in marks_in(document, all_marks)}
    by_status = sorted(all_marks, key=lambda mark: mark.status is not MarkStatus.DISPUTED)
    return ReportModel(
        model=model,
        sections=sections,
        marks=tuple(mark for mark in by_status if mark.id in placed),
        unplaced=tuple(mark for mark in by_status if mark.id not in placed),
        discrepancies=tuple(
            find_discrepancies(model.comparison, include_furniture=model.furniture_shown)
        ),
    )


def _rows(model: ComparisonViewModel, group: tuple[int, ...]) -> list[Row]:
    """The rows of a section: linked groups in base order, unique paragraphs after their
    predecessors."""
    base, others = group[0], group[1:]
    documents = model.comparison.documents
    links = _adjacency(model, base, others)
    row_of: dict[tuple[int, int], int] = {}
    keyed: list[tuple[tuple[int, int, int, int], dict[int, list[int]]]] = []
    for paragraph in range(len(documents[base].paragraphs)):
        if (base, paragraph) in row_of:
            continue
        members = _connected(links, (base, paragraph))
        for node in members:
            row_of[node] = len(keyed)
        keyed.append(((paragraph, 0, 0, 0), _by_document(members)))
    for column, document in enumerate(others, 1):
        anchor = -1
        for paragraph in range(len(documents[document].paragraphs)):
            if (document, paragraph) in row_of:
                anchor = keyed[row_of[(document, paragraph)]][0][0]
                continue
            row_of[(document, paragraph)] = len(keyed)
            keyed.append(((anchor, 1, column, paragraph), {document: [paragraph]}))
    keyed.sort(key=lambda item: item[0])
    return [
        _row(model, group, members, unlinked)
        for members, unlinked in _side_by_side([members for _key, members in keyed])
    ]


def _side_by_side(rows: list[dict[int, list[int]]]) -> list[tuple[dict[int, list[int]], bool]]:
    """Runs of rows that each hold one document's unlinked paragraph, set beside one
    another where the runs of several documents meet (each keeps its order), so that a
    long run leaves no column empty. Their cells stay marked as only in their source."""
    merged: list[tuple[dict[int, list[int]], bool]] = []
    run: dict[int, list[list[int]]] = {}

    def flush() -> None:
        for parts in itertools.zip_longest(*run.values()):
            row = {document: part for document, part in zip(run, parts, strict=True) if part}
            merged.append((row, True))
        run.clear()

    for members in rows:
        if len(members) == 1 and len(next(iter(members.values()))) == 1:
            ((document, paragraphs),) = members.items()
            run.setdefault(document, []).append(paragraphs)
            continue
        flush()
        merged.append((members, False))
    flush()
    return merged


Node = tuple[int, int]
"""(document, paragraph)"""


def _adjacency(
    model: ComparisonViewModel, base: int, others: tuple[int, ...]
) -> dict[Node, set[Node]]:
    """Each paragraph's links with the base (both ways) for the section's documents."""
    links: dict[Node, set[Node]] = {}
    for other in others:
        for pair in model.pairs(base, other):
            a, b = (base, pair.link.a), (other, pair.link.b)
            links.setdefault(a, set()).add(b)
            links.setdefault(b, set()).add(a)
    return links


def _connected(links: dict[Node, set[Node]], start: Node) -> set[Node]:
    """The paragraphs joined with ``start`` through links (splits and merges included)."""
    found, frontier = {start}, [start]
    while frontier:
        for neighbour in links.get(frontier.pop(), ()):
            if neighbour not in found:
                found.add(neighbour)
                frontier.append(neighbour)
    return found


def _by_document(nodes: set[Node]) -> dict[int, list[int]]:
    grouped: dict[int, list[int]] = {}
    for document, paragraph in sorted(nodes):
        grouped.setdefault(document, []).append(paragraph)
    return grouped


def _row(
    model: ComparisonViewModel,
    group: tuple[int, ...],
    members: dict[int, list[int]],
    unlinked: bool = False,
) -> Row:
    """A row: each document's paragraphs of one link group (or, ``unlinked``, paragraphs
    linked to nothing, set side by side), every one labelled with where it stands in its
    own document when it is moved or one of several in its cell."""
    cells = []
    for document in group:
        paragraphs = tuple(members.get(document, ()))
        linked = any(len(members.get(other, ())) for other in group if other != document)
        # The base column is in the base's order: its paragraphs are never out of place.
        moved = model.moved_paragraphs(document) if document != group[0] else set()
        total = len(model.comparison.documents[document].paragraphs)
        labels = tuple(
            f"moved: paragraph {p + 1} of {total}"
            if p in moved
            else (f"paragraph {p + 1} of {total}" if len(paragraphs) > 1 else "")
            for p in paragraphs
        )
        where = next((f"paragraph {p + 1} of {total}" for p in paragraphs if p in moved), "")
        unique = bool(paragraphs) and (unlinked or not linked)
        cells.append(Cell(paragraphs, unique=unique, moved_from=where, labels=labels))
    return Row(tuple(cells))
