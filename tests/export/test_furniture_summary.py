"""The PDF summary's discrepancy table leaves page furniture out unless the view model
shows it (View > Show Page Furniture, or ``export --include-furniture``) (issue 21)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.loading import load_document
from compareapp.core.present.report_model import build_report
from compareapp.core.present.view_model import ComparisonViewModel, DifferenceFilter
from compareapp.export.pdf_export import ExportOptions, export_pdf
from compareapp.rendering import palette
from tests.export.test_redline_export import word_boxes
from tests.helpers.pdf_reading import page_texts, pages_with
from tests.helpers.seed_marks import seed_paths

FURNITURE_ROWS = [
    "one source — 3 months ago",
    "one source — Duration 2:01",
    "one source Our criteria: Thomson Reuters Trus",
]
"""Summary rows of the seed pair's furniture: the kind, each source's wording (cut to its
column), as the PDF's text reads."""
DPI = 100


def summary_text(furniture: bool, folder: Path) -> str:
    """The summary pages' text of the seed pair's PDF: every page before the first
    side-by-side page."""
    QApplication.instance() or QApplication([])
    model = ComparisonViewModel(
        Comparison([load_document(path) for path in seed_paths()]),
        DifferenceFilter(furniture=furniture),
    )
    target = folder / f"seed-{furniture}.pdf"
    export_pdf(build_report(model), target, ExportOptions(reviewer="A. Editor"))
    texts = page_texts(target)
    first_pair = next(n for n, text in enumerate(texts) if "only in this source" in text)
    assert first_pair > 0
    return " ".join(texts[:first_pair])


@pytest.fixture(scope="module")
def summaries(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, str]:
    """The summary's text without furniture (False, the default) and with it (True)."""
    folder = tmp_path_factory.mktemp("furniture")
    return {furniture: summary_text(furniture, folder) for furniture in (False, True)}


@pytest.mark.parametrize("row", FURNITURE_ROWS)
def test_the_summary_lacks_furniture_rows_by_default(row: str, summaries: dict[bool, str]) -> None:
    assert "Discrepancies (" in summaries[False]
    assert row not in summaries[False]
    assert row in summaries[True]


def darkest_ink(path: Path, word: str, folder: Path) -> int:
    """The darkest grey level (0 black, 255 white) under ``word``, first found, on its
    page of the PDF rendered by pdftoppm at 100 dpi."""
    page = pages_with(path, word)[0]
    [box, *_] = word_boxes(path, page, word, DPI)
    prefix = folder / f"{path.stem}-{page}"
    pages = ["-f", str(page + 1), "-l", str(page + 1)]
    options = ["-r", str(DPI), *pages, "-png", "-singlefile"]
    subprocess.run(["pdftoppm", *options, str(path), str(prefix)], check=True)
    image = QImage(f"{prefix}.png")
    left, top, right, bottom = box
    return min(
        QColor(image.pixel(x, y)).lightness()
        for x in range(left, right + 1)
        for y in range(top, bottom + 1)
    )


def test_furniture_is_grey_on_the_side_by_side_pages(tmp_path: Path) -> None:
    """ "Duration 2:01", a video blurb of the CBC page, is printed grey, as in the panes;
    a word of the story near it black. (The redline pages, like the redline view, keep
    the colour of inserted and deleted text.)"""
    QApplication.instance() or QApplication([])
    model = ComparisonViewModel(Comparison([load_document(path) for path in seed_paths()]))
    target = tmp_path / "side-by-side.pdf"
    export_pdf(build_report(model), target, ExportOptions(reviewer="ed"))
    grey = palette.FURNITURE_TEXT.lightness()
    assert abs(darkest_ink(target, "Duration", tmp_path) - grey) < 25
    assert darkest_ink(target, "Pope", tmp_path) < 60
