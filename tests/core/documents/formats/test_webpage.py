"""Saved web pages (HTML and MHTML): the article's paragraphs without the page around them,
the provenance the page declares, encodings, and nothing fetched, run or expanded."""

from __future__ import annotations

import codecs
import hashlib
import quopri
import socket
from pathlib import Path

import pytest

from compareapp.core.diff.comparison import Comparison, compare_pair
from compareapp.core.documents.document import Document
from compareapp.core.documents.formats import ExtractionError
from compareapp.core.documents.formats.webpage import decode_html
from compareapp.core.documents.loading import LoadError, load_document
from compareapp.core.reports.comparison_json import comparison_to_json
from tests.fixtures.story_fixtures import story_html, story_paragraphs, story_text
from tests.fixtures.web_fixtures import (
    ARTICLE_AUTHOR,
    ARTICLE_PARAGRAPHS,
    ARTICLE_PUBLISHED,
    ARTICLE_TITLE,
    LEAKED,
    NAV_ONLY_PAGE,
    NEWS_PAGE,
    SIMPLE_PAGE,
    SIMPLE_PARAGRAPHS,
    mhtml,
)


def _load(tmp_path: Path, name: str, data: bytes | str) -> Document:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return load_document(path)


def _texts(document: Document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def _assert_news_article(document: Document) -> None:
    assert _texts(document) == ARTICLE_PARAGRAPHS
    assert document.text == "\n\n".join(ARTICLE_PARAGRAPHS)
    for furniture in LEAKED:
        assert furniture not in document.text
    assert document.format == "Web page"
    assert document.encoding == "utf-8"
    assert (document.title, document.author, document.published) == (
        ARTICLE_TITLE,
        ARTICLE_AUTHOR,
        ARTICLE_PUBLISHED,
    )


@pytest.mark.parametrize("name", ["storm-wall.html", "storm-wall.htm", "storm-wall.txt"])
def test_news_page_gives_the_article_and_its_provenance(tmp_path: Path, name: str) -> None:
    """A ``.txt`` that holds HTML is read as a web page too."""
    _assert_news_article(_load(tmp_path, name, NEWS_PAGE))


@pytest.mark.parametrize("name", ["storm-wall.mhtml", "storm-wall.mht", "storm-wall.txt"])
def test_the_same_page_saved_as_mhtml_reads_the_same(tmp_path: Path, name: str) -> None:
    data = mhtml(NEWS_PAGE)
    document = _load(tmp_path, name, data)
    _assert_news_article(document)
    assert document.sha256 == hashlib.sha256(data).hexdigest()


def test_mhtml_part_charset_and_quoted_printable(tmp_path: Path) -> None:
    """The part's charset counts when the page declares none."""
    page = NEWS_PAGE.replace('<meta charset="utf-8">', "")
    data = mhtml(page).replace(
        b"Content-Type: text/html\r\n", b"Content-Type: text/html; charset=windows-1252\r\n"
    )
    cp1252 = quopri.encodestring(page.encode("cp1252")).decode("ascii")
    utf8 = quopri.encodestring(page.encode("utf-8")).decode("ascii")
    data = data.replace(utf8.encode("ascii"), cp1252.encode("ascii"))
    document = _load(tmp_path, "page.mhtml", data)
    assert document.encoding == "cp1252"
    assert _texts(document) == ARTICLE_PARAGRAPHS


def test_mhtml_without_a_page_is_refused(tmp_path: Path) -> None:
    data = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"iVBORw0K\r\n--b--\r\n"
    )
    with pytest.raises(LoadError) as caught:
        _load(tmp_path, "empty.mht", data)
    assert "no text/html part" in caught.value.reason
    assert "empty.mht" in str(caught.value)


def test_page_with_only_navigation_has_no_article_text(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        _load(tmp_path, "site-map.html", NAV_ONLY_PAGE)
    message = str(caught.value)
    assert "site-map.html" in message
    assert "no article text" in message


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("<html><head><title>Nothing</title></head><body></body></html>", id="empty"),
        pytest.param("<html><body><script>var a = 1;</script></body></html>", id="script-only"),
        pytest.param("<!DOCTYPE html><html><body>   </body></html>", id="whitespace"),
    ],
)
def test_pages_without_text_are_refused(tmp_path: Path, page: str) -> None:
    with pytest.raises(LoadError, match="no article text"):
        _load(tmp_path, "page.html", page)


def test_a_short_page_of_paragraphs_loads(tmp_path: Path) -> None:
    assert _texts(_load(tmp_path, "ferry.html", SIMPLE_PAGE)) == SIMPLE_PARAGRAPHS


def test_a_bare_fragment_loads(tmp_path: Path) -> None:
    fragment = "".join(f"<p>{paragraph}</p>\n" for paragraph in SIMPLE_PARAGRAPHS)
    assert _texts(_load(tmp_path, "ferry.txt", fragment)) == SIMPLE_PARAGRAPHS
    assert _texts(_load(tmp_path, "short.html", "<p>One short line.</p>")) == ["One short line."]


def test_tables_lists_quotes_and_line_breaks(tmp_path: Path) -> None:
    page = (
        "<html><body><article>"
        "<p>The table below gives the cost of the works by year, as the council set it out.</p>"
        "<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2027</td><td>£6.2m</td></tr></table>"
        "<ul><li>first item<ul><li>nested item</li></ul></li><li>second item</li></ul>"
        "<blockquote><p>A quoted paragraph.</p></blockquote>"
        "<p>Port Ellery<br>Harbour Road<br/>PE1 2AB</p>"
        "</article></body></html>"
    )
    assert _texts(_load(tmp_path, "page.html", page)) == [
        "The table below gives the cost of the works by year, as the council set it out.",
        "Year",
        "Cost",
        "2027",
        "£6.2m",
        "first item",
        "nested item",
        "second item",
        "A quoted paragraph.",
        "Port Ellery Harbour Road PE1 2AB",
    ]


def test_external_entities_and_scripts_do_not_leak(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7731")
    page = f"""<!DOCTYPE html [
  <!ENTITY xxe SYSTEM "file://{secret}">
  <!ENTITY passwd SYSTEM "file:///etc/passwd">
  <!ENTITY inner "INTERNAL-ENTITY-TEXT">
]>
<html><body><article>
<p>The harbour master said the wall had failed twice this year &xxe; &passwd; &inner;.</p>
<p>Repairs will begin in the spring, once the council has agreed on who pays for them.</p>
<script>document.write("SCRIPT-RAN"); document.body.innerHTML = "SCRIPT-RAN";</script>
<p onclick="alert('HANDLER-RAN')">The vote is expected next week.</p>
<noscript>NOSCRIPT-TEXT</noscript>
</article></body></html>"""
    document = _load(tmp_path, "entities.html", page)
    for leaked in ("TOP-SECRET", "root:", "INTERNAL-ENTITY-TEXT", "SCRIPT-RAN", "HANDLER-RAN"):
        assert leaked not in document.text
    assert document.paragraphs[0].text.startswith("The harbour master said the wall")
    assert document.paragraphs[-1].text == "The vote is expected next week."


def test_nothing_is_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network use: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = NEWS_PAGE.replace(
        "</head>",
        '<link rel="stylesheet" href="http://127.0.0.1:9/site.css">'
        '<base href="http://127.0.0.1:9/"><link rel="canonical" href="http://127.0.0.1:9/a">'
        "</head>",
    ).replace(
        "<main>",
        '<main><iframe src="http://127.0.0.1:9/frame"></iframe>'
        '<img src="http://127.0.0.1:9/photo.jpg" alt="The storm wall">',
    )
    _assert_news_article(_load(tmp_path, "page.html", page))


QUOTED = "“Another patch would be money poured into the sea,” Brink said — café owners agreed."


def _page(head: str = "") -> str:
    return f"<html><head>{head}</head><body><p>{QUOTED}</p></body></html>"


@pytest.mark.parametrize(
    ("data", "encodings"),
    [
        pytest.param(
            _page('<meta charset="windows-1252">').encode("cp1252"), {"cp1252"}, id="meta"
        ),
        pytest.param(
            _page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')
            .replace("“", '"')
            .replace("”", '"')
            .replace(" —", ",")
            .encode("latin-1"),
            {"cp1252"},
            id="http-equiv-latin-1-read-as-cp1252",
        ),
        pytest.param(_page().encode("utf-8"), {"utf-8"}, id="undeclared-utf-8"),
        pytest.param(
            _page('<meta charset="utf-8">').encode("cp1252"),
            {"cp1252", "cp1250"},  # detection may name another code page that decodes alike
            id="wrong-declaration",
        ),
        pytest.param(
            codecs.BOM_UTF16_LE + _page('<meta charset="utf-8">').encode("utf-16-le"),
            {"utf-16-le"},
            id="utf-16-bom-beats-meta",
        ),
        pytest.param(
            _page('<meta charset="utf-16">').encode("utf-8"), {"utf-8"}, id="utf-16-label-ignored"
        ),
        pytest.param(_page('<meta charset="no-such">').encode("utf-8"), {"utf-8"}, id="unknown"),
    ],
)
def test_decode_html(data: bytes, encodings: set[str]) -> None:
    text, found = decode_html(data)
    assert found in encodings
    assert "<body>" in text
    assert "café" in text


def test_a_declared_charset_is_used(tmp_path: Path) -> None:
    data = _page('<meta charset="windows-1252">').encode("cp1252")
    document = _load(tmp_path, "page.html", data)
    assert document.encoding == "cp1252"
    assert _texts(document) == [QUOTED]


def test_undecodable_page_is_refused() -> None:
    with pytest.raises(ExtractionError, match="cannot be decoded"):
        decode_html(codecs.BOM_UTF16_LE + b"\x00\xd8")


def test_story_page_reads_as_its_paragraphs_and_aligns_with_the_text(tmp_path: Path) -> None:
    page = _load(tmp_path, "library.html", story_html())
    text = _load(tmp_path, "library.txt", story_text())
    assert _texts(page) == story_paragraphs()
    assert _texts(text) == story_paragraphs()
    assert (page.title, page.author, page.published) == (
        "Volunteers keep Millbrook library open on Sundays",
        "Priya Landsman",
        "2026-11-20",
    )
    comparison = compare_pair(text, page)
    assert [(link.a, link.b) for link in comparison.alignment.links] == [(i, i) for i in range(8)]
    assert comparison.alignment.unique_a == ()
    assert comparison.alignment.unique_b == ()
    assert comparison.differences() == []


def test_the_json_report_says_what_each_source_was_read_as(tmp_path: Path) -> None:
    documents = [
        _load(tmp_path, "library.txt", story_text()),
        _load(tmp_path, "library.html", story_html()),
    ]
    described = comparison_to_json(Comparison(documents))["documents"]
    assert [
        {key: document[key] for key in ("encoding", "format", "title", "author", "published")}
        for document in described
    ] == [
        {"encoding": "utf-8", "format": "Plain text", "title": "", "author": "", "published": ""},
        {
            "encoding": "utf-8",
            "format": "Web page",
            "title": "Volunteers keep Millbrook library open on Sundays",
            "author": "Priya Landsman",
            "published": "2026-11-20",
        },
    ]
