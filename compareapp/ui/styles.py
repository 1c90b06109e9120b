"""Colours and text formats of the comparison, legible on light and dark palettes.

Backgrounds are translucent, so they tint whatever the palette's base colour is, and every
kind of highlight also differs in underline or weight, so none relies on colour alone.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

from compareapp.core.review.marks import MarkStatus

if TYPE_CHECKING:
    from PySide6.QtGui import QTextCharFormat

    from compareapp.core.diff.classify import DifferenceClass

REMOVED = QColor(225, 60, 60, 70)
ADDED = QColor(40, 170, 70, 70)
SIGNIFICANT_REMOVED = QColor(225, 40, 40, 150)
SIGNIFICANT_ADDED = QColor(20, 160, 60, 150)
TYPOGRAPHIC = QColor(150, 150, 150, 60)
UNIQUE_PARAGRAPH = QColor(128, 128, 128, 45)
SELECTED_PARAGRAPH = QColor(60, 130, 230, 60)
CURRENT_DIFFERENCE = QColor(255, 190, 0, 170)
PREVIEW_NOTE = QColor(128, 128, 128)
"""The preview's last line: how much more text the comparison brings."""

BAND_IDENTICAL = QColor(128, 128, 128, 60)
BAND_CHANGED = QColor(230, 160, 40, 90)
BAND_MOVED = QColor(70, 110, 230, 90)
BAND_SELECTED = QColor(60, 130, 230, 170)

STRIP_CHANGE = QColor(230, 160, 40)
STRIP_SIGNIFICANT = QColor(220, 40, 40)
STRIP_UNIQUE = QColor(128, 128, 128, 150)
STRIP_MOVED = QColor(70, 110, 230)

MARK_BACKGROUND = {
    MarkStatus.VERIFIED: QColor(0, 170, 200, 80),
    MarkStatus.DISPUTED: QColor(205, 50, 185, 90),
}
"""Review marks tint their passage; the gutter, strip and link map use the solid colour."""
MARK_COLOUR = {
    MarkStatus.VERIFIED: QColor(0, 150, 180),
    MarkStatus.DISPUTED: QColor(200, 40, 175),
}
MARK_GLYPH = {MarkStatus.VERIFIED: "✓", MarkStatus.DISPUTED: "!"}


@cache
def highlight_format(kind: DifferenceClass, removed: bool) -> QTextCharFormat:
    """Removed text is dash-underlined, added text underlined; numbers, names and
    quotations are also bold with a wavy underline; typographic changes are dotted."""
    from PySide6.QtGui import QFont, QTextCharFormat  # not on the start view

    from compareapp.core.diff.classify import DifferenceClass  # loaded with the comparison

    text_format = QTextCharFormat()
    if kind is DifferenceClass.TYPOGRAPHIC:
        text_format.setBackground(TYPOGRAPHIC)
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        return text_format
    if kind.significant:
        text_format.setBackground(SIGNIFICANT_REMOVED if removed else SIGNIFICANT_ADDED)
        text_format.setFontWeight(QFont.Weight.Bold)
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    else:
        text_format.setBackground(REMOVED if removed else ADDED)
        text_format.setUnderlineStyle(
            QTextCharFormat.UnderlineStyle.DashUnderline
            if removed
            else QTextCharFormat.UnderlineStyle.SingleUnderline
        )
    text_format.setToolTip(f"{kind.value} {'removed' if removed else 'added'}")
    return text_format
