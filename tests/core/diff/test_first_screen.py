"""A first screen compared before the rest: the documents aligned whole, and only the link
groups that reach the start of a document word-diffed, each exactly as the whole
comparison diffs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from compareapp.core.diff.comparison import Comparison, link_groups
from compareapp.core.documents.loading import load_document

FIRST = (6, 9)
"""How many paragraphs of the seed pair's base and rewrite count as its first screen."""


@pytest.fixture
def seed(seed_paths: list[Path]) -> Comparison:
    return Comparison([load_document(path) for path in seed_paths])


def reaching(comparison: Comparison, a: int, b: int, near: tuple[int, int]) -> list[object]:
    """The whole comparison's pairs of ``a`` and ``b`` in link groups with a link among the
    first ``near`` paragraphs of either."""
    pair = comparison.pair(a, b)
    links = {
        (link.a, link.b)
        for group in link_groups(pair.alignment.links)
        if any(link.a < near[0] or link.b < near[1] for link in group)
        for link in group
    }
    return [linked for linked in pair.pairs if (linked.link.a, linked.link.b) in links]


def test_the_groups_that_reach_the_first_paragraphs_are_diffed_as_in_the_whole(seed: Comparison):
    first = seed.first_screen(FIRST).pair(0, 1)
    whole = Comparison(seed.documents)

    assert list(first.pairs) == reaching(whole, 0, 1, FIRST)
    assert len(first.pairs) < len(whole.pair(0, 1).pairs), "the rest is left for later"
    assert any(pair.link.a >= FIRST[0] for pair in first.pairs), "and their counterparts"
    assert any(pair.differences for pair in first.pairs)
    assert first.alignment == whole.pair(0, 1).alignment


def test_the_whole_comparison_reuses_the_alignment_and_gives_the_same_result(seed: Comparison):
    first = seed.first_screen(FIRST)

    alignment = first.pair(0, 1).alignment
    assert seed.pair(0, 1).alignment is alignment, "aligned once"
    assert seed.pair(0, 1) == Comparison(seed.documents).pair(0, 1)


def test_a_first_screen_of_three_documents_diffs_each_with_the_base(seed: Comparison):
    """Each document with the base, by its own first paragraphs and the base's."""
    documents = [*seed.documents, seed.documents[1]]
    near = (4, 3, 2)

    first = Comparison(documents, base=1).first_screen(near)

    whole = Comparison(documents, base=1)
    for other in (0, 2):
        assert list(first.pair(1, other).pairs) == reaching(whole, 1, other, (3, near[other]))
