"""Sessions: saved and read back exactly, damaged files refused with a clear reason,
older formats migrated, sources found again and their marks re-anchored."""

from __future__ import annotations

import copy
import dataclasses
import json
import shutil
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text, load_document
from compareapp.core.review import session_file as session_module
from compareapp.core.review.anchors import AnchorState
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.core.review.session import SESSION_SUFFIX, Session, SessionError, SessionSource
from compareapp.core.review.session_file import (
    FORMAT,
    dump_session,
    load_session,
    migrate,
    parse_session,
    save_session,
)
from compareapp.core.review.session_sources import match_sources, reanchored_marks

WIRE = """Floods hit Marrowby

Around 1,200 households were evacuated on Tuesday, officials said.

“We acted within hours,” said Mayor Ingrid Sallow.
"""
REWRITE = """Marrowby floods

Around 1,400 households were evacuated early on Tuesday, officials said.
"""
WHEN = datetime(2026, 3, 4, 9, 30, 15, 123456, tzinfo=timezone(timedelta(hours=-5)))


def _write_doc(folder: Path, name: str, text: str) -> Document:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def _mark_on(document: Document, quote: str, **changes: Any) -> ReviewMark:
    start = document.text.index(quote)
    mark = ReviewMark.create(
        document.source_id,
        document.text,
        start,
        start + len(quote),
        MarkStatus.VERIFIED,
        "Zoë",
        when=WHEN,
    )
    return dataclasses.replace(mark, **changes)


def _session(folder: Path) -> tuple[Session, list[Document]]:
    """Two articles in ``folder`` and a session on them with marks in every state."""
    wire = _write_doc(folder, "wire.txt", WIRE)
    rewrite = _write_doc(folder, "rewrite.txt", REWRITE)
    marks = (
        _mark_on(wire, "1,200 households", note="Checked against the council’s release: ✓"),
        _mark_on(
            wire,
            "Mayor Ingrid Sallow",
            status=MarkStatus.DISPUTED,
            note="Spelling?\nThe rewrite says “Sallowe”.\n\n— Zoë, 東京 desk 🌊",
            state=AnchorState.MOVED,
            original_quote="Mayor Ingrid Sallowe",
            modified=WHEN + timedelta(days=1),
        ),
        _mark_on(rewrite, "early on Tuesday", note="", state=AnchorState.ORPHANED),
    )
    session = Session(
        sources=(SessionSource.of(wire), SessionSource.of(rewrite)),
        marks=marks,
        base=1,
        typographic=True,
        saved_at=WHEN,
    )
    return session, [wire, rewrite]


def _valid_data(folder: Path | None = None) -> dict[str, Any]:
    session = Session(
        sources=(
            SessionSource("s1", "/nowhere/wire.txt", "wire.txt", "a" * 64, "utf-8", WHEN),
            SessionSource("s2", "/nowhere/rewrite.txt", "rewrite.txt", "b" * 64, "cp1252", WHEN),
        ),
        marks=(
            dataclasses.replace(
                ReviewMark.create("s1", WIRE, 28, 44, MarkStatus.VERIFIED, "ana", when=WHEN),
                id="m1",
            ),
            dataclasses.replace(
                ReviewMark.create("s2", REWRITE, 17, 23, MarkStatus.DISPUTED, "bo", when=WHEN),
                id="m2",
            ),
        ),
        saved_at=WHEN,
    )
    data: dict[str, Any] = json.loads(dump_session(session, folder))
    return data


def _bytes(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


# Round trip ---------------------------------------------------------------------------


def test_save_then_load_gives_the_same_session(tmp_path: Path) -> None:
    folder = tmp_path.resolve()
    session, _ = _session(folder)
    path = folder / f"review{SESSION_SUFFIX}"
    save_session(path, session)
    loaded = load_session(path)
    assert loaded == session
    assert {mark.state for mark in loaded.marks} == set(AnchorState)
    assert loaded.marks[1].note == "Spelling?\nThe rewrite says “Sallowe”.\n\n— Zoë, 東京 desk 🌊"
    assert loaded.marks[1].reworded
    assert loaded.saved_at.utcoffset() == timedelta(hours=-5)
    assert loaded.saved_at.microsecond == 123456


def test_saved_file_is_readable_utf8_json(tmp_path: Path) -> None:
    folder = tmp_path.resolve()
    session, documents = _session(folder)
    path = folder / "review.compareapp"
    save_session(path, session)
    text = path.read_text(encoding="utf-8")
    assert "東京 desk 🌊" in text  # not \u-escaped
    data = json.loads(text)
    assert (data["format"], data["schema_version"]) == (FORMAT, 3)
    assert [source["embedded"] for source in data["sources"]] == [None, None]  # files
    assert [source["encoding_chosen"] for source in data["sources"]] == [False, False]
    assert [source["language"] for source in data["sources"]] == ["", ""]
    assert data["app"].startswith("compareapp ")
    assert data["comparison"] == {"base": 1, "typographic": True}
    assert [source["relative_path"] for source in data["sources"]] == ["wire.txt", "rewrite.txt"]
    assert data["sources"][0]["path"] == documents[0].path
    assert data["marks"][2]["anchor_state"] == "orphaned"
    assert data["marks"][1]["original_quote"] == "Mayor Ingrid Sallowe"
    assert data["marks"][0]["anchor"]["quote"] == "1,200 households"


def test_session_with_no_sources_or_marks_round_trips(tmp_path: Path) -> None:
    session = Session(sources=(), saved_at=WHEN)
    save_session(tmp_path / "empty.compareapp", session)
    assert load_session(tmp_path / "empty.compareapp") == session


def test_saving_again_replaces_the_file(tmp_path: Path) -> None:
    folder = tmp_path.resolve()
    session, _ = _session(folder)
    path = folder / "review.compareapp"
    save_session(path, session)
    smaller = dataclasses.replace(session, marks=session.marks[:1], base=0)
    save_session(path, smaller)
    assert load_session(path) == smaller


# Relative paths -----------------------------------------------------------------------


def test_moved_folder_finds_its_articles_at_the_new_place(tmp_path: Path) -> None:
    old = tmp_path.resolve() / "story"
    old.mkdir()
    session, _ = _session(old)
    save_session(old / "review.compareapp", session)
    new = tmp_path.resolve() / "archive" / "2026" / "floods"
    new.parent.mkdir(parents=True)
    shutil.move(old, new)
    assert not old.exists()

    loaded = load_session(new / "review.compareapp")
    assert [source.path for source in loaded.sources] == [
        str(new / "wire.txt"),
        str(new / "rewrite.txt"),
    ]
    assert [Path(source.path).read_text(encoding="utf-8") for source in loaded.sources] == [
        WIRE,
        REWRITE,
    ]
    assert loaded.marks == session.marks


def test_articles_in_a_sibling_folder_are_found_relative_to_the_session(tmp_path: Path) -> None:
    base = tmp_path.resolve() / "desk"
    (base / "articles").mkdir(parents=True)
    (base / "sessions").mkdir()
    session, _ = _session(base / "articles")
    save_session(base / "sessions" / "review.compareapp", session)
    data = json.loads((base / "sessions" / "review.compareapp").read_text(encoding="utf-8"))
    assert data["sources"][0]["relative_path"] == str(Path("..") / "articles" / "wire.txt")
    moved = tmp_path.resolve() / "moved"
    shutil.move(base, moved)
    loaded = load_session(moved / "sessions" / "review.compareapp")
    assert loaded.sources[0].path == str(moved / "articles" / "wire.txt")
    assert loaded.sources[1].path == str(moved / "articles" / "rewrite.txt")


def test_session_moved_without_its_articles_keeps_the_absolute_paths(tmp_path: Path) -> None:
    folder = tmp_path.resolve()
    session, documents = _session(folder)
    save_session(folder / "review.compareapp", session)
    (folder / "elsewhere").mkdir()
    shutil.move(folder / "review.compareapp", folder / "elsewhere" / "review.compareapp")
    loaded = load_session(folder / "elsewhere" / "review.compareapp")
    assert [source.path for source in loaded.sources] == [d.path for d in documents]


def test_relative_path_that_cannot_be_looked_up_is_ignored(tmp_path: Path) -> None:
    data = _valid_data()
    data["sources"][0]["relative_path"] = "x" * 5000  # longer than any file name may be
    data["sources"][1]["relative_path"] = 42
    session = parse_session(_bytes(data), "s.compareapp", tmp_path)
    assert [source.path for source in session.sources] == [
        "/nowhere/wire.txt",
        "/nowhere/rewrite.txt",
    ]


# Damaged files ------------------------------------------------------------------------


def _mutated(change: Callable[[dict[str, Any]], object]) -> bytes:
    data = _valid_data()
    change(data)
    return _bytes(data)


def _set(keys: tuple[str | int, ...], value: object) -> Callable[[dict[str, Any]], object]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


def _delete(keys: tuple[str | int, ...]) -> Callable[[dict[str, Any]], object]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]

    return change


VALID = _bytes(_valid_data())
DAMAGED = {
    "not JSON": (b"Floods hit Marrowby\n", "is damaged or not a session file (JSON error"),
    "empty": (b"", "is damaged or not a session file"),
    "truncated": (VALID[: len(VALID) // 2], "is damaged or not a session file (JSON error"),
    "not UTF-8": (b'{"format": "compareapp.session", "x": "\xff\xfe"}', "not UTF-8"),
    "UTF-16": (json.dumps(_valid_data()).encode("utf-16"), "not UTF-8"),
    "JSON array": (b"[1, 2, 3]", "is not a compareapp session file"),
    "JSON string": (b'"compareapp.session"', "is not a compareapp session file"),
    "missing format": (_mutated(_delete(("format",))), "is not a compareapp session file"),
    "other format": (_mutated(_set(("format",), "compareapp.comparison")), "is not a compareapp"),
    "missing schema_version": (_mutated(_delete(("schema_version",))), "no valid schema_version"),
    "text schema_version": (_mutated(_set(("schema_version",), "1")), "no valid schema_version"),
    "zero schema_version": (_mutated(_set(("schema_version",), 0)), "no valid schema_version"),
    "bool schema_version": (_mutated(_set(("schema_version",), True)), "no valid schema_version"),
    "missing marks": (_mutated(_delete(("marks",))), "the session has no 'marks'"),
    "marks not a list": (_mutated(_set(("marks",), {})), "the session's 'marks' should be a list"),
    "mark not an object": (_mutated(_set(("marks", 0), "m1")), "mark 1 should be an object"),
    "source not an object": (_mutated(_set(("sources", 1), None)), "source 2 should be an object"),
    "text offset": (
        _mutated(_set(("marks", 1, "anchor", "start"), "17")),
        "mark 2's anchor's 'start' should be a whole number",
    ),
    "float offset": (
        _mutated(_set(("marks", 0, "anchor", "end"), 44.0)),
        "mark 1's anchor's 'end' should be a whole number",
    ),
    "number note": (_mutated(_set(("marks", 0, "note"), 5)), "mark 1's 'note' should be text"),
    "missing quote": (
        _mutated(_delete(("marks", 0, "anchor", "quote"))),
        "mark 1's anchor has no 'quote'",
    ),
    "empty range": (
        _mutated(_set(("marks", 0, "anchor", "end"), 28)),
        "mark 1 has an empty or negative range",
    ),
    "negative range": (
        _mutated(_set(("marks", 0, "anchor", "start"), -3)),
        "mark 1 has an empty or negative range",
    ),
    "unknown status": (
        _mutated(_set(("marks", 0, "status"), "maybe")),
        "mark 1's 'status' is 'maybe', not one of verified, disputed",
    ),
    "unknown anchor state": (
        _mutated(_set(("marks", 1, "anchor_state"), "lost")),
        "mark 2's 'anchor_state' is 'lost', not one of anchored, moved, orphaned",
    ),
    "bad time": (
        _mutated(_set(("marks", 0, "created"), "yesterday")),
        "mark 1's 'created' is not an ISO 8601 time: 'yesterday'",
    ),
    "time out of range": (
        _mutated(_set(("saved_at",), "0001-01-01T00:00:00")),
        "the session's 'saved_at' is not an ISO 8601 time",
    ),
    "unknown source": (
        _mutated(_set(("marks", 1, "source"), "s9")),
        "mark 2 belongs to source 's9', which the session does not list",
    ),
    "duplicate mark ids": (_mutated(_set(("marks", 1, "id"), "m1")), "two marks with the same id"),
    "duplicate source ids": (
        _mutated(_set(("sources", 1, "id"), "s1")),
        "lists the same source id twice",
    ),
    "base out of range": (
        _mutated(_set(("comparison", "base"), 2)),
        "has base 2, but only 2 sources",
    ),
    "negative base": (_mutated(_set(("comparison", "base"), -1)), "has base -1"),
    "bool base": (
        _mutated(_set(("comparison", "base"), True)),
        "the comparison's 'base' should be a whole number",
    ),
    "text typographic": (
        _mutated(_set(("comparison", "typographic"), "no")),
        "the comparison's 'typographic' should be true or false",
    ),
    "missing comparison": (_mutated(_delete(("comparison",))), "has no 'comparison'"),
    "nested too deep": (b'{"format": "compareapp.session", "x": ' + b"[" * 100_000, "damaged"),
    "number too long": (
        b'{"format": "compareapp.session", "schema_version": ' + b"9" * 5000 + b"}",
        "damaged",
    ),
}


@pytest.mark.parametrize(("data", "reason"), DAMAGED.values(), ids=DAMAGED.keys())
def test_damaged_file_names_the_file_and_the_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "review.compareapp"
    path.write_bytes(data)
    with pytest.raises(SessionError) as caught:
        load_session(path)
    assert caught.value.path == str(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert reason in caught.value.reason
    assert reason in str(caught.value)


def test_valid_data_of_the_damaged_cases_loads(tmp_path: Path) -> None:
    path = tmp_path / "review.compareapp"
    path.write_bytes(VALID)
    session = load_session(path)
    assert [mark.id for mark in session.marks] == ["m1", "m2"]
    assert session.marks[0].quote == WIRE[28:44] == "1,200 households"


def test_a_folder_is_not_a_session(tmp_path: Path) -> None:
    with pytest.raises(SessionError, match="is a folder, not a session file") as caught:
        load_session(tmp_path)
    assert caught.value.path == str(tmp_path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gone.compareapp"
    with pytest.raises(SessionError) as caught:
        load_session(path)
    assert str(caught.value) == f"{path}: no such file"


def test_a_huge_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.compareapp"
    path.write_bytes(b" " * 3 * 2**20)
    monkeypatch.setattr(session_module, "MAX_SESSION_BYTES", 2**20)
    with pytest.raises(SessionError, match="is 3 MB, too large for a session file"):
        load_session(path)


def test_newer_format_asks_for_a_newer_compareapp(tmp_path: Path) -> None:
    data = _valid_data()
    data["schema_version"] = 4
    data["something_new"] = {"added": "later"}
    path = tmp_path / "future.compareapp"
    path.write_bytes(_bytes(data))
    with pytest.raises(SessionError) as caught:
        load_session(path)
    assert str(caught.value).startswith(f"{path}: ")
    reason = caught.value.reason
    assert "was written by a newer compareapp" in reason
    assert "session format 4" in reason and "reads up to 3" in reason
    assert "update compareapp" in reason


def test_unknown_keys_of_the_current_format_are_ignored() -> None:
    data = _valid_data()
    data["extra"] = [1, 2]
    data["marks"][0]["colour"] = "yellow"
    assert len(parse_session(_bytes(data)).marks) == 2


# Migrations ---------------------------------------------------------------------------


def _version_1_of_a_pretend_version_2() -> dict[str, Any]:
    """Data as a pretend version 1 wrote it: the base and typographic flag at the top
    level, and marks called "reviews"."""
    data = _valid_data()
    comparison = data.pop("comparison")
    data["base"] = comparison["base"]
    data["typographic"] = comparison["typographic"]
    data["reviews"] = data.pop("marks")
    data["schema_version"] = 1
    return data


def _from_1_to_2(raw: dict[str, Any]) -> dict[str, Any]:
    raw["comparison"] = {"base": raw.pop("base"), "typographic": raw.pop("typographic")}
    raw["marks"] = raw.pop("reviews")
    return raw


def test_older_format_is_migrated(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = parse_session(VALID)
    monkeypatch.setattr(session_module, "SCHEMA_VERSION", 2)
    old = _version_1_of_a_pretend_version_2()
    session = parse_session(_bytes(old), "old.compareapp", migrations={1: _from_1_to_2})
    assert session == expected
    # migrate() hands the step a copy: the caller's data keeps its old shape.
    untouched = copy.deepcopy(old)
    raw = migrate(old, {1: _from_1_to_2})
    assert (raw["schema_version"], "reviews" in raw, "marks" in raw) == (2, False, True)
    assert old == untouched


def test_current_format_is_not_migrated(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = parse_session(VALID)
    monkeypatch.setattr(session_module, "SCHEMA_VERSION", 2)
    data = _valid_data()
    data["schema_version"] = 2

    def fail(raw: dict[str, Any]) -> dict[str, Any]:
        raise AssertionError("a current session was migrated")

    assert parse_session(_bytes(data), migrations={1: fail}) == expected


def test_migrations_run_one_version_at_a_time_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_module, "SCHEMA_VERSION", 4)
    seen: list[tuple[int, object]] = []

    def step(version: int) -> Callable[[dict[str, Any]], dict[str, Any]]:
        def run(raw: dict[str, Any]) -> dict[str, Any]:
            seen.append((version, raw["schema_version"]))
            raw["steps"] = [*raw.get("steps", []), version]
            return raw

        return run

    data = _valid_data()
    data["schema_version"] = 1
    raw = migrate(data, {3: step(3), 1: step(1), 2: step(2)})
    assert seen == [(1, 1), (2, 2), (3, 3)]
    assert raw["steps"] == [1, 2, 3]
    assert raw["schema_version"] == 4

    seen.clear()
    data["schema_version"] = 2
    raw = migrate(data, {1: step(1), 2: step(2), 3: step(3)})
    assert seen == [(2, 2), (3, 3)]
    assert raw["steps"] == [2, 3]


def test_a_version_without_a_migration_is_refused_clearly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(session_module, "SCHEMA_VERSION", 3)
    data = _valid_data()
    data["schema_version"] = 1
    with pytest.raises(SessionError) as caught:
        parse_session(_bytes(data), "old.compareapp", migrations={1: lambda raw: raw})
    assert str(caught.value) == ("old.compareapp: uses session format 2, which cannot be converted")


def test_the_shipped_format_needs_no_migration() -> None:
    assert session_module.SCHEMA_VERSION == 3
    assert sorted(session_module.MIGRATIONS) == [1, 2]  # test_session_embedded, _choices
    data = _valid_data()
    assert migrate(data) is data


# Sources found again ------------------------------------------------------------------


def _document(name: str, path: str, source_id: str, text: str = WIRE) -> Document:
    document = document_from_text(text, path=path, name=name, sha256="0" * 64, encoding="utf-8")
    return dataclasses.replace(document, source_id=source_id)


def _source(source_id: str, path: str, name: str, sha256: str = "0" * 64) -> SessionSource:
    return SessionSource(source_id, path, name, sha256, "utf-8", WHEN)


def test_match_sources_by_id_then_path_then_name() -> None:
    sources = (
        _source("a", "/news/a.txt", "a.txt"),
        _source("b", "/news/b.txt", "b.txt"),
        _source("c", "/news/c.txt", "c.txt"),
        _source("d", "/news/d.txt", "d.txt"),
    )
    by_name = _document("c.txt", "/downloads/c.txt", "x3")
    by_path = _document("renamed.txt", "/news/b.txt", "x2")
    by_id = _document("other.txt", "/elsewhere/other.txt", "a")
    stranger = _document("e.txt", "/news/e.txt", "x5")
    found = match_sources(sources, [by_name, by_path, stranger, by_id])
    assert found == {"a": by_id, "b": by_path, "c": by_name}
    assert all(found[key] is document for key, document in found.items())


def test_match_sources_uses_each_document_once() -> None:
    sources = (
        _source("a", "/news/a.txt", "story.txt"),
        _source("b", "/old/story.txt", "story.txt"),
    )
    only = _document("story.txt", "/downloads/story.txt", "x")
    assert match_sources(sources, [only]) == {"a": only}
    # An id match is not taken away by an earlier source's name match.
    by_id = _document("story.txt", "/downloads/story.txt", "b")
    found = match_sources(sources, [by_id, only])
    assert found["b"] is by_id and found["a"] is only


def test_match_sources_prefers_path_over_name() -> None:
    sources = (_source("a", "/news/story.txt", "story.txt"),)
    same_name = _document("story.txt", "/downloads/story.txt", "x1")
    same_path = _document("story.txt", "/news/story.txt", "x2")
    assert match_sources(sources, [same_name, same_path]) == {"a": same_path}


def test_reanchored_marks_reanchors_only_sources_whose_file_changed(tmp_path: Path) -> None:
    session, documents = _session(tmp_path.resolve())
    wire, rewrite = documents
    unchanged_mark = session.marks[2]
    # The wire copy gained a line in front; the rewrite's text differs too, but its
    # checksum says it is the same file, so its marks are left as they are.
    edited_wire = document_from_text(
        "UPDATE 1\n\n" + wire.text,
        path=wire.path,
        name=wire.name,
        sha256="f" * 64,
        encoding="utf-8",
    )
    edited_wire = dataclasses.replace(edited_wire, source_id=wire.source_id)
    same_rewrite = dataclasses.replace(
        document_from_text(
            "Different text\n",
            path=rewrite.path,
            name=rewrite.name,
            sha256=rewrite.sha256,
            encoding="utf-8",
        ),
        source_id=rewrite.source_id,
    )
    marks = reanchored_marks(
        session, {wire.source_id: edited_wire, rewrite.source_id: same_rewrite}
    )
    first, second, third = list(marks)
    assert first.state is AnchorState.MOVED
    assert first.anchor.start == session.marks[0].anchor.start + len("UPDATE 1\n\n")
    assert second.state is AnchorState.MOVED
    assert second.quote == "Mayor Ingrid Sallow"
    assert third == unchanged_mark  # orphaned before, and not looked at again
    assert session.marks[0].state is AnchorState.ANCHORED  # the session itself is unchanged


def test_reanchored_marks_leaves_marks_of_missing_sources(tmp_path: Path) -> None:
    session, _ = _session(tmp_path.resolve())
    marks = reanchored_marks(session, {})
    assert list(marks) == list(session.marks)


# Fuzzing ------------------------------------------------------------------------------

_TRICKY = [
    "compareapp.session",
    "verified",
    "orphaned",
    "2026-03-04T09:30:00",
    "0001-01-01T00:00:00",  # no time zone, and no local time that early
    "9999-12-31T23:59:59-12:00",
    "../" * 50,
    "n" * 300,  # longer than a file name may be
    -1,
    0,
    2**64,
]
_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(_TRICKY)
)
_json = st.recursive(
    _scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


def _paths(value: object, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found: list[tuple[str | int, ...]] = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


@st.composite
def _mutated_sessions(draw: st.DrawFn) -> object:
    data: Any = _valid_data()
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        if not paths:
            break
        keys = draw(st.sampled_from(paths))
        parent: Any = data
        for key in keys[:-1]:
            parent = parent[key]
        if draw(st.booleans()):
            del parent[keys[-1]]
        else:
            parent[keys[-1]] = draw(st.sampled_from(_TRICKY) | _json)
    return data


def _parses_or_says_why(data: bytes) -> None:
    folder = Path(__file__).parent
    try:
        session = parse_session(data, "fuzz.compareapp", folder)
    except SessionError as error:
        assert error.path == "fuzz.compareapp"
        assert error.reason
    else:
        assert isinstance(session, Session)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_json)
def test_any_json_value_parses_or_raises_session_error(value: object) -> None:
    _parses_or_says_why(_bytes(value))
    _parses_or_says_why(_bytes({"format": FORMAT, "schema_version": 1, "x": value}))


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated_sessions())
def test_any_damage_to_a_valid_session_parses_or_raises_session_error(value: object) -> None:
    _parses_or_says_why(_bytes(value))


@given(st.binary(max_size=200))
def test_any_bytes_parse_or_raise_session_error(data: bytes) -> None:
    _parses_or_says_why(data)
    _parses_or_says_why(VALID[: len(data)])
