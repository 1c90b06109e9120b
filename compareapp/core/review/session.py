"""A session: the sources of a comparison and the review marks on them. How a session is
written and read is :mod:`compareapp.core.review.session_file`; how its sources become
documents again is :mod:`compareapp.core.review.session_sources`.

A source is a file, found again by its path, or text kept in the session itself
(:class:`EmbeddedText`: a document pasted from the clipboard, which has no file).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime

from compareapp.core.documents.document import Document
from compareapp.core.review.marks import ReviewMark, now

SESSION_SUFFIX = ".compareapp"


class SessionError(Exception):
    """A session file that cannot be read; the message names the file and the reason."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True)
class EmbeddedText:
    """The text of a source that has no file (pasted), kept in the session, and what the
    document said about itself."""

    text: str
    format: str
    title: str = ""
    author: str = ""
    published: str = ""


@dataclass(frozen=True)
class SessionSource:
    """A source as the session remembers it: enough to find it again and to tell
    whether it has changed; or, for a source with no file, its text."""

    id: str
    path: str
    name: str
    sha256: str
    encoding: str
    loaded_at: datetime
    embedded: EmbeddedText | None = None
    """The text of a pasted source (whose ``path`` is empty); None for a file."""
    encoding_chosen: bool = False
    """Whether the user chose :attr:`encoding` (View > Reopen with Encoding): the file
    is read with it again, not with the one the decoder would assume."""
    language: str = ""
    """The language the user chose for the source (ISO 639-1), "" for the detected one."""

    @classmethod
    def of(cls, document: Document) -> SessionSource:
        embedded = None
        if not document.has_file:
            embedded = EmbeddedText(
                text=document.text,
                format=document.format,
                title=document.title,
                author=document.author,
                published=document.published,
            )
        return cls(
            id=document.source_id,
            path=document.path,
            name=document.name,
            sha256=document.sha256,
            encoding=document.encoding,
            loaded_at=document.loaded_at,
            embedded=embedded,
            encoding_chosen=document.encoding_chosen,
            language=document.language_override,
        )


@dataclass(frozen=True)
class Session:
    sources: tuple[SessionSource, ...]
    marks: tuple[ReviewMark, ...] = ()
    base: int = 0
    typographic: bool = False
    saved_at: datetime = field(default_factory=now)
