"""One running compareapp per user: a second launch hands its files to the first, which
opens them in a new window, and exits.

The first instance listens on a local socket whose name is private to the user. A
launch connects to it and sends one JSON line with the files; the running instance
answers ``ok``. A socket left by a crashed instance answers nothing: the next start
removes it and listens in its place.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from compareapp.resources import APP_ID

CONNECT_MS = 1000
ANSWER_MS = 5000


def server_name() -> str:
    """The socket's name: the app's id and a digest of the user (names may hold any
    character; the digest is safe in a path)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    return f"{APP_ID}-{hashlib.sha256(user.encode()).hexdigest()[:16]}"


def _read_all(socket: QLocalSocket) -> bytes:
    return bytes(socket.readAll().data())


def hand_over(paths: Sequence[str], name: str | None = None) -> bool:
    """Give ``paths`` to the running instance; False when none answers."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = json.dumps({"files": [os.path.abspath(path) for path in paths]}) + "\n"
    socket.write(message.encode("utf-8"))
    socket.flush()
    answered = socket.waitForReadyRead(ANSWER_MS) and _read_all(socket).strip() == b"ok"
    socket.disconnectFromServer()
    return answered


class InstanceServer(QObject):
    """Listens for later launches; emits the files each one hands over."""

    files_received = Signal(list)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening; a stale socket from a crashed instance is replaced. False when
        another live instance holds the name. (Qt would silently take the name over from a
        live one, so ask first.)"""
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(CONNECT_MS):
            probe.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(lambda socket=socket: self._forget(socket))

    def _read(self, socket: QLocalSocket) -> None:
        self._buffers[socket] = self._buffers.get(socket, b"") + _read_all(socket)
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
