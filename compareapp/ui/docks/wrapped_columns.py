"""Dock tables whose long cells wrap. Each column is as wide as its contents (a short one at
most :data:`COLUMN_LIMIT`); the columns that wrap share the width the others leave, so a
long note reads on one line when the dock floats wide and wraps when it is narrow; the
last column stretches; and each row is as tall as its wrapped cells."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

COLUMN_LIMIT = 360
"""The widest a column that does not wrap grows to show its contents."""
MIN_WRAPPED = 120
"""The narrowest a wrapping column gets, however narrow the dock (the table then scrolls
sideways)."""
WRAPPED_ROWS_LIMIT = 2_000
"""Up to this many rows, cells wrap and rows grow to fit. A book's tens of thousands of
rows stay one line each, with the full text in the tooltip: rows of one height are all the
view needs to know, where wrapped rows would each be measured at every change."""


class WrappingDelegate(QStyledItemDelegate):
    """Wraps the cells of the columns ``wrapping`` (the others are one line, elided) and
    gives a cell's height at its column's width, its width unwrapped (what the column needs
    to show it on one line); draws every cell from the top of its row, so that a row's cells
    read level when some of them wrap."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view
        self.wrapping: frozenset[int] = frozenset()

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        across = option.displayAlignment & Qt.AlignmentFlag.AlignHorizontal_Mask
        option.displayAlignment = across | Qt.AlignmentFlag.AlignTop
        if index.column() not in self.wrapping:
            option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        unwrapped = super().sizeHint(option, index)
        wraps = option.features & QStyleOptionViewItem.ViewItemFeature.WrapText
        if not wraps or index.column() not in self.wrapping:
            return unwrapped  # (the view does not wrap a book's rows)
        at_width = QStyleOptionViewItem(option)
        at_width.rect = QRect(0, 0, self.view.columnWidth(index.column()), 1 << 20)
        return QSize(unwrapped.width(), super().sizeHint(at_width, index).height())


class WrappedColumns(QObject):
    """Sizes the columns of ``view`` and wraps the cells of the columns that wrap."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view
        self.wrapping: frozenset[int] = frozenset()
        self.natural: dict[int, int] = {}
        """Each column's width for its contents on one line, as last measured."""
        self._sharing = False
        self.delegate = WrappingDelegate(view)
        view.setItemDelegate(self.delegate)
        view.header().setStretchLastSection(True)
        view.viewport().installEventFilter(self)

    def fit(self, wrapping: Collection[int], room_for: Mapping[int, str] | None = None) -> None:
        """Measure the contents (after they changed) and size the columns to them; the
        columns ``wrapping`` wrap. A column in ``room_for`` is at least wide enough for its
        text there (what its cells may say later, such as the widest review status)."""
        self.wrapping = self.delegate.wrapping = frozenset(wrapping)
        view, header = self.view, self.view.header()
        rows = view.model().rowCount() if view.model() is not None else 0
        wrap = rows <= WRAPPED_ROWS_LIMIT
        view.setWordWrap(wrap)
        view.setUniformRowHeights(not wrap)
        margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        room = {
            column: view.fontMetrics().horizontalAdvance(text) + margin
            for column, text in (room_for or {}).items()
        }
        self.natural = {
            column: max(
                view.sizeHintForColumn(column), header.sectionSizeHint(column), room.get(column, 0)
            )
            for column in range(header.count())
        }
        self.share()

    def share(self) -> None:
        """Give each column its width for the viewport's width and lay the rows out again.
        A scroll bar that comes or goes meanwhile changes that width: it is shared once
        more, not again and again."""
        if self._sharing:
            return
        self._sharing = True
        try:
            for _attempt in range(2):
                width = self.view.viewport().width()
                self._share_width(width)
                if self.view.viewport().width() == width:
                    break
        finally:
            self._sharing = False

    def _share_width(self, width: int) -> None:
        widths = {
            column: min(natural, COLUMN_LIMIT)
            for column, natural in self.natural.items()
            if column not in self.wrapping
        }
        spare = width - sum(widths.values())
        wrapping = sorted(
            (column for column in self.natural if column in self.wrapping),
            key=self.natural.__getitem__,
        )
        for position, column in enumerate(wrapping):  # the narrowest first: what they
            share = spare // (len(wrapping) - position)  # leave goes to the wider ones
            widths[column] = min(self.natural[column], max(MIN_WRAPPED, share))
            spare -= widths[column]
        header = self.view.header()
        for column, column_width in widths.items():
            header.resizeSection(column, column_width)
        self.view.doItemsLayout()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QResizeEvent)
            and event.size().width() != event.oldSize().width()
            and self.natural
        ):
            self.share()
        return False
