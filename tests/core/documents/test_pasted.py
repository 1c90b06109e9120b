"""Documents pasted from the clipboard: plain text, a copied web page read like a saved
one (menus left out), a page without an article falling back to the text, an empty
clipboard refused with a clear message, and names made from the time."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from compareapp.core.documents import pasted
from compareapp.core.documents.pasted import (
    EMPTY_CLIPBOARD,
    PASTED_TEXT,
    PASTED_WEB_PAGE,
    PasteError,
    document_from_clipboard,
    pasted_name,
)
from tests.fixtures.web_fixtures import ARTICLE_PARAGRAPHS, ARTICLE_TITLE, NEWS_PAGE

NOW = datetime(2026, 11, 24, 6, 10, 42)
"""A local time without a zone, as the window's clock gives it once made local."""

STORY = (
    "Floods hit Marrowby\r\n\r\n"
    "Around 1,200 households were evacuated on Tuesday, officials said.\r\n\r\n"
    "“We acted within hours,” said Mayor Ingrid Sallow.\r\n"
)
STORY_PARAGRAPHS = [
    "Floods hit Marrowby",
    "Around 1,200 households were evacuated on Tuesday, officials said.",
    "“We acted within hours,” said Mayor Ingrid Sallow.",
]

SELECTION_HTML = """<meta charset="windows-1252"><html><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/weather">Weather and travel</a></li></ul></nav>
<article>
<h1>Storm wall vote</h1>
<p>Councillors in Port Ellery voted 7 to 2 on Tuesday night to rebuild the storm wall.</p>
<p>The new wall will rise 1.4 metres above the old one, the engineer, Tomas Brink, said.</p>
</article>
</body></html>"""
"""What a browser puts on the clipboard for a selection: markup around the article, with
a charset the page declared (the text is already decoded: it must be ignored)."""
SELECTION_PARAGRAPHS = [
    "Storm wall vote",
    "Councillors in Port Ellery voted 7 to 2 on Tuesday night to rebuild the storm wall.",
    "The new wall will rise 1.4 metres above the old one, the engineer, Tomas Brink, said.",
]


def paragraphs(text: str | None, html: str | None, **kwargs: object) -> list[str]:
    document = document_from_clipboard(text, html, NOW, **kwargs)  # type: ignore[arg-type]
    return [paragraph.text for paragraph in document.paragraphs]


# Text ---------------------------------------------------------------------------------


def test_pasted_text_becomes_a_document_without_a_file() -> None:
    document = document_from_clipboard(STORY, None, NOW)
    assert [paragraph.text for paragraph in document.paragraphs] == STORY_PARAGRAPHS
    assert "\r" not in document.text
    assert document.name == "Pasted 2026-11-24 06:10"
    assert document.format == PASTED_TEXT
    assert (document.path, document.has_file, document.encoding) == ("", False, "")
    assert document.sha256 == hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    assert document.loaded_at == NOW.astimezone()
    assert document.loaded_at.tzinfo is not None


def test_the_same_text_gives_the_same_hash_and_another_text_another() -> None:
    first = document_from_clipboard(STORY, None, NOW)
    again = document_from_clipboard(STORY.replace("\r\n", "\n"), None, NOW + timedelta(hours=1))
    other = document_from_clipboard(STORY.replace("1,200", "1,400"), None, NOW)
    assert first.sha256 == again.sha256 != other.sha256
    assert first.source_id != again.source_id


def test_a_byte_order_mark_at_the_start_is_not_text() -> None:
    assert paragraphs("\ufeffOne line of pasted text.", None) == ["One line of pasted text."]


# HTML ---------------------------------------------------------------------------------


def test_html_is_read_as_a_web_page_without_its_menus() -> None:
    document = document_from_clipboard(
        "Home News Weather and travel Storm wall…", SELECTION_HTML, NOW
    )
    assert [paragraph.text for paragraph in document.paragraphs] == SELECTION_PARAGRAPHS
    assert document.format == PASTED_WEB_PAGE
    assert "Weather and travel" not in document.text
    assert document.sha256 == hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    assert not document.has_file


def test_a_whole_copied_page_keeps_what_the_page_says_about_itself() -> None:
    document = document_from_clipboard(None, NEWS_PAGE, NOW)
    assert [paragraph.text for paragraph in document.paragraphs] == ARTICLE_PARAGRAPHS
    assert document.title == ARTICLE_TITLE
    assert document.format == PASTED_WEB_PAGE


def test_non_ascii_html_is_read_as_the_text_it_is() -> None:
    """The clipboard's HTML is text already: a charset the copied page declared is not
    applied to it again."""
    html = (
        '<meta charset="iso-8859-2"><p>Zoë’s café in Łódź served 1,200 crêpes — “a record”, '
        "she said.</p>"
    )
    assert paragraphs(None, html) == [
        "Zoë’s café in Łódź served 1,200 crêpes — “a record”, she said."
    ]


def test_html_without_an_article_falls_back_to_the_text() -> None:
    html = "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><img src='chart.png'>"
    document = document_from_clipboard(STORY, html, NOW)
    assert [paragraph.text for paragraph in document.paragraphs] == STORY_PARAGRAPHS
    assert document.format == PASTED_TEXT


def test_when_the_reader_is_not_installed_the_text_is_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_import = pasted.importlib.import_module

    def without_reader(name: str) -> object:
        if name.endswith(".webpage"):
            raise ModuleNotFoundError("No module named 'trafilatura'", name="trafilatura")
        return real_import(name)

    monkeypatch.setattr(pasted.importlib, "import_module", without_reader)
    assert document_from_clipboard(STORY, SELECTION_HTML, NOW).format == PASTED_TEXT


# Nothing to paste ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (None, None),
        ("", ""),
        ("  \n\t\r\n ", None),
        (None, "   "),
        ("\u00a0\u2003\n", "\n"),
        (None, "<img src='photo.jpg'><nav><a href='/'>Home</a></nav>"),
        (" ", "<p></p>"),
    ],
    ids=["nothing", "empty", "whitespace", "blank html", "unicode spaces", "no text in html",
         "blank both"],
)  # fmt: skip
def test_an_empty_clipboard_is_refused_clearly(text: str | None, html: str | None) -> None:
    with pytest.raises(PasteError) as caught:
        document_from_clipboard(text, html, NOW)
    assert str(caught.value) == EMPTY_CLIPBOARD == "The clipboard holds no text"


def test_too_much_text_is_refused_with_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pasted, "MAX_PASTED_BYTES", 2**20)
    with pytest.raises(PasteError, match=r"holds 2 MB, over the 1 MB a pasted document"):
        document_from_clipboard("word " * (2 * 2**20 // 5), None, NOW)
    assert document_from_clipboard("word " * 1000, None, NOW).word_count == 1000


# Names --------------------------------------------------------------------------------


def test_names_are_the_local_time_to_the_minute() -> None:
    assert pasted_name(NOW) == "Pasted 2026-11-24 06:10"
    utc = datetime(2026, 11, 24, 6, 10, tzinfo=UTC)
    local = utc.astimezone()
    assert pasted_name(utc) == f"Pasted {local:%Y-%m-%d %H:%M}"


def test_two_pastes_in_one_minute_get_the_seconds_then_a_counter() -> None:
    first = pasted_name(NOW)
    second = pasted_name(NOW, {first})
    assert second == "Pasted 2026-11-24 06:10:42"
    third = pasted_name(NOW, {first, second})
    assert third == "Pasted 2026-11-24 06:10:42 (2)"
    assert pasted_name(NOW, {first, second, third}) == "Pasted 2026-11-24 06:10:42 (3)"
    assert pasted_name(NOW + timedelta(seconds=1), {first}) == "Pasted 2026-11-24 06:10:43"
    assert document_from_clipboard(STORY, None, NOW, {first}).name == second
