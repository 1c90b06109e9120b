"""Fixtures for the window tests: an isolated settings directory and a shown main window
(the helpers that open files and wait until the comparison is laid out are in
``tests/helpers/``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from compareapp.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep settings (recent files) out of the user's real config directory."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    main_window = MainWindow()
    # Closing with unsaved marks asks in a modal dialog; tests that test it answer it.
    main_window.sessions.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(main_window)
    main_window.resize(1400, 900)
    with qtbot.waitExposed(main_window):
        main_window.show()
    yield main_window
    main_window.jobs.cancel()
    # A cancelled job stops at its next check; let it, so that no worker thread runs
    # Python while later tests, or the interpreter's shutdown, tear Qt down.
    QThreadPool.globalInstance().waitForDone(120_000)
