"""Documents made from what is on the clipboard (File > New from Clipboard).

A pasted document has no file: its ``path`` is empty (:attr:`Document.has_file`), so
nothing watches, reloads, locates or remembers it, and a session keeps its text
(:class:`compareapp.core.review.session.EmbeddedText`). HTML on the clipboard goes through the
web-page reader, so a passage copied from a browser loses the page's menus as a saved
page does; when the reader finds no article in it, the clipboard's plain text is used.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Collection
from dataclasses import replace
from datetime import datetime

from compareapp.core.documents.document import Document
from compareapp.core.documents.formats import Extracted, ExtractionError
from compareapp.core.documents.loading import MAX_FILE_BYTES, document_from_text, join_blocks

PASTED_TEXT = "Pasted text"
PASTED_WEB_PAGE = "Pasted web page"
EMPTY_CLIPBOARD = "The clipboard holds no text"
MAX_PASTED_BYTES = 16 * 1024 * 1024
"""A pasted document's text (UTF-8) may be this long: it is kept in the session file,
which may hold 64 MB (:data:`compareapp.core.review.session_file.MAX_SESSION_BYTES`). Pasted HTML
may be as large as a file (:data:`compareapp.core.documents.loading.MAX_FILE_BYTES`)."""

_LINE_ENDS = re.compile(r"\r\n?")


class PasteError(Exception):
    """The clipboard cannot become a document; ``str(error)`` says why, for people."""


def check_clipboard(text: str | None, html: str | None) -> None:
    """Refuse at once a clipboard with nothing to paste, or too much (before any work)."""
    if not (text and text.strip()) and not (html and html.strip()):
        raise PasteError(EMPTY_CLIPBOARD)
    _check_size(_size(text or ""))
    _check_size(_size(html or ""), MAX_FILE_BYTES)


def document_from_clipboard(
    text: str | None, html: str | None, now: datetime, taken: Collection[str] = ()
) -> Document:
    """The clipboard's contents as a document named after ``now`` (unlike every name in
    ``taken``): its HTML read as a web page when that has article text, else its text."""
    check_clipboard(text, html)
    name = pasted_name(now, taken)
    page = _web_page(html) if html and html.strip() else None
    if page is not None:
        document = pasted_document(
            join_blocks(page.blocks),
            name=name,
            format=PASTED_WEB_PAGE,
            title=page.title,
            author=page.author,
            published=page.published,
        )
    elif text and text.strip():
        plain = _LINE_ENDS.sub("\n", text).removeprefix("\ufeff")
        document = pasted_document(plain, name=name, format=PASTED_TEXT)
    else:
        raise PasteError(EMPTY_CLIPBOARD)
    _check_size(_size(document.text))
    return replace(document, loaded_at=_local(now))


def pasted_document(
    text: str,
    *,
    name: str,
    format: str,
    title: str = "",
    author: str = "",
    published: str = "",
) -> Document:
    """A document with no file whose text is ``text`` (``\\n`` line ends, not only
    whitespace); its SHA-256 is that of the text in UTF-8, so the same text gives the same
    hash when a session reopens it."""
    return document_from_text(
        text,
        path="",
        name=name,
        sha256=text_sha256(text),
        encoding="",
        format=format,
        title=title,
        author=author,
        published=published,
    )


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def pasted_name(now: datetime, taken: Collection[str] = ()) -> str:
    """ "Pasted 2026-11-24 06:10" in local time; with the seconds when another document of
    ``taken`` has that name, then with a counter."""
    local = _local(now)
    minute = f"Pasted {local:%Y-%m-%d %H:%M}"
    if minute not in taken:
        return minute
    second = f"Pasted {local:%Y-%m-%d %H:%M:%S}"
    name, count = second, 1
    while name in taken:
        count += 1
        name = f"{second} ({count})"
    return name


def _web_page(html: str) -> Extracted | None:
    """The article in ``html``, or None when the reader finds none (or is not installed)."""
    try:
        reader = importlib.import_module("compareapp.core.documents.formats.webpage")
        extracted: Extracted = reader.extract_markup(html)
    except (ExtractionError, ModuleNotFoundError):
        return None
    return extracted if join_blocks(extracted.blocks) else None


def _local(now: datetime) -> datetime:
    """``now`` in local time (a time without a zone is local already)."""
    return now.astimezone()


def _size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _check_size(size: int, limit: int | None = None) -> None:
    limit = MAX_PASTED_BYTES if limit is None else limit
    if size > limit:
        raise PasteError(
            f"The clipboard holds {size / 2**20:.0f} MB, over the {limit // 2**20} MB a "
            "pasted document can have; save it as a file and open that"
        )
