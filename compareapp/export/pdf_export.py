"""Export a comparison with its review marks as an annotated PDF.

Qt's PDF writer draws the pages (summary first, then the side-by-side comparison, or the
redline of the base against each other document) as real,
embedded-font text in memory. Each review mark is placed where its characters were laid
out (and read back to check that they are its words; if not, the summary lists it as not
placed). pypdf then adds a Highlight annotation with a popup note for every placed mark,
the outline and the destinations of the summary's links, as an incremental update, and
the result replaces the target in one step, so a failure never leaves a half-written file
under the target's name. Only Python writes to the disk, so a full disk or a read-only
folder is an ``OSError`` that says so (Qt's writer would leave a truncated draft without
a word).
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
from compareapp.export.comparison_pages import ComparisonPages, MarkPlacement
from compareapp.export.page_layout import LineRect, PageGeometry, paginate, report_font
from compareapp.export.pdf_annotations import (
    LineBox,
    NamedPlace,
    OutlineEntry,
    PdfHighlight,
    add_highlights,
    mark_contents,
)
from compareapp.export.redline_pages import RedlinePages
from compareapp.export.summary_page import SummaryPages, summary_html
from compareapp.rendering.palette import MARK_BORDER, annotation_colour

RESOLUTION = 300
"""Device pixels per inch of the PDF writer (layout precision, not image resolution)."""
MARGINS_MM = (15.0, 18.0, 15.0, 16.0)
"""Left, top (room for the running header), right, bottom (room for the page number)."""
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
SIDE_BY_SIDE = "side-by-side"
REDLINE = "redline"
LAYOUTS = (SIDE_BY_SIDE, REDLINE)
"""The layouts of the compared text after the summary: each document in a column beside
its counterparts, or the single-column tracked-changes view of the base against each
other document in turn."""

Progress = Callable[[str], None]


def default_page_size() -> str:
    """Letter where the locale measures in US units, A4 elsewhere."""
    imperial = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "Letter" if imperial else "A4"


@dataclass(frozen=True)
class ExportOptions:
    reviewer: str
    page_size: str = "A4"
    layout: str = SIDE_BY_SIDE
    """One of :data:`LAYOUTS`."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int
    annotations: int
    not_placed: tuple[str, ...] = ()
    """The ids of the marks whose words could not be found where the PDF shows them
    (listed in the summary as not placed, not drawn)."""


def export_pdf(
    report: ReportModel,
    target: str | os.PathLike[str],
    options: ExportOptions,
    progress: Progress = lambda _text: None,
) -> ExportResult:
    """Write ``report`` to ``target`` as an annotated PDF."""
    target = Path(target)
    if options.layout not in LAYOUTS:
        raise ValueError(f"no layout {options.layout!r}: one of {', '.join(LAYOUTS)}")
    if not target.parent.is_dir():
        raise OSError(f"the folder {target.parent} does not exist")
    _check_writable(target)
    drawn = QBuffer()
    drawn.open(QIODevice.OpenModeFlag.WriteOnly)
    done = _draw(report, drawn, options, progress)
    drawn.close()
    progress("Adding the review marks as PDF annotations")
    add_highlights(bytes(drawn.data().data()), target, done.highlights, done.outline, done.places)
    return ExportResult(target, done.pages, len(done.highlights), tuple(done.not_placed))


def _check_writable(target: Path) -> None:
    """Fail before the drawing, rather than after it, when no file can be created beside
    ``target`` (a read-only folder, no permission)."""
    descriptor, probe = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".part", dir=target.parent
    )
    os.close(descriptor)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(probe)


@dataclass(frozen=True)
class _Drawn:
    pages: int
    highlights: list[PdfHighlight]
    outline: list[OutlineEntry]
    places: list[NamedPlace]
    not_placed: list[str]


def _draw(
    report: ReportModel, device: QIODevice, options: ExportOptions, progress: Progress
) -> _Drawn:
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(PAGE_SIZES.get(options.page_size, QPageSize.PageSizeId.A4)))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    names = " ↔ ".join(document.name for document in report.documents)
    writer.setTitle(f"Comparison: {names}")
    writer.setCreator(f"compareapp {__version__}")
    page = _geometry(writer)
    comparison: ComparisonPages | RedlinePages
    if options.layout == REDLINE:
        progress("Laying out the redline pages")
        comparison = RedlinePages(report, writer, page)
    else:
        progress("Laying out the side-by-side pages")
        comparison = ComparisonPages(report, writer, page)
    placements = {mark.id: comparison.placement(mark) for mark in report.marks}
    cited = {key: comparison.paragraph_page(*key) for key in comparison.cited}
    exported_at = datetime.now().astimezone()
    summary = _summary(report, writer, page, exported_at, options.reviewer, placements, cited)
    total = summary.pageCount() + comparison.page_count()
    progress(f"Writing {total} pages")
    painter = QPainter(writer)
    try:
        for number, (document, index) in enumerate(_pages(summary, *comparison.documents)):
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
        if (placement := placements[mark.id]) is not None
        for highlight in _highlights(mark, placement.lines, offset, page)
    ]
    outline = [OutlineEntry("Summary", 0)] + [
        OutlineEntry(title, offset + start)
        for title, start in zip(
            comparison.section_titles(), comparison.section_pages(), strict=True
        )
    ]
    not_placed = [mark.id for mark in report.marks if placements[mark.id] is None]
    points = 72 / RESOLUTION
    places = [
        NamedPlace(name, offset + number, (page.height - top) * points)
        for name, number, top in comparison.anchors()
    ]
    return _Drawn(total, highlights, outline, places, not_placed)


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
    placements: dict[str, MarkPlacement | None],
    cited: dict[tuple[int, int], int | None],
) -> QTextDocument:
    """The summary document, laid out again until its page numbers are right (they
    depend on how many pages the summary itself takes)."""
    summary_pages = 1
    text_width = (page.width - page.left - page.right) * 72 / RESOLUTION
    while True:
        pages = SummaryPages(
            marks={
                mark_id: summary_pages + placement.page + 1
                for mark_id, placement in placements.items()
                if placement is not None
            },
            paragraphs={
                key: summary_pages + number + 1
                for key, number in cited.items()
                if number is not None
            },
        )
        document = QTextDocument()
        document.setDefaultFont(report_font())
        document.setHtml(
            summary_html(
                report,
                exported_at=exported_at,
                reviewer=reviewer,
                pages=pages,
                text_width=text_width,
            )
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
    mark: ReviewMark, rects: tuple[LineRect, ...], page_offset: int, page: PageGeometry
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
            contents=mark_contents(mark),
            author=mark.reviewer,
            subject=status,
            modified=mark.modified,
            name=mark.id if number == 0 else f"{mark.id}-{number}",
            border=MARK_BORDER[mark.status],
        )
        for number, (index, lines) in enumerate(sorted(by_page.items()))
    ]
