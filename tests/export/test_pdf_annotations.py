"""Highlights with notes added to a real Qt-made PDF, read back with pypdf and rendered with
poppler (``pdftoppm``, ``pdftotext``)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import DictionaryObject, StreamObject
from PySide6.QtCore import QMarginsF, QPointF
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

from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.export.pdf_annotations import (
    HIGHLIGHT_OPACITY,
    LineBox,
    PdfHighlight,
    add_highlights,
    mark_contents,
    pdf_date,
    quad_points,
)
from tests.helpers.machine import cannot_check_here

PAGES = [
    [
        "The mayor announced the budget on Monday.",
        "Critics said the plan was naïve and “rushed” — a",
        "claim the council rejected at the evening session.",
        "The vote is expected next week.",
    ],
    [
        "Turnout was 41 per cent, the highest in a decade.",
        "Results will be published on Thursday.",
    ],
]
MARGIN_LEFT = 72.0
FIRST_BASELINE = 100.0
LINE_SPACING = 20.0
RESOLUTION = 72  # device units are PDF points, so the layout maps with a flip of y only

DISPUTED_NOTE = "Disputed: the council’s minutes say “deferred”, not rejected.\nSee p. 4 — Zoë 🙂"
WHEN = datetime(2026, 11, 3, 14, 5, 9, tzinfo=timezone(timedelta(hours=1)))
PDF_DATE = re.compile(r"^D:\d{14}[+-]\d{2}'\d{2}'$")

POPPLER = shutil.which("pdftoppm") and shutil.which("pdftotext")


@pytest.fixture
def poppler() -> None:
    """pdftoppm and pdftotext, which the test command installs (poppler-utils)."""
    if not POPPLER:
        cannot_check_here("poppler-utils (pdftoppm, pdftotext) is not installed")


needs_poppler = pytest.mark.usefixtures("poppler")


@dataclass(frozen=True)
class SourcePdf:
    path: Path
    lines: list[list[LineBox]]  # per page, per drawn line
    page_height: float


@pytest.fixture
def source(qapp: object, tmp_path: Path) -> SourcePdf:
    """A 2-page A4 PDF with real text drawn by QPdfWriter, and each line's box in points."""
    path = tmp_path / "comparison.pdf"
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(12)
    metrics = QFontMetricsF(font, writer)
    page_height = float(writer.height())
    boxes: list[list[LineBox]] = []
    painter = QPainter(writer)
    try:
        painter.setFont(font)
        for number, texts in enumerate(PAGES):
            if number:
                writer.newPage()
            page_boxes = []
            for row, text in enumerate(texts):
                baseline = FIRST_BASELINE + row * LINE_SPACING
                painter.drawText(QPointF(MARGIN_LEFT, baseline), text)
                page_boxes.append(
                    LineBox(
                        left=MARGIN_LEFT,
                        bottom=page_height - (baseline + metrics.descent()),
                        right=MARGIN_LEFT + metrics.horizontalAdvance(text),
                        top=page_height - (baseline - metrics.ascent()),
                    )
                )
            boxes.append(page_boxes)
    finally:
        painter.end()
    assert path.stat().st_size > 0
    return SourcePdf(path, boxes, page_height)


def disputed(source: SourcePdf) -> PdfHighlight:
    """Lines 2 and 3 of page 1, a multi-line passage with a non-ASCII, multi-line note."""
    return PdfHighlight(
        page=0,
        lines=tuple(source.lines[0][1:3]),
        colour=(0.9, 0.2, 0.2),
        contents=DISPUTED_NOTE,
        author="Zoë Ångström",
        subject="Disputed",
        modified=WHEN,
        name="mark-0001",
    )


def verified(source: SourcePdf) -> PdfHighlight:
    """The first line of page 2."""
    return PdfHighlight(
        page=1,
        lines=(source.lines[1][0],),
        colour=(0.3, 0.8, 0.3),
        contents="Verified: matches the electoral commission's figures.",
        author="Sam Reviewer",
        subject="Verified",
        modified=datetime(2026, 11, 4, 9, 30, tzinfo=timezone(timedelta(hours=-5))),
        name="mark-0002",
    )


@pytest.fixture
def annotated(source: SourcePdf, tmp_path: Path) -> Path:
    target = tmp_path / "annotated.pdf"
    add_highlights(source.path, target, [disputed(source), verified(source)])
    return target


def annotations(page: pypdf.PageObject, subtype: str) -> list[DictionaryObject]:
    found = [ref.get_object() for ref in page.get("/Annots", [])]
    return [annot for annot in found if annot["/Subtype"] == subtype]


def floats(values: Sequence[object]) -> list[float]:
    return [float(value) for value in values]  # type: ignore[arg-type]


# --- read back with pypdf -------------------------------------------------------------------


def test_each_page_gets_its_highlight_and_popup(annotated: Path) -> None:
    reader = pypdf.PdfReader(annotated)
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert len(annotations(page, "/Highlight")) == 1
        assert len(annotations(page, "/Popup")) == 1


def test_highlight_dictionary(annotated: Path, source: SourcePdf) -> None:
    reader = pypdf.PdfReader(annotated)
    for page, expected in zip(reader.pages, [disputed(source), verified(source)], strict=True):
        (highlight,) = annotations(page, "/Highlight")
        assert highlight["/Type"] == "/Annot"
        assert highlight["/Subtype"] == "/Highlight"
        assert highlight["/Contents"] == expected.contents
        assert highlight["/T"] == expected.author
        assert highlight["/Subj"] == expected.subject
        assert highlight["/NM"] == expected.name
        assert highlight["/F"] == 4
        assert floats(highlight["/C"]) == pytest.approx(expected.colour)
        assert float(highlight["/CA"]) == pytest.approx(HIGHLIGHT_OPACITY)
        assert PDF_DATE.match(highlight["/M"])
        assert highlight["/M"] == highlight["/CreationDate"] == pdf_date(expected.modified)
        assert highlight["/P"].get_object() == page


def test_quad_points_are_upper_left_first_per_line(annotated: Path, source: SourcePdf) -> None:
    (highlight,) = annotations(pypdf.PdfReader(annotated).pages[0], "/Highlight")
    quads = floats(highlight["/QuadPoints"])
    lines = source.lines[0][1:3]
    assert len(quads) == 8 * len(lines) == 16
    for index, line in enumerate(lines):
        ulx, uly, urx, ury, llx, lly, lrx, lry = quads[8 * index : 8 * index + 8]
        assert (ulx, uly) == pytest.approx((line.left, line.top), abs=1e-3)
        assert (urx, ury) == pytest.approx((line.right, line.top), abs=1e-3)
        assert (llx, lly) == pytest.approx((line.left, line.bottom), abs=1e-3)
        assert (lrx, lry) == pytest.approx((line.right, line.bottom), abs=1e-3)


def test_rect_covers_the_lines_inside_the_media_box(annotated: Path) -> None:
    for page in pypdf.PdfReader(annotated).pages:
        media = floats(page.mediabox)
        (highlight,) = annotations(page, "/Highlight")
        left, bottom, right, top = floats(highlight["/Rect"])
        assert media[0] <= left < right <= media[2]
        assert media[1] <= bottom < top <= media[3]
        quads = floats(highlight["/QuadPoints"])
        assert all(left <= x <= right for x in quads[0::2])
        assert all(bottom <= y <= top for y in quads[1::2])


def test_popup_is_closed_linked_both_ways_and_in_the_right_margin(annotated: Path) -> None:
    for page in pypdf.PdfReader(annotated).pages:
        (highlight,) = annotations(page, "/Highlight")
        (popup,) = annotations(page, "/Popup")
        assert highlight["/Popup"].get_object() == popup
        assert popup["/Parent"].get_object() == highlight
        assert popup["/Open"].value is False  # a BooleanObject, which is always truthy
        media = floats(page.mediabox)
        left, bottom, right, top = floats(popup["/Rect"])
        assert media[0] <= left < right <= media[2]
        assert media[1] <= bottom < top <= media[3]
        assert right > media[2] - 10, "the popup sits against the page's right edge"
        assert top == pytest.approx(float(highlight["/Rect"][3])), "level with the highlight"


def test_appearance_stream_multiplies_the_colour_over_each_quad(annotated: Path) -> None:
    (highlight,) = annotations(pypdf.PdfReader(annotated).pages[0], "/Highlight")
    appearance = highlight["/AP"]["/N"].get_object()
    assert isinstance(appearance, StreamObject)
    assert appearance["/Subtype"] == "/Form"
    assert floats(appearance["/BBox"]) == pytest.approx(floats(highlight["/Rect"]))
    (state,) = appearance["/Resources"]["/ExtGState"].values()
    assert state["/BM"] == "/Multiply"
    assert float(state["/ca"]) == pytest.approx(HIGHLIGHT_OPACITY)
    content = appearance.get_data().decode("ascii")
    assert "0.9 0.2 0.2 rg" in content
    assert content.count(" f") == 2, "one filled path per line"


def test_non_ascii_note_is_stored_as_utf16_and_ascii_text_as_pdfdocencoding(
    source: SourcePdf, tmp_path: Path
) -> None:
    target = tmp_path / "out.pdf"
    ascii_note = replace(verified(source), page=0, contents="Plain note", name="a")
    add_highlights(source.path, target, [disputed(source), ascii_note])
    raw = target.read_bytes()
    assert b"(Plain note)" in raw
    assert b"(\\376\\377" in raw, "a UTF-16BE string with its byte order mark"
    contents = sorted(
        str(annot["/Contents"])
        for annot in annotations(pypdf.PdfReader(target).pages[0], "/Highlight")
    )
    assert contents == sorted([DISPUTED_NOTE, "Plain note"])


def test_existing_annotations_are_kept(source: SourcePdf, tmp_path: Path) -> None:
    once = tmp_path / "once.pdf"
    twice = tmp_path / "twice.pdf"
    add_highlights(source.path, once, [disputed(source)])
    add_highlights(once, twice, [replace(disputed(source), name="mark-0003")])
    (page,) = pypdf.PdfReader(twice).pages[:1]
    names = sorted(annot["/NM"] for annot in annotations(page, "/Highlight"))
    assert names == ["mark-0001", "mark-0003"]
    assert len(annotations(page, "/Popup")) == 2


def test_source_may_be_the_target(source: SourcePdf) -> None:
    add_highlights(source.path, source.path, [verified(source)])
    assert len(annotations(pypdf.PdfReader(source.path).pages[1], "/Highlight")) == 1


# --- small pieces ---------------------------------------------------------------------------


def test_quad_points_order() -> None:
    lines = [LineBox(10, 20, 110, 32), LineBox(10, 5, 60, 17)]
    assert quad_points(lines) == [
        *(10, 32, 110, 32, 10, 20, 110, 20),
        *(10, 17, 60, 17, 10, 5, 60, 5),
    ]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), "D:20260102030405+00'00'"),
        (
            datetime(2026, 11, 4, 9, 30, tzinfo=timezone(timedelta(hours=-5))),
            "D:20261104093000-05'00'",
        ),
        (
            datetime(2026, 6, 30, 23, 59, 59, tzinfo=timezone(timedelta(hours=5, minutes=30))),
            "D:20260630235959+05'30'",
        ),
    ],
)
def test_pdf_date(moment: datetime, expected: str) -> None:
    assert pdf_date(moment) == expected


def test_pdf_date_needs_a_time_zone() -> None:
    with pytest.raises(ValueError, match="timezone"):
        pdf_date(datetime(2026, 1, 2, 3, 4, 5))


# --- invalid input and failures leave no file ----------------------------------------------


@pytest.mark.parametrize("page", [-1, 2, 99])
def test_page_outside_the_document_is_refused(source: SourcePdf, tmp_path: Path, page: int) -> None:
    target = tmp_path / "out.pdf"
    with pytest.raises(ValueError, match=rf"page index {page} is outside the document"):
        add_highlights(
            source.path, target, [verified(source), replace(verified(source), page=page)]
        )
    assert not target.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"lines": ()}, "at least one line"),
        ({"lines": (LineBox(100, 50, 90, 60),)}, "inverted"),
        ({"lines": (LineBox(100, 50, float("nan"), 60),)}, "not finite"),
        ({"lines": (LineBox(100, 900, 200, 915),)}, "outside the page"),
        ({"colour": (1.0, 0.5, 1.5)}, "colour"),
        ({"modified": datetime(2026, 1, 1)}, "timezone-aware"),
    ],
)
def test_invalid_highlight_is_refused(
    source: SourcePdf, tmp_path: Path, change: dict[str, object], message: str
) -> None:
    target = tmp_path / "out.pdf"
    with pytest.raises(ValueError, match=message):
        add_highlights(source.path, target, [replace(verified(source), **change)])  # type: ignore[arg-type]
    assert not target.exists()


def test_repeated_name_on_a_page_is_refused(source: SourcePdf, tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    with pytest.raises(ValueError, match="used twice"):
        add_highlights(source.path, target, [verified(source), verified(source)])
    assert not target.exists()


def test_failure_while_writing_leaves_no_file(
    source: SourcePdf, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(pypdf.PdfWriter, "write", fail)
    target = tmp_path / "out.pdf"
    with pytest.raises(OSError, match="disk full"):
        add_highlights(source.path, target, [disputed(source)])
    assert sorted(os.listdir(tmp_path)) == [source.path.name]


def test_failure_while_replacing_keeps_the_old_target_and_no_temporary_file(
    source: SourcePdf, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"the previous export")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("rename failed")

    monkeypatch.setattr("compareapp.core.review.atomic_file.os.replace", fail)
    with pytest.raises(OSError, match="rename failed"):
        add_highlights(source.path, target, [disputed(source)])
    assert target.read_bytes() == b"the previous export"
    assert sorted(os.listdir(tmp_path)) == sorted([source.path.name, target.name])


# --- poppler --------------------------------------------------------------------------------


def render(pdf: Path, prefix: Path) -> list[Path]:
    """Render every page at 50 dpi with pdftoppm; it must succeed without complaint."""
    result = subprocess.run(
        ["pdftoppm", "-r", "50", "-png", str(pdf), str(prefix)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr
    assert "Warning" not in result.stderr
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))


@needs_poppler
def test_poppler_renders_every_page(annotated: Path, tmp_path: Path) -> None:
    images = render(annotated, tmp_path / "annotated")
    assert len(images) == 2
    for image in images:
        assert not QImage(str(image)).isNull()


@needs_poppler
def test_text_still_extracts(annotated: Path, source: SourcePdf) -> None:
    def text(pdf: Path) -> str:
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    extracted = text(annotated)
    assert extracted == text(source.path)
    for line in PAGES[0] + PAGES[1]:
        assert line in extracted


@needs_poppler
def test_line_boxes_match_the_words_poppler_finds(source: SourcePdf) -> None:
    """The fixture's boxes (as the app computes them from Qt's layout) sit on the real text,
    so the highlights in the other tests cover it."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(source.path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = [
        tuple(float(value) for value in match.groups())
        for match in re.finditer(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html
        )
    ]
    for box in source.lines[0]:
        # pdftotext gives y from the top of the page.
        on_line = [w for w in words if abs((source.page_height - w[3]) - box.bottom) < 0.5]
        assert on_line, box
        assert min(w[0] for w in on_line) == pytest.approx(box.left, abs=0.5)
        assert max(w[2] for w in on_line) == pytest.approx(box.right, abs=0.5)
        assert source.page_height - min(w[1] for w in on_line) == pytest.approx(box.top, abs=0.5)


@needs_poppler
def test_highlight_tints_the_rendered_page(
    annotated: Path, source: SourcePdf, tmp_path: Path
) -> None:
    """Paper-white pixels inside a highlighted line turn the multiplied tint; pixels of a
    line that is not highlighted stay as they were."""
    scale = 50 / 72
    before = QImage(str(render(source.path, tmp_path / "before")[0]))
    after = QImage(str(render(annotated, tmp_path / "after")[0]))
    assert before.size() == after.size()

    def pixels(box: LineBox) -> list[tuple[int, int]]:
        # Whole pixels well inside the box, in image coordinates (y down).
        x0, x1 = int(box.left * scale) + 1, int(box.right * scale) - 1
        y0 = int((source.page_height - box.top) * scale) + 1
        y1 = int((source.page_height - box.bottom) * scale) - 1
        return [(x, y) for x in range(x0, x1) for y in range(y0, y1)]

    def rgb(image: QImage, x: int, y: int) -> tuple[int, int, int]:
        colour = QColor(image.pixel(x, y))
        return colour.red(), colour.green(), colour.blue()

    colour = disputed(source).colour
    tint = tuple(round(255 * (1 - HIGHLIGHT_OPACITY * (1 - c))) for c in colour)
    highlighted = source.lines[0][1]
    white = [(x, y) for x, y in pixels(highlighted) if rgb(before, x, y) == (255, 255, 255)]
    assert len(white) > 50
    for x, y in white:
        assert rgb(after, x, y) == pytest.approx(tint, abs=3), (x, y)

    untouched = source.lines[0][3]
    assert all(rgb(after, x, y) == rgb(before, x, y) for x, y in pixels(untouched))


def test_a_marks_note_gives_its_status_and_what_a_reworded_passage_said() -> None:
    text = "Around 1,200 households were evacuated."
    mark = ReviewMark.create("s", text, 7, 23, MarkStatus.DISPUTED, "Zoë", "Ask the council")
    assert mark_contents(mark) == "Disputed: Ask the council"
    assert mark_contents(mark.edited(note="")) == "Disputed"
    moved = mark.reanchored(text.replace("1,200", "1,250"))
    assert mark_contents(moved) == "Disputed: Ask the council\nwas: “1,200 households”"
