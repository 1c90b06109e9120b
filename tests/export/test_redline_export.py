"""Issue 24, the redline layout: the seed pair (and three documents) exported as the
single-column tracked-changes view, read back with poppler and pypdf: the deleted and the
inserted words are both in the text layer, struck through and underlined on the page;
every highlight lies over exactly its words; the summary comes first; the outline and
the links resolve."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.document import Document
from compareapp.core.present.redline import build_redline
from compareapp.core.present.report_model import ReportModel, build_report
from compareapp.core.present.view_model import ComparisonViewModel
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.export import redline_pages
from compareapp.export.pdf_export import ExportOptions, ExportResult, export_pdf
from compareapp.export.redline_pages import redline_title
from compareapp.rendering import palette
from compareapp.rendering.redline_document import note
from tests.helpers.pdf_reading import (
    annotations,
    check_links,
    outline,
    page_texts,
    pdftotext,
    text_under_quads,
    words,
)
from tests.helpers.seed_marks import make_marks, seed_pair, third_version

EXTRA = [  # (document, quote, status, note): the marks the redline must draw on its words
    (0, "8,000 square kilometers", MarkStatus.DISPUTED, "CBC says 9,000"),
]

Exported = tuple[ReportModel, Path, ExportResult]


def marks_for(documents: list[Document]) -> list[ReviewMark]:
    marks = make_marks(documents)
    for index, quote, status, text in EXTRA:
        document = documents[index]
        start = document.text.index(quote)
        marks.append(
            ReviewMark.create(
                document.source_id, document.text, start, start + len(quote), status, "ed", text
            )
        )
    return marks


def export(documents: list[Document], target: Path) -> Exported:
    QApplication.instance() or QApplication([])
    report = build_report(ComparisonViewModel(Comparison(documents)), marks_for(documents))
    result = export_pdf(report, target, ExportOptions(reviewer="ed", layout="redline"))
    return report, target, result


@pytest.fixture(scope="module", params=[2, 3], ids=["seed pair", "three documents"])
def exported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Exported:
    documents = seed_pair()
    if request.param == 3:
        documents.append(third_version(documents[1]))
    return export(documents, tmp_path_factory.mktemp("redline") / "redline.pdf")


def section_starts(path: Path) -> list[int]:
    return [page for _title, page in outline(path)[1:]]


def test_one_redline_section_per_other_document(exported: Exported) -> None:
    report, path, _result = exported
    names = [document.name for document in report.documents]
    entries = outline(path)
    assert entries[0] == ("Summary", 0)
    assert [title for title, _page in entries[1:]] == [
        redline_title(names[0], name) for name in names[1:]
    ]
    texts = page_texts(path)
    for title, page in entries[1:]:
        assert texts[page].startswith(words(title))  # the heading opens the page
        assert "Struck through" in texts[page] and "Underlined" in texts[page]


def test_the_deleted_and_the_inserted_words_are_both_in_the_text(exported: Exported) -> None:
    report, path, _result = exported
    comparison = report.model.comparison
    starts = section_starts(path)
    texts = page_texts(path)
    checked = 0
    for number, other in enumerate(comparison.others()):
        last = starts[number + 1] if number + 1 < len(starts) else len(texts)
        section = " ".join(texts[starts[number] : last])
        for found in build_redline(comparison, other).changes():
            text = words(found.segment.text)
            if len(text.split()) >= 2 and len(text) < 60:
                assert text in section, (found.segment.change, text)
                checked += 1
    assert checked >= 12


def rows_of(image: QImage, box: tuple[int, int, int, int], colour: QColor) -> list[float]:
    """For each pixel row of ``box`` (left, top, right, bottom), the share of its pixels
    near ``colour``."""
    left, top, right, bottom = box
    shares = []
    for y in range(top, bottom + 1):
        near = 0
        for x in range(left, right + 1):
            pixel = image.pixelColor(x, y)
            distance = (
                abs(pixel.red() - colour.red())
                + abs(pixel.green() - colour.green())
                + abs(pixel.blue() - colour.blue())
            )
            near += distance < 160
        shares.append(near / (right - left + 1))
    return shares


def word_boxes(path: Path, page: int, word: str, dpi: int) -> list[tuple[int, int, int, int]]:
    scale = dpi / 72
    found = []
    for line in pdftotext(path, "-bbox", "-f", str(page + 1), "-l", str(page + 1)).splitlines():
        if line.strip().endswith(f">{word}</word>"):
            values = [float(part.split('"')[1]) for part in line.split()[1:5]]
            found.append(tuple(round(value * scale) for value in values))
    return found  # type: ignore[return-value]


def test_deleted_words_are_struck_through_and_inserted_ones_underlined(
    exported: Exported, tmp_path: Path
) -> None:
    """On the drawn page: a line across the middle of a deleted word, in the deleted
    colour, and one under an inserted word, in the inserted colour (and not through it)."""
    _report, path, _result = exported
    starts, dpi = section_starts(path), 150
    last = starts[1] if len(starts) > 1 else len(page_texts(path))
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-f", str(starts[0] + 1), "-l", str(last),
         str(path), str(tmp_path / "page")], check=True,
    )  # fmt: skip
    images = {
        int(png.stem.rsplit("-", 1)[1]) - 1: QImage(str(png)) for png in tmp_path.glob("page-*.png")
    }
    assert len(images) == last - starts[0]
    # "about" -> "over", "has taken" -> "has trod": plain wording changes.
    for word, colour, struck in (
        ("about", palette.REDLINE_REMOVED_TEXT, True),
        ("taken", palette.REDLINE_REMOVED_TEXT, True),
        ("over", palette.REDLINE_ADDED_TEXT, False),
        ("trod", palette.REDLINE_ADDED_TEXT, False),
    ):
        lines = []
        boxes = [
            (images[page], box) for page in images for box in word_boxes(path, page, word, dpi)
        ]
        for image, (left, top, right, bottom) in boxes:
            shares = rows_of(image, (left + 2, top, right - 2, bottom + 3), colour)
            height = bottom - top  # poppler's box: the font's ascent to its descent
            across = max(shares[round(0.4 * height) : round(0.65 * height)])
            under = max(shares[round(0.75 * height) :])
            lines.append((across, under))
        assert lines, word
        if struck:
            assert any(across > 0.85 for across, _under in lines), (word, lines)
        else:
            assert any(under > 0.85 and across < 0.6 for across, under in lines), (word, lines)


def test_under_each_highlight_lies_exactly_the_marked_text(exported: Exported) -> None:
    """A mark of the base is drawn in every section (each shows the base's words), a
    mark of another document in its own; in each, over exactly its words."""
    report, path, result = exported
    starts = section_starts(path)
    by_mark: dict[tuple[str, int], list[str]] = {}
    for highlight in annotations(path, "/Highlight"):
        section = sum(highlight.page >= start for start in starts) - 1
        key = (str(highlight.data["/NM"]).split("-")[0], section)
        by_mark.setdefault(key, []).append(text_under_quads(path, highlight))
    quotes = {mark.id: mark.quote for mark in report.marks if mark.id != "stale"}
    base = report.documents[report.model.base].source_id
    others = len(report.documents) - 1
    expected = {
        (mark.id, section)
        for mark in report.marks
        for section in range(others)
        if mark.source == base or report.documents[section + 1].source_id == mark.source
    }
    assert set(by_mark) == expected
    for (mark_id, _section), found in by_mark.items():
        # A struck word of the base may stand between two of a mark's words: compared
        # without spaces, as the quads are read one by one.
        assert "".join(" ".join(found).split()) == "".join(quotes[mark_id].split())
    assert result.not_placed == ()
    assert [mark.id for mark in report.unplaced] == ["stale"]


def test_the_disputed_passages_start_on_page_1_or_2(exported: Exported) -> None:
    _report, path, _result = exported
    texts = page_texts(path)
    disputed = next(n for n, text in enumerate(texts) if "Disputed passages (" in text)
    assert disputed <= 1
    assert "8,000 square kilometers” CBC says 9,000 ed" in " ".join(texts[:2])


def test_links_and_outline_resolve(exported: Exported) -> None:
    report, path, _result = exported
    check_links(path, at_least=len(report.marks) - 1)


def test_every_paragraph_is_shown_and_a_moved_one_says_where_it_was(exported: Exported) -> None:
    report, path, _result = exported
    text = " ".join(page_texts(path))
    comparison = report.model.comparison
    for other in comparison.others():
        redline = build_redline(comparison, other)
        assert {p.other_paragraph for p in redline.paragraphs} - {None} == set(
            range(len(report.documents[other].paragraphs))
        )
        for paragraph in redline.paragraphs:  # each drawn, deleted words and all
            assert words(" ".join(paragraph.text.split()[:6])) in text
    base = report.documents[comparison.base].name
    notes = [
        note(paragraph, base, report.documents[other].name)
        for other in comparison.others()
        for paragraph in build_redline(comparison, other).paragraphs
    ]
    assert any(label.startswith("Moved: paragraph") for label in notes)
    assert any(label.startswith("Printed twice") for label in notes)  # CBC's repeated lead
    for label in notes:
        assert words(label) in text


def test_a_mark_not_found_where_it_is_drawn_is_listed_not_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = redline_pages.text_between

    def garbled(document: QTextDocument, first: int, last: int) -> str:
        text = real(document, first, last)
        return "something else" if "no limits" in text else text

    monkeypatch.setattr(redline_pages, "text_between", garbled)
    report, path, result = export(seed_pair(), tmp_path / "garbled.pdf")
    (limits,) = [mark for mark in report.marks if mark.quote == '"no limits"']
    assert result.not_placed == (limits.id,)
    assert limits.id not in {str(h.data["/NM"]) for h in annotations(path, "/Highlight")}
    summary = " ".join(page_texts(path)[:2])
    assert '“"no limits"” the phrase the wires used ed' in summary
    assert summary.count("not placed") == 2  # and the stale mark


def test_a_mark_on_words_the_other_source_prints_with_other_quotes_is_drawn(
    tmp_path: Path,
) -> None:
    """Reuters' "today’s meeting" is CBC's "today's meeting": unchanged words, which the
    redline prints as CBC has them. A mark on Reuters' words is drawn over them, not
    listed as not placed."""
    QApplication.instance() or QApplication([])
    documents = seed_pair()
    reuters = documents[0]
    start = reuters.text.index("today’s meeting")
    mark = ReviewMark.create(
        reuters.source_id, reuters.text, start, start + 15, MarkStatus.VERIFIED, "ed", ""
    )
    report = build_report(ComparisonViewModel(Comparison(documents)), [mark])
    target = tmp_path / "quotes.pdf"
    result = export_pdf(report, target, ExportOptions(reviewer="ed", layout="redline"))
    assert result.not_placed == ()
    [highlight] = [h for h in annotations(target, "/Highlight") if mark.id in str(h.data["/NM"])]
    assert text_under_quads(target, highlight).replace("'", "’") == "today’s meeting"


def test_an_unknown_layout_is_refused(tmp_path: Path) -> None:
    QApplication.instance() or QApplication([])
    report = build_report(ComparisonViewModel(Comparison(seed_pair())))
    with pytest.raises(ValueError, match="no layout 'columns'"):
        export_pdf(report, tmp_path / "x.pdf", ExportOptions(reviewer="ed", layout="columns"))
    assert not (tmp_path / "x.pdf").exists()
