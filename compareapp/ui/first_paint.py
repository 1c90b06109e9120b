"""Work that waits for a window's first paint.

A job asked for before a shown window's first paint (the files on the command line)
starts once that paint is done: its thread would otherwise hold the interpreter lock,
importing and reading, while the UI thread builds the first frame. So does other work the
first frame does not show: the window's body (:mod:`compareapp.ui.window_body`), the
offer to recover unsaved work, remembering the recent files."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FIRST_PAINT_WAIT_MS = 500
"""The longest work waits for its window's first paint (a window shown minimized, or on
another desktop, may be painted only much later)."""


class FirstPaintWait(QObject):
    """Watches a window (its own events only, not its children's) until its first paint;
    work handed to :meth:`defer` before then runs, in order, once that paint pass is over,
    or after ``FIRST_PAINT_WAIT_MS`` if the paint does not come. The panes' modules load
    then too, before a first comparison needs them."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.painted = False
        self._window = window
        self._pending: list[Callable[[], object]] = []
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._painted)  # after the whole paint pass
        return False

    def after(self, work: Callable[[], object]) -> None:
        """Run ``work`` now or, while the shown window waits for its first paint, once
        that paint is done."""
        if self._window.isVisible() and not self.painted:
            self.defer(work)
        else:
            work()

    def defer(self, work: Callable[[], object]) -> None:
        """Run ``work`` after the first paint."""
        self._pending.append(work)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._run_pending)

    def forget(self) -> None:
        """Drop the work still waiting (its window is closing)."""
        self._pending = []

    def _painted(self) -> None:
        from compareapp.ui.panes.comparison_view import load_pane_modules  # see its note

        self.painted = True
        self._run_pending()
        load_pane_modules()

    def _run_pending(self) -> None:
        pending, self._pending = self._pending, []
        for work in pending:
            work()
