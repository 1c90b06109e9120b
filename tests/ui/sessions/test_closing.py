"""Closing a window with unsaved marks asks first; Cancel keeps it, Discard closes it, Save
saves then closes."""

from __future__ import annotations

from pathlib import Path

import pytest

from compareapp.core.review.marks import MarkStatus
from compareapp.core.review.session import SESSION_SUFFIX
from compareapp.core.review.session_file import load_session
from compareapp.ui.main_window import MainWindow
from tests.helpers import (
    answer_save_path,
    mark_text,
)
from tests.ui.sessions.helpers import Choice, answer_save_changes


def test_closing_without_unsaved_marks_does_not_ask(qtbot, sample: MainWindow, monkeypatch):
    asked = answer_save_changes(monkeypatch, sample, Choice.Cancel)
    assert sample.close()
    assert asked == []
    assert not sample.isVisible()


def test_closing_with_unsaved_marks_cancel_keeps_the_window(qtbot, sample: MainWindow, monkeypatch):
    window = sample
    mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    asked = answer_save_changes(monkeypatch, window, Choice.Cancel)

    assert not window.close()

    assert asked == [Choice.Cancel]
    assert window.isVisible()
    assert len(window.review) == 1
    assert window.isWindowModified()


def test_closing_with_unsaved_marks_discard_closes(
    qtbot, sample: MainWindow, tmp_path: Path, monkeypatch
):
    window = sample
    mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    assert window.autosave.save_now()
    assert window.autosave.path.exists()
    asked = answer_save_changes(monkeypatch, window, Choice.Discard)
    monkeypatch.setattr(window.sessions, "ask_save_path", lambda: pytest.fail("must not save"))

    assert window.close()

    assert asked == [Choice.Discard]
    assert not window.isVisible()
    assert not window.autosave.path.exists(), "a deliberate discard leaves nothing to recover"
    assert list(tmp_path.glob(f"**/*{SESSION_SUFFIX}")) == []


def test_closing_with_unsaved_marks_save_saves_then_closes(
    qtbot, sample: MainWindow, tmp_path: Path, monkeypatch
):
    window = sample
    [mark] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    asked = answer_save_changes(monkeypatch, window, Choice.Save)
    saved = tmp_path / "closing"
    answer_save_path(monkeypatch, window, saved)

    assert window.close()

    assert asked == [Choice.Save]
    assert not window.isVisible()
    assert [m.id for m in load_session(f"{saved}{SESSION_SUFFIX}").marks] == [mark.id]


def test_closing_with_unsaved_marks_save_then_cancelled_dialog_keeps_the_window(
    qtbot, sample: MainWindow, monkeypatch
):
    window = sample
    mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    answer_save_changes(monkeypatch, window, Choice.Save)
    monkeypatch.setattr(window.sessions, "ask_save_path", lambda: "")

    assert not window.close()
    assert window.isVisible()
    assert window.isWindowModified()
