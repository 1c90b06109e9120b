"""Run slow work off the UI thread and hear about it on the UI thread.

``BackgroundTask(work).start(on_done, on_error)`` runs ``work(task)`` on Qt's thread pool;
``work`` must not touch widgets. It may call ``task.progress(text)`` and should call
``task.check()`` between steps: after :meth:`cancel` that raises :class:`Cancelled`, and a
cancelled task never calls back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class Cancelled(Exception):
    """The user cancelled the task."""


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(str)


class _Relay(QObject):
    """Lives on the UI thread, so signals from the worker reach it queued."""

    def __init__(self, task: BackgroundTask, callbacks: dict[str, Callable[[Any], None]]) -> None:
        super().__init__()
        self._task = task
        self._callbacks = callbacks

    @Slot(object)
    def done(self, result: object) -> None:
        self._call("done", result)

    @Slot(object)
    def failed(self, error: object) -> None:
        self._call("failed", error)

    @Slot(str)
    def progress(self, text: str) -> None:
        self._call("progress", text)

    def _call(self, name: str, value: object) -> None:
        callback = self._callbacks.get(name)
        if callback is not None and not self._task.cancelled:
            callback(value)


class BackgroundTask(QRunnable):
    def __init__(self, work: Callable[[BackgroundTask], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._work = work
        self._cancelled = False
        self.signals = _Signals()

    def start(
        self,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[str], None] | None = None,
    ) -> None:
        callbacks: dict[str, Callable[[Any], None]] = {"done": on_done, "failed": on_error}
        if on_progress is not None:
            callbacks["progress"] = on_progress
        self._relay = _Relay(self, callbacks)
        self.signals.done.connect(self._relay.done)
        self.signals.failed.connect(self._relay.failed)
        self.signals.progress.connect(self._relay.progress)
        QThreadPool.globalInstance().start(self)

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def check(self) -> None:
        if self._cancelled:
            raise Cancelled

    def progress(self, text: str) -> None:
        self.check()
        self.signals.progress.emit(text)

    def run(self) -> None:
        try:
            result = self._work(self)
        except Cancelled:
            return
        except Exception as error:  # reported on the UI thread, never lost
            self.signals.failed.emit(error)
            return
        self.signals.done.emit(result)
