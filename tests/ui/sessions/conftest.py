"""Fixtures of the session tests: the sample open, copies of its articles to edit or move."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from compareapp.resources import sample_paths
from compareapp.ui.main_window import MainWindow
from tests.helpers import (
    activate,
    open_and_wait,
    wait_for_comparison,
)


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
