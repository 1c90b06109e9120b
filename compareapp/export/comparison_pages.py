"""The side-by-side pages of the report as one paginated ``QTextDocument``: a table per
section (and per slice of rows, so that huge comparisons stay fast to lay out), a column
per document, aligned paragraphs on the same row, differences highlighted as in the
window, unique paragraphs shaded, moved ones labelled.

It also says where each review mark's lines ended up (page and box), for the PDF's
annotations and the summary's page numbers.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QSizeF
from PySide6.QtGui import (
    QFont,
    QPaintDevice,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLength,
    QTextLine,
    QTextTableCell,
    QTextTableCellFormat,
    QTextTableFormat,
)

from compareapp.core.documents.document import Document
from compareapp.core.present.display_text import DisplayText
from compareapp.core.present.report_model import Cell, ReportModel, Section
from compareapp.core.present.view_model import Highlight
from compareapp.core.review.marks import ReviewMark
from compareapp.rendering import palette, text_formats

ROWS_PER_TABLE = 150
"""Qt lays out one long table in quadratic time; slices keep a 5,000-row report fast."""
SCREEN_DPI = 96


@dataclass(frozen=True)
class PageGeometry:
    """A page in device pixels: its size and the margins the text keeps clear."""

    width: float
    height: float
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class LineRect:
    """One line of a marked passage: page index and box in device pixels on that page."""

    page: int
    left: float
    top: float
    right: float
    bottom: float


def report_font(size: float = 9.0) -> QFont:
    """The report's font, with ligatures off so that the PDF's text layer holds plain
    letters ("ff", not U+FB00) for search and copy."""
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(size)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def paginate(document: QTextDocument, device: QPaintDevice, page: PageGeometry) -> None:
    """Make ``document`` measure its text for ``device`` and break into ``page``s. Do this
    once its content is in: a document with a layout re-lays out on every insertion,
    which makes building a long table quadratic."""
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(QSizeF(page.width, page.height))
    set_page_margins(document, page)


def set_page_margins(document: QTextDocument, page: PageGeometry) -> None:
    """Keep the margins clear on every page. (Qt scales format lengths by the device's
    dots per inch over 96, but not the page size; the margins are given in device
    pixels, so they are scaled back.)"""
    device = document.documentLayout().paintDevice()
    scale = device.logicalDpiY() / SCREEN_DPI if device is not None else 1.0
    frame = document.rootFrame().frameFormat()
    frame.setLeftMargin(page.left / scale)
    frame.setRightMargin(page.right / scale)
    frame.setTopMargin(page.top / scale)
    frame.setBottomMargin(page.bottom / scale)
    document.rootFrame().setFrameFormat(frame)


class ComparisonPages:
    """Builds the side-by-side document and remembers where each paragraph went."""

    def __init__(self, report: ReportModel, device: QPaintDevice, page: PageGeometry) -> None:
        self.report = report
        self.page = page
        self.document = QTextDocument()
        self.document.setDefaultFont(report_font())
        self.displays = [DisplayText.of(document) for document in report.documents]
        self._starts: dict[tuple[int, int], int] = {}
        """(document, paragraph) → position of its first character here."""
        self._highlights = [
            _highlights_by_paragraph(document, report.model.highlights(index))
            for index, document in enumerate(report.documents)
        ]
        cursor = QTextCursor(self.document)
        for number, section in enumerate(self.report.sections):
            self._add_section(cursor, section, number)
        paginate(self.document, device, page)

    # Building ---------------------------------------------------------------------------

    def _add_section(self, cursor: QTextCursor, section: Section, number: int) -> None:
        names = [self.report.documents[index].name for index in section.documents]
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setFontPointSize(11)
        if number:
            cursor.insertBlock()
        cursor.insertText(" ↔ ".join(names), heading)
        for first in range(0, len(section.rows), ROWS_PER_TABLE):
            rows = section.rows[first : first + ROWS_PER_TABLE]
            table = cursor.insertTable(len(rows) + 1, len(names), self._table_format(len(names)))
            bold = QTextCharFormat()
            bold.setFontWeight(QFont.Weight.Bold)
            for column, name in enumerate(names):
                cell = table.cellAt(0, column)
                cell_cursor = cell.firstCursorPosition()
                cell_cursor.insertText(name, bold)
            for offset, row in enumerate(rows, 1):
                for column, cell_model in enumerate(row.cells):
                    document = section.documents[column]
                    self._fill_cell(table.cellAt(offset, column), document, cell_model)
            cursor.movePosition(QTextCursor.MoveOperation.End)

    def _table_format(self, columns: int) -> QTextTableFormat:
        table_format = QTextTableFormat()
        table_format.setHeaderRowCount(1)
        table_format.setCellPadding(4)
        table_format.setCellSpacing(0)
        table_format.setBorder(0.5)
        table_format.setBorderBrush(palette.PAGE_RULE)
        table_format.setBorderCollapse(True)
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table_format.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, 100 / columns)] * columns
        )
        return table_format

    def _fill_cell(self, cell: QTextTableCell, document: int, model: Cell) -> None:
        if model.unique:
            shade = QTextTableCellFormat()
            shade.setBackground(palette.UNIQUE_PARAGRAPH)
            cell.setFormat(shade)
        cursor = cell.firstCursorPosition()
        if model.moved_from:
            label = QTextCharFormat()
            label.setFontItalic(True)
            label.setForeground(palette.PAGE_LABEL)
            cursor.insertText(f"moved: {model.moved_from} of its document", label)
            cursor.insertBlock()
        elif model.unique:
            label = QTextCharFormat()
            label.setFontItalic(True)
            label.setForeground(palette.PAGE_LABEL)
            cursor.insertText("only in this source", label)
            cursor.insertBlock()
        for number, paragraph in enumerate(model.paragraphs):
            if number:
                cursor.insertBlock()
            self._insert_paragraph(cursor, document, paragraph)

    def _insert_paragraph(self, cursor: QTextCursor, document: int, paragraph: int) -> None:
        display = self.displays[document]
        start, end = display.paragraph_span(paragraph)
        position = cursor.position()
        self._starts[(document, paragraph)] = position
        cursor.insertText(display.text[start:end], QTextCharFormat())
        source = self.report.documents[document].paragraphs[paragraph]
        for highlight in self._highlights[document].get(paragraph, ()):
            first = display.position(max(highlight.start, source.start)) - start + position
            last = display.position(min(highlight.end, source.end)) - start + position
            if last > first:
                span = QTextCursor(self.document)
                span.setPosition(first)
                span.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
                span.mergeCharFormat(
                    text_formats.highlight_format(highlight.kind, highlight.removed)
                )
        cursor.movePosition(QTextCursor.MoveOperation.End)

    # Reading the layout -----------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount()

    def mark_lines(self, mark: ReviewMark) -> list[LineRect]:
        """The boxes of ``mark``'s lines, page by page (none if it is not shown)."""
        source = next(
            (i for i, d in enumerate(self.report.documents) if d.source_id == mark.source), None
        )
        if source is None:
            return []
        document = self.report.documents[source]
        display = self.displays[source]
        lines: list[LineRect] = []
        for paragraph in document.paragraphs:
            if paragraph.end <= mark.anchor.start or paragraph.start >= mark.anchor.end:
                continue
            position = self._starts.get((source, paragraph.index))
            if position is None:
                continue
            span_start = display.paragraph_span(paragraph.index)[0]
            first = display.position(max(mark.anchor.start, paragraph.start)) - span_start
            last = display.position(min(mark.anchor.end, paragraph.end)) - span_start
            lines.extend(self._line_rects(position + first, position + last))
        return lines

    def _line_rects(self, first: int, last: int) -> list[LineRect]:
        layout = self.document.documentLayout()
        rects = []
        block = self.document.findBlock(first)
        while block.isValid() and block.position() < last:
            box = layout.blockBoundingRect(block)
            text_layout = block.layout()
            for index in range(text_layout.lineCount()):
                line = text_layout.lineAt(index)
                line_start = block.position() + line.textStart()
                start = max(first, line_start)
                end = min(last, line_start + line.textLength())
                if start >= end:
                    continue
                left = _x_of(line, start - block.position())
                right = _x_of(line, end - block.position())
                top = box.top() + line.y()
                page = int(top // self.page.height)
                rects.append(
                    LineRect(
                        page,
                        box.left() + left,
                        top - page * self.page.height,
                        box.left() + right,
                        top - page * self.page.height + line.height(),
                    )
                )
            block = block.next()
        return rects


def _highlights_by_paragraph(
    document: Document, highlights: Iterable[Highlight]
) -> dict[int, list[Highlight]]:
    """The highlights overlapping each paragraph of ``document``, in their order (looked
    up once: asking every paragraph for all of a book's highlights was quadratic)."""
    paragraphs = document.paragraphs
    ends = [paragraph.end for paragraph in paragraphs]
    found: dict[int, list[Highlight]] = {}
    for highlight in highlights:
        index = bisect.bisect_right(ends, highlight.start)  # the first ending after its start
        while index < len(paragraphs) and paragraphs[index].start < highlight.end:
            found.setdefault(index, []).append(highlight)
            index += 1
    return found


def _x_of(line: QTextLine, position: int) -> float:
    """The x of the cursor before character ``position`` of ``line``'s block (the stubs
    type cursorToX's (x, position) pair as a bare object)."""
    x, _position = cast(tuple[float, int], line.cursorToX(position))
    return x
