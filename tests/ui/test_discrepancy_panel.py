"""The discrepancy dock as a fact-checker uses it: open first, filter, click a row to see
the fact in every pane, mark it, and find it in the review dock and the PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from compareapp.cli import sample_paths
from compareapp.core.discrepancies import FactKind
from compareapp.core.review import MarkStatus
from compareapp.ui.main_window import MainWindow
from tests.ui.conftest import open_and_wait


def row_item(window: MainWindow, first_text: str):  # type: ignore[no-untyped-def]
    tree = window.discrepancy_panel.list
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        if item.text(1) == first_text:
            return item
    raise AssertionError(f"no row starting {first_text!r}")


@pytest.fixture
def sample(qtbot: QtBot, window: MainWindow) -> MainWindow:
    open_and_wait(qtbot, window, sample_paths())
    return window


def test_the_dock_lists_the_facts_with_a_column_per_source(sample: MainWindow) -> None:
    panel = sample.discrepancy_panel
    assert panel.isVisible(), "raised over the review dock"
    header = panel.list.headerItem()
    assert [header.text(i) for i in range(4)] == [
        "Kind", "wire-report.txt", "outlet-rewrite.txt", "Review",
    ]  # fmt: skip
    item = row_item(sample, "1,200")
    assert (item.text(0), item.text(2)) == ("number", "1,400")
    assert panel.list.topLevelItem(0).text(0) == "number"


def test_the_kind_filter_hides_other_rows(qtbot: QtBot, sample: MainWindow) -> None:
    panel = sample.discrepancy_panel
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData(FactKind.ATTRIBUTION.value))
    kinds = {panel.list.topLevelItem(i).text(0) for i in range(panel.list.topLevelItemCount())}
    assert kinds == {"attribution"}
    assert "of" in panel.count_label.text()


def test_clicking_a_row_shows_the_fact_in_every_pane(qtbot: QtBot, sample: MainWindow) -> None:
    item = row_item(sample, "2:40 a.m.")
    sample.discrepancy_panel.list.scrollToItem(item)
    rect = sample.discrepancy_panel.list.visualItemRect(item)
    where = QPoint(rect.left() + 20, rect.center().y())  # the row is wider than the dock
    qtbot.mouseClick(sample.discrepancy_panel.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
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
    item = row_item(sample, "1,200")
    item.setSelected(True)
    sample.discrepancy_panel.dispute_button.click()
    marks = list(sample.review)
    assert sorted(mark.quote for mark in marks) == ["1,200", "1,400"]
    assert {mark.status for mark in marks} == {MarkStatus.DISPUTED}
    assert "disputed" in row_item(sample, "1,200").text(3)
    sample.actions_by_name["undo"].trigger()
    assert list(sample.review) == []
    assert row_item(sample, "1,200").text(3) == ""


def test_the_pdf_summary_has_the_discrepancies_with_their_status(
    qtbot: QtBot, sample: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row_item(sample, "1,200").setSelected(True)
    sample.discrepancy_panel.verify_button.click()
    monkeypatch.setattr(sample, "ask_export_path", lambda: str(tmp_path / "r.pdf"))
    sample.export_pdf()
    qtbot.waitUntil(lambda: sample.export_task is None, timeout=30_000)
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

    from compareapp.core import discrepancies

    release = threading.Event()
    real = discrepancies.find_discrepancies

    def held(*arguments: object) -> object:
        release.wait(30)
        return real(*arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(discrepancies, "find_discrepancies", held)
    window.open_paths([str(path) for path in sample_paths()])
    qtbot.waitUntil(lambda: window.comparison_view.result is not None, timeout=60_000)

    panel = window.discrepancy_panel
    assert window.stack.currentWidget() is window.comparison_view
    assert len(window.comparison_view.panes) == 2
    assert panel.count_label.text() == "Listing the facts…"
    assert panel.list.topLevelItemCount() == 0
    assert not panel.verify_button.isEnabled()

    release.set()
    qtbot.waitUntil(lambda: window.discrepancy_task is None, timeout=60_000)
    assert panel.list.topLevelItemCount() > 0
    assert panel.count_label.text() == f"{panel.list.topLevelItemCount()} facts"
    assert panel.verify_button.isEnabled()


def test_facts_that_cannot_be_listed_leave_the_comparison_on_screen(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_arguments: object) -> object:
        raise RuntimeError("no facts today")

    monkeypatch.setattr("compareapp.core.discrepancies.find_discrepancies", fail)
    open_and_wait(qtbot, window, sample_paths())

    assert window.stack.currentWidget() is window.comparison_view
    assert window.discrepancy_panel.count_label.text() == (
        "The facts could not be listed: no facts today"
    )
    assert window.message_bar.text() == ""
