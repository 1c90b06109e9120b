"""Session files: a :class:`Session` saved as JSON (format in docs/session-format.md)
and read back with every field checked.

Reading never guesses: a file that is not a session, is damaged, or was written by a
newer version raises :class:`SessionError` naming the file and the reason. Older
versions are brought up to date by :data:`MIGRATIONS`, one version at a time.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from compareapp import __version__
from compareapp.core.review.anchors import AnchorState, TextAnchor
from compareapp.core.review.atomic_file import write_atomically
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.core.review.session import EmbeddedText, Session, SessionError, SessionSource

FORMAT = "compareapp.session"
SCHEMA_VERSION = 3
MAX_SESSION_BYTES = 64 * 1024 * 1024

T = TypeVar("T")
E = TypeVar("E", MarkStatus, AnchorState)

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _sources_are_files(raw: dict[str, Any]) -> dict[str, Any]:
    """1 → 2: version 2 can keep a source's text in the session (``embedded``, null for a
    file); every source of version 1 is a file."""
    sources = raw.get("sources")
    if isinstance(sources, list):  # anything else is refused when the session is read
        raw["sources"] = [
            {**source, "embedded": None} if isinstance(source, dict) else source
            for source in sources
        ]
    return raw


def _nothing_chosen(raw: dict[str, Any]) -> dict[str, Any]:
    """2 → 3: version 3 keeps the user's choice of a source's encoding and language
    (``encoding_chosen``, ``language``); in version 2 both were always as detected."""
    sources = raw.get("sources")
    if isinstance(sources, list):
        raw["sources"] = [
            {**source, "encoding_chosen": False, "language": ""}
            if isinstance(source, dict)
            else source
            for source in sources
        ]
    return raw


MIGRATIONS: dict[int, Migration] = {1: _sources_are_files, 2: _nothing_chosen}
"""Version ``n`` → a function that turns a version-``n`` session into version ``n + 1``."""


class SessionTooLarge(OSError):
    """A session that would be too large to be read back, refused before it is written."""


def save_session(path: str | os.PathLike[str], session: Session) -> None:
    """Write ``session`` to ``path`` atomically (the old file stays whole until the new one
    is complete). A session too large to be read back (pasted texts can make it so) raises
    :class:`SessionTooLarge` and nothing is written."""
    data = dump_session(session, Path(path).parent)
    if len(data) > MAX_SESSION_BYTES:
        raise SessionTooLarge(
            errno.EFBIG,
            f"the session would be {len(data) / 2**20:.0f} MB, over the "
            f"{MAX_SESSION_BYTES // 2**20} MB a session file can hold; close a pasted "
            "document or save its text as a file",
        )
    write_atomically(path, data)


def dump_session(session: Session, folder: Path | None = None) -> bytes:
    """The session as UTF-8 JSON; source paths are also kept relative to ``folder``, so
    that a folder moved with its articles still opens."""
    data = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "app": f"compareapp {__version__}",
        "saved_at": _time(session.saved_at),
        "comparison": {"base": session.base, "typographic": session.typographic},
        "sources": [_source_data(source, folder) for source in session.sources],
        "marks": [_mark_data(mark) for mark in session.marks],
    }
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    # A lone surrogate (a file name that is not UTF-8, as Python reads it; a "\ud800"
    # escape in a session file) cannot be UTF-8: it is written as the JSON escape, which
    # reads back as the same character.
    return text.encode("utf-8", "backslashreplace")


def _source_data(source: SessionSource, folder: Path | None) -> dict[str, Any]:
    data = {
        "id": source.id,
        "path": source.path,
        "name": source.name,
        "sha256": source.sha256,
        "encoding": source.encoding,
        "loaded_at": _time(source.loaded_at),
        "embedded": _embedded_data(source.embedded),
        "encoding_chosen": source.encoding_chosen,
        "language": source.language,
    }
    if folder is not None and source.embedded is None:
        with contextlib.suppress(ValueError):  # another drive on Windows
            data["relative_path"] = os.path.relpath(source.path, folder)
    return data


def _embedded_data(embedded: EmbeddedText | None) -> dict[str, str] | None:
    if embedded is None:
        return None
    return {
        "text": embedded.text,
        "format": embedded.format,
        "title": embedded.title,
        "author": embedded.author,
        "published": embedded.published,
    }


def _mark_data(mark: ReviewMark) -> dict[str, Any]:
    anchor = mark.anchor
    return {
        "id": mark.id,
        "source": mark.source,
        "status": mark.status.value,
        "note": mark.note,
        "reviewer": mark.reviewer,
        "created": _time(mark.created),
        "modified": _time(mark.modified),
        "anchor": {
            "start": anchor.start,
            "end": anchor.end,
            "quote": anchor.quote,
            "prefix": anchor.prefix,
            "suffix": anchor.suffix,
        },
        "anchor_state": mark.state.value,
        "original_quote": mark.original_quote,
    }


def _time(value: datetime) -> str:
    return value.isoformat()


# Reading ------------------------------------------------------------------------------


def load_session(path: str | os.PathLike[str]) -> Session:
    """Read the session file at ``path``; relative source paths are resolved from its
    folder when the file is found there."""
    try:
        size = os.path.getsize(path)
        if size > MAX_SESSION_BYTES:
            raise SessionError(path, f"is {size // 2**20} MB, too large for a session file")
        with open(path, "rb") as stream:
            data = stream.read()
    except FileNotFoundError:
        raise SessionError(path, "no such file") from None
    except IsADirectoryError:
        raise SessionError(path, "is a folder, not a session file") from None
    except OSError as error:
        raise SessionError(path, error.strerror or str(error)) from None
    return parse_session(data, path, Path(path).parent)


def parse_session(
    data: bytes,
    path: str | os.PathLike[str] = "<session>",
    folder: Path | None = None,
    migrations: Mapping[int, Migration] = MIGRATIONS,
) -> Session:
    """The session in ``data``, or a :class:`SessionError` saying what is wrong."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SessionError(path, "is not a session file (not UTF-8 text)") from None
    except json.JSONDecodeError as error:
        raise SessionError(
            path, f"is damaged or not a session file (JSON error at line {error.lineno})"
        ) from None
    except (ValueError, RecursionError):  # a number too long to read; nesting too deep
        raise SessionError(path, "is damaged or not a session file") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise SessionError(path, "is not a compareapp session file")
    try:
        raw = migrate(raw, migrations)
        return _session(raw, folder)
    except _Invalid as error:
        raise SessionError(path, str(error)) from None


def migrate(
    raw: dict[str, Any], migrations: Mapping[int, Migration] = MIGRATIONS
) -> dict[str, Any]:
    """Bring a session's data up to :data:`SCHEMA_VERSION`."""
    version = raw.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _Invalid("has no valid schema_version")
    if version > SCHEMA_VERSION:
        raise _Invalid(
            f"was written by a newer compareapp (session format {version}; this version "
            f"reads up to {SCHEMA_VERSION}); update compareapp to open it"
        )
    while version < SCHEMA_VERSION:
        if version not in migrations:
            raise _Invalid(f"uses session format {version}, which cannot be converted")
        raw = migrations[version](dict(raw))
        version += 1
        raw["schema_version"] = version
    return raw


class _Invalid(ValueError):
    """A field that is missing or of the wrong kind; the message says which."""


def _session(raw: dict[str, Any], folder: Path | None) -> Session:
    comparison = _get(raw, "comparison", dict, "the session")
    sources = tuple(
        _source(_item(item, f"source {number}"), folder, f"source {number}")
        for number, item in enumerate(_get(raw, "sources", list, "the session"), 1)
    )
    known = {source.id for source in sources}
    if len(known) != len(sources):
        raise _Invalid("lists the same source id twice")
    marks = tuple(
        _mark(_item(item, f"mark {number}"), known, f"mark {number}")
        for number, item in enumerate(_get(raw, "marks", list, "the session"), 1)
    )
    if len({mark.id for mark in marks}) != len(marks):
        raise _Invalid("has two marks with the same id")
    base = _get(comparison, "base", int, "the comparison")
    if sources and not 0 <= base < len(sources):
        raise _Invalid(f"has base {base}, but only {len(sources)} sources")
    return Session(
        sources=sources,
        marks=marks,
        base=base,
        typographic=_get(comparison, "typographic", bool, "the comparison"),
        saved_at=_datetime(raw, "saved_at", "the session"),
    )


def _source(raw: dict[str, Any], folder: Path | None, where: str) -> SessionSource:
    path = _get(raw, "path", str, where)
    embedded = _embedded(raw, where)
    relative = raw.get("relative_path")
    if embedded is not None:
        path = ""  # kept in the session: no file to look for
    elif folder is not None and isinstance(relative, str):
        candidate = folder / relative
        with contextlib.suppress(OSError):  # a name too long, a folder not readable
            if candidate.exists():
                path = str(candidate.resolve())
    return SessionSource(
        id=_get(raw, "id", str, where),
        path=path,
        name=_get(raw, "name", str, where),
        sha256=_get(raw, "sha256", str, where),
        encoding=_get(raw, "encoding", str, where),
        loaded_at=_datetime(raw, "loaded_at", where),
        embedded=embedded,
        encoding_chosen=_get(raw, "encoding_chosen", bool, where),
        language=_get(raw, "language", str, where),
    )


def _embedded(raw: dict[str, Any], where: str) -> EmbeddedText | None:
    if "embedded" not in raw:
        raise _Invalid(f"{where} has no 'embedded'")
    if raw["embedded"] is None:
        return None
    data = _get(raw, "embedded", dict, where)
    place = f"{where}'s embedded text"
    text = _get(data, "text", str, place)
    if not text.strip():
        raise _Invalid(f"{place} is empty")
    return EmbeddedText(
        text=text,
        format=_get(data, "format", str, place),
        title=_get(data, "title", str, place),
        author=_get(data, "author", str, place),
        published=_get(data, "published", str, place),
    )


def _mark(raw: dict[str, Any], sources: set[str], where: str) -> ReviewMark:
    source = _get(raw, "source", str, where)
    if source not in sources:
        raise _Invalid(f"{where} belongs to source {source!r}, which the session does not list")
    anchor_data = _get(raw, "anchor", dict, where)
    anchor = TextAnchor(
        start=_get(anchor_data, "start", int, f"{where}'s anchor"),
        end=_get(anchor_data, "end", int, f"{where}'s anchor"),
        quote=_get(anchor_data, "quote", str, f"{where}'s anchor"),
        prefix=_get(anchor_data, "prefix", str, f"{where}'s anchor"),
        suffix=_get(anchor_data, "suffix", str, f"{where}'s anchor"),
    )
    if not 0 <= anchor.start < anchor.end or not anchor.quote:
        raise _Invalid(f"{where} has an empty or negative range")
    return ReviewMark(
        id=_get(raw, "id", str, where),
        source=source,
        status=_choice(raw, "status", MarkStatus, where),
        note=_get(raw, "note", str, where),
        reviewer=_get(raw, "reviewer", str, where),
        created=_datetime(raw, "created", where),
        modified=_datetime(raw, "modified", where),
        anchor=anchor,
        state=_choice(raw, "anchor_state", AnchorState, where),
        original_quote=_get(raw, "original_quote", str, where),
    )


def _get(raw: dict[str, Any], key: str, kind: type[T], where: str) -> T:
    if key not in raw:
        raise _Invalid(f"{where} has no {key!r}")
    value = raw[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Invalid(f"{where}'s {key!r} should be {_KIND_NAMES.get(kind, kind.__name__)}")
    return value


_KIND_NAMES = {str: "text", int: "a whole number", bool: "true or false", list: "a list",
               dict: "an object"}  # fmt: skip


def _item(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(f"{where} should be an object")
    return value


def _choice(raw: dict[str, Any], key: str, kind: type[E], where: str) -> E:
    value = _get(raw, key, str, where)
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise _Invalid(f"{where}'s {key!r} is {value!r}, not one of {allowed}") from None


def _datetime(raw: dict[str, Any], key: str, where: str) -> datetime:
    value = _get(raw, key, str, where)
    try:
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.astimezone()
    except (ValueError, OverflowError, OSError):  # astimezone: out of the local range
        raise _Invalid(f"{where}'s {key!r} is not an ISO 8601 time: {value!r}") from None


# Sources found again ------------------------------------------------------------------
