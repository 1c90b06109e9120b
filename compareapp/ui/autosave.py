"""Unsaved review work copied to the user's data folder, so that a crash loses at most a
few seconds of it, and the copies a crashed run left behind, offered at the next start.

Each window writes ``<id>.compareapp`` (an ordinary session file, written atomically)
and ``<id>.json`` (the writing process and the session file it belongs to). A copy whose
process is no longer running is a crashed run's; a clean close deletes its copy.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import QObject, QTimer, Signal

from compareapp.core.review.atomic_file import write_atomically
from compareapp.core.review.session import SESSION_SUFFIX, Session
from compareapp.core.review.session_file import save_session
from compareapp.ui.settings import APP_NAME

PERIOD_MS = 30_000
"""Unsaved work is copied at least this often."""
AFTER_CHANGE_MS = 2_000
"""…and this long after each change."""


def autosave_folder() -> Path:
    return Path(user_data_dir(APP_NAME)) / "autosave"


@dataclass(frozen=True)
class Recovery:
    """Work a crashed run left: its copy, the session file it belonged to, when written."""

    path: Path
    session_path: str | None
    written_at: datetime

    def discard(self) -> None:
        for path in (self.path, self.path.with_suffix(".json")):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def find_recoveries() -> list[Recovery]:
    """Copies left by runs that are no longer running, newest first."""
    found = []
    for path in autosave_folder().glob(f"*{SESSION_SUFFIX}"):
        try:
            info = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            pid, written = int(info["pid"]), datetime.fromisoformat(info["written_at"])
            session_path = info.get("session_path")
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if not _running(pid):
            found.append(Recovery(path, session_path, written))
    return sorted(found, key=lambda recovery: recovery.written_at, reverse=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True  # another window of this process, still at work
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


class Autosave(QObject):
    """Copies ``snapshot()`` (None when there is nothing unsaved) on a timer and shortly
    after each change."""

    failed = Signal(str)
    """A timed copy could not be written: what to tell the user."""

    def __init__(
        self,
        snapshot: Callable[[], Session | None],
        session_path: Callable[[], str | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.snapshot, self.session_path = snapshot, session_path
        self.path = autosave_folder() / f"{uuid.uuid4().hex}{SESSION_SUFFIX}"
        self.periodic = QTimer(self, interval=PERIOD_MS)
        self.periodic.timeout.connect(self._save_quietly)
        self.periodic.start()
        self.after_change = QTimer(self, singleShot=True, interval=AFTER_CHANGE_MS)
        self.after_change.timeout.connect(self._save_quietly)
        self._failure = ""

    def changed(self) -> None:
        """Something changed: copy it soon."""
        self.after_change.start()

    def save_now(self) -> bool:
        """Copy the unsaved work now; without any, remove the copy. True if copied."""
        session = self.snapshot()
        if session is None:
            self.discard()
            return False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        info = {
            "pid": os.getpid(),
            "session_path": self.session_path(),
            "written_at": datetime.now().astimezone().isoformat(),
        }
        write_atomically(self.path.with_suffix(".json"), json.dumps(info).encode("utf-8"))
        save_session(self.path, session)
        return True

    def _save_quietly(self) -> None:
        """:meth:`save_now` on a timer: a copy that cannot be written (a full disk, a
        folder that became read-only) is said once, with its reason, until one can."""
        try:
            self.save_now()
        except OSError as error:
            reason = error.strerror or str(error)
            message = (
                f"Unsaved work cannot be copied to {self.path.parent} ({reason}). "
                "Save the session to keep it safe."
            )
            if message != self._failure:
                self._failure = message
                self.failed.emit(message)
        else:
            self._failure = ""

    def discard(self) -> None:
        """Forget the copy (the work was saved, or deliberately dropped)."""
        self.after_change.stop()
        Recovery(self.path, None, datetime.now()).discard()
