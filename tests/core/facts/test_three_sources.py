"""Three sources: facts gathered across every pair of documents, one row per fact, and the
same rows whatever the base (issue 21). The third source is the CBC text of the seed pair
with 9,000 -> 10,000, Bremmer -> Brenner and two paragraphs swapped."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text, load_document
from compareapp.core.facts.discrepancies import Discrepancy, FactKind, find_discrepancies

SEED = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "seed-pair"
SWAPPED = (
    "Ukraine became a candidate to join the EU in June.",
    'Von der Leyen said that "you have your European friends by your side as long as it takes."',
)

Row = tuple[str, tuple[str | None, ...]]


def text_document(text: str, name: str) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return document_from_text(text, path=name, name=name, sha256=digest, encoding="utf-8")


@pytest.fixture(scope="module")
def seed() -> list[Document]:
    paths = sorted(SEED.glob("*.txt"))[:2]
    assert len(paths) == 2, f"the seed pair is missing from {SEED}"
    return [load_document(path) for path in paths]


@pytest.fixture(scope="module")
def three(seed: list[Document]) -> list[Document]:
    text = seed[1].text.replace("9,000", "10,000").replace("Bremmer", "Brenner")
    first, second = SWAPPED
    assert first in text and second in text
    text = text.replace(first, "\0").replace(second, first).replace("\0", second)
    return [*seed, text_document(text, "third.txt")]


def rows(documents: list[Document], base: int = 0) -> list[Discrepancy]:
    return find_discrepancies(Comparison(documents, base=base))


def wordings(found: list[Discrepancy]) -> set[Row]:
    return {(row.kind.value, tuple(v.text if v else None for v in row.versions)) for row in found}


@pytest.fixture(scope="module")
def tables(three: list[Document]) -> dict[int, list[Discrepancy]]:
    return {base: rows(three, base) for base in range(3)}


def test_the_three_figures_are_one_row(tables: dict[int, list[Discrepancy]]) -> None:
    for found in tables.values():
        figures = [
            texts for kind, texts in wordings(found) if kind == "number" and "8,000" in str(texts)
        ]
        assert figures == [
            ("8,000 square kilometers", "9,000 square kilometres", "10,000 square kilometres")
        ]


@pytest.mark.parametrize("base", [0, 1, 2])
def test_a_change_only_two_non_base_sources_disagree_on_is_a_row_whatever_the_base(
    tables: dict[int, list[Discrepancy]], base: int
) -> None:
    found = [texts for _kind, texts in wordings(tables[base]) if texts[1] and "Bremmer" in texts[1]]
    assert found, f"no Bremmer / Brenner row with base {base}"
    assert all(texts[2] and "Brenner" in texts[2] and texts[0] is None for texts in found)


def test_changing_the_base_never_changes_the_set_of_rows(
    tables: dict[int, list[Discrepancy]],
) -> None:
    assert wordings(tables[0]) == wordings(tables[1]) == wordings(tables[2])


def test_a_paragraph_two_sources_share_is_never_only_in_one(
    three: list[Document], tables: dict[int, list[Discrepancy]]
) -> None:
    for row in tables[0]:
        if row.kind is FactKind.ONLY_IN_ONE:
            (document, version), *others = [(k, v) for k, v in enumerate(row.versions) if v]
            assert not others
            paragraph = three[document].paragraph_at(version.start)
            assert paragraph is not None
            elsewhere = [d.text for k, d in enumerate(three) if k != document]
            assert not any(paragraph.text in text for text in elsewhere), paragraph.text


def test_no_more_than_a_handful_of_rows_beyond_the_two_source_table(
    seed: list[Document], tables: dict[int, list[Discrepancy]]
) -> None:
    assert len(tables[0]) <= len(rows(seed)) + 5


def test_a_claim_two_sources_share_and_one_lacks_is_one_row_with_both_wordings(
    seed: list[Document], tables: dict[int, list[Discrepancy]]
) -> None:
    """What the two-source table lists as only in the CBC text is, with the third version
    (a copy of the CBC text), one "not in every source" row holding both CBC wordings."""
    cbc_only = [
        row.versions[1].text
        for row in rows(seed)
        if row.kind is FactKind.ONLY_IN_ONE and row.versions[1] is not None
    ]
    assert len(cbc_only) >= 10
    shared = {
        texts[1]: texts
        for kind, texts in wordings(tables[0])
        if kind == FactKind.NOT_IN_EVERY.value
    }
    for text in cbc_only:
        assert text in shared, text
        assert shared[text][0] is None and shared[text][2] is not None
    assert len(tables[0]) >= len(rows(seed))
