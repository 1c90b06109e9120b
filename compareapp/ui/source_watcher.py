"""Notices when a shown source file changes on disk (an article updated while it is being
checked), so that the window can offer to reload it and re-anchor its marks."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 500
"""Editors save in several steps; report a change once the file has been still this long."""


class SourceWatcher(QObject):
    changed = Signal(list)
    """The watched paths that changed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._noticed)
        self._changed: set[str] = set()
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._report)

    def watch(self, paths: Iterable[str]) -> None:
        """Watch exactly ``paths`` from now on."""
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        self._changed.clear()
        existing = [path for path in paths if path]
        if existing:
            self.watcher.addPaths(existing)

    def _noticed(self, path: str) -> None:
        self._changed.add(path)
        if path not in self.watcher.files():  # replaced by a rename: watch the new file
            self.watcher.addPath(path)
        self._settle.start()

    def _report(self) -> None:
        changed, self._changed = sorted(self._changed), set()
        self.changed.emit(changed)
