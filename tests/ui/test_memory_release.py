"""A comparison the window no longer shows is freed: nothing keeps the old one (a book's
takes a gigabyte), and it goes without the cyclic collector, which a large job leaves its
objects out of (``ui/tasks.collector_paused_for``)."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from compareapp.resources import sample_paths
from compareapp.ui.main_window import MainWindow
from tests.helpers import wait_for_comparison


@pytest.fixture
def collector_off() -> Iterator[None]:
    yield
    gc.enable()


@pytest.mark.usefixtures("collector_off")
def test_a_replaced_comparison_is_freed_without_the_collector(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.files.open_paths(sample_paths())
    wait_for_comparison(qtbot, window)
    qtbot.waitUntil(lambda: window.discrepancies.task is None)  # its table listed too
    assert window.comparison_view.model is not None
    old_model = weakref.ref(window.comparison_view.model)
    old_comparison = weakref.ref(window.comparison_view.model.comparison)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The bridge opens in May.\n\nThe mayor spoke.\n", encoding="utf-8")
    b.write_text("The bridge opens in June.\n\nThe mayor spoke.\n", encoding="utf-8")

    gc.disable()
    window.jobs.start_job([str(a), str(b)], 0)
    qtbot.waitUntil(lambda: [d.name for d in window.documents] == ["a.txt", "b.txt"])
    qtbot.waitUntil(lambda: window.jobs.task is None and window.discrepancies.task is None)
    qtbot.wait(100)

    assert old_model() is None and old_comparison() is None


class _Held:
    """Something a task's work and callbacks hold, as the discrepancy job holds a
    comparison."""


@pytest.mark.usefixtures("collector_off")
@pytest.mark.parametrize("cancelled", [False, True])
def test_a_task_done_or_cancelled_holds_nothing_of_its_work(qtbot: QtBot, cancelled: bool) -> None:
    from PySide6.QtCore import QThreadPool

    from compareapp.ui.tasks import BackgroundTask

    seen: list[bool] = []
    started, go_on = threading.Event(), threading.Event()

    def started_task() -> tuple[BackgroundTask, weakref.ref[_Held]]:
        held = _Held()  # only the work and the callbacks below hold it

        def work(task: BackgroundTask) -> _Held:
            started.set()
            go_on.wait(10)
            task.check()  # raises Cancelled once cancelled: then nothing is called back
            return held

        task = BackgroundTask(work)
        task.start(lambda value: seen.append(value is held), lambda _error: seen.append(False))
        return task, weakref.ref(held)

    gc.disable()
    task, gone = started_task()
    assert started.wait(10)
    if cancelled:
        task.cancel()
    go_on.set()
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)  # the result's signal, delivered on the UI thread

    assert seen == ([] if cancelled else [True])
    assert gone() is None, "the task, its relay or its callbacks still hold the work's objects"
