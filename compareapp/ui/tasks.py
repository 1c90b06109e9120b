"""Run slow work off the UI thread and hear about it on the UI thread.

``BackgroundTask(work).start(on_done, on_error)`` runs ``work(task)`` on Qt's thread pool;
``work`` must not touch widgets. It may call ``task.progress(text)``, and
``task.preview(value)`` to hand over a first part of its result early (``on_preview``
gets it on the UI thread, before ``on_done``), and should call ``task.check()`` between
steps: after :meth:`cancel` that raises :class:`Cancelled`, and a cancelled task never
calls back.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from compareapp.core.collector import THRESHOLDS

YIELD_EVERY_S = 0.0005
"""How often :meth:`BackgroundTask.check` lets a waiting UI thread run first."""
SWITCH_INTERVAL_S = 0.0001
"""How long a thread that wants the interpreter lock waits before the running thread is
asked for it (Python's default: 5 ms). The UI thread takes it back after every call into
Qt, many times a frame; with a task running, each wait can last the whole interval, and
one event's waits added up: while a 5,000-paragraph pair loaded, the timer of
benchmarks/window_load.py fired up to 155-185 ms late at 1 ms, 53-85 ms late at 0.1 ms;
the comparison took as long (4.9-5.4 s to the screen)."""
COLLECTOR_THRESHOLDS = THRESHOLDS
"""The collector's thresholds all along, not only while a comparison is made: its full
collections, which the default thresholds set off several times in a book's comparison,
each went through the whole heap in 30-70 ms, holding the interpreter lock, and the window
stood still whichever thread ran them."""


LARGE_JOB_PARAGRAPHS = 20_000
"""Paragraphs in all above which a job builds its result with the collector off: the
comparison of two 5,000-paragraph documents keeps about 330,000 objects the collector
tracks, which a full collection goes through in 50 ms; twice that size would pass the
window's 100 ms bound. On the 50,000-verse pair one full collection took 894 ms, and
young ones, each holding the interpreter lock, up to 200 ms."""


@contextmanager
def collector_paused_for(paragraphs: int) -> Iterator[None]:
    """For a job over ``paragraphs`` paragraphs above :data:`LARGE_JOB_PARAGRAPHS`: the
    collector off while the block runs, then everything alive frozen (``gc.freeze``: left
    out of every later collection) and the collector on again. A comparison's objects hold
    no reference cycles (dropped, they are all freed at once, without the collector), so
    nothing it built is kept longer for it; a smaller job runs as any other."""
    if paragraphs <= LARGE_JOB_PARAGRAPHS or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def share_interpreter() -> None:
    """Tune the interpreter for a UI thread that shares it with tasks (process-wide; the
    same each time)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    gc.set_threshold(*COLLECTOR_THRESHOLDS)


class Cancelled(Exception):
    """The user cancelled the task."""


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(str)
    preview = Signal(object)


class _Relay(QObject):
    """Lives on the UI thread, so signals from the worker reach it queued."""

    def __init__(self, task: BackgroundTask, callbacks: dict[str, Callable[[Any], None]]) -> None:
        super().__init__()
        self._task = task
        self._callbacks = callbacks

    @Slot(object)
    def done(self, result: object) -> None:
        self._call("done", result)
        self.forget()  # the last call

    @Slot(object)
    def failed(self, error: object) -> None:
        self._call("failed", error)
        self.forget()

    def forget(self) -> None:
        """Let go of the callbacks, and of what they hold (a comparison, say): a finished
        task's relay stays alive as long as Qt's connections to it."""
        self._callbacks.clear()

    @Slot(str)
    def progress(self, text: str) -> None:
        self._call("progress", text)

    @Slot(object)
    def preview(self, value: object) -> None:
        self._call("preview", value)

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
        self._yielded = 0.0
        self._relay: _Relay | None = None
        self.signals = _Signals()

    def start(
        self,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[str], None] | None = None,
        on_preview: Callable[[Any], None] | None = None,
    ) -> None:
        share_interpreter()
        callbacks: dict[str, Callable[[Any], None]] = {"done": on_done, "failed": on_error}
        if on_progress is not None:
            callbacks["progress"] = on_progress
        if on_preview is not None:
            callbacks["preview"] = on_preview
        self._relay = _Relay(self, callbacks)
        self.signals.done.connect(self._relay.done)
        self.signals.failed.connect(self._relay.failed)
        self.signals.progress.connect(self._relay.progress)
        self.signals.preview.connect(self._relay.preview)
        QThreadPool.globalInstance().start(self)

    def cancel(self) -> None:
        self._cancelled = True
        if self._relay is not None:  # a cancelled task calls nothing back: let go of it all
            self._relay.forget()

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def check(self) -> None:
        """Raise :class:`Cancelled` after :meth:`cancel`; else let the UI thread have the
        interpreter first if it is waiting for it (a job is never in a hurry; a window that
        paints late is)."""
        if self._cancelled:
            raise Cancelled
        now = time.monotonic()
        if now - self._yielded > YIELD_EVERY_S:
            time.sleep(0)  # releases the interpreter lock: a waiting thread takes it
            self._yielded = now

    def progress(self, text: str) -> None:
        self.check()
        self.signals.progress.emit(text)

    def preview(self, value: object) -> None:
        """Hand ``value`` to ``on_preview`` on the UI thread (signals keep their order:
        it arrives before the result)."""
        self.check()
        self.signals.preview.emit(value)

    def run(self) -> None:
        # The work runs once: what it holds (a comparison, for the discrepancy job) goes
        # with it. The task itself stays alive as long as its relay does.
        work, self._work = self._work, _no_work
        try:
            result = work(self)
        except Cancelled:
            return
        except Exception as error:  # reported on the UI thread, never lost
            self.signals.failed.emit(error)
            return
        self.signals.done.emit(result)


def _no_work(_task: BackgroundTask) -> None:
    """The work of a task that has run."""
