"""View > Show Page Furniture: furniture is dimmed in the panes and the redline, skipped by
Next Significant Difference (F7) and left out of the discrepancy table until the user
shows it; the choice is remembered by new windows (issue 21)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCharFormat, QTextDocument
from pytestqt.qtbot import QtBot

from compareapp.rendering import palette
from compareapp.rendering.text_formats import FURNITURE_TIP
from compareapp.ui.main_window import MainWindow
from compareapp.ui.panes.redline_view import RedlineStop, RedlineView
from tests.fixtures.furniture_fixtures import BODY, CAPTION, DURATION, write_flood_pair
from tests.helpers import activate, menu_action, open_and_wait, pane_view, second_window


def furniture_action(window: MainWindow) -> QAction:
    return menu_action(window.menus["&View"], "Show Page &Furniture")


def formats(document: QTextDocument, block_number: int) -> list[QTextCharFormat]:
    """The character format of each run of text of a block."""
    found, at = [], document.findBlockByNumber(block_number).begin()
    while not at.atEnd():
        found.append(at.fragment().charFormat())
        at += 1
    assert found
    return found


OWN_COLOURS = (palette.REDLINE_REMOVED_TEXT, palette.REDLINE_ADDED_TEXT)
"""The redline's changed words keep their colour in furniture (and get its tooltip)."""


def dimmed(document: QTextDocument, block_number: int) -> bool:
    """Is every run of the block greyed (but the redline's coloured words), with the
    furniture's tooltip?"""
    runs = formats(document, block_number)
    colours = [run.foreground().color() for run in runs]
    return (
        palette.FURNITURE_TEXT in colours
        and all(colour in (palette.FURNITURE_TEXT, *OWN_COLOURS) for colour in colours)
        and all(FURNITURE_TIP in run.toolTip() for run in runs)
    )


def undimmed(document: QTextDocument, block_number: int) -> bool:
    """Is no run of the block greyed, nor its tooltip the furniture's?"""
    return not any(
        run.foreground().color() == palette.FURNITURE_TEXT or FURNITURE_TIP in run.toolTip()
        for run in formats(document, block_number)
    )


def selected_text(window: MainWindow, document: int) -> str:
    return pane_view(window, document).textCursor().selectedText()


def table_rows(window: MainWindow) -> list[str]:
    table = window.discrepancy_panel.table
    return [
        " | ".join(str(table.index(row, column).data()) for column in range(table.columnCount()))
        for row in range(table.rowCount())
    ]


def test_furniture_is_dimmed_and_left_out_until_the_view_menu_shows_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    action = furniture_action(window)
    assert action.isCheckable() and not action.isChecked()
    open_and_wait(qtbot, window, write_flood_pair(tmp_path))
    for document in (0, 1):
        text = pane_view(window, document).document()
        assert dimmed(text, CAPTION) and dimmed(text, DURATION)
        assert undimmed(text, BODY[0]) and undimmed(text, BODY[1])
    hidden_rows = table_rows(window)
    assert not any("2:01" in row for row in hidden_rows)
    assert "2 number" in window.counts_label.text()
    pair = window.comparison_view.model.comparison.pair(0, 1)

    action.trigger()  # View > Show Page Furniture
    for document in (0, 1):
        text = pane_view(window, document).document()
        assert undimmed(text, CAPTION) and undimmed(text, DURATION)
    shown_rows = table_rows(window)
    assert len(shown_rows) == len(hidden_rows) + 1
    assert any("2:01" in row and "2:05" in row for row in shown_rows)
    assert "3 number" in window.counts_label.text()
    assert window.comparison_view.model.comparison.pair(0, 1) is pair  # not aligned again

    action.trigger()  # and set aside again
    assert dimmed(pane_view(window, 0).document(), DURATION)
    assert table_rows(window) == hidden_rows


def test_next_significant_difference_skips_furniture_until_shown(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, write_flood_pair(tmp_path))
    activate(qtbot, window)
    pane_view(window, 0).setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F7)  # Go > Next Significant Difference
    assert selected_text(window, 0) == "2.4"
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert selected_text(window, 0) == "300"  # over "Duration 2:01" → "2:05"

    furniture_action(window).trigger()
    qtbot.keyClick(window, Qt.Key.Key_F7)  # after the last: wraps to the first
    assert selected_text(window, 0) == "2.4"
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert selected_text(window, 0) == "01"
    assert "in page furniture" in window.statusBar().currentMessage()


def duration_stop(redline: RedlineView) -> RedlineStop:
    """The redline's change of the video's duration."""
    column = redline.redline
    assert column is not None
    return next(stop for stop in redline.stops() if "01" in column.text[stop.start : stop.end])


def test_the_redline_dims_furniture_and_follows_the_toggle(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, write_flood_pair(tmp_path))
    window.actions_by_name["redline_view"].trigger()
    redline = window.redline.view
    assert redline is not None and redline.laid_out is not None
    column = redline.laid_out
    blocks = {
        index: column.document.findBlock(column.starts[index]).blockNumber()
        for index in range(len(column.redline.paragraphs))
    }
    furniture = set(redline.furniture_paragraphs())
    assert furniture and len(furniture) < len(blocks)
    body = next(index for index in blocks if index not in furniture)
    assert all(dimmed(column.document, blocks[index]) for index in furniture)
    assert undimmed(column.document, blocks[body])
    assert not duration_stop(redline).significant  # "01" → "05" in "Duration 2:01"
    significant = [stop for stop in redline.stops() if stop.significant]

    furniture_action(window).trigger()
    assert all(undimmed(column.document, blocks[index]) for index in furniture)
    assert duration_stop(redline).significant
    assert len([stop for stop in redline.stops() if stop.significant]) == len(significant) + 1


def test_the_choice_is_remembered_by_a_new_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    furniture_action(window).trigger()
    other = second_window(qtbot)
    assert furniture_action(other).isChecked()
    open_and_wait(qtbot, other, write_flood_pair(tmp_path))
    assert other.comparison_view.model.furniture_shown
    assert undimmed(pane_view(other, 0).document(), DURATION)
    assert any("2:01" in row for row in table_rows(other))

    furniture_action(other).trigger()  # set aside again: the next window follows
    assert not furniture_action(second_window(qtbot)).isChecked()
