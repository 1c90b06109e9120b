"""Edit > Preferences: the reviewer's name that signs review marks and exports, and the
page size of exported PDFs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from compareapp.ui import settings

PAGE_SIZES = ("A4", "Letter")


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.reviewer = QLineEdit(settings.reviewer())
        self.reviewer.setToolTip("Signs your review marks and PDF annotations")
        self.page_size = QComboBox()
        self.page_size.addItems(PAGE_SIZES)
        self.page_size.setCurrentText(settings.page_size())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Reviewer name", self.reviewer)
        form.addRow("PDF page size", self.page_size)
        form.addRow(buttons)

    def accept(self) -> None:
        if self.reviewer.text().strip():
            settings.set_reviewer(self.reviewer.text())
        settings.set_page_size(self.page_size.currentText())
        super().accept()
