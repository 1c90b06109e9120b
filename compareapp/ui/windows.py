"""The app's comparison windows: each has its own comparison and session; the Window menu
of every one lists them all. Files handed over by a later launch open in a new one
(:func:`compareapp.ui.main_window.open_window`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6

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
    if window.isMinimized():
        # Not at start-up: creating the Python types of the Qt namespace's enums takes
        # 15-30 ms, and a new window's first frame needs none of them.
        from PySide6.QtCore import Qt

        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.raise_()
    window.activateWindow()


def window_with_session(path: str) -> MainWindow | None:
    """The window showing the session saved at ``path``, if any."""
    wanted = Path(path).resolve()
    for window in all_windows():
        shown = window.sessions.session_path
        if shown and Path(shown).resolve() == wanted:
            return window
    return None


def quit_all() -> bool:
    """File > Quit: ask each window with unsaved work (brought to the front) to save it,
    then close every window, which ends the app; False when the user cancelled."""
    shown = all_windows()
    for window in shown:
        if window.review.is_modified():
            bring_to_front(window)
            if not window.sessions.maybe_save():
                return False
    for window in shown:
        window.close_without_asking()
    return True
