"""Every document's navigation stops, worked out in one pass over the pairs aligned from
the base, are those its own view of the pairs gives: each shown difference seen from it, in
reading order, once."""

from __future__ import annotations

from pathlib import Path

import pytest

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.loading import load_document
from compareapp.core.present.view_model import ComparisonViewModel, DifferenceFilter, Stop
from compareapp.resources import sample_paths

FILTERS = [
    DifferenceFilter(),
    DifferenceFilter(typographic=True, case=False, spelling=False),
]


def stops_seen_from(model: ComparisonViewModel, document: int) -> list[Stop]:
    """The stops of ``document`` read off its own view of each pair it is in."""
    found = {
        (d.a_start, d.a_end, other, d.b_start, d.b_end, d.kind.value): d.kind
        for other in model.partners(document)
        for pair in model.pairs(document, other)
        for d in pair.differences
        if model.shown(d)
    }
    return [Stop(document, k[0], k[1], found[k], k[2], k[3], k[4]) for k in sorted(found)]


@pytest.mark.parametrize("difference_filter", FILTERS)
@pytest.mark.parametrize("base", [0, 1, 2])
def test_the_stops_of_each_document_are_those_seen_from_it(
    seed_paths: list[Path], base: int, difference_filter: DifferenceFilter
):
    documents = [load_document(path) for path in [*seed_paths, sample_paths()[1]]]
    model = ComparisonViewModel(Comparison(documents, base=base), difference_filter)

    for document in range(3):
        assert model.stops(document) == stops_seen_from(model, document)
    assert all(model.stops(document) for document in range(3))
    assert {stop.other for stop in model.stops(base)} == {0, 1, 2} - {base}
