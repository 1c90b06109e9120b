"""Dock tables whose long cells wrap. Each column is as wide as its contents (a short one at
most :data:`COLUMN_LIMIT`); the columns that wrap share the width the others leave, so a
long note reads on one line when the dock floats wide and wraps when it is narrow; the
last column stretches; and each row is as tall as its wrapped cells.

The contents are measured as Qt's ``sizeHintForColumn`` measures them (each cell of the
first rows, as many as the header's ``resizeContentsPrecision``), a slice at a time: the
first screenful's slice sizes the columns at once, the rest between other events, and the
columns are sized again once it is all measured. (Measured whole, a table of hundreds of
facts held the window still for 150 ms.)"""

from __future__ import annotations

import time
from collections.abc import Collection, Mapping

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

COLUMN_LIMIT = 360
"""The widest a column that does not wrap grows to show its contents."""
MIN_WRAPPED = 120
"""The narrowest a wrapping column gets, however narrow the dock (the table then scrolls
sideways)."""
MEASURE_SLICE_S = 0.012
"""How long the window measures cells before it lets other events through."""
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
        self.measuring = False
        """Rows are still being measured (their columns are sized again when done)."""
        self._fits = 0
        """Fits asked for so far: measuring for an earlier one stops."""
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
            column: max(header.sectionSizeHint(column), room.get(column, 0))
            for column in range(header.count())
        }
        precision = header.resizeContentsPrecision()
        measured = rows if precision <= 0 else min(rows, precision)
        self._fits += 1
        self.measuring = True
        self._measure(self._fits, 0, measured)

    def _measure(self, fit: int, start: int, stop: int) -> None:
        """Measure rows ``start`` to ``stop`` for fit number ``fit``, a slice now and the
        rest after other events; size the columns after the first slice and the last."""
        model = self.view.model()
        if fit != self._fits or model is None:
            return  # the rows changed: a later fit measures them
        option = QStyleOptionViewItem()
        self.view.initViewItemOption(option)
        # Widths only: a cell's unwrapped width does not depend on wrapping.
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        natural, delegate = self.natural, self.delegate
        # Rows of a flat list: the tree's column is indented only by the root decoration.
        tree = self.view.treePosition()  # a logical index, or -1 for the first shown
        indented = tree if tree >= 0 else self.view.header().logicalIndex(0)
        indent = self.view.indentation() if self.view.rootIsDecorated() else 0
        stop = min(stop, model.rowCount())
        deadline = time.perf_counter() + MEASURE_SLICE_S
        row = start
        while row < stop:
            for column in natural:
                width = delegate.sizeHint(option, model.index(row, column)).width()
                width += indent if column == indented else 0
                if width > natural[column]:
                    natural[column] = width
            row += 1
            if time.perf_counter() > deadline:
                break
        self.measuring = row < stop
        if start == 0 or not self.measuring:
            self.share()
        if self.measuring:
            QTimer.singleShot(0, self, lambda: self._measure(fit, row, stop))

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
