"""The redline column as a ``QTextDocument``, for the window's redline view (and for a
redline page of the PDF): one block per paragraph of the :class:`Redline`, deleted text
struck through and inserted text underlined (:func:`text_formats.redline_format`), a
paragraph only in one document shaded, and a note block above a moved or repeated one.

Note blocks are no part of the redline's text, so positions are mapped both ways here:
the redline counts characters of :attr:`Redline.text`, the document UTF-16 units.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from compareapp.core.present.redline import ParagraphChange, Redline, RedlineParagraph, SegmentKind
from compareapp.rendering import palette, text_formats

LINE_HEIGHT_PERCENT = 135
PARAGRAPH_SPACING = 10.0
DOCUMENT_MARGIN = 14.0


def _utf16_length(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le", "surrogatepass")) // 2


@dataclass
class RedlineDocument:
    """A redline laid out as a text document, and where each of its paragraphs starts."""

    redline: Redline
    document: QTextDocument
    starts: list[int]
    """The document position of each redline paragraph's block."""

    def position(self, redline_position: int) -> int:
        """The document position of a position in the redline's text."""
        starts = self.redline.paragraph_starts
        index = max(0, bisect.bisect_right(starts, redline_position) - 1)
        if index >= len(self.starts):
            return 0
        text = self.redline.paragraphs[index].text
        inside = text[: max(0, redline_position - starts[index])]
        return self.starts[index] + _utf16_length(inside)

    def redline_position(self, position: int) -> int:
        """The redline position of document ``position`` (a note's goes to its paragraph)."""
        if not self.starts:
            return 0
        index = max(0, bisect.bisect_right(self.starts, position) - 1)
        units = max(0, position - self.starts[index])
        text = self.redline.paragraphs[index].text
        offset = 0
        while units > 0 and offset < len(text):
            units -= 2 if text[offset] > "\uffff" else 1
            offset += 1
        return self.redline.paragraph_starts[index] + offset


def note(paragraph: RedlineParagraph, base_name: str, other_name: str) -> str:
    """What the note above ``paragraph`` says, if anything."""
    if paragraph.moved:
        where = ", ".join(str(index + 1) for index in paragraph.moved_from)
        return f"Moved: paragraph {where} in {base_name}"
    if paragraph.repeats is not None:
        name = other_name if paragraph.change is ParagraphChange.INSERTED else base_name
        return f"Printed twice: repeats paragraph {paragraph.repeats + 1} of {name}"
    return ""


def build_redline_document(redline: Redline, base_name: str, other_name: str) -> RedlineDocument:
    """The redline's text document, formatted; its notes name the two documents."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDocumentMargin(DOCUMENT_MARGIN)
    cursor = QTextCursor(document)
    starts: list[int] = []
    plain = QTextCharFormat()
    first = True

    def block(block_format: QTextBlockFormat) -> None:
        nonlocal first
        if first:  # a document starts with one empty block
            cursor.setBlockFormat(block_format)
            first = False
        else:
            cursor.insertBlock(block_format, plain)

    for paragraph in redline.paragraphs:
        label = note(paragraph, base_name, other_name)
        if label:
            block(_block_format(None, label=True))
            cursor.insertText(label, text_formats.redline_label_format())
        block(_block_format(paragraph.change))
        starts.append(cursor.position())
        for segment in paragraph.segments:
            if segment.change is SegmentKind.UNCHANGED:
                cursor.insertText(segment.text, plain)
            else:
                removed = segment.change is SegmentKind.DELETED
                cursor.insertText(segment.text, text_formats.redline_format(removed, segment.kind))
    return RedlineDocument(redline, document, starts)


def _block_format(change: ParagraphChange | None, label: bool = False) -> QTextBlockFormat:
    block_format = QTextBlockFormat()
    block_format.setLineHeight(
        LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    block_format.setBottomMargin(2.0 if label else PARAGRAPH_SPACING)
    if change is ParagraphChange.DELETED:
        block_format.setBackground(palette.REDLINE_DELETED_PARAGRAPH)
    elif change is ParagraphChange.INSERTED:
        block_format.setBackground(palette.REDLINE_INSERTED_PARAGRAPH)
    return block_format
