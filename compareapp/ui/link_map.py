"""The strip between two panes that joins each linked paragraph pair with a band.

A band is a filled shape bounded by two cubic curves from the paragraph's vertical extent
in the left pane to its counterpart's in the right pane. Bands of moved paragraphs cross
the others, have their own colour and a dashed outline. Clicking a band selects its link.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from compareapp.core.view_model import Band
from compareapp.ui import styles
from compareapp.ui.text_view import DocumentTextView

LINK_MAP_WIDTH = 56


class LinkMap(QWidget):
    band_clicked = Signal(int, int)
    """Paragraph of the left pane, paragraph of the right pane."""

    def __init__(
        self, left: DocumentTextView, right: DocumentTextView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        self.bands: list[Band] = []
        self.selected: tuple[int, int] | None = None
        self.setFixedWidth(LINK_MAP_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        for view in (left, right):
            view.verticalScrollBar().valueChanged.connect(self.update)
            view.extents_changed.connect(self.update)

    def set_bands(self, bands: list[Band]) -> None:
        self.bands = bands
        self.selected = None
        self.update()

    def select(self, link: tuple[int, int] | None) -> None:
        self.selected = link
        self.update()

    def visible_paths(self) -> list[tuple[Band, QPainterPath]]:
        """The bands with at least one end in view, with their shapes in this widget."""
        left_extents = self.left.paragraph_extents()
        right_extents = self.right.paragraph_extents()
        left_shift = self._shift(self.left)
        right_shift = self._shift(self.right)
        height = self.height()
        found = []
        for band in self.bands:
            if band.left >= len(left_extents) or band.right >= len(right_extents):
                continue
            l_top, l_bottom = (y + left_shift for y in left_extents[band.left])
            r_top, r_bottom = (y + right_shift for y in right_extents[band.right])
            if max(l_bottom, r_bottom) < 0 or min(l_top, r_top) > height:
                continue
            found.append((band, self._band_path(l_top, l_bottom, r_top, r_bottom)))
        return found

    def _shift(self, view: DocumentTextView) -> float:
        """Add to a document y of ``view`` to get a y in this widget."""
        origin = self.mapFromGlobal(view.viewport().mapToGlobal(QPoint(0, 0)))
        return origin.y() - view.scroll_value()

    def _band_path(
        self, l_top: float, l_bottom: float, r_top: float, r_bottom: float
    ) -> QPainterPath:
        width = float(self.width())
        middle = width / 2
        path = QPainterPath(QPointF(0, l_top))
        path.cubicTo(QPointF(middle, l_top), QPointF(middle, r_top), QPointF(width, r_top))
        path.lineTo(width, r_bottom)
        path.cubicTo(QPointF(middle, r_bottom), QPointF(middle, l_bottom), QPointF(0, l_bottom))
        path.closeSubpath()
        return path

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().window())
        for band, path in self.visible_paths():
            if (band.left, band.right) == self.selected:
                colour = styles.BAND_SELECTED
            elif band.moved:
                colour = styles.BAND_MOVED
            else:
                colour = styles.BAND_CHANGED if band.changed else styles.BAND_IDENTICAL
            outline = QPen(colour.darker(140), 1.0)
            if band.moved:
                outline.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(outline)
            painter.setBrush(colour)
            painter.drawPath(path)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        for band, path in reversed(self.visible_paths()):
            if path.contains(point):
                self.band_clicked.emit(band.left, band.right)
                return
        super().mousePressEvent(event)
