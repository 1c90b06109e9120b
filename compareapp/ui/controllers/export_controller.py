"""File > Export PDF: the report of the shown comparison and its review marks, written in
the background; the message that says it is done can open it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QFileDialog

from compareapp.ui import settings
from compareapp.ui.tasks import BackgroundTask

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from compareapp.export.pdf_export import ExportResult
    from compareapp.ui.busy_indicator import BusyIndicator
    from compareapp.ui.controllers.review_controller import ReviewController
    from compareapp.ui.controllers.session_controller import SessionController
    from compareapp.ui.message_bar import MessageBar
    from compareapp.ui.panes.comparison_view import ComparisonView


class ExportHost(Protocol):
    """What the export commands use of the window."""

    review: ReviewController
    sessions: SessionController
    comparison_view: ComparisonView
    busy: BusyIndicator
    message_bar: MessageBar
    offer_bar: MessageBar

    def window(self) -> QWidget: ...
    def statusBar(self) -> QStatusBar: ...


class ExportController:
    def __init__(self, host: ExportHost) -> None:
        self.host = host
        self.task: BackgroundTask | None = None
        """The export running, if any."""

    def export_pdf(self, layout: str = "side-by-side") -> None:
        """Ask where, then export in ``layout``: "side-by-side" or "redline"."""
        if self.host.comparison_view.result is None:
            self.host.statusBar().showMessage("Open two or more documents to export them", 5000)
            return
        path = self.ask_export_path()
        if path:
            self.start_export(path if path.lower().endswith(".pdf") else path + ".pdf", layout)

    def ask_export_path(self) -> str:
        # A pasted first document has no path: the suggestion is in the home folder.
        base = Path(self.host.sessions.suggested_path(".pdf"))
        path, _filter = QFileDialog.getSaveFileName(
            self.host.window(), "Export PDF", str(base.with_suffix(".pdf")), "PDF documents (*.pdf)"
        )
        return path

    def start_export(self, path: str, layout: str = "side-by-side") -> BackgroundTask:
        """Export to ``path`` off the UI thread; the review marks as they are now."""
        # Imported here, not with the window: the export loads pypdf and the report model.
        from compareapp.core.present.report_model import build_report
        from compareapp.export.pdf_export import ExportOptions, export_pdf

        report = build_report(self.host.comparison_view.model, list(self.host.review))
        options = ExportOptions(
            reviewer=settings.reviewer(), page_size=settings.page_size(), layout=layout
        )
        task = BackgroundTask(lambda task: export_pdf(report, path, options, task.progress))
        self.task = task
        self.host.busy.set_busy(True, "Exporting the PDF…")
        task.start(
            self._exported,
            lambda error: self._export_failed(path, error),
            self.host.busy.show_progress,
        )
        return task

    def _exported(self, result: ExportResult) -> None:
        from PySide6.QtCore import QUrl  # not with the window: only an export needs them
        from PySide6.QtGui import QDesktopServices

        self.task = None
        self.host.busy.set_busy(False)
        unplaced = len(result.not_placed)
        warning = (
            f" {unplaced} mark(s) could not be placed on their words; the summary lists them."
            if unplaced
            else ""
        )
        self.host.offer_bar.offer(
            f"Exported {result.pages} pages with {result.annotations} annotation(s) to "
            f"{result.path}.{warning}",
            [("Open", lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path))))],
        )

    def _export_failed(self, path: str, error: BaseException) -> None:
        self.task = None
        self.host.busy.set_busy(False)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self.host.message_bar.show_errors([f"Cannot export {path}: {reason}"])
