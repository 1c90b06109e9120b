"""The status bar's part while a job runs: what it is doing, a busy bar and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar


class BusyIndicator:
    """Adds its widgets to ``status_bar``, hidden until :meth:`set_busy`. Cancel does
    what the window connects to ``cancel_button``."""

    def __init__(self, status_bar: QStatusBar) -> None:
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(160)
        self.cancel_button = QPushButton("Cancel")
        for widget in (self.label, self.bar, self.cancel_button):
            status_bar.addPermanentWidget(widget)
            widget.hide()

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.label.setText(text)
        for widget in (self.label, self.bar, self.cancel_button):
            widget.setVisible(busy)

    def show_progress(self, text: str) -> None:
        self.label.setText(text)
