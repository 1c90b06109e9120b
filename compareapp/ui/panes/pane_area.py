"""The scrolling area the panes sit in: with more panes than fit the window, each keeps its
minimum width and the area scrolls sideways, so that the window's minimum size never
depends on how many documents are compared."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def pane_area(content: QWidget) -> QScrollArea:
    """A frameless area showing ``content`` at its width, scrolling sideways only."""
    area = QScrollArea()
    area.setObjectName("pane_area")
    area.setAccessibleName("Documents side by side")
    area.setAccessibleDescription("The compared documents, with the links between them")
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes on to the panes; it follows them
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    return area
