"""Build the formatted text of a pane, off the UI thread.

A ``QTextDocument`` may be built on a worker thread and handed to the UI thread when done;
applying thousands of highlights to a document already shown would re-lay it out each
time and freeze the window, so everything is applied before it is shown.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument

from compareapp.core.display_text import DisplayText
from compareapp.core.view_model import Highlight
from compareapp.ui import styles

LINE_HEIGHT_PERCENT = 135
PARAGRAPH_SPACING = 10.0
DOCUMENT_MARGIN = 14.0


def build_text_document(
    display: DisplayText, highlights: Iterable[Highlight], unique: Iterable[int]
) -> QTextDocument:
    """The pane's document: one block per paragraph, highlights and unique paragraphs
    applied. Moved to the application's thread, ready for a view."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDocumentMargin(DOCUMENT_MARGIN)
    document.setPlainText(display.text)
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    block_format = QTextBlockFormat()
    block_format.setLineHeight(
        LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    block_format.setBottomMargin(PARAGRAPH_SPACING)
    cursor.mergeBlockFormat(block_format)
    _shade_unique(document, unique)
    for highlight in highlights:
        cursor.setPosition(display.position(highlight.start))
        cursor.setPosition(display.position(highlight.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(styles.highlight_format(highlight.kind, highlight.removed))
    application = QCoreApplication.instance()
    if application is not None:
        document.moveToThread(application.thread())
    return document


def _shade_unique(document: QTextDocument, unique: Iterable[int]) -> None:
    shaded = QTextBlockFormat()
    shaded.setBackground(styles.UNIQUE_PARAGRAPH)
    for index in unique:
        cursor = QTextCursor(document.findBlockByNumber(index))
        cursor.mergeBlockFormat(shaded)
