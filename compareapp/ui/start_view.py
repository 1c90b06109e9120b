"""What a newcomer sees first: a drop target, an Open button and the sample comparison."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

HINT_WIDTH = 560
"""The hint's widest lines; it wraps narrower on a small screen."""


class StartView(QWidget):
    open_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Start")
        self.setAccessibleDescription("Open or drop the versions of a story to compare")
        target = QFrame()
        target.setObjectName("drop_area")
        target.setAccessibleName("Drop area")
        target.setAccessibleDescription(
            "Drop two or more files here to compare them; Open Files does the same from the keys"
        )
        target.setFrameShape(QFrame.Shape.StyledPanel)
        target.setFrameShadow(QFrame.Shadow.Sunken)
        title = QLabel("<h2>Drop two or more versions of a story here</h2>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        paste_key = QKeySequence(QKeySequence.StandardKey.Paste).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        hint = QLabel(
            "A wire report and a rewrite, two outlets' takes, a draft and the published "
            "piece: text, web pages, Word, PDF and Markdown files are aligned paragraph by "
            "paragraph and every changed word, number, name and quotation is highlighted. "
            f"Or copy a story and paste it here with {paste_key}."
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel()
        self.note.setAccessibleName("Note")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.open_button = QPushButton("&Open Files…")
        self.open_button.setAccessibleName("Open Files")
        self.open_button.setAccessibleDescription(
            "Choose two or more versions of a story to compare: text, web page, Word, PDF "
            "or Markdown files, or a saved session"
        )
        self.open_button.clicked.connect(self.open_requested)
        self.sample_button = QPushButton("Open the &Sample Comparison")
        self.sample_button.setToolTip("Two short fictional articles written for this app")
        self.sample_button.setAccessibleName("Open the Sample Comparison")
        self.sample_button.setAccessibleDescription(self.sample_button.toolTip())
        self.sample_button.clicked.connect(self.sample_requested)
        title.setWordWrap(True)
        inner = QVBoxLayout(target)
        inner.setContentsMargins(24, 24, 24, 24)
        inner.setSpacing(16)
        inner.addStretch(1)
        # The wrapped labels fill a centred column no wider than HINT_WIDTH (a layout that
        # spans their width gives them the height their wrapped lines need).
        for label in (title, hint, self.note):
            label.setMaximumWidth(HINT_WIDTH)
            label.setMinimumWidth(HINT_WIDTH // 2)
            row = QHBoxLayout()
            row.addStretch(0)
            row.addWidget(label, 1)
            row.addStretch(0)
            inner.addLayout(row)
        for widget in (self.open_button, self.sample_button):
            inner.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(target)

    def set_note(self, text: str) -> None:
        self.note.setText(text)
