"""The redline column: the other document's text whole, the base's whole, changes where
they happened, and offsets that map marks and selections both ways."""

from __future__ import annotations

import itertools

import pytest

from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text, load_document
from compareapp.core.present.redline import (
    ParagraphChange,
    Redline,
    SegmentKind,
    build_redline,
)
from compareapp.resources import sample_paths
from tests.helpers.seed_marks import seed_pair, seed_paths

WIRE = """Floods hit Marrowby

Around 1,200 households were evacuated on Tuesday, officials said.

“We acted within hours,” said Mayor Ingrid Sallow.

Tanner’s Bridge will stay shut until the engineers have finished their inspection.

Register now for unlimited access to the Wire"""

REWRITE = """Floods hit Marrowby

"We acted within hours," said Mayor Ingrid Sallowe.

Around 1,400 households were evacuated early on Tuesday, officials said.

Tanner's Bridge will stay shut until the engineers have finished their inspection.

Sign up for the Gazette's newsletter"""


def text_document(text: str, name: str) -> Document:
    return document_from_text(text, path="", name=name, sha256=name, encoding="utf-8")


def compared(documents: list[Document]) -> tuple[Comparison, Redline]:
    comparison = Comparison(documents)
    return comparison, build_redline(comparison, 1)


def corpora() -> list[list[str]]:
    return [list(sample_paths()), [str(path) for path in seed_paths()]]


@pytest.fixture(scope="module", params=["sample", "seed"])
def loaded(request: pytest.FixtureRequest) -> tuple[list[Document], Comparison, Redline]:
    paths = corpora()[0 if request.param == "sample" else 1]
    documents = [load_document(path) for path in paths]
    comparison, redline = compared(documents)
    return documents, comparison, redline


def test_the_other_document_reads_whole_in_its_order(loaded) -> None:
    (_base, other), _comparison, redline = loaded
    shown = [p for p in redline.paragraphs if p.other_paragraph is not None]
    assert [p.other_paragraph for p in shown] == list(range(len(other.paragraphs)))
    for paragraph in shown:
        own = [s for s in paragraph.segments if s.change is not SegmentKind.DELETED]
        assert "".join(s.text for s in own) == other.paragraphs[paragraph.other_paragraph].text
        for segment in own:
            assert segment.other is not None
            assert other.text[segment.other[0] : segment.other[1]] == segment.text


def test_the_base_reads_whole_from_unchanged_and_deleted_text(loaded) -> None:
    (base, _other), _comparison, redline = loaded
    spans: dict[int, list[tuple[int, int]]] = {}
    for paragraph in redline.paragraphs:
        for segment in paragraph.segments:
            if segment.change is SegmentKind.INSERTED:
                assert segment.base is None
                continue
            assert segment.base is not None
            if segment.change is SegmentKind.DELETED:
                assert base.text[segment.base[0] : segment.base[1]] == segment.text
            if segment.base[1] > segment.base[0]:
                found = base.paragraph_at(segment.base[0])
                assert found is not None
                spans.setdefault(found.index, []).append(segment.base)
    for paragraph in base.paragraphs:
        pieces = sorted(spans[paragraph.index])
        assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces)), "no overlap, no gap"
        assert "".join(base.text[s:e] for s, e in pieces) == paragraph.text


def test_unique_paragraphs_stand_whole(loaded) -> None:
    (base, other), comparison, redline = loaded
    alignment = comparison.pair(0, 1).alignment
    deleted = [p for p in redline.paragraphs if p.change is ParagraphChange.DELETED]
    inserted = [p for p in redline.paragraphs if p.change is ParagraphChange.INSERTED]
    assert {p.base_paragraphs[0] for p in deleted} >= set(alignment.unique_a)
    assert {p.other_paragraph for p in inserted} >= set(alignment.unique_b)
    for paragraph in deleted:
        assert paragraph.text == base.paragraphs[paragraph.base_paragraphs[0]].text
    for paragraph in inserted:
        assert paragraph.other_paragraph is not None
        assert paragraph.text == other.paragraphs[paragraph.other_paragraph].text


def test_moved_paragraphs_say_where_they_were(loaded) -> None:
    _documents, comparison, redline = loaded
    moved = {p.link.b: p.link.a for p in comparison.pairs(0, 1) if p.link.kind.value == "moved"}
    assert moved, "both corpora have a moved paragraph"
    for paragraph in redline.paragraphs:
        if paragraph.other_paragraph in moved:
            assert moved[paragraph.other_paragraph] in paragraph.moved_from


def test_a_changed_number_is_deleted_and_inserted() -> None:
    _comparison, redline = compared(
        [text_document(WIRE, "wire"), text_document(REWRITE, "rewrite")]
    )
    households = next(p for p in redline.paragraphs if "households" in p.text)
    changes = [(s.change, s.text.strip(), s.kind) for s in households.segments if s.kind]
    assert (SegmentKind.DELETED, "1,200", DifferenceClass.NUMBER) in changes
    assert (SegmentKind.INSERTED, "1,400", DifferenceClass.NUMBER) in changes
    assert households.text.startswith("Around 1,200 1,400 households were evacuated early on")
    assert all(s.significant for s in households.segments if s.kind is DifferenceClass.NUMBER)


def test_the_seed_pairs_changed_area_is_struck_and_inserted() -> None:
    _comparison, redline = compared(seed_pair())
    segments = [s for p in redline.paragraphs for s in p.segments]
    struck = [s for s in segments if s.change is SegmentKind.DELETED and "8,000" in s.text]
    added = [s for s in segments if s.change is SegmentKind.INSERTED and "9,000" in s.text]
    assert struck and added
    assert struck[0].significant and added[0].significant


def test_a_moved_paragraph_keeps_its_place_in_the_other_order() -> None:
    _comparison, redline = compared(
        [text_document(WIRE, "wire"), text_document(REWRITE, "rewrite")]
    )
    quote = next(p for p in redline.paragraphs if "acted within" in p.text)
    households = next(p for p in redline.paragraphs if "households" in p.text)
    assert (redline.paragraphs.index(quote), redline.paragraphs.index(households)) == (1, 2)
    moved = [p for p in (quote, households) if p.moved]
    assert len(moved) == 1, "one of the two swapped paragraphs is out of order"
    assert moved[0].moved_from == moved[0].base_paragraphs
    # Typography is no change: the rewrite's straight quotes are shown, unmarked.
    assert quote.segments[0].change is SegmentKind.UNCHANGED
    # A deleted word touching the inserted one has no space of its own (as Word shows it).
    assert quote.text == '"We acted within hours," said Mayor Ingrid SallowSallowe.'
    boilerplate = [p.change for p in redline.paragraphs[-2:]]
    assert boilerplate == [ParagraphChange.INSERTED, ParagraphChange.DELETED] or boilerplate == [
        ParagraphChange.DELETED,
        ParagraphChange.INSERTED,
    ]


def test_positions_map_both_ways(loaded) -> None:
    (base, other), _comparison, redline = loaded
    text = redline.text
    for found in redline.located:
        segment = found.segment
        assert text[found.start : found.end] == segment.text
        if segment.other is not None and segment.text:
            assert redline.position(1, segment.other[0]) == found.start
            ranges = redline.source_ranges(found.start, found.end)
            assert ranges[1] == segment.other
        if segment.change is SegmentKind.DELETED:
            assert redline.position(0, segment.base[0]) == found.start
            assert redline.source_ranges(found.start, found.end) == {0: segment.base}
    assert redline.position(2, 0) is None
    assert base.text and other.text
