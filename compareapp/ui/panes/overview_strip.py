"""A thin strip beside a pane that shows the whole document: where its differences,
unique and moved paragraphs are, and which part is in view. A click jumps there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from compareapp.core.review.marks import MarkStatus
from compareapp.rendering import palette
from compareapp.ui.panes.text_view import DocumentTextView

if TYPE_CHECKING:  # the view model loads with the first comparison, not the window
    from compareapp.core.present.view_model import ParagraphMark

STRIP_WIDTH = 14
MARK_COLOURS = {
    "unique": palette.STRIP_UNIQUE,
    "moved": palette.STRIP_MOVED,
    "changed": palette.STRIP_CHANGE,
    "fact": palette.STRIP_SIGNIFICANT,
}
"""The colour of each kind of :class:`ParagraphMark`, by its value."""


MARK_WORDS = {
    "changed": "changed",
    "unique": "unique",
    "moved": "moved",
    "fact": "with a changed number, name or quotation",
}
"""How the accessible description counts each kind of :class:`ParagraphMark`."""


class OverviewStrip(QWidget):
    def __init__(
        self, view: DocumentTextView, name: str = "", parent: QWidget | None = None
    ) -> None:
        """``name``: the document's, for screen readers."""
        super().__init__(parent)
        self.view = view
        self._kinds: dict[str, int] = {}
        self.marks: dict[int, QColor] = {}
        """Paragraph index to the colour of its mark."""
        self.review_marks: dict[int, MarkStatus] = {}
        """Paragraph index to the status of the review marks on it (disputed first)."""
        self.setFixedWidth(STRIP_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Overview: red marks numbers, names and quotations; click to jump")
        self._layer: QPixmap | None = None
        """The marks as last painted, kept while they and the layout stay (and the size:
        :meth:`paintEvent` compares it): a scroll repaints only the frame of the part in
        view."""
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.extents_changed.connect(self._repaint_marks)
        self.setAccessibleName(f"Overview of {name}" if name else "Overview")
        self._describe()

    def set_marks(self, marks: dict[int, ParagraphMark]) -> None:
        """Mark each paragraph in ``marks`` with the colour of its kind."""
        self.marks = {index: MARK_COLOURS[mark.value] for index, mark in marks.items()}
        self._kinds = {}
        for mark in marks.values():
            self._kinds[mark.value] = self._kinds.get(mark.value, 0) + 1
        self._describe()
        self._repaint_marks()

    def set_review_marks(self, marks: dict[int, MarkStatus]) -> None:
        self.review_marks = marks
        self._describe()
        self._repaint_marks()

    def _repaint_marks(self) -> None:
        self._layer = None
        self.update()

    def _describe(self) -> None:
        """Read out what the strip paints: how many paragraphs of each kind it marks."""
        kinds = self._kinds
        counts = [f"{kinds[kind]} {words}" for kind, words in MARK_WORDS.items() if kind in kinds]
        text = "Paragraphs: " + ", ".join(counts) if counts else "No changed paragraphs"
        if self.review_marks:
            text += f"; {len(self.review_marks)} with review marks"
        self.setAccessibleDescription(f"{text}. Click to jump; the text scrolls with the keys")

    def _scale(self) -> float:
        return self.height() / max(1.0, self.view.document_height())

    def paintEvent(self, event: QPaintEvent) -> None:
        ratio = self.devicePixelRatioF()
        if self._layer is None or self._layer.size() != self.size() * ratio:
            self._layer = self._painted_marks(ratio)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._layer)
        scale = self._scale()
        bar = self.view.verticalScrollBar()
        painter.setPen(self.palette().text().color())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(
            QRectF(0.5, bar.value() * scale, self.width() - 1.0, bar.pageStep() * scale)
        )
        painter.end()

    def _painted_marks(self, ratio: float) -> QPixmap:
        """The strip's background, its paragraphs' marks and their review marks."""
        layer = QPixmap(self.size() * ratio)
        layer.setDevicePixelRatio(ratio)
        layer.fill(self.palette().base().color())
        painter = QPainter(layer)
        scale = self._scale()
        extents = self.view.paragraph_extents()
        painter.setPen(Qt.PenStyle.NoPen)
        for colour, spans in _runs(self.marks, extents, scale):
            inset = 1 if colour == palette.STRIP_SIGNIFICANT else 3
            width = self.width() - 2 * inset
            painter.setBrush(colour)
            painter.drawRects([QRectF(inset, top, width, bottom - top) for top, bottom in spans])
        for index, status in self.review_marks.items():
            if index < len(extents):
                top, bottom = extents[index]
                height = max(3.0, (bottom - top) * scale)
                painter.fillRect(QRectF(0, top * scale, 3, height), palette.MARK_COLOUR[status])
        painter.end()
        return layer

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Centre the view on the clicked place."""
        target = event.position().y() / self._scale()
        bar = self.view.verticalScrollBar()
        self.view.set_scroll_value(target - bar.pageStep() / 2)


def _runs(
    marks: dict[int, QColor], extents: list[tuple[float, float]], scale: float
) -> list[tuple[QColor, list[tuple[float, float]]]]:
    """Each colour's marks, as their tops and bottoms on the strip, at least 2 pixels tall;
    the marks of one colour that touch made one (a book's fifty thousand marks are a few
    hundred rectangles on a strip a window tall). Colours in the order of
    :data:`MARK_COLOURS`, numbers, names and quotations last, on top; others as they come."""
    by_colour: dict[int, tuple[QColor, list[tuple[float, float]]]] = {}
    for index in sorted(marks):
        if index >= len(extents):
            break
        top, bottom = extents[index]
        low, high = top * scale, top * scale + max(2.0, (bottom - top) * scale)
        colour = marks[index]
        found = by_colour.get(id(colour))  # a mark's colour is one of MARK_COLOURS'
        if found is None:
            found = by_colour[id(colour)] = (colour, [])
        spans = found[1]
        if spans and low <= spans[-1][1] + 0.5:
            spans[-1] = (spans[-1][0], max(high, spans[-1][1]))
        else:
            spans.append((low, high))
    order = {id(colour): rank for rank, colour in enumerate(MARK_COLOURS.values())}
    return sorted(by_colour.values(), key=lambda found: order.get(id(found[0]), -1))
