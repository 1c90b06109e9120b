"""Deciding a file's format from its content and name, and refusing what is not text."""

from __future__ import annotations

import codecs
import io
import re
import time
import zipfile
from pathlib import Path

import pytest

from compareapp.core.documents.formats import ExtractionError
from compareapp.core.documents.formats.sniff import detect_format
from compareapp.core.documents.loading import LoadError, load_document


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64)
DOCX = _zip("[Content_Types].xml", "word/document.xml")
PARAGRAPHS = b"<p>The ferry runs twice a day.</p>\n<p>Tickets are refunded.</p>\n"
MHTML_HEAD = (
    b"From: <Saved by Blink>\r\nSubject: A page\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="b"\r\n\r\n--b\r\n'
)


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        pytest.param(b"Headline\n\nBody text.\n", "story.txt", "text", id="text"),
        pytest.param(b"Headline\n\nBody text.\n", "story", "text", id="no-suffix"),
        pytest.param(b"Use <p> for paragraphs.\n", "notes.txt", "text", id="one-tag-in-prose"),
        pytest.param(b"<b>Bold</b> claim, then prose.\n", "notes.txt", "text", id="inline-tag"),
        pytest.param(b"<p>Only one paragraph.</p>", "notes.txt", "text", id="one-closed-block"),
        pytest.param(b"MIME-Version: 1.0\n\nA note.\n", "note.txt", "text", id="mime-not-mhtml"),
        pytest.param(b"# Title\n\nText.\n", "story.md", "markdown", id="md"),
        pytest.param(b"# Title\n\nText.\n", "STORY.MD", "markdown", id="md-upper"),
        pytest.param(b"Title\n=====\n", "story.markdown", "markdown", id="markdown"),
        pytest.param(b"Title\n", "story.mdown", "markdown", id="mdown"),
        pytest.param(b'<div align="center">Logo</div>\n\n# T\n', "a.md", "markdown", id="md-html"),
        pytest.param(b"<!DOCTYPE html><p>x</p>", "story.md", "html", id="md-holding-page"),
        pytest.param(b"<!DOCTYPE html>\n<html><p>x</p></html>", "story.txt", "html", id="doctype"),
        pytest.param(b"<!doctype HTML><title>x</title>", "story", "html", id="doctype-lower"),
        pytest.param(
            codecs.BOM_UTF8 + b"\n  \t<html lang=en><body>x</body></html>",
            "story.txt",
            "html",
            id="bom-whitespace-html",
        ),
        pytest.param(
            b"<!-- saved from url=(0042)https://x.example/ -->\n<html>",
            "a.txt",
            "html",
            id="comment",
        ),
        pytest.param(
            b'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
            "page.xml",
            "html",
            id="xhtml",
        ),
        pytest.param(b"<body><p>x</p></body>", "a.txt", "html", id="body"),
        pytest.param(PARAGRAPHS, "story.txt", "html", id="paragraph-fragment"),
        pytest.param(
            codecs.BOM_UTF16_LE + "<!DOCTYPE html><p>x</p>".encode("utf-16-le"),
            "story.txt",
            "html",
            id="utf-16-html",
        ),
        pytest.param(b"Just text, no tags.", "page.html", "html", id="html-suffix"),
        pytest.param(b"Just text.", "page.htm", "html", id="htm-suffix"),
        pytest.param(MHTML_HEAD, "page.txt", "mhtml", id="mhtml-content"),
        pytest.param(b"anything", "page.mht", "mhtml", id="mht-suffix"),
        pytest.param(b"anything", "page.MHTML", "mhtml", id="mhtml-suffix"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "story.txt", "pdf", id="pdf-magic"),
        pytest.param(b"\r\n%PDF-1.4\n", "story.pdf", "pdf", id="pdf-after-junk"),
        pytest.param(DOCX, "story.docx", "docx", id="docx"),
        pytest.param(DOCX, "story.bin", "docx", id="docx-renamed"),
    ],
)
def test_detect_format(data: bytes, name: str, expected: str) -> None:
    assert detect_format(data, Path(name)) == expected


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(64), "photo.txt", "is a PNG image", id="png"),
        pytest.param(b"\xff\xd8\xff\xe0" + bytes(64), "photo.txt", "is a JPEG image", id="jpeg"),
        pytest.param(b"GIF89a" + bytes(64), "anim.txt", "is a GIF image", id="gif"),
        pytest.param(b"\x7fELF\x02\x01" + bytes(64), "tool.txt", "is a program", id="elf"),
        pytest.param(b"\x1f\x8b\x08" + bytes(64), "story.txt", "gzip archive", id="gzip"),
        pytest.param(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
            "story.doc",
            "save it as .docx",
            id="doc",
        ),
        pytest.param(
            b"Just prose, not a PDF.", "story.pdf", "is named .pdf but is not a PDF", id="fake-pdf"
        ),
        pytest.param(
            b"<html>saved error page</html>",
            "story.docx",
            "is named .docx but is not a Word document (not a ZIP file)",
            id="fake-docx",
        ),
        pytest.param(
            _zip("word/other.xml"),
            "story.docx",
            "is named .docx but is not a Word",
            id="docx-no-body",
        ),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "story.docx", "damaged", id="broken-docx"),
        pytest.param(_zip("a.txt"), "photos.zip", "is a ZIP archive, not a Word doc", id="zip"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "story.txt", "ZIP archive", id="broken-zip"),
        pytest.param(_zip("mimetype", "content.xml"), "story.odt", "OpenDocument", id="odt"),
        pytest.param(_zip("xl/workbook.xml"), "figures.xlsx", "Excel workbook", id="xlsx"),
    ],
)
def test_refusals_name_the_file_and_the_reason(
    tmp_path: Path, data: bytes, name: str, reason: str
) -> None:
    with pytest.raises(ExtractionError, match=re.escape(reason)):
        detect_format(data, Path(name))
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError) as caught:
        load_document(path)
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"{path}: ")


def test_a_missing_reader_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A format whose reader module is not there is refused by name, not with a traceback."""
    import compareapp.core.documents.loading as loading

    monkeypatch.setitem(loading._READERS, "markdown", ("no_such_reader", "Markdown"))
    path = tmp_path / "story.md"
    path.write_text("# Title\n")
    with pytest.raises(LoadError) as caught:
        load_document(path)
    assert caught.value.reason == "reading Markdown is not available"


@pytest.mark.slow
def test_a_50_mb_plain_text_file_loads(tmp_path: Path) -> None:
    paragraph = "The council met on Tuesday and voted 7 to 2 to rebuild the storm wall. " * 4
    block = paragraph.strip() + "\n\n"
    count = 50 * 2**20 // len(block) + 1
    path = tmp_path / "big.txt"
    path.write_text(block * count, encoding="utf-8")
    assert path.stat().st_size >= 50 * 2**20
    started = time.perf_counter()
    document = load_document(path)
    elapsed = time.perf_counter() - started
    assert document.format == "Plain text"
    assert len(document.paragraphs) == count
    assert elapsed < 60, f"took {elapsed:.1f} s"
