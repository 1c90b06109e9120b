"""View > Redline View: one column in place of the panes, deleted words struck through and
inserted words underlined, toggled with its menu action and its shortcut."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from compareapp.core.present.redline import ParagraphChange, SegmentKind
from compareapp.core.review.marks import MarkStatus
from compareapp.resources import sample_paths
from compareapp.ui.main_window import MainWindow
from compareapp.ui.panes.redline_view import RedlineView
from tests.helpers import menu_action, open_and_wait, press


def redline_of(window: MainWindow) -> RedlineView:
    redline = window.comparison_view.redline
    assert redline is not None and redline.isVisible()
    return redline


def char_format_at(redline: RedlineView, position: int):
    """The character format of the character at view ``position``."""
    cursor = QTextCursor(redline.view.document())
    cursor.setPosition(position + 1)  # a cursor's format is the one of the character before
    return cursor.charFormat()


def segment_position(redline: RedlineView, change: SegmentKind) -> tuple[str, int]:
    """A changed word of the column and its view position."""
    assert redline.laid_out is not None
    found = next(
        f for f in redline.laid_out.redline.located if f.segment.change is change and f.segment.kind
    )
    return found.segment.text, redline.laid_out.position(found.start)


def test_the_menu_action_shows_the_redline_and_back(qtbot, window: MainWindow):
    open_and_wait(qtbot, window, sample_paths())
    action = menu_action(window.menus["&View"], "&Redline View")
    assert action.isEnabled() and not action.isChecked()
    action.trigger()
    redline = redline_of(window)
    assert action.isChecked()
    assert not window.comparison_view.pane_area.isVisible()
    assert redline.laid_out is not None
    model = redline.laid_out.redline
    shown = redline.view.toPlainText()
    for paragraph in model.paragraphs:
        assert paragraph.text in shown
    assert model.other == 1 and not redline.chooser.isVisible(), "two documents: no chooser"

    text, position = segment_position(redline, SegmentKind.DELETED)
    deleted = char_format_at(redline, position)
    assert deleted.fontStrikeOut() and not deleted.fontUnderline()
    assert shown[position : position + len(text)] == text
    text, position = segment_position(redline, SegmentKind.INSERTED)
    inserted = char_format_at(redline, position)
    assert inserted.fontUnderline() and not inserted.fontStrikeOut()
    assert shown[position : position + len(text)] == text

    action.trigger()
    assert not action.isChecked()
    assert window.comparison_view.redline is None and not redline.isVisible()
    assert window.comparison_view.pane_area.isVisible()


def test_the_shortcut_toggles_the_redline(qtbot, window: MainWindow):
    open_and_wait(qtbot, window, sample_paths())
    press(qtbot, window, Qt.Key.Key_R)
    redline = redline_of(window)
    # Moved paragraphs have a note above them, unique ones are shaded.
    assert "Moved: paragraph" in redline.view.toPlainText()
    assert redline.laid_out is not None
    changes = {p.change for p in redline.laid_out.redline.paragraphs}
    assert {ParagraphChange.DELETED, ParagraphChange.INSERTED} <= changes
    press(qtbot, window, Qt.Key.Key_R)
    assert window.comparison_view.redline is None


def test_navigation_and_marks_in_the_redline(qtbot, window: MainWindow):
    open_and_wait(qtbot, window, sample_paths())
    window.actions_by_name["redline_view"].trigger()
    redline = redline_of(window)
    window.actions_by_name["next_difference"].trigger()
    cursor = redline.view.textCursor()
    assert cursor.hasSelection()
    first = cursor.selectionStart()
    window.actions_by_name["next_difference"].trigger()
    assert redline.view.textCursor().selectionStart() > first
    assert window.statusBar().currentMessage().endswith("”")

    # Mark the selected change: the mark is made in its source and tinted in the column.
    marks = window.marking.mark_selection(MarkStatus.DISPUTED, with_counterparts=False)
    assert len(marks) == 1
    assert [shown.mark_id for shown in redline.view.review_marks()] == [marks[0].id]
    assert window.comparison_view.redline is redline
    assert window.comparison_view.show_mark(marks[0])
    selected = redline.view.textCursor()
    assert (selected.selectionStart(), selected.selectionEnd()) == (
        redline.view.review_marks()[0].start,
        redline.view.review_marks()[0].end,
    )


def test_three_documents_choose_the_other(qtbot, window: MainWindow, tmp_path):
    third = tmp_path / "third-take.txt"
    wire = Path(sample_paths()[0]).read_text(encoding="utf-8")
    third.write_text(wire.replace("1,200", "1,300"), encoding="utf-8")
    open_and_wait(qtbot, window, [*sample_paths(), str(third)])
    window.actions_by_name["redline_view"].trigger()
    redline = redline_of(window)
    assert redline.chooser.isVisible() and redline.chooser.count() == 2
    assert redline.other == 1, "the first other document by default"
    redline.chooser.activated.emit(1)
    assert redline.other == 2
    assert "1,200" in redline.view.toPlainText() and "1,300" in redline.view.toPlainText()
    text, position = segment_position(redline, SegmentKind.INSERTED)
    assert text.strip() == "1,300" and char_format_at(redline, position).fontUnderline()
