"""``compareapp FILE FILE`` after a crash, started as the command starts it: the window
paints its frame first and builds the rest after it (tests/test_startup_imports.py), and
still compares the files, remembers them, offers the crashed run's unsaved work and
listens for the files of later launches."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from compareapp.core.review.marks import MarkStatus
from compareapp.resources import sample_paths
from tests.helpers import crash, mark_text, second_window, wait_for_comparison

ROOT = Path(__file__).resolve().parents[2]
CHILD_TIMEOUT_S = 60
DRIVER = r"""
import json, os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from compareapp.ui import main_window, settings

def ready(window):
    panes = window.comparison_view.panes
    return (
        window.jobs.task is None
        and len(panes) == 2
        and all(pane.view.paragraph_extents() for pane in panes)
        and window.offer_bar.isVisible()
    )

def watch(window, deadline):
    waiting = window.body_state != "built" or not ready(window)
    if waiting and time.monotonic() < deadline:
        QTimer.singleShot(20, lambda: watch(window, deadline))
        return
    from compareapp.ui.instance_server import InstanceServer

    servers = QApplication.instance().findChildren(InstanceServer)
    print(json.dumps({
        "ready": not waiting,
        "documents": [document.path for document in window.documents],
        "offer": window.offer_bar.text(),
        "recent": settings.recent_files(),
        "listening": [server.server.isListening() for server in servers],
    }), flush=True)
    os._exit(0)

open_window = main_window.open_window

def watched(*arguments, **keywords):
    window = open_window(*arguments, **keywords)
    watch(window, time.monotonic() + 30)  # then reports what it shows
    return window

main_window.open_window = watched
from compareapp.cli import main
main(sys.argv[1:])
"""
"""Runs the ``compareapp`` command and prints what its window shows once the comparison
is laid out and the recovery offered."""


@pytest.fixture
def crashed_run(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unsaved work (a mark on the sample) left in ``tmp_path`` by a run that crashed."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    window = second_window(qtbot)
    window.files.open_sample()
    wait_for_comparison(qtbot, window)
    mark_text(qtbot, window, "1,200 households", MarkStatus.DISPUTED)
    assert window.autosave.save_now()
    crash(window)


@pytest.mark.usefixtures("crashed_run")
def test_the_command_opens_its_files_and_offers_the_crashed_work(tmp_path: Path) -> None:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "COMPAREAPP_INSTANCE_NAME": f"compareapp-test-{uuid.uuid4().hex[:10]}",
    }
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, *sample_paths()],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        cwd=ROOT,
        env=environment,
        check=True,
    )
    shown = json.loads(done.stdout.splitlines()[-1])

    assert shown["ready"], shown
    assert shown["documents"] == sample_paths()
    assert "did not close properly" in shown["offer"]
    assert shown["recent"] == sample_paths()
    assert shown["listening"] == [True], "later launches hand their files to this one"
