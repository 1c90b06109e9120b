"""Zoom in step and Find (issue 23): the keys change every pane's text alike and the size
is the Preferences' own; Ctrl+F searches every pane, counts per pane, steps with Enter,
F3 and Shift+F3, and Escape closes it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from compareapp.core.present.find import find_all
from compareapp.ui import apply_preferences
from compareapp.ui.controllers.find_controller import short_name
from compareapp.ui.main_window import MainWindow
from compareapp.ui.settings import default_text_size, load_preferences
from tests.helpers import activate, wait_for_comparison

CTRL = Qt.KeyboardModifier.ControlModifier


def open_sample(qtbot, window: MainWindow) -> None:
    activate(qtbot, window)
    window.files.open_sample()
    wait_for_comparison(qtbot, window)


def sizes(window: MainWindow) -> set[float]:
    return {pane.view.font().pointSizeF() for pane in window.comparison_view.panes}


def test_zoom_keys_change_every_pane_alike_and_are_remembered(qtbot, window: MainWindow):
    open_sample(qtbot, window)
    (start,) = sizes(window)
    qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
    (larger,) = sizes(window)
    assert larger == start + 1
    assert load_preferences().text_size == larger  # the Preferences' text size
    qtbot.keyClick(window, Qt.Key.Key_Plus, CTRL)
    assert sizes(window) == {start + 2}
    qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    assert sizes(window) == {start - 1}
    assert apply_preferences.text_size == start - 1  # new panes and windows take it
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    assert sizes(window) == {default_text_size()}
    assert load_preferences().text_size == default_text_size()


def test_ctrl_wheel_zooms_every_pane(qtbot, window: MainWindow):
    open_sample(qtbot, window)
    (start,) = sizes(window)
    viewport = window.comparison_view.panes[1].view.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        CTRL,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    assert sizes(window) == {start + 2}
    # the panes lay their text out again, and the bands and overviews follow
    panes = window.comparison_view.panes
    qtbot.waitUntil(lambda: all(p.view.document_height() > 0 for p in panes))


def test_find_counts_every_pane_and_steps(qtbot, window: MainWindow):
    open_sample(qtbot, window)
    panes = window.comparison_view.panes
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible()
    qtbot.waitUntil(bar.edit.hasFocus)
    qtbot.keyClicks(bar.edit, "marrowby")
    expected = [len(find_all(p.view.document().toPlainText(), "Marrowby")) for p in panes]
    assert all(expected) and window.finder.counts() == expected
    for number, (pane, count) in enumerate(zip(panes, expected, strict=True), 1):
        assert f"{number}. {short_name(pane.document.name)}: {count}" in bar.counts.full_text()
        assert len(pane.view.find_matches()) == count

    window.comparison_view.current_document = 0
    window.finder.current = None
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert window.finder.current == (0, 0)
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert window.finder.current == (0, 1)
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.finder.current == (0, 0)
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.finder.current == (0, expected[0] - 1)  # wrapped around
    assert "wrapped" in window.statusBar().currentMessage()
    start, end = window.finder.matches[0][-1]
    view = panes[0].view
    top, bottom = view.visible_positions()
    assert top <= start <= bottom  # scrolled to it
    assert view.selected_range() == (start, end)

    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert all(not pane.view.find_matches() for pane in panes)


def test_find_forgives_quotes_and_dashes(qtbot, window: MainWindow):
    open_sample(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.find_bar.edit, "Tanner's Bridge")  # the text has Tanner’s
    assert window.finder.counts()[0] >= 1
    window.find_bar.edit.clear()
    qtbot.keyClicks(window.find_bar.edit, "Northern Wire) - Around")  # the text has –
    assert window.finder.counts()[0] == 1
