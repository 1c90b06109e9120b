"""Session files that cannot be read, or that a newer version wrote, and a save that fails:
reported, left alone and never made the save target; the marks stay unsaved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from compareapp.core.review.marks import MarkStatus
from compareapp.core.review.session import SESSION_SUFFIX
from compareapp.core.review.session_file import dump_session, load_session
from compareapp.ui.main_window import MainWindow
from tests.helpers import (
    answer_save_path,
    mark_text,
    press,
    save_with_keys,
)
from tests.ui.sessions.helpers import Choice, answer_save_changes


def newer_session(window: MainWindow, path: Path) -> None:
    data = json.loads(dump_session(window.sessions.session_snapshot()))
    data["schema_version"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")


def damaged_session(window: MainWindow, path: Path) -> None:
    path.write_bytes(dump_session(window.sessions.session_snapshot())[:-40])


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (damaged_session, "is damaged or not a session file"),
        (newer_session, "was written by a newer compareapp (session format 99"),
    ],
    ids=["damaged", "newer"],
)
def test_a_session_that_cannot_be_read_is_reported_and_left_alone(
    qtbot, sample: MainWindow, tmp_path: Path, monkeypatch, make, reason
):
    window = sample
    [mark] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    good = tmp_path / f"good{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, window, good)
    save_with_keys(qtbot, window)
    bad = tmp_path / f"bad{SESSION_SUFFIX}"
    make(window, bad)
    bad_bytes = bad.read_bytes()
    result = window.comparison_view.result
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(bad), ""))

    press(qtbot, window, Qt.Key.Key_O)  # Ctrl+Shift+O

    assert window.jobs.task is None
    message = window.message_bar.text()
    assert str(bad) in message
    assert reason in message
    assert window.comparison_view.result is result
    assert window.stack.currentWidget() is window.comparison_view
    assert [mark.id for mark in window.review] == [mark.id]
    assert window.sessions.session_path == str(good)
    assert not window.isWindowModified()

    mark_text(qtbot, window, "Mill Lane, the regional", MarkStatus.DISPUTED)
    save_with_keys(qtbot, window)
    assert bad.read_bytes() == bad_bytes
    assert len(load_session(good).marks) == 2


def test_a_session_that_cannot_be_read_does_not_become_the_save_target(
    qtbot, sample: MainWindow, tmp_path: Path, monkeypatch
):
    window = sample
    mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    bad = tmp_path / f"bad{SESSION_SUFFIX}"
    bad.write_bytes(b"\x00\xffnot a session")
    asked = answer_save_changes(monkeypatch, window, Choice.Discard)

    window.files.open_paths([str(bad)])

    assert asked == [], "the file is read first: nothing to decide when it cannot be opened"
    assert str(bad) in window.message_bar.text()
    assert "not a session file" in window.message_bar.text()
    assert len(window.review) == 1
    target = tmp_path / "after"
    answer_save_path(monkeypatch, window, target)
    save_with_keys(qtbot, window)
    assert bad.read_bytes() == b"\x00\xffnot a session"
    assert len(load_session(f"{target}{SESSION_SUFFIX}").marks) == 1
