"""The character formats of highlighted differences, shared by the panes and the PDF, and
the dimming of page furniture in the panes and the redline."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from compareapp.rendering import palette

if TYPE_CHECKING:
    from PySide6.QtGui import QTextCharFormat, QTextDocument

    from compareapp.core.diff.classify import DifferenceClass

FURNITURE_TIP = (
    "Page furniture (a caption, credit, prompt or link): set aside from Next Significant "
    "Difference and the discrepancy table; View > Show Page Furniture counts it"
)
FURNITURE_PROPERTY = 0x100000 + 0x21
"""A text format property (past ``QTextFormat.UserProperty``) on the dimmed text: True
where the dimming greyed it, False where it kept its own colour (the redline's)."""


@cache
def highlight_format(kind: DifferenceClass, removed: bool) -> QTextCharFormat:
    """Removed text is dash-underlined, added text underlined; numbers, names and
    quotations are also bold with a wavy underline; typographic changes are dotted."""
    from PySide6.QtGui import QFont, QTextCharFormat  # not on the start view

    from compareapp.core.diff.classify import DifferenceClass  # loaded with the comparison

    text_format = QTextCharFormat()
    if kind is DifferenceClass.TYPOGRAPHIC:
        text_format.setBackground(palette.TYPOGRAPHIC)
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        return text_format
    if kind.significant:
        text_format.setBackground(
            palette.SIGNIFICANT_REMOVED if removed else palette.SIGNIFICANT_ADDED
        )
        text_format.setFontWeight(QFont.Weight.Bold)
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    else:
        text_format.setBackground(palette.REMOVED if removed else palette.ADDED)
        text_format.setUnderlineStyle(
            QTextCharFormat.UnderlineStyle.DashUnderline
            if removed
            else QTextCharFormat.UnderlineStyle.SingleUnderline
        )
    text_format.setToolTip(f"{kind.value} {'removed' if removed else 'added'}")
    return text_format


@cache
def redline_format(removed: bool, kind: DifferenceClass | None) -> QTextCharFormat:
    """The redline's deleted text is struck through, its inserted text underlined, each in
    its colour; numbers, names and quotations are also bold on a light tint (the panes'
    strong tint would hide the coloured words)."""
    from PySide6.QtGui import QFont, QTextCharFormat  # not on the start view

    text_format = QTextCharFormat()
    text_format.setForeground(
        palette.REDLINE_REMOVED_TEXT if removed else palette.REDLINE_ADDED_TEXT
    )
    text_format.setFontStrikeOut(removed)
    text_format.setFontUnderline(not removed)
    if kind is not None and kind.significant:
        text_format.setFontWeight(QFont.Weight.Bold)
        text_format.setBackground(palette.REMOVED if removed else palette.ADDED)
    what = "deleted" if removed else "inserted"
    text_format.setToolTip(f"{kind.value} {what}" if kind is not None else f"paragraph {what}")
    return text_format


@cache
def redline_label_format() -> QTextCharFormat:
    """The note above a moved or repeated paragraph in the redline."""
    from PySide6.QtGui import QTextCharFormat

    text_format = QTextCharFormat()
    text_format.setFontItalic(True)
    text_format.setForeground(palette.REDLINE_LABEL)
    return text_format


def set_furniture_dimmed(document: QTextDocument, blocks: Iterable[int], dimmed: bool) -> None:
    """Grey the text of ``blocks`` (block numbers of ``document``) as page furniture, with
    :data:`FURNITURE_TIP` added to its tooltips (``dimmed``); or undo it, leaving the
    highlights' own formats. Text with its own colour keeps it and gets the tooltip."""
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for number in blocks:
        block = document.findBlockByNumber(number)
        if not block.isValid():
            continue
        runs, at = [], block.begin()
        while not at.atEnd():
            run = at.fragment()
            runs.append((run.position(), run.length(), run.charFormat()))
            at += 1
        for position, length, text_format in runs:
            if _dimmed(text_format) if dimmed else _undimmed(text_format):
                cursor.setPosition(position)
                cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(text_format)
    cursor.endEditBlock()


def _dimmed(text_format: QTextCharFormat) -> bool:
    """Make ``text_format`` that of dimmed furniture; False when it is already."""
    if text_format.hasProperty(FURNITURE_PROPERTY):
        return False
    from PySide6.QtGui import QTextFormat

    greyed = not text_format.hasProperty(QTextFormat.Property.ForegroundBrush)
    if greyed:
        text_format.setForeground(palette.FURNITURE_TEXT)
    text_format.setProperty(FURNITURE_PROPERTY, greyed)
    tip = text_format.toolTip()
    text_format.setToolTip(f"{tip}\n{FURNITURE_TIP}" if tip else FURNITURE_TIP)
    return True


def _undimmed(text_format: QTextCharFormat) -> bool:
    """Undo :func:`_dimmed` on ``text_format``; False when it is not dimmed."""
    if not text_format.hasProperty(FURNITURE_PROPERTY):
        return False
    if text_format.boolProperty(FURNITURE_PROPERTY):
        text_format.clearForeground()
    text_format.clearProperty(FURNITURE_PROPERTY)
    tip = text_format.toolTip().removesuffix(FURNITURE_TIP).removesuffix("\n")
    if tip:
        text_format.setToolTip(tip)
    else:
        from PySide6.QtGui import QTextFormat

        text_format.clearProperty(QTextFormat.Property.TextToolTip)
    return True
