"""The PDF reader: paragraphs rebuilt in reading order from a two-column, two-page article
drawn with Qt, running heads and page numbers dropped, hyphenation undone; the document
information; refusals of encrypted, damaged and image-only files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.formats import ExtractionError, pdf
from compareapp.core.documents.formats.pdf import Box, Page
from compareapp.core.documents.loading import load_document
from tests.fixtures import pdf_fixtures
from tests.fixtures.story_fixtures import story_paragraphs, story_text

PATH = Path("article.pdf")


@pytest.fixture(scope="module")
def article() -> bytes:
    return pdf_fixtures.article_pdf()


def test_article_paragraphs_in_reading_order(article: bytes) -> None:
    """Left column then right, page 1 then 2; paragraphs cut by a column or page break
    ("…from the" / "other side…", "Franco-" / "German…") are whole again."""
    assert list(pdf.extract(article, PATH).blocks) == pdf_fixtures.ARTICLE_PARAGRAPHS


def test_running_heads_and_page_numbers_are_dropped(article: bytes) -> None:
    text = "\n".join(pdf.extract(article, PATH).blocks)
    for running in (pdf_fixtures.HEADER, pdf_fixtures.HEADER_RIGHT, "Page 1", "Page 2"):
        assert running not in text


def test_hyphenation_justification_and_ligatures(article: bytes) -> None:
    text = "\n".join(pdf.extract(article, PATH).blocks)
    assert "investigation" in text and "inves-" not in text
    assert "Franco-German" in text and "well-known" in text
    assert "  " not in text and "\t" not in text
    assert "traffic" in text and "fitted" in text  # drawn with ﬀ and ﬁ ligatures


def test_article_information(article: bytes) -> None:
    extracted = pdf.extract(article, PATH)
    assert extracted.format == "PDF"
    assert extracted.title == pdf_fixtures.ARTICLE_TITLE
    assert extracted.author == pdf_fixtures.ARTICLE_AUTHOR
    assert extracted.published == pdf_fixtures.ARTICLE_PUBLISHED


def test_encrypted_pdf_is_refused() -> None:
    with pytest.raises(ExtractionError) as raised:
        pdf.extract(pdf_fixtures.encrypted_pdf(), PATH)
    assert str(raised.value) == "is encrypted; remove the password and try again"


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated_pdf_is_damaged(article: bytes, fraction: float) -> None:
    with pytest.raises(ExtractionError) as raised:
        pdf.extract(article[: int(len(article) * fraction)], PATH)
    assert str(raised.value) == "is damaged and could not be read as a PDF"


def test_garbage_is_damaged() -> None:
    with pytest.raises(ExtractionError, match=r"^is damaged and could not be read as a PDF$"):
        pdf.extract(b"%PDF-1.7\nthis is not a PDF body\n%%EOF\n", PATH)


def test_image_only_pdf_needs_ocr() -> None:
    with pytest.raises(ExtractionError) as raised:
        pdf.extract(pdf_fixtures.image_only_pdf(), PATH)
    assert str(raised.value) == (
        "has no text layer (it is a scanned image); it needs OCR before it can be compared"
    )


def test_story_pdf_aligns_one_to_one_with_the_text(tmp_path: Path) -> None:
    """Block paragraphs (space between, no indent), ragged right, a lone page number."""
    paragraphs = story_paragraphs()
    printed = tmp_path / "story.pdf"
    printed.write_bytes(pdf_fixtures.simple_pdf(paragraphs))
    plain = tmp_path / "story.txt"
    plain.write_text(story_text(), encoding="utf-8")

    document = load_document(printed)
    assert [paragraph.text for paragraph in document.paragraphs] == paragraphs
    assert document.format == "PDF"
    alignment = Comparison([load_document(plain), document]).pair(0, 1).alignment
    assert sorted((link.a, link.b) for link in alignment.links) == [
        (index, index) for index in range(len(paragraphs))
    ]


# --- the layout rules on hand-made pages (points, y upwards) ----------------------------


def _lines(x0: float, top: float, texts: list[str], *, size: float = 10.0) -> list[Box]:
    """Lines of ``size`` points set 13 points apart; each space a text starts with indents
    it by 6 points."""
    boxes = []
    for row, text in enumerate(texts):
        indent = len(text) - len(text.lstrip(" "))
        y1 = top - row * 13.0
        boxes.append(Box(x0 + 6 * indent, y1 - size, x0 + 230.0, y1, text.strip()))
    return boxes


def _read(*pages: list[Box]) -> list[str]:
    return pdf.page_paragraphs([Page(0.0, 842.0, tuple(page)) for page in pages])


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("an inves-", "tigation", "an investigation"),
        ("the Franco-", "German team", "the Franco-German team"),
        ("a well-known", "bakery", "a well-known bakery"),
        ("the mayor —", "who", "the mayor — who"),
        ("COVID-", "19 cases", "COVID-19 cases"),
        ("soft\u00ad", "ware", "software"),
    ],
)
def test_join_lines(first: str, second: str, joined: str) -> None:
    assert pdf.join_lines(first, second) == joined


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("D:20261102093000+01'00'", "2026-11-02T09:30:00+01:00"),
        ("D:20261102093000Z", "2026-11-02T09:30:00Z"),
        ("D:20261102093000-05'30", "2026-11-02T09:30:00-05:30"),
        ("D:202611021405", "2026-11-02T14:05:00"),
        ("D:20261102", "2026-11-02"),
        ("D:2026", "2026"),
        ("2 November 2026", "2 November 2026"),
    ],
)
def test_iso_date(value: str, iso: str) -> None:
    assert pdf.iso_date(value) == iso


@pytest.mark.parametrize("folio", ["3", "- 3 -", "– 3 –", "Page 3 of 7", "page 3", "3 / 7", "iv"])
def test_lone_page_numbers_are_dropped_even_on_one_page(folio: str) -> None:
    body = _lines(56, 700, ["A paragraph of text."])
    assert _read([*body, Box(280, 30, 300, 40, folio)]) == ["A paragraph of text."]


def test_numbers_in_the_body_are_kept() -> None:
    assert _read(_lines(56, 500, ["3"])) == ["3"]


def test_a_head_on_one_page_only_is_kept() -> None:
    head = Box(56, 800, 200, 810, "The Daily Example")
    assert _read([head, *_lines(56, 700, ["Body."])]) == ["The Daily Example", "Body."]


def test_wider_line_gap_starts_a_paragraph() -> None:
    """Paragraph space too small for pdfminer or a band cut, but above the usual gap."""
    lines = _lines(56, 700, ["One a.", "One b.", "One c."])
    lines += _lines(56, 700 - 3 * 13 - 5, ["Two a.", "Two b."])
    assert _read(lines) == ["One a. One b. One c.", "Two a. Two b."]


def test_centred_lines_are_not_indents() -> None:
    lines = [
        Box(100, 690, 400, 710, "A headline set in two"),
        Box(180, 667, 320, 687, "centred lines"),
    ]
    assert _read(lines) == ["A headline set in two centred lines"]


def test_hanging_indents_do_not_split_every_line() -> None:
    lines = _lines(56, 700, ["Entry one goes", "   on and on", "   and on."])
    assert _read(lines) == ["Entry one goes on and on and on."]


def test_bullets_start_paragraphs() -> None:
    lines = _lines(56, 700, ["Two things:", "• apples", "• pears"])
    assert _read(lines) == ["Two things:", "• apples", "• pears"]


def test_wide_gaps_of_one_justified_line_are_no_gutter() -> None:
    words = [Box(56 + 60 * index, 690, 86 + 60 * index, 700, word) for index, word in
             enumerate(["An", "independent", "and", "thorough"])]  # fmt: skip
    assert _read(words) == ["An independent and thorough"]


def test_two_short_columns_are_read_one_after_the_other() -> None:
    left = _lines(56, 700, ["Left one", "left two."])
    right = _lines(56 + 230 + 12, 700, ["Right one", "right two."])
    assert _read([*left, *right]) == ["Left one left two.", "Right one right two."]


def test_a_sentence_cut_by_a_column_break_is_joined() -> None:
    left = _lines(56, 700, ["It began in", "the spring and"])
    right = _lines(56 + 230 + 12, 700, ["ended in May.", "  Then came June."])
    assert _read([*left, *right]) == ["It began in the spring and ended in May.", "Then came June."]
