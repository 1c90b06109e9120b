"""The character formats of highlighted differences, shared by the panes and the PDF."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from compareapp.rendering import palette

if TYPE_CHECKING:
    from PySide6.QtGui import QTextCharFormat

    from compareapp.core.diff.classify import DifferenceClass


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
