"""Saving a session and exporting a PDF where the disk is full or the folder cannot be
written: the error says why, the previous file keeps its bytes and no temporary file is
left behind.

Each trouble is real where the machine allows it (a 1 MB tmpfs filled up or remounted
read-only, which needs root and ``mount``; a folder without write permission, which root
ignores) and is otherwise skipped; the simulated ones (the write or the creation of the
temporary file raising the error the system would) always run.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.loading import load_document
from compareapp.core.present.report_model import ReportModel, build_report
from compareapp.core.present.view_model import ComparisonViewModel
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.core.review.session import SESSION_SUFFIX, Session, SessionSource
from compareapp.core.review.session_file import load_session, save_session
from compareapp.resources import sample_paths

FILLER = "filler"
"""The file that fills the small disk (1 MB); it is not the saved file's business."""
MOUNT_TIMEOUT_S = 20


@dataclasses.dataclass(frozen=True)
class Kind:
    code: int
    reason: str
    needs_mount: bool = False


KINDS = {
    "full disk": Kind(errno.ENOSPC, "No space left on device", needs_mount=True),
    "full disk, simulated": Kind(errno.ENOSPC, "No space left on device"),
    "read-only file system": Kind(errno.EROFS, "Read-only file system", needs_mount=True),
    "read-only folder": Kind(errno.EACCES, "Permission denied"),
    "permission denied, simulated": Kind(errno.EACCES, "Permission denied"),
}


def _run(*command: str) -> bool:
    try:
        done = subprocess.run(command, capture_output=True, timeout=MOUNT_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def _in(folder: Path, path: object) -> bool:
    try:
        return Path(os.fsdecode(path)).resolve().is_relative_to(folder.resolve())
    except (TypeError, ValueError, OSError):
        return False


def _permissions_apply(folder: Path) -> bool:
    """Does a folder without write permission stop us (not so for root, as a rule)?"""
    folder.chmod(0o500)
    try:
        (folder / "probe").touch()
    except PermissionError:
        return True
    else:
        (folder / "probe").unlink()
        return False
    finally:
        folder.chmod(0o700)


class _FullStream:
    """A file object on a full disk: half of a write goes through, then ENOSPC."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, data: bytes) -> int:
        self.stream.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)

    def __enter__(self) -> _FullStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()


class Trouble:
    """``folder`` takes files until :meth:`start`, then refuses them for the reason of
    ``kind`` until :meth:`stop`."""

    def __init__(self, kind: str, base: Path) -> None:
        self.kind, self.expected = kind, KINDS[kind]
        self.folder = base / "target"
        self.patches = pytest.MonkeyPatch()
        self.mounted = False
        self.started = False

    def __enter__(self) -> Trouble:
        self.folder.mkdir()
        if self.kind == "read-only folder" and not _permissions_apply(self.folder):
            pytest.skip("root writes into a folder whatever its permissions")
        if self.expected.needs_mount:
            if not _run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(self.folder)):
                pytest.skip("cannot mount a small tmpfs here (needs root and mount)")
            self.mounted = True
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
        if self.mounted and not _run("umount", str(self.folder)):
            _run("umount", "-l", str(self.folder))

    def start(self) -> None:
        self.started = True
        if self.kind == "full disk":
            descriptor = os.open(self.folder / FILLER, os.O_WRONLY | os.O_CREAT)
            try:
                while True:
                    os.write(descriptor, b"\0" * 4096)
            except OSError as error:
                assert error.errno == errno.ENOSPC
            finally:
                os.close(descriptor)
        elif self.kind == "read-only file system":
            assert _run("mount", "-o", "remount,ro", str(self.folder))
        elif self.kind == "read-only folder":
            self.folder.chmod(0o500)
        elif self.kind == "full disk, simulated":
            fdopen = os.fdopen

            def full(descriptor: int, *args: Any, **kwargs: Any) -> Any:
                stream = fdopen(descriptor, *args, **kwargs)
                return (
                    _FullStream(stream)
                    if _in(self.folder, f"/proc/self/fd/{descriptor}")
                    else stream
                )

            self.patches.setattr(os, "fdopen", full)
        else:
            real_open = os.open

            def denied(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
                if flags & os.O_CREAT and _in(self.folder, path):
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
                return real_open(path, flags, *args, **kwargs)

            self.patches.setattr(os, "open", denied)

    def stop(self) -> None:
        """The trouble is over: the disk has room again, the folder can be written."""
        if not self.started:
            return
        self.started = False
        self.patches.undo()
        if self.kind == "full disk":
            (self.folder / FILLER).unlink()
        elif self.kind == "read-only file system":
            assert _run("mount", "-o", "remount,rw", str(self.folder))
        elif self.kind == "read-only folder":
            self.folder.chmod(0o700)

    def files(self) -> list[str]:
        """What the folder holds, the filler aside: a temporary file left behind shows."""
        return sorted(name for name in os.listdir(self.folder) if name != FILLER)


def check_error(error: OSError, trouble: Trouble) -> None:
    assert error.errno == trouble.expected.code, error
    assert error.strerror == trouble.expected.reason


# Sessions -----------------------------------------------------------------------------

WHEN = datetime(2026, 3, 11, 8, 0, tzinfo=timezone(timedelta(hours=1)))
TEXT = "Around 1,200 households were evacuated on Tuesday, officials said. " * 20


def big_session(marks: int) -> Session:
    """A session with ``marks`` marks, some 500 bytes each."""
    source = SessionSource("wire", "/news/wire.txt", "wire.txt", "a" * 64, "utf-8", WHEN)
    template = ReviewMark.create("wire", TEXT, 7, 23, MarkStatus.DISPUTED, "ana", when=WHEN)
    return Session(
        sources=(source,),
        marks=tuple(
            dataclasses.replace(template, id=f"mark-{n:05d}", note=f"note {n}")
            for n in range(marks)
        ),
        saved_at=WHEN,
    )


@pytest.mark.parametrize("kind", KINDS)
def test_a_session_that_cannot_be_saved_keeps_the_previous_file(kind: str, tmp_path: Path) -> None:
    with Trouble(kind, tmp_path) as trouble:
        path = trouble.folder / f"review{SESSION_SUFFIX}"
        save_session(path, big_session(3))
        previous = path.read_bytes()
        trouble.start()

        with pytest.raises(OSError) as caught:
            save_session(path, big_session(600))

        check_error(caught.value, trouble)
        assert path.read_bytes() == previous
        assert trouble.files() == [path.name], "no temporary file is left behind"
        trouble.stop()
        save_session(path, big_session(600))  # once there is room, it saves
        assert len(load_session(path).marks) == 600
        assert trouble.files() == [path.name]


# PDF export ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report() -> ReportModel:
    wire, outlet = (load_document(path) for path in sample_paths())
    start = wire.text.index("1,200 households")
    mark = ReviewMark.create(
        wire.source_id, wire.text, start, start + 16, MarkStatus.DISPUTED, "ana", "Check it"
    )
    return build_report(ComparisonViewModel(Comparison([wire, outlet])), [mark])


@pytest.mark.parametrize("kind", KINDS)
def test_a_pdf_that_cannot_be_exported_keeps_the_previous_file(
    kind: str, tmp_path: Path, report: ReportModel, qapp: Any
) -> None:
    from compareapp.export.pdf_export import ExportOptions, export_pdf

    with Trouble(kind, tmp_path) as trouble:
        target = trouble.folder / "report.pdf"
        target.write_bytes(b"%PDF the previous export")
        trouble.start()

        with pytest.raises(OSError) as caught:
            export_pdf(report, target, ExportOptions(reviewer="ana"))

        check_error(caught.value, trouble)
        assert target.read_bytes() == b"%PDF the previous export"
        assert trouble.files() == ["report.pdf"], "no draft or temporary file is left behind"
        trouble.stop()
        result = export_pdf(report, target, ExportOptions(reviewer="ana"))
        assert result.annotations == 1
        assert target.read_bytes().startswith(b"%PDF-")
        assert trouble.files() == ["report.pdf"]
