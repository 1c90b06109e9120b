"""The discrepancy table: one row per fact that differs between the sources (a number with
its unit, a name, a date or time, a quotation's wording, who said it or to whom, a changed
claim), each source's version side by side, and the claims only one source makes.

Rows come from the word differences between every two documents that share a passage, not
only against the base (:mod:`compareapp.core.facts.changed_facts` says what fact a
difference changes). The same fact found in several pairs is one row: rows whose words
overlap in some source are merged, so three versions saying "8,000", "9,000" and "10,000"
make one row, and a change only two non-base documents disagree on is a row too. The set
of rows does not depend on the base; the base only orders them. A source with no
difference there shows its own wording of the passage (its counterpart), or "not in this
source".

Page furniture (captions, video durations, sign-up prompts, trust lines:
:mod:`compareapp.core.facts.furniture`) is no claim: a row whose every wording is
furniture is left out unless ``include_furniture`` asks for it.

Each document is read in its own language (:func:`compareapp.core.text.language.detect_language`):
"0,6 Milliarden Dollar" is 600 million dollars in a German story, and a German capital is a
name only where :mod:`compareapp.core.text.proper_names` finds one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from compareapp.core.collector import fewer_collections
from compareapp.core.diff.comparison import Comparison
from compareapp.core.diff.counterpart_spans import counterpart_spans
from compareapp.core.diff.disjoint_sets import DisjointSets
from compareapp.core.facts.changed_claims import claim_facts
from compareapp.core.facts.changed_facts import Span, fact_of
from compareapp.core.facts.fact_kind import FactKind
from compareapp.core.facts.furniture import without_furniture
from compareapp.core.facts.quantities import quantity_at
from compareapp.core.facts.rows import RANK, Discrepancy, Version, version
from compareapp.core.facts.single_source import single_source_claims

__all__ = ["RANK", "Discrepancy", "FactKind", "Version", "find_discrepancies"]


@fewer_collections()
def find_discrepancies(
    comparison: Comparison,
    check: Callable[[], None] | None = None,
    include_furniture: bool = False,
) -> list[Discrepancy]:
    """Every row of the table, most important first; rows of page furniture alone only
    with ``include_furniture``. ``check`` is called between linked passages; it may raise
    to stop the work (the window's Cancel)."""
    comparison = _first_as_base(comparison)
    found: list[Discrepancy] = []
    for a, b in _document_pairs(comparison):
        rows: dict[tuple[FactKind, int, int, int], Discrepancy] = {}
        for row in _changed_facts(comparison, a, b, check or _go_on):
            document, _offset = row.position
            version = row.versions[document]
            assert version is not None
            key = (row.kind, document, version.start, version.end)
            rows[key] = merged(rows[key], row) if key in rows else row
        found += _paired_figures(comparison, [*rows.values()])
    filled = [_with_counterparts(comparison, row) for row in _one_row_per_fact(comparison, found)]
    found = [*{row.key: row for row in filled}.values()]  # the same row found from two pairs
    found += single_source_claims(comparison, include_furniture=True)
    if not include_furniture:
        found = without_furniture(comparison.documents, found)
    return sorted(found, key=lambda row: (RANK[row.kind], row.position))


def _first_as_base(comparison: Comparison) -> Comparison:
    """``comparison`` seen from its first document, sharing the alignments already made: a
    pair aligned from one side can differ a little from the same pair aligned from the
    other, and the rows must not depend on the base."""
    if comparison.base == 0:
        return comparison
    return Comparison(
        comparison.documents, 0, comparison.params, comparison.progress, _pairs=comparison._pairs
    )


def _document_pairs(comparison: Comparison) -> list[tuple[int, int]]:
    """Every two documents, the first before the second whatever the base, so that the
    rows do not depend on the base."""
    count = len(comparison.documents)
    return [(a, b) for a in range(count) for b in range(a + 1, count)]


def _one_row_per_fact(comparison: Comparison, rows: list[Discrepancy]) -> list[Discrepancy]:
    """Rows of the same kind whose words overlap in some document: one row (the same fact
    seen from several pairs of documents)."""
    if len(comparison.documents) == 2:
        return rows
    sets = DisjointSets(len(rows))
    spans: dict[tuple[FactKind, int], list[tuple[int, int, int]]] = {}
    for k, row in enumerate(rows):
        kind = FactKind.NUMBER if row.kind is FactKind.DATE else row.kind
        for document, words in enumerate(row.versions):
            if words is not None:
                spans.setdefault((kind, document), []).append((words.start, words.end, k))
    for places in spans.values():
        places.sort()
        reach, owner = -1, -1
        for start, end, k in places:
            if start < reach:
                sets.join(k, owner)
            if end > reach:
                reach, owner = end, k
    groups: dict[int, Discrepancy] = {}
    for k, row in enumerate(rows):
        top = sets.root(k)
        groups[top] = _joined(comparison, groups[top], row) if top in groups else row
    return list(groups.values())


def _joined(comparison: Comparison, first: Discrepancy, second: Discrepancy) -> Discrepancy:
    """One row from two of the same fact: each document's words, widened to cover both."""
    versions: list[Version | None] = []
    for document, (a, b) in enumerate(zip(first.versions, second.versions, strict=True)):
        if a is None or b is None or (a.start, a.end) == (b.start, b.end):
            versions.append(a or b)
            continue
        span = (min(a.start, b.start), max(a.end, b.end))
        versions.append(version(comparison.documents[document], span))
    kind = min(first.kind, second.kind, key=RANK.__getitem__)
    return Discrepancy(kind, tuple(versions), min(first.position, second.position))


def _without_claims_on_figures(rows: list[Discrepancy]) -> list[Discrepancy]:
    """The rows without a changed claim whose words hold a changed figure on every side
    ("Kyiv says it has recovered more than 8,000" / "Ukrainian officials say 9,000"):
    the figure's row is that fact."""
    figures = [row for row in rows if row.kind in (FactKind.NUMBER, FactKind.DATE)]
    return [
        row
        for row in rows
        if row.kind is not FactKind.CLAIM or not any(_overlap(row, f) for f in figures)
    ]


def _overlap(first: Discrepancy, second: Discrepancy) -> bool:
    """Do the two rows' words overlap in every document that has both?"""
    shared = [(a, b) for a, b in zip(first.versions, second.versions, strict=True) if a and b]
    return bool(shared) and all(a.start < b.end and b.start < a.end for a, b in shared)


def _paired_figures(comparison: Comparison, rows: list[Discrepancy]) -> list[Discrepancy]:
    """A figure one source gives where another gives none, and a figure of the same unit
    the other gives elsewhere with no counterpart ("8,000 km²" in one paragraph, "9,000 km²"
    in another): one row, the contradiction, rather than two one-sided rows."""
    documents = comparison.documents
    lonely: dict[tuple[int, str], list[Discrepancy]] = {}
    for row in rows:
        present = [index for index, version in enumerate(row.versions) if version is not None]
        if row.kind is FactKind.NUMBER and len(present) == 1:
            version = row.versions[present[0]]
            assert version is not None
            source = documents[present[0]]
            figure = quantity_at(source.text, version.start, version.end, source.language)
            if figure is not None and figure.unit:
                lonely.setdefault((present[0], figure.unit), []).append(row)
    paired: dict[int, Discrepancy] = {}
    for (document, unit), group in lonely.items():
        for other_document in range(len(documents)):
            partners = lonely.get((other_document, unit), []) if other_document > document else []
            for row, partner in zip(group, partners, strict=False):
                if id(row) in paired or id(partner) in paired:
                    continue
                joined = merged(row, partner)
                paired[id(row)], paired[id(partner)] = joined, joined
    result, seen = [], set()
    for row in rows:
        chosen = paired.get(id(row), row)
        if id(chosen) not in seen:
            seen.add(id(chosen))
            result.append(chosen)
    return result


def merged(first: Discrepancy, second: Discrepancy) -> Discrepancy:
    """Two documents' differences at the same words of one document: one row."""
    versions = tuple(a or b for a, b in zip(first.versions, second.versions, strict=True))
    return Discrepancy(first.kind, versions, first.position)


def _with_counterparts(comparison: Comparison, row: Discrepancy) -> Discrepancy:
    """Fill in the documents that have no difference there: their counterpart of the
    row's words (their own wording), or None when they do not have the passage. The
    counterpart is looked for from the first source that has the row's words."""
    present = [k for k, v in enumerate(row.versions) if v is not None]
    if not present or len(present) == len(row.versions):
        return row
    source = present[0]
    words = row.versions[source]
    assert words is not None
    versions = list(row.versions)
    documents = comparison.documents
    for other, span in counterpart_spans(comparison, source, words.start, words.end).items():
        if versions[other] is None:
            versions[other] = version(documents[other], span)
    return Discrepancy(row.kind, tuple(versions), row.position)


def _go_on() -> None:
    """A ``check`` that never stops the work."""


def _changed_facts(
    comparison: Comparison, a: int, b: int, check: Callable[[], None]
) -> Iterator[Discrepancy]:
    documents = comparison.documents
    for pair in comparison.pair(a, b).pairs:  # a before b: the same whatever the base
        check()
        quotes_done: set[Span] = set()
        facts = []
        for difference in pair.differences:
            fact = fact_of(documents[a], documents[b], difference, quotes_done)
            if fact is not None:
                facts.append(_row(comparison, fact[0], (a, fact[1]), (b, fact[2])))
        for kind, span_a, span_b in claim_facts(documents[a], documents[b], pair.differences):
            facts.append(_row(comparison, kind, (a, span_a), (b, span_b)))
        yield from _without_claims_on_figures(facts)


def _row(
    comparison: Comparison, kind: FactKind, first: tuple[int, Span], second: tuple[int, Span]
) -> Discrepancy:
    """The row for a fact that document ``first[0]`` says at ``first[1]`` and
    ``second[0]`` at ``second[1]``."""
    documents = comparison.documents
    versions: list[Version | None] = [None] * len(documents)
    (a, span_a), (b, span_b) = first, second
    versions[a] = version(documents[a], span_a)
    versions[b] = version(documents[b], span_b)
    position = (a, span_a[0]) if span_a[1] > span_a[0] else (b, span_b[0])
    return Discrepancy(kind, tuple(versions), position)
