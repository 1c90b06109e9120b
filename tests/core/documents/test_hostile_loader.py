"""Issue 10's bad-input corpus through the loader: every hostile or broken input either
loads as the case says or is refused with a message that names the file and the reason,
within a time limit (a named pipe must not block it) and, for the bombs and the big
files, within a memory bound."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import LoadError, load_document
from tests.fixtures.hostile_inputs import (
    BY_NAME,
    CASES,
    HostileCase,
    Loaded,
    Refused,
    case_params,
    must_drop_root,
    rerun_without_root_privileges,
)
from tests.helpers.machine import cannot_check_here

DEADLINE_S = 60.0
"""Longer than the slowest case takes (the 60 MB file: a few seconds)."""
ROOT = Path(__file__).resolve().parents[3]


def load_within_deadline(path: Path) -> Document | LoadError:
    """``load_document(path)``, or the LoadError it raised; fails the test if it does not
    return in time. The worker is a daemon thread, so one that blocks for ever (a pipe
    nobody writes to) does not keep the tests from ending."""
    outcome: list[Document | BaseException] = []

    def work() -> None:
        try:
            outcome.append(load_document(path))
        except BaseException as error:  # handed to the test below
            outcome.append(error)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(DEADLINE_S)
    if worker.is_alive():
        pytest.fail(f"loading {path} did not finish in {DEADLINE_S:.0f} s")
    [result] = outcome
    if isinstance(result, LoadError | Document):
        return result
    raise result  # anything but LoadError is a crash: the test fails with it


def check_outcome(case: HostileCase, path: Path, result: Document | LoadError) -> None:
    expect = case.expect
    if isinstance(expect, Refused):
        assert isinstance(result, LoadError), f"{case.name} should be refused, it loaded"
        assert result.path == str(path)
        assert str(path) in str(result), "the message names the file"
        assert expect.reason_contains in result.reason, result.reason
        assert str(result) == f"{path}: {result.reason}"
        return
    assert isinstance(result, Document), f"{case.name} should load: {result}"
    assert isinstance(expect, Loaded)
    count = len(result.paragraphs)
    assert expect.paragraphs_ok(count), f"{count} paragraphs"
    for text in expect.text_contains:
        assert text in result.text, f"{text!r} is missing"
    for text in expect.text_lacks:
        assert text not in result.text, f"{text!r} got through"
    if expect.encoding is not None:
        assert result.encoding == expect.encoding
    if expect.format is not None:
        assert result.format == expect.format
    assert result.name == path.name
    assert all(p.text == result.text[p.start : p.end] for p in result.paragraphs[:1000])


@pytest.mark.parametrize("case", case_params())
def test_hostile_input_through_the_loader(
    case: HostileCase, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if must_drop_root(case):  # root reads any file
        result = rerun_without_root_privileges(request.node.nodeid)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "1 passed" in result.stdout, result.stdout
        return
    path = case.make(tmp_path)
    check_outcome(case, path, load_within_deadline(path))


def test_the_corpus_covers_issue_10() -> None:
    """At least 30 inputs, each of the issue's list among them, names unique."""
    assert len(CASES) >= 30
    assert len(BY_NAME) == len(CASES)
    required = {
        "empty-0-bytes", "only-whitespace", "binary-blob", "image-renamed-txt",
        "invalid-utf8-in-the-middle", "utf16-le-with-bom", "utf16-le-without-bom",
        "mixed-line-ends", "single-5mb-line", "100000-one-word-paragraphs", "60mb-text",
        "control-characters", "bidi-override-characters", "combining-marks-and-emoji",
        "truncated-docx", "docx-zip-bomb", "html-script-and-external-entity",
        "encrypted-pdf", "truncated-pdf", "directory", "symlink-loop", "no-read-permission",
        "same-file-twice", "deleted-before-loading", "nul-bytes-in-text", "empty-docx",
        "html-named-pdf", "very-long-word", "only-punctuation", "non-utf8-file-name",
        "unicode-file-name", "named-pipe",
    }  # fmt: skip
    assert required <= set(BY_NAME)
    assert {case.name for case in CASES if case.slow} == {
        "single-5mb-line",
        "100000-one-word-paragraphs",
        "60mb-text",
        "60mb-numbered-copies",
    }


def test_loading_the_same_file_twice_gives_equal_documents() -> None:
    path = BY_NAME["same-file-twice"].make(Path("."))
    first, second = load_document(path), load_document(path)
    assert first.text == second.text
    assert first.paragraphs == second.paragraphs
    assert first.sha256 == second.sha256
    assert first.source_id != second.source_id, "each opening is a source of its own"


# Memory ---------------------------------------------------------------------------------

MEASURE = """
import json, resource, sys, tempfile
from pathlib import Path
from tests.fixtures.hostile_inputs import BY_NAME
from compareapp.core.documents.loading import LoadError, load_document
import compareapp.core.documents.formats.docx, mammoth, lxml.html  # imported before the baseline
path = BY_NAME[sys.argv[1]].make(Path(tempfile.mkdtemp()))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    outcome = f"loaded {len(load_document(path).paragraphs)} paragraphs"
except LoadError as error:
    outcome = error.reason
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"size": path.stat().st_size, "grew_kb": after - before, "outcome": outcome}))
"""


def peak_growth(case: str) -> tuple[int, float, str]:
    """File size, growth of the peak resident memory while loading it (MB) and the
    outcome, measured in a fresh Python (peak RSS only ever grows)."""
    if sys.platform == "win32":
        cannot_check_here("peak memory is read with the POSIX resource module")
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, case],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    report = json.loads(result.stdout)
    return report["size"], report["grew_kb"] / 1024, report["outcome"]


@pytest.mark.parametrize(
    ("case", "bound_mb", "outcome"),
    [
        pytest.param("docx-zip-bomb", 50, "is a ZIP bomb", id="zip-bomb"),
        pytest.param("docx-zip-bomb-lying-directory", 50, "is damaged", id="lying-zip-bomb"),
        # refused on sight of its DOCTYPE, before any XML parser expands an entity
        pytest.param(
            "docx-billion-laughs", 10, "declares an XML document type", id="billion-laughs"
        ),
        pytest.param("over-the-size-limit", 10, "over the 200 MB limit", id="over-the-limit"),
    ],
)
def test_bombs_are_refused_within_a_memory_bound(case: str, bound_mb: int, outcome: str) -> None:
    _size, grew_mb, said = peak_growth(case)
    assert outcome in said
    assert grew_mb < bound_mb, f"peak memory grew by {grew_mb:.0f} MB"


@pytest.mark.slow
def test_a_60_mb_file_loads_within_ten_times_its_size() -> None:
    size, grew_mb, said = peak_growth("60mb-text")
    assert said.startswith("loaded ")
    assert grew_mb < 10 * size / 2**20, f"peak memory grew by {grew_mb:.0f} MB"
