"""Reading a paginated ``QTextDocument``'s layout: the page geometry of a report, its font,
and where characters were laid out (page and box per line), which is where
``QTextDocument.drawContents`` draws them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QFont, QPaintDevice, QTextCursor, QTextDocument, QTextLine

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
    """One line of a passage: page index and box in device pixels on that page."""

    page: int
    left: float
    top: float
    right: float
    bottom: float


def report_font(size: float = 9.0, family: str = "DejaVu Sans") -> QFont:
    """The report's font, with ligatures off so that the PDF's text layer holds plain
    letters ("ff", not U+FB00) for search and copy."""
    font = QFont(family)
    font.setStyleHint(QFont.StyleHint.Monospace if "Mono" in family else QFont.StyleHint.SansSerif)
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


def text_between(document: QTextDocument, first: int, last: int) -> str:
    """The characters ``[first, last)`` of ``document`` as laid out, paragraph and line
    separators as spaces."""
    cursor = QTextCursor(document)
    cursor.setPosition(first)
    cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", " ").replace("\u2028", " ")


def page_of(document: QTextDocument, position: int, page_height: float) -> int:
    """The page (0-based) on which character ``position`` was laid out."""
    return place_of(document, position, page_height)[0]


def place_of(document: QTextDocument, position: int, page_height: float) -> tuple[int, float]:
    """The page (0-based) on which character ``position`` was laid out, and the top of its
    line on that page."""
    block = document.findBlock(position)
    top = document.documentLayout().blockBoundingRect(block).top()
    line = block.layout().lineForTextPosition(position - block.position())
    if line.isValid():
        top += line.y()
    page = int(top // page_height)
    return page, top - page * page_height


def line_rects(
    document: QTextDocument, first: int, last: int, page_height: float
) -> list[LineRect]:
    """The boxes of the laid-out lines holding characters ``[first, last)``, each clipped
    to those characters, with the page each line was put on."""
    layout = document.documentLayout()
    rects = []
    block = document.findBlock(first)
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
            page = int(top // page_height)
            top -= page * page_height
            rects.append(
                LineRect(page, box.left() + left, top, box.left() + right, top + line.height())
            )
        block = block.next()
    return rects


def _x_of(line: QTextLine, position: int) -> float:
    """The x of the cursor before character ``position`` of ``line``'s block (the stubs
    type cursorToX's (x, position) pair as a bare object)."""
    x, _position = cast(tuple[float, int], line.cursorToX(position))
    return x
