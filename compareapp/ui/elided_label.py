"""A one-line label that never asks for the width of its text: what does not fit is elided
in the middle (a path keeps its folder's start and its file name) and the full text is in
its tooltip. A long file name or title then never sets the window's minimum width."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MINIMUM_CHARACTERS = 6
"""The least the label asks room for, in average characters."""


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._tooltip = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        super().setText(text)
        self._update_tooltip()
        self.updateGeometry()
        self.update()

    def full_text(self) -> str:
        return self._full

    def set_extra_tooltip(self, tooltip: str) -> None:
        """More to say in the tooltip, below the full text when that is elided."""
        self._tooltip = tooltip
        self._update_tooltip()

    def elided_text(self) -> str:
        return self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideMiddle, max(self.contentsRect().width(), 0)
        )

    def is_elided(self) -> bool:
        return self.elided_text() != self._full

    def _update_tooltip(self) -> None:
        parts = [part for part in (self._full, self._tooltip) if part]
        super().setToolTip("\n\n".join(dict.fromkeys(parts)))
        self.setAccessibleName(self._full)

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.averageCharWidth() * MINIMUM_CHARACTERS, metrics.height())

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        width = min(metrics.horizontalAdvance(self._full), metrics.averageCharWidth() * 40)
        return QSize(width, metrics.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            self.elided_text(),
            self.foregroundRole(),
        )
        painter.end()
