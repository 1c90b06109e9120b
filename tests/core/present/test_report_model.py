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


def test_rows_follow_the_base_order_and_unique_cells_are_beside_unique_ones(
    sample: list[Document],
) -> None:
    """A paragraph linked to nothing is shown only beside other such paragraphs (runs of
    them set side by side), never beside a linked one."""
    report = build_report(ComparisonViewModel(Comparison(sample)))
    (section,) = report.sections
    base_order = [row.cells[0].paragraphs[0] for row in section.rows if row.cells[0].paragraphs]
    assert base_order == sorted(base_order)
    unique = [set(report.model.unique_paragraphs(d)) for d in range(len(sample))]
    for row in section.rows:
        filled = [cell for cell in row.cells if cell.paragraphs]
        for document, cell in enumerate(row.cells):
            assert cell.unique == (
                bool(cell.paragraphs) and set(cell.paragraphs) <= unique[document]
            )
        if any(cell.unique for cell in filled):
            assert all(cell.unique for cell in filled)


def test_runs_of_unlinked_paragraphs_are_set_side_by_side() -> None:
    """Paragraphs only in one source and only in the other, between the same two linked
    rows, share rows (each keeps its order) instead of leaving a column empty."""
    shared = "Shared opening one two three four five six seven eight nine ten eleven."
    closing = "Shared closing twelve thirteen fourteen fifteen sixteen seventeen."
    first = from_text(
        f"{shared}\n\nOnly first alpha bravo.\n\nOnly first charlie delta.\n\n{closing}\n", "a"
    )
    second = from_text(
        f"{shared}\n\nSecond echo foxtrot golf hotel.\n\nSecond india juliet kilo.\n\n"
        f"Second lima mike november.\n\n{closing}\n",
        "b",
    )
    (section,) = build_report(ComparisonViewModel(Comparison([first, second]))).sections
    cells = [(row.cells[0].paragraphs, row.cells[1].paragraphs) for row in section.rows]
    assert cells == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((), (3,)), ((3,), (4,))]
    assert all(cell.unique for row in section.rows[1:4] for cell in row.cells if cell.paragraphs)


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


def from_text(text: str, name: str) -> Document:
    return document_from_text(
        text, path=name, name=name, sha256=hashlib.sha256(text.encode()).hexdigest(),
        encoding="utf-8",
    )  # fmt: skip


def test_a_split_is_one_row_and_moved_paragraphs_are_labelled() -> None:
    """The rows come from the link groups: paragraphs linked one-to-two share one row,
    each labelled with where it stands in its own document, and a moved paragraph says
    where it stands; the base column keeps the base's order and needs no label."""
    first = from_text(
        "Alpha one two three four five six seven eight nine ten.\n\n"
        "Bravo eleven twelve thirteen fourteen. Charlie fifteen sixteen seventeen eighteen.\n\n"
        "Delta nineteen twenty twenty-one twenty-two twenty-three.\n\n"
        "Echo twenty-four twenty-five twenty-six twenty-seven.\n", "a.txt"
    )  # fmt: skip
    second = from_text(
        "Echo twenty-four twenty-five twenty-six twenty-seven.\n\n"
        "Alpha one two three four five six seven eight nine ten.\n\n"
        "Bravo eleven twelve thirteen fourteen.\n\n"
        "Charlie fifteen sixteen seventeen eighteen.\n\n"
        "Delta nineteen twenty twenty-one twenty-two twenty-three.\n", "b.txt"
    )  # fmt: skip
    model = ComparisonViewModel(Comparison([first, second]))
    (section,) = build_report(model).sections
    cells = {row.cells[0].paragraphs: row.cells[1] for row in section.rows}
    split = cells[(1,)]
    assert split.paragraphs == (2, 3)
    assert split.labels == ("paragraph 3 of 5", "paragraph 4 of 5")
    moved = [cell for cell in cells.values() if any("moved" in label for label in cell.labels)]
    assert moved, cells
    for cell in moved:
        (paragraph,) = cell.paragraphs
        assert cell.labels == (f"moved: paragraph {paragraph + 1} of 5",)
    for row in section.rows:
        assert not any(row.cells[0].labels), "the base column is in the base's order"
