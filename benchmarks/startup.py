"""Launchers for the start-up benchmark: start, show a window, report when, and quit.

    python benchmarks/startup.py bare
    python benchmarks/startup.py compareapp FILE FILE

``bare`` is the floor: a PySide6 script that shows an empty ``QMainWindow``.
``compareapp`` starts the app as its console script does (``compareapp.cli.main``, every
import included); compareapp has no "quit once shown" hook, so this launcher swaps the
``QApplication`` class ``compareapp.ui.app`` creates for a subclass that watches events.

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

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

READY_TIMEOUT_S = 120.0


class FirstPaint(QObject):
    """Records when a main window's first paint has been delivered, then reports."""

    def __init__(self, wait_for_comparison: bool) -> None:
        super().__init__()
        self.wait_for_comparison = wait_for_comparison
        self.shown: float | None = None
        self._polls = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.shown is None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            self.shown = 0.0
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
        if window.task is None and len(view.panes) >= 2:
            return all(pane.view.paragraph_extents() for pane in view.panes)
    return False


def bare() -> int:
    application = QApplication(sys.argv[:1])
    probe = FirstPaint(wait_for_comparison=False)
    application.installEventFilter(probe)
    window = QMainWindow()
    window.resize(1200, 800)
    window.show()
    return application.exec()


def compareapp(files: list[str]) -> int:
    import compareapp.ui.app as app_module

    probe = FirstPaint(wait_for_comparison=True)

    class WatchedApplication(QApplication):
        def __init__(self, arguments: list[str]) -> None:
            super().__init__(arguments)
            self.installEventFilter(probe)

    setattr(app_module, "QApplication", WatchedApplication)  # noqa: B010 (a monkeypatch)
    from compareapp.cli import main

    return main(files)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    mode, *rest = sys.argv[1:] or ["bare"]
    raise SystemExit(bare() if mode == "bare" else compareapp(rest))
