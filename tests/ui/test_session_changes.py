"""No silent loss (issue 23): adding, closing or replacing a document and changing the base
are unsaved changes of the session; Quit asks every window with unsaved work and closes
them all; a session open in one window is brought forward, not opened twice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from compareapp.core.review.session import SESSION_SUFFIX
from compareapp.core.review.session_file import load_session
from compareapp.resources import sample_paths
from compareapp.ui import windows
from compareapp.ui.main_window import MainWindow, open_window
from tests.helpers import (
    Choice,
    activate,
    answer_save_path,
    drop,
    open_and_wait,
    save_with_keys,
    second_window,
    wait_for_comparison,
)

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def copies(tmp_path: Path) -> list[Path]:
    """Three versions: the sample's two articles and a copy of the wire report."""
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = [Path(shutil.copy(path, folder)) for path in sample_paths()]
    third = folder / "wire-report-copy.txt"
    third.write_text(paths[0].read_text(encoding="utf-8") + "\nA late paragraph.\n", "utf-8")
    return [*paths, third]


@pytest.fixture
def two(qtbot, window: MainWindow, copies: list[Path]) -> MainWindow:
    open_and_wait(qtbot, window, copies[:2])
    activate(qtbot, window)
    assert not window.review.is_modified()  # opening into an empty window changes nothing
    return window


def asked_on_quit(qtbot, window: MainWindow, monkeypatch) -> list[str]:
    asked: list[str] = []

    def ask() -> Choice:
        asked.append(window.windowTitle())
        return Choice.Cancel

    monkeypatch.setattr(window.sessions, "ask_save_changes", ask)
    qtbot.keyClick(window, Qt.Key.Key_Q, CTRL)
    return asked


def test_adding_a_document_is_an_unsaved_change(
    qtbot, two: MainWindow, copies, tmp_path, monkeypatch
):
    open_and_wait(qtbot, two, copies[2:])
    assert len(two.documents) == 3
    assert two.review.is_modified() and two.isWindowModified()
    assert asked_on_quit(qtbot, two, monkeypatch)  # Ctrl+Q asks
    assert two.isVisible()
    saved = tmp_path / f"three{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, two, saved)
    save_with_keys(qtbot, two)
    assert len(load_session(saved).sources) == 3
    assert not two.review.is_modified()


def test_closing_a_document_is_an_unsaved_change(qtbot, two: MainWindow, copies):
    open_and_wait(qtbot, two, copies[2:])
    two.review.mark_saved()
    qtbot.mouseClick(two.comparison_view.panes[2].close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(two.documents) == 2)
    wait_for_comparison(qtbot, two)
    assert two.review.is_modified()


def test_replacing_a_document_is_an_unsaved_change(qtbot, two: MainWindow, copies):
    assert drop(two.comparison_view.panes[1], [copies[2]]) == (True, True)
    qtbot.waitUntil(lambda: two.documents[1].path == str(copies[2]), timeout=20_000)
    wait_for_comparison(qtbot, two)
    assert two.review.is_modified()


def test_changing_the_base_is_an_unsaved_change(qtbot, two: MainWindow):
    qtbot.mouseClick(two.comparison_view.panes[1].base_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: two.base == 1)
    wait_for_comparison(qtbot, two)
    assert two.review.is_modified()


def test_the_sample_in_a_window_is_no_change(qtbot, two: MainWindow):
    two.files.open_sample()
    qtbot.waitUntil(lambda: two.documents[0].path == sample_paths()[0], timeout=20_000)
    wait_for_comparison(qtbot, two)
    assert not two.review.is_modified()


def test_quit_asks_every_window_with_unsaved_work_then_closes_all(
    qtbot, two: MainWindow, copies, monkeypatch
):
    open_and_wait(qtbot, two, copies[2:])  # modified
    other = second_window(qtbot)  # nothing to save
    asked: list[MainWindow] = []

    def answer(window: MainWindow, choice: Choice):
        def ask() -> Choice:
            asked.append(window)
            return choice

        return ask

    monkeypatch.setattr(two.sessions, "ask_save_changes", answer(two, Choice.Cancel))
    monkeypatch.setattr(other.sessions, "ask_save_changes", answer(other, Choice.Discard))
    qtbot.keyClick(other, Qt.Key.Key_Q, CTRL)  # Quit from the window with nothing unsaved
    assert asked == [two]
    assert two.isVisible() and other.isVisible()  # cancelled: nothing closes

    monkeypatch.setattr(two.sessions, "ask_save_changes", answer(two, Choice.Discard))
    qtbot.keyClick(other, Qt.Key.Key_Q, CTRL)
    assert asked == [two, two]  # asked once more, and only for the window with changes
    assert not two.isVisible() and not other.isVisible()
    assert two not in windows.all_windows() and other not in windows.all_windows()


def test_opening_a_session_open_in_another_window_brings_it_forward(
    qtbot, two: MainWindow, tmp_path, monkeypatch
):
    saved = tmp_path / f"review{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, two, saved)
    save_with_keys(qtbot, two)
    other = second_window(qtbot)
    assert QApplication.activeWindow() is other
    other.files.open_paths([str(saved)])
    assert other.jobs.task is None and not other.documents  # not opened a second time
    qtbot.waitUntil(lambda: QApplication.activeWindow() is two)
    assert open_window([str(saved)]) is two  # a later launch handing the file over
    assert len(windows.all_windows()) == 2
