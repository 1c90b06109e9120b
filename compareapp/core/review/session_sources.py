"""A session's sources as documents again: which are present, which are missing, which
document is which source, and the marks re-anchored in sources that changed.

The command line and the window open a session's sources with the same two functions:
:func:`find_sources` says which are missing (the command line names them and exits; the
window offers to locate them) and :func:`open_source` reads each present one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from compareapp.core.documents.document import Document
from compareapp.core.review.marks import ReviewMark, ReviewMarks
from compareapp.core.review.session import Session, SessionSource


@dataclass(frozen=True)
class FoundSources:
    """A session's sources, in its order: those that can be opened (files found, texts
    kept in the session) and the files that are missing."""

    present: tuple[SessionSource, ...]
    missing: tuple[SessionSource, ...]
    base_id: str
    """The id of the session's base source ("" for a session without sources)."""

    @property
    def base(self) -> int:
        """The base's index among :attr:`present` (0 while the base is missing)."""
        return next((i for i, s in enumerate(self.present) if s.id == self.base_id), 0)

    @property
    def base_missing(self) -> bool:
        return any(source.id == self.base_id for source in self.missing)


def find_sources(session: Session) -> FoundSources:
    """Which of the session's sources can be opened and which files are missing."""
    present = tuple(
        source
        for source in session.sources
        if source.embedded is not None or Path(source.path).is_file()
    )
    missing = tuple(source for source in session.sources if source not in present)
    base_id = session.sources[session.base].id if session.sources else ""
    return FoundSources(present, missing, base_id)


def open_source(source: SessionSource) -> Document:
    """The document of ``source``: its text kept in the session, or its file read again
    (raises :class:`~compareapp.core.documents.loading.LoadError`)."""
    if source.embedded is not None:
        return embedded_document(source)
    encoding = source.encoding if source.encoding_chosen else None
    return load_as_source(source.path, source.id, encoding, source.language)


def load_as_source(
    path: str, source_id: str, encoding: str | None = None, language: str = ""
) -> Document:
    """The file at ``path`` read as the source ``source_id``: a reopened, reloaded,
    replaced or relocated source keeps its id, so its review marks follow it. The user's
    choices of ``encoding`` and ``language`` (if any) are kept."""
    from compareapp.core.documents.loading import load_document  # the readers: when used

    return replace(load_document(path, encoding, language), source_id=source_id)


def embedded_document(source: SessionSource) -> Document:
    """The document of a source kept in the session (``source.embedded`` must be set):
    the same source id, name and time as when it was pasted. Its SHA-256 is that of the
    text, so marks are re-anchored if the text in the file was edited since."""
    # Imported here: the readers it brings are not needed to save or open a session.
    from compareapp.core.documents.pasted import pasted_document

    if source.embedded is None:
        raise ValueError(f"{source.name} is a file, not kept in the session")
    embedded = source.embedded
    document = pasted_document(
        embedded.text,
        name=source.name,
        format=embedded.format,
        title=embedded.title,
        author=embedded.author,
        published=embedded.published,
    )
    return replace(
        document,
        source_id=source.id,
        loaded_at=source.loaded_at,
        language_override=source.language,
    )


def text_version(document: Document) -> str:
    """What tells one text of a source from another: its bytes' hash and the encoding
    they were read in (a file reopened in another encoding has another text)."""
    return f"{document.sha256}:{document.encoding}"


def source_version(source: SessionSource) -> str:
    """:func:`text_version` of the document ``source`` was when it was saved."""
    return f"{source.sha256}:{source.encoding}"


def match_sources(
    sources: tuple[SessionSource, ...], documents: list[Document]
) -> dict[str, Document]:
    """Which of ``documents`` is which session source (by source id; else by path; else
    by name), each document at most once."""
    found: dict[str, Document] = {}
    unused = list(documents)
    for rule in _SAME_SOURCE_RULES:
        for source in sources:
            document = next((d for d in unused if rule(source, d)), None)
            if source.id not in found and document is not None:
                found[source.id] = document
                unused.remove(document)
    return found


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.realpath(first) == os.path.realpath(second)
    except (ValueError, OSError):  # a NUL character (a damaged file): it names no file
        return False


_SAME_SOURCE_RULES: tuple[Callable[[SessionSource, Document], bool], ...] = (
    lambda source, document: document.source_id == source.id,
    lambda source, document: document.has_file and _same_file(document.path, source.path),
    lambda source, document: document.name == source.name,
)


def reanchored_marks(session: Session, documents: Mapping[str, Document]) -> ReviewMarks:
    """The session's marks, re-anchored in the sources whose text has changed since the
    session was saved (``documents`` by source id: another file, or the same bytes read in
    another encoding); marks of missing sources unchanged."""
    marks = ReviewMarks(session.marks)
    for source in session.sources:
        document = documents.get(source.id)
        if document is not None and text_version(document) != source_version(source):
            marks.reanchor_source(source.id, document.text)
    return marks


def placed_marks(
    session: Session, documents: list[Document]
) -> list[tuple[ReviewMark, int | None]]:
    """Each mark, re-anchored where its source changed, with its document's index."""
    found = match_sources(session.sources, documents)
    marks = reanchored_marks(session, found)
    index_of = {id(document): index for index, document in enumerate(documents)}
    return [
        (mark, index_of[id(found[mark.source])] if mark.source in found else None) for mark in marks
    ]
