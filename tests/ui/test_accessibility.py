"""Accessibility (issue 23): every control and pane says what it is to a screen reader, the
panes give it their text, and the window is reached and used from the keyboard alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from compareapp.core.review.marks import MarkStatus
from compareapp.ui.main_window import MainWindow
from compareapp.ui.preferences_dialog import PreferencesDialog
from tests.helpers import CTRL_SHIFT, activate, open_and_wait

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
)
TAB_LIMIT = 80
"""More Tab presses than any window here has stops."""


def third_version(folder: Path, seed_paths: list[Path]) -> Path:
    """A third version of the seed story: the first with its day and a number changed."""
    text = seed_paths[0].read_text(encoding="utf-8")
    path = folder / "third-version.txt"
    path.write_text(text.replace("Thursday", "Friday").replace("week", "fortnight"), "utf-8")
    return path


@pytest.fixture(params=["seed pair", "three documents"])
def compared(request, qtbot, window: MainWindow, seed_paths, tmp_path) -> MainWindow:
    activate(qtbot, window)
    extra = [third_version(tmp_path, seed_paths)] if request.param == "three documents" else []
    open_and_wait(qtbot, window, [*seed_paths, *extra])
    return window


@pytest.fixture
def seed(qtbot, window: MainWindow, seed_paths) -> MainWindow:
    activate(qtbot, window)
    open_and_wait(qtbot, window, seed_paths)
    return window


def spoken(widget: QWidget) -> tuple[str, str]:
    """What a screen reader is told a widget is: its accessible name and description (a
    dock's Qt interface tells only its title: its description is the widget's own)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, widget
    description = interface.text(QAccessible.Text.Description) or widget.accessibleDescription()
    return interface.text(QAccessible.Text.Name), description


def is_interactive(widget: QWidget) -> bool:
    """A control, a list or a text, or a widget of the app's own (custom painted)."""
    return isinstance(widget, INTERACTIVE) or type(widget).__module__.startswith("compareapp")


def assert_all_named(top: QWidget) -> None:
    """Every visible interactive widget under ``top`` has a name and a description."""
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        inner = isinstance(widget.parentWidget(), QAbstractSpinBox)  # its box speaks for it
        if widget.isVisible() and is_interactive(widget) and not inner:
            name, description = spoken(widget)
            if not name.strip() or not description.strip():
                found.append(
                    f"{type(widget).__name__} {widget.objectName()!r}: {name!r} "
                    f"in {type(widget.parentWidget()).__name__}"
                )
    assert not found, "\n".join(found)


def tab_until(qtbot, found: Callable[[QWidget], bool], backwards: bool = False) -> QWidget:
    """Press Tab (Shift+Tab) until the focus is on a widget ``found`` accepts."""
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    for _press in range(TAB_LIMIT):
        qtbot.keyClick(QApplication.focusWidget(), key)
        widget = QApplication.focusWidget()
        if found(widget):
            return widget
    raise AssertionError("Tab never reached the widget")


def tab_cycle(qtbot, start: QWidget) -> list[QWidget]:
    """Every widget Tab stops at from ``start`` until it comes back to it."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    stops = [start]
    for _press in range(TAB_LIMIT):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is start:
            return stops
        assert widget.isVisible() and not widget.visibleRegion().isEmpty(), widget
        stops.append(widget)
    raise AssertionError(f"Tab never came back to the first pane: {stops}")


def popup_texts(qtbot, window: MainWindow, press: Callable[[], None]) -> list[str]:
    """Press a key that opens a menu; the menu's commands (the menu is closed again)."""
    seen: list[str] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, read_and_close)
            return
        seen.extend(action.text().replace("&", "") for action in menu.actions())
        QTest.keyClick(menu, Qt.Key.Key_Escape)

    QTimer.singleShot(0, read_and_close)
    press()
    qtbot.waitUntil(lambda: bool(seen) and QApplication.activePopupWidget() is None)
    # The offscreen platform leaves the closed menu the active window; a desktop's window
    # manager gives the activation back to the window, as this does.
    activate(qtbot, window)
    return seen


# Names and descriptions -------------------------------------------------------------------


def test_the_start_view_says_what_each_part_is(qtbot, window: MainWindow):
    start = window.start_view
    assert_all_named(window)
    assert spoken(start.findChild(QWidget, "drop_area"))[0] == "Drop area"
    for button in (start.open_button, start.sample_button):
        name, description = spoken(button)
        assert "&" not in name and description


def test_every_control_and_pane_has_a_name_and_description(qtbot, compared: MainWindow):
    window = compared
    assert_all_named(window)
    view = window.comparison_view
    base, other = view.panes[0], view.panes[1]
    assert spoken(base)[0].endswith("base document")
    assert base.document.path in spoken(base)[1]
    assert "compared with the base" in spoken(other)[0]
    assert spoken(base.menu_button)[0] == f"Commands for {base.document.name}"
    assert len(view.link_maps) == len(view.panes) - 1
    # The find bar and the redline view, once shown, are named too.
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.find_bar.edit.hasFocus)
    qtbot.keyClicks(window.find_bar.edit, "Putin")
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)
    qtbot.waitUntil(lambda: view.redline is not None and view.redline.isVisible())
    assert_all_named(window)


def test_a_message_bar_s_buttons_say_what_they_answer(qtbot, window: MainWindow):
    question = "An unsaved review of story.txt was found. Recover it?"
    window.offer_bar.offer(question, [("Recover", lambda: None), ("Discard", lambda: None)])
    window.message_bar.show_errors(["Cannot read notes.bin: it is not text"])
    qtbot.waitUntil(window.offer_bar.isVisible)

    assert_all_named(window)
    assert spoken(window.offer_bar.button("Recover")) == ("Recover", question)
    closers = window.message_bar.findChildren(QAbstractButton)
    assert [spoken(button)[0] for button in closers] == ["Dismiss errors"]


def test_the_preferences_dialog_names_its_fields(qtbot, window: MainWindow):
    dialog = PreferencesDialog(window)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    assert_all_named(dialog)
    assert spoken(dialog.reviewer)[0] == "Reviewer name"
    dialog.reject()


def test_the_link_map_and_overview_read_out_what_they_paint(qtbot, seed: MainWindow):
    view = seed.comparison_view
    link_map, strip = view.link_maps[0], view.panes[0].strip
    left, right = (pane.document.name for pane in view.panes)
    name, description = spoken(link_map)
    assert name == f"Links between {left} and {right}"
    assert description.startswith(f"{len(link_map.bands)} links: ")
    assert "selected" not in description
    band = next(band for band in link_map.bands if band.changed and not band.moved)
    view.select_paragraph(0, band.left)
    said = f"selected: {left} paragraph {band.left + 1} to {right} paragraph {band.right + 1}"
    assert said in spoken(link_map)[1]
    changed = sum(mark.value == "changed" for mark in view.model.paragraph_marks(0).values())
    assert f"{changed} changed" in spoken(strip)[1]


def test_each_pane_gives_a_screen_reader_its_text(qtbot, compared: MainWindow):
    for pane in compared.comparison_view.panes:
        interface = QAccessible.queryAccessibleInterface(pane.view)
        shown = pane.view.document().toPlainText()
        assert interface.text(QAccessible.Text.Value) == shown
        text = interface.textInterface()  # the characters as they are (no-break spaces too)
        characters = pane.view.document().toRawText().replace("\u2029", "\n")
        assert text is not None and text.text(0, text.characterCount()) == characters
        assert pane.document.text.split()[0] in shown


# The keyboard -------------------------------------------------------------------------


def test_tab_visits_every_pane_button_link_map_and_dock_table(qtbot, compared: MainWindow):
    window = compared
    view = window.comparison_view
    first = view.panes[0].view
    stops = tab_cycle(qtbot, first)
    in_reading_order: list[QWidget] = []
    for index, pane in enumerate(view.panes):
        header = [pane.base_button, pane.menu_button, pane.close_button]
        in_reading_order += [*(header if index else []), pane.view, *view.link_maps[index:][:1]]
    assert [stop for stop in stops if stop in in_reading_order] == in_reading_order
    for table in (window.review_panel.list, window.discrepancy_panel.list):
        assert table in stops  # a dock behind the other's tab comes forward
    assert any(isinstance(stop, QTabBar) for stop in stops)  # the docks' tabs
    # Shift+Tab goes back the same way: from the first pane to its header's last button.
    qtbot.keyClick(first, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is view.panes[0].close_button
    # The find bar, once open, is on the way too.
    bar = window.find_bar
    qtbot.keyClick(first, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bar.edit.hasFocus)
    stops = tab_cycle(qtbot, first)
    assert {bar.edit, bar.previous_button, bar.next_button} <= set(stops)
    assert stops.index(bar.edit) > stops.index(view.panes[-1].view)  # below the panes


# A menu opening on the offscreen platform says it can neither raise it nor grab the keys.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_a_review_with_the_keyboard_alone(qtbot, seed: MainWindow):
    window = seed
    view = window.comparison_view
    link_map, panes = view.link_maps[0], view.panes
    # Into the first pane, then down through its paragraphs: each one the caret enters is
    # chosen, with its linked paragraphs, as a click would.
    tab_until(qtbot, lambda widget: widget is panes[0].view)
    qtbot.keyClick(panes[0].view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _press in range(TAB_LIMIT):
        if link_map.selected:
            break
        qtbot.keyClick(panes[0].view, Qt.Key.Key_Down)
    left, right = min(link_map.selected)  # a paragraph may have several counterparts
    assert panes[0].view.selected_paragraphs() == [left]
    assert right in panes[1].view.selected_paragraphs()
    assert f"paragraph {left + 1} to" in spoken(link_map)[1]
    # The link map, focused, steps to the next link.
    tab_until(qtbot, lambda widget: widget is link_map)
    qtbot.keyClick(link_map, Qt.Key.Key_Down)
    ((next_left, next_right),) = link_map.selected
    assert (next_left, next_right) > (left, right)
    assert panes[0].view.selected_paragraphs() == [next_left]
    # Mark the chosen paragraph verified.
    qtbot.keyClick(link_map, Qt.Key.Key_V, CTRL_SHIFT)
    (mark,) = list(window.review)
    paragraph = view.shown_result.documents[0].paragraphs[next_left]
    assert mark.status is MarkStatus.VERIFIED
    assert (mark.anchor.start, mark.anchor.end) == (paragraph.start, paragraph.end)
    # The next significant difference, then the next fact of the discrepancy table.
    qtbot.keyClick(link_map, Qt.Key.Key_F7)
    assert "difference:" in window.statusBar().currentMessage()
    table = tab_until(qtbot, lambda widget: widget is window.discrepancy_panel.list)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    row = window.discrepancy_panel.table.row(table.currentIndex().row())
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage().startswith(row.kind.value.capitalize())
    # The first pane's ⋯ menu, reached with Shift+Tab and opened with Space.
    button = tab_until(qtbot, lambda widget: widget is panes[0].menu_button, backwards=True)
    commands = popup_texts(qtbot, window, lambda: qtbot.keyClick(button, Qt.Key.Key_Space))
    assert {"Make Base", "Close Document", "Mark Verified", "Language"} <= set(commands)
    # The Menu key in the pane opens its context menu at the caret, in the marked words.
    pane = tab_until(qtbot, lambda widget: widget is panes[0].view)
    (shown,) = pane.review_marks()
    pane.select_range(shown.start, shown.start)
    commands = popup_texts(qtbot, window, lambda: qtbot.keyClick(pane, Qt.Key.Key_Menu))
    assert any(text.startswith("Change “") for text in commands), commands


def test_enter_in_a_pane_chooses_the_paragraph_at_the_caret(qtbot, seed: MainWindow):
    pane = seed.comparison_view.panes[1].view
    pane.setFocus()
    block = pane.document().findBlockByNumber(3)
    cursor = pane.textCursor()
    cursor.setPosition(block.position())
    pane.setTextCursor(cursor)
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    assert pane.selected_paragraphs() == [3]
    assert seed.comparison_view.current_document == 1
