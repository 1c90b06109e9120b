"""The colours of the comparison, in the window and in the exported PDF, legible on light
and dark palettes.

Backgrounds are translucent, so they tint whatever the palette's base colour is, and every
kind of highlight also differs in underline or weight (:mod:`.text_formats`), so none
relies on colour alone.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from compareapp.core.review.marks import MarkStatus

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
FURNITURE_TEXT = QColor(128, 128, 128)
"""Page furniture set aside (captions, prompts, credits): greyed, on light and dark."""

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
MARK_BORDER = {MarkStatus.VERIFIED: "dashed", MarkStatus.DISPUTED: "solid"}
"""The PDF strokes a mark's lines in its colour, so that a mark differs from the
differences' tints and underlines in shape as well as colour, in grey-scale print too."""


def annotation_colour(status: MarkStatus) -> tuple[float, float, float]:
    """A mark's colour as the PDF's annotations give it (red, green, blue from 0 to 1)."""
    colour = MARK_COLOUR[status]
    return colour.redF(), colour.greenF(), colour.blueF()


PAGE_LABEL = QColor(90, 90, 90)
"""The PDF's source labels and "only in this source" notes."""
PAGE_RULE = QColor(200, 200, 200)
"""The border of the PDF's side-by-side tables."""

REDLINE_REMOVED_TEXT = QColor(190, 30, 30)
"""The redline's deleted words (struck through) and inserted words (underlined)."""
REDLINE_ADDED_TEXT = QColor(20, 125, 50)
REDLINE_DELETED_PARAGRAPH = QColor(225, 60, 60, 30)
"""The redline's shading of a paragraph only in the base, or only in the other document."""
REDLINE_INSERTED_PARAGRAPH = QColor(40, 170, 70, 30)
REDLINE_LABEL = QColor(70, 110, 230)
"""The redline's notes above a moved or repeated paragraph."""
