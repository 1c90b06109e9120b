"""Where a window opens and how big: always within the screen's available geometry (a
laptop's 1280×720 too), its last size and place restored only when they still fit."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from compareapp.ui.settings import app_settings

GEOMETRY_KEY = "window_geometry"
PREFERRED_SIZE = QSize(1400, 880)
"""The size a first window asks for, on a screen large enough."""
SCREEN_SHARE = 0.92
"""At most this share of the available screen, on a first start."""


def available_area(window: QWidget) -> QRect:
    """The available geometry of the screen the window is on (or the primary screen)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)


def frame_margins(window: QWidget) -> QSize:
    """How much the frame adds to the window's size (a guess before it is shown)."""
    frame, inner = window.frameGeometry(), window.geometry()
    if window.isVisible() and frame.width() >= inner.width():
        return QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return QSize(0, 32)


def place_window(window: QWidget) -> None:
    """Restore the saved geometry if it fits the screen, else a size that fits, centred."""
    area = available_area(window)
    saved = app_settings().value(GEOMETRY_KEY)
    restored = isinstance(saved, QByteArray | bytes) and window.restoreGeometry(QByteArray(saved))
    if restored and area.contains(window.frameGeometry()):
        return
    margins = frame_margins(window)
    width = min(PREFERRED_SIZE.width(), int(area.width() * SCREEN_SHARE))
    height = min(PREFERRED_SIZE.height(), int(area.height() * SCREEN_SHARE) - margins.height())
    width = max(width, min(window.minimumSizeHint().width(), area.width()))
    window.resize(width, height)
    left = area.left() + (area.width() - width) // 2
    top = area.top() + max((area.height() - height - margins.height()) // 2, 0)
    window.move(left, top)


def fit_to_screen(window: QWidget) -> None:
    """Bring a window that has grown past the screen back inside it."""
    area = available_area(window)
    margins = frame_margins(window)
    width = min(window.width(), area.width() - margins.width())
    height = min(window.height(), area.height() - margins.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)


def save_geometry(window: QWidget) -> None:
    settings = app_settings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.sync()
