"""The discrepancy dock: a row per fact that differs between the sources, a column per
source with its wording, and the review status of the row. A click shows the fact in every
pane; Mark Verified / Mark Disputed mark each source's words (review marks, so the
session and the PDF know them)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compareapp.core.fact_kind import FactKind
from compareapp.core.review import MarkStatus, ReviewMark
from compareapp.ui import styles

if TYPE_CHECKING:  # the discrepancy finder loads with the first comparison, not the window
    from compareapp.core.discrepancies import Discrepancy
    from compareapp.core.document import Document

ALL = ""
NOT_HERE = "— not in this source —"
LISTING = "Listing the facts…"
NO_COMPARISON = "No comparison yet"


class DiscrepancyPanel(QDockWidget):
    row_activated = Signal(object)
    """A row (Discrepancy) was clicked: show it in the panes."""
    mark_requested = Signal(list, object)
    """Rows to mark, and the MarkStatus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Discrepancies", parent)
        self.setObjectName("discrepancy_panel")
        self.rows: list[Discrepancy] = []
        self.documents: list[Document] = []
        self.marks: list[ReviewMark] = []
        self.state = ""
        """Said instead of the count while there are no rows to count (``LISTING``)."""
        self.kind_filter = QComboBox()
        self.kind_filter.addItem("All kinds", ALL)
        for kind in FactKind:
            self.kind_filter.addItem(kind.value.capitalize(), kind.value)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.list.setHeaderLabels(["Kind", "Review"])
        self.count_label = QLabel()
        self.verify_button = QPushButton("✓ Mark Verified")
        self.dispute_button = QPushButton("! Mark Disputed")
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.dispute_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.kind_filter)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.state = NO_COMPARISON
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.list.itemClicked.connect(lambda item: self.row_activated.emit(self._row_of(item)))
        self.verify_button.clicked.connect(lambda: self._mark(MarkStatus.VERIFIED))
        self.dispute_button.clicked.connect(lambda: self._mark(MarkStatus.DISPUTED))
        self.refresh()

    def set_rows(self, rows: list[Discrepancy], documents: list[Document]) -> None:
        self.rows, self.documents, self.state = rows, documents, ""
        self.list.setHeaderLabels(["Kind", *(d.name for d in documents), "Review"])
        self.list.setColumnWidth(0, 95)
        for column in range(1, len(documents) + 1):
            self.list.setColumnWidth(column, 170)
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
        self.marks = list(marks)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.kind_filter.currentData()
        selected = {self._row_of(item).key for item in self.list.selectedItems()}
        self.list.clear()
        shown = [row for row in self.rows if chosen in (ALL, row.kind.value)]
        for row in shown:
            item = QTreeWidgetItem([row.kind.value, *self._cells(row), self._review(row)])
            item.setData(0, Qt.ItemDataRole.UserRole, row)
            for column, version in enumerate(row.versions, 1):
                item.setToolTip(column, version.context if version else NOT_HERE)
            self.list.addTopLevelItem(item)
            item.setSelected(row.key in selected)
        total = len(self.rows)
        self.count_label.setText(
            self.state
            or (f"{len(shown)} of {total} facts" if len(shown) != total else f"{total} facts")
        )
        for button in (self.verify_button, self.dispute_button):
            button.setEnabled(not self.state)

    def _cells(self, row: Discrepancy) -> list[str]:
        return [" ".join(v.text.split()) if v else NOT_HERE for v in row.versions]

    def _review(self, row: Discrepancy) -> str:
        from compareapp.core.discrepancies import row_statuses  # loaded: there are rows

        statuses = row_statuses(row, self.documents, self.marks)
        return " ".join(f"{styles.MARK_GLYPH[s]} {s.value}" for s in MarkStatus if s in statuses)

    def _row_of(self, item: QTreeWidgetItem) -> Discrepancy:
        from compareapp.core.discrepancies import Discrepancy  # loaded: there are rows

        row = item.data(0, Qt.ItemDataRole.UserRole)
        assert isinstance(row, Discrepancy)
        return row

    def selected_rows(self) -> list[Discrepancy]:
        return [self._row_of(item) for item in self.list.selectedItems()]

    def _mark(self, status: MarkStatus) -> None:
        rows = self.selected_rows()
        if rows:
            self.mark_requested.emit(rows, status)
