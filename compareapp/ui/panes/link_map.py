"""The strip between two panes that joins each linked paragraph pair with a band.

A band is a filled shape bounded by two cubic curves from the paragraph's vertical extent
in the left pane to its counterpart's in the right pane. Bands of moved paragraphs cross
the others, have their own colour and a dashed outline; one with no end in view is drawn
only when it ends within a view's height of it. Clicking a band selects its link;
hovering over it shows why the paragraphs are linked. With the keyboard focus on it, the
arrow keys (Home, End) choose the previous or next link; its accessible description reads
out the links and the one chosen.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from compareapp.core.review.marks import MarkStatus
from compareapp.rendering import palette
from compareapp.ui.panes.text_view import DocumentTextView

if TYPE_CHECKING:
    from compareapp.core.present.view_model import Band

LINK_MAP_WIDTH = 72
SELECTED_SAID = 3
"""The most selected links the accessible description names one by one."""
KEY_STEPS = {
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Left: -1,
}


class LinkMap(QWidget):
    band_clicked = Signal(int, int)
    """Paragraph of the left pane, paragraph of the right pane."""
    band_chosen = Signal(int, int)
    """A link chosen with the keys: bring both its paragraphs into view."""

    def __init__(
        self,
        left: DocumentTextView,
        right: DocumentTextView,
        names: tuple[str, str] = ("the left pane", "the right pane"),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        self.names = names
        """The two documents' names, for screen readers."""
        self.bands: list[Band] = []
        self._lefts: _Ends = ([], [])
        """The left paragraphs of the bands, sorted, and the index in :attr:`bands` of each;
        likewise ``_rights``. ``_moved``: the indices of the moved bands."""
        self._rights: _Ends = ([], [])
        self._moved: list[int] = []
        self.selected: set[tuple[int, int]] = set()
        """The selected links, as (left paragraph, right paragraph)."""
        self.review_marks: tuple[dict[int, MarkStatus], dict[int, MarkStatus]] = ({}, {})
        """The status of the review marks on each side's paragraphs."""
        self.setFixedWidth(LINK_MAP_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click selects without taking it
        self.setAccessibleName(f"Links between {names[0]} and {names[1]}")
        for view in (left, right):
            view.verticalScrollBar().valueChanged.connect(self.update)
            view.extents_changed.connect(self.update)
        self._describe()

    def set_bands(self, bands: list[Band]) -> None:
        self.bands = bands
        self._lefts = _sorted_ends([band.left for band in bands])
        self._rights = _sorted_ends([band.right for band in bands])
        self._moved = [k for k, band in enumerate(bands) if band.moved]
        self.selected = set()
        self._describe()
        self.update()

    def select(self, links: Iterable[tuple[int, int]]) -> None:
        self.selected = set(links)
        self._describe()
        self.update()

    def _describe(self) -> None:
        """Read out what the bands show: how many links, of what kind, and the selected."""
        left, right = self.names
        moved = sum(band.moved for band in self.bands)
        changed = sum(band.changed and not band.moved for band in self.bands)
        text = f"{len(self.bands)} links: {changed} changed, {moved} moved"
        selected = sorted(self.selected)
        if selected:
            said = [f"{left} paragraph {a + 1} to {right} paragraph {b + 1}" for a, b in selected]
            more = len(said) - SELECTED_SAID
            text += "; selected: " + ", ".join(said[:SELECTED_SAID])
            text += f" and {more} more" if more > 0 else ""
        self.setAccessibleDescription(f"{text}. Up and Down choose the previous or next link")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        band = self._band_for_key(Qt.Key(event.key()))
        if band is None:
            super().keyPressEvent(event)
        else:
            self.band_chosen.emit(band.left, band.right)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()  # the focus frame

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def _band_for_key(self, key: Qt.Key) -> Band | None:
        """The link that ``key`` chooses: the next or previous of the selected ones (from
        the top of the left pane when none is), the first or last, or the selected again."""
        ordered = sorted(self.bands, key=lambda band: (band.left, band.right))
        if not ordered:
            return None
        if key == Qt.Key.Key_Home:
            return ordered[0]
        if key == Qt.Key.Key_End:
            return ordered[-1]
        chosen = [i for i, band in enumerate(ordered) if (band.left, band.right) in self.selected]
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            return ordered[chosen[0]] if chosen else None
        step = KEY_STEPS.get(key)
        if step is None:
            return None
        if chosen:
            here = chosen[-1] + 1 if step > 0 else chosen[0] - 1
        else:
            top = self.left.paragraph_at(self.left.scroll_value()) or 0
            ahead = [i for i, band in enumerate(ordered) if band.left >= top]
            here = ahead[0] if ahead else len(ordered) - 1
        return ordered[min(max(here, 0), len(ordered) - 1)]

    def set_review_marks(self, left: dict[int, MarkStatus], right: dict[int, MarkStatus]) -> None:
        self.review_marks = (left, right)
        self.update()

    def visible_paths(self) -> list[tuple[Band, QPainterPath]]:
        """The bands with an end in view, or crossing the view, with their shapes here."""
        left_extents = self.left.paragraph_extents()
        right_extents = self.right.paragraph_extents()
        left_shift, right_shift = self._shift(self.left), self._shift(self.right)
        height = self.height()
        found = []
        for band in self._candidates(left_shift, right_shift):
            if band.left >= len(left_extents) or band.right >= len(right_extents):
                continue
            l_top, l_bottom = left_extents[band.left]
            r_top, r_bottom = right_extents[band.right]
            l_top, l_bottom = l_top + left_shift, l_bottom + left_shift
            r_top, r_bottom = r_top + right_shift, r_bottom + right_shift
            if max(l_bottom, r_bottom) < 0 or min(l_top, r_top) > height:
                continue
            if _crosses_from_afar(l_top, l_bottom, r_top, r_bottom, height):
                continue
            # An end more than a view's height away is drawn there: in view the band looks
            # the same, and a curve a book long took seconds to stroke.
            ends = (min(max(y, -height), 2 * height) for y in (l_top, l_bottom, r_top, r_bottom))
            found.append((band, self._band_path(*ends)))
        return found

    def _candidates(self, left_shift: float, right_shift: float) -> list[Band]:
        """Bands whose left or right paragraph is near the view, and the moved ones (which
        may cross it from far away): a few dozen of thousands."""
        lefts = self.left.paragraphs_between(-left_shift - 1, self.height() - left_shift + 1)
        rights = self.right.paragraphs_between(-right_shift - 1, self.height() - right_shift + 1)
        near = {*self._moved}
        for (ends, order), (first, end) in ((self._lefts, lefts), (self._rights, rights)):
            near.update(order[bisect.bisect_left(ends, first) : bisect.bisect_left(ends, end)])
        return [self.bands[k] for k in sorted(near)]  # in their order: the same ones on top

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
            if (band.left, band.right) in self.selected:
                colour = palette.BAND_SELECTED
            elif band.moved:
                colour = palette.BAND_MOVED
            else:
                colour = palette.BAND_CHANGED if band.changed else palette.BAND_IDENTICAL
            outline = QPen(colour.darker(140), 1.0)
            if band.moved:
                outline.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(outline)
            painter.setBrush(colour)
            painter.drawPath(path)
        self._paint_review_marks(painter)
        if self.hasFocus():  # where the keys act
            painter.setPen(QPen(self.palette().highlight().color(), 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        painter.end()

    def _paint_review_marks(self, painter: QPainter) -> None:
        """A dot on each side level with the marked paragraphs."""
        painter.setPen(Qt.PenStyle.NoPen)
        for view, marks, x in (
            (self.left, self.review_marks[0], 5.0),
            (self.right, self.review_marks[1], self.width() - 5.0),
        ):
            extents, shift = view.paragraph_extents(), self._shift(view)
            for index, status in marks.items():
                if index < len(extents):
                    top, bottom = extents[index]
                    middle = shift + min(top + 8, (top + bottom) / 2)
                    if 0 <= middle <= self.height():
                        painter.setBrush(palette.MARK_COLOUR[status])
                        painter.drawEllipse(QPointF(x, middle), 4, 4)

    def band_at(self, point: QPointF) -> Band | None:
        """The topmost band under ``point``, if any."""
        for band, path in reversed(self.visible_paths()):
            if path.contains(point):
                return band
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        band = self.band_at(event.position())
        if band is None:
            super().mousePressEvent(event)
        else:
            self.band_clicked.emit(band.left, band.right)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            band = self.band_at(QPointF(event.pos()))
            if band is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), band.evidence, self)
            return True
        return super().event(event)


_Ends = tuple[list[int], list[int]]


def _sorted_ends(ends: list[int]) -> _Ends:
    """``ends`` sorted, and the index of each in ``ends`` (equal ones in their order): a
    book's 50,000 bands sort in a few milliseconds, where sorting (end, index) pairs took
    the UI thread 80 ms."""
    order = sorted(range(len(ends)), key=ends.__getitem__)
    return [ends[k] for k in order], order


def _crosses_from_afar(
    l_top: float, l_bottom: float, r_top: float, r_bottom: float, height: float
) -> bool:
    """Does a band only cross the view (no end in it), from more than a view's height away?
    Such bands are not drawn: in a book hundreds of moves cross any view, a mesh that took
    a second to draw and said nothing of the paragraphs in view."""
    ends_out = (l_bottom < 0 or l_top > height) and (r_bottom < 0 or r_top > height)
    far = min(l_top, r_top) < -height or max(l_bottom, r_bottom) > 2 * height
    return ends_out and far
