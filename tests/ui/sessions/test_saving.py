"""Saving a comparison and its review marks as a session, and opening it again (in a new
window, with the shortcut)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from compareapp.core.review.marks import MarkStatus
from compareapp.core.review.session import SESSION_SUFFIX
from compareapp.core.review.session_file import load_session
from compareapp.ui.main_window import MainWindow
from tests.helpers import (
    OUTLET,
    WIRE,
    answer_save_path,
    mark_text,
    press,
    row_ids,
    row_of,
    save_with_keys,
    second_window,
    shown,
    type_note,
    view_range,
    wait_for_comparison,
)
from tests.ui.sessions.helpers import NOTE, window_paths


def test_ctrl_s_saves_a_session_with_the_marks(
    qtbot, sample: MainWindow, tmp_path: Path, monkeypatch
):
    window = sample
    window.actions_by_name["with_counterparts"].trigger()
    disputed = mark_text(qtbot, window, "1,200", MarkStatus.DISPUTED)
    type_note(qtbot, window, NOTE)
    window.actions_by_name["with_counterparts"].trigger()
    mark_text(qtbot, window, "Mill Lane, the regional", MarkStatus.VERIFIED)
    assert window.isWindowModified()
    asked = answer_save_path(monkeypatch, window, tmp_path / "review")

    save_with_keys(qtbot, window)

    saved = tmp_path / f"review{SESSION_SUFFIX}"
    assert asked == [str(tmp_path / "review")]
    assert saved.is_file(), "the .compareapp suffix is added"
    assert not (tmp_path / "review").exists()
    session = load_session(saved)
    assert session.marks == tuple(window.review)
    assert len(session.marks) == 3
    assert session.marks[0].note == NOTE
    assert [mark.id for mark in session.marks[:2]] == [mark.id for mark in disputed]
    documents = window.comparison_view.result.documents
    assert [(s.id, s.name, s.sha256) for s in session.sources] == [
        (d.source_id, d.name, d.sha256) for d in documents
    ]
    assert session.base == 0
    assert window.sessions.session_path == str(saved)
    assert not window.isWindowModified()
    assert window.windowTitle().startswith(
        f"review{SESSION_SUFFIX} (wire-report.txt ↔ outlet-rewrite.txt)"
    )
    assert f"Saved {saved}" in window.statusBar().currentMessage()

    # A later change is saved to the same file without asking again.
    window.review.set_status(disputed[0].id, MarkStatus.VERIFIED)
    assert window.isWindowModified()
    save_with_keys(qtbot, window)
    assert len(asked) == 1
    assert load_session(saved).marks[0].status is MarkStatus.VERIFIED
    assert not window.isWindowModified()


def test_save_as_asks_for_a_new_file(qtbot, sample: MainWindow, tmp_path: Path, monkeypatch):
    window = sample
    mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    first = tmp_path / f"first{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, window, first)
    save_with_keys(qtbot, window)
    assert first.is_file()
    before = first.read_bytes()

    mark_text(qtbot, window, "Mill Lane, the regional", MarkStatus.DISPUTED)
    second = tmp_path / f"second{SESSION_SUFFIX}"  # the suffix is not doubled
    answer_save_path(monkeypatch, window, second)
    press(qtbot, window, Qt.Key.Key_S)  # Ctrl+Shift+S

    assert len(load_session(second).marks) == 2
    assert first.read_bytes() == before
    assert window.sessions.session_path == str(second)
    assert window.windowTitle().startswith(f"second{SESSION_SUFFIX} (")


def test_cancelling_the_save_dialog_saves_nothing(
    qtbot, sample: MainWindow, tmp_path: Path, monkeypatch
):
    window = sample
    mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    monkeypatch.setattr(window.sessions, "ask_save_path", lambda: "")

    save_with_keys(qtbot, window)

    assert window.sessions.session_path is None
    assert window.isWindowModified()
    assert list(tmp_path.glob(f"**/*{SESSION_SUFFIX}")) == []


def test_a_saved_session_reopens_in_a_new_window(
    qtbot, articles: MainWindow, tmp_path: Path, monkeypatch
):
    window = articles
    qtbot.mouseClick(window.comparison_view.panes[OUTLET].base_button, Qt.MouseButton.LeftButton)
    wait_for_comparison(qtbot, window)
    assert window.base == OUTLET
    window.comparison_view.current_document = WIRE
    window.actions_by_name["with_counterparts"].trigger()
    marks = mark_text(qtbot, window, "1,200", MarkStatus.DISPUTED)
    type_note(qtbot, window, NOTE)
    marks = [window.review.marks.get(mark.id) for mark in marks]
    saved = tmp_path / f"review{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, window, saved)
    save_with_keys(qtbot, window)
    window.close()  # a session open in a window is not opened twice (issue 23)

    reopened = second_window(qtbot)
    reopened.files.open_paths([str(saved)])
    wait_for_comparison(qtbot, reopened)

    assert list(reopened.review) == marks
    assert reopened.base == OUTLET
    assert reopened.comparison_view.model.base == OUTLET
    assert reopened.comparison_view.panes[OUTLET].base_button.isChecked()
    documents = reopened.comparison_view.result.documents
    assert [d.path for d in documents] == [str(path) for path in window_paths(window)]
    assert [d.source_id for d in documents] == [mark.source for mark in marks]
    for document, mark in enumerate(marks):
        assert list(shown(reopened, document)) == [mark.id]
        assert (
            shown(reopened, document)[mark.id].start
            == view_range(reopened, document, mark.anchor.start, mark.anchor.end)[0]
        )
    assert row_ids(reopened) == [mark.id for mark in marks]
    assert row_of(reopened, marks[0].id).text(3) == NOTE
    assert reopened.sessions.session_path == str(saved)
    assert reopened.windowTitle().startswith(f"review{SESSION_SUFFIX} (")
    assert not reopened.isWindowModified()
    assert not reopened.offer_bar.isVisible()

    # Undo has nothing to take back in a freshly opened session.
    assert not reopened.actions_by_name["undo"].isEnabled()


def test_opening_a_session_with_the_shortcut(
    qtbot, sample: MainWindow, tmp_path: Path, monkeypatch
):
    window = sample
    [mark] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    saved = tmp_path / f"review{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, window, saved)
    save_with_keys(qtbot, window)
    window.close()  # a session open in a window is not opened twice (issue 23)
    other = second_window(qtbot)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(saved), ""))

    press(qtbot, other, Qt.Key.Key_O)  # Ctrl+Shift+O
    wait_for_comparison(qtbot, other)

    assert list(other.review) == [window.review.marks.get(mark.id)]
    assert list(shown(other, WIRE)) == [mark.id]
