"""One instance per user: later launches hand their files over, a crashed instance's
socket does not block the next start, and every window is in the Window menu."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from compareapp.resources import sample_paths
from compareapp.ui import windows
from compareapp.ui.app import INSTANCE_NAME_VARIABLE
from compareapp.ui.instance_server import InstanceServer
from compareapp.ui.main_window import MainWindow, open_window
from compareapp.ui.single_instance import hand_over
from tests.helpers import wait_for_comparison

COMMAND = shutil.which("compareapp", path=str(Path(sys.executable).parent))


@pytest.fixture
def name() -> str:
    return f"compareapp-test-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def server(name: str) -> Iterator[InstanceServer]:
    instance = InstanceServer(name)
    assert instance.listen()
    yield instance
    instance.close()


@pytest.fixture(autouse=True)
def close_windows() -> Iterator[None]:
    yield
    for window in windows.all_windows():
        window.review.mark_saved()
        window.close()


def launch(name: str, tmp_path: Path, *args: str) -> subprocess.Popen[bytes]:
    assert COMMAND, "compareapp is not installed next to this Python"
    environment = {
        **os.environ,
        INSTANCE_NAME_VARIABLE: name,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    with open(tmp_path / "launch.log", "a") as log:  # the child keeps its own copy
        return subprocess.Popen([COMMAND, *args], env=environment, stdout=log, stderr=log)


def test_a_second_launch_hands_its_files_over_and_exits(
    qtbot: QtBot, server: InstanceServer, name: str, tmp_path: Path
) -> None:
    server.files_received.connect(lambda files: open_window(files))
    second = launch(name, tmp_path, *sample_paths())
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=15_000)
    assert second.returncode == 0, (tmp_path / "launch.log").read_text()
    qtbot.waitUntil(lambda: len(windows.all_windows()) == 1, timeout=5_000)
    (window,) = windows.all_windows()
    wait_for_comparison(qtbot, window)
    assert [d.path for d in window.documents] == [os.path.abspath(p) for p in sample_paths()]
    assert window.isVisible()


def test_without_a_running_instance_a_launch_starts_its_own(
    qtbot: QtBot, name: str, tmp_path: Path
) -> None:
    first = launch(name, tmp_path, *sample_paths())
    try:
        qtbot.waitUntil(lambda: hand_over([], name), timeout=15_000)  # it listens now
        assert first.poll() is None, "the first launch keeps running"
    finally:
        first.terminate()
        first.wait(10)


def test_new_instance_does_not_hand_over(
    qtbot: QtBot, server: InstanceServer, name: str, tmp_path: Path
) -> None:
    received: list[list[str]] = []
    server.files_received.connect(received.append)
    separate = launch(name, tmp_path, "--new-instance", *sample_paths())
    try:
        qtbot.wait(3000)
        assert separate.poll() is None, "a separate instance with its own window"
        assert received == []
    finally:
        separate.terminate()
        separate.wait(10)


def test_a_crashed_instance_socket_does_not_block_the_next_start(
    qtbot: QtBot, name: str, tmp_path: Path
) -> None:
    script = textwrap.dedent(
        f"""
        from PySide6.QtCore import QCoreApplication
        from compareapp.ui.instance_server import InstanceServer
        app = QCoreApplication([])
        server = InstanceServer({name!r})
        print("listening" if server.listen() else "failed", flush=True)
        app.exec()
        """
    )
    crashed = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert crashed.stdout is not None and crashed.stdout.readline().strip() == b"listening"
    crashed.send_signal(signal.SIGKILL)
    crashed.communicate(timeout=10)  # reaps it and closes the pipe

    successor = InstanceServer(name)
    assert successor.listen(), "the stale socket is replaced"
    received: list[list[str]] = []
    successor.files_received.connect(received.append)
    second = launch(name, tmp_path, *sample_paths())
    qtbot.waitUntil(lambda: second.poll() is not None and bool(received), timeout=15_000)
    assert second.returncode == 0
    assert received == [[os.path.abspath(p) for p in sample_paths()]]
    successor.close()


def test_a_live_instance_keeps_its_name(server: InstanceServer, name: str) -> None:
    assert not InstanceServer(name).listen()
    assert server.server.isListening(), "the first instance still listens"


def test_the_window_menu_lists_every_window_and_opens_new_ones(qtbot: QtBot) -> None:
    first = open_window()
    second = open_window()
    first.window_menu.aboutToShow.emit()
    entries = [a for a in first.window_menu.actions() if a.isCheckable()]
    assert len(entries) == 2
    assert [a.isChecked() for a in entries] == [True, False]
    new = next(a for a in first.window_menu.actions() if "New Window" in a.text())
    new.trigger()
    assert len(windows.all_windows()) == 3
    assert all(isinstance(w, MainWindow) for w in windows.all_windows())
    second.close()
    assert second not in windows.all_windows()
