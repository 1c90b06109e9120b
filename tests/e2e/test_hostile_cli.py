"""Issue 10's bad-input corpus through the installed command: ``compareapp compare GOOD
HOSTILE`` either prints the comparison (exit status 0) or one line on stderr naming the
file and the reason (exit status 2), and never a Python traceback.

The cases run in parallel subprocesses, started together when the first test needs them;
the slow ones run in their own tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.hostile_inputs import (
    CASES,
    GOOD_FILES,
    HostileCase,
    Loaded,
    Refused,
    capability_dropper,
    case_params,
    must_drop_root,
)
from tests.helpers.command import COMMAND
from tests.helpers.machine import cannot_check_here

TIMEOUT_S = 120
WORKERS = 3


@dataclass
class Run:
    path: Path
    returncode: int
    stdout: str
    stderr: str


def build(case: HostileCase, folder: Path) -> Path:
    """Build ``case`` in ``folder`` (on the main thread: the PDF builders start Qt)."""
    folder.mkdir(parents=True, exist_ok=True)
    return case.make(folder)


def run_compare(case: HostileCase, path: Path) -> Run:
    """Compare the first good file with ``path`` (``case``'s input), as JSON."""
    assert COMMAND, "compareapp is not installed next to this Python"
    result = subprocess.run(
        [COMMAND, "compare", str(GOOD_FILES[0]), os.fsencode(path), "--format", "json"],
        capture_output=True,
        timeout=TIMEOUT_S,
        preexec_fn=capability_dropper() if must_drop_root(case) else None,
        # The child's own copy: without one it reads the process's environment, which
        # pytest rewrites at every test (PYTEST_CURRENT_TEST) while these runs start in
        # other threads; an exec once failed with EFAULT ("Bad address") on CI.
        env=os.environ.copy(),
    )
    return Run(
        path,
        result.returncode,
        result.stdout.decode("utf-8", errors="surrogateescape"),
        result.stderr.decode("utf-8", errors="surrogateescape"),
    )


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Future[Run]]]:
    """Every quick case's run, started at once (a few at a time)."""
    root = tmp_path_factory.mktemp("hostile-cli")
    quick = [case for case in CASES if not (case.slow or case.unavailable)]
    paths = {case.name: build(case, root / case.name) for case in quick}
    with ThreadPoolExecutor(WORKERS) as pool:
        yield {case.name: pool.submit(run_compare, case, paths[case.name]) for case in quick}


def check_run(case: HostileCase, run: Run) -> None:
    assert "Traceback" not in run.stderr, run.stderr
    expect = case.compared_expect
    if isinstance(expect, Refused):
        assert run.returncode == 2, (run.returncode, run.stderr)
        assert run.stdout == ""
        [line] = run.stderr.strip().splitlines()
        doing = "compare" if expect.compared else "read"
        assert line.startswith(f"compareapp: cannot {doing} {run.path}: "), line
        assert expect.reason_contains in line
        return
    assert isinstance(expect, Loaded)
    assert run.returncode == 0, run.stderr
    report: dict[str, Any] = json.loads(run.stdout)
    good, hostile = report["documents"]
    assert good["name"] == GOOD_FILES[0].name
    assert hostile["path"] == os.path.abspath(run.path)
    paragraphs = [paragraph["text"] for paragraph in hostile["paragraphs"]]
    assert expect.paragraphs_ok(len(paragraphs)), f"{len(paragraphs)} paragraphs"
    text = "\n\n".join(paragraphs)
    for needle in expect.text_contains:
        if "\n" not in needle:  # the report gives paragraphs, not the text between them
            assert needle in text, f"{needle!r} is missing"
    for needle in expect.text_lacks:
        assert needle not in text, f"{needle!r} got through"
    if expect.encoding is not None:
        assert hostile["encoding"] == expect.encoding
    if expect.format is not None:
        assert hostile["format"] == expect.format


@pytest.mark.parametrize("case", case_params())
def test_hostile_input_through_the_command(
    case: HostileCase, started: dict[str, Future[Run]], tmp_path: Path
) -> None:
    if case.name in started:
        run = started[case.name].result()
    else:
        run = run_compare(case, build(case, tmp_path))
    check_run(case, run)


def test_the_same_file_twice_compares_as_identical() -> None:
    assert COMMAND
    result = subprocess.run(
        [COMMAND, "compare", str(GOOD_FILES[0]), str(GOOD_FILES[0]), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    first, second = report["documents"]
    assert first["sha256"] == second["sha256"]
    assert all(not link["differences"] for link in report["links"])
    assert report["unique"] == [{"doc": 0, "paragraphs": []}, {"doc": 1, "paragraphs": []}]


def test_several_bad_files_name_the_first_that_fails(tmp_path: Path) -> None:
    """The command stops at the first file it cannot read and names that one."""
    assert COMMAND
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"\n\n")
    result = subprocess.run(
        [COMMAND, "compare", str(GOOD_FILES[0]), str(empty), str(blank)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    assert result.returncode == 2
    assert result.stderr == f"compareapp: cannot read {empty}: the file is empty\n"


def test_a_file_name_that_is_not_utf8_with_a_strict_utf8_terminal(tmp_path: Path) -> None:
    """As on a desktop whose locale is en_US.UTF-8 (the tests' C.UTF-8 locale makes
    Python's stdout forgiving)."""
    if not sys.platform.startswith("linux"):
        cannot_check_here("a file name that is not UTF-8 needs Linux (elsewhere names are Unicode)")
    from tests.fixtures.hostile_inputs import BY_NAME

    case = BY_NAME["non-utf8-file-name"]
    assert COMMAND
    path = case.make(tmp_path)
    for arguments in ([], ["--format", "json"]):
        result = subprocess.run(
            [COMMAND, "compare", str(GOOD_FILES[0]), os.fsencode(path), *arguments],
            capture_output=True,
            timeout=TIMEOUT_S,
            env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
        )
        assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
        assert result.returncode == 0
