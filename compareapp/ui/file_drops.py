"""Taking files dragged from a file manager."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget


def local_paths(event: QDragEnterEvent | QDropEvent) -> list[str]:
    """The local files a drag carries."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class FileDrops(QObject):
    """Makes ``widget`` take dropped local files and hand them to ``receive``: an event
    filter on the widget (its own drag events, those its children pass up included)."""

    def __init__(self, widget: QWidget, receive: Callable[[list[str]], None]) -> None:
        super().__init__(widget)
        self._receive = receive
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            if local_paths(event):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = local_paths(event)
            if paths:
                event.acceptProposedAction()
                self._receive(paths)
                return True
        return False
