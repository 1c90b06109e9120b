"""The margin beside a pane's text where each review mark has a bar over its lines and
its status sign at the top (✓ verified, ! disputed), so marks show without colour too."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from compareapp.core.review.marks import MarkStatus
from compareapp.rendering import palette

GUTTER_WIDTH = 16


@dataclass(frozen=True)
class ShownMark:
    """A review mark as a pane shows it: its id, status and view positions."""

    mark_id: str
    status: MarkStatus
    start: int
    end: int


class MarkGutter(QWidget):
    def __init__(self, view: QTextEdit) -> None:
        super().__init__(view)
        self.view = view
        self.marks: list[ShownMark] = []
        self.setToolTip("Review marks: ✓ verified, ! disputed")
        self.setAccessibleName("Review marks")
        self.set_marks([])

    def set_marks(self, marks: list[ShownMark]) -> None:
        self.marks = marks
        counts = [
            f"{sum(mark.status is status for mark in marks)} {status.value}"
            for status in MarkStatus
        ]
        self.setAccessibleDescription(f"{len(marks)} review marks: {', '.join(counts)}")
        self.update()

    def mark_extent(self, mark: ShownMark) -> tuple[float, float]:
        """Top and bottom of ``mark`` in viewport coordinates."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(mark.start)
        top = self.view.cursorRect(cursor).top()
        cursor.setPosition(mark.end)
        return float(top), float(self.view.cursorRect(cursor).bottom())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        height = self.height()
        length = self.view.document().characterCount()
        for mark in self.marks:
            if mark.end >= length:  # its text has not arrived yet (a session reopening)
                continue
            top, bottom = self.mark_extent(mark)
            if bottom < 0 or top > height:
                continue
            colour = palette.MARK_COLOUR[mark.status]
            painter.fillRect(QRectF(self.width() - 4, top, 3, max(4.0, bottom - top)), colour)
            painter.setPen(colour)
            painter.drawText(
                QRectF(0, top, self.width() - 4, 16),
                Qt.AlignmentFlag.AlignCenter,
                palette.MARK_GLYPH[mark.status],
            )
        painter.end()
