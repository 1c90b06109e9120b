"""Unsaved marks are autosaved shortly after a change, and a crashed run's work is offered
and recovered at the next start (also after a real crash)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from compareapp.core.review.marks import MarkStatus
from compareapp.core.review.session import SESSION_SUFFIX
from compareapp.core.review.session_file import load_session
from compareapp.ui.autosave import AFTER_CHANGE_MS, autosave_folder, find_recoveries
from compareapp.ui.main_window import MainWindow
from tests.helpers import (
    CHILD_TIMEOUT_S,
    OUTLET,
    WIRE,
    answer_save_path,
    crash,
    mark_text,
    save_with_keys,
    second_window,
    shown,
    type_note,
    wait_for_comparison,
    wait_for_job,
)
from tests.ui.sessions.helpers import NOTE, Choice, answer_save_changes


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
