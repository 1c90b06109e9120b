"""Loading files: encodings, line ends, document fields and clear refusals."""

from __future__ import annotations

import codecs
import hashlib
import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from compareapp.core.documents import loading
from compareapp.core.documents.encoding import UndecodableError, decode_text
from compareapp.core.documents.loading import LoadError, load_document

TEXT = (
    "“Café society,” she wrote — it’s back.\n"
    "The café’s “new” owners opened it on Monday — to queues.\n"
)

ENCODED = [
    pytest.param(TEXT.encode("utf-8"), {"utf-8"}, id="utf-8"),
    pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), {"utf-8-sig"}, id="utf-8-bom"),
    pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), {"utf-16-le"}, id="utf-16-le-bom"),
    pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), {"utf-16-be"}, id="utf-16-be-bom"),
    pytest.param(TEXT.encode("utf-16-le"), {"utf-16-le"}, id="utf-16-le-no-bom"),
    pytest.param(TEXT.encode("utf-16-be"), {"utf-16-be"}, id="utf-16-be-no-bom"),
    # Charset detection may name another Windows code page that decodes these bytes alike.
    pytest.param(TEXT.encode("cp1252"), {"cp1252", "cp1250"}, id="cp1252"),
]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("data", "encodings"), ENCODED)
def test_decode_text(data: bytes, encodings: set[str]) -> None:
    text, encoding = decode_text(data)
    assert text == TEXT
    assert encoding in encodings


@pytest.mark.parametrize(("data", "encodings"), ENCODED)
def test_load_document_decodes(tmp_path: Path, data: bytes, encodings: set[str]) -> None:
    document = load_document(_write(tmp_path / "story.txt", data))
    assert document.text == TEXT
    assert document.encoding in encodings
    assert [p.text for p in document.paragraphs] == TEXT.splitlines()


def test_decode_text_refuses_invalid_utf16_after_bom() -> None:
    with pytest.raises(UndecodableError, match="utf-16-le"):
        decode_text(codecs.BOM_UTF16_LE + b"\x00\xd8")


LF_TEXT = "Title\n\nFirst paragraph.\nSecond line.\n\n\nLast one.\n"


@pytest.mark.parametrize("line_end", [pytest.param("\r\n", id="crlf"), pytest.param("\r", id="cr")])
def test_line_ends_become_newlines(tmp_path: Path, line_end: str) -> None:
    data = LF_TEXT.replace("\n", line_end).encode()
    document = load_document(_write(tmp_path / "story.txt", data))
    expected = load_document(_write(tmp_path / "lf.txt", LF_TEXT.encode()))
    assert document.text == LF_TEXT
    assert document.paragraphs == expected.paragraphs
    assert [p.text for p in document.paragraphs] == [
        "Title",
        "First paragraph.",
        "Second line.",
        "Last one.",
    ]


def test_mixed_line_ends_become_newlines(tmp_path: Path) -> None:
    document = load_document(_write(tmp_path / "story.txt", b"a\r\nb\rc\n\r\nd"))
    assert document.text == "a\nb\nc\n\nd"


def test_tabs_and_non_breaking_spaces_are_kept(tmp_path: Path) -> None:
    text = "Col\tumn\u00a0one\n\n\u00a0Two\t"
    document = load_document(_write(tmp_path / "story.txt", text.encode()))
    assert document.text == text
    assert [p.text for p in document.paragraphs] == ["Col\tumn\u00a0one", "Two"]


def test_document_fields(tmp_path: Path) -> None:
    data = "Headline — café\n\nBody text.\n".encode()
    path = _write(tmp_path / "story v2.md", data)
    document = load_document(path)
    assert document.name == "story v2.md"
    assert os.path.isabs(document.path)
    assert Path(document.path) == path
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.encoding == "utf-8"
    assert document.loaded_at.tzinfo is not None
    assert document.loaded_at.utcoffset() is not None
    assert [(p.index, p.start, p.end, p.text) for p in document.paragraphs] == [
        (0, 0, 15, "Headline — café"),
        (1, 17, 27, "Body text."),
    ]
    assert all(p.text == document.text[p.start : p.end] for p in document.paragraphs)


def test_relative_path_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "story.txt", b"Text.")
    monkeypatch.chdir(tmp_path)
    document = load_document("story.txt")
    assert document.path == str(tmp_path / "story.txt")
    assert document.name == "story.txt"


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        pytest.param(0, 0, id="first-char"),
        pytest.param(5, 0, id="last-char-of-first"),
        pytest.param(6, None, id="newline-after-first"),
        pytest.param(7, None, id="blank-line"),
        pytest.param(8, None, id="indent"),
        pytest.param(10, 1, id="start-of-second"),
        pytest.param(16, 1, id="last-char-of-second"),
        pytest.param(17, None, id="end-of-text"),
        pytest.param(-1, None, id="negative"),
    ],
)
def test_paragraph_at(tmp_path: Path, offset: int, expected: int | None) -> None:
    document = load_document(_write(tmp_path / "story.txt", b"First.\n\n  Second.\n"))
    assert [(p.start, p.end) for p in document.paragraphs] == [(0, 6), (10, 17)]
    paragraph = document.paragraph_at(offset)
    assert (paragraph.index if paragraph else None) == expected


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "missing.txt"


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "folder.txt").mkdir()
    return tmp_path / "folder.txt"


def _file(data: bytes, name: str = "story.txt") -> Callable[[Path], Path]:
    return lambda tmp_path: _write(tmp_path / name, data)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(_missing, "no such file", id="missing"),
        pytest.param(_folder, "folder", id="folder"),
        pytest.param(_file(b""), "empty", id="empty"),
        pytest.param(_file(b" \r\n\t\n\xc2\xa0\n"), "whitespace", id="whitespace-only"),
        pytest.param(_file(random.Random(0).randbytes(1024)), "binary", id="binary"),
        pytest.param(_file(b"\x89PNG\r\n\x1a\n" + bytes(64), "image.txt"), "image", id="png"),
        pytest.param(_file(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "PDF", id="pdf"),
        pytest.param(_file(b"PK\x03\x04\x14\x00\x06\x00"), "ZIP", id="zip"),
        pytest.param(_file(b"\xff\xfe\x00\xd8"), "cannot be decoded", id="bad-utf-16"),
    ],
)
def test_refusals(tmp_path: Path, make: Callable[[Path], Path], reason: str) -> None:
    path = make(tmp_path)
    with pytest.raises(LoadError) as caught:
        load_document(path)
    error = caught.value
    assert reason in error.reason
    assert error.path == str(path)
    assert str(error) == f"{path}: {error.reason}"


def test_file_over_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", 10)
    path = _write(tmp_path / "big.txt", b"x" * 11)
    with pytest.raises(LoadError) as caught:
        load_document(path)
    assert "limit" in caught.value.reason
    assert str(path) in str(caught.value)


def test_file_at_size_limit_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", 10)
    assert load_document(_write(tmp_path / "ok.txt", b"x" * 10)).text == "x" * 10


def test_unreadable_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "secret.txt", b"Text.")
    path.chmod(0)
    try:
        if os.geteuid() == 0:  # root reads it regardless of the mode
            assert load_document(path).text == "Text."
        else:
            with pytest.raises(LoadError) as caught:
                load_document(path)
            assert "permission denied" in caught.value.reason
            assert str(path) in str(caught.value)
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("block", [1, 2, 3, 7, 1 << 20])
def test_words_are_counted_by_blocks_as_one_split_counts_them(
    block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compareapp.core.documents import document as document_module

    monkeypatch.setattr(document_module, "WORD_COUNT_BLOCK", block)
    for text in ["a", "a b", " a  b ", "word" * 9 + " x", "a\u00a0b\u2003c\x1cd\x85e\n\nf", TEXT]:
        loaded = loading.document_from_text(
            text, path="a.txt", name="a.txt", sha256="0", encoding="utf-8"
        )
        assert loaded.word_count == len(text.split()), (text, block)
