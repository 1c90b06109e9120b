"""Launchers for the start-up benchmark: start, show a window, report when, and quit.

    python benchmarks/startup.py bare
    python benchmarks/startup.py compareapp FILE FILE

``bare`` is the floor: a PySide6 script that shows an empty ``QMainWindow``.
``compareapp`` starts the app as its console script does (``compareapp.cli.main``, every
import included); compareapp has no "quit once shown" hook, so this launcher wraps
``compareapp.ui.main_window.open_window`` to watch the window it opens (shown, not yet
painted: Qt paints it once the event loop runs).

Both sides are watched the same cheap way: an event filter on the main window object
alone, which sees that widget's own events and none of its children's, and removes itself
at the first paint. Qt paints a window's widgets in one pass, parents first, so the main
window's paint event opens the pass, and a zero timer set there fires once the whole pass
(every child, then the flush to the screen) is done. An earlier version filtered the whole
application: every event of every widget then went through a Python method, which cost
the app's big window (toolbar, menus, docks, status bar: 25-45 ms in interleaved runs)
far more than the bare empty one, so it measured the probe as much as the app.

Both print one line of JSON with ``time.monotonic()`` readings (the clock is system-wide,
so the parent compares them with its own reading taken just before it started the
process): ``shown``, once the main window's first paint has been delivered, and ``ready``,
once the two files' comparison is on screen (compareapp only; the bare window's is its
``shown``). Then they leave with ``os._exit`` so that no teardown is timed.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

READY_TIMEOUT_S = 120.0


class FirstPaint(QObject):
    """Installed on a main window (and nothing else): records when its first paint has
    been delivered, then reports."""

    def __init__(self, wait_for_comparison: bool) -> None:
        super().__init__()
        self.wait_for_comparison = wait_for_comparison
        self.shown: float | None = None
        self._polls = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.shown is None and event.type() == QEvent.Type.Paint:
            self.shown = 0.0  # the time is taken once the paint pass is over
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        self.shown = time.monotonic()
        if not self.wait_for_comparison:
            self._report(self.shown)
        else:
            self._poll()

    def _poll(self) -> None:
        if comparison_shown() or self._polls * 0.005 > READY_TIMEOUT_S:
            self._report(time.monotonic() if comparison_shown() else None)
        else:
            self._polls += 1
            QTimer.singleShot(5, self._poll)

    def _report(self, ready: float | None) -> None:
        print(json.dumps({"shown": self.shown, "ready": ready}), flush=True)
        os._exit(0)


def comparison_shown() -> bool:
    """Is a window showing a comparison with both panes laid out?"""
    from compareapp.ui import windows

    for window in windows.all_windows():
        view = window.comparison_view
        if window.jobs.task is None and len(view.panes) >= 2:
            return all(pane.view.paragraph_extents() for pane in view.panes)
    return False


def bare() -> int:
    application = QApplication(sys.argv[:1])
    probe = FirstPaint(wait_for_comparison=False)
    window = QMainWindow()
    window.installEventFilter(probe)
    window.resize(1200, 800)
    window.show()
    return application.exec()


def compareapp(files: list[str]) -> int:
    from compareapp.ui import main_window

    probe = FirstPaint(wait_for_comparison=True)
    open_window = main_window.open_window

    def watched_open_window(*arguments: Any, **keywords: Any) -> QMainWindow:
        window: QMainWindow = open_window(*arguments, **keywords)
        if probe.shown is None:  # the first window only
            window.installEventFilter(probe)
        return window

    main_window.open_window = watched_open_window  # a monkeypatch
    from compareapp.cli import main

    return main(files)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    mode, *rest = sys.argv[1:] or ["bare"]
    raise SystemExit(bare() if mode == "bare" else compareapp(rest))
