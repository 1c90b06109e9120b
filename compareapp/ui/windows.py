"""The app's comparison windows: each has its own comparison and session; the Window menu
of every one lists them all. Files handed over by a later launch open in a new one
(:func:`compareapp.ui.main_window.open_window`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from compareapp.ui.main_window import MainWindow

_windows: list[MainWindow] = []


def all_windows() -> list[MainWindow]:
    """The windows still alive (one deleted without closing is dropped here)."""
    _windows[:] = [window for window in _windows if shiboken6.isValid(window)]
    return list(_windows)


def register(window: MainWindow) -> None:
    _windows.append(window)
    window.destroyed.connect(lambda _object=None: unregister(window))


def unregister(window: MainWindow) -> None:
    if window in _windows:
        _windows.remove(window)


def bring_to_front(window: MainWindow) -> None:
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.raise_()
    window.activateWindow()
