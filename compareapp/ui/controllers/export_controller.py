"""File > Export PDF: the report of the shown comparison and its review marks, written in
the background; the message that says it is done can open it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from compareapp.ui import settings
from compareapp.ui.tasks import BackgroundTask

if TYPE_CHECKING:
    from compareapp.export.pdf_export import ExportResult
    from compareapp.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class ExportCommands(_Base):
    def export_pdf(self) -> None:
        if self.comparison_view.result is None:
            self.statusBar().showMessage("Open two or more documents to export them", 5000)
            return
        path = self.ask_export_path()
        if path:
            self.start_export(path if path.lower().endswith(".pdf") else path + ".pdf")

    def ask_export_path(self) -> str:
        base = Path(self.suggested_path(".pdf"))  # a pasted first document has no path
        path, _filter = QFileDialog.getSaveFileName(
            self, "Export PDF", str(base.with_suffix(".pdf")), "PDF documents (*.pdf)"
        )
        return path

    def start_export(self, path: str) -> BackgroundTask:
        """Export to ``path`` off the UI thread; the review marks as they are now."""
        # Imported here, not with the window: the export loads pypdf and the report model.
        from compareapp.core.present.report_model import build_report
        from compareapp.export.pdf_export import ExportOptions, export_pdf

        report = build_report(self.comparison_view.model, list(self.review))
        options = ExportOptions(reviewer=settings.reviewer(), page_size=settings.page_size())
        task = BackgroundTask(lambda task: export_pdf(report, path, options, task.progress))
        self.export_task = task
        self._set_busy(True, "Exporting the PDF…")
        task.start(
            self._exported,
            lambda error: self._export_failed(path, error),
            self.progress_label.setText,
        )
        return task

    def _exported(self, result: ExportResult) -> None:
        from PySide6.QtCore import QUrl  # not with the window: only an export needs them
        from PySide6.QtGui import QDesktopServices

        self.export_task = None
        self._set_busy(False)
        self.offer_bar.offer(
            f"Exported {result.pages} pages with {result.annotations} annotation(s) to "
            f"{result.path}.",
            [("Open", lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path))))],
        )

    def _export_failed(self, path: str, error: BaseException) -> None:
        self.export_task = None
        self._set_busy(False)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self.message_bar.show_errors([f"Cannot export {path}: {reason}"])
