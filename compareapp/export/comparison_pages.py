"""The side-by-side pages of the report as one paginated ``QTextDocument``: a table per
section (and per slice of rows, so that huge comparisons stay fast to lay out), a column
per document, the paragraphs of one link group on one row (a split, a merge or a
repeated paragraph included), differences highlighted as in the window, unique
paragraphs shaded, moved ones labelled with where they stand in their own document.

It also says where each review mark's characters were laid out (page and box per line),
checked against the mark's words, for the PDF's annotations and the summary's pages; and
it says where the places the summary links to are (each mark, each section, the
paragraphs the discrepancy table cites), for the PDF's named destinations.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import (
    QFont,
    QPaintDevice,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableCell,
    QTextTableCellFormat,
    QTextTableFormat,
)

from compareapp.core.documents.document import Document
from compareapp.core.present.display_text import DisplayText
from compareapp.core.present.report_model import Cell, ReportModel, Section
from compareapp.core.present.view_model import Highlight
from compareapp.core.review.marks import ReviewMark
from compareapp.export.page_layout import (
    LineRect,
    PageGeometry,
    line_rects,
    page_of,
    paginate,
    place_of,
    report_font,
    text_between,
)
from compareapp.rendering import palette, text_formats

__all__ = ["ComparisonPages", "LineRect", "PageGeometry", "paginate", "report_font"]

ROWS_PER_TABLE = 150
"""Qt lays out one long table in quadratic time; slices keep a 5,000-row report fast."""
UNIQUE_LABEL = "only in this source"
LABEL_END = " · "
"""Between a paragraph's label and its text: the label opens the paragraph's first line,
so it can never be left at the foot of a page without its paragraph."""


def paragraph_anchor(document: int, paragraph: int) -> str:
    return f"p{document}-{paragraph}"


def mark_anchor(mark_id: str) -> str:
    return f"mark-{mark_id}"


def section_anchor(number: int) -> str:
    return f"section-{number}"


@dataclass(frozen=True)
class MarkPlacement:
    """Where a mark's characters were laid out: its lines, page by page; none when it
    could not be placed."""

    lines: tuple[LineRect, ...]

    @property
    def page(self) -> int:
        return self.lines[0].page


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
        self._section_starts: list[int] = []
        self._highlights = [
            _highlights_by_paragraph(document, report.model.highlights(index))
            for index, document in enumerate(report.documents)
        ]
        model = report.model
        self._furniture = [
            frozenset() if model.furniture_shown else model.furniture.paragraphs(index)
            for index in range(len(report.documents))
        ]
        """Per document: the paragraphs greyed as page furniture."""
        cursor = QTextCursor(self.document)
        for number, section in enumerate(self.report.sections):
            self._add_section(cursor, section, number)
        self._mark_spans = {mark.id: self._mark_spans_of(mark) for mark in report.marks}
        self.cited = self._cited_paragraphs()
        paginate(self.document, device, page)

    # Building ---------------------------------------------------------------------------

    def _add_section(self, cursor: QTextCursor, section: Section, number: int) -> None:
        names = [self.report.documents[index].name for index in section.documents]
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setFontPointSize(11)
        if number:
            cursor.insertBlock()
        self._section_starts.append(cursor.position())
        cursor.insertText(" ↔ ".join(names), heading)
        for first in range(0, len(section.rows), ROWS_PER_TABLE):
            rows = section.rows[first : first + ROWS_PER_TABLE]
            table = cursor.insertTable(len(rows) + 1, len(names), self._table_format(len(names)))
            bold = QTextCharFormat()
            bold.setFontWeight(QFont.Weight.Bold)
            for column, name in enumerate(names):
                table.cellAt(0, column).firstCursorPosition().insertText(name, bold)
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
        table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        # Collapsed borders cost Qt twice the layout time of a long report.
        table_format.setBorderCollapse(False)
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table_format.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, 100 / columns)] * columns
        )
        return table_format

    def _fill_cell(self, cell: QTextTableCell, document: int, model: Cell) -> None:
        """The cell's paragraphs, each in a block of its own, a label opening the first
        line of those that need one. The cursor stays inside the cell: the paragraphs of
        a split or a merge stand together beside their counterparts."""
        if model.unique:
            shade = QTextTableCellFormat()
            shade.setBackground(palette.UNIQUE_PARAGRAPH)
            cell.setFormat(shade)
        label = QTextCharFormat()
        label.setFontItalic(True)
        label.setForeground(palette.PAGE_LABEL)
        cursor = cell.firstCursorPosition()
        labels = model.labels or ("",) * len(model.paragraphs)
        for number, (paragraph, text) in enumerate(zip(model.paragraphs, labels, strict=True)):
            if number:
                cursor.insertBlock()
            if model.unique and not number:
                text = UNIQUE_LABEL + (f", {text}" if text else "")
            if text:
                cursor.insertText(text + LABEL_END, label)
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
        if paragraph in self._furniture[document]:
            block = self.document.findBlock(position).blockNumber()
            text_formats.set_furniture_dimmed(self.document, [block], True)

    def _cited_paragraphs(self) -> set[tuple[int, int]]:
        """The (document, paragraph)s the discrepancy table cites that are shown."""
        return {key for key in self.report.cited_paragraphs() if key in self._starts}

    def _mark_spans_of(self, mark: ReviewMark) -> list[tuple[int, int]]:
        """The positions ``[first, last)`` here of ``mark``'s characters, one span per
        paragraph it reaches; none unless every one is shown and, read back from this
        document, they are exactly the mark's words."""
        source = next(
            (i for i, d in enumerate(self.report.documents) if d.source_id == mark.source), None
        )
        if source is None:
            return []
        document = self.report.documents[source]
        display = self.displays[source]
        spans = []
        for paragraph in document.paragraphs:
            if paragraph.end <= mark.anchor.start or paragraph.start >= mark.anchor.end:
                continue
            position = self._starts.get((source, paragraph.index))
            if position is None:
                return []
            span_start = display.paragraph_span(paragraph.index)[0]
            first = display.position(max(mark.anchor.start, paragraph.start)) - span_start
            last = display.position(min(mark.anchor.end, paragraph.end)) - span_start
            if last > first:
                spans.append((position + first, position + last))
        drawn = " ".join(text_between(self.document, *span) for span in spans)
        return spans if drawn.split() == mark.quote.split() else []

    # Reading the layout -----------------------------------------------------------------

    @property
    def documents(self) -> list[QTextDocument]:
        """The paginated documents to draw, in order (one here)."""
        return [self.document]

    def section_titles(self) -> list[str]:
        names = [document.name for document in self.report.documents]
        return [" ↔ ".join(names[i] for i in section.documents) for section in self.report.sections]

    def page_count(self) -> int:
        return self.document.pageCount()

    def placement(self, mark: ReviewMark) -> MarkPlacement | None:
        """Where ``mark``'s words were laid out, or None when they are not shown here as
        they are in the mark."""
        spans = self._mark_spans.get(mark.id, [])
        lines = [
            rect for span in spans for rect in line_rects(self.document, *span, self.page.height)
        ]
        return MarkPlacement(tuple(lines)) if lines else None

    def anchors(self) -> list[tuple[str, int, float]]:
        """The places the summary links to, by name: each section's heading, each mark's
        first character and each cited paragraph's, with the page (0-based, here) and
        the top of the line there, in device pixels. (Qt's own named destinations are
        not used: for a block broken across pages it names the last page.)"""
        wanted = [(position, section_anchor(n)) for n, position in enumerate(self._section_starts)]
        wanted += [
            (spans[0][0], mark_anchor(mark_id))
            for mark_id, spans in self._mark_spans.items()
            if spans
        ]
        wanted += [(self._starts[key], paragraph_anchor(*key)) for key in sorted(self.cited)]
        return [
            (name, *place_of(self.document, position, self.page.height))
            for position, name in wanted
        ]

    def section_pages(self) -> list[int]:
        """The page (0-based, here) on which each section starts."""
        return [page_of(self.document, p, self.page.height) for p in self._section_starts]

    def paragraph_page(self, document: int, paragraph: int) -> int | None:
        """The page (0-based, here) where a paragraph starts, if it is shown."""
        position = self._starts.get((document, paragraph))
        return None if position is None else page_of(self.document, position, self.page.height)


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
