"""The window's questions, answered without Qt: highlights, bands, sync, stops and counts."""

from __future__ import annotations

import itertools

import pytest

from compareapp.core.align.aligner import LinkKind
from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.comparison import Comparison
from compareapp.core.diff.inline_diff import Operation
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text, load_document
from compareapp.core.present.view_model import (
    ComparisonViewModel,
    DifferenceFilter,
    Highlight,
    SyncGroup,
)
from compareapp.resources import sample_paths

# Paragraphs: 0 headline, 1 the households (number changed, a word inserted in the rewrite),
# 2 the quotation (moved up in the rewrite; typography and the mayor's name changed),
# 3 typography only, 4 boilerplate of each outlet.
WIRE = """Floods hit Marrowby

Around 1,200 households were evacuated on Tuesday, officials said.

“We acted within hours,” said Mayor Ingrid Sallow.

Tanner’s Bridge will stay shut until the engineers have finished their inspection.

Register now for unlimited access to the Wire"""

REWRITE = """Floods hit Marrowby

"We acted within hours," said Mayor Ingrid Sallowe.

Around 1,400 households were evacuated early on Tuesday, officials said.

Tanner's Bridge will stay shut until the engineers have finished their inspection.

Sign up for our morning newsletter"""

THIRD = """Marrowby floods

Around 1,400 households were evacuated on Tuesday, officials said."""


def _doc(text: str, name: str) -> Document:
    return document_from_text(
        text, path=f"/tmp/{name}", name=name, sha256="0" * 64, encoding="utf-8"
    )


def _covering(text: str, highlights: list[Highlight], needle: str) -> list[Highlight]:
    """Highlights overlapping the first occurrence of ``needle`` (which must occur once)."""
    assert text.count(needle) == 1, needle
    start = text.index(needle)
    end = start + len(needle)
    return [h for h in highlights if h.start < end and h.end > start]


@pytest.fixture(scope="module")
def sample_documents() -> list[Document]:
    return [load_document(path) for path in sample_paths()]


@pytest.fixture
def sample(sample_documents: list[Document]) -> ComparisonViewModel:
    return ComparisonViewModel(Comparison(sample_documents))


@pytest.fixture
def small() -> ComparisonViewModel:
    return ComparisonViewModel(Comparison([_doc(WIRE, "wire"), _doc(REWRITE, "rewrite")]))


@pytest.fixture
def three() -> ComparisonViewModel:
    documents = [_doc(WIRE, "wire"), _doc(REWRITE, "rewrite"), _doc(THIRD, "third")]
    return ComparisonViewModel(Comparison(documents, base=1))


# --- highlights ----------------------------------------------------------------------------


def test_base_highlights_are_removed_text_and_the_others_are_not(
    sample: ComparisonViewModel,
) -> None:
    base, other = sample.highlights(0), sample.highlights(1)
    assert base and other
    assert all(h.removed for h in base)
    assert not any(h.removed for h in other)


@pytest.mark.parametrize("typographic", [False, True])
def test_highlights_are_sorted_non_empty_and_inside_the_document(
    sample_documents: list[Document], typographic: bool
) -> None:
    view = ComparisonViewModel(
        Comparison(sample_documents), DifferenceFilter(typographic=typographic)
    )
    for document in (0, 1):
        highlights = view.highlights(document)
        keys = [(h.start, h.end, h.kind.value) for h in highlights]
        assert keys == sorted(set(keys))
        size = len(sample_documents[document].text)
        assert all(0 <= h.start < h.end <= size for h in highlights)


@pytest.mark.parametrize(
    ("document", "context", "changed", "kind"),
    [
        (0, "Around 1,200 households", "1,200", DifferenceClass.NUMBER),
        (1, "Around 1,400 households", "1,400", DifferenceClass.NUMBER),
        (0, "€3.5 million", "3.5", DifferenceClass.NUMBER),
        (1, "€4 million", "4", DifferenceClass.NUMBER),
        (0, "at 2:40 a.m.", "2:40", DifferenceClass.NUMBER),
        (1, "at 3:10 a.m.", "3:10", DifferenceClass.NUMBER),
        (0, "Mayor Ingrid Sallow said", "Sallow", DifferenceClass.NAME),
        (1, "Ingrid Sallowe said on", "Sallowe", DifferenceClass.NAME),
        (0, "she told Radio North", "Radio North", DifferenceClass.NAME),
        (1, "she told the Gazette", "the Gazette", DifferenceClass.NAME),
        (0, "14 kilometres", "kilometres", DifferenceClass.SPELLING),
        (1, "14 kilometers", "kilometers", DifferenceClass.SPELLING),
    ],
)
def test_changed_facts_in_the_sample_are_highlighted(
    sample: ComparisonViewModel,
    sample_documents: list[Document],
    document: int,
    context: str,
    changed: str,
    kind: DifferenceClass,
) -> None:
    text = sample_documents[document].text
    assert text.count(context) == 1, context
    start = text.index(context) + context.index(changed)
    covered = {
        i for h in sample.highlights(document) if h.kind is kind for i in range(h.start, h.end)
    }
    # Every letter and digit of the change is covered (the colon of a time is a token of its
    # own, the same on both sides, so "2:40" shows as "2" and "40").
    assert {start + k for k, char in enumerate(changed) if char.isalnum()} <= covered


@pytest.mark.parametrize(
    ("document", "needle"),
    [(0, "37 people"), (1, "37 people"), (0, "1951"), (0, "1974"), (0, "every 20 minutes")],
)
def test_unchanged_numbers_in_the_sample_are_not_highlighted(
    sample: ComparisonViewModel, sample_documents: list[Document], document: int, needle: str
) -> None:
    text = sample_documents[document].text
    assert _covering(text, sample.highlights(document), needle) == []


def test_typographic_highlights_only_when_asked(sample_documents: list[Document]) -> None:
    plain = ComparisonViewModel(Comparison(sample_documents))
    typographic = ComparisonViewModel(
        Comparison(sample_documents), DifferenceFilter(typographic=True)
    )
    wire = sample_documents[0].text
    for document in (0, 1):
        hidden, shown = plain.highlights(document), typographic.highlights(document)
        assert all(h.kind is not DifferenceClass.TYPOGRAPHIC for h in hidden)
        extra = [h for h in shown if h.kind is DifferenceClass.TYPOGRAPHIC]
        assert extra
        assert sorted(set(shown) - set(extra), key=lambda h: (h.start, h.end)) == hidden
    apostrophe = wire.index("Tanner’s Bridge, the 19th") + len("Tanner")
    assert not _covering(wire, plain.highlights(0), "Tanner’s Bridge, the 19th")
    assert any(
        h.kind is DifferenceClass.TYPOGRAPHIC and h.start <= apostrophe < h.end
        for h in typographic.highlights(0)
    )


def test_small_example_highlights_exactly_the_changed_words(small: ComparisonViewModel) -> None:
    wire, rewrite = WIRE, REWRITE
    assert [(wire[h.start : h.end], h.kind, h.removed) for h in small.highlights(0)] == [
        ("1,200", DifferenceClass.NUMBER, True),
        ("Sallow", DifferenceClass.NAME, True),
    ]
    assert [(rewrite[h.start : h.end], h.kind, h.removed) for h in small.highlights(1)] == [
        ("Sallowe", DifferenceClass.NAME, False),
        ("1,400", DifferenceClass.NUMBER, False),
        ("early", DifferenceClass.WORDING, False),
    ]


# --- pairs and bands -----------------------------------------------------------------------


def test_pairs_from_the_other_side_are_the_swapped_base_pairs(sample: ComparisonViewModel) -> None:
    forward, backward = sample.pairs(0, 1), sample.pairs(1, 0)
    assert len(forward) == len(backward) > 0
    operations = set()
    for there, back in zip(forward, backward, strict=True):
        assert (back.link.a, back.link.b) == (there.link.b, there.link.a)
        assert (back.link.kind, back.link.score) == (there.link.kind, there.link.score)
        assert len(back.differences) == len(there.differences)
        for d, e in zip(there.differences, back.differences, strict=True):
            assert (e.a_start, e.a_end) == (d.b_start, d.b_end)
            assert (e.b_start, e.b_end) == (d.a_start, d.a_end)
            assert (e.a_text, e.b_text, e.kind) == (d.b_text, d.a_text, d.kind)
            swapped = {Operation.DELETE: Operation.INSERT, Operation.INSERT: Operation.DELETE}
            assert e.operation is swapped.get(d.operation, d.operation)
            operations.add(d.operation)
    assert {Operation.DELETE, Operation.INSERT, Operation.REPLACE} <= operations


def test_pairs_are_oriented_so_offsets_index_the_first_document(
    sample: ComparisonViewModel, sample_documents: list[Document]
) -> None:
    for a, b in ((0, 1), (1, 0)):
        text_a, text_b = sample_documents[a].text, sample_documents[b].text
        for pair in sample.pairs(a, b):
            for d in pair.differences:
                assert text_a[d.a_start : d.a_end] == d.a_text
                assert text_b[d.b_start : d.b_end] == d.b_text


def test_bands_between_the_base_and_another_are_its_links(sample: ComparisonViewModel) -> None:
    links = [pair.link for pair in sample.pairs(0, 1)]
    bands = sample.bands(0, 1)
    assert [(band.left, band.right) for band in bands] == [(link.a, link.b) for link in links]
    assert [band.moved for band in bands] == [link.kind is LinkKind.MOVED for link in links]
    assert sum(band.moved for band in bands) == 8
    mirrored = sample.bands(1, 0)
    assert [(b.right, b.left, b.moved, b.changed) for b in mirrored] == [
        (b.left, b.right, b.moved, b.changed) for b in bands
    ]


def test_band_changed_counts_typography_only_when_shown(small: ComparisonViewModel) -> None:
    typographic = ComparisonViewModel(small.comparison, DifferenceFilter(typographic=True))
    plain_bands = {(b.left, b.right): b for b in small.bands(0, 1)}
    shown_bands = {(b.left, b.right): b for b in typographic.bands(0, 1)}
    assert not plain_bands[(0, 0)].changed and not shown_bands[(0, 0)].changed  # identical
    assert not plain_bands[(3, 3)].changed  # Tanner’s / Tanner's only
    assert shown_bands[(3, 3)].changed
    assert plain_bands[(1, 2)].changed and plain_bands[(2, 1)].changed


# --- sync groups and counterparts ----------------------------------------------------------


def test_sync_groups_run_down_both_documents(sample: ComparisonViewModel) -> None:
    groups = sample.sync_groups(1)
    assert len(groups) >= 5
    for group in groups:
        assert group.base_first <= group.base_last and group.first <= group.last
    for earlier, later in itertools.pairwise(groups):
        assert earlier.base_last < later.base_first
        assert earlier.last < later.first


def test_sync_groups_hold_every_link_in_step_and_no_moved_one(
    sample: ComparisonViewModel,
) -> None:
    groups = sample.sync_groups(1)

    def inside(a: int, b: int) -> list[SyncGroup]:
        return [g for g in groups if g.base_first <= a <= g.base_last and g.first <= b <= g.last]

    links = [pair.link for pair in sample.pairs(0, 1)]
    moved = [link for link in links if link.kind is LinkKind.MOVED]
    assert moved
    for link in links:
        assert len(inside(link.a, link.b)) == (0 if link in moved else 1)
    moved_a = {link.a for link in moved}
    assert not any(g.base_first in moved_a or g.base_last in moved_a for g in groups)


def test_sync_groups_of_the_small_example(small: ComparisonViewModel) -> None:
    # The quotation moved up in the rewrite: one of the two crossing links is left out.
    groups = small.sync_groups(1)
    assert groups[0] == SyncGroup(0, 0, 0, 0)
    assert groups[-1] == SyncGroup(3, 3, 3, 3)
    assert len(groups) == 3
    assert groups[1] in (SyncGroup(1, 1, 2, 2), SyncGroup(2, 2, 1, 1))


@pytest.mark.parametrize(
    ("document", "paragraph", "expected"),
    [
        (0, 15, {1: [5, 6]}),  # the residents' paragraph, split in the rewrite
        (1, 13, {0: [17, 18]}),  # the late-warning paragraph, merged in the rewrite
        (1, 5, {0: [15]}),
        (0, 4, {1: [1]}),  # the lead
        (0, 7, {1: []}),  # wire-only boilerplate
        (1, 14, {0: []}),  # rewrite-only boilerplate
    ],
)
def test_counterparts_of_sample_paragraphs(
    sample: ComparisonViewModel, document: int, paragraph: int, expected: dict[int, list[int]]
) -> None:
    assert sample.counterparts(document, paragraph) == expected


def test_counterparts_in_three_documents(three: ComparisonViewModel) -> None:
    # Base 1 (the rewrite): its paragraph 2 (the households) is paragraph 1 of the others.
    assert three.counterparts(1, 2) == {0: [1], 2: [1]}
    assert three.counterparts(0, 1) == {1: [2], 2: [1]}
    assert three.counterparts(1, 4) == {0: [], 2: []}


# --- stops ---------------------------------------------------------------------------------


def test_stops_of_the_small_example(small: ComparisonViewModel) -> None:
    stops = small.stops(0)
    found = [(WIRE[s.start : s.end], s.kind, REWRITE[s.other_start : s.other_end]) for s in stops]
    assert found == [
        ("1,200", DifferenceClass.NUMBER, "1,400"),
        ("", DifferenceClass.WORDING, "early"),  # inserted in the rewrite: an empty stop
        ("Sallow", DifferenceClass.NAME, "Sallowe"),
    ]
    assert all(s.document == 0 and s.other == 1 for s in stops)
    assert stops[1].start == WIRE.index(" on Tuesday")


def test_next_stop_steps_through_the_small_example(small: ComparisonViewModel) -> None:
    number, inserted, name = (s.start for s in small.stops(0))
    assert number < inserted < name

    def forward(position: int, significant: bool = False) -> int | None:
        stop = small.next_stop(0, position, significant=significant)
        return None if stop is None else stop.start

    def backward(position: int, significant: bool = False) -> int | None:
        stop = small.next_stop(0, position, forward=False, significant=significant)
        return None if stop is None else stop.start

    assert [forward(p) for p in (0, number, inserted, name)] == [number, inserted, name, None]
    assert [backward(p) for p in (len(WIRE), name, inserted, number)] == [
        name,
        inserted,
        number,
        None,
    ]
    assert [forward(p, True) for p in (0, number, inserted, name)] == [number, name, name, None]
    assert [backward(p, True) for p in (len(WIRE), name, inserted, number)] == [
        name,
        number,
        number,
        None,
    ]


@pytest.mark.parametrize("document", [0, 1])
@pytest.mark.parametrize("significant", [False, True])
def test_next_stop_walks_every_stop_in_order(
    sample: ComparisonViewModel, document: int, significant: bool
) -> None:
    stops = [s for s in sample.stops(document) if s.kind.significant or not significant]
    starts = sorted({s.start for s in stops})
    assert len(starts) > 3

    walked, position = [], -1
    while (stop := sample.next_stop(document, position, significant=significant)) is not None:
        assert stop.start > position
        assert not significant or stop.kind.significant
        walked.append(stop.start)
        position = stop.start
    assert walked == starts

    walked, position = [], len(sample.comparison.documents[document].text) + 1
    while (
        stop := sample.next_stop(document, position, forward=False, significant=significant)
    ) is not None:
        assert stop.start < position
        walked.append(stop.start)
        position = stop.start
    assert walked == starts[::-1]


def test_significant_stops_are_numbers_names_and_quotations(sample: ComparisonViewModel) -> None:
    kinds = {s.kind for s in sample.stops(0)}
    assert DifferenceClass.WORDING in kinds and DifferenceClass.SPELLING in kinds
    significant = {
        stop.kind
        for position in (-1, *(s.start for s in sample.stops(0)))
        if (stop := sample.next_stop(0, position, significant=True)) is not None
    }
    assert significant == {
        DifferenceClass.NUMBER,
        DifferenceClass.NAME,
        DifferenceClass.QUOTATION,
    }


def test_stops_point_at_the_same_difference_from_both_sides(sample: ComparisonViewModel) -> None:
    from_base = {(s.start, s.end, s.other_start, s.other_end, s.kind) for s in sample.stops(0)}
    from_other = {(s.other_start, s.other_end, s.start, s.end, s.kind) for s in sample.stops(1)}
    assert from_base == from_other


# --- counts --------------------------------------------------------------------------------


def test_counts_of_the_small_example_match_a_hand_count(small: ComparisonViewModel) -> None:
    # Links: headline (identical), households, quotation, bridge (typography only). One of the
    # households and quotation links crosses the other and is moved. Changed: households
    # (1,200 -> 1,400, "early" inserted) and quotation (Sallow -> Sallowe).
    counts = small.counts()
    assert (counts.linked, counts.changed, counts.moved) == (4, 2, 1)
    assert counts.unique == (1, 1)  # the two boilerplate lines
    assert counts.by_class == {
        DifferenceClass.NUMBER: 1,
        DifferenceClass.WORDING: 1,
        DifferenceClass.NAME: 1,
    }


def test_counts_with_typography_add_the_typographic_changes(small: ComparisonViewModel) -> None:
    counts = ComparisonViewModel(small.comparison, DifferenceFilter(typographic=True)).counts()
    # “ ” around the quotation and ’ in Tanner’s; the bridge link now counts as changed.
    assert (counts.linked, counts.changed, counts.moved) == (4, 3, 1)
    assert counts.by_class[DifferenceClass.TYPOGRAPHIC] == 3
    assert counts.by_class[DifferenceClass.NUMBER] == 1


def test_counts_of_the_sample_agree_with_its_alignment(sample: ComparisonViewModel) -> None:
    alignment = sample.comparison.pair(0, 1).alignment
    counts = sample.counts()
    assert counts.linked == len(alignment.links)
    assert counts.moved == sum(link.kind is LinkKind.MOVED for link in alignment.links) == 8
    assert counts.unique == (len(alignment.unique_a), len(alignment.unique_b))
    assert counts.changed == sum(band.changed for band in sample.bands(0, 1))
    shown = [
        d
        for pair in sample.pairs(0, 1)
        for d in pair.differences
        if d.operation is not Operation.TYPOGRAPHIC
    ]
    assert sum(counts.by_class.values()) == len(shown) == len(sample.stops(0))
    assert counts.by_class[DifferenceClass.NUMBER] == sum(
        d.kind is DifferenceClass.NUMBER for d in shown
    )
    assert DifferenceClass.TYPOGRAPHIC not in counts.by_class


# --- three documents -----------------------------------------------------------------------


def test_partners_with_another_base(three: ComparisonViewModel) -> None:
    assert three.base == 1 and three.document_count == 3
    assert three.partners(1) == [0, 2]
    assert three.partners(0) == [1]
    assert three.partners(2) == [1]


def test_highlights_of_a_non_base_document_come_only_from_the_base(
    three: ComparisonViewModel,
) -> None:
    three.bands(0, 2)  # the wire and the third text compared with each other, for bands
    assert three.comparison.pair(0, 2).differences()  # they differ, in the headline too
    highlights = three.highlights(0)
    expected = sorted(
        {
            (d.b_start, d.b_end)
            for d in three.comparison.pair(1, 0).differences()
            if d.b_end > d.b_start and d.kind is not DifferenceClass.TYPOGRAPHIC
        }
    )
    assert [(h.start, h.end) for h in highlights] == expected
    assert [WIRE[h.start : h.end] for h in highlights] == ["1,200", "Sallow"]
    assert not any(h.removed for h in highlights)
    third = three.highlights(2)
    assert [THIRD[h.start : h.end] for h in third] == ["floods"]  # "Floods hit Marrowby"


def test_base_highlights_gather_every_partner_without_duplicates(
    three: ComparisonViewModel,
) -> None:
    highlights = three.highlights(1)
    assert all(h.removed for h in highlights)
    texts = [REWRITE[h.start : h.end] for h in highlights]
    assert "Floods hit" in texts  # only the third text words the headline differently
    assert "Sallowe" in texts  # only the wire spells the name differently
    assert texts.count("1,400") == 1  # only the wire has another number
    assert "early" in texts  # inserted against both
    assert len(set(highlights)) == len(highlights)


def test_counts_with_three_documents_cover_both_comparisons(three: ComparisonViewModel) -> None:
    counts = three.counts()
    with_wire = three.comparison.pair(1, 0).alignment
    with_third = three.comparison.pair(1, 2).alignment
    assert counts.linked == len(with_wire.links) + len(with_third.links)
    assert counts.unique == (1, 1, 0)  # boilerplate in the wire and the rewrite
    assert three.unique_paragraphs(1) == [4]


def test_paragraph_marks_rank_facts_over_changes_and_keep_unique_and_moved(
    sample: ComparisonViewModel,
) -> None:
    from compareapp.core.present.view_model import ParagraphMark

    wire = sample.comparison.documents[0]
    marks = sample.paragraph_marks(0)
    households = next(p for p in wire.paragraphs if "1,200" in p.text)
    assert marks[households.index] is ParagraphMark.FACT
    for index in sample.unique_paragraphs(0):
        assert marks[index] is ParagraphMark.UNIQUE
    changed_only = [index for index, mark in marks.items() if mark is ParagraphMark.CHANGED]
    for index in changed_only:
        paragraph = wire.paragraphs[index]
        inside = [h for h in sample.highlights(0) if paragraph.start <= h.start < paragraph.end]
        assert inside and not any(h.kind.significant for h in inside)
    untouched = set(range(len(wire.paragraphs))) - set(marks)
    assert all(
        not any(p.start <= h.start < p.end for h in sample.highlights(0))
        for p in (wire.paragraphs[i] for i in untouched)
    )
