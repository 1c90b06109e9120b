"""Fixtures for the window tests: an isolated settings directory, a shown main window and
a helper that opens files and waits until the comparison is laid out."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from os import PathLike
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from compareapp.ui.main_window import MainWindow

JOB_TIMEOUT_MS = 20_000


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep settings (recent files) out of the user's real config directory."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    main_window = MainWindow()
    # Closing with unsaved marks asks in a modal dialog; tests that test it answer it.
    main_window.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(main_window)
    main_window.resize(1400, 900)
    with qtbot.waitExposed(main_window):
        main_window.show()
    yield main_window
    main_window.cancel()
    # A cancelled job stops at its next check; let it, so that no worker thread runs
    # Python while later tests, or the interpreter's shutdown, tear Qt down.
    QThreadPool.globalInstance().waitForDone(120_000)


def wait_for_comparison(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the job is done, the comparison is shown, its discrepancies are listed
    and every pane knows where its paragraphs are."""
    qtbot.waitUntil(
        lambda: window.task is None and window.stack.currentWidget() is window.comparison_view,
        timeout=JOB_TIMEOUT_MS,
    )
    qtbot.waitUntil(lambda: window.discrepancy_task is None, timeout=JOB_TIMEOUT_MS)
    qtbot.waitUntil(
        lambda: all(
            0 < len(pane.view.paragraph_extents()) == pane.view.document().blockCount()
            for pane in window.comparison_view.panes
        ),
        timeout=JOB_TIMEOUT_MS,
    )


def wait_for_job(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.task is None, timeout=JOB_TIMEOUT_MS)


def open_and_wait(qtbot: QtBot, window: MainWindow, paths: Sequence[str | PathLike[str]]) -> None:
    """Open ``paths`` in ``window`` and wait until the comparison is laid out."""
    window.open_paths([str(path) for path in paths])
    wait_for_comparison(qtbot, window)
