"""The Word reader: blocks with tracked changes accepted, tables, footnotes, properties, and
refusals of files that are not sound .docx containers (ZIP bombs among them)."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.formats import ExtractionError, docx
from compareapp.core.documents.loading import load_document
from tests.fixtures import docx_fixtures
from tests.fixtures.story_fixtures import story_paragraphs, story_text

PATH = Path("story.docx")


def test_article_gives_accepted_text_tables_and_footnotes_in_order() -> None:
    extracted = docx.extract(docx_fixtures.article_docx(), PATH)
    assert list(extracted.blocks) == docx_fixtures.ARTICLE_BLOCKS
    text = "\n".join(extracted.blocks)
    assert "eight crossings" in text  # the tracked insertion
    assert "six crossings" not in text  # the tracked deletion
    assert "[1]" not in text and "↑" not in text
    assert text.count("annual report") == 1


def test_article_properties() -> None:
    extracted = docx.extract(docx_fixtures.article_docx(), PATH)
    assert extracted.format == "Word document"
    assert extracted.title == docx_fixtures.ARTICLE_TITLE
    assert extracted.author == docx_fixtures.ARTICLE_AUTHOR
    assert extracted.published == docx_fixtures.ARTICLE_CREATED
    assert extracted.encoding == ""


def test_simple_document_round_trips_its_paragraphs() -> None:
    paragraphs = ["First  paragraph,\twith odd spacing.", "Zweiter Absatz: “ß” — 10\u00a0km."]
    extracted = docx.extract(docx_fixtures.docx_bytes(paragraphs), PATH)
    assert extracted.blocks == ("First paragraph, with odd spacing.", paragraphs[1])
    assert extracted.title == extracted.author == ""


def test_html_blocks_of_lists_line_breaks_and_notes() -> None:
    html = (
        "<ul><li>Bread <strong>and</strong><ul><li>rye</li></ul> milk</li></ul>"
        "<p>One<br />two<sup><a href='#endnote-2' id='endnote-ref-2'>[2]</a></sup></p>"
        "<table><tr><td><p>A</p><p>B</p></td><td></td></tr></table>"
        "<ol><li id='endnote-2'><p>Note. <a href='#endnote-ref-2'>↑</a></p></li></ol>"
    )
    assert docx.html_blocks(html) == ["Bread and milk", "rye", "One two", "A", "B", "Note."]


def test_document_without_text_is_refused() -> None:
    with pytest.raises(ExtractionError, match=r"^has no text$"):
        docx.extract(docx_fixtures.docx_bytes(["", "   "]), PATH)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"Just some text", "is not a Word document (not a ZIP file)", id="text"),
        pytest.param(
            docx_fixtures.without_document_part(),
            "is a ZIP file without a Word document part (word/document.xml)",
            id="no-document-part",
        ),
        pytest.param(
            docx_fixtures.ole_file(),
            "is encrypted or an old .doc file; save it as .docx without a password",
            id="ole",
        ),
    ],
)
def test_refusals(data: bytes, reason: str) -> None:
    with pytest.raises(ExtractionError) as raised:
        docx.extract(data, PATH)
    assert str(raised.value) == reason


@pytest.mark.parametrize("fraction", [0.5, 0.9, 0.99])
def test_truncated_document_is_damaged(fraction: float) -> None:
    data = docx_fixtures.article_docx()
    with pytest.raises(ExtractionError) as raised:
        docx.extract(data[: int(len(data) * fraction)], PATH)
    assert str(raised.value) == "is damaged (the ZIP container is truncated or corrupt)"


def _refusal_within_bounds(data: bytes) -> tuple[str, float, int]:
    """The reason ``data`` is refused, the seconds it took and the peak memory it used."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ExtractionError) as raised:
            docx.extract(data, PATH)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return str(raised.value), elapsed, peak


def test_zip_bomb_is_refused_from_its_directory_without_inflating() -> None:
    data = docx_fixtures.zip_bomb(2047)
    assert len(data) < 4 * 2**20
    reason, elapsed, peak = _refusal_within_bounds(data)
    assert reason == "is a ZIP bomb: it would inflate to 2047 MB"
    assert elapsed < 1.0
    assert peak < 50 * 2**20


def test_small_but_tightly_packed_member_is_a_zip_bomb() -> None:
    """50 MB is under the total limit, but 1000:1 is no text or picture."""
    reason, _, _ = _refusal_within_bounds(docx_fixtures.zip_bomb(50))
    assert reason == "is a ZIP bomb: it would inflate to 50 MB"


def test_zip_directory_that_lies_about_sizes_is_damaged_and_stays_bounded() -> None:
    """The directory says 1 MB; the stream holds 2 GB of zeros. Inflation stops at 1 MB."""
    data = docx_fixtures.zip_bomb(2047, declared_mb=1)
    reason, elapsed, peak = _refusal_within_bounds(data)
    assert reason == "is damaged (the ZIP container is truncated or corrupt)"
    assert elapsed < 2.0
    assert peak < 50 * 2**20


def test_story_docx_loads_to_its_paragraphs_and_aligns_one_to_one(tmp_path: Path) -> None:
    paragraphs = story_paragraphs()
    word = tmp_path / "story.docx"
    word.write_bytes(docx_fixtures.docx_bytes(paragraphs, title="Library", author="P. L."))
    plain = tmp_path / "story.txt"
    plain.write_text(story_text(), encoding="utf-8")

    document = load_document(word)
    assert [paragraph.text for paragraph in document.paragraphs] == paragraphs
    assert (document.format, document.title, document.author) == (
        "Word document",
        "Library",
        "P. L.",
    )

    alignment = Comparison([load_document(plain), document]).pair(0, 1).alignment
    assert sorted((link.a, link.b) for link in alignment.links) == [
        (index, index) for index in range(len(paragraphs))
    ]
    assert alignment.unique_a == alignment.unique_b == ()
