"""How long does exporting an annotated PDF take, and how many pages a second?

    QT_QPA_PLATFORM=offscreen python benchmarks/pdf_export.py [--paragraphs N ...]

The documents are the window benchmark's (benchmarks/window_load.py): licence prose from
/usr/share/common-licenses, B a perturbed copy of A. One review mark is made every 200
paragraphs, alternately verified and disputed. The comparison is aligned before the clock
starts: the time is the export alone (layout, drawing, annotations). The baseline, in the
same run, is Qt drawing the same texts as plain paragraphs into a PDF with no table,
highlights or annotations, so the ratio says what the report's structure costs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdf  # noqa: E402
from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument  # noqa: E402

from benchmarks.window_load import make_pair  # noqa: E402
from compareapp.core.comparison import Comparison  # noqa: E402
from compareapp.core.export_model import build_report  # noqa: E402
from compareapp.core.loading import load_document  # noqa: E402
from compareapp.core.review import MarkStatus, ReviewMark  # noqa: E402
from compareapp.core.view_model import ComparisonViewModel  # noqa: E402
from compareapp.export.pdf_export import ExportOptions, export_pdf  # noqa: E402

MARK_EVERY = 200


def plain_pdf(texts: list[str], target: Path) -> int:
    """The baseline: both texts as plain paragraphs, printed by Qt."""
    writer = QPdfWriter(str(target))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    document = QTextDocument()
    document.setPlainText("\n\n".join(texts))
    document.print_(writer)
    return len(pypdf.PdfReader(target).pages)


def run(paragraphs: int, folder: Path) -> None:
    path_a, path_b = make_pair(paragraphs, folder)
    a, b = load_document(path_a), load_document(path_b)
    model = ComparisonViewModel(Comparison([a, b]))
    for other in (0, 1):
        model.highlights(other)
    marks = []
    for number, paragraph in enumerate(a.paragraphs[::MARK_EVERY]):
        status = MarkStatus.DISPUTED if number % 2 else MarkStatus.VERIFIED
        end = min(paragraph.end, paragraph.start + 60)
        marks.append(ReviewMark.create(a.source_id, a.text, paragraph.start, end, status, "bench"))
    report = build_report(model, marks)

    started = time.perf_counter()
    baseline_pages = plain_pdf([a.text, b.text], folder / "plain.pdf")
    baseline = time.perf_counter() - started

    started = time.perf_counter()
    result = export_pdf(report, folder / "report.pdf", ExportOptions(reviewer="bench"))
    elapsed = time.perf_counter() - started
    print(
        f"{paragraphs:>6} paragraphs/side  export {elapsed:6.1f} s  {result.pages:>5} pages  "
        f"{result.pages / elapsed:6.1f} pages/s  {result.annotations} annotations  |  "
        f"plain Qt PDF {baseline:5.1f} s ({baseline_pages} pages)  ratio {elapsed / baseline:4.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, nargs="+", default=[500, 5000])
    args = parser.parse_args()
    _application = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        for count in args.paragraphs:
            run(count, Path(folder))


if __name__ == "__main__":
    main()
