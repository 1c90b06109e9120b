"""The running instance's side of :mod:`compareapp.ui.single_instance`: it listens for
later launches and takes the files each one hands over. Loaded once the first window is
painted (it brings QtNetwork)."""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from compareapp.ui.single_instance import CONNECT_MS, read_all, server_address, server_name


class InstanceServer(QObject):
    """Listens for later launches; emits the files each one hands over."""

    files_received = Signal(list)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.address = server_address(self.name)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening; a stale socket from a crashed instance is replaced. False when
        another live instance holds the name. (Qt would silently take the name over from a
        live one, so ask first.)"""
        probe = QLocalSocket()
        probe.connectToServer(self.address)
        if probe.waitForConnected(CONNECT_MS):
            probe.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.address)
        return self.server.listen(self.address)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(lambda socket=socket: self._forget(socket))

    def _read(self, socket: QLocalSocket) -> None:
        self._buffers[socket] = self._buffers.get(socket, b"") + read_all(socket)
        line, newline, _rest = self._buffers[socket].partition(b"\n")
        if not newline:
            return
        try:
            files = json.loads(line.decode("utf-8"))["files"]
            paths = [str(path) for path in files]
        except (ValueError, KeyError, TypeError):
            socket.write(b"error\n")
            socket.disconnectFromServer()
            return
        socket.write(b"ok\n")
        socket.flush()
        self.files_received.emit(paths)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()
