"""Export a comparison with its review marks as an annotated PDF.

Qt's PDF writer draws the pages (summary first, then the side-by-side comparison) as real,
embedded-font text in memory; pypdf then adds a Highlight annotation with a popup note for
every review mark and the result replaces the target in one step, so a failure never
leaves a half-written file under the target's name. Only Python writes to the disk, so a
full disk or a read-only folder is an ``OSError`` that says so (Qt's writer would leave a
truncated draft without a word).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter, QTextDocument

from compareapp import __version__
from compareapp.core.present.report_model import ReportModel
from compareapp.core.review.marks import ReviewMark
from compareapp.export.comparison_pages import (
    ComparisonPages,
    LineRect,
    PageGeometry,
    paginate,
    report_font,
)
from compareapp.export.pdf_annotations import LineBox, PdfHighlight, add_highlights
from compareapp.export.summary_page import summary_html
from compareapp.rendering.palette import annotation_colour

RESOLUTION = 300
"""Device pixels per inch of the PDF writer (layout precision, not image resolution)."""
MARGINS_MM = (15.0, 18.0, 15.0, 16.0)
"""Left, top (room for the running header), right, bottom (room for the page number)."""
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}

Progress = Callable[[str], None]


def default_page_size() -> str:
    """Letter where the locale measures in US units, A4 elsewhere."""
    imperial = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "Letter" if imperial else "A4"


@dataclass(frozen=True)
class ExportOptions:
    reviewer: str
    page_size: str = "A4"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int
    annotations: int


def export_pdf(
    report: ReportModel,
    target: str | os.PathLike[str],
    options: ExportOptions,
    progress: Progress = lambda _text: None,
) -> ExportResult:
    """Write ``report`` to ``target`` as an annotated PDF."""
    target = Path(target)
    if not target.parent.is_dir():
        raise OSError(f"the folder {target.parent} does not exist")
    _check_writable(target)
    drawn = QBuffer()
    drawn.open(QIODevice.OpenModeFlag.WriteOnly)
    pages, highlights = _draw(report, drawn, options, progress)
    drawn.close()
    progress("Adding the review marks as PDF annotations")
    add_highlights(bytes(drawn.data().data()), target, highlights)
    return ExportResult(target, pages, len(highlights))


def _check_writable(target: Path) -> None:
    """Fail before the drawing, rather than after it, when no file can be created beside
    ``target`` (a read-only folder, no permission)."""
    descriptor, probe = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".part", dir=target.parent
    )
    os.close(descriptor)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(probe)


def _draw(
    report: ReportModel, device: QIODevice, options: ExportOptions, progress: Progress
) -> tuple[int, list[PdfHighlight]]:
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(PAGE_SIZES.get(options.page_size, QPageSize.PageSizeId.A4)))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    names = " ↔ ".join(document.name for document in report.documents)
    writer.setTitle(f"Comparison: {names}")
    writer.setCreator(f"compareapp {__version__}")
    page = _geometry(writer)
    progress("Laying out the side-by-side pages")
    comparison = ComparisonPages(report, writer, page)
    lines = {mark.id: comparison.mark_lines(mark) for mark in report.marks}
    exported_at = datetime.now().astimezone()
    summary = _summary(report, writer, page, exported_at, options.reviewer, lines)
    total = summary.pageCount() + comparison.page_count()
    progress(f"Writing {total} pages")
    painter = QPainter(writer)
    try:
        for number, (document, index) in enumerate(_pages(summary, comparison.document)):
            if number:
                writer.newPage()
            _draw_page(painter, document, index, page)
            _draw_furniture(painter, page, names, exported_at, number + 1, total)
    finally:
        painter.end()
    offset = summary.pageCount()
    highlights = [
        highlight
        for mark in report.marks
        for highlight in _highlights(mark, lines[mark.id], offset, page)
    ]
    return total, highlights


def _geometry(writer: QPdfWriter) -> PageGeometry:
    def pixels(millimetres: float) -> float:
        return millimetres / 25.4 * RESOLUTION

    left, top, right, bottom = MARGINS_MM
    return PageGeometry(
        float(writer.width()),
        float(writer.height()),
        pixels(left),
        pixels(top),
        pixels(right),
        pixels(bottom),
    )


def _summary(
    report: ReportModel,
    writer: QPdfWriter,
    page: PageGeometry,
    exported_at: datetime,
    reviewer: str,
    lines: dict[str, list[LineRect]],
) -> QTextDocument:
    """The summary document, laid out again until its page numbers are right (they
    depend on how many pages the summary itself takes)."""
    summary_pages = 1
    while True:
        pages = {
            mark_id: summary_pages + rects[0].page + 1 for mark_id, rects in lines.items() if rects
        }
        document = QTextDocument()
        document.setDefaultFont(report_font())
        document.setHtml(
            summary_html(report, exported_at=exported_at, reviewer=reviewer, pages=pages)
        )
        paginate(document, writer, page)
        if document.pageCount() == summary_pages:
            return document
        summary_pages = document.pageCount()


def _pages(*documents: QTextDocument) -> list[tuple[QTextDocument, int]]:
    return [(document, index) for document in documents for index in range(document.pageCount())]


def _draw_page(painter: QPainter, document: QTextDocument, index: int, page: PageGeometry) -> None:
    painter.save()
    painter.translate(0, -index * page.height)
    document.drawContents(painter, QRectF(0, index * page.height, page.width, page.height))
    painter.restore()


def _draw_furniture(
    painter: QPainter,
    page: PageGeometry,
    names: str,
    exported_at: datetime,
    number: int,
    total: int,
) -> None:
    """The running header (the sources' names) and the footer (export time, page)."""
    painter.save()
    painter.setFont(report_font(7.5))
    painter.setPen(Qt.GlobalColor.darkGray)
    width = page.width - page.left - page.right
    header = QRectF(page.left, page.top * 0.35, width, page.top * 0.4)
    footer = QRectF(page.left, page.height - page.bottom * 0.7, width, page.bottom * 0.4)
    painter.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, names)
    stamp = f"compareapp · exported {exported_at.isoformat(timespec='minutes')}"
    painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, stamp)
    painter.drawText(
        footer,
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        f"Page {number} of {total}",
    )
    painter.restore()


def _highlights(
    mark: ReviewMark, rects: list[LineRect], page_offset: int, page: PageGeometry
) -> list[PdfHighlight]:
    """The annotations of ``mark``: one per page its passage reaches."""
    points = 72 / RESOLUTION
    height = page.height * points
    status = mark.status.value.capitalize()
    by_page: dict[int, list[LineBox]] = {}
    for rect in rects:
        by_page.setdefault(rect.page, []).append(
            LineBox(
                left=rect.left * points,
                bottom=height - rect.bottom * points,
                right=rect.right * points,
                top=height - rect.top * points,
            )
        )
    return [
        PdfHighlight(
            page=page_offset + index,
            lines=tuple(lines),
            colour=annotation_colour(mark.status),
            contents=f"{status}: {mark.note}" if mark.note else status,
            author=mark.reviewer,
            subject=status,
            modified=mark.modified,
            name=mark.id if number == 0 else f"{mark.id}-{number}",
        )
        for number, (index, lines) in enumerate(sorted(by_page.items()))
    ]
