"""Markdown files: paragraphs, headings, list items, quotations and table cells as blocks of
plain text, without the markup (emphasis marks, link targets, code ticks; images become
their alt text). A YAML front-matter block gives the title, author and date."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from compareapp.core.documents.encoding import UndecodableError, decode_text
from compareapp.core.documents.encoding_choice import decode_as
from compareapp.core.documents.formats import Extracted, ExtractionError

if TYPE_CHECKING:
    from markdown_it.token import Token

FORMAT = "Markdown"

_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_FIELDS = {
    "title": ("title",),
    "author": ("author", "authors", "byline"),
    "published": ("date", "published", "publishdate", "pubdate"),
}
_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_BREAKS = {"softbreak", "hardbreak"}


def extract(data: bytes, path: Path, encoding: str | None = None) -> Extracted:
    """Decode ``data`` as text (as ``encoding`` when given: the user's choice) and read it
    as CommonMark with tables and strikethrough."""
    from markdown_it import MarkdownIt

    try:
        text, encoding = (decode_as(data, encoding), encoding) if encoding else decode_text(data)
    except UndecodableError as error:
        raise ExtractionError(f"cannot be decoded as text ({error})") from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    fields, text = _front_matter(text)
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    blocks = tuple(block for block in _blocks(parser.parse(text)) if block.strip())
    if not blocks:
        raise ExtractionError("holds no text (only Markdown markup or whitespace)")
    return Extracted(
        blocks=blocks,
        format=FORMAT,
        encoding=encoding,
        title=fields.get("title", ""),
        author=fields.get("author", ""),
        published=fields.get("published", ""),
    )


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Title, author and date from a leading ``---`` block of ``key: value`` lines, and the
    text after the block."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    values = {key.lower(): value for key, value in _FIELD.findall(match.group(1))}
    fields = {}
    for field, keys in _FIELDS.items():
        value = next((values[key] for key in keys if values.get(key)), "")
        fields[field] = value.strip("\"'[] ")
    return fields, text[match.end() :]


def _blocks(tokens: Sequence[Token]) -> list[str]:
    """One block per paragraph, heading, table cell, code block and raw HTML block."""
    blocks: list[str] = []
    for token in tokens:
        if token.type == "inline":
            blocks.append(_inline(token.children or []))
        elif token.type in {"fence", "code_block"}:
            blocks.append(token.content)
        elif token.type == "html_block":
            blocks.append(html.unescape(_TAG.sub(" ", token.content)))
    return blocks


def _inline(children: Sequence[Token]) -> str:
    """The text a reader sees: a line break (soft or hard) is a space, an image its alt."""
    parts = []
    for child in children:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in _BREAKS or (child.type == "html_inline" and _is_break(child)):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_inline(child.children or []))
    return "".join(parts)


def _is_break(token: Token) -> bool:
    return re.fullmatch(r"<br\s*/?>", token.content.strip(), re.IGNORECASE) is not None
