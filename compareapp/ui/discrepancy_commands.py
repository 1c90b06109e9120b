"""The window's side of the discrepancy table: fill it when a comparison is shown, show a
row's fact in every pane, and turn a row's verdict into review marks on each source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from compareapp.core.review import MarkStatus, ReviewMark
from compareapp.ui import settings

if TYPE_CHECKING:
    from compareapp.core.discrepancies import Discrepancy
    from compareapp.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class DiscrepancyCommands(_Base):
    def show_discrepancy(self, row: Discrepancy) -> None:
        spans = {
            document: (version.start, version.end)
            for document, version in enumerate(row.versions)
            if version is not None
        }
        self.comparison_view.show_passages(spans)
        self.statusBar().showMessage(
            f"{row.kind.value.capitalize()}: "
            + " | ".join(" ".join(v.text.split())[:60] if v else "—" for v in row.versions),
            8000,
        )

    def mark_discrepancies(self, rows: list[Discrepancy], status: MarkStatus) -> list[ReviewMark]:
        """One review mark per source's words of each row, in one undoable step."""
        documents = self.documents
        reviewer = settings.reviewer()
        marks = [
            ReviewMark.create(
                documents[index].source_id,
                documents[index].text,
                version.start,
                version.end,
                status,
                reviewer,
                f"Discrepancy ({row.kind.value})",
            )
            for row in rows
            for index, version in enumerate(row.versions)
            if version is not None and version.end > version.start
        ]
        if marks:
            self.review.add(marks)
        return marks
