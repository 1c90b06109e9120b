"""The window's side of the discrepancy table: fill it once a comparison is shown (a job
of its own, which for a book takes seconds: the panes are usable meanwhile), show a row's
fact in every pane, turn a row's verdict into review marks on each source, and write the
rows shown to a CSV file. The job lists page furniture's rows too; the table shows them
only while View > Show Page Furniture is on (:meth:`show_rows`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.ui import settings
from compareapp.ui.controllers.comparison_job import list_discrepancies
from compareapp.ui.tasks import BackgroundTask, Cancelled

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from compareapp.core.documents.document import Document
    from compareapp.core.facts.discrepancies import Discrepancy
    from compareapp.ui.controllers.review_controller import ReviewController
    from compareapp.ui.controllers.session_controller import SessionController
    from compareapp.ui.docks.discrepancy_panel import DiscrepancyPanel
    from compareapp.ui.message_bar import MessageBar
    from compareapp.ui.panes.comparison_result import ComparisonResult
    from compareapp.ui.panes.comparison_view import ComparisonView


class DiscrepancyHost(Protocol):
    """What the discrepancy commands use of the window."""

    documents: list[Document]
    review: ReviewController
    comparison_view: ComparisonView
    discrepancy_panel: DiscrepancyPanel
    sessions: SessionController
    message_bar: MessageBar

    def window(self) -> QWidget: ...
    def statusBar(self) -> QStatusBar: ...


class DiscrepancyController:
    def __init__(self, host: DiscrepancyHost) -> None:
        self.host = host
        self.task: BackgroundTask | None = None
        """The job listing the discrepancies, while it runs."""
        self.rows: list[Discrepancy] = []
        """Every row the job listed for the comparison shown, page furniture's included."""

    def list_discrepancies(self, result: ComparisonResult) -> None:
        """Fill the table with the facts that differ in ``result``, now on screen, once
        its panes' texts are laid out: a job running while Qt lays out and paints them
        would take the interpreter from the window's every Python handler."""
        self.stop_listing_discrepancies()
        self.rows = []
        view, panel = self.host.comparison_view, self.host.discrepancy_panel
        panel.set_pending(result.documents)
        task = BackgroundTask(lambda task: list_discrepancies(result.model, task))
        self.task = task

        def listed(rows: list[Discrepancy]) -> None:
            self.task = None
            if view.result is result:
                self.rows = rows
                self.show_rows()

        def failed(error: BaseException) -> None:
            self.task = None
            if view.result is result and not isinstance(error, Cancelled):
                panel.show_state(f"The facts could not be listed: {error}")

        def start() -> None:
            if self.task is task and view.result is result:
                task.start(listed, failed)

        view.texts_laid_out.connect(start, Qt.ConnectionType.SingleShotConnection)

    def show_rows(self) -> None:
        """Show the rows listed that the comparison's view model shows (page furniture's
        only when it is shown)."""
        result = self.host.comparison_view.result
        if result is not None and self.task is None:
            self.host.discrepancy_panel.set_rows(
                result.model.shown_rows(self.rows), result.documents
            )

    def stop_listing_discrepancies(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None

    def show_discrepancy(self, row: Discrepancy) -> None:
        spans = {
            document: (version.start, version.end)
            for document, version in enumerate(row.versions)
            if version is not None
        }
        self.host.comparison_view.show_passages(spans)
        self.host.statusBar().showMessage(
            f"{row.kind.value.capitalize()}: "
            + " | ".join(" ".join(v.text.split())[:60] if v else "—" for v in row.versions),
            8000,
        )

    def mark_discrepancies(self, rows: list[Discrepancy], status: MarkStatus) -> list[ReviewMark]:
        """One review mark per source's words of each row, in one undoable step."""
        documents = self.host.documents
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
            self.host.review.add(marks)
        return marks

    def export_csv(self) -> str | None:
        """Ask where, then write the rows the table shows (its kind filter applied) as CSV
        with each row's review status; the path written, or None."""
        path = self.ask_csv_path()
        if not path:
            return None
        if not path.lower().endswith(".csv"):
            path += ".csv"
        from compareapp.core.present.row_statuses import row_statuses
        from compareapp.core.reports.discrepancy_csv import discrepancies_to_csv
        from compareapp.core.review.atomic_file import write_atomically

        table = self.host.discrepancy_panel.table
        statuses = [row_statuses(row, table.documents, table.marks) for row in table.shown]
        text = discrepancies_to_csv(table.documents, table.shown, statuses)
        try:
            write_atomically(path, text.encode("utf-8"))
        except OSError as error:
            self.host.message_bar.show_errors([f"Cannot write {path}: {error.strerror or error}"])
            return None
        self.host.statusBar().showMessage(f"Wrote {len(table.shown)} rows to {path}", 5000)
        return path

    def ask_csv_path(self) -> str:
        suggested = self.host.sessions.suggested_path(".csv")
        path, _filter = QFileDialog.getSaveFileName(
            self.host.window(), "Export the discrepancy table", suggested, "CSV files (*.csv)"
        )
        return path
