"""``compareapp compare --session``, run as the installed command: review marks join the
report, re-anchored when a source has changed since the session was saved."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import load_document
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.core.review.session import Session, SessionSource
from compareapp.core.review.session_file import save_session
from compareapp.resources import sample_paths
from tests.helpers.command import run

VERIFIED = "rescued 37 people from homes and cars on Quay Street and Mill Lane"
DISPUTED = "Holding the water back any longer would have put the dam itself at risk."
REWRITE_MARK = "Around 1,400 households in Marrowby"
NEW_PARAGRAPH = "Live updates: this story was updated at 11:05 with comment from the authority.\n\n"


def _mark(document: Document, quote: str, status: MarkStatus, note: str) -> ReviewMark:
    assert document.text.count(quote) == 1, quote
    start = document.text.index(quote)
    return ReviewMark.create(
        document.source_id, document.text, start, start + len(quote), status, "Zoë", note
    )


@pytest.fixture
def story(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Copies of the sample articles and a session with three marks on them."""
    wire_path, rewrite_path = (
        Path(shutil.copy(path, tmp_path / Path(path).name)) for path in sample_paths()
    )
    wire, rewrite = load_document(wire_path), load_document(rewrite_path)
    session = Session(
        sources=(SessionSource.of(wire), SessionSource.of(rewrite)),
        marks=(
            _mark(wire, VERIFIED, MarkStatus.VERIFIED, "Fire service statement, 4 March"),
            _mark(wire, DISPUTED, MarkStatus.DISPUTED, "Not in the briefing recording"),
            _mark(rewrite, REWRITE_MARK, MarkStatus.DISPUTED, "Wire says 1,200"),
        ),
    )
    session_path = tmp_path / "floods.compareapp"
    save_session(session_path, session)
    return session_path, wire_path, rewrite_path


def _report(session_path: Path, *args: str) -> dict[str, Any]:
    result = run("compare", "--session", str(session_path), "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def _check_offsets(report: dict[str, Any]) -> None:
    """Every placed mark's offsets point at its quote in its document's file."""
    for mark in report["review"]["marks"]:
        if mark["doc"] is None or mark["anchor_state"] == "orphaned":
            continue
        path = report["documents"][mark["doc"]]["path"]
        text = Path(path).read_text(encoding="utf-8")
        assert text[mark["start"] : mark["end"]] == mark["quote"]


def test_session_marks_join_the_report(story: tuple[Path, Path, Path]) -> None:
    session_path, wire_path, rewrite_path = story
    report = _report(session_path)
    assert [d["path"] for d in report["documents"]] == [str(wire_path), str(rewrite_path)]
    assert report["links"]  # the comparison itself is there too
    review = report["review"]
    assert review["session"] == str(session_path)
    summary = [
        (m["doc"], m["status"], m["quote"], m["anchor_state"], m["note"], m["reviewer"])
        for m in review["marks"]
    ]
    assert summary == [
        (0, "verified", VERIFIED, "anchored", "Fire service statement, 4 March", "Zoë"),
        (0, "disputed", DISPUTED, "anchored", "Not in the briefing recording", "Zoë"),
        (1, "disputed", REWRITE_MARK, "anchored", "Wire says 1,200", "Zoë"),
    ]
    assert all(m["original_quote"] == "" for m in review["marks"])
    assert len({m["id"] for m in review["marks"]}) == 3
    _check_offsets(report)


def test_marks_follow_an_edited_source(story: tuple[Path, Path, Path]) -> None:
    session_path, wire_path, _ = story
    before = {m["quote"]: m for m in _report(session_path)["review"]["marks"]}
    text = wire_path.read_text(encoding="utf-8")
    # A paragraph inserted before the verified passage; the disputed one deleted.
    disputed_paragraph = next(p for p in text.split("\n\n") if DISPUTED in p)
    edited = text.replace("No deaths or serious", NEW_PARAGRAPH + "No deaths or serious", 1)
    edited = edited.replace(disputed_paragraph + "\n\n", "", 1)
    assert DISPUTED not in edited and edited.count(VERIFIED) == 1
    wire_path.write_text(edited, encoding="utf-8")

    report = _report(session_path)
    marks = report["review"]["marks"]
    states = [(m["doc"], m["status"], m["quote"], m["anchor_state"]) for m in marks]
    assert states == [
        (0, "verified", VERIFIED, "moved"),
        (0, "disputed", DISPUTED, "orphaned"),
        (1, "disputed", REWRITE_MARK, "anchored"),
    ]
    moved, orphaned, untouched = marks
    assert moved["start"] == before[VERIFIED]["start"] + len(NEW_PARAGRAPH)
    assert edited[moved["start"] : moved["end"]] == VERIFIED
    assert (orphaned["start"], orphaned["end"]) == (
        before[DISPUTED]["start"],
        before[DISPUTED]["end"],
    )  # an orphaned mark keeps its old place
    assert untouched == before[REWRITE_MARK]
    _check_offsets(report)


def test_reworded_passage_reports_its_original_quote(story: tuple[Path, Path, Path]) -> None:
    session_path, wire_path, _ = story
    text = wire_path.read_text(encoding="utf-8")
    wire_path.write_text(text.replace("rescued 37 people", "rescued 38 people"), encoding="utf-8")
    first = _report(session_path)["review"]["marks"][0]
    assert first["anchor_state"] == "moved"
    assert first["quote"] == VERIFIED.replace("37", "38")
    assert first["original_quote"] == VERIFIED


def test_text_format_lists_the_review_marks(story: tuple[Path, Path, Path]) -> None:
    session_path, _, _ = story
    result = run("compare", "--session", str(session_path))
    assert result.returncode == 0, result.stderr
    comparison, _, review = result.stdout.partition("Review marks: 3\n")
    assert comparison.strip() and review
    lines = review.splitlines()
    assert lines[0].startswith(
        f"  [verified] wire-report.txt, anchored: “{VERIFIED}” — Fire service statement"
    )
    assert lines[1].startswith(f"  [disputed] wire-report.txt, anchored: “{DISPUTED}”")
    assert lines[2].startswith("  [disputed] outlet-rewrite.txt, anchored: ")
    assert "(Zoë, " in lines[0]


def test_explicit_files_are_matched_to_the_sessions_sources_by_name(
    story: tuple[Path, Path, Path],
) -> None:
    session_path, _, _ = story
    # The bundled articles, in the other order: same names, same text, other folder.
    bundled = sample_paths()
    report = _report(session_path, bundled[1], bundled[0])
    placed = [(m["doc"], m["quote"], m["anchor_state"]) for m in report["review"]["marks"]]
    assert placed == [
        (1, VERIFIED, "anchored"),
        (1, DISPUTED, "anchored"),
        (0, REWRITE_MARK, "anchored"),
    ]


def test_marks_of_a_source_not_compared_have_no_document(
    story: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    session_path, wire_path, _ = story
    other = tmp_path / "other.txt"
    other.write_text("Something else entirely.\n\nAnother paragraph.\n", encoding="utf-8")
    report = _report(session_path, str(wire_path), str(other))
    assert [m["doc"] for m in report["review"]["marks"]] == [0, 0, None]
    text = run("compare", "--session", str(session_path), str(wire_path), str(other))
    assert "source not compared" in text.stdout


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x00\x01 not a session", "is damaged or not a session file"),
        (b'{"format": "compareapp.session", "schema_version": 99}', "newer compareapp"),
        (b'{"format": "compareapp.session", "schema_version": 1}', "has no 'comparison'"),
    ],
    ids=["garbage", "newer", "incomplete"],
)
def test_unreadable_session_gives_status_2_and_names_the_file(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "broken.compareapp"
    path.write_bytes(content)
    for extra in ([], ["--format", "json"], ["--sample"]):
        result = run("compare", "--session", str(path), *extra)
        assert result.returncode == 2
        assert result.stdout == ""
        assert "Traceback" not in result.stderr
        [line] = result.stderr.strip().splitlines()
        assert line.startswith(f"compareapp: cannot open session {path}: ")
        assert reason in line


def test_missing_session_file_gives_status_2(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.compareapp"
    result = run("compare", "--session", str(path))
    assert result.returncode == 2
    assert result.stderr.strip() == f"compareapp: cannot open session {path}: no such file"


def test_session_whose_source_is_gone_says_which_file(story: tuple[Path, Path, Path]) -> None:
    session_path, wire_path, _ = story
    wire_path.unlink()
    result = run("compare", "--session", str(session_path))
    assert result.returncode == 2
    assert f"cannot read {wire_path}: no such file" in result.stderr
