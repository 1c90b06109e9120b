"""Rows of page furniture alone are left out of the discrepancy table unless asked for:
"only in one source" rows of captions, timestamps and trust lines, and changed facts whose
every wording is furniture ("Duration 2:01" against "Duration 2:05") (issue 21)."""

from __future__ import annotations

import pytest

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import load_document
from compareapp.core.facts.discrepancies import Discrepancy, FactKind, find_discrepancies
from compareapp.core.facts.furniture import furniture_paragraphs, without_furniture
from compareapp.core.facts.rows import version
from tests.fixtures.furniture_fixtures import BODY, DURATION, flood_documents
from tests.helpers.seed_marks import seed_paths

SEED_FURNITURE = [
    "Duration 2:01",
    "3 months ago",
    "Our criteria: Thomson Reuters Trust Principles.",
]


@pytest.fixture(scope="module")
def seed() -> list[Document]:
    return [load_document(path) for path in seed_paths()]


def wordings(rows: list[Discrepancy]) -> list[str]:
    return [" ".join(v.text.split()) for row in rows for v in row.versions if v is not None]


@pytest.mark.parametrize("text", SEED_FURNITURE)
def test_seed_pair_furniture_rows_only_with_the_option(seed: list[Document], text: str) -> None:
    without = find_discrepancies(Comparison(seed))
    with_furniture = find_discrepancies(Comparison(seed), include_furniture=True)
    assert text not in wordings(without)
    rows = [row for row in with_furniture if text in wordings([row])]
    assert [row.kind for row in rows] == [FactKind.ONLY_IN_ONE]


def test_the_option_only_adds_rows_of_furniture(seed: list[Document]) -> None:
    without = find_discrepancies(Comparison(seed))
    with_furniture = find_discrepancies(Comparison(seed), include_furniture=True)
    added = [row for row in with_furniture if row not in without]
    assert {row.key for row in without} <= {row.key for row in with_furniture}
    assert len(added) >= len(SEED_FURNITURE)
    furniture = [furniture_paragraphs(document) for document in seed]
    for row in added:
        for index, wording in enumerate(row.versions):
            if wording is not None:
                paragraph = seed[index].paragraph_at(wording.start)
                assert paragraph is not None and paragraph.index in furniture[index], row
    assert without_furniture(seed, with_furniture) == without


def test_a_changed_fact_in_furniture_alone_is_a_row_only_with_the_option() -> None:
    documents = flood_documents()
    without = wordings(find_discrepancies(Comparison(documents)))
    with_furniture = wordings(find_discrepancies(Comparison(documents), include_furniture=True))
    assert "2:01" not in without and "2:05" not in without
    assert {"2:01", "2:05"} <= set(with_furniture)
    for figures in (["2.4 metres", "2.6 metres"], ["300", "350"]):  # the story's own facts
        assert set(figures) <= set(without)
        assert set(figures) <= set(with_furniture)


def test_a_row_with_one_wording_outside_furniture_is_kept() -> None:
    first, second = flood_documents()
    duration = first.paragraphs[DURATION]
    body = second.paragraphs[BODY[0]]
    mixed = Discrepancy(
        FactKind.NUMBER,
        (version(first, (duration.start, duration.end)), version(second, (body.start, body.end))),
        (0, duration.start),
    )
    furniture_only = Discrepancy(
        FactKind.NUMBER, (version(first, (duration.start, duration.end)), None), (0, 0)
    )
    assert without_furniture([first, second], [mixed, furniture_only]) == [mixed]
