"""The annotated PDF export, read back as a reader would: poppler's text and rendering,
pypdf's view of the annotations."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdf
import pytest
from PySide6.QtWidgets import QApplication

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.loading import load_document
from compareapp.core.present.report_model import ReportModel, build_report
from compareapp.core.present.view_model import ComparisonViewModel
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.export import pdf_export
from compareapp.export.pdf_export import ExportOptions, export_pdf

SEED = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seed-pair"
DISPUTED_QUOTE = "8,000 square kilometers"
VERIFIED_QUOTE = "Vladimir Putin"
NOTE = "Rewrite drops this figure.\nCheck the ISW report — “8,000”."


@pytest.fixture(scope="module")
def report() -> ReportModel:
    paths = sorted(SEED.glob("*.txt"))[:2]
    if len(paths) < 2:
        pytest.fail(f"the seed pair is missing from {SEED}")
    a, b = (load_document(path) for path in paths)
    start = a.text.index(DISPUTED_QUOTE)
    other = b.text.index(VERIFIED_QUOTE)
    marks = [
        ReviewMark.create(
            a.source_id, a.text, start, start + len(DISPUTED_QUOTE), MarkStatus.DISPUTED,
            "A. Editor", NOTE,
        ),
        ReviewMark.create(
            b.source_id, b.text, other, other + len(VERIFIED_QUOTE), MarkStatus.VERIFIED,
            "B. Checker", "Name checked",
        ),
    ]  # fmt: skip
    return build_report(ComparisonViewModel(Comparison([a, b])), marks)


@pytest.fixture(scope="module")
def exported(report: ReportModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    QApplication.instance() or QApplication([])
    target = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    result = export_pdf(report, target, ExportOptions(reviewer="A. Editor"))
    assert result.path == target and result.annotations == 2
    assert len(pypdf.PdfReader(target).pages) == result.pages
    return target


def pdftotext(path: Path, *options: str) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, str(path), "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


def highlights(path: Path) -> list[tuple[int, dict]]:
    reader = pypdf.PdfReader(path)
    found = []
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation["/Subtype"] == "/Highlight":
                found.append((number, annotation))
    return found


def test_the_summary_and_both_articles_are_real_text(exported: Path, report: ReportModel) -> None:
    text = pdftotext(exported)
    words = " ".join(text.split())
    for document in report.documents:
        assert document.name in text
        first = " ".join(document.paragraphs[1].text.split()[:6])
        assert first in words
    for field in ("Sources", "Counts", "Disputed passages (1)", "Verified passages (1)",
                  "Paragraphs linked", "A. Editor", "Rewrite drops this figure."):  # fmt: skip
        assert field in words
    assert report.documents[0].sha256[:16] in text.replace("\n", "")
    assert not any("\ufb00" <= char <= "\ufb06" for char in text), "ligatures in the text layer"


def test_every_page_renders(exported: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        ["pdftoppm", "-r", "30", "-png", str(exported), str(tmp_path / "page")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr
    assert len(list(tmp_path.glob("page-*.png"))) == len(pypdf.PdfReader(exported).pages)


def test_each_mark_is_a_highlight_with_its_note_author_and_popup(exported: Path) -> None:
    found = highlights(exported)
    assert len(found) == 2
    by_subject = {str(annotation["/Subj"]): annotation for _page, annotation in found}
    disputed, verified = by_subject["Disputed"], by_subject["Verified"]
    assert disputed["/Contents"] == f"Disputed: {NOTE}"
    assert disputed["/T"] == "A. Editor"
    assert verified["/Contents"] == "Verified: Name checked"
    assert verified["/T"] == "B. Checker"
    reader = pypdf.PdfReader(exported)
    for number, annotation in found:
        box = reader.pages[number].mediabox
        left, bottom, right, top = (float(value) for value in annotation["/Rect"])
        assert float(box.left) <= left < right <= float(box.right)
        assert float(box.bottom) <= bottom < top <= float(box.top)
        assert len(annotation["/QuadPoints"]) % 8 == 0
        assert annotation["/Popup"].get_object()["/Parent"].get_object() == annotation
        assert str(annotation["/M"]).startswith("D:")


@pytest.mark.parametrize(
    "subject, quote", [("Disputed", DISPUTED_QUOTE), ("Verified", VERIFIED_QUOTE)]
)
def test_the_highlight_covers_the_marked_words(exported: Path, subject: str, quote: str) -> None:
    """The text poppler finds inside the annotation's quadrilaterals, line by line, is
    the marked passage."""
    number, annotation = next((n, a) for n, a in highlights(exported) if str(a["/Subj"]) == subject)
    height = float(pypdf.PdfReader(exported).pages[number].mediabox.top)
    quads = [float(value) for value in annotation["/QuadPoints"]]
    found = []
    for index in range(0, len(quads), 8):
        left, top, right, _tr, _ll, bottom = quads[index : index + 6]
        assert top > bottom, "quadrilaterals start at the upper left"
        found.append(
            pdftotext(
                exported,
                "-f",
                str(number + 1),
                "-l",
                str(number + 1),
                "-r",
                "72",
                "-x",
                str(round(left) + 1),
                "-y",
                str(round(height - top) + 1),
                "-W",
                str(round(right - left) - 2),
                "-H",
                str(round(top - bottom) - 2),
            )
        )
    assert " ".join(" ".join(found).split()) == quote


def test_letter_pages(report: ReportModel, tmp_path: Path) -> None:
    QApplication.instance() or QApplication([])
    target = tmp_path / "letter.pdf"
    export_pdf(report, target, ExportOptions(reviewer="x", page_size="Letter"))
    box = pypdf.PdfReader(target).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a_failure_keeps_the_old_file_and_leaves_no_draft(
    report: ReportModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    QApplication.instance() or QApplication([])
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the previous export")

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf_export, "add_highlights", disk_full)
    with pytest.raises(OSError, match="No space"):
        export_pdf(report, target, ExportOptions(reviewer="x"))
    assert target.read_bytes() == b"the previous export"
    assert [path.name for path in tmp_path.iterdir()] == ["report.pdf"]


def test_a_missing_folder_is_an_error_that_names_it(report: ReportModel, tmp_path: Path) -> None:
    with pytest.raises(OSError, match="does not exist"):
        export_pdf(report, tmp_path / "nowhere" / "x.pdf", ExportOptions(reviewer="x"))
    assert not (tmp_path / "nowhere").exists()
