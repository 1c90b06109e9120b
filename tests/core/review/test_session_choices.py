"""Session format 3: the user's choice of a source's encoding (View > Reopen with
Encoding) and language (View > Document Language) is saved, the file is read with them
again, and marks on a source read in another encoding are re-anchored in its new text."""

from __future__ import annotations

import copy
import dataclasses
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import load_document
from compareapp.core.documents.pasted import document_from_clipboard
from compareapp.core.review.anchors import AnchorState
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.core.review.session import Session, SessionError, SessionSource
from compareapp.core.review.session_file import (
    dump_session,
    load_session,
    migrate,
    parse_session,
    save_session,
)
from compareapp.core.review.session_sources import (
    find_sources,
    open_source,
    reanchored_marks,
    text_version,
)

WHEN = datetime(2026, 12, 6, 9, 30, tzinfo=timezone(timedelta(hours=1)))
MENU = "The chef served a crème brûlée at the café on Friday.\n\nGuests loved it.\n"
SHORT = "Around 1,400 households were evacuated on Tuesday.\n"


def _mark(document: Document, quote: str) -> ReviewMark:
    start = document.text.index(quote)
    end = start + len(quote)
    return ReviewMark.create(
        document.source_id, document.text, start, end, MarkStatus.DISPUTED, "Zoë", "", WHEN
    )


def _menu(folder: Path) -> Path:
    path = folder / "menu.txt"
    path.write_bytes(MENU.encode("cp1252"))
    return path


def test_chosen_encoding_and_language_are_saved_and_the_file_is_read_with_them(
    tmp_path: Path,
) -> None:
    chosen = load_document(_menu(tmp_path), encoding="cp1250", language="fr")
    pasted = dataclasses.replace(document_from_clipboard(SHORT, None, WHEN), language_override="en")
    session = Session(sources=(SessionSource.of(chosen), SessionSource.of(pasted)), saved_at=WHEN)
    path = tmp_path / "review.compareapp"
    save_session(path, session)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 3
    assert [(s["encoding"], s["encoding_chosen"], s["language"]) for s in data["sources"]] == [
        ("cp1250", True, "fr"),
        ("", False, "en"),
    ]
    loaded = load_session(path)
    assert loaded == session
    reopened = [open_source(source) for source in find_sources(loaded).present]
    assert (reopened[0].encoding, reopened[0].encoding_chosen) == ("cp1250", True)
    assert "crčme brűlée" in reopened[0].text
    assert [d.language for d in reopened] == ["fr", "en"]
    assert reopened[0].source_id == chosen.source_id


def test_an_assumed_encoding_is_assumed_again(tmp_path: Path) -> None:
    """A source whose encoding the decoder assumed is decoded afresh: the session's
    encoding is a record, not a choice."""
    assumed = load_document(_menu(tmp_path))
    source = dataclasses.replace(SessionSource.of(assumed), encoding="cp1250")
    assert source.encoding_chosen is False
    assert open_source(source).encoding == "cp1252"


def test_marks_follow_a_source_reopened_in_another_encoding(tmp_path: Path) -> None:
    assumed = load_document(_menu(tmp_path))
    session = Session(
        sources=(SessionSource.of(assumed),),
        marks=(_mark(assumed, "crème brûlée at the café"),),
        saved_at=WHEN,
    )
    chosen = dataclasses.replace(
        load_document(assumed.path, encoding="cp1250"), source_id=assumed.source_id
    )
    assert chosen.sha256 == assumed.sha256 and text_version(chosen) != text_version(assumed)
    [mark] = reanchored_marks(session, {assumed.source_id: chosen})
    assert mark.quote == "crčme brűlée at the café"
    assert mark.state is AnchorState.MOVED
    assert mark.original_quote == "crème brûlée at the café"
    # Read as the session read it, the marks stay as they were.
    [same] = reanchored_marks(session, {assumed.source_id: assumed})
    assert (same.quote, same.state) == ("crème brûlée at the café", AnchorState.ANCHORED)


def test_a_version_2_file_is_migrated_to_nothing_chosen(tmp_path: Path) -> None:
    document = load_document(_menu(tmp_path))
    current: dict[str, Any] = json.loads(
        dump_session(Session(sources=(SessionSource.of(document),), saved_at=WHEN))
    )
    old = copy.deepcopy(current)
    old["schema_version"] = 2
    for source in old["sources"]:
        del source["encoding_chosen"], source["language"]
    untouched = copy.deepcopy(old)
    raw = migrate(old)
    assert raw["schema_version"] == 3
    assert [(s["encoding_chosen"], s["language"]) for s in raw["sources"]] == [(False, "")]
    assert old == untouched
    assert parse_session(json.dumps(old).encode()).sources == (SessionSource.of(document),)


def test_a_version_3_source_must_say_what_was_chosen(tmp_path: Path) -> None:
    document = load_document(_menu(tmp_path))
    data: dict[str, Any] = json.loads(
        dump_session(Session(sources=(SessionSource.of(document),), saved_at=WHEN))
    )
    del data["sources"][0]["language"]
    with pytest.raises(SessionError, match="source 1 has no 'language'"):
        parse_session(json.dumps(data).encode())
    data["sources"][0]["language"] = ""
    data["sources"][0]["encoding_chosen"] = "yes"
    with pytest.raises(SessionError, match="'encoding_chosen' should be true or false"):
        parse_session(json.dumps(data).encode())
