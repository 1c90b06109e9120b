"""The discrepancy table's rows on the sample pair, the seed pair and three sources."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text, load_document
from compareapp.core.facts.discrepancies import RANK, FactKind, find_discrepancies
from compareapp.core.present.row_statuses import row_statuses
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.resources import sample_paths

SEED = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "seed-pair"


def table(documents: list[Document]) -> list[tuple[str, tuple[str | None, ...]]]:
    rows = find_discrepancies(Comparison(documents))
    return [(row.kind.value, tuple(v.text if v else None for v in row.versions)) for row in rows]


@pytest.fixture(scope="module")
def sample() -> list[Document]:
    return [load_document(path) for path in sample_paths()]


def test_the_sample_pair_lists_changed_figures_quotes_and_attributions(
    sample: list[Document],
) -> None:
    rows = table(sample)
    assert ("number", ("1,200", "1,400")) in rows
    assert ("date or time", ("2:40 a.m.", "3:10 a.m.")) in rows
    assert ("attribution", ("told Northern Wire", "said")) in rows
    assert ("attribution", ("Radio North", "the Gazette")) in rows
    quotes = [versions for kind, versions in rows if kind == "quotation"]
    assert any("within hours" in (a or "") and "within the hour" in (b or "") for a, b in quotes)


def test_rows_are_ordered_by_how_much_they_matter(sample: list[Document]) -> None:
    kinds = [FactKind(kind) for kind, _versions in table(sample)]
    assert kinds == sorted(kinds, key=RANK.__getitem__)
    assert kinds[0] is FactKind.NUMBER
    assert FactKind.ONLY_IN_ONE in kinds  # unique paragraphs with names or figures


def test_the_seed_pair_pairs_the_area_figures_and_the_reworded_quotations() -> None:
    paths = sorted(SEED.glob("*.txt"))[:2]
    assert len(paths) == 2, f"the seed pair is missing from {SEED}"
    rows = table([load_document(path) for path in paths])
    assert ("number", ("8,000 square kilometers", "9,000 square kilometres")) in rows
    assert ("quotation", ("borderless", "no limits")) in rows
    quotes = [versions for kind, versions in rows if kind == "quotation"]
    assert any("highly appreciate" in (a or "") and "highly value" in (b or "") for a, b in quotes)


def test_the_seed_pairs_seven_differing_facts_are_rows() -> None:
    paths = sorted(SEED.glob("*.txt"))[:2]
    assert len(paths) == 2, f"the seed pair is missing from {SEED}"
    rows = table([load_document(path) for path in paths])
    quotes = [versions for kind, versions in rows if kind == "quotation"]
    for before, after in [
        ("highly appreciate", "highly value"),
        ("questions and concerns", "questions and concern "),
        ("should line up", "should be lined up"),
    ]:
        assert any(before in (a or "") and after in (b or "") for a, b in quotes), before
    assert ("quotation", ("borderless", "no limits")) in rows
    assert ("number", ("8,000 square kilometers", "9,000 square kilometres")) in rows
    assert ("changed claim", ("on the right track", "well on track")) in rows
    assert ("changed claim", ("long-range missiles", "longer-range missiles")) in rows


def test_a_number_written_another_way_is_not_a_discrepancy() -> None:
    def document(text: str, name: str) -> Document:
        return document_from_text(
            text, path=name, name=name, sha256=hashlib.sha256(text.encode()).hexdigest(),
            encoding="utf-8",
        )  # fmt: skip

    a = document("Officials said 8,000 people left the town on Monday night.", "a.txt")
    b = document("Officials said 8000 people left the town on Monday night.", "b.txt")
    assert [kind for kind, _v in table([a, b])] == []


def test_three_sources_give_one_row_per_fact(sample: list[Document]) -> None:
    wire, rewrite = sample
    text = rewrite.text.replace("1,400", "1,500")
    third = document_from_text(
        text, path="third.txt", name="third.txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(), encoding="utf-8",
    )  # fmt: skip
    rows = [versions for kind, versions in table([wire, rewrite, third]) if kind == "number"]
    assert ("1,200", "1,400", "1,500") in rows
    assert not [v for v in rows if v[0] == "1,200" and v != ("1,200", "1,400", "1,500")]


def test_a_row_knows_the_marks_on_its_words(sample: list[Document]) -> None:
    rows = find_discrepancies(Comparison(sample))
    row = next(r for r in rows if r.versions[0] and r.versions[0].text == "1,200")
    version = row.versions[1]
    assert version is not None
    rewrite = sample[1]
    mark = ReviewMark.create(
        rewrite.source_id, rewrite.text, version.start, version.end, MarkStatus.DISPUTED, "ed"
    )
    assert row_statuses(row, sample, []) == set()
    assert row_statuses(row, sample, [mark]) == {MarkStatus.DISPUTED}
