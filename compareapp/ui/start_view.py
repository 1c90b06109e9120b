"""What a newcomer sees first: a drop target, an Open button and the sample comparison."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

HINT_WIDTH = 560
"""The hint's widest lines; it wraps narrower on a small screen."""
HEADING_SCALE = 1.5
"""The title's size to the app's font (that of an ``<h2>`` in Qt's rich text)."""


def centre(label: QLabel) -> None:
    """Centre ``label``'s text. Set by name: the first frame (this view) creates none of
    the Python types of the Qt namespace's enums, which take 15-30 ms to create."""
    label.setProperty("alignment", "AlignCenter")


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
        title = QLabel("Drop two or more versions of a story here")
        heading = title.font()  # as rich text's <h2>, without its engine (3 ms to start)
        heading.setPointSizeF(heading.pointSizeF() * HEADING_SCALE)
        heading.setBold(True)
        title.setFont(heading)
        centre(title)
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
        centre(hint)
        self.note = QLabel()
        self.note.setAccessibleName("Note")
        centre(self.note)
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
        for widget in (self.open_button, self.sample_button):  # centred at their width
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(widget)
            row.addStretch(1)
            inner.addLayout(row)
        inner.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(target)

    def set_note(self, text: str) -> None:
        self.note.setText(text)
