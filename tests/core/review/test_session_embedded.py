"""Pasted documents in session files (format 2): their text is kept in the session, so a
saved session reopens with them and the marks on them; format-1 files still load; a
session too large to be read back is never written; ``compareapp compare --session``
compares the pasted sources too."""

from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from compareapp import cli
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import load_document
from compareapp.core.documents.pasted import PASTED_TEXT, PASTED_WEB_PAGE, document_from_clipboard
from compareapp.core.review import session_file as session_module
from compareapp.core.review.anchors import AnchorState
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.core.review.session import EmbeddedText, Session, SessionError, SessionSource
from compareapp.core.review.session_file import (
    SessionTooLarge,
    dump_session,
    load_session,
    migrate,
    parse_session,
    save_session,
)
from compareapp.core.review.session_sources import (
    embedded_document,
    match_sources,
    reanchored_marks,
)

WHEN = datetime(2026, 11, 24, 6, 10, 42, tzinfo=timezone(timedelta(hours=1)))
WIRE = """Floods hit Marrowby

Around 1,200 households were evacuated on Tuesday, officials said.

“We acted within hours,” said Mayor Ingrid Sallow.
"""
PASTED = """Marrowby floods

Around 1,400 households were evacuated early on Tuesday, officials said.

The mayor, Ingrid Sallow, said the council “acted within hours”.
"""
PAGE = """<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>
<h1>Marrowby floods</h1>
<p>Around 1,400 households were evacuated early on Tuesday, officials said.</p>
</article></body></html>"""


def _mark(document: Document, quote: str, status: MarkStatus = MarkStatus.DISPUTED) -> ReviewMark:
    start = document.text.index(quote)
    return ReviewMark.create(
        document.source_id, document.text, start, start + len(quote), status, "Zoë", "?", WHEN
    )


def _story(folder: Path) -> tuple[Session, Document, Document]:
    """A file and a pasted text, with a mark on each."""
    path = folder / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    wire = load_document(path)
    pasted = document_from_clipboard(PASTED, None, WHEN)
    session = Session(
        sources=(SessionSource.of(wire), SessionSource.of(pasted)),
        marks=(_mark(wire, "1,200 households"), _mark(pasted, "1,400 households")),
        base=0,
        saved_at=WHEN,
    )
    return session, wire, pasted


# Round trip ---------------------------------------------------------------------------


def test_a_pasted_source_is_saved_with_its_text_and_reopens(tmp_path: Path) -> None:
    session, wire, pasted = _story(tmp_path)
    path = tmp_path / "review.compareapp"
    save_session(path, session)

    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 3
    file_source, pasted_source = data["sources"]
    assert file_source["embedded"] is None and file_source["relative_path"] == "wire.txt"
    assert pasted_source["path"] == "" and "relative_path" not in pasted_source
    assert pasted_source["embedded"] == {
        "text": PASTED,
        "format": PASTED_TEXT,
        "title": "",
        "author": "",
        "published": "",
    }
    assert pasted_source["name"] == pasted.name == f"Pasted {WHEN.astimezone():%Y-%m-%d %H:%M}"

    reopened = load_session(path)
    assert reopened == session
    document = embedded_document(reopened.sources[1])
    assert (document.text, document.name, document.source_id) == (
        pasted.text,
        pasted.name,
        pasted.source_id,
    )
    assert (document.sha256, document.format, document.loaded_at) == (
        pasted.sha256,
        PASTED_TEXT,
        pasted.loaded_at,
    )
    assert document.paragraphs == pasted.paragraphs
    assert not document.has_file
    # Unchanged text: the mark on it stays exactly where it was.
    documents = {wire.source_id: wire, pasted.source_id: document}
    assert tuple(reanchored_marks(reopened, documents)) == session.marks


def test_a_pasted_web_page_keeps_its_format_and_title(tmp_path: Path) -> None:
    pasted = document_from_clipboard(None, PAGE, WHEN)
    assert pasted.format == PASTED_WEB_PAGE and pasted.title == "Marrowby floods"
    session = Session(sources=(SessionSource.of(pasted),), saved_at=WHEN)
    reopened = parse_session(dump_session(session, tmp_path), folder=tmp_path)
    document = embedded_document(reopened.sources[0])
    assert (document.format, document.title, document.text) == (
        PASTED_WEB_PAGE,
        "Marrowby floods",
        pasted.text,
    )


def test_marks_follow_pasted_text_edited_in_the_session_file(tmp_path: Path) -> None:
    session, _wire, pasted = _story(tmp_path)
    data = json.loads(dump_session(session, tmp_path))
    inserted = "Live updates follow.\n\n"
    data["sources"][1]["embedded"]["text"] = inserted + PASTED
    reopened = parse_session(json.dumps(data).encode("utf-8"))
    document = embedded_document(reopened.sources[1])
    assert document.sha256 != reopened.sources[1].sha256 == pasted.sha256
    marks = reanchored_marks(reopened, {pasted.source_id: document})
    moved = marks.get(session.marks[1].id)
    assert moved.state is AnchorState.MOVED
    assert document.text[moved.anchor.start : moved.anchor.end] == "1,400 households"
    assert moved.anchor.start == session.marks[1].anchor.start + len(inserted)


def test_an_embedded_source_has_no_file_whatever_its_path_says(tmp_path: Path) -> None:
    session, _wire, _pasted = _story(tmp_path)
    data = json.loads(dump_session(session, tmp_path))
    (tmp_path / "decoy.txt").write_text("a file", encoding="utf-8")
    data["sources"][1]["path"] = str(tmp_path / "decoy.txt")
    data["sources"][1]["relative_path"] = "decoy.txt"
    source = parse_session(json.dumps(data).encode("utf-8"), folder=tmp_path).sources[1]
    assert source.path == ""
    assert embedded_document(source).text == PASTED


def test_pasted_documents_are_matched_by_id_never_by_their_empty_path() -> None:
    first = document_from_clipboard(PASTED, None, WHEN)
    second = document_from_clipboard(WIRE, None, WHEN, {first.name})
    sources = (SessionSource.of(second),)
    assert match_sources(sources, [first, second]) == {second.source_id: second}
    stranger = document_from_clipboard(WIRE, None, WHEN)  # another paste, another id
    assert match_sources(sources, [first, stranger]) == {}


def test_a_file_source_is_not_embedded() -> None:
    source = SessionSource("s1", "/nowhere/wire.txt", "wire.txt", "a" * 64, "utf-8", WHEN)
    with pytest.raises(ValueError, match="is a file"):
        embedded_document(source)


# Too large ----------------------------------------------------------------------------


def test_a_session_too_large_to_read_back_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, _wire, _pasted = _story(tmp_path)
    path = tmp_path / "review.compareapp"
    path.write_bytes(b"the old session")
    monkeypatch.setattr(session_module, "MAX_SESSION_BYTES", 1024)
    with pytest.raises(SessionTooLarge) as caught:
        save_session(path, session)
    assert isinstance(caught.value, OSError)
    assert caught.value.strerror is not None
    assert "over the 0 MB a session file can hold" in caught.value.strerror
    assert "close a pasted document" in caught.value.strerror
    assert path.read_bytes() == b"the old session"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.compareapp", "wire.txt"]


# Format 1 and the migration -----------------------------------------------------------

VERSION_1 = """{
 "format": "compareapp.session",
 "schema_version": 1,
 "app": "compareapp 0.1.0",
 "saved_at": "2026-03-04T10:05:30+01:00",
 "comparison": {"base": 1, "typographic": true},
 "sources": [
  {"id": "3f9a1c0d2b7e", "path": "/nowhere/wire-report.txt", "name": "wire-report.txt",
   "sha256": "dec078cb7c87ca3a36e0cc96550a798482ba9d9ebf3c406a6bcd9faafc1c9770",
   "encoding": "utf-8", "loaded_at": "2026-03-04T09:12:05+01:00",
   "relative_path": "wire-report.txt"},
  {"id": "b41e07f9a5c3", "path": "/nowhere/outlet-rewrite.txt", "name": "outlet-rewrite.txt",
   "sha256": "ee312e015bc423a4a43304337e51564a1a0cc1d8b30c862c988bb11e2786c647",
   "encoding": "cp1252", "loaded_at": "2026-03-04T09:12:05+01:00"}
 ],
 "marks": [
  {"id": "0e4b8d2f6a1c4e3b9d7a5c2e1f0b8a6d", "source": "b41e07f9a5c3", "status": "disputed",
   "note": "The wire says 1,200.", "reviewer": "Zoë",
   "created": "2026-03-04T09:45:10+01:00", "modified": "2026-03-04T09:45:10+01:00",
   "anchor": {"start": 74, "end": 97, "quote": "Around 1,400 households",
              "prefix": "mes as Tanner's Bridge is shut\\n\\n",
              "suffix": " in Marrowby were forced from th"},
   "anchor_state": "moved", "original_quote": "Around 1,300 households"}
 ]
}
"""
"""A session as compareapp 0.1.0 wrote it (format 1: every source a file)."""


def test_a_version_1_file_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "old.compareapp"
    path.write_text(VERSION_1, encoding="utf-8")
    session = load_session(path)
    assert [(s.id, s.path, s.name, s.encoding) for s in session.sources] == [
        ("3f9a1c0d2b7e", "/nowhere/wire-report.txt", "wire-report.txt", "utf-8"),
        ("b41e07f9a5c3", "/nowhere/outlet-rewrite.txt", "outlet-rewrite.txt", "cp1252"),
    ]
    assert all(source.embedded is None for source in session.sources)
    assert (session.base, session.typographic) == (1, True)
    (mark,) = session.marks
    assert (mark.source, mark.status, mark.quote, mark.state) == (
        "b41e07f9a5c3",
        MarkStatus.DISPUTED,
        "Around 1,400 households",
        AnchorState.MOVED,
    )
    assert mark.anchor.prefix.endswith("shut\n\n")
    # Saved again, it is a current (version-3) file with the same content.
    again = tmp_path / "again.compareapp"
    save_session(again, session)
    assert json.loads(again.read_text(encoding="utf-8"))["schema_version"] == 3
    assert load_session(again) == session


def test_the_migration_from_1_to_2_marks_every_source_a_file() -> None:
    old: dict[str, Any] = json.loads(VERSION_1)
    untouched = copy.deepcopy(old)
    raw = migrate(old)
    assert raw["schema_version"] == 3  # then 2 -> 3: nothing chosen (test_session_choices)
    assert [source["embedded"] for source in raw["sources"]] == [None, None]
    assert [source["name"] for source in raw["sources"]] == [
        "wire-report.txt",
        "outlet-rewrite.txt",
    ]
    assert old == untouched, "the caller's data keeps its old shape"


def test_the_migration_leaves_damage_for_the_reader_to_report() -> None:
    old: dict[str, Any] = json.loads(VERSION_1)
    old["sources"][1] = "wire.txt"
    with pytest.raises(SessionError, match="source 2 should be an object"):
        parse_session(json.dumps(old).encode("utf-8"), "old.compareapp")
    del old["sources"]
    with pytest.raises(SessionError, match="the session has no 'sources'"):
        parse_session(json.dumps(old).encode("utf-8"), "old.compareapp")


def _current(tmp_path: Path) -> dict[str, Any]:
    session, _wire, _pasted = _story(tmp_path)
    data: dict[str, Any] = json.loads(dump_session(session, tmp_path))
    return data


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda s: s.pop("embedded"), "source 2 has no 'embedded'"),
        (lambda s: s.update(embedded="text"), "source 2's 'embedded' should be an object"),
        (lambda s: s.update(embedded=[]), "source 2's 'embedded' should be an object"),
        (lambda s: s["embedded"].pop("text"), "source 2's embedded text has no 'text'"),
        (lambda s: s["embedded"].update(text=5), "embedded text's 'text' should be text"),
        (lambda s: s["embedded"].update(text=" \n "), "source 2's embedded text is empty"),
        (lambda s: s["embedded"].pop("format"), "source 2's embedded text has no 'format'"),
        (lambda s: s["embedded"].update(title=None), "embedded text's 'title' should be text"),
    ],
    ids=["missing", "a string", "a list", "no text", "number text", "blank text", "no format",
         "null title"],
)  # fmt: skip
def test_a_damaged_embedded_source_is_refused_clearly(
    tmp_path: Path, change: Any, reason: str
) -> None:
    data = _current(tmp_path)
    change(data["sources"][1])
    with pytest.raises(SessionError) as caught:
        parse_session(json.dumps(data).encode("utf-8"), "review.compareapp")
    assert str(caught.value).startswith("review.compareapp: ")
    assert reason in caught.value.reason


def test_a_version_2_file_source_must_say_it_is_not_embedded(tmp_path: Path) -> None:
    data = _current(tmp_path)
    del data["sources"][0]["embedded"]
    with pytest.raises(SessionError, match="source 1 has no 'embedded'"):
        parse_session(json.dumps(data).encode("utf-8"))


# compareapp compare --session ---------------------------------------------------------


def test_compare_with_a_session_compares_its_pasted_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session, wire, pasted = _story(tmp_path)
    path = tmp_path / "review.compareapp"
    save_session(path, session)

    assert cli.main(["compare", "--session", str(path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [d["name"] for d in report["documents"]] == ["wire.txt", pasted.name]
    assert [d["path"] for d in report["documents"]] == [wire.path, ""]
    assert report["links"]
    marks = [(m["doc"], m["quote"], m["anchor_state"]) for m in report["review"]["marks"]]
    assert marks == [(0, "1,200 households", "anchored"), (1, "1,400 households", "anchored")]

    assert cli.main(["compare", "--session", str(path)]) == 0
    text = capsys.readouterr().out
    assert f"{pasted.name}, anchored: “1,400 households”" in text


def test_compare_with_a_session_of_one_source_still_needs_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pasted = document_from_clipboard(PASTED, None, WHEN)
    path = tmp_path / "one.compareapp"
    save_session(path, Session(sources=(SessionSource.of(pasted),), saved_at=WHEN))
    with pytest.raises(SystemExit) as caught:
        cli.main(["compare", "--session", str(path)])
    assert caught.value.code == 2
    assert "needs at least two files" in capsys.readouterr().err


def test_embedded_text_dataclass_is_what_the_session_holds(tmp_path: Path) -> None:
    session, _wire, pasted = _story(tmp_path)
    assert session.sources[0].embedded is None
    assert session.sources[1].embedded == EmbeddedText(PASTED, PASTED_TEXT)
    assert session.sources[1].sha256 == pasted.sha256
