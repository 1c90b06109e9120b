"""The first frame comes first: a new window paints its frame (menus, toolbar, start view,
status bar) before it builds its body (controllers, docks, comparison view), and a job
asked for before a shown window's first paint (the files on the command line) starts once
that paint is done, so that its thread does not hold the interpreter while the window is
built and painted; a window that is not painted soon, or not shown, starts it anyway. A
command used before the body is built builds it first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDockWidget, QMessageBox
from pytestqt.qtbot import QtBot

from compareapp.resources import sample_paths
from compareapp.ui import settings, tasks
from compareapp.ui.first_paint import FIRST_PAINT_WAIT_MS
from compareapp.ui.main_window import MainWindow, open_window
from tests.helpers import wait_for_comparison


@pytest.fixture
def unshown_window(qtbot: QtBot) -> Iterator[MainWindow]:
    window = MainWindow()
    window.sessions.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.resize(1400, 900)
    yield window
    window.jobs.cancel()
    QThreadPool.globalInstance().waitForDone(120_000)


def test_files_opened_before_the_first_paint_are_compared_after_it(
    qtbot: QtBot, unshown_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unshown_window
    starts: list[bool] = []  # for each job started: whether the window was painted then
    original = tasks.BackgroundTask.start

    def start(task: tasks.BackgroundTask, *arguments: Any) -> None:
        starts.append(window.first_paint.painted)
        original(task, *arguments)

    monkeypatch.setattr(tasks.BackgroundTask, "start", start)
    window.show()
    window.files.open_paths(sample_paths())

    assert starts == [], "the job waits for the first paint"
    assert window.jobs.task is not None
    assert window.busy.bar.isVisibleTo(window), "the first frame shows the job's progress"
    wait_for_comparison(qtbot, window)
    assert starts == [True, True], "the comparison, then its discrepancies, after the paint"


def test_a_window_that_is_not_painted_starts_its_job_anyway(
    qtbot: QtBot, unshown_window: MainWindow
) -> None:
    window = unshown_window
    window.removeEventFilter(window.first_paint)  # as if the paint never came
    window.show()
    window.files.open_paths(sample_paths())
    qtbot.wait(FIRST_PAINT_WAIT_MS // 2)
    assert window.comparison_view.panes == [], "the job waits for the paint a while"

    wait_for_comparison(qtbot, window)  # then starts without it
    assert not window.first_paint.painted


def test_a_hidden_window_starts_its_job_at_once(
    unshown_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unshown_window
    started: list[object] = []
    monkeypatch.setattr(tasks.BackgroundTask, "start", lambda task, *a: started.append(task))
    window.files.open_paths(sample_paths())

    assert started == [window.jobs.task]


def docks(window: MainWindow) -> list[str]:
    return sorted(dock.objectName() for dock in window.findChildren(QDockWidget))


def test_the_command_lines_files_open_after_the_first_frame(qtbot: QtBot) -> None:
    window = open_window(sample_paths())
    qtbot.addWidget(window)

    assert window.start_view.isVisibleTo(window), "the first frame: the start view…"
    assert [action.text() for action in window.menuBar().actions()][:2] == ["&File", "&Edit"]
    assert window.busy.bar.isVisibleTo(window), "…and the progress of the files' job"
    assert docks(window) == [], "the docks come once the frame is painted"
    assert settings.recent_files() == []

    wait_for_comparison(qtbot, window)
    assert [document.path for document in window.documents] == sample_paths()
    assert docks(window) == ["discrepancy_panel", "review_panel"]
    assert window.discrepancy_panel.table.rowCount() > 0
    assert settings.recent_files() == sample_paths(), "remembered once the frame is painted"


def test_a_command_used_before_the_body_is_built_builds_it(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert docks(window) == []

    window.actions_by_name["find"].trigger()

    assert window.find_bar.isVisible()
    assert docks(window) == ["discrepancy_panel", "review_panel"]
    assert window.actions_by_name["undo"] in window.menus["&Edit"].actions()


def test_a_window_closed_before_its_first_paint_opens_nothing(qtbot: QtBot) -> None:
    window = open_window(sample_paths())
    qtbot.addWidget(window)
    window.close()

    qtbot.wait(FIRST_PAINT_WAIT_MS * 2)
    assert window.jobs.task is None and window.documents == []
    assert settings.recent_files() == []
