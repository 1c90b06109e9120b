"""One running compareapp per user: a second launch hands its files to the first, which
opens them in a new window, and exits.

The first instance listens on a local socket whose name is private to the user
(:mod:`compareapp.ui.instance_server`). A launch connects to it and sends one JSON line
with the files; the running instance answers ``ok``. A socket left by a crashed instance
answers nothing: the next start removes it and listens in its place.

On Unix the socket is a file at :func:`server_address`, so a launch that finds no file
there starts at once, without loading QtNetwork (5-20 ms of a start-up).
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCryptographicHash, QDir

from compareapp.resources import APP_ID

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

CONNECT_MS = 1000
ANSWER_MS = 5000


def server_name() -> str:
    """The socket's name: the app's id and a digest of the user (names may hold any
    character; the digest is safe in a path)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    # Qt's SHA-256, not hashlib's: that loads OpenSSL (2-8 ms of a start-up).
    digest = QCryptographicHash.hash(user.encode(), QCryptographicHash.Algorithm.Sha256)
    return f"{APP_ID}-{bytes(digest.toHex().data()).decode()[:16]}"


def read_all(socket: QLocalSocket) -> bytes:
    return bytes(socket.readAll().data())


def server_address(name: str) -> str:
    """Where the instance named ``name`` listens: on Unix the socket file in the temporary
    folder (where Qt puts one given a bare name; given whole, a launch can look for it),
    elsewhere the name itself (a named pipe)."""
    if os.name != "posix":
        return name
    return os.path.join(QDir.tempPath(), name)


def hand_over(paths: Sequence[str], name: str | None = None) -> bool:
    """Give ``paths`` to the running instance; False when none answers."""
    address = server_address(name or server_name())
    if os.name == "posix" and not os.path.exists(address):
        return False  # no instance has listened there
    from PySide6.QtNetwork import QLocalSocket  # only when there may be an instance

    socket = QLocalSocket()
    socket.connectToServer(address)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = json.dumps({"files": [os.path.abspath(path) for path in paths]}) + "\n"
    socket.write(message.encode("utf-8"))
    socket.flush()
    answered = socket.waitForReadyRead(ANSWER_MS) and read_all(socket).strip() == b"ok"
    socket.disconnectFromServer()
    return answered
