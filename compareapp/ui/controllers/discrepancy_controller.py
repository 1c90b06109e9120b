"""The window's side of the discrepancy table: fill it once a comparison is shown (a job
of its own, which for a book takes seconds: the panes are usable meanwhile), show a row's
fact in every pane, and turn a row's verdict into review marks on each source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.ui import settings
from compareapp.ui.comparison_job import list_discrepancies
from compareapp.ui.tasks import BackgroundTask, Cancelled

if TYPE_CHECKING:
    from compareapp.core.facts.discrepancies import Discrepancy
    from compareapp.ui.comparison_view import ComparisonResult
    from compareapp.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class DiscrepancyCommands(_Base):
    discrepancy_task: BackgroundTask | None = None

    def list_discrepancies(self, result: ComparisonResult) -> None:
        """Fill the table with the facts that differ in ``result``, now on screen, once
        its panes' texts are laid out: a job running while Qt lays out and paints them
        would take the interpreter from the window's every Python handler."""
        self.stop_listing_discrepancies()
        self.discrepancy_panel.set_pending(result.documents)
        task = BackgroundTask(lambda task: list_discrepancies(result.model, task))
        self.discrepancy_task = task

        def listed(rows: list[Discrepancy]) -> None:
            self.discrepancy_task = None
            if self.comparison_view.result is result:
                self.discrepancy_panel.set_rows(rows, result.documents)

        def failed(error: BaseException) -> None:
            self.discrepancy_task = None
            if self.comparison_view.result is result and not isinstance(error, Cancelled):
                self.discrepancy_panel.show_state(f"The facts could not be listed: {error}")

        def start() -> None:
            if self.discrepancy_task is task and self.comparison_view.result is result:
                task.start(listed, failed)

        self.comparison_view.texts_laid_out.connect(start, Qt.ConnectionType.SingleShotConnection)

    def stop_listing_discrepancies(self) -> None:
        if self.discrepancy_task is not None:
            self.discrepancy_task.cancel()
            self.discrepancy_task = None

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
