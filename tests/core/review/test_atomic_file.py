"""Atomic saves: the file on disk is always the old session or the new one, whole."""

from __future__ import annotations

import dataclasses
import os
import pickle
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from compareapp.core.review import atomic_file
from compareapp.core.review.atomic_file import write_atomically
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.core.review.session import Session, SessionSource
from compareapp.core.review.session_file import load_session, save_session

WHEN = datetime(2026, 3, 4, 9, 30, tzinfo=timezone(timedelta(hours=2)))
TEXT = "Around 1,200 households were evacuated on Tuesday, officials said. " * 40


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".part"))


def test_write_creates_the_file(tmp_path: Path) -> None:
    path = tmp_path / "review.compareapp"
    write_atomically(path, b"first")
    assert path.read_bytes() == b"first"
    assert os.listdir(tmp_path) == ["review.compareapp"]


def test_write_replaces_the_content(tmp_path: Path) -> None:
    path = tmp_path / "review.compareapp"
    path.write_bytes(b"a much longer old content than the new one" * 100)
    write_atomically(str(path), b"new")
    assert path.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["review.compareapp"]


def test_write_replaces_the_file_rather_than_rewriting_it(tmp_path: Path) -> None:
    path = tmp_path / "review.compareapp"
    path.write_bytes(b"old")
    with path.open("rb") as reader:  # someone reading the old session
        write_atomically(path, b"new")
        assert reader.read() == b"old"
    assert path.read_bytes() == b"new"


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o444])
def test_write_keeps_an_existing_files_permissions(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "review.compareapp"
    path.write_bytes(b"old")
    path.chmod(mode)
    write_atomically(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert path.read_bytes() == b"new"


@pytest.mark.parametrize("umask, expected", [(0o022, 0o644), (0o077, 0o600)])
def test_new_file_gets_what_the_umask_gives_any_new_file(
    tmp_path: Path, umask: int, expected: int
) -> None:
    """A private umask keeps reviewers' notes private; the usual one shares them."""
    path = tmp_path / "review.compareapp"
    usual = tmp_path / "usual.txt"
    mask = os.umask(umask)
    try:
        write_atomically(path, b"new")
        usual.write_bytes(b"")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == stat.S_IMODE(usual.stat().st_mode) == expected


@pytest.mark.parametrize("failing", ["replace", "fsync", "chmod"])
def test_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "review.compareapp"
    path.write_bytes(b"old")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file.os, failing, fail)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(path, b"new")
    monkeypatch.undo()
    assert path.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []
    assert os.listdir(tmp_path) == ["review.compareapp"]


def test_interrupted_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "review.compareapp"

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic_file.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(path, b"new")
    assert os.listdir(tmp_path) == []


def test_write_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "gone" / "review.compareapp", b"new")
    assert os.listdir(tmp_path) == []


def test_save_session_leaves_no_temporary_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "review.compareapp"
    small, big = _sessions(2)
    save_session(path, small)

    def fail(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic_file.os, "replace", fail)
    with pytest.raises(PermissionError):
        save_session(path, big)
    monkeypatch.undo()
    assert load_session(path) == small
    assert os.listdir(tmp_path) == ["review.compareapp"]


# Crashes ------------------------------------------------------------------------------


def _sessions(big_marks: int) -> tuple[Session, Session]:
    """Two different sessions: a small one and one with ``big_marks`` marks."""
    source = SessionSource("wire", "/news/wire.txt", "wire.txt", "a" * 64, "utf-8", WHEN)
    other = SessionSource("rewrite", "/news/rewrite.txt", "rewrite.txt", "b" * 64, "utf-8", WHEN)
    template = ReviewMark.create(
        "wire", TEXT, 7, 23, MarkStatus.VERIFIED, "ana", note="checked", when=WHEN
    )

    def marks(count: int, note: str) -> tuple[ReviewMark, ...]:
        return tuple(
            dataclasses.replace(
                template,
                id=f"mark-{number:05d}",
                note=f"{note} {number}",
                status=MarkStatus.DISPUTED if number % 3 else MarkStatus.VERIFIED,
            )
            for number in range(count)
        )

    small = Session(sources=(source,), marks=marks(10, "small"), saved_at=WHEN)
    big = Session(
        sources=(source, other),
        marks=marks(big_marks, "big – ünïcode"),
        base=1,
        typographic=True,
        saved_at=WHEN + timedelta(minutes=1),
    )
    return small, big


SAVER = textwrap.dedent(
    """
    import pickle, sys
    from compareapp.core.review.session_file import save_session

    path, sessions = sys.argv[1], pickle.load(open(sys.argv[2], "rb"))
    save_session(path, sessions[0])
    print("saving", flush=True)
    number = 1
    while True:
        save_session(path, sessions[number % 2])
        number += 1
    """
)


def test_killed_while_saving_leaves_one_whole_session(tmp_path: Path) -> None:
    small, big = _sessions(2000)
    assert small != big
    pickled = tmp_path / "sessions.pickle"
    folder = tmp_path / "sessions"
    folder.mkdir()
    path = folder / "review.compareapp"
    rng = random.Random(20260304)
    seen = {"small": 0, "big": 0}
    deadline = time.monotonic() + 12
    kills = 0
    while kills < 30 and time.monotonic() < deadline:
        # Each child starts with the other session, so that it changes either way.
        order = (small, big) if rng.random() < 0.5 else (big, small)
        pickled.write_bytes(pickle.dumps(order))
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path), str(pickled)],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None
            assert child.stdout.readline() == "saving\n"
            time.sleep(rng.uniform(0, 0.05))
            child.send_signal(signal.SIGKILL)
        finally:
            child.kill()
            child.wait(timeout=10)
            if child.stdout is not None:
                child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        kills += 1
        loaded = load_session(path)
        assert loaded in (small, big)
        seen["small" if loaded == small else "big"] += 1
    # Most kills land while the big session is being encoded, so the small one is what
    # is usually found; which one it is matters less than that it is whole.
    assert kills >= 20, f"only {kills} kills in the time allowed ({seen})"
    # A killed save may leave its temporary file behind, never a damaged session.
    assert [name for name in os.listdir(folder) if not name.endswith(".part")] == [path.name]
