"""PDFs for the PDF reader's tests, drawn here with Qt (and finished with pypdf).

Nothing is downloaded. The article is laid out by hand the way a newspaper page is: a
running header and a page number on every page, a title and byline across the page, then
two justified columns whose paragraphs start with an indent, flowing from the left column
to the right and on to page 2.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from functools import cached_property

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pypdf
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import QApplication

ARTICLE_TITLE = "Harbour tunnel reopens after two-year repair"
ARTICLE_AUTHOR = "Ines Moreau"
ARTICLE_CREATED = "D:20261102093000+01'00'"
ARTICLE_PUBLISHED = "2026-11-02T09:30:00+01:00"
HEADER = "The Daily Example — Section B"
HEADER_RIGHT = "Monday 2 November 2026"

BYLINE = "By Ines Moreau, transport correspondent"
SUBHEAD = "What the repair cost"

SOURCE = [
    "The harbour tunnel under the Ebb river reopened to traffic on Sunday morning, two years "
    "after water seeped through a cracked joint and forced engineers to close it at night.",
    "About 42,000 vehicles used the tunnel every day before the closure, according to the "
    "port authority, and the detour over the old swing bridge added up to forty minutes to "
    "a crossing at rush hour. Traders on both banks said the closure had cost them custom.",
    "“We lost the lunchtime trade from the other side almost overnight,” said Dora Quint, "
    "who runs a well-known bakery near the southern portal. “Today the queue was back.”",
    "An independent and thorough inves-|tigation found that the joint had failed because a "
    "seal fitted in 1994 had never been replaced, and that inspections had missed the "
    "damage for at least six years. The report, published in March, called the inspection regime "
    "inadequate and recommended cameras inside every joint.",
    "The tunnel was repaired by a Franco-|German consortium, which replaced all 38 joints and "
    "lined the tunnel with a new waterproof membrane, working mostly at night so that one "
    "bore could stay open to buses and emergency vehicles.",
    SUBHEAD,
    "The repair cost 61.5 million euros, about 9 million more than the budget approved by "
    "the city council in 2024. The port authority said rising steel prices and two floods "
    "during the works explained most of the difference.",
    "Opposition councillors have asked for a full account of the overrun before the next "
    "budget vote. “Drivers are happy tonight, but taxpayers deserve to know why the bill "
    "went up,” said councillor Rui Salgado.",
    "The tunnel will close again for one weekend in the spring while the last cameras are "
    "installed, the authority said.",
]
"""The paragraphs as drawn; ``|`` is a hyphenation point (see :func:`_wrap`)."""


def _plain(text: str) -> str:
    """``text`` as read, with its hyphenation points (``|``) unused."""
    return re.sub(r"-\|(?=[a-z])", "", text).replace("|", "")


ARTICLE_PARAGRAPHS = [
    ARTICLE_TITLE,
    BYLINE,
    *(_plain(text) for text in SOURCE),
]
"""What the reader should give: title, byline, then each paragraph whole, hyphenation at a
line end undone ("investigation") but a compound's hyphen kept ("Franco-German")."""

PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0  # A4 in points (the writer draws at 72 dpi)
MARGIN = 56.0
GUTTER = 22.0
COLUMN_WIDTH = (PAGE_WIDTH - 2 * MARGIN - GUTTER) / 2
BODY_SIZE = 10.0
LEADING = 13.0
INDENT = 12.0
LINES_PER_COLUMN = 13


@dataclass
class _Line:
    words: list[str]
    indent: float
    justify: bool
    font: QFont


def _application() -> None:
    """Qt needs an application for fonts. A widgets one, as pytest-qt's ``qapp`` reuses an
    existing instance and the UI tests need widgets."""
    if QApplication.instance() is None:
        _APPLICATION.append(QApplication([]))


_APPLICATION: list[QApplication] = []


def _font(size: float, *, bold: bool = False, family: str = "DejaVu Serif") -> QFont:
    font = QFont(family)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


class _Pages:
    """A QPdfWriter on a buffer, at 72 dpi with no margins: one unit is one point."""

    def __init__(self, title: str = "") -> None:
        _application()
        self.buffer = QBuffer()
        self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.writer = QPdfWriter(self.buffer)
        self.writer.setResolution(72)
        self.writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
        self.writer.setTitle(title)
        self.writer.setCreator("compareapp tests")

    @cached_property
    def painter(self) -> QPainter:
        """Begun on first use, after the text is laid out: a fixture that fails its own
        assertions must not leave a painter active (Qt would crash on exit)."""
        return QPainter(self.writer)

    def text(self, x: float, baseline: float, text: str, font: QFont) -> None:
        self.painter.setFont(font)
        self.painter.drawText(QPointF(x, baseline), text)

    def width(self, text: str, font: QFont) -> float:
        return QFontMetricsF(font, self.writer).horizontalAdvance(text)

    def finish(self) -> bytes:
        self.painter.end()
        self.buffer.close()
        data: QByteArray = self.buffer.data()
        return bytes(data.data())


def _wrap(
    pages: _Pages, text: str, font: QFont, indent: float, width: float = COLUMN_WIDTH
) -> list[_Line]:
    """Lines of a paragraph for a column, filled greedily. A word with a hyphenation point
    (``inves-|tigation``) is broken there when it does not fit whole but its first part
    does; the fixture asserts that every point was used, so that the PDF has them."""
    lines: list[_Line] = []
    words: list[str] = []

    def room() -> float:
        return width - (0.0 if lines else indent)

    def fits(candidate: str) -> bool:
        return pages.width(" ".join([*words, candidate]), font) <= room()

    def end_line() -> None:
        lines.append(_Line(words.copy(), 0.0 if lines else indent, True, font))
        words.clear()

    for word in text.split():
        head, _, tail = word.partition("|")
        if tail and not fits(_plain(word)) and fits(head):
            words.append(head)
            end_line()
            word = tail
        elif tail:
            raise AssertionError(f"{word!r} does not fall at a line end; reword the fixture")
        if words and not fits(word):
            end_line()
        words.append(word)
    end_line()
    lines[-1].justify = False
    return lines


def _draw_line(pages: _Pages, line: _Line, x: float, baseline: float) -> None:
    """Justified lines are drawn word by word, as typesetters do, spreading the spaces."""
    x += line.indent
    if not line.justify or len(line.words) < 2:
        pages.text(x, baseline, " ".join(line.words), line.font)
        return
    widths = [pages.width(word, line.font) for word in line.words]
    gap = (COLUMN_WIDTH - line.indent - sum(widths)) / (len(line.words) - 1)
    for word, width in zip(line.words, widths, strict=True):
        pages.text(x, baseline, word + " ", line.font)
        x += width + gap


def _running_parts(pages: _Pages, number: int, count: int) -> None:
    small = _font(8.5, family="DejaVu Sans")
    pages.text(MARGIN, 36, HEADER, small)
    pages.text(PAGE_WIDTH - MARGIN - pages.width(HEADER_RIGHT, small), 36, HEADER_RIGHT, small)
    pages.painter.drawLine(QPointF(MARGIN, 42), QPointF(PAGE_WIDTH - MARGIN, 42))
    folio = f"Page {number} of {count}"
    pages.text((PAGE_WIDTH - pages.width(folio, small)) / 2, PAGE_HEIGHT - 30, folio, small)


def article_pdf() -> bytes:
    """The two-page, two-column article (see :data:`ARTICLE_PARAGRAPHS`), with its title,
    author and date in the document information."""
    pages = _Pages(ARTICLE_TITLE)
    body, bold = _font(BODY_SIZE), _font(BODY_SIZE + 1, bold=True)
    lines: list[_Line | None] = []  # None: the space before a subhead
    for text in SOURCE:
        if text == SUBHEAD:
            lines += [None, *_wrap(pages, text, bold, 0.0)]
        else:
            lines += _wrap(pages, text, body, INDENT)
    per_column = LINES_PER_COLUMN
    columns = [lines[start : start + per_column] for start in range(0, len(lines), per_column)]
    assert len(columns) == 4, f"the article should fill four columns, not {len(columns)}"

    _running_parts(pages, 1, 2)
    pages.text(MARGIN, 92, ARTICLE_TITLE, _font(20, bold=True))
    pages.text(MARGIN, 114, BYLINE, _font(10, family="DejaVu Sans"))
    tops = [150.0, 150.0, 80.0, 80.0]
    for index, column in enumerate(columns):
        if index == 2:
            pages.writer.newPage()
            _running_parts(pages, 2, 2)
        x = MARGIN + (index % 2) * (COLUMN_WIDTH + GUTTER)
        for row, line in enumerate(column):
            if line is not None:
                _draw_line(pages, line, x, tops[index] + row * LEADING)
    return with_info(pages.finish(), ARTICLE_TITLE, ARTICLE_AUTHOR, ARTICLE_CREATED)


def with_info(data: bytes, title: str, author: str, created: str) -> bytes:
    """``data`` with the document information Qt cannot write (author, creation date)."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Title": title, "/Author": author, "/CreationDate": created})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf(password: str = "secret") -> bytes:
    """The article, openable only with ``password``."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(article_pdf())))
    writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_only_pdf() -> bytes:
    """A "scanned" page: a grey picture and a frame, no text layer."""
    pages = _Pages()
    image = QImage(200, 260, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 200, 200))
    pages.painter.drawImage(QRectF(MARGIN, MARGIN, 400, 520), image)
    pages.painter.setPen(Qt.GlobalColor.black)
    pages.painter.drawRect(QRectF(MARGIN, MARGIN, 400, 520))
    return pages.finish()


def simple_pdf(paragraphs: list[str]) -> bytes:
    """One page, one ragged-right column of 11-point paragraphs with space between them and
    no indent, and a page number ("– 1 –") at the foot."""
    pages = _Pages()
    body = _font(11, family="DejaVu Sans")
    width = PAGE_WIDTH - 2 * MARGIN
    baseline = 90.0
    for text in paragraphs:
        for line in _wrap(pages, text, body, 0.0, width):
            pages.text(MARGIN, baseline, " ".join(line.words), body)
            baseline += 15.0
        baseline += 8.0
    assert baseline < PAGE_HEIGHT - 80, "the paragraphs should fit on one page"
    small = _font(9, family="DejaVu Sans")
    folio = "– 1 –"
    pages.text((PAGE_WIDTH - pages.width(folio, small)) / 2, PAGE_HEIGHT - 30, folio, small)
    return pages.finish()
