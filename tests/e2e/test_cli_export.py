"""``compareapp export``: the annotated PDF from the command line, without a display."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf

from compareapp.cli import sample_paths
from compareapp.core.loading import load_document
from compareapp.core.review import MarkStatus, ReviewMark
from compareapp.core.session import Session, SessionSource, save_session

COMMAND = shutil.which("compareapp", path=str(Path(sys.executable).parent))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    assert COMMAND, "compareapp is not installed next to this Python"
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [COMMAND, *args], capture_output=True, text=True, timeout=120, env=environment
    )


def make_session(folder: Path) -> Path:
    copies = [Path(shutil.copy(path, folder)) for path in sample_paths()]
    wire, rewrite = (load_document(path) for path in copies)
    start = wire.text.index("1,200")
    other = rewrite.text.index("Mayor Ingrid Sallowe")
    marks = (
        ReviewMark.create(wire.source_id, wire.text, start, start + 5, MarkStatus.DISPUTED,
                          "A. Editor", "1,200 or 1,400?"),
        ReviewMark.create(rewrite.source_id, rewrite.text, other, other + 20,
                          MarkStatus.VERIFIED, "A. Editor", "Title checked"),
    )  # fmt: skip
    path = folder / "story.compareapp"
    save_session(path, Session((SessionSource.of(wire), SessionSource.of(rewrite)), marks))
    return path


def test_export_without_a_display_writes_the_session_marks_as_annotations(
    tmp_path: Path,
) -> None:
    session = make_session(tmp_path)
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    result = run("export", "--session", str(session), "-o", str(target), "--page-size", "Letter")
    assert result.returncode == 0, result.stderr
    assert "2 annotation(s)" in result.stdout
    reader = pypdf.PdfReader(target)
    notes = {
        str(annotation.get_object()["/Contents"])
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object()["/Subtype"] == "/Highlight"
    }
    assert notes == {"Disputed: 1,200 or 1,400?", "Verified: Title checked"}
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert [path.name for path in target.parent.iterdir()] == ["report.pdf"]


def test_export_of_files_without_a_session(tmp_path: Path) -> None:
    target = tmp_path / "plain.pdf"
    result = run("export", *sample_paths(), "-o", str(target), "--reviewer", "Night Desk")
    assert result.returncode == 0, result.stderr
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "by Night Desk" in text
    assert "wire-report.txt" in text and "outlet-rewrite.txt" in text


def test_an_unwritable_target_is_refused_with_its_name(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "x.pdf"
    result = run("export", *sample_paths(), "-o", str(target))
    assert result.returncode == 2
    assert str(target) in result.stderr and "does not exist" in result.stderr
    assert not target.parent.exists()
