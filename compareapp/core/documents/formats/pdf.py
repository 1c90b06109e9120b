"""PDFs with a text layer: paragraphs rebuilt from the positions of the text lines.

pdfminer.six gives each page's text as line fragments with their boxes. Its own grouping
of lines into text boxes is not used: in narrow justified columns the wide gaps between
words break a line into several boxes, some of them filed with the wrong neighbours. So:

1. **Regions** (recursive XY cut): a page is split into columns wherever a vertical strip
   is empty from top to bottom of the part being cut (through one or two lines only if
   each side has two lines or the strip is very wide: the gaps of a justified line are
   no gutter), and into bands at wide horizontal gaps. Regions come top to bottom, and
   left to right within a band: left column before right column.
2. **Lines**: fragments on the same baseline in a region are one line, left to right.
3. **Paragraphs**: a region's lines start a new paragraph at a first-line indent (not a
   centred line), at a bullet, at a line gap wider than the region's usual one, or at a
   change of type size (title, byline).
4. **Running heads and feet** are dropped: paragraphs near the top or bottom of the page
   that recur (digits aside) at about the same height on most pages, and lone page
   numbers ("3", "Page 3 of 7", "- 3 -").
5. A paragraph cut by a column or page break is joined again when the next region starts
   in mid-sentence (lowercase) or the break came after a hyphen.

Lines are joined with a space, a hyphen at the end of a line before a lowercase word is
removed ("inves-" + "tigation"); runs of spaces (justified text) become one space and
typographic ligatures ("ﬁ") become their letters.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import statistics
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compareapp.core.documents.formats import Extracted, ExtractionError

FORMAT = "PDF"

COLUMN_GAP = 0.8
"""An empty vertical strip this many type sizes wide, through three or more lines or with
two lines on either side, is a gutter between columns."""
NARROW_COLUMN_GAP = 4.0
"""…otherwise it must be this wide (the gaps of one justified line are not)."""
BAND_GAP = 0.8
"""A horizontal gap of this many type sizes separates bands (title, columns, footer)."""
PARAGRAPH_GAP = 0.4
"""A line gap this much (in type sizes) above a region's usual gap starts a paragraph."""
INDENT = 0.5
"""A line whose start is this many type sizes right of the region's edge is indented."""
SIZE_CHANGE = 0.2
"""Lines whose heights differ by this share belong to different paragraphs."""
MARGIN_BAND = 0.12
"""Running heads and feet lie in this share of the page height at the top or bottom."""
RUNNING_SHARE = 0.4
"""…and recur on at least this share of the pages (and on two at least)."""

_ROMAN = r"(?=[ivxlcdm])m{0,3}(?:c[md]|d?c{0,3})(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3})"
_PAGE_NUMBER = re.compile(
    rf"(?:page\s*)?[-–—]?\s*(?:\d{{1,4}}|{_ROMAN})\s*[-–—]?(?:\s*(?:of|/)\s*\d{{1,4}})?",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_BULLETS = tuple("•◦▪▫■□●○‣⁃")
_HYPHENS = "-\u00ad\u2010"
_SENTENCE_END = tuple('.!?:;…"”’»)')
_PDF_DATE = re.compile(
    r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?"
)


@dataclass(frozen=True)
class Box:
    """Text with its box in PDF points (``y`` grows upwards)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Page:
    bottom: float
    top: float
    fragments: tuple[Box, ...]

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass(frozen=True)
class Block:
    """A paragraph of a page; ``opens_region`` when it is the first of its region."""

    page: int
    box: Box
    opens_region: bool


def extract(data: bytes, path: Path) -> Extracted:
    """The paragraphs of the PDF ``data`` in reading order, with its title, author, date."""
    info, pages = read_pages(data)
    blocks = page_paragraphs(pages)
    if not blocks:
        raise ExtractionError(
            "has no text layer (it is a scanned image); it needs OCR before it can be compared"
        )
    created = info.get("CreationDate") or info.get("ModDate", "")
    return Extracted(
        blocks=tuple(blocks),
        format=FORMAT,
        title=info.get("Title", ""),
        author=info.get("Author", ""),
        published=iso_date(created) if created else "",
    )


# --- pdfminer -------------------------------------------------------------------------


def read_pages(data: bytes) -> tuple[dict[str, str], list[Page]]:
    """The document information (as text) and each page's line fragments."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="", caching=True)
        info = _info(document.info)
        resources = PDFResourceManager(caching=True)
        # No box grouping or ordering (boxes_flow=None): regions are found here instead.
        device = PDFPageAggregator(resources, laparams=LAParams(boxes_flow=None, all_texts=True))
        interpreter = PDFPageInterpreter(resources, device)
        pages = []
        for pdf_page in PDFPage.create_pages(document):
            interpreter.process_page(pdf_page)
            layout = device.get_result()
            pages.append(Page(layout.y0, layout.y1, tuple(_fragments(layout))))
    except PDFEncryptionError:  # also the wrong (empty) password
        raise ExtractionError("is encrypted; remove the password and try again") from None
    except Exception:  # pdfminer raises many types (PSEOF, PDFSyntaxError, KeyError…)
        raise ExtractionError("is damaged and could not be read as a PDF") from None
    return info, pages


def _fragments(container: Any) -> Iterator[Box]:
    from pdfminer.layout import LTContainer, LTTextLineHorizontal

    for item in container:
        if isinstance(item, LTTextLineHorizontal):
            text = clean(item.get_text())
            if text:
                yield Box(item.x0, item.y0, item.x1, item.y1, text)
        elif isinstance(item, LTContainer):  # text boxes, figures (forms)
            yield from _fragments(item)


def _info(dictionaries: list[dict[str, Any]]) -> dict[str, str]:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    info: dict[str, str] = {}
    for dictionary in dictionaries:
        for key, value in dictionary.items():
            value = resolve1(value)
            if isinstance(value, bytes):
                text = clean(decode_text(value))
                if text:
                    info[key] = text
    return info


def iso_date(value: str) -> str:
    """A PDF date (``D:20261102093000+01'00'``) in ISO 8601; anything else as it is."""
    match = _PDF_DATE.match(value)
    if not match:
        return value
    year, month, day, hour, minute, second, zulu, sign, tz_hour, tz_minute = match.groups()
    date = "-".join(part for part in (year, month, day) if part)
    if not (day and hour):
        return date
    time = f"{hour}:{minute or '00'}:{second or '00'}"
    zone = "Z" if zulu else f"{sign}{tz_hour}:{tz_minute or '00'}" if sign else ""
    return f"{date}T{time}{zone}"


# --- layout ---------------------------------------------------------------------------


def page_paragraphs(pages: list[Page]) -> list[str]:
    """The paragraphs of all pages in reading order, without running heads and feet."""
    blocks = [block for number, page in enumerate(pages) for block in _page_blocks(number, page)]
    running = _running(blocks, pages)
    texts: list[str] = []
    for index, block in enumerate(blocks):
        if index in running:
            continue
        if texts and block.opens_region and _continues(texts[-1], block.box.text):
            texts[-1] = join_lines(texts[-1], block.box.text)
        else:
            texts.append(block.box.text)
    return texts


def _page_blocks(number: int, page: Page) -> Iterator[Block]:
    if not page.fragments:
        return
    size = statistics.median(fragment.height for fragment in page.fragments)
    for region in regions(list(page.fragments), size):
        for index, paragraph in enumerate(paragraphs(rows(region))):
            yield Block(number, paragraph, opens_region=index == 0)


def regions(items: list[Box], size: float) -> list[list[Box]]:
    """``items`` cut into columns and bands, recursively, in reading order."""
    parts = _cut(items, size, across=True) or _cut(items, size, across=False)
    if not parts:
        return [items]
    return [region for part in parts for region in regions(part, size)]


def _cut(items: list[Box], size: float, *, across: bool) -> list[list[Box]]:
    """Columns (``across``) or bands separated by an empty strip, in reading order; an
    empty list when there is none. Columns cut through fewer than three lines must each
    have two lines, or be far apart: the gaps of one justified line are no gutter."""
    if not across:
        return _split(items, BAND_GAP * size, lambda item: (-item.y1, -item.y0))
    parts = _split(items, COLUMN_GAP * size, lambda item: (item.x0, item.x1))
    if parts and len(rows(items)) < 3 and min(len(rows(part)) for part in parts) < 2:
        parts = _split(items, NARROW_COLUMN_GAP * size, lambda item: (item.x0, item.x1))
    return parts


def _split(
    items: list[Box], gap: float, extent: Callable[[Box], tuple[float, float]]
) -> list[list[Box]]:
    """``items`` in groups separated by strips at least ``gap`` wide along ``extent``."""
    ordered = sorted(items, key=extent)
    parts: list[list[Box]] = [[]]
    reach = extent(ordered[0])[0]
    for item in ordered:
        start, end = extent(item)
        if start - reach >= gap:
            parts.append([])
        parts[-1].append(item)
        reach = max(reach, end)
    return parts if len(parts) > 1 else []


def rows(items: list[Box]) -> list[Box]:
    """Fragments that share a baseline, as lines from top to bottom."""
    lines: list[list[Box]] = []
    for item in sorted(items, key=lambda item: -(item.y0 + item.y1)):
        line = lines[-1] if lines else []
        bottom = min((other.y0 for other in line), default=math.inf)
        top = max((other.y1 for other in line), default=-math.inf)
        overlap = min(top, item.y1) - max(bottom, item.y0)
        if line and overlap >= 0.5 * min(item.height, top - bottom):
            line.append(item)
        else:
            lines.append([item])
    return [_merge(sorted(line, key=lambda item: item.x0), _join_words) for line in lines]


def paragraphs(lines: list[Box]) -> list[Box]:
    """A region's lines grouped into paragraphs (see the module's description)."""
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    size = statistics.median(line.height for line in lines)
    gaps = [above.y0 - below.y1 for above, below in itertools.pairwise(lines)]
    usual_gap = statistics.median(gaps) if gaps else 0.0
    indented = [_indented(line, left, right, size) for line in lines]
    after_first = sum(indented[1:])
    hanging = after_first >= 2 and after_first > (len(lines) - 1) / 2
    indents_mark_paragraphs = not hanging
    groups: list[list[Box]] = []
    for index, line in enumerate(lines):
        above = lines[index - 1] if index else None
        starts = (
            above is None
            or (indents_mark_paragraphs and indented[index])
            or line.text.startswith(_BULLETS)
            or gaps[index - 1] > usual_gap + PARAGRAPH_GAP * size
            or abs(line.height - above.height) > SIZE_CHANGE * max(line.height, above.height)
        )
        if starts:
            groups.append([])
        groups[-1].append(line)
    return [_merge(group, join_lines) for group in groups]


def _indented(line: Box, left: float, right: float, size: float) -> bool:
    left_space, right_space = line.x0 - left, right - line.x1
    centred = abs(left_space - right_space) < INDENT * size
    return left_space > INDENT * size and not centred


def _merge(items: list[Box], join: Callable[[str, str], str]) -> Box:
    text = items[0].text
    for item in items[1:]:
        text = join(text, item.text)
    return Box(
        min(item.x0 for item in items),
        min(item.y0 for item in items),
        max(item.x1 for item in items),
        max(item.y1 for item in items),
        text,
    )


# --- text -----------------------------------------------------------------------------


def clean(text: str) -> str:
    """One space for each run of white space; ligatures as letters."""
    return _SPACES.sub(" ", text.translate(_LIGATURES)).strip(" ")


def _join_words(first: str, second: str) -> str:
    return f"{first} {second}"


def join_lines(first: str, second: str) -> str:
    """Two lines as one text: a line-end hyphen before a lowercase word was hyphenation
    and goes; before anything else it belongs to the word ("Franco-German") and stays."""
    if first[-1:] in _HYPHENS and first[-2:-1].isalpha():
        if second[:1].islower():
            return first[:-1] + second
        return first + second
    return f"{first} {second}"


def _continues(paragraph: str, following: str) -> bool:
    """Whether ``following``, at the top of a region, goes on with ``paragraph``."""
    if paragraph[-1:] in _HYPHENS:
        return True
    return not paragraph.endswith(_SENTENCE_END) and following[:1].islower()


def _running(blocks: list[Block], pages: list[Page]) -> set[int]:
    """The indexes of the blocks that are running heads, feet or page numbers."""
    needed = max(2, math.ceil(RUNNING_SHARE * len(pages)))
    alike: dict[str, list[Block]] = {}
    marginal = [
        (index, block) for index, block in enumerate(blocks) if _in_margin(block, pages[block.page])
    ]
    for _, block in marginal:
        alike.setdefault(_running_key(block.box.text), []).append(block)
    running = set()
    for index, block in marginal:
        tolerance = 0.02 * pages[block.page].height
        recurring = {
            other.page
            for other in alike[_running_key(block.box.text)]
            if abs(other.box.y0 - block.box.y0) <= tolerance
        }
        if len(recurring) >= needed or _PAGE_NUMBER.fullmatch(block.box.text):
            running.add(index)
    return running


def _in_margin(block: Block, page: Page) -> bool:
    band = MARGIN_BAND * page.height
    return block.box.y0 >= page.top - band or block.box.y1 <= page.bottom + band


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", text).casefold()
