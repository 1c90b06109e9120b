"""The report model behind the PDF: sections, rows and the marks it lists."""

from __future__ import annotations

import hashlib

import pytest

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text, load_document
from compareapp.core.present.report_model import MAX_COLUMNS, build_report
from compareapp.core.present.view_model import ComparisonViewModel
from compareapp.core.review.anchors import AnchorState
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.resources import sample_paths


def variant(document: Document, name: str, replace: tuple[str, str]) -> Document:
    text = document.text.replace(*replace)
    return document_from_text(
        text, path=name, name=name, sha256=hashlib.sha256(text.encode()).hexdigest(),
        encoding="utf-8",
    )  # fmt: skip


@pytest.fixture(scope="module")
def sample() -> list[Document]:
    return [load_document(path) for path in sample_paths()]


@pytest.mark.parametrize("count", [2, 3, 4, 5])
def test_every_paragraph_appears_once_per_section(sample: list[Document], count: int) -> None:
    documents = [*sample]
    for number in range(count - 2):
        documents.append(variant(sample[1], f"v{number}.txt", ("1,400", f"{1500 + number}")))
    report = build_report(ComparisonViewModel(Comparison(documents)))
    if count <= MAX_COLUMNS:
        assert [section.documents for section in report.sections] == [tuple(range(count))]
    else:  # the base beside each other document in turn
        assert [section.documents for section in report.sections] == [
            (0, other) for other in range(1, count)
        ]
    for section in report.sections:
        for column, document in enumerate(section.documents):
            shown = [p for row in section.rows for p in row.cells[column].paragraphs]
            assert sorted(shown) == list(range(len(documents[document].paragraphs)))


def test_rows_follow_the_base_order_and_unique_cells_are_alone(sample: list[Document]) -> None:
    report = build_report(ComparisonViewModel(Comparison(sample)))
    (section,) = report.sections
    base_order = [row.cells[0].paragraphs[0] for row in section.rows if row.cells[0].paragraphs]
    assert base_order == sorted(base_order)
    for row in section.rows:
        for cell in row.cells:
            others = [c for c in row.cells if c is not cell]
            assert cell.unique == (bool(cell.paragraphs) and not any(c.paragraphs for c in others))


def test_marks_are_listed_disputed_first_and_unplaced_ones_apart(sample: list[Document]) -> None:
    wire = sample[0]
    start = wire.text.index("1,200")
    verified = ReviewMark.create(
        wire.source_id, wire.text, start, start + 5, MarkStatus.VERIFIED, "ed"
    )
    disputed = ReviewMark.create(wire.source_id, wire.text, 0, 10, MarkStatus.DISPUTED, "ed")
    orphan = ReviewMark(**{**disputed.__dict__, "id": "gone", "state": AnchorState.ORPHANED})
    report = build_report(ComparisonViewModel(Comparison(sample)), [verified, disputed, orphan])
    assert [mark.id for mark in report.marks] == [disputed.id, verified.id]
    assert [mark.id for mark in report.unplaced] == ["gone"]
    assert report.marks_by_status() == {MarkStatus.DISPUTED: 2, MarkStatus.VERIFIED: 1}
