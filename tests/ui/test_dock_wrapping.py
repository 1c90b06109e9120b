"""The dock tables wrap long text: a review note and each source's wording of a fact wrap
in a narrow dock, rows grow to fit, the cell holds the whole text, and a dock floated wide
gives the wrapping columns the room (columns sized to their contents, the last one
stretching)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDockWidget, QTreeView
from pytestqt.qtbot import QtBot

from compareapp.core.review.marks import MarkStatus
from compareapp.ui.docks.review_panel import COLUMNS
from compareapp.ui.docks.wrapped_columns import COLUMN_LIMIT, MIN_WRAPPED
from compareapp.ui.main_window import MainWindow
from tests.helpers import activate, click_row, mark_text, type_note, wait_for_comparison

LONG_NOTE = (
    "Checked against the council's statement of 4 March and the fire service's log; the "
    "wire's figure is the earlier estimate, which the council revised that evening after "
    "the second count of the evacuation centres."
)
NOTE = COLUMNS.index("Note")


def open_sample(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.files.open_sample()
    wait_for_comparison(qtbot, window)
    return activate(qtbot, window)


def float_at_width(qtbot: QtBot, dock: QDockWidget, width: int) -> None:
    """Float ``dock`` (as a double click on its title does) ``width`` pixels wide."""
    dock.setFloating(True)
    dock.resize(width, 500)
    qtbot.waitUntil(lambda: dock.width() == width)
    qtbot.wait(50)  # the viewport's resize reaches the columns


def line_height(view: QTreeView) -> int:
    return view.fontMetrics().lineSpacing()


def row_height(view: QTreeView, index: QModelIndex) -> int:
    return view.visualRect(index).height()


def test_a_long_note_wraps_in_a_narrow_review_dock(qtbot: QtBot, window: MainWindow) -> None:
    open_sample(qtbot, window)
    (mark,) = mark_text(qtbot, window, "1,200 households", MarkStatus.DISPUTED)
    click_row(qtbot, window, mark.id)
    type_note(qtbot, window, LONG_NOTE)
    panel = window.review_panel
    view = panel.list

    float_at_width(qtbot, panel, 420)
    item = view.topLevelItem(0)
    assert item is not None
    cell = view.indexFromItem(item, NOTE)
    assert cell.data(Qt.ItemDataRole.DisplayRole) == LONG_NOTE
    narrow_height = row_height(view, cell)
    assert narrow_height > 2 * line_height(view)
    assert view.columnWidth(NOTE) >= MIN_WRAPPED
    assert view.visualRect(cell).right() <= view.viewport().width()  # no scrolling to read it

    float_at_width(qtbot, panel, 1600)
    assert view.columnWidth(NOTE) > 2 * MIN_WRAPPED
    assert row_height(view, cell) < narrow_height
    assert cell.data(Qt.ItemDataRole.DisplayRole) == LONG_NOTE


def test_a_long_wording_wraps_in_a_narrow_discrepancy_dock(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = open_sample(qtbot, window).discrepancy_panel
    view, table = panel.list, panel.table
    number, column, wording = max(
        (
            (row_number, source + 1, version.text)
            for row_number, row in enumerate(table.shown)
            for source, version in enumerate(row.versions)
            if version is not None
        ),
        key=lambda found: len(found[2]),
    )
    assert len(wording) > 150, "the sample has a long wording (a paragraph in one source)"
    cell = table.index(number, column)

    float_at_width(qtbot, panel, 420)
    view.scrollTo(cell)
    assert cell.data(Qt.ItemDataRole.DisplayRole) == " ".join(wording.split())
    narrow_height = row_height(view, cell)
    assert narrow_height > 2 * line_height(view)
    kind_cell = table.index(number, 0)
    assert row_height(view, kind_cell) == narrow_height  # the whole row grew

    float_at_width(qtbot, panel, 1600)
    view.scrollTo(cell)
    assert row_height(view, cell) < narrow_height
    # Wide enough: the columns that do not wrap fit their contents, the last one stretches.
    for other in (0, table.columnCount() - 1):
        assert view.columnWidth(other) >= min(view.sizeHintForColumn(other), COLUMN_LIMIT)
    header = view.header()
    assert (
        header.sectionPosition(header.count() - 1) + header.sectionSize(header.count() - 1)
        >= view.viewport().width() - 1
    )
