"""``compareapp export``: the annotated PDF from the command line, without a display."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdf

from compareapp.core.documents.loading import load_document
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.core.review.session import Session, SessionSource
from compareapp.core.review.session_file import save_session
from compareapp.resources import sample_paths
from tests.helpers.command import run as run_command
from tests.helpers.pdf_reading import annotations, page_texts, text_under_quads


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The export as on a machine with no screen."""
    return run_command(*args, display=False)


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


SEED = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seed-pair"


def test_the_seed_pair_with_a_session_exports_readable_annotated_pages(tmp_path: Path) -> None:
    seed = sorted(SEED.glob("*.txt"))[:2]
    assert len(seed) == 2, f"the seed pair is missing from {SEED}"
    a, b = (load_document(path) for path in seed)
    disputed, verified = a.text.index("8,000 square kilometers"), b.text.index("Vladimir Putin")
    marks = (
        ReviewMark.create(a.source_id, a.text, disputed, disputed + 23, MarkStatus.DISPUTED,
                          "A. Editor", "The rewrite leaves this figure out."),
        ReviewMark.create(b.source_id, b.text, verified, verified + 14, MarkStatus.VERIFIED,
                          "A. Editor", "Spelling checked"),
    )  # fmt: skip
    session = tmp_path / "seed.compareapp"
    save_session(session, Session((SessionSource.of(a), SessionSource.of(b)), marks))
    target = tmp_path / "seed.pdf"

    result = run("export", "--session", str(session), "-o", str(target))

    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(target)
    found = [
        annotation.get_object()
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object()["/Subtype"] == "/Highlight"
    ]
    assert sorted(str(note["/Subj"]) for note in found) == ["Disputed", "Verified"]
    assert all(str(note["/T"]) == "A. Editor" for note in found)
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(target), "-"],
            capture_output=True, text=True, check=True,
        ).stdout.split()
    )  # fmt: skip
    for document in (a, b):
        assert document.sha256 in text.replace(" ", "") or document.sha256[:20] in text
        assert " ".join(document.paragraphs[-1].text.split()[:8]) in text
    assert "The rewrite leaves this figure out." in text
    rendered = subprocess.run(
        ["pdftoppm", "-r", "20", "-png", str(target), str(tmp_path / "page")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert rendered.returncode == 0 and "Error" not in rendered.stderr
    assert len(list(tmp_path.glob("page-*.png"))) == len(reader.pages)


def test_the_redline_layout_names_the_marks_it_could_not_place(tmp_path: Path) -> None:
    """--layout redline: the base against the other in one column, the marks drawn over
    exactly their words, also a mark of the base on words the other prints with other
    typography ("Beijing’s" shown as the other's "Beijing's"). A mark whose words are no
    longer in its source is named on stderr, and the PDF is still written."""
    seed = sorted(SEED.glob("*.txt"))[:2]
    assert len(seed) == 2, f"the seed pair is missing from {SEED}"
    a, b = (load_document(path) for path in seed)
    quotes = [(a, "8,000 square kilometers"), (b, "no limits"), (a, "Beijing’s support")]
    marks = []
    for document, quote in quotes:
        start = document.text.index(quote)
        marks.append(
            ReviewMark.create(document.source_id, document.text, start, start + len(quote),
                              MarkStatus.DISPUTED, "A. Editor", f"check {quote}")
        )  # fmt: skip
    gone = "A sentence the wire later withdrew."
    marks.append(
        ReviewMark.create(a.source_id, gone, 0, len(gone), MarkStatus.DISPUTED, "A. Editor", "")
    )
    session = tmp_path / "seed.compareapp"
    save_session(session, Session((SessionSource.of(a), SessionSource.of(b)), tuple(marks)))
    target = tmp_path / "redline.pdf"

    result = run("export", "--session", str(session), "--layout", "redline", "-o", str(target))

    assert result.returncode == 0, result.stderr
    assert "3 annotation(s)" in result.stdout
    assert result.stderr.splitlines() == [
        f"compareapp: mark not placed in the PDF: “{gone}” (its words are not in the compared text)"
    ]
    found = annotations(target, "/Highlight")
    assert sorted(text_under_quads(target, highlight).replace("'", "’") for highlight in found) == [
        "8,000 square kilometers",
        "Beijing’s support",
        "no limits",
    ]
    text = " ".join(page_texts(target))
    assert f"Redline: {b.name} against {a.name}" in text
    assert f"“{gone}”" in text
    assert "not placed" in text


def test_the_help_says_what_becomes_of_a_mark_that_cannot_be_placed() -> None:
    result = run("export", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "--layout {side-by-side,redline}" in text
    assert (
        "named on stderr, one line each; the PDF is still written and the exit status is 0" in text
    )
