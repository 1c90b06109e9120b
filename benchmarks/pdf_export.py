"""How long does exporting an annotated PDF take, and how many pages a second?

    QT_QPA_PLATFORM=offscreen python benchmarks/pdf_export.py [--paragraphs N ...]

The documents are the window benchmark's (benchmarks/window_load.py): licence prose from
/usr/share/common-licenses, B a perturbed copy of A. One review mark is made every 200
paragraphs, alternately verified and disputed. The comparison is aligned before the clock
starts: the time is the export alone (layout, drawing, annotations). The baseline, in the
same run, is Qt drawing the same texts as plain paragraphs into a PDF with no table,
highlights or annotations, so the ratio says what the report's structure costs.
``--pair A B`` exports two given files instead; ``--json`` prints one line of JSON per
export (benchmarks/run.py reads it).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdf  # noqa: E402
from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument  # noqa: E402

from benchmarks.window_load import make_pair  # noqa: E402
from compareapp.core.diff.comparison import Comparison  # noqa: E402
from compareapp.core.documents.loading import load_document  # noqa: E402
from compareapp.core.present.report_model import build_report  # noqa: E402
from compareapp.core.present.view_model import ComparisonViewModel  # noqa: E402
from compareapp.core.review.marks import MarkStatus, ReviewMark  # noqa: E402
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


def export_timing(path_a: Path, path_b: Path, folder: Path) -> dict[str, float | int]:
    """Export the comparison of two files as an annotated PDF into ``folder``: seconds,
    pages, annotations, and the plain Qt baseline's seconds and pages."""
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
    return {
        "seconds": elapsed,
        "pages": result.pages,
        "pages_per_s": result.pages / elapsed,
        "annotations": result.annotations,
        "not_placed": len(result.not_placed),
        "plain_s": baseline,
        "plain_pages": baseline_pages,
    }


def run(paragraphs: int, folder: Path) -> None:
    path_a, path_b = make_pair(paragraphs, folder)
    report(f"{paragraphs:>6} paragraphs/side", export_timing(path_a, path_b, folder))


def report(name: str, timing: dict[str, float | int]) -> None:
    elapsed, baseline = timing["seconds"], timing["plain_s"]
    print(
        f"{name}  export {elapsed:6.1f} s  {timing['pages']:>5} pages  "
        f"{timing['pages_per_s']:6.1f} pages/s  {timing['annotations']} annotations "
        f"({timing['not_placed']} marks not placed)  |  "
        f"plain Qt PDF {baseline:5.1f} s ({timing['plain_pages']} pages)  "
        f"ratio {elapsed / baseline:4.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--pair", nargs=2, type=Path, metavar=("A", "B"), help="files to export")
    parser.add_argument("--json", action="store_true", help="print one line of JSON per export")
    args = parser.parse_args()
    _application = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        if args.pair:
            path_a, path_b = args.pair
            timing = export_timing(path_a, path_b, Path(folder))
            if args.json:
                print(json.dumps(timing), flush=True)
            else:
                report(f"{args.pair[0].name} and {args.pair[1].name}", timing)
            return
        for count in args.paragraphs:
            if args.json:
                path_a, path_b = make_pair(count, Path(folder))
                print(json.dumps(export_timing(path_a, path_b, Path(folder))), flush=True)
            else:
                run(count, Path(folder))


if __name__ == "__main__":
    main()
