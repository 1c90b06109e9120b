"""Taking files dragged from a file manager."""

from __future__ import annotations

from PySide6.QtGui import QDragEnterEvent, QDropEvent


def local_paths(event: QDragEnterEvent | QDropEvent) -> list[str]:
    """The local files a drag carries."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class AcceptsFileDrops:
    """Mixin for a widget (listed before the Qt class) that takes dropped local files and
    hands them to :meth:`receive_files`. The widget must ``setAcceptDrops(True)``."""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event)
        if paths:
            event.acceptProposedAction()
            self.receive_files(paths)

    def receive_files(self, paths: list[str]) -> None:
        raise NotImplementedError
