"""Dismissible bars above the comparison for what must not interrupt the work: errors
(a file that cannot be read, named with the reason) and offers (recover unsaved work,
locate a missing source) with their buttons. Each waits to be closed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

ERROR_STYLE = "MessageBar { background: rgba(220, 60, 60, 45); }"
OFFER_STYLE = "MessageBar { background: rgba(60, 130, 230, 45); }"


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None, style: str = ERROR_STYLE) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(style)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.buttons: list[QPushButton] = []
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Dismiss")
        close.clicked.connect(self.hide)
        self.row = QHBoxLayout(self)
        self.row.addWidget(self.label, 1)
        self.row.addWidget(close)
        self.hide()

    def show_errors(self, messages: list[str]) -> None:
        """Show ``messages`` (one per line); hide the bar when there are none."""
        if messages:
            self.offer("\n".join(messages), [])
        else:
            self.hide()

    def offer(self, text: str, choices: Sequence[tuple[str, Callable[[], object]]]) -> None:
        """Show ``text`` with a button per choice; a button hides the bar, then acts."""
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for label, act in choices:
            button = QPushButton(label)
            button.setAccessibleDescription(text)  # what the choice answers
            button.clicked.connect(self.hide)
            button.clicked.connect(lambda _checked=False, act=act: act())
            self.row.insertWidget(self.row.count() - 1, button)
            self.buttons.append(button)
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def button(self, label: str) -> QPushButton:
        return next(button for button in self.buttons if button.text() == label)
