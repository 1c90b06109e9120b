"""The discrepancy dock as a fact-checker uses it: open first, filter, click a row to see
the fact in every pane, mark it, and find it in the review dock and the PDF."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from compareapp.core.facts.discrepancies import FactKind
from compareapp.core.review.marks import MarkStatus
from compareapp.resources import sample_paths
from compareapp.ui.main_window import MainWindow
from tests.helpers import open_and_wait


def cell(window: MainWindow, row: int, column: int) -> str:
    return str(window.discrepancy_panel.table.index(row, column).data())


def row_count(window: MainWindow) -> int:
    return window.discrepancy_panel.table.rowCount()


def row_with(window: MainWindow, first_text: str) -> int:
    """The table row whose first source's words are ``first_text``."""
    for row in range(row_count(window)):
        if cell(window, row, 1) == first_text:
            return row
    raise AssertionError(f"no row starting {first_text!r}")


def select(window: MainWindow, row: int) -> None:
    """Click the row, as a user selects it."""
    panel = window.discrepancy_panel
    index = panel.table.index(row, 0)
    panel.list.scrollTo(index)
    rect = panel.list.visualRect(index)
    QTest.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.fixture
def sample(qtbot: QtBot, window: MainWindow) -> MainWindow:
    open_and_wait(qtbot, window, sample_paths())
    return window


def test_the_dock_lists_the_facts_with_a_column_per_source(sample: MainWindow) -> None:
    panel = sample.discrepancy_panel
    assert panel.isVisible(), "raised over the review dock"
    header = [panel.table.headerData(i, Qt.Orientation.Horizontal, 0) for i in range(4)]
    assert header == ["Kind", "wire-report.txt", "outlet-rewrite.txt", "Review"]
    row = row_with(sample, "1,200")
    assert (cell(sample, row, 0), cell(sample, row, 2)) == ("number", "1,400")
    assert cell(sample, 0, 0) == "number"


def test_the_kind_filter_hides_other_rows(qtbot: QtBot, sample: MainWindow) -> None:
    panel = sample.discrepancy_panel
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData(FactKind.ATTRIBUTION.value))
    kinds = {cell(sample, row, 0) for row in range(row_count(sample))}
    assert kinds == {"attribution"}
    assert "of" in panel.count_label.text()


def test_clicking_a_row_shows_the_fact_in_every_pane(qtbot: QtBot, sample: MainWindow) -> None:
    select(sample, row_with(sample, "2:40 a.m."))
    view = sample.comparison_view
    for index, needle in enumerate(("2:40 a.m.", "3:10 a.m.")):
        pane = view.panes[index].view
        start = view.result.documents[index].text.index(needle)
        position = view.model_displays[index].position(start)
        cursor = pane.textCursor()
        cursor.setPosition(position)
        top = pane.cursorRect(cursor).top()
        assert 0 <= top <= pane.viewport().height(), f"pane {index} shows {needle}"


def test_marking_a_row_marks_each_source_and_the_row_says_so(
    qtbot: QtBot, sample: MainWindow
) -> None:
    select(sample, row_with(sample, "1,200"))
    sample.discrepancy_panel.dispute_button.click()
    marks = list(sample.review)
    assert sorted(mark.quote for mark in marks) == ["1,200", "1,400"]
    assert {mark.status for mark in marks} == {MarkStatus.DISPUTED}
    assert "disputed" in cell(sample, row_with(sample, "1,200"), 3)
    sample.actions_by_name["undo"].trigger()
    assert list(sample.review) == []
    assert cell(sample, row_with(sample, "1,200"), 3) == ""


def test_the_pdf_summary_has_the_discrepancies_with_their_status(
    qtbot: QtBot, sample: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    select(sample, row_with(sample, "1,200"))
    sample.discrepancy_panel.verify_button.click()
    monkeypatch.setattr(sample.exports, "ask_export_path", lambda: str(tmp_path / "r.pdf"))
    sample.exports.export_pdf()
    qtbot.waitUntil(lambda: sample.exports.task is None, timeout=30_000)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Discrepancies (" in text
    section = text[text.index("Discrepancies (") :]
    assert "1,200" in section and "1,400" in section and "verified" in section


def test_the_comparison_is_shown_while_its_facts_are_listed(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listing the facts of a book takes seconds: the panes come first, the table says it
    is listing (its buttons off), and the rows follow."""
    import threading

    from compareapp.core.facts import discrepancies

    release = threading.Event()
    real = discrepancies.find_discrepancies

    def held(*arguments: object) -> object:
        release.wait(30)
        return real(*arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(discrepancies, "find_discrepancies", held)
    window.files.open_paths([str(path) for path in sample_paths()])
    qtbot.waitUntil(lambda: window.comparison_view.result is not None, timeout=60_000)

    panel = window.discrepancy_panel
    assert window.stack.currentWidget() is window.comparison_view
    assert len(window.comparison_view.panes) == 2
    assert panel.count_label.text() == "Listing the facts…"
    assert row_count(window) == 0
    assert not panel.verify_button.isEnabled()

    release.set()
    qtbot.waitUntil(lambda: window.discrepancies.task is None, timeout=60_000)
    assert row_count(window) > 0
    assert panel.count_label.text() == f"{row_count(window)} facts"
    assert panel.verify_button.isEnabled()


def test_facts_that_cannot_be_listed_leave_the_comparison_on_screen(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_arguments: object) -> object:
        raise RuntimeError("no facts today")

    monkeypatch.setattr("compareapp.core.facts.discrepancies.find_discrepancies", fail)
    open_and_wait(qtbot, window, sample_paths())

    assert window.stack.currentWidget() is window.comparison_view
    assert window.discrepancy_panel.count_label.text() == (
        "The facts could not be listed: no facts today"
    )
    assert window.message_bar.text() == ""


def test_a_new_mark_redraws_the_review_column_and_keeps_the_selection(
    qtbot: QtBot, sample: MainWindow
) -> None:
    """A book has tens of thousands of rows: a mark must not rebuild them (it froze the
    window for seconds), only the review column is asked again, for the rows on screen."""
    panel = sample.discrepancy_panel
    resets: list[bool] = []
    changed: list[tuple[int, int]] = []
    panel.table.modelReset.connect(lambda: resets.append(True))
    panel.table.dataChanged.connect(
        lambda first, last, *_roles: changed.append((first.column(), last.column()))
    )
    select(sample, row_with(sample, "1,200"))
    panel.verify_button.click()

    assert resets == []
    assert changed and set(changed) == {(3, 3)}
    assert [row.versions[0].text for row in panel.selected_rows()] == ["1,200"]
    assert "verified" in cell(sample, row_with(sample, "1,200"), 3)


def test_the_kind_filter_keeps_the_selected_rows_it_still_shows(
    qtbot: QtBot, sample: MainWindow
) -> None:
    panel = sample.discrepancy_panel
    select(sample, row_with(sample, "1,200"))
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData(FactKind.NUMBER.value))
    assert [row.versions[0].text for row in panel.selected_rows()] == ["1,200"]
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData(FactKind.SPELLING.value))
    assert panel.selected_rows() == []


def test_ctrl_c_copies_the_selected_rows_for_a_spreadsheet(
    qtbot: QtBot, sample: MainWindow
) -> None:
    panel = sample.discrepancy_panel
    qtbot.waitUntil(lambda: row_count(sample) > 2, timeout=20_000)
    first, second = row_with(sample, "1,200"), 1
    select(sample, first)
    index = panel.table.index(second, 0)
    rect = panel.list.visualRect(index)
    QTest.mouseClick(
        panel.list.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        rect.center(),
    )
    panel.list.setFocus()

    QTest.keyClick(panel.list, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == ["Kind", "wire-report.txt", "outlet-rewrite.txt", "Review"]
    expected = [
        "\t".join(cell(sample, row, column) for column in range(4))
        for row in sorted({first, second})
    ]
    assert lines[1:] == expected
    assert lines[1 + sorted({first, second}).index(first)].startswith("number\t1,200\t1,400")


def test_export_csv_writes_the_rows_shown_with_their_review_status(
    qtbot: QtBot, sample: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = sample.discrepancy_panel
    qtbot.waitUntil(lambda: row_count(sample) > 2, timeout=20_000)
    select(sample, row_with(sample, "1,200"))
    panel.dispute_button.click()
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData(FactKind.NUMBER.value))
    target = tmp_path / "facts"
    monkeypatch.setattr(sample.discrepancies, "ask_csv_path", lambda: str(target))

    panel.more_button.menu().actions()[1].trigger()  # the button's menu: Export CSV…

    written = target.with_suffix(".csv")
    header, *records = list(csv.reader(io.StringIO(written.read_text(encoding="utf-8"))))
    assert header == [
        "kind",
        "wire-report.txt",
        "outlet-rewrite.txt",
        "paragraph in wire-report.txt",
        "paragraph in outlet-rewrite.txt",
        "review",
    ]
    assert len(records) == row_count(sample) > 0
    assert {record[0] for record in records} == {"number"}
    disputed = [record for record in records if record[1] == "1,200"]
    assert [record[2] for record in disputed] == ["1,400"]
    assert [record[-1] for record in disputed] == ["disputed"]
