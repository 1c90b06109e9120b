"""The discrepancy rows as a Qt table model: the view asks for the cells it shows, so a
book's 50,000 rows cost nothing until scrolled to, and a new review mark or a kind filter
redraws what is on screen instead of rebuilding every row."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.rendering import palette

if TYPE_CHECKING:  # the discrepancy finder loads with the first comparison, not the window
    from compareapp.core.documents.document import Document
    from compareapp.core.facts.discrepancies import Discrepancy

ALL = ""
NOT_HERE = "— not in this source —"
ROW_ROLE = Qt.ItemDataRole.UserRole
"""The role under which every cell gives its row (a ``Discrepancy``)."""
Index = QModelIndex | QPersistentModelIndex


class DiscrepancyTable(QAbstractTableModel):
    """Columns: the kind, one per source with its wording, and the row's review status."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Discrepancy] = []
        self.documents: list[Document] = []
        self.marks: list[ReviewMark] = []
        self.kinds: frozenset[str] | None = None
        """The ``FactKind`` values shown; None for all."""
        self.shown: list[Discrepancy] = []
        """The rows of the chosen kind, in order: the table's rows."""
        self._reviews: dict[int, str] = {}

    def set_rows(self, rows: list[Discrepancy], documents: list[Document]) -> None:
        self.beginResetModel()
        self.rows, self.documents = rows, documents
        self._choose()
        self.endResetModel()

    def set_kind(self, kind: str) -> None:
        """Show only the rows of ``kind`` (a ``FactKind`` value, or ``ALL``)."""
        self.set_kinds(None if kind == ALL else {kind})

    def set_kinds(self, kinds: Iterable[str] | None) -> None:
        """Show only the rows of ``kinds`` (``FactKind`` values; None for every kind)."""
        self.beginResetModel()
        self.kinds = None if kinds is None else frozenset(kinds)
        self._choose()
        self.endResetModel()

    def set_marks(self, marks: Sequence[ReviewMark], on_screen: range | None = None) -> None:
        """New review marks: the review column is worked out again as it is shown. Only
        the rows ``on_screen`` (all by default) are said to have changed: the others are
        asked when scrolled to, and a view whose rows differ in height measures each row
        it is told about."""
        self.marks = list(marks)
        self._reviews.clear()
        first, stop = (
            (0, len(self.shown)) if on_screen is None else (on_screen.start, on_screen.stop)
        )
        stop = min(stop, len(self.shown))
        if first < stop:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(first, last), self.index(stop - 1, last))

    def row(self, number: int) -> Discrepancy:
        return self.shown[number]

    def as_tab_separated(self, numbers: Iterable[int]) -> str:
        """The header and the shown rows ``numbers`` as a spreadsheet pastes them: a line
        per row, cells between tabs (tabs and line breaks inside a cell become spaces)."""
        columns = range(self.columnCount())

        def line(cells: Iterable[object]) -> str:
            return "\t".join(" ".join(str(cell or "").split()) for cell in cells)

        header = line(self.headerData(c, Qt.Orientation.Horizontal, 0) for c in columns)
        body = [line(self.index(n, c).data() for c in columns) for n in numbers]
        return "\n".join([header, *body]) + "\n"

    def _choose(self) -> None:
        kinds = self.kinds
        self.shown = [row for row in self.rows if kinds is None or row.kind.value in kinds]
        self._reviews.clear()

    # The model's answers ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.documents) + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = ["Kind", *(document.name for document in self.documents), "Review"]
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self.shown):
            return None
        row, column = self.shown[index.row()], index.column()
        if role == ROW_ROLE:
            return row
        version_column = 1 <= column <= len(row.versions)
        if role == Qt.ItemDataRole.ToolTipRole and version_column:
            version = row.versions[column - 1]
            return version.context if version else NOT_HERE
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return row.kind.value
        if version_column:
            version = row.versions[column - 1]
            return " ".join(version.text.split()) if version else NOT_HERE
        return self._review(index.row(), row)

    def _review(self, number: int, row: Discrepancy) -> str:
        if number not in self._reviews:
            from compareapp.core.present.row_statuses import row_statuses  # loaded: there are rows

            self._reviews[number] = review_text(row_statuses(row, self.documents, self.marks))
        return self._reviews[number]


def review_text(statuses: Collection[MarkStatus]) -> str:
    """What the review column says of a row whose words have marks of ``statuses``."""
    return " ".join(f"{palette.MARK_GLYPH[s]} {s.value}" for s in MarkStatus if s in statuses)
