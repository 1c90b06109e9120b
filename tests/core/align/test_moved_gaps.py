"""A passage moved as a block takes its neighbours along: a free paragraph just before a
moved link, on both sides, is linked when it says much the same and shares a name."""

from __future__ import annotations

from dataclasses import replace

from compareapp.core.align.aligner import AlignParams, LinkKind, align_paragraphs
from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.comparison import Comparison
from tests.helpers.seed_marks import seed_pair

WIRE = [
    "Flood waters rose across Marrowby on Tuesday after a week of heavy rain, the council said.",
    "Around 1,200 households were evacuated overnight from the lower town near the quay.",
    "Schools in the valley will stay closed until Friday, the education office said in a "
    "statement.",
    "Mayor Ingrid Sallow told Radio North that nobody would be left without a roof this winter.",
    "The regional government said it would release emergency funds of 3 million pounds on "
    "Wednesday to repair the flood defences.",
]
# The last two paragraphs moved to the top; the mayor's is reworded.
REWRITE = [
    "Nobody will be left without shelter over the winter, Sallow promised.",
    "On Wednesday the regional government said it would release 3 million pounds in emergency "
    "funds to repair the flood defences.",
    "Flood waters rose across Marrowby on Tuesday after a week of heavy rain, the council said.",
    "About 1,200 households were evacuated overnight from the lower town near the quay.",
    "Schools in the valley will remain closed until Friday, the education office said.",
]


def _links(texts_b: list[str], moved_gaps: bool = True) -> dict[tuple[int, int], LinkKind]:
    """The links, with a link threshold the reworded paragraph cannot reach on its own."""
    params = replace(AlignParams(), moved_gaps=moved_gaps, link_threshold=0.6)
    return {(link.a, link.b): link.kind for link in align_paragraphs(WIRE, texts_b, params).links}


def test_the_neighbour_of_a_moved_paragraph_moves_with_it() -> None:
    links = _links(REWRITE)
    assert links[(4, 1)] is LinkKind.MOVED
    assert links[(3, 0)] is LinkKind.MOVED
    assert (3, 0) not in _links(REWRITE, moved_gaps=False)


def test_beside_a_move_a_link_needs_a_shared_name_or_figure() -> None:
    unnamed = [REWRITE[0].replace("Sallow", "the mayor"), *REWRITE[1:]]
    links = _links(unnamed)
    assert (4, 1) in links
    assert (3, 0) not in links


def test_the_seed_pair_keeps_kirby_against_us_officials() -> None:
    reuters, cbc = seed_pair()
    found = [
        (d.a_text, d.b_text, d.kind)
        for pair in Comparison([reuters, cbc]).pairs(0, 1)
        if reuters.paragraphs[pair.link.a].text.startswith("White House spokesman Kirby told")
        for d in pair.differences
    ]
    assert any(
        "Kirby" in a and "U.S. officials" in b and kind is DifferenceClass.NAME
        for a, b, kind in found
    )
