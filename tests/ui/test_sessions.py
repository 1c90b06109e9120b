"""Sessions: saving the comparison and its review marks, opening them again (in a new
window, after the sources changed or moved), refusing damaged files, asking before unsaved
marks are dropped, and getting unsaved work back after a crash."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from compareapp.core.review.anchors import AnchorState
from compareapp.core.review.marks import MarkStatus
from compareapp.core.review.session import SESSION_SUFFIX
from compareapp.core.review.session_file import dump_session, load_session
from compareapp.resources import sample_paths
from compareapp.ui.autosave import AFTER_CHANGE_MS, autosave_folder, find_recoveries
from compareapp.ui.main_window import MainWindow
from tests.helpers import (
    CHILD_TIMEOUT_S,
    OUTLET,
    WIRE,
    activate,
    answer_save_path,
    crash,
    mark_text,
    open_and_wait,
    press,
    row_ids,
    row_of,
    save_with_keys,
    second_window,
    shown,
    type_note,
    view_range,
    wait_for_comparison,
    wait_for_job,
)

Choice = QMessageBox.StandardButton
NOTE = "Council says 1,200; the outlet's 1,400 is unsourced."


@pytest.fixture
def copies(tmp_path: Path) -> list[Path]:
    """Copies of the sample articles that a test may edit, move or delete."""
    folder = tmp_path / "articles"
    folder.mkdir()
    return [Path(shutil.copy(path, folder)) for path in sample_paths()]


@pytest.fixture
def sample(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.files.open_sample()
    wait_for_comparison(qtbot, window)
    return activate(qtbot, window)


@pytest.fixture
def articles(qtbot: QtBot, window: MainWindow, copies: list[Path]) -> MainWindow:
    open_and_wait(qtbot, window, copies)
    return activate(qtbot, window)


def answer_save_changes(monkeypatch: pytest.MonkeyPatch, window: MainWindow, choice: Choice):
    asked: list[Choice] = []

    def ask() -> Choice:
        asked.append(choice)
        return choice

    monkeypatch.setattr(window.sessions, "ask_save_changes", ask)
    return asked


def window_paths(window: MainWindow) -> list[str]:
    return [document.path for document in window.documents]


# Saving ---------------------------------------------------------------------------------


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


# Sources that changed or moved ----------------------------------------------------------

MOVED_PASSAGE = "No deaths or serious injuries were reported."
INSERTED = "A paragraph added by the editor after the session was saved.\n\n"


def test_marks_follow_a_changed_source(
    qtbot, articles: MainWindow, copies: list[Path], tmp_path: Path, monkeypatch
):
    window = articles
    [title] = mark_text(qtbot, window, "Floodwater forces evacuations", MarkStatus.VERIFIED)
    [moving] = mark_text(qtbot, window, MOVED_PASSAGE, MarkStatus.DISPUTED)
    saved = tmp_path / f"review{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, window, saved)
    save_with_keys(qtbot, window)
    window.close()  # a session open in a window is not opened twice (issue 23)

    wire = copies[WIRE]
    text = wire.read_text(encoding="utf-8")
    wire.write_text(text.replace(MOVED_PASSAGE, INSERTED + MOVED_PASSAGE), encoding="utf-8")
    reopened = second_window(qtbot)
    reopened.sessions.open_session_file(str(saved))
    wait_for_comparison(qtbot, reopened)

    moved = reopened.review.marks.get(moving.id)
    assert moved.state is AnchorState.MOVED
    assert moved.quote == MOVED_PASSAGE
    new_text = reopened.comparison_view.result.documents[WIRE].text
    new_start = new_text.index(MOVED_PASSAGE)
    assert new_start == moving.anchor.start + len(INSERTED)
    assert (moved.anchor.start, moved.anchor.end) == (new_start, new_start + len(MOVED_PASSAGE))
    assert reopened.review.marks.get(title.id).state is AnchorState.ANCHORED
    marks_shown = shown(reopened, WIRE)
    assert set(marks_shown) == {title.id, moving.id}
    assert (marks_shown[moving.id].start, marks_shown[moving.id].end) == view_range(
        reopened, WIRE, moved.anchor.start, moved.anchor.end
    )
    offer = reopened.offer_bar.text()
    assert "wire-report.txt changed" in offer
    assert "1 anchored, 1 moved" in offer
    assert row_of(reopened, moving.id).text(6) == "moved"
    assert reopened.isWindowModified(), "the re-anchored marks are not saved yet"

    # The marked passage is deleted: after F5 its mark is orphaned, listed but not shown.
    wire.write_text(new_text.replace(MOVED_PASSAGE, ""), encoding="utf-8")
    press(qtbot, reopened, Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier)
    wait_for_comparison(qtbot, reopened)

    orphan = reopened.review.marks.get(moving.id)
    assert orphan.state is AnchorState.ORPHANED
    assert orphan.quote == MOVED_PASSAGE
    assert list(shown(reopened, WIRE)) == [title.id]
    assert row_ids(reopened) == [title.id, moving.id]
    assert row_of(reopened, moving.id).text(6) == "orphaned: passage not found"
    assert "1 orphaned" in reopened.offer_bar.text()

    # Clicking its row says why it is not shown.
    reopened.review_panel.mark_activated.emit(moving.id)
    assert "its passage was not found" in reopened.statusBar().currentMessage()

    # Saved, the session remembers the orphan with its quote.
    answer_save_path(monkeypatch, reopened, saved)
    save_with_keys(qtbot, reopened)
    states = {mark.id: mark.state for mark in load_session(saved).marks}
    assert states == {title.id: AnchorState.ANCHORED, moving.id: AnchorState.ORPHANED}
    assert not reopened.isWindowModified()


def test_a_missing_source_can_be_located(
    qtbot, articles: MainWindow, copies: list[Path], tmp_path: Path, monkeypatch
):
    window = articles
    window.actions_by_name["with_counterparts"].trigger()
    marks = mark_text(qtbot, window, "1,200", MarkStatus.DISPUTED)
    saved = tmp_path / f"review{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, window, saved)
    save_with_keys(qtbot, window)
    window.close()  # a session open in a window is not opened twice (issue 23)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    moved = Path(shutil.move(copies[OUTLET], elsewhere / copies[OUTLET].name))

    reopened = second_window(qtbot)
    reopened.sessions.open_session_file(str(saved))
    wait_for_job(qtbot, reopened)

    offer = reopened.offer_bar.text()
    assert f"Not found: outlet-rewrite.txt ({copies[OUTLET]})" in offer
    assert "wire-report.txt" not in offer
    locate = reopened.offer_bar.button("Locate outlet-rewrite.txt…")
    assert locate.isVisible()
    assert reopened.stack.currentWidget() is reopened.start_view
    assert row_ids(reopened) == [mark.id for mark in marks], "the marks are kept"
    assert row_of(reopened, marks[1].id).text(1) == "outlet-rewrite.txt"
    asked: list[tuple] = []

    def choose(*args, **kwargs):
        asked.append(args)
        return str(moved), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    qtbot.mouseClick(locate, Qt.MouseButton.LeftButton)
    wait_for_comparison(qtbot, reopened)

    assert len(asked) == 1
    documents = reopened.comparison_view.result.documents
    assert [d.name for d in documents] == ["wire-report.txt", "outlet-rewrite.txt"]
    assert documents[OUTLET].path == str(moved)
    assert [d.source_id for d in documents] == [mark.source for mark in marks]
    assert list(shown(reopened, WIRE)) == [marks[0].id]
    assert list(shown(reopened, OUTLET)) == [marks[1].id]
    assert not reopened.offer_bar.isVisible()

    # Saved again, the session knows where the source is now.
    save_with_keys(qtbot, reopened)
    assert [source.path for source in load_session(saved).sources] == [
        str(copies[WIRE]),
        str(moved),
    ]


def test_a_located_base_source_is_the_base_again(
    qtbot, articles: MainWindow, copies: list[Path], tmp_path: Path, monkeypatch
):
    window = articles
    assert window.base == WIRE
    mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    saved = tmp_path / f"review{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, window, saved)
    save_with_keys(qtbot, window)
    window.close()  # a session open in a window is not opened twice (issue 23)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    moved = Path(shutil.move(copies[WIRE], elsewhere / copies[WIRE].name))
    reopened = second_window(qtbot)
    reopened.sessions.open_session_file(str(saved))
    wait_for_job(qtbot, reopened)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(moved), ""))

    qtbot.mouseClick(
        reopened.offer_bar.button("Locate wire-report.txt…"), Qt.MouseButton.LeftButton
    )
    wait_for_comparison(qtbot, reopened)

    documents = reopened.comparison_view.result.documents
    assert len(documents) == 2
    assert documents[reopened.comparison_view.model.base].name == "wire-report.txt"
    assert [d.name for d in documents] == ["wire-report.txt", "outlet-rewrite.txt"]


def test_a_folder_moved_with_its_articles_still_opens(
    qtbot, articles: MainWindow, copies: list[Path], tmp_path: Path, monkeypatch
):
    window = articles
    [mark] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    folder = copies[0].parent
    answer_save_path(monkeypatch, window, folder / "review")
    save_with_keys(qtbot, window)
    moved = Path(shutil.move(folder, tmp_path / "archive"))
    assert not folder.exists()

    reopened = second_window(qtbot)
    reopened.sessions.open_session_file(str(moved / f"review{SESSION_SUFFIX}"))
    wait_for_comparison(qtbot, reopened)

    assert [d.path for d in reopened.documents] == [str(moved / p.name) for p in copies]
    assert list(shown(reopened, WIRE)) == [mark.id]
    assert not reopened.offer_bar.isVisible()


def test_a_failed_save_is_reported_and_the_marks_stay_unsaved(
    qtbot, sample: MainWindow, tmp_path: Path, monkeypatch
):
    window = sample
    mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    target = tmp_path / "no such folder" / "review"
    answer_save_path(monkeypatch, window, target)

    save_with_keys(qtbot, window)

    assert f"Cannot save {target}{SESSION_SUFFIX}" in window.message_bar.text()
    assert window.sessions.session_path is None
    assert window.isWindowModified()


# Damaged and newer session files --------------------------------------------------------


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


# Closing with unsaved marks -------------------------------------------------------------


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


# Autosave and recovery ------------------------------------------------------------------


def test_unsaved_marks_are_autosaved_shortly_after_a_change(
    qtbot, sample: MainWindow, tmp_path: Path, monkeypatch
):
    window = sample
    path = window.autosave.path
    assert path.parent == autosave_folder()
    assert str(tmp_path) in str(path), "under the test's XDG_DATA_HOME"
    assert not path.exists()

    [mark] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    assert not path.exists(), "not at once: a moment after the change"
    qtbot.waitUntil(path.exists, timeout=AFTER_CHANGE_MS + 3000)

    assert [m.id for m in load_session(path).marks] == [mark.id]
    info = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert info["pid"] == os.getpid()
    assert info["session_path"] is None

    # Saving the session makes the copy unnecessary.
    answer_save_path(monkeypatch, window, tmp_path / "review")
    save_with_keys(qtbot, window)
    assert not path.exists()
    assert not path.with_suffix(".json").exists()

    # The next change is copied again, now naming the session file.
    status_box = window.review_panel.status_box
    status_box.setFocus()
    qtbot.keyClick(status_box, Qt.Key.Key_Down)
    assert window.review.marks.get(mark.id).status is MarkStatus.DISPUTED
    qtbot.waitUntil(path.exists, timeout=AFTER_CHANGE_MS + 3000)
    info = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert info["session_path"] == str(tmp_path / f"review{SESSION_SUFFIX}")
    assert load_session(path).marks[0].status is MarkStatus.DISPUTED

    # Undone back to the saved state: nothing unsaved, the copy goes.
    window.actions_by_name["undo"].trigger()
    assert not window.isWindowModified()
    qtbot.waitUntil(lambda: not path.exists(), timeout=AFTER_CHANGE_MS + 3000)


def test_a_crashed_runs_work_is_offered_and_recovered(
    qtbot, sample: MainWindow, tmp_path: Path, monkeypatch
):
    crashed = sample
    crashed.actions_by_name["with_counterparts"].trigger()
    marks = mark_text(qtbot, crashed, "1,200", MarkStatus.DISPUTED)
    type_note(qtbot, crashed, NOTE)
    marks = [crashed.review.marks.get(mark.id) for mark in marks]
    assert crashed.autosave.save_now()
    crash(crashed)

    window = second_window(qtbot)
    recovery = window.sessions.offer_recovery()

    assert recovery is not None
    assert recovery.path == crashed.autosave.path
    assert recovery.session_path is None
    assert "did not close properly" in window.offer_bar.text()
    qtbot.mouseClick(window.offer_bar.button("Recover"), Qt.MouseButton.LeftButton)
    wait_for_comparison(qtbot, window)

    assert list(window.review) == marks
    assert window.review.marks.get(marks[0].id).note == NOTE
    assert list(shown(window, WIRE)) == [marks[0].id]
    assert list(shown(window, OUTLET)) == [marks[1].id]
    assert window.isWindowModified(), "recovered work is unsaved work"
    assert window.windowTitle().endswith("[*] — compareapp")
    assert window.sessions.session_path is None
    assert not recovery.path.exists()
    assert not recovery.path.with_suffix(".json").exists()
    assert find_recoveries() == []
    assert not window.offer_bar.isVisible()

    # The recovered work is itself copied, so a second crash does not lose it.
    qtbot.waitUntil(window.autosave.path.exists, timeout=AFTER_CHANGE_MS + 3000)


def test_recovered_work_belongs_to_its_session_file(
    qtbot, sample: MainWindow, tmp_path: Path, monkeypatch
):
    crashed = sample
    [mark] = mark_text(qtbot, crashed, "1,200 households", MarkStatus.VERIFIED)
    saved = tmp_path / f"review{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, crashed, saved)
    save_with_keys(qtbot, crashed)
    crashed.review.set_status(mark.id, MarkStatus.DISPUTED)
    assert crashed.autosave.save_now()
    crash(crashed)

    window = second_window(qtbot)
    assert window.sessions.offer_recovery() is not None
    qtbot.mouseClick(window.offer_bar.button("Recover"), Qt.MouseButton.LeftButton)
    wait_for_comparison(qtbot, window)

    assert window.review.marks.get(mark.id).status is MarkStatus.DISPUTED
    assert window.sessions.session_path == str(saved)
    assert window.windowTitle().startswith(f"review{SESSION_SUFFIX} (")
    assert window.isWindowModified()
    assert load_session(saved).marks[0].status is MarkStatus.VERIFIED, "not saved yet"
    monkeypatch.setattr(
        window.sessions, "ask_save_path", lambda: pytest.fail("saves to its session")
    )
    save_with_keys(qtbot, window)
    assert load_session(saved).marks[0].status is MarkStatus.DISPUTED


def test_recovering_asks_before_dropping_unsaved_marks(qtbot, sample: MainWindow, monkeypatch):
    crashed = sample
    mark_text(qtbot, crashed, "1,200 households", MarkStatus.VERIFIED)
    assert crashed.autosave.save_now()
    crash(crashed)
    window = second_window(qtbot)
    assert window.sessions.offer_recovery() is not None
    window.files.open_sample()  # the offer waits; the user starts working meanwhile
    wait_for_comparison(qtbot, window)
    window.comparison_view.current_document = WIRE
    [mine] = mark_text(qtbot, window, "Mill Lane, the regional", MarkStatus.DISPUTED)
    asked = answer_save_changes(monkeypatch, window, Choice.Cancel)

    qtbot.mouseClick(window.offer_bar.button("Recover"), Qt.MouseButton.LeftButton)
    wait_for_job(qtbot, window)

    assert asked == [Choice.Cancel]
    assert [mark.id for mark in window.review] == [mine.id], "cancelled: nothing replaced"


def test_discarding_a_crashed_runs_work_removes_it(qtbot, sample: MainWindow):
    crashed = sample
    mark_text(qtbot, crashed, "1,200 households", MarkStatus.VERIFIED)
    assert crashed.autosave.save_now()
    crash(crashed)
    path = crashed.autosave.path

    window = second_window(qtbot)
    assert window.sessions.offer_recovery() is not None
    qtbot.mouseClick(window.offer_bar.button("Discard"), Qt.MouseButton.LeftButton)

    assert not path.exists()
    assert not path.with_suffix(".json").exists()
    assert list(window.review) == []
    assert window.stack.currentWidget() is window.start_view
    assert not window.offer_bar.isVisible()
    assert window.sessions.offer_recovery() is None


def test_work_of_a_run_still_running_is_not_offered(qtbot, sample: MainWindow):
    crashed = sample
    mark_text(qtbot, crashed, "1,200 households", MarkStatus.VERIFIED)
    assert crashed.autosave.save_now()
    sidecar = crashed.autosave.path.with_suffix(".json")
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        info = json.loads(sidecar.read_text(encoding="utf-8"))
        info["pid"] = running.pid
        sidecar.write_text(json.dumps(info), encoding="utf-8")

        window = second_window(qtbot)
        assert window.sessions.offer_recovery() is None
        assert not window.offer_bar.isVisible()
    finally:
        running.kill()
        running.wait(timeout=CHILD_TIMEOUT_S)
    assert window.sessions.offer_recovery() is not None, "once it has ended, its work is offered"


CRASHING_RUN = """\
import os, sys, time
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
from compareapp.core.review.marks import MarkStatus
from compareapp.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
window = MainWindow()
window.resize(1400, 900)
window.show()
window.files.open_sample()
view = window.comparison_view
deadline = time.monotonic() + 30
while not (
    window.jobs.task is None
    and window.stack.currentWidget() is view
    and all(
        0 < len(pane.view.paragraph_extents()) == pane.view.document().blockCount()
        for pane in view.panes
    )
):
    if time.monotonic() > deadline:
        sys.exit(3)
    app.processEvents()
    time.sleep(0.01)
text = view.result.documents[0].text
start = text.index("1,200 households")
display = view.model_displays[0]
view.panes[0].view.select_range(display.position(start), display.position(start + 16))
[mark] = window.marking.mark_selection(MarkStatus.DISPUTED)
QTest.keyClicks(window.review_panel.note_edit, sys.argv[1])
window.review_panel.commit_note()
assert window.review.marks.get(mark.id).note == sys.argv[1]
assert window.autosave.save_now()
print(mark.id, window.autosave.path, flush=True)
os._exit(1)
"""


def test_a_real_crash_is_recovered_at_the_next_start(qtbot, window: MainWindow, tmp_path: Path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    assert env["XDG_DATA_HOME"] == str(tmp_path / "data")
    child = subprocess.run(
        [sys.executable, "-c", CRASHING_RUN, NOTE],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    assert child.returncode == 1, child.stderr
    mark_id, path = child.stdout.split()
    assert Path(path).exists(), "the crash left its copy behind"
    assert Path(path).parent == autosave_folder()

    recovery = window.sessions.offer_recovery()

    assert recovery is not None and str(recovery.path) == path
    assert "did not close properly" in window.offer_bar.text()
    qtbot.mouseClick(window.offer_bar.button("Recover"), Qt.MouseButton.LeftButton)
    wait_for_comparison(qtbot, window)
    [mark] = list(window.review)
    assert mark.id == mark_id
    assert mark.quote == "1,200 households"
    assert mark.status is MarkStatus.DISPUTED
    assert mark.note == NOTE
    assert list(shown(window, WIRE)) == [mark_id]
    assert window.isWindowModified()
    assert not Path(path).exists()
