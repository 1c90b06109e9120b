"""Lay out a long text in a text view a slice of time at a time, and read where each of
its paragraphs is.

Qt lays out a long document lazily, on a timer, in steps that double up to 200,000
characters; each step of a book-length text held the window still for 50-100 ms. While a
:class:`PacedLayout` runs, those timer steps are held back and the view's blocks are laid
out in order (asking for a block's place lays it out) until :data:`LAYOUT_SLICE_S` has
gone, then the window handles other events before the next slice. The first screen is
laid out at once by the view itself, so it shows before the rest."""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAbstractTextDocumentLayout, QTextBlock
from PySide6.QtWidgets import QTextEdit

LAYOUT_SLICE_S = 0.012
"""How long one slice lays out before the window handles other events."""

Extents = list[tuple[float, float]]


class HeldTimers(QObject):
    """Holds back the timer events of the objects it filters (Qt's own layout steps)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.Timer


class PacedLayout(QObject):
    """Lays out ``view``'s document from its first block and hands ``done`` the extents
    of its blocks, ``(top, bottom - spacing)`` in document coordinates."""

    def __init__(self, view: QTextEdit, spacing: float, done: Callable[[Extents], None]) -> None:
        super().__init__(view)
        self.view = view
        self.spacing = spacing
        self.done = done
        self.running = False
        self._held = HeldTimers(self)
        self._layout: QAbstractTextDocumentLayout | None = None
        self._block = QTextBlock()
        self._extents: Extents = []
        self._run = 0
        """Runs started so far: a slice of an earlier one does nothing."""

    def start(self) -> None:
        """Lay the document out again from its first block (a new document, a new width)."""
        self.stop()
        document = self.view.document()
        self._layout = document.documentLayout()
        self._layout.installEventFilter(self._held)
        self._block, self._extents = document.begin(), []
        self.running = True
        run = self._run
        QTimer.singleShot(0, self, lambda: self._slice(run))

    def stop(self) -> None:
        """Stop laying out; Qt's own steps take over what is left."""
        self._run += 1
        self.running = False
        if self._layout is not None and shiboken6.isValid(self._layout):
            self._layout.removeEventFilter(self._held)
        self._layout = None

    def _slice(self, run: int) -> None:
        layout = self._layout
        if run != self._run or layout is None or not shiboken6.isValid(layout):
            return
        block, extents = self._block, self._extents
        previous = block.previous()
        if previous.isValid() and previous.isVisible() and previous.layout().lineCount() == 0:
            # Laid out again since (a new width or font): from the start, held back again.
            block, extents = self.view.document().begin(), []
        deadline = time.perf_counter() + LAYOUT_SLICE_S
        while block.isValid():
            rect = layout.blockBoundingRect(block)  # lays the block out if it was not
            extents.append((rect.top(), max(rect.top(), rect.bottom() - self.spacing)))
            block = block.next()
            if time.perf_counter() > deadline:
                break
        self._block, self._extents = block, extents
        if block.isValid():
            QTimer.singleShot(0, self, lambda: self._slice(run))
            return
        self.stop()
        self.done(extents)
