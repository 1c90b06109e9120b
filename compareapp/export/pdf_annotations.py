"""Real PDF review annotations on an exported comparison.

Qt's ``QPdfWriter`` draws the comparison with real text but cannot add annotations. This
module takes that PDF and adds one ``/Highlight`` annotation per review mark, with a quad
for each line of the passage, the note as ``/Contents``, the reviewer as ``/T``, an explicit
appearance stream (a translucent ``/Multiply`` fill and, for a review mark, a solid or
dashed box round each line, for viewers that do not build one) and a closed ``/Popup`` in
the page's right margin; and the outline and the named destinations that the summary's
links go to. They are written as an incremental update (the drawn PDF's bytes are kept as
they are, the new objects appended), so the pages are not parsed and written again. The
result replaces ``target`` in one step.

No Qt here: callers map their layout's line rectangles to :class:`LineBox` es in PDF points
(origin at the bottom left of the page) before calling :func:`add_highlights`.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Highlight, Popup
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    Fit,
    FloatObject,
    NameObject,
    NumberObject,
    RectangleObject,
    TextStringObject,
)

from compareapp.core.review.atomic_file import write_atomically
from compareapp.core.review.marks import ReviewMark

HIGHLIGHT_OPACITY = 0.4
"""Opacity of the highlight fill (``/CA`` and the appearance's ``/ca``); with the multiply
blend the text under it stays dark."""

RECT_PADDING = 1.0
"""Points added around the union of the lines for the annotation's ``/Rect``."""

POPUP_WIDTH = 180.0
POPUP_HEIGHT = 120.0
POPUP_INSET = 4.0
"""Size of the (closed) note window and its distance from the page's right edge, in points."""

PAGE_TOLERANCE = 1.0
"""How far, in points, a line may stick out of the page before it is refused as misplaced."""

BORDER_WIDTH = {"solid": 1.2, "dashed": 1.0}
"""Points; within :data:`RECT_PADDING` of the quads, so the stroke stays inside ``/Rect``."""

_APPEARANCE_STATE = "/GS0"
_STROKE_STATE = "/GS1"


@dataclass(frozen=True)
class LineBox:
    """One line of a highlighted passage on one page, in PDF points, origin bottom-left."""

    left: float
    bottom: float
    right: float
    top: float


@dataclass(frozen=True)
class PdfHighlight:
    """One review mark to draw as a highlight with a note."""

    page: int
    """0-based page index."""
    lines: tuple[LineBox, ...]
    """The passage's line boxes on that page, at least one."""
    colour: tuple[float, float, float]
    """RGB, each 0..1."""
    contents: str
    """The note shown in the viewer's comment list (the caller includes the status)."""
    author: str
    """The reviewer (``/T``)."""
    subject: str
    """For example ``"Disputed"`` (``/Subj``)."""
    modified: datetime
    """Timezone-aware (``/M`` and ``/CreationDate``)."""
    name: str = ""
    """A unique id (``/NM``), the review mark's id; left out when empty."""
    border: str = ""
    """``"solid"`` or ``"dashed"``: a box stroked round each line in the full colour, so
    that the mark differs from the text's own highlights in shape, not only in colour
    (in grey-scale print too); none when empty."""


def mark_contents(mark: ReviewMark) -> str:
    """A review mark's note as the viewer lists it: ``Disputed: the note``, then, on a line
    of its own, what the passage said before it was re-attached to other words."""
    status = mark.status.value.capitalize()
    note = f"{status}: {mark.note}" if mark.note else status
    return f"{note}\n{mark.earlier_wording}" if mark.reworded else note


@dataclass(frozen=True)
class NamedPlace:
    """A named destination, for the links Qt wrote to ``#name``: a 0-based page and the
    height on it, in points from the bottom, to show at the top of the window."""

    name: str
    page: int
    top: float


@dataclass(frozen=True)
class OutlineEntry:
    """A bookmark of the PDF's outline: its title and 0-based page."""

    title: str
    page: int


def add_highlights(
    source: Path | bytes,
    target: Path,
    highlights: Sequence[PdfHighlight],
    outline: Sequence[OutlineEntry] = (),
    places: Sequence[NamedPlace] = (),
) -> None:
    """Write ``source`` (a PDF file, or its bytes) with ``highlights``, the ``outline`` and
    the named ``places`` added to ``target``, atomically.

    Raises ``ValueError`` for a highlight that does not fit the document (page out of range,
    no lines, a line off the page, a colour outside 0..1, a naive time, a repeated name on a
    page). On any error no ``target`` is created and an existing one is left as it was.
    """
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(reader, incremental=True)  # only what is added is written
    page_count = len(writer.pages)
    for index, highlight in enumerate(highlights):
        _validate(highlight, index, page_count)
    _check_unique_names(highlights)
    targets: list[OutlineEntry | NamedPlace] = [*outline, *places]
    for entry in targets:
        if not 0 <= entry.page < page_count:
            raise ValueError(f"{entry}: no page index {entry.page}")
    for highlight in highlights:
        _add_one(writer, highlight)
    for entry in outline:
        writer.add_outline_item(title=entry.title, page_number=entry.page)
    for place in places:
        writer.add_named_destination(place.name, place.page, Fit.xyz(top=place.top))
    buffer = io.BytesIO()
    writer.write(buffer)
    write_atomically(target, buffer.getvalue())


def pdf_date(moment: datetime) -> str:
    """``moment`` as a PDF date string, ``D:YYYYMMDDHHmmSS+HH'mm'``."""
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError(f"a PDF date needs a timezone-aware time, got {moment!r}")
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{hours:02d}'{minutes:02d}'"


def quad_points(lines: Sequence[LineBox]) -> list[float]:
    """The ``/QuadPoints`` of ``lines``: per line upper-left, upper-right, lower-left,
    lower-right, as x y pairs."""
    points: list[float] = []
    for line in lines:
        points += [
            line.left,
            line.top,
            line.right,
            line.top,
            line.left,
            line.bottom,
            line.right,
            line.bottom,
        ]
    return points


def _validate(highlight: PdfHighlight, index: int, page_count: int) -> None:
    label = f"highlight {index}" + (f" ({highlight.name})" if highlight.name else "")
    if not 0 <= highlight.page < page_count:
        raise ValueError(
            f"{label}: page index {highlight.page} is outside the document "
            f"(pages 0 to {page_count - 1})"
        )
    if not highlight.lines:
        raise ValueError(f"{label}: a highlight needs at least one line box")
    for line in highlight.lines:
        values = (line.left, line.bottom, line.right, line.top)
        if not all(math.isfinite(value) for value in values):
            raise ValueError(f"{label}: line box {line} has a coordinate that is not finite")
        if line.left > line.right or line.bottom > line.top:
            raise ValueError(f"{label}: line box {line} is inverted (left > right or bottom > top)")
    if len(highlight.colour) != 3 or not all(0.0 <= c <= 1.0 for c in highlight.colour):
        raise ValueError(f"{label}: colour {highlight.colour} is not three RGB values in 0..1")
    if highlight.modified.utcoffset() is None:
        raise ValueError(f"{label}: the modification time must be timezone-aware")


def _check_unique_names(highlights: Sequence[PdfHighlight]) -> None:
    seen: set[tuple[int, str]] = set()
    for highlight in highlights:
        if not highlight.name:
            continue
        key = (highlight.page, highlight.name)
        if key in seen:
            raise ValueError(
                f"the name {highlight.name!r} is used twice on page {highlight.page}; "
                "/NM must be unique on a page"
            )
        seen.add(key)


def _add_one(writer: PdfWriter, highlight: PdfHighlight) -> None:
    page = writer.pages[highlight.page]
    page_box = _visible_box(page.mediabox, page.cropbox)
    for line in highlight.lines:
        if not _inside(line, page_box, PAGE_TOLERANCE):
            raise ValueError(
                f"highlight on page {highlight.page}: line box {line} lies outside the page "
                f"{tuple(round(v, 2) for v in page_box)}"
            )
    rect = _padded_union(highlight.lines, page_box)
    quads = quad_points(highlight.lines)
    date = TextStringObject(pdf_date(highlight.modified))

    annotation = Highlight(
        rect=rect,
        quad_points=ArrayObject(FloatObject(value) for value in quads),
        printing=True,
        title_bar=highlight.author,
    )
    annotation.update(
        {
            # pypdf 7.1's markup annotations skip the base class that sets /Type.
            NameObject("/Type"): NameObject("/Annot"),
            # Exact colour rather than pypdf's hex string, rounded to 1/255.
            NameObject("/C"): ArrayObject(FloatObject(c) for c in highlight.colour),
            NameObject("/CA"): FloatObject(HIGHLIGHT_OPACITY),
            NameObject("/Contents"): TextStringObject(highlight.contents),
            NameObject("/Subj"): TextStringObject(highlight.subject),
            NameObject("/M"): date,
            NameObject("/CreationDate"): date,
        }
    )
    if highlight.name:
        annotation[NameObject("/NM")] = TextStringObject(highlight.name)
    # A stream must be an indirect object; pypdf 7.1 has no public way to add one.
    appearance = _appearance(rect, quads, highlight.colour, highlight.border)
    annotation[NameObject("/AP")] = DictionaryObject(
        {NameObject("/N"): writer._add_object(appearance)}
    )
    added = writer.add_annotation(highlight.page, annotation)
    # add_annotation() writes the highlight's /Popup back-reference itself.
    writer.add_annotation(
        highlight.page,
        Popup(rect=_popup_rect(rect, page_box), parent=added, open=False),
    )


def _appearance(
    rect: tuple[float, float, float, float],
    quads: Sequence[float],
    colour: tuple[float, float, float],
    border: str = "",
) -> DecodedStreamObject:
    """A form XObject filling each quad with ``colour`` in a translucent multiply blend
    (and stroking it, solid or dashed, for a ``border``); its ``/BBox`` is the
    annotation's ``/Rect`` so it needs no matrix."""
    red, green, blue = colour
    operations = [f"{_APPEARANCE_STATE} gs", f"{_num(red)} {_num(green)} {_num(blue)} rg"]
    paths = []
    for start in range(0, len(quads), 8):
        ulx, uly, urx, ury, llx, lly, lrx, lry = (_num(v) for v in quads[start : start + 8])
        paths.append(f"{llx} {lly} m {lrx} {lry} l {urx} {ury} l {ulx} {uly} l h")
    operations += [f"{path} f" for path in paths]
    if border:
        dash = "[3 1.5] 0 d" if border == "dashed" else "[] 0 d"
        width = BORDER_WIDTH[border]
        operations += [
            f"{_STROKE_STATE} gs",
            f"{_num(red)} {_num(green)} {_num(blue)} RG {_num(width)} w {dash}",
        ]
        operations += [f"{path} S" for path in paths]
    states = {
        NameObject(_APPEARANCE_STATE): DictionaryObject(
            {
                NameObject("/Type"): NameObject("/ExtGState"),
                NameObject("/BM"): NameObject("/Multiply"),
                NameObject("/ca"): FloatObject(HIGHLIGHT_OPACITY),
                NameObject("/CA"): FloatObject(HIGHLIGHT_OPACITY),
            }
        )
    }
    if border:
        states[NameObject(_STROKE_STATE)] = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/ExtGState"),
                NameObject("/BM"): NameObject("/Normal"),
                NameObject("/CA"): FloatObject(1),
            }
        )
    stream = DecodedStreamObject()
    stream.set_data("\n".join(operations).encode("ascii"))
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/FormType"): NumberObject(1),
            NameObject("/BBox"): RectangleObject(rect),
            NameObject("/Resources"): DictionaryObject(
                {NameObject("/ExtGState"): DictionaryObject(states)}
            ),
        }
    )
    return stream


def _visible_box(
    mediabox: RectangleObject, cropbox: RectangleObject
) -> tuple[float, float, float, float]:
    """The part of the page a viewer shows: the crop box clipped to the media box."""
    left = max(float(mediabox.left), float(cropbox.left))
    bottom = max(float(mediabox.bottom), float(cropbox.bottom))
    right = min(float(mediabox.right), float(cropbox.right))
    top = min(float(mediabox.top), float(cropbox.top))
    if left >= right or bottom >= top:
        return (
            float(mediabox.left),
            float(mediabox.bottom),
            float(mediabox.right),
            float(mediabox.top),
        )
    return left, bottom, right, top


def _inside(line: LineBox, box: tuple[float, float, float, float], tolerance: float) -> bool:
    left, bottom, right, top = box
    return (
        line.left >= left - tolerance
        and line.bottom >= bottom - tolerance
        and line.right <= right + tolerance
        and line.top <= top + tolerance
    )


def _padded_union(
    lines: Sequence[LineBox], box: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    left, bottom, right, top = box
    return (
        max(left, min(line.left for line in lines) - RECT_PADDING),
        max(bottom, min(line.bottom for line in lines) - RECT_PADDING),
        min(right, max(line.right for line in lines) + RECT_PADDING),
        min(top, max(line.top for line in lines) + RECT_PADDING),
    )


def _popup_rect(
    rect: tuple[float, float, float, float], box: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    """Against the page's right edge, its top level with the highlight's, inside ``box``."""
    left, bottom, right, top = box
    width = min(POPUP_WIDTH, (right - left) / 2)
    height = min(POPUP_HEIGHT, (top - bottom) / 2)
    popup_right = right - min(POPUP_INSET, (right - left) / 4)
    popup_top = min(top, max(bottom + height, rect[3]))
    return popup_right - width, popup_top - height, popup_right, popup_top


def _num(value: float) -> str:
    """A number for a content stream: plain decimal, no exponent."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in {"", "-0"} else text
