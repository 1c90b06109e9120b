"""The redline pages of the report: for each document beside the base, the single-column
tracked-changes view of the window's redline (``rendering.redline_document``, the same
formats: the base's dropped words struck through, the other's new words underlined,
paragraphs only in one document shaded, a note above a moved or repeated one), under a
heading that says which two documents it compares and how to read it. Each section is a
paginated ``QTextDocument`` of its own and starts on a new page.

Like :class:`~compareapp.export.comparison_pages.ComparisonPages`, it says where each review
mark's characters were laid out, checked against the mark's words (a mark of the base is
drawn in every section that shows all its words; a mark of another document in its own),
and where the places the summary links to are.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import (
    QFont,
    QPaintDevice,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from compareapp.core.present.redline import Redline, SegmentKind, build_redline
from compareapp.core.present.report_model import ReportModel
from compareapp.core.review.marks import ReviewMark
from compareapp.core.text.normalize import normalize_text
from compareapp.export.comparison_pages import (
    MarkPlacement,
    mark_anchor,
    paragraph_anchor,
    section_anchor,
)
from compareapp.export.page_layout import (
    LineRect,
    PageGeometry,
    line_rects,
    paginate,
    place_of,
    report_font,
    text_between,
)
from compareapp.rendering import palette
from compareapp.rendering.redline_document import RedlineDocument, build_redline_document

Piece = tuple[int, int, int]
"""Part of a mark shown in a column: (offset in its source, first, last column position)."""


def redline_title(base: str, other: str) -> str:
    return f"Redline: {other} against {base}"


@dataclass
class _Section:
    redline: Redline
    laid: RedlineDocument
    shift: int
    """Characters of the heading before the redline's first block."""
    first_page: int
    """The section's first page (0-based, in the redline pages)."""
    paragraphs: dict[tuple[int, int], int]
    """(document, paragraph) → index of the column's paragraph that shows it first."""

    @property
    def document(self) -> QTextDocument:
        return self.laid.document

    def position(self, column: int) -> int:
        """The document position of a position in the redline's text."""
        return self.shift + self.laid.position(column)


class RedlinePages:
    """Builds a redline section per document beside the base and remembers where its
    paragraphs and marks went."""

    def __init__(self, report: ReportModel, device: QPaintDevice, page: PageGeometry) -> None:
        self.report = report
        self.page = page
        comparison = report.model.comparison
        names = [document.name for document in report.documents]
        base = comparison.base
        self.titles: list[str] = []
        self.sections: list[_Section] = []
        first_page = 0
        for other in comparison.others():
            redline = build_redline(comparison, other)
            laid = build_redline_document(redline, names[base], names[other])
            laid.document.setDefaultFont(report_font())
            self.titles.append(redline_title(names[base], names[other]))
            shift = _add_heading(laid.document, self.titles[-1], names[base], names[other])
            paginate(laid.document, device, page)
            section = _Section(redline, laid, shift, first_page, _shown(redline))
            self.sections.append(section)
            first_page += laid.document.pageCount()
        self._pieces = {mark.id: self._mark_pieces(mark) for mark in report.marks}
        self.cited = self._cited_paragraphs()

    @property
    def documents(self) -> list[QTextDocument]:
        return [section.document for section in self.sections]

    def section_titles(self) -> list[str]:
        return list(self.titles)

    def page_count(self) -> int:
        return sum(section.document.pageCount() for section in self.sections)

    def section_pages(self) -> list[int]:
        return [section.first_page for section in self.sections]

    # Marks --------------------------------------------------------------------------------

    def _mark_pieces(self, mark: ReviewMark) -> list[tuple[_Section, list[tuple[int, int]]]]:
        """Per section that shows every character of ``mark``: the document positions
        ``[first, last)`` of its parts, contiguous ones joined, in column order."""
        source = next(
            (i for i, d in enumerate(self.report.documents) if d.source_id == mark.source), None
        )
        if source is None:
            return []
        wanted = _letters(mark.quote)
        text = self.report.documents[source].text
        found = []
        for section in self.sections:
            pieces = _pieces(section.redline, source, text, mark.anchor.start, mark.anchor.end)
            if not pieces:
                continue
            spans = [
                (section.position(first), section.position(last)) for _o, first, last in pieces
            ]
            drawn = "".join(text_between(section.document, *span) for span in spans)
            if _letters(drawn) != wanted:
                continue  # not all its words are shown here as they are in the mark
            spans.sort()
            joined = [spans[0]]
            for first, last in spans[1:]:
                if first <= joined[-1][1]:
                    joined[-1] = (joined[-1][0], max(last, joined[-1][1]))
                else:
                    joined.append((first, last))
            found.append((section, joined))
        return found

    def placement(self, mark: ReviewMark) -> MarkPlacement | None:
        """Where ``mark``'s words were laid out, in every section showing them; None when
        no section shows them as they are in the mark."""
        lines = [
            LineRect(section.first_page + rect.page, rect.left, rect.top, rect.right, rect.bottom)
            for section, spans in self._pieces.get(mark.id, [])
            for span in spans
            for rect in line_rects(section.document, *span, self.page.height)
        ]
        return MarkPlacement(tuple(lines)) if lines else None

    # Places the summary links to --------------------------------------------------------------

    def _cited_paragraphs(self) -> set[tuple[int, int]]:
        """The (document, paragraph)s the discrepancy table cites that are shown."""
        return {key for key in self.report.cited_paragraphs() if self._paragraph_place(*key)}

    def _paragraph_place(self, document: int, paragraph: int) -> tuple[_Section, int] | None:
        """The first section showing a paragraph, and the position of its block there."""
        for section in self.sections:
            index = section.paragraphs.get((document, paragraph))
            if index is not None:
                return section, section.shift + section.laid.starts[index]
        return None

    def paragraph_page(self, document: int, paragraph: int) -> int | None:
        """The page (0-based, here) where a paragraph is first shown."""
        found = self._paragraph_place(document, paragraph)
        if found is None:
            return None
        section, position = found
        return section.first_page + place_of(section.document, position, self.page.height)[0]

    def anchors(self) -> list[tuple[str, int, float]]:
        """The places the summary links to, by name, with the page (0-based, here) and the
        top of the line there, in device pixels: each section's heading, each mark's
        first character drawn and each cited paragraph's."""
        wanted = [(section, 0, section_anchor(n)) for n, section in enumerate(self.sections)]
        wanted += [
            (found[0][0], found[0][1][0][0], mark_anchor(mark_id))
            for mark_id, found in self._pieces.items()
            if found
        ]
        for key in sorted(self.cited):
            place = self._paragraph_place(*key)
            if place is not None:
                wanted.append((*place, paragraph_anchor(*key)))
        places = []
        for section, position, name in wanted:
            number, top = place_of(section.document, position, self.page.height)
            places.append((name, section.first_page + number, top))
        return places


def _add_heading(document: QTextDocument, title: str, base: str, other: str) -> int:
    """Put the section's heading and key before the redline's first block; return how
    many characters they take."""
    before = document.characterCount()
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    first_block = cursor.blockFormat()
    cursor.insertBlock(first_block)  # the first paragraph moves on, keeping its format
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    heading = QTextBlockFormat()
    heading.setBottomMargin(4.0)
    cursor.setBlockFormat(heading)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    bold.setFontPointSize(11)
    cursor.insertText(title, bold)
    key = QTextBlockFormat()
    key.setBottomMargin(10.0)
    cursor.insertBlock(key, QTextCharFormat())
    plain = QTextCharFormat()
    plain.setForeground(palette.PAGE_LABEL)
    struck = QTextCharFormat(plain)
    struck.setForeground(palette.REDLINE_REMOVED_TEXT)
    struck.setFontStrikeOut(True)
    underlined = QTextCharFormat(plain)
    underlined.setForeground(palette.REDLINE_ADDED_TEXT)
    underlined.setFontUnderline(True)
    cursor.insertText(f"{other} as it reads, with its changes from {base}. ", plain)
    cursor.insertText("Struck through", struck)
    cursor.insertText(f": words of {base} that {other} drops. ", plain)
    cursor.insertText("Underlined", underlined)
    cursor.insertText(f": words {other} adds. Shaded: a paragraph only in one of them.", plain)
    return document.characterCount() - before


def _shown(redline: Redline) -> dict[tuple[int, int], int]:
    """(document, paragraph) → the first of the column's paragraphs showing it."""
    shown: dict[tuple[int, int], int] = {}
    for index, paragraph in enumerate(redline.paragraphs):
        if paragraph.other_paragraph is not None:
            shown.setdefault((redline.other, paragraph.other_paragraph), index)
        for base_paragraph in paragraph.base_paragraphs:
            shown.setdefault((redline.base, base_paragraph), index)
    return shown


def _letters(text: str) -> str:
    """``text`` without spaces, its typography folded: the unchanged words the redline
    prints as the other source has them may differ in quotes and dashes ("today’s" /
    "today's"), as the word diff ignores."""
    return "".join(normalize_text(text).split())


def _pieces(redline: Redline, document: int, text: str, start: int, end: int) -> list[Piece]:
    """The parts of ``document``'s ``text[start:end]`` shown in the column, in the
    document's order: the other's text is shown as it is, the base's deleted text too;
    its unchanged text is shown as the other's, which may differ in spaces (so a part of
    it is mapped by counting the characters that are not spaces)."""
    if document not in (redline.base, redline.other):
        return []
    pieces = []
    for located in redline.located:
        segment = located.segment
        span = segment.base if document == redline.base else segment.other
        if span is None or span[1] <= start or span[0] >= end or span[0] == span[1]:
            continue
        first, last = max(start, span[0]) - span[0], min(end, span[1]) - span[0]
        exact = document == redline.other or segment.change is SegmentKind.DELETED
        if not exact and segment.text != text[span[0] : span[1]]:
            source = text[span[0] : span[1]]
            first = _shown_offset(source, segment.text, first, start=True)
            last = _shown_offset(source, segment.text, last, start=False)
        if last > first:
            pieces.append((max(start, span[0]), located.start + first, located.start + last))
    pieces.sort()
    return pieces


def _shown_offset(source: str, shown: str, offset: int, *, start: bool) -> int:
    """Where ``offset`` of ``source`` falls in ``shown``, the same words in other spaces:
    before the same character that is not a space (``start``) or after the one before."""
    count = sum(not character.isspace() for character in source[:offset])
    seen = 0
    for index, character in enumerate(shown):
        if character.isspace():
            continue
        if start and seen == count:
            return index
        seen += 1
        if not start and seen == count:
            return index + 1
    return len(shown) if start or count else 0
