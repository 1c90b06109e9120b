"""Writing a file so that a crash at any moment leaves the old file or the new one, never
a mix: write a temporary file beside it, flush and sync it, rename it over the old one,
then sync the folder so that the rename itself is on disk."""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path

NEW_FILE_MODE = 0o666
"""Before the umask, as ``open()`` creates files."""


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` with ``data`` in one step."""
    target = Path(path)
    temporary = target.parent / f".{target.name}.{uuid.uuid4().hex[:12]}.part"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(FileNotFoundError):  # keep an existing file's permissions
            os.chmod(temporary, target.stat().st_mode & 0o777)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
