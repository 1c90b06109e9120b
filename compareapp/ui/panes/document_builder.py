"""Build the formatted text of a pane, off the UI thread.

A ``QTextDocument`` may be built on a worker thread and handed to the UI thread when done;
applying thousands of highlights to a document already shown would re-lay it out each
time and freeze the window, so everything is applied before it is shown.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from compareapp.core.present.display_text import PARAGRAPH_SEPARATOR
from compareapp.rendering import palette, text_formats
from compareapp.ui.thread_handover import move_to_thread

if TYPE_CHECKING:
    from compareapp.core.present.display_text import DisplayText
    from compareapp.core.present.view_model import Highlight

LINE_HEIGHT_PERCENT = 135
PARAGRAPH_SPACING = 10.0
DOCUMENT_MARGIN = 14.0
HUGE_WORD = 1000
LONG_WORD = re.compile(rf"\S{{{HUGE_WORD}}}")
"""A word this long (no real one is) is broken anywhere: see :func:`has_huge_word`."""
_HAS_HUGE_WORD = "compareapp-has-huge-word"
"""The property of a document built here that says whether it has such a word."""
PREVIEW_CHARACTERS = 20_000
"""A preview holds about this much of each document: several screens, which Qt lays out
at once (the whole of a long text would take it a second of work on the UI thread, in
steps that compete with the comparison's job)."""


def build_text_document(
    display: DisplayText,
    highlights: Iterable[Highlight],
    unique: Iterable[int],
    dimmed: Iterable[int] = (),
) -> QTextDocument:
    """The pane's document: one block per paragraph, highlights and unique paragraphs
    applied, the page furniture set aside (``dimmed``) greyed. Moved to the application's
    thread, ready for a view."""
    document, cursor = _plain_document(display.text)
    _format(document, cursor, display, highlights, unique, dimmed)
    return _handed_over(document)


def preview_paragraphs(display: DisplayText, limit: int = PREVIEW_CHARACTERS) -> int:
    """How many paragraphs a preview of ``limit`` characters shows: those that end within
    the limit, and at least the first (cut at ``limit`` when it is longer)."""
    if len(display.text) <= limit:
        return len(display.starts)
    return max(1, bisect.bisect_right(display.starts, limit + 1) - 1)  # ``starts``: UTF-16


def build_preview_document(
    display: DisplayText,
    limit: int = PREVIEW_CHARACTERS,
    highlights: Iterable[Highlight] = (),
    unique: Iterable[int] = (),
    dimmed: Iterable[int] = (),
) -> QTextDocument:
    """The start of the pane's document, to read while the comparison is computed: the
    paragraphs within the first ``limit`` characters (:func:`preview_paragraphs`), laid out
    as in :func:`build_text_document` with those of its ``highlights``, ``unique`` and
    ``dimmed`` paragraphs that fall within them, and a last line saying how many paragraphs
    come with the comparison. Moved to the application's thread, ready for a view."""
    count = len(display.starts)
    shown = preview_paragraphs(display, limit)
    text = PARAGRAPH_SEPARATOR.join(display.text.split(PARAGRAPH_SEPARATOR, shown)[:shown])
    document, cursor = _plain_document(text[:limit])  # a first paragraph may be longer
    end = document.characterCount() - 1  # in UTF-16 units, as view positions are
    _format(
        document,
        cursor,
        display,
        [h for h in highlights if display.position(h.end) <= end],
        [index for index in unique if index < shown],
        [index for index in dimmed if index < shown],
    )
    more = count - shown
    if len(text) > limit or more:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        note = QTextCharFormat()
        note.setFontItalic(True)
        note.setForeground(palette.PREVIEW_NOTE)
        cursor.insertBlock()
        cursor.insertText(
            f"… {more:,} more paragraph{'s' if more > 1 else ''}, shown with the comparison"
            if len(text) <= limit
            else "… the rest of the text, shown with the comparison",
            note,
        )
    return _handed_over(document)


def _format(
    document: QTextDocument,
    cursor: QTextCursor,
    display: DisplayText,
    highlights: Iterable[Highlight],
    unique: Iterable[int],
    dimmed: Iterable[int],
) -> None:
    """Apply ``highlights``, the shading of ``unique`` paragraphs and the grey of
    ``dimmed`` ones to ``document``, whose text is ``display``'s or its start."""
    _shade_unique(document, unique)
    for highlight in highlights:
        cursor.setPosition(display.position(highlight.start))
        cursor.setPosition(display.position(highlight.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(text_formats.highlight_format(highlight.kind, highlight.removed))
    text_formats.set_furniture_dimmed(document, dimmed, True)


def _plain_document(text: str) -> tuple[QTextDocument, QTextCursor]:
    """A document of ``text``, a block per line, with the panes' spacing; and a cursor
    that selects all of it."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDocumentMargin(DOCUMENT_MARGIN)
    document.setPlainText(text)
    document.setProperty(_HAS_HUGE_WORD, _text_has_huge_word(text))
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    block_format = QTextBlockFormat()
    block_format.setLineHeight(
        LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    block_format.setBottomMargin(PARAGRAPH_SPACING)
    cursor.mergeBlockFormat(block_format)
    return document, cursor


def has_huge_word(document: QTextDocument) -> bool:
    """Does a paragraph hold a word of :data:`LONG_WORD`'s length? Qt looks for a word
    boundary along the whole of a word too long for a line, again for each line: a word of
    a million letters took it 85 s to lay out, broken anywhere 0.6 s. A document built here
    knows, worked out off the UI thread (reading a book's blocks there took 130 ms)."""
    known = document.property(_HAS_HUGE_WORD)
    if known is not None:
        return bool(known)
    block = document.begin()
    while block.isValid():
        if block.length() > HUGE_WORD and LONG_WORD.search(block.text()):
            return True
        block = block.next()
    return False


def _text_has_huge_word(text: str) -> bool:
    """Does a line of ``text`` hold a word of :data:`LONG_WORD`'s length? Line by line: one
    search of a book would hold the interpreter lock, and so the window, for 100 ms."""
    return any(len(line) >= HUGE_WORD and LONG_WORD.search(line) for line in text.split("\n"))


def _handed_over(document: QTextDocument) -> QTextDocument:
    """``document``, built off the UI thread, let go of by its thread so that the UI thread
    can take it (:func:`take_on_ui_thread`); Qt's locks are waited for without the GIL
    (:mod:`compareapp.ui.thread_handover`)."""
    application = QCoreApplication.instance()
    if application is not None and QThread.currentThread() is not application.thread():
        move_to_thread(document, None)
    return document


def take_on_ui_thread(documents: Iterable[QTextDocument]) -> None:
    """Make ``documents`` that a job let go of (:func:`_handed_over`) live on the UI
    thread, the one that calls this."""
    application = QCoreApplication.instance()
    for document in documents:
        if application is not None and document.thread() is None:
            move_to_thread(document, application.thread())


def _shade_unique(document: QTextDocument, unique: Iterable[int]) -> None:
    shaded = QTextBlockFormat()
    shaded.setBackground(palette.UNIQUE_PARAGRAPH)
    for index in unique:
        cursor = QTextCursor(document.findBlockByNumber(index))
        cursor.mergeBlockFormat(shaded)
