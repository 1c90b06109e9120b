"""``compareapp FILE FILE`` after a crash, started as the command starts it: the window
paints its frame first and builds the rest after it (tests/test_startup_imports.py), and
still compares the files, remembers them, offers the crashed run's unsaved work and
listens for the files of later launches."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from compareapp.resources import sample_paths
from tests.helpers import about_to_crash, crash
from tests.helpers.command import driver_report

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
    window = about_to_crash(qtbot, tmp_path, monkeypatch)
    assert window.autosave.save_now()
    crash(window)


@pytest.mark.usefixtures("crashed_run")
def test_the_command_opens_its_files_and_offers_the_crashed_work(tmp_path: Path) -> None:
    shown = driver_report(DRIVER, *sample_paths())

    assert shown["ready"], shown
    assert shown["documents"] == sample_paths()
    assert "did not close properly" in shown["offer"]
    assert shown["recent"] == sample_paths()
    assert shown["listening"] == [True], "later launches hand their files to this one"
