"""The discrepancy dock: a row per fact that differs between the sources, a column per
source with its wording, and the review status of the row. A click shows the fact in every
pane; Mark Verified / Mark Disputed mark each source's words (review marks, so the
session and the PDF know them)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from compareapp.core.facts.fact_kind import FactKind
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.ui.accessibility import describe
from compareapp.ui.docks.discrepancy_table import ALL, DiscrepancyTable, review_text
from compareapp.ui.docks.wrapped_columns import WrappedColumns

if TYPE_CHECKING:  # the discrepancy finder loads with the first comparison, not the window
    from compareapp.core.documents.document import Document
    from compareapp.core.facts.discrepancies import Discrepancy

LISTING = "Listing the facts…"
SEVERAL = "several"
"""The kind list's item while the menu has several kinds checked."""
NO_COMPARISON = "No comparison yet"


class DiscrepancyPanel(QDockWidget):
    row_activated = Signal(object)
    """A row (Discrepancy) was clicked: show it in the panes."""
    mark_requested = Signal(list, object)
    """Rows to mark, and the MarkStatus."""
    export_requested = Signal()
    """Export CSV… was clicked: write the rows shown to a file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Discrepancies", parent)
        self.setObjectName("discrepancy_panel")
        self.table = DiscrepancyTable()
        self.state = NO_COMPARISON
        """Said instead of the count while there are no rows to count (``LISTING``)."""
        self.kind_filter = QComboBox()
        self.kind_filter.addItem("All kinds", ALL)
        for kind in FactKind:
            self.kind_filter.addItem(kind.value.capitalize(), kind.value)
        # Several kinds at once (everything but "only in one source", say): a checkable menu.
        self.kinds_button = QToolButton()
        self.kinds_button.setText("Kinds")
        self.kinds_button.setToolTip("Show several kinds of fact at once")
        self.kinds_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kinds_menu = QMenu(self.kinds_button)
        for kind in FactKind:
            action = self.kinds_menu.addAction(kind.value.capitalize())
            action.setData(kind.value)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda _checked: self._kinds_chosen())
        self.kinds_button.setMenu(self.kinds_menu)
        self.list = QTreeView()
        self.list.setModel(self.table)
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.columns = WrappedColumns(self.list)  # each source's wording wraps
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.count_label = QLabel()
        self.verify_button = QPushButton("✓ Mark Verified")
        self.dispute_button = QPushButton("! Mark Disputed")
        # Copy and Export CSV: in the list's context menu and behind a small button, so
        # that the dock (and the window) stays as narrow as before.
        self.copy_action = QAction("Copy", self.list)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.setToolTip("Copy the selected rows as tab-separated text")
        self.copy_action.triggered.connect(self.copy_selected)
        self.export_action = QAction("Export CSV…", self.list)
        self.export_action.setToolTip("Write the rows shown to a CSV file for a spreadsheet")
        self.export_action.triggered.connect(self.export_requested)
        self.list.addActions([self.copy_action, self.export_action])
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.more_button = QToolButton()
        self.more_button.setText("⋯")
        self.more_button.setToolTip("Copy the selected rows, or export the table as CSV")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more_menu = QMenu(self.more_button)
        more_menu.addActions([self.copy_action, self.export_action])
        self.more_button.setMenu(more_menu)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.dispute_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.kinds_button)
        filters.addWidget(self.more_button)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.kind_filter.currentIndexChanged.connect(self._filter)
        self.list.clicked.connect(
            lambda index: self.row_activated.emit(self.table.row(index.row()))
        )
        self.list.activated.connect(  # Enter on a row, as a click
            lambda index: self.row_activated.emit(self.table.row(index.row()))
        )
        self._name_for_screen_readers()
        self.verify_button.clicked.connect(lambda: self._mark(MarkStatus.VERIFIED))
        self.dispute_button.clicked.connect(lambda: self._mark(MarkStatus.DISPUTED))
        self.refresh()

    @property
    def rows(self) -> list[Discrepancy]:
        return self.table.rows

    def set_rows(self, rows: list[Discrepancy], documents: list[Document]) -> None:
        self.state = ""
        self.table.set_rows(rows, documents)
        review = self.table.columnCount() - 1  # room for any status a mark gives it later
        self.columns.fit(range(1, review), {review: review_text(set(MarkStatus))})
        self.refresh()

    def set_pending(self, documents: list[Document]) -> None:
        """No rows yet: the comparison is on screen and its facts are being listed."""
        self.set_rows([], documents)
        self.show_state(LISTING)

    def show_state(self, text: str) -> None:
        """Say ``text`` instead of counting rows (listing, or why there are none)."""
        self.state = text
        self.refresh()

    def set_marks(self, marks: Iterable[ReviewMark]) -> None:
        """New review marks: the review column of the rows on screen is redrawn now."""
        top = self.list.indexAt(QPoint(0, 0)).row()
        bottom = self.list.indexAt(QPoint(0, self.list.viewport().height() - 1)).row()
        on_screen = range(max(top, 0), bottom + 1 if bottom >= 0 else len(self.table.shown))
        self.table.set_marks(list(marks), on_screen)

    def refresh(self) -> None:
        """The count (or the state) and the buttons, after the rows or the filter changed."""
        shown, total = len(self.table.shown), len(self.table.rows)
        self.count_label.setText(
            self.state or (f"{shown} of {total} facts" if shown != total else f"{total} facts")
        )
        for button in (self.verify_button, self.dispute_button):
            button.setEnabled(not self.state)
        for action in (self.copy_action, self.export_action):
            action.setEnabled(not self.state)

    def copy_selected(self) -> None:
        """The selected rows (with the header) to the clipboard as tab-separated text."""
        numbers = [index.row() for index in self._selected()]
        if numbers:
            clipboard = QGuiApplication.clipboard()
            clipboard.setText(self.table.as_tab_separated(numbers))

    def selected_rows(self) -> list[Discrepancy]:
        return [self.table.row(index.row()) for index in self._selected()]

    def select_rows(self, rows: Iterable[Discrepancy]) -> None:
        """Select ``rows`` where they are shown (and nothing else)."""
        wanted = {row.key for row in rows}
        selection = self.list.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for number, row in enumerate(self.table.shown):
            if row.key in wanted:
                selection.select(self.table.index(number, 0), flags)

    def _selected(self) -> list[QModelIndex]:
        return sorted(self.list.selectionModel().selectedRows(), key=lambda index: index.row())

    def _filter(self) -> None:
        """A kind chosen in the list: that kind alone (or every kind)."""
        kind = self.kind_filter.currentData()
        if kind == SEVERAL:
            return
        for action in self.kinds_menu.actions():
            action.blockSignals(True)
            action.setChecked(kind == ALL or action.data() == kind)
            action.blockSignals(False)
        self._show_kinds(None if kind == ALL else {kind})

    def _kinds_chosen(self) -> None:
        """Kinds checked in the menu: those, and the list says which (or "Several")."""
        chosen = {a.data() for a in self.kinds_menu.actions() if a.isChecked()}
        every = len(chosen) == len(self.kinds_menu.actions())
        if not every and len(chosen) != 1 and self.kind_filter.findData(SEVERAL) < 0:
            self.kind_filter.addItem("Several kinds", SEVERAL)
        wanted = ALL if every else (next(iter(chosen)) if len(chosen) == 1 else SEVERAL)
        self.kind_filter.blockSignals(True)
        self.kind_filter.setCurrentIndex(self.kind_filter.findData(wanted))
        self.kind_filter.blockSignals(False)
        self._show_kinds(None if every else chosen)

    def _show_kinds(self, kinds: set[str] | None) -> None:
        selected = self.selected_rows()
        self.table.set_kinds(kinds)
        self.select_rows(selected)
        self.refresh()

    def _mark(self, status: MarkStatus) -> None:
        rows = self.selected_rows()
        if rows:
            self.mark_requested.emit(rows, status)

    def _name_for_screen_readers(self) -> None:
        self.setAccessibleName("Discrepancies panel")
        self.setAccessibleDescription("A row per fact that differs between the sources")
        for widget, name, description in (
            (self.kind_filter, "Kind of fact shown", "Show one kind of fact, or all"),
            (self.kinds_button, "Kinds shown", self.kinds_button.toolTip()),
            (self.more_button, "More table actions", self.more_button.toolTip()),
            (self.list, "Discrepancies", "Arrow keys choose a row, Enter shows it in the panes"),
            (self.list.header(), "Columns", "The kind, each source's wording, the review"),
            (self.count_label, "", "How many facts the table shows"),
            (self.verify_button, "Mark Verified", "Mark the selected rows' words as verified"),
            (self.dispute_button, "Mark Disputed", "Mark the selected rows' words as disputed"),
        ):
            describe(widget, name, description)
