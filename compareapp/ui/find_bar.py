"""The find bar under the panes: what to find, how often each pane has it, the previous
and next buttons; Enter finds the next, Shift+Enter the previous, Escape closes it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from compareapp.ui.elided_label import ElidedLabel


class FindBar(QWidget):
    query_changed = Signal(str)
    step_requested = Signal(bool)
    """True for the next match, False for the previous one."""
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.setAccessibleName("Find bar")
        self.setAccessibleDescription("Finds text in every pane at once")
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find in every pane")
        self.edit.setAccessibleName("Find")
        self.edit.setAccessibleDescription(
            "Text to find in every pane; quotes, dashes and letter case need not match"
        )
        self.edit.setClearButtonEnabled(True)
        for clear in self.edit.findChildren(QToolButton):  # the line edit's own button
            clear.setAccessibleName("Clear")
            clear.setAccessibleDescription("Clear the text to find")
        self.edit.setMinimumWidth(160)
        self.edit.setMaximumWidth(320)
        self.edit.textChanged.connect(self.query_changed)
        self.edit.returnPressed.connect(lambda: self.step_requested.emit(True))
        self.previous_button = self._button("▲", "Previous match (Shift+F3)")
        self.previous_button.clicked.connect(lambda: self.step_requested.emit(False))
        self.next_button = self._button("▼", "Next match (F3, Enter)")
        self.next_button.clicked.connect(lambda: self.step_requested.emit(True))
        self.counts = ElidedLabel()
        self.counts.setAccessibleDescription("How many matches each pane has")
        close = self._button("✕", "Close the find bar (Escape)")
        close.clicked.connect(self.close_requested)
        label = QLabel("&Find:")
        label.setBuddy(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.counts, 2)
        layout.addWidget(close)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, context=context)
        escape.activated.connect(self.close_requested)
        for key in ("Shift+Return", "Shift+Enter"):
            back = QShortcut(QKeySequence(key), self, context=context)
            back.activated.connect(lambda: self.step_requested.emit(False))

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAccessibleDescription(tip)
        return button

    def query(self) -> str:
        return self.edit.text()

    def set_counts(self, text: str) -> None:
        self.counts.setText(text)
