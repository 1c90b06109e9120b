"""The read-only, word-wrapped view of one document's text, one block per paragraph."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QMenu, QTextEdit, QWidget

from compareapp.rendering import palette
from compareapp.ui.panes.document_builder import PARAGRAPH_SPACING, has_huge_word
from compareapp.ui.panes.mark_gutter import GUTTER_WIDTH, MarkGutter, ShownMark
from compareapp.ui.panes.paced_layout import PacedLayout

LAYOUT_SETTLE_MS = 120
"""After Qt laid the text out again (a new font), extents are read once it has been still
this long."""
WRAP_AT_WORDS = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
WRAP_ANYWHERE = QTextOption.WrapMode.WrapAnywhere
FIND_MATCH = QColor(255, 230, 0, 110)
FIND_CURRENT = QColor(255, 150, 0, 200)


class DocumentTextView(QTextEdit):
    """Shows a pane's text and reports where its paragraphs are."""

    extents_changed = Signal()
    paragraph_clicked = Signal(int)
    """A paragraph chosen: clicked, or reached with the caret keys (or Enter on it)."""
    zoom_requested = Signal(int)
    """Ctrl+wheel: steps to make the text larger (negative: smaller), in every pane alike."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAcceptDrops(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        from compareapp.ui import apply_preferences  # the text size set in Preferences

        font = self.font()
        font.setPointSizeF(apply_preferences.text_size or max(font.pointSizeF(), 10.5) * 1.1)
        self.setFont(font)
        self._extents: list[tuple[float, float]] = []
        self._tops: list[float] = []
        self._selected: list[int] = []
        self._current: tuple[int, int] | None = None
        self._link_selections: list[QTextEdit.ExtraSelection] = []
        self._mark_selections: list[QTextEdit.ExtraSelection] = []
        self._find_selections: list[QTextEdit.ExtraSelection] = []
        self.gutter = MarkGutter(self)
        self.setViewportMargins(GUTTER_WIDTH, 0, 0, 0)
        self.verticalScrollBar().valueChanged.connect(self.gutter.update)
        self.extend_context_menu: Callable[[QMenu, int], None] | None = None
        """Adds the review commands to the context menu, given the view position clicked."""
        self._pacer = PacedLayout(self, PARAGRAPH_SPACING, self._extents_read)
        self._settle = QTimer(self, singleShot=True, interval=LAYOUT_SETTLE_MS)
        self._settle.timeout.connect(self._read_extents)

    def set_text_document(self, document: QTextDocument) -> None:
        """Show ``document``; the view owns it from now on (and deletes the one it had)."""
        document.setDefaultFont(self.font())
        self.setWordWrapMode(WRAP_ANYWHERE if has_huge_word(document) else WRAP_AT_WORDS)
        document.setParent(self)
        self.setDocument(document)
        self.set_review_marks(self.gutter.marks)  # their tint lives in the old document
        self._extents, self._tops = [], []
        self._selected, self._current = [], None
        document.documentLayout().documentSizeChanged.connect(self._settle.start)
        self._pacer.start()  # the first screen is laid out already: the rest a slice at a time

    # Geometry ---------------------------------------------------------------------------

    def paragraph_extents(self) -> list[tuple[float, float]]:
        """``(top, bottom)`` of every paragraph in document coordinates (pixels)."""
        return self._extents

    def document_height(self) -> float:
        bar = self.verticalScrollBar()
        return float(bar.maximum() + bar.pageStep())

    def scroll_value(self) -> float:
        return float(self.verticalScrollBar().value())

    def set_scroll_value(self, value: float) -> None:
        self.verticalScrollBar().setValue(round(value))

    def scroll_to_position(self, position: int) -> None:
        """Scroll so that view ``position`` sits a third of the way down."""
        cursor = self.textCursor()
        cursor.setPosition(self._clamped(position))
        y = self.cursorRect(cursor).top() + self.scroll_value()
        self.set_scroll_value(y - self.verticalScrollBar().pageStep() / 3)

    def _clamped(self, position: int) -> int:
        """``position`` within the text shown (a text still arriving is shorter)."""
        return min(max(position, 0), self.document().characterCount() - 1)

    def visible_positions(self) -> tuple[int, int]:
        """The view positions at the top left and the bottom right of the viewport."""
        viewport = self.viewport()
        top = self.cursorForPosition(QPoint(0, 0)).position()
        bottom = self.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return top, bottom

    def paragraph_at(self, document_y: float) -> int | None:
        """The paragraph at vertical position ``document_y``, or the nearest one above it."""
        index = bisect.bisect_right(self._tops, document_y) - 1
        return index if index >= 0 else None

    def paragraphs_between(self, top: float, bottom: float) -> tuple[int, int]:
        """The range ``[first, end)`` of paragraphs that reach into ``[top, bottom]``."""
        first = max(0, bisect.bisect_right(self._tops, top) - 1)
        return first, bisect.bisect_right(self._tops, bottom)

    def _read_extents(self) -> None:
        """Qt laid the text out again: read the extents anew (laying out what is left)."""
        if not self._pacer.running:
            self._pacer.start()

    def _extents_read(self, extents: list[tuple[float, float]]) -> None:
        if extents != self._extents:
            self._extents = extents
            self._tops = [top for top, _bottom in extents]
            self.extents_changed.emit()

    # Selection --------------------------------------------------------------------------

    def show_selected(self, paragraphs: list[int], current: tuple[int, int] | None = None) -> None:
        """Tint ``paragraphs`` (a selected link) and outline ``current`` (view positions of
        the current difference)."""
        self._selected, self._current = paragraphs, current
        self.viewport().update()  # the tint is painted under the text: see paintEvent
        selections: list[QTextEdit.ExtraSelection] = []
        if current is not None:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._clamped(current[0]))
            end = max(current[1], current[0] + 1)
            cursor.setPosition(self._clamped(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format.setBackground(palette.CURRENT_DIFFERENCE)
            selections.append(selection)
        self._link_selections = selections
        self._show_extra_selections()

    def set_review_marks(self, marks: list[ShownMark]) -> None:
        """Tint the passages of ``marks`` and show them in the gutter."""
        self._mark_selections = []
        length = self.document().characterCount()
        for mark in marks:
            if mark.end >= length:  # the text has not arrived yet: tinted when it does
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(mark.start)
            cursor.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format.setBackground(palette.MARK_BACKGROUND[mark.status])
            selection.format.setToolTip(f"{mark.status.value.capitalize()} (review mark)")
            self._mark_selections.append(selection)
        self.gutter.set_marks(marks)
        self._show_extra_selections()

    def set_find_matches(
        self, matches: list[tuple[int, int]], current: tuple[int, int] | None = None
    ) -> None:
        """Highlight the view ranges ``matches`` of a find, ``current`` the strongest."""
        self._find_selections = []
        length = self.document().characterCount()
        for start, end in matches:
            if end >= length:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            colour = FIND_CURRENT if (start, end) == current else FIND_MATCH
            selection.format.setBackground(colour)
            self._find_selections.append(selection)
        self._show_extra_selections()

    def find_matches(self) -> list[tuple[int, int]]:
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self._find_selections]

    def _show_extra_selections(self) -> None:
        self.setExtraSelections(
            self._mark_selections + self._link_selections + self._find_selections
        )

    def review_marks(self) -> list[ShownMark]:
        return list(self.gutter.marks)

    def marks_at(self, position: int) -> list[ShownMark]:
        """The review marks that cover view ``position``."""
        return [mark for mark in self.gutter.marks if mark.start <= position <= mark.end]

    def selected_range(self) -> tuple[int, int] | None:
        """The view positions of the selected text, if any."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return cursor.selectionStart(), cursor.selectionEnd()

    def selected_paragraphs(self) -> list[int]:
        return list(self._selected)

    def select_range(self, start: int, end: int) -> None:
        """Select view positions ``[start, end)`` without scrolling."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._clamped(start))
        cursor.setPosition(self._clamped(end), QTextCursor.MoveMode.KeepAnchor)
        bar = self.verticalScrollBar()
        value = bar.value()
        self.setTextCursor(cursor)
        bar.setValue(value)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Tint the selected paragraphs whole, under the text: the word highlights stay
        visible (an extra selection would cover them, and tint only a first line)."""
        if self._selected:
            painter = QPainter(self.viewport())
            layout, offset = self.document().documentLayout(), self.scroll_value()
            for index in self._selected:
                block = self.document().findBlockByNumber(index)
                if block.isValid():
                    rect = layout.blockBoundingRect(block)
                    top = rect.top() - offset  # (the bounding rect leaves the spacing out)
                    area = QRectF(0, top, self.viewport().width(), rect.height())
                    painter.fillRect(area, palette.SELECTED_PARAGRAPH)
            painter.end()
        super().paintEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # a new width: Qt lays the text out again…
        if event.size().width() != event.oldSize().width():
            self._pacer.start()  # …a slice at a time
        area = self.contentsRect()
        self.gutter.setGeometry(QRect(area.left(), area.top(), GUTTER_WIDTH, area.height()))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() // 120 or (1 if event.angleDelta().y() > 0 else -1)
            if event.angleDelta().y():
                self.zoom_requested.emit(steps)
            event.accept()
            return
        super().wheelEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self.open_menu_at_caret()
            return
        position = self.cursorForPosition(self.viewport().mapFrom(self, event.pos())).position()
        self._open_menu(self.createStandardContextMenu(event.pos()), position, event.globalPos())

    def open_menu_at_caret(self) -> None:
        """The context menu for the caret's place, under the caret (the Menu key)."""
        corner = self.viewport().mapToGlobal(self.cursorRect().bottomLeft())
        self._open_menu(self.createStandardContextMenu(), self.textCursor().position(), corner)

    def _open_menu(self, menu: QMenu, position: int, where: QPoint) -> None:
        if self.extend_context_menu is not None:
            self.extend_context_menu(menu, position)
        menu.exec(where)
        menu.deleteLater()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Moving the caret into another paragraph (or Enter) chooses that paragraph, as a
        click does; the Menu key and Shift+F10 open the context menu at the caret."""
        key, shift = event.key(), event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        if key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and shift):
            self.open_menu_at_caret()
            return
        before = self.textCursor().blockNumber()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.paragraph_clicked.emit(before)
            return
        super().keyPressEvent(event)
        cursor = self.textCursor()
        if not cursor.hasSelection() and cursor.blockNumber() != before:
            self.paragraph_clicked.emit(cursor.blockNumber())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            block = self.cursorForPosition(event.position().toPoint()).block()
            self.paragraph_clicked.emit(block.blockNumber())
