"""A dismissible bar above the comparison for errors that must not interrupt the work
(a file that cannot be read): it names the file and the reason and waits to be closed."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("MessageBar { background: rgba(220, 60, 60, 45); }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        close = QToolButton(text="✕")
        close.setToolTip("Dismiss")
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.hide()

    def show_errors(self, messages: list[str]) -> None:
        """Show ``messages`` (one per line); hide the bar when there are none."""
        if messages:
            self.label.setText("\n".join(messages))
        self.setVisible(bool(messages))

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
