"""Moving a Qt object between threads without holding Python's GIL while Qt waits.

PySide keeps the GIL through ``QObject.moveToThread``, and that call waits for Qt's
signal-slot locks, which Qt shares out by object address. The UI thread may hold one of
them while it destroys a widget and waits for the GIL (to ask whether Python overrides a
virtual): a deadlock, seen in CI with a job handing over its text document while a window
closed. Called through ctypes, which lets the GIL go for the call, the wait no longer
blocks the UI thread. Where Qt's library cannot be found this way (another platform's
library names), PySide's own call is used.
"""

from __future__ import annotations

import ctypes
from functools import cache
from typing import Any

from PySide6.QtCore import QObject, QThread

_MOVE_TO_THREAD = "_ZN7QObject12moveToThreadEP7QThread"
"""``void QObject::moveToThread(QThread *)``, which Qt 6 keeps exported."""
_QT_CORE = "libQt6Core.so.6"


def move_to_thread(item: QObject, thread: QThread | None) -> None:
    """``item.moveToThread(thread)`` (``None``: no thread), the GIL let go meanwhile."""
    move = _native_move()
    if move is None:
        item.moveToThread(thread)  # type: ignore[arg-type]  # Qt takes nullptr: no thread
        return
    import shiboken6

    target = shiboken6.getCppPointer(thread)[0] if thread is not None else None
    move(shiboken6.getCppPointer(item)[0], target)


@cache
def _native_move() -> Any:
    try:
        function = getattr(ctypes.CDLL(_QT_CORE), _MOVE_TO_THREAD)
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    function.restype = None
    return function
