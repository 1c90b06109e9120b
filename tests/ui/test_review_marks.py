"""Review marks as a user makes them: select text or click a paragraph, press the Review
shortcuts or use the pane's context menu; edit, filter, undo and redo in the review panel;
see the marks in the panes and their gutters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from compareapp.core.review.marks import MarkStatus
from compareapp.rendering import palette
from compareapp.ui import settings
from compareapp.ui.main_window import MainWindow
from compareapp.ui.panes.mark_gutter import ShownMark
from compareapp.ui.panes.text_view import DocumentTextView
from tests.helpers import (
    OUTLET,
    REVIEWER,
    WIRE,
    click_row,
    close_colour,
    mark_text,
    menu_action,
    offsets_of,
    pane_view,
    press,
    row_ids,
    rows,
    select_text,
    shown,
    type_note,
    view_range,
    wait_for_comparison,
)


@pytest.fixture
def sample(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window showing the bundled sample comparison, active, reviewer name set."""
    settings.set_reviewer(REVIEWER)
    window.files.open_sample()
    wait_for_comparison(qtbot, window)
    with qtbot.waitActive(window):  # a context manager: waits when the block is done
        window.activateWindow()
    return window


# Helpers --------------------------------------------------------------------------------


def undo_key(qtbot: QtBot, window: MainWindow) -> None:
    assert window.actions_by_name["undo"].shortcut() == QKeySequence("Ctrl+Z")
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo_key(qtbot: QtBot, window: MainWindow) -> None:
    """Press the redo action's shortcut (Ctrl+Shift+Z does not work, see
    ``test_every_standard_redo_key_redoes``)."""
    shortcut = window.actions_by_name["redo"].shortcut()
    assert not shortcut.isEmpty()
    QTest.keySequence(window, shortcut)


def click_paragraph(qtbot: QtBot, view: DocumentTextView, paragraph: int) -> None:
    """Click into the middle of ``paragraph``'s first line (it must be in view)."""
    top, _bottom = view.paragraph_extents()[paragraph]
    y = round(top - view.scroll_value() + 8)
    assert 0 <= y < view.viewport().height(), "the paragraph must be in view to be clicked"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(60, y))


def tints(window: MainWindow, document: int) -> list[tuple[int, int, MarkStatus]]:
    """The passages pane ``document`` tints as review marks: view range and status."""
    view = pane_view(window, document)
    colours = {colour.rgba(): status for status, colour in palette.MARK_BACKGROUND.items()}
    found = []
    for selection in view.extraSelections():
        status = colours.get(selection.format.background().color().rgba())
        if status is not None:
            cursor = selection.cursor
            assert cursor.document() is view.document(), "tinted in the text shown"
            found.append((cursor.selectionStart(), cursor.selectionEnd(), status))
    return sorted(found)


def expected_tints(window: MainWindow, document: int) -> list[tuple[int, int, MarkStatus]]:
    return sorted((m.start, m.end, m.status) for m in shown(window, document).values())


def gutter_colours(view: DocumentTextView, mark: ShownMark) -> list[QColor]:
    """The colours of the gutter's pixels beside ``mark``'s first line (grabbed)."""
    image = view.gutter.grab().toImage()
    ratio = image.devicePixelRatio()
    top, bottom = view.gutter.mark_extent(mark)
    return [
        image.pixelColor(round(x * ratio), round(y * ratio))
        for x in range(view.gutter.width() - 4, view.gutter.width() - 1)
        for y in range(max(0, int(top) + 1), min(view.gutter.height(), int(bottom)))
    ]


def shortcut_of(window: MainWindow, action: str) -> str:
    return window.actions_by_name[action].shortcut().toString()


def context_menu(window: MainWindow, document: int, position: int) -> QMenu:
    """The review part of pane ``document``'s context menu at view ``position``, built by
    the hook the pane's contextMenuEvent calls."""
    menu = QMenu(window)
    view = pane_view(window, document)
    assert view.extend_context_menu is not None
    view.extend_context_menu(menu, position)
    return menu


# Marking --------------------------------------------------------------------------------


def test_marking_selected_text_verified_with_the_shortcut(qtbot, sample: MainWindow):
    window = sample
    assert not window.isWindowModified()
    assert shortcut_of(window, "mark_verified") == "Ctrl+Shift+V"
    start, end = offsets_of(window, WIRE, "1,200 households")

    marks = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)

    assert len(marks) == 1
    mark = marks[0]
    wire = window.comparison_view.result.documents[WIRE]
    assert mark.status is MarkStatus.VERIFIED
    assert mark.quote == "1,200 households" == wire.text[mark.anchor.start : mark.anchor.end]
    assert (mark.anchor.start, mark.anchor.end) == (start, end)
    assert mark.source == wire.source_id
    assert mark.reviewer == settings.reviewer() == REVIEWER
    assert mark.note == ""
    for time in (mark.created, mark.modified):
        assert time.tzinfo is not None and time.utcoffset() is not None
    assert list(window.review) == [mark]

    assert list(shown(window, WIRE).values()) == [
        ShownMark(mark.id, MarkStatus.VERIFIED, *view_range(window, WIRE, start, end))
    ]
    assert shown(window, OUTLET) == {}, "without counterparts the other pane is not marked"
    assert row_ids(window) == [mark.id]
    assert window.review_panel.selected_ids() == [mark.id], "the new mark is selected"
    assert "verified" in rows(window)[0].text(0)
    assert rows(window)[0].text(2) == "1,200 households"
    assert rows(window)[0].text(4) == REVIEWER
    assert window.isWindowModified()
    assert "[*]" in window.windowTitle()
    assert "1,200 households" in window.statusBar().currentMessage()


def test_clicking_a_paragraph_then_marking_it_disputed(qtbot, sample: MainWindow):
    window = sample
    view = pane_view(window, OUTLET)
    outlet = window.comparison_view.result.documents[OUTLET]
    paragraph = next(p for p in outlet.paragraphs if "1,400 households" in p.text)

    click_paragraph(qtbot, view, paragraph.index)
    assert view.selected_paragraphs() == [paragraph.index]
    assert window.comparison_view.current_document == OUTLET
    press(qtbot, window, Qt.Key.Key_D)

    [mark] = list(window.review)
    assert mark.status is MarkStatus.DISPUTED
    assert mark.source == outlet.source_id
    assert (mark.anchor.start, mark.anchor.end) == (paragraph.start, paragraph.end)
    assert mark.quote == paragraph.text
    assert list(shown(window, OUTLET)) == [mark.id]
    assert shown(window, OUTLET)[mark.id].status is MarkStatus.DISPUTED
    assert "disputed" in rows(window)[0].text(0)
    assert window.comparison_view.panes[OUTLET].strip.review_marks == {
        paragraph.index: MarkStatus.DISPUTED
    }


def test_nothing_chosen_nothing_marked(qtbot, sample: MainWindow):
    press(qtbot, sample, Qt.Key.Key_V)

    assert list(sample.review) == []
    assert not sample.isWindowModified()
    assert sample.statusBar().currentMessage().startswith("Select some text")


def test_marking_with_counterparts(qtbot, sample: MainWindow):
    window = sample
    toggle = window.actions_by_name["with_counterparts"]
    assert not toggle.isChecked()
    press(qtbot, window, Qt.Key.Key_K)
    assert toggle.isChecked()

    marks = mark_text(qtbot, window, "1,200", MarkStatus.DISPUTED)

    documents = window.comparison_view.result.documents
    assert [(mark.source, mark.quote) for mark in marks] == [
        (documents[WIRE].source_id, "1,200"),
        (documents[OUTLET].source_id, "1,400"),
    ]
    assert all(mark.status is MarkStatus.DISPUTED for mark in marks)
    outlet_start, outlet_end = offsets_of(window, OUTLET, "1,400")
    assert (marks[1].anchor.start, marks[1].anchor.end) == (outlet_start, outlet_end)
    assert list(shown(window, WIRE)) == [marks[0].id]
    assert list(shown(window, OUTLET)) == [marks[1].id]
    assert (
        shown(window, OUTLET)[marks[1].id].start
        == view_range(window, OUTLET, outlet_start, outlet_end)[0]
    )
    for document in (WIRE, OUTLET):
        assert tints(window, document) == expected_tints(window, document)
        assert len(tints(window, document)) == 1
    assert row_ids(window) == [mark.id for mark in marks]
    assert "1 counterpart" in window.statusBar().currentMessage()
    assert window.review.undo_stack.count() == 1, "marking with counterparts is one step"

    # Toggled off again, a mark is made in its own pane only.
    press(qtbot, window, Qt.Key.Key_K)
    assert not toggle.isChecked()
    [single] = mark_text(qtbot, window, "Mill Lane, the regional", MarkStatus.VERIFIED)
    assert single.source == documents[WIRE].source_id
    assert len(window.review) == 3


def test_marks_stay_tinted_when_the_comparison_is_rebuilt(qtbot, sample: MainWindow):
    window = sample
    window.actions_by_name["with_counterparts"].trigger()
    mark_text(qtbot, window, "1,200", MarkStatus.DISPUTED)
    assert len(tints(window, OUTLET)) == 1

    press(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # typographic
    wait_for_comparison(qtbot, window)

    for document in (WIRE, OUTLET):
        assert len(shown(window, document)) == 1
        assert tints(window, document) == expected_tints(window, document)


def test_text_dragged_over_in_the_other_pane_is_what_gets_marked(qtbot, sample: MainWindow):
    window = sample
    select_text(window, WIRE, "river town of Marrowby")  # an earlier selection, left pane
    view = pane_view(window, OUTLET)
    start, end = view_range(window, OUTLET, *offsets_of(window, OUTLET, "1,400"))
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    first = view.cursorRect(cursor).center() + QPoint(1, 0)
    cursor.setPosition(end)
    last = view.cursorRect(cursor).center() - QPoint(1, 0)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseMove(view.viewport(), last)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=last)
    assert view.textCursor().selectedText() == "1,400"

    press(qtbot, window, Qt.Key.Key_V)

    assert [mark.quote for mark in window.review] == ["1,400"]


# The panel's editor, Delete, undo and redo ----------------------------------------------


def focus_list(qtbot: QtBot, window: MainWindow) -> None:
    """Put the keyboard focus in the marks list (out of the note editor)."""
    panel_list = window.review_panel.list
    panel_list.setFocus()
    qtbot.waitUntil(panel_list.hasFocus)


def test_typing_a_note_is_committed_once_and_is_one_undo_step(qtbot, sample: MainWindow):
    window = sample
    [mark] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    stack = window.review.undo_stack
    assert stack.count() == 1
    before = mark.modified

    type_note(qtbot, window, "Checked against the council")

    edited = window.review.marks.get(mark.id)
    assert edited.note == "Checked against the council"
    assert edited.modified >= before and edited.modified.tzinfo is not None
    assert stack.count() == 2, "a burst of keystrokes is one undo step"
    assert stack.undoText() == "Edit note"
    assert rows(window)[0].text(3) == "Checked against the council"

    # More typing later still edits the same mark's note: it merges into that step.
    type_note(qtbot, window, "'s statement.")
    assert window.review.marks.get(mark.id).note == "Checked against the council's statement."
    assert stack.count() == 2


def test_a_note_is_committed_when_the_editor_loses_focus(qtbot, sample: MainWindow):
    window = sample
    [mark] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    panel = window.review_panel
    qtbot.mouseClick(panel.note_edit.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.note_edit, "wire figure")

    focus_list(qtbot, window)  # at once, before the commit delay is over

    assert window.review.marks.get(mark.id).note == "wire figure"


def test_edit_note_shortcut_puts_the_cursor_in_the_note(qtbot, sample: MainWindow):
    window = sample
    [first] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    mark_text(qtbot, window, "Mill Lane, the regional", MarkStatus.DISPUTED)
    click_row(qtbot, window, first.id)
    focus_list(qtbot, window)

    press(qtbot, window, Qt.Key.Key_N)

    assert window.review_panel.note_edit.hasFocus()
    assert window.review_panel.selected_ids() == [first.id]
    qtbot.keyClicks(window.review_panel.note_edit, "x")
    qtbot.waitUntil(lambda: window.review.marks.get(first.id).note == "x")


def test_delete_key_in_the_list_then_undo_and_redo(qtbot, sample: MainWindow):
    window = sample
    [first] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    [second] = mark_text(qtbot, window, "Mill Lane, the regional", MarkStatus.DISPUTED)
    assert row_ids(window) == [first.id, second.id]
    click_row(qtbot, window, first.id)
    assert window.review_panel.selected_ids() == [first.id]

    qtbot.keyClick(window.review_panel.list, Qt.Key.Key_Delete)

    assert [mark.id for mark in window.review] == [second.id]
    assert row_ids(window) == [second.id]
    assert list(shown(window, WIRE)) == [second.id]

    focus_list(qtbot, window)
    undo_key(qtbot, window)
    assert [mark.id for mark in window.review] == [first.id, second.id], "back in its place"
    assert window.review.marks.get(first.id) == first
    assert row_ids(window) == [first.id, second.id]
    assert set(shown(window, WIRE)) == {first.id, second.id}

    redo_key(qtbot, window)
    assert row_ids(window) == [second.id]
    assert list(shown(window, WIRE)) == [second.id]

    # Undo everything: the deletion, then both marks; the window is unmodified again.
    for _step in range(3):
        undo_key(qtbot, window)
    assert list(window.review) == []
    assert row_ids(window) == []
    assert shown(window, WIRE) == {}
    assert not window.isWindowModified()
    assert not window.actions_by_name["undo"].isEnabled()

    window.actions_by_name["redo"].trigger()
    assert [mark.id for mark in window.review] == [first.id]
    assert list(shown(window, WIRE)) == [first.id]
    assert window.isWindowModified()


def test_every_standard_redo_key_redoes(qtbot, sample: MainWindow):
    window = sample
    bindings = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    assert QKeySequence("Ctrl+Shift+Z") in bindings and QKeySequence("Ctrl+Y") in bindings
    [mark] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    focus_list(qtbot, window)
    redone = []
    for keys in ("Ctrl+Y", "Ctrl+Shift+Z"):
        undo_key(qtbot, window)
        assert list(window.review) == []
        QTest.keySequence(window, QKeySequence(keys))
        redone.append([m.id for m in window.review] == [mark.id])
    assert redone == [True, True]


def test_delete_button_removes_the_selected_mark(qtbot, sample: MainWindow):
    window = sample
    [first] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    [second] = mark_text(qtbot, window, "Mill Lane, the regional", MarkStatus.DISPUTED)
    assert window.review_panel.selected_ids() == [second.id]
    assert window.review_panel.delete_button.isEnabled()

    qtbot.mouseClick(window.review_panel.delete_button, Qt.MouseButton.LeftButton)

    assert [mark.id for mark in window.review] == [first.id]
    assert list(shown(window, WIRE)) == [first.id]
    window.actions_by_name["undo"].trigger()
    assert [mark.id for mark in window.review] == [first.id, second.id]


def test_delete_key_removes_several_selected_marks(qtbot, sample: MainWindow):
    window = sample
    window.actions_by_name["with_counterparts"].trigger()
    marks = mark_text(qtbot, window, "1,200", MarkStatus.DISPUTED)
    assert len(marks) == 2
    focus_list(qtbot, window)
    qtbot.keyClick(window.review_panel.list, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(window.review_panel.selected_ids()) == 2

    qtbot.keyClick(window.review_panel.list, Qt.Key.Key_Delete)

    assert list(window.review) == []
    assert shown(window, WIRE) == shown(window, OUTLET) == {}
    assert window.review.undo_stack.count() == 2, "one step for both"
    undo_key(qtbot, window)
    assert [mark.id for mark in window.review] == [mark.id for mark in marks]


def test_delete_button_removes_several_selected_marks(qtbot, sample: MainWindow):
    window = sample
    window.actions_by_name["with_counterparts"].trigger()
    mark_text(qtbot, window, "1,200", MarkStatus.DISPUTED)
    window.review_panel.list.selectAll()
    assert len(window.review_panel.selected_ids()) == 2

    qtbot.mouseClick(window.review_panel.delete_button, Qt.MouseButton.LeftButton)

    assert list(window.review) == []


def test_status_change_in_the_panel_then_undo_and_redo(qtbot, sample: MainWindow):
    window = sample
    [mark] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    panel = window.review_panel
    assert panel.status_box.currentData() == MarkStatus.VERIFIED.value
    panel.status_box.setFocus()

    qtbot.keyClick(panel.status_box, Qt.Key.Key_Down)  # the next choice: Disputed

    assert window.review.marks.get(mark.id).status is MarkStatus.DISPUTED
    assert shown(window, WIRE)[mark.id].status is MarkStatus.DISPUTED
    assert "disputed" in rows(window)[0].text(0)
    assert window.review.undo_stack.count() == 2

    focus_list(qtbot, window)
    undo_key(qtbot, window)
    assert window.review.marks.get(mark.id).status is MarkStatus.VERIFIED
    assert shown(window, WIRE)[mark.id].status is MarkStatus.VERIFIED
    assert "verified" in rows(window)[0].text(0)

    redo_key(qtbot, window)
    assert window.review.marks.get(mark.id).status is MarkStatus.DISPUTED
    assert shown(window, WIRE)[mark.id].status is MarkStatus.DISPUTED
    assert "disputed" in rows(window)[0].text(0)


def test_the_panel_editor_follows_undo_of_a_status_change(qtbot, sample: MainWindow):
    window = sample
    mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    panel = window.review_panel
    panel.status_box.setFocus()
    qtbot.keyClick(panel.status_box, Qt.Key.Key_Down)
    assert panel.status_box.currentData() == MarkStatus.DISPUTED.value

    window.actions_by_name["undo"].trigger()

    assert panel.status_box.currentData() == MarkStatus.VERIFIED.value


def test_undo_and_redo_of_a_note_edit(qtbot, sample: MainWindow):
    window = sample
    [mark] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    type_note(qtbot, window, "Per council")
    focus_list(qtbot, window)

    undo_key(qtbot, window)

    assert window.review.marks.get(mark.id).note == "", "one undo takes the whole note back"
    assert window.review_panel.note_edit.toPlainText() == ""
    assert rows(window)[0].text(3) == ""
    redo_key(qtbot, window)
    assert window.review.marks.get(mark.id).note == "Per council"
    assert window.review_panel.note_edit.toPlainText() == "Per council"


# The context menu -----------------------------------------------------------------------


def test_context_menu_marks_changes_and_deletes(qtbot, sample: MainWindow):
    window = sample
    start, end = select_text(window, WIRE, "1,200 households")
    position = view_range(window, WIRE, start, end)[0] + 2

    menu = context_menu(window, WIRE, position)
    texts = [action.text() for action in menu.actions() if action.text()]
    assert texts == [
        "Mark Verified",
        "Mark Disputed",
        "Mark Verified with Counterparts",
        "Mark Disputed with Counterparts",
        "Language",  # how the document is read (tests/ui/test_reading_choices.py)
        "Reopen with Encoding",
    ], "no mark there yet: only the marking commands"
    menu_action(menu, "Mark Disputed").trigger()

    [mark] = list(window.review)
    assert mark.status is MarkStatus.DISPUTED
    assert mark.quote == "1,200 households"
    assert list(shown(window, WIRE)) == [mark.id]

    menu = context_menu(window, WIRE, position)
    menu_action(menu, "Change “1,200 households” to Verified").trigger()
    assert window.review.marks.get(mark.id).status is MarkStatus.VERIFIED
    assert shown(window, WIRE)[mark.id].status is MarkStatus.VERIFIED
    assert "verified" in rows(window)[0].text(0)

    menu = context_menu(window, WIRE, position)
    menu_action(menu, "Delete Mark “1,200 households”").trigger()
    assert list(window.review) == []
    assert shown(window, WIRE) == {}
    assert row_ids(window) == []

    # Each was one step: undo brings the verified mark back, then the disputed one.
    window.actions_by_name["undo"].trigger()
    assert window.review.marks.get(mark.id).status is MarkStatus.VERIFIED
    window.actions_by_name["undo"].trigger()
    assert window.review.marks.get(mark.id).status is MarkStatus.DISPUTED


def test_context_menu_with_counterparts_and_edit_note(qtbot, sample: MainWindow):
    window = sample
    start, end = select_text(window, WIRE, "1,200")
    position = view_range(window, WIRE, start, end)[0] + 1

    menu_action(context_menu(window, WIRE, position), "Mark Verified with Counterparts").trigger()
    assert sorted(mark.quote for mark in window.review) == ["1,200", "1,400"]
    outlet_mark = next(mark for mark in window.review if mark.quote == "1,400")

    # The other pane's menu offers its own mark.
    outlet_position = shown(window, OUTLET)[outlet_mark.id].start + 1
    menu = context_menu(window, OUTLET, outlet_position)
    assert window.comparison_view.current_document == OUTLET
    menu_action(menu, "Edit Note of “1,400”…").trigger()
    assert window.review_panel.selected_ids() == [outlet_mark.id]
    assert window.review_panel.note_edit.hasFocus()


# Filters and jumping to a mark ----------------------------------------------------------


def test_filters_hide_rows(qtbot, sample: MainWindow):
    window = sample
    window.actions_by_name["with_counterparts"].trigger()
    disputed = mark_text(qtbot, window, "1,200", MarkStatus.DISPUTED)
    window.actions_by_name["with_counterparts"].trigger()
    [verified] = mark_text(qtbot, window, "Mill Lane, the regional", MarkStatus.VERIFIED)
    everything = [*(mark.id for mark in disputed), verified.id]
    panel = window.review_panel
    assert row_ids(window) == everything
    assert panel.count_label.text() == "3 mark(s)"

    panel.status_filter.setCurrentIndex(panel.status_filter.findData("disputed"))
    assert row_ids(window) == [mark.id for mark in disputed]
    assert panel.count_label.text() == "2 of 3 marks"
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("verified"))
    assert row_ids(window) == [verified.id]

    panel.status_filter.setCurrentIndex(0)
    outlet = window.comparison_view.result.documents[OUTLET]
    assert panel.source_filter.findText(outlet.name) != -1
    panel.source_filter.setCurrentIndex(panel.source_filter.findData(outlet.source_id))
    assert row_ids(window) == [disputed[1].id]
    assert panel.count_label.text() == "1 of 3 marks"

    # Both filters at once; a new mark that does not pass them is not listed.
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("verified"))
    assert row_ids(window) == []
    mark_text(qtbot, window, "1,200 households were", MarkStatus.VERIFIED)
    assert row_ids(window) == []
    assert panel.count_label.text() == "0 of 4 marks"

    panel.status_filter.setCurrentIndex(0)
    panel.source_filter.setCurrentIndex(0)
    assert len(row_ids(window)) == 4


def test_clicking_a_row_scrolls_to_the_mark_and_selects_it(qtbot, sample: MainWindow):
    window = sample
    view = pane_view(window, WIRE)
    wire = window.comparison_view.result.documents[WIRE]
    last = wire.paragraphs[-1]
    [low] = mark_text(qtbot, window, last.text[:40], MarkStatus.DISPUTED)
    [high] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    view.set_scroll_value(0)
    assert view.scroll_value() == 0
    mark_start, mark_end = view_range(window, WIRE, low.anchor.start, low.anchor.end)
    cursor = QTextCursor(view.document())
    cursor.setPosition(mark_start)
    assert view.cursorRect(cursor).top() > view.viewport().height(), "the mark is out of view"
    view.select_range(0, 3)

    click_row(qtbot, window, low.id)

    assert view.scroll_value() > 0
    cursor.setPosition(mark_start)
    rect = view.cursorRect(cursor)
    assert rect.top() >= 0 and rect.bottom() <= view.viewport().height(), "the mark is in view"
    assert view.selected_range() == (mark_start, mark_end)
    assert window.comparison_view.current_document == WIRE

    click_row(qtbot, window, high.id)
    assert view.selected_range() == view_range(window, WIRE, high.anchor.start, high.anchor.end)
    # back near the top (not always at 0: how far down the mark is depends on the wrapping)
    cursor.setPosition(view_range(window, WIRE, high.anchor.start, high.anchor.end)[0])
    assert 0 <= view.cursorRect(cursor).top() <= view.viewport().height() / 2
    assert view.scroll_value() < view.viewport().height() / 2


# Pixels ---------------------------------------------------------------------------------


def test_the_gutter_shows_each_mark_in_its_status_colour(qtbot, sample: MainWindow):
    window = sample
    view = pane_view(window, WIRE)
    [verified] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    [disputed] = mark_text(qtbot, window, "Mill Lane, the regional", MarkStatus.DISPUTED)
    marks = shown(window, WIRE)

    verified_pixels = gutter_colours(view, marks[verified.id])
    disputed_pixels = gutter_colours(view, marks[disputed.id])

    verified_colour = palette.MARK_COLOUR[MarkStatus.VERIFIED]
    disputed_colour = palette.MARK_COLOUR[MarkStatus.DISPUTED]
    assert any(close_colour(pixel, verified_colour) for pixel in verified_pixels)
    assert not any(close_colour(pixel, disputed_colour) for pixel in verified_pixels)
    assert any(close_colour(pixel, disputed_colour) for pixel in disputed_pixels)

    # After a status change the bar is redrawn in the other colour.
    window.review.set_status(verified.id, MarkStatus.DISPUTED)
    assert any(
        close_colour(pixel, disputed_colour)
        for pixel in gutter_colours(view, shown(window, WIRE)[verified.id])
    )

    # Deleted: the gutter beside that line is plain again.
    window.review.delete([verified.id, disputed.id])
    image = view.gutter.grab().toImage()
    assert not any(
        close_colour(image.pixelColor(x, y), colour)
        for colour in (verified_colour, disputed_colour)
        for x in range(image.width())
        for y in range(image.height())
    )


def test_opening_the_sample_again_asks_about_unsaved_marks(qtbot, sample: MainWindow):
    """Opening the sample again starts a fresh review (after asking about unsaved marks)."""
    mark_text(qtbot, sample, "1,200 households", MarkStatus.VERIFIED)
    asked: list[bool] = []

    def keep_editing() -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    sample.sessions.ask_save_changes = keep_editing
    sample.actions_by_name["open_sample"].trigger()
    assert asked == [True]
    assert len(sample.review) == 1, "cancelled: the marks stay"
    assert sample.jobs.task is None

    sample.sessions.ask_save_changes = lambda: QMessageBox.StandardButton.Discard
    sample.actions_by_name["open_sample"].trigger()
    wait_for_comparison(qtbot, sample)
    assert list(sample.review) == []
    assert shown(sample, WIRE) == {}
    assert row_ids(sample) == []
    assert not sample.isWindowModified()


# Teardown -------------------------------------------------------------------------------


def test_a_window_with_unsaved_marks_is_destroyed_quietly(qtbot):
    window = MainWindow()
    window.sessions.ask_save_changes = lambda: QMessageBox.StandardButton.Discard
    window.files.open_sample()
    wait_for_comparison(qtbot, window)
    select_text(window, WIRE, "1,200 households")
    window.marking.mark_selection(MarkStatus.VERIFIED)
    assert window.review.is_modified()
    destroyed = []
    window.destroyed.connect(lambda: destroyed.append(True))

    with qtbot.captureExceptions() as exceptions:
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert destroyed == [True]
    assert exceptions == []
