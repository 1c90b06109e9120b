"""Crash safety of the real app: killed (SIGKILL) at random moments while it starts,
recovers a crashed run's work, marks, autosaves and saves, it never leaves a session file
or an autosaved copy that does not load, and never loses a mark it had acknowledged
(written by a save or an autosave that returned).

The app has no remote control, so each run is the app's own start-up
(``compareapp.ui.app.run_window``, as the ``compareapp`` command runs it) with a driver on
a timer that does what a reviewer does: click *Recover* when the start-up offers it,
select a few words in a pane and mark them, press Save (the Save dialog answers the
session's path) and let the autosave copy the work. After each save or autosave that
returned, the driver prints ``ACK`` and the ids it covered.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from compareapp.core.review.marks import MarkStatus
from compareapp.core.review.session import SESSION_SUFFIX, Session
from compareapp.core.review.session_file import load_session
from compareapp.resources import sample_paths
from compareapp.ui.main_window import MainWindow
from tests.helpers import about_to_crash, crash, mark_text, second_window, wait_for_comparison

ROOT = Path(__file__).resolve().parents[2]
SEED = 20260311
RUNS = 20
BUDGET_S = 70
"""Killed runs stop when this much time has gone; the last, clean run follows."""
STARTING_S = (0.0, 1.5)
"""A run killed while starting dies this long after it was launched (Python and Qt
starting, the offer to recover, the recovery, the documents loading)…"""
WORKING_S = (0.0, 1.5)
"""…and a run killed while working, this long after it was ready (marking, saving and
autosaving every few milliseconds)."""
CHILD_TIMEOUT_S = 60

DRIVER = r"""
import random, re, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from compareapp.core.review.marks import MarkStatus
from compareapp.ui import windows
from compareapp.ui.app import run_window

session_path, seed, finish, *articles = sys.argv[1:]
rng = random.Random(int(seed))
application = QApplication(sys.argv[:1])
state = {"window": None, "ticks": 0, "acked": set()}


def say(*words):
    print(*words, flush=True)


def laid_out(window):
    view = window.comparison_view
    return (
        window.jobs.task is None
        and window.stack.currentWidget() is view
        and view.result is not None
        and all(
            0 < len(pane.view.paragraph_extents()) == pane.view.document().blockCount()
            for pane in view.panes
        )
    )


def acknowledge(what):
    new = [mark.id for mark in state["window"].review if mark.id not in state["acked"]]
    state["acked"].update(new)
    say("ACK", what, *new)


def start():
    [window] = windows.all_windows()
    if not window.first_paint.painted:  # the offer to recover comes with the first paint
        QTimer.singleShot(5, start)
        return
    state["window"] = window
    window.sessions.ask_save_path = lambda: session_path  # what the Save dialog answers
    if window.offer_bar.isVisible():
        say("RECOVER")
        window.offer_bar.button("Recover").click()
    poll.start()


def wait():
    window = state["window"]
    if window.message_bar.text():
        say("ERROR", window.message_bar.text())
        sys.exit(3)
    if laid_out(window):
        poll.stop()
        say("READY", len(window.review))
        if finish == "finish":
            saved = window.sessions.save()
            acknowledge("saved")
            say("DONE" if saved else "NOT SAVED")
            application.exit(0 if saved else 4)
            return
        ticker.start()


def tick():
    window = state["window"]
    view = window.comparison_view
    document = rng.randrange(len(view.panes))
    text = view.result.documents[document].text
    words = [m.span() for m in re.finditer(r"\w+", text)]
    first = rng.randrange(len(words))
    last = min(len(words) - 1, first + rng.randrange(4))
    display = view.model_displays[document]
    view.current_document = document
    view.panes[document].view.select_range(
        display.position(words[first][0]), display.position(words[last][1])
    )
    window.marking.mark_selection(rng.choice(list(MarkStatus)), False)
    state["ticks"] += 1
    if state["ticks"] % 6 == 0:
        if window.sessions.save():
            acknowledge("saved")
    elif state["ticks"] % 6 == 3:
        if window.autosave.save_now():
            acknowledge("autosaved")


poll = QTimer(interval=10)
poll.timeout.connect(wait)
ticker = QTimer(interval=2)
ticker.timeout.connect(tick)
QTimer.singleShot(0, start)
sys.exit(run_window(articles if finish == "new" else [session_path], new_instance=True))
"""


def _environment(home: Path) -> dict[str, str]:
    """The app's settings, autosaves and socket in ``home``, drawn off screen."""
    folders = {
        "HOME": home,
        "XDG_CONFIG_HOME": home / "config",
        "XDG_DATA_HOME": home / "data",
        "XDG_CACHE_HOME": home / "cache",
        "XDG_RUNTIME_DIR": home / "runtime",
    }
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    folders["XDG_RUNTIME_DIR"].chmod(0o700)
    return {
        **os.environ,
        **{name: str(folder) for name, folder in folders.items()},
        "QT_QPA_PLATFORM": "offscreen",
        "COMPAREAPP_INSTANCE_NAME": f"compareapp-crash-test-{os.getpid()}",
    }


def _start(
    env: dict[str, str], session: Path, seed: int, mode: str, articles: list[Path], log: Path
) -> subprocess.Popen[str]:
    with log.open("a", encoding="utf-8") as stderr:
        return subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(session), str(seed), mode, *map(str, articles)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )


def _until_ready(stdout: IO[str]) -> list[str]:
    """The lines the driver prints up to READY (it prints ERROR instead if it cannot
    get there; a hung one is killed by the watchdog, which ends the output)."""
    lines = []
    for line in stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith(("READY", "ERROR")):
            break
    return lines


def _ids(session: Session) -> set[str]:
    return {mark.id for mark in session.marks}


def _what_is_on_disk(session: Path, autosaves: Path) -> set[str]:
    """The marks of the session file and of every autosaved copy, each of which must
    load (``load_session`` raises SessionError for a damaged one, failing the test)."""
    found: set[str] = set()
    if session.exists():
        found |= _ids(load_session(session))
    for copy in sorted(autosaves.glob(f"*{SESSION_SUFFIX}")):
        found |= _ids(load_session(copy))
    return found


@pytest.mark.slow
def test_killed_at_random_moments_the_app_keeps_every_acknowledged_mark(tmp_path: Path) -> None:
    env = _environment(tmp_path / "home")
    autosaves = tmp_path / "home" / "data" / "compareapp" / "autosave"
    folder = tmp_path / "articles"
    folder.mkdir()
    articles = [Path(shutil.copy(path, folder)) for path in sample_paths()]
    session = folder / f"review{SESSION_SUFFIX}"
    log = tmp_path / "stderr.log"
    rng = random.Random(SEED)
    acknowledged: set[str] = set()
    outcomes = {"ready": 0, "recovered": 0, "killed before ready": 0}
    history: list[str] = []
    began = time.monotonic()
    runs = 0
    while runs < RUNS and time.monotonic() - began < BUDGET_S:
        mode = "resume" if session.exists() else "new"
        working = rng.random() < 0.6
        child = _start(env, session, rng.randrange(10**6), mode, articles, log)
        assert child.stdout is not None
        watchdog = threading.Timer(CHILD_TIMEOUT_S, child.kill)
        watchdog.start()
        try:
            early = _until_ready(child.stdout) if working else []
            time.sleep(rng.uniform(*(WORKING_S if working else STARTING_S)))
            child.send_signal(signal.SIGKILL)
            output, _ = child.communicate(timeout=CHILD_TIMEOUT_S)
        finally:
            watchdog.cancel()
            child.kill()
            child.wait(timeout=CHILD_TIMEOUT_S)
        runs += 1
        lines = early + output.splitlines()
        history.append(f"run {runs} ({mode}): " + " ".join(line.split()[0] for line in lines))
        assert child.returncode == -signal.SIGKILL, f"the run ended by itself: {lines}"
        assert not [line for line in lines if line.startswith("ERROR")], lines
        outcomes["recovered"] += "RECOVER" in lines
        ready = any(line.startswith("READY") for line in lines)
        assert ready or not working, f"never ready: {lines}"
        outcomes["ready" if ready else "killed before ready"] += 1
        for line in lines:
            if line.startswith("ACK "):
                acknowledged.update(line.split()[2:])
        on_disk = _what_is_on_disk(session, autosaves)
        lost = acknowledged - on_disk
        assert not lost, f"lost {len(lost)} acknowledged mark(s); " + "\n".join(history)

    # The next start recovers what the last killed run left, and saves it all.
    child = _start(env, session, 0, "finish", articles, log)
    output, _ = child.communicate(timeout=CHILD_TIMEOUT_S)
    assert child.returncode == 0, (output, log.read_text(encoding="utf-8")[-3000:])
    assert "DONE" in output.splitlines()
    assert acknowledged <= _ids(load_session(session))

    # Not vacuous: many marks were acknowledged, kills landed both while the app was
    # starting and while it was marking and saving, and crashed work was recovered. (How
    # often a recovery falls between two kills depends on how long start-up takes; once
    # is enough to show it, and the tests below take each found moment one at a time.)
    assert runs >= 10, outcomes
    assert len(acknowledged) >= 100, (len(acknowledged), outcomes)
    assert outcomes["ready"] >= 5 and outcomes["killed before ready"] >= 1, outcomes
    assert outcomes["recovered"] >= 1, outcomes


# The two moments the random kills found (or could find), taken one at a time -----------


@pytest.fixture
def crashed(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A window on the sample with a mark, as a run that is about to crash; its settings
    and autosaves in ``tmp_path``."""
    return about_to_crash(qtbot, tmp_path, monkeypatch)


def test_recovered_work_stays_on_disk_until_the_new_run_has_copied_it(
    qtbot: QtBot, crashed: MainWindow
) -> None:
    """Found by the random kills: the crashed run's copy was removed at Recover, and the
    new run copied the work only two seconds later; a crash in between lost it."""
    assert crashed.autosave.save_now()
    crash(crashed)
    window = second_window(qtbot)
    recovery = window.sessions.offer_recovery()
    assert recovery is not None

    qtbot.mouseClick(window.offer_bar.button("Recover"), Qt.MouseButton.LeftButton)

    assert window.autosave.path.exists(), "copied at once, before the old copy went"
    assert not recovery.path.exists()
    copied = load_session(window.autosave.path)
    assert _ids(copied) == {mark.id for mark in crashed.review}
    assert {source.name for source in copied.sources} == {
        document.name for document in crashed.documents
    }, "the sources still loading belong to the copy"
    wait_for_comparison(qtbot, window)


def test_a_copy_older_than_its_saved_session_is_not_offered(
    qtbot: QtBot, crashed: MainWindow, tmp_path: Path
) -> None:
    """A crash between writing the session file and removing the autosaved copy leaves
    a copy older than the file; recovering it would put older marks over newer ones."""
    path = tmp_path / f"review{SESSION_SUFFIX}"
    crashed.sessions.ask_save_path = lambda: str(path)  # type: ignore[method-assign]
    assert crashed.sessions.save()
    mark_text(qtbot, crashed, "Mill Lane, the regional", MarkStatus.VERIFIED)
    assert crashed.autosave.save_now()  # the copy…
    copy = crashed.autosave.path
    mark_text(qtbot, crashed, "Hollins reservoir", MarkStatus.VERIFIED)
    crashed.autosave.discard = lambda: None  # type: ignore[method-assign]
    assert crashed.sessions.save()  # …then the session file, and the crash before the copy went
    crash(crashed)
    assert len(load_session(copy).marks) == 2 and len(load_session(path).marks) == 3

    window = second_window(qtbot)

    assert window.sessions.offer_recovery() is None
    assert not copy.exists()
    assert len(load_session(path).marks) == 3
