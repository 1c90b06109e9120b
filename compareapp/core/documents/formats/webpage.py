"""Saved web pages (HTML, and MHTML "single file" saves): the article's text, without the
page's menus, banners, adverts, related links and comments, and what the page says about
itself (headline, byline, publication date).

trafilatura finds the main text. It parses with lxml's HTML parser, which neither loads
DTDs nor expands entities declared in one; nothing is fetched (no URL is ever given) and
scripts are dropped, never run.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import functools
import re
from configparser import ConfigParser
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from compareapp.core.documents.encoding import UndecodableError, decode_text
from compareapp.core.documents.formats import Extracted, ExtractionError

FORMAT = "Web page"
NO_TEXT = "has no article text that could be extracted"
MIN_ARTICLE_CHARS = 25

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-z0-9_:.()-]+)""", re.IGNORECASE
)
# Navigation menus are never article text; trafilatura's last-resort pass would keep them.
_NAVIGATION = "//nav | //*[@role='navigation'] | //menu"
_BLOCKS = {"p", "head", "list", "item", "quote", "table", "row", "cell", "code", "div", "section"}


def extract(data: bytes, path: Path) -> Extracted:
    """Read an HTML page, or an MHTML file holding one."""
    declared = ""
    if _is_mime(data):
        data, declared = _mhtml_page(data)
    text, encoding = decode_html(data, declared)
    return _article(text, encoding)


def extract_markup(text: str) -> Extracted:
    """Read a page that is already text, such as HTML pasted from the clipboard: there is
    no charset to find (one the markup declares is ignored) and no MHTML to unpack."""
    return _article(text, "")


def decode_html(data: bytes, declared: str = "") -> tuple[str, str]:
    """Decode a page: a byte-order mark, then the charset the page (or its MIME part)
    declares, then strict UTF-8, then detection; returns ``(text, codec name)``."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        for name in (declared, _meta_charset(data)):
            encoding = _codec(name)
            if encoding:
                try:
                    return data.decode(encoding), encoding
                except UnicodeDecodeError:
                    break  # the declaration is wrong: find out from the bytes
    try:
        text, encoding = decode_text(data)
    except UndecodableError as error:
        raise ExtractionError(f"cannot be decoded as text ({error})") from None
    return text.removeprefix("\ufeff"), encoding


def _is_mime(data: bytes) -> bool:
    """Does ``data`` start with MIME headers (an MHTML file) rather than markup?"""
    head = data[:8192].lstrip()
    if head.startswith(b"<"):
        return False
    headers = re.split(rb"\r?\n\r?\n", head, maxsplit=1)[0]
    return bool(re.search(rb"^(?:mime-version|content-type):", headers, re.I | re.M))


def _meta_charset(data: bytes) -> str:
    match = _META_CHARSET.search(data[:8192])
    return match.group(1).decode("ascii") if match else ""


def _codec(name: str) -> str:
    """The Python codec for a declared charset, as browsers read it; "" if unusable."""
    try:
        encoding = codecs.lookup(name.strip()).name if name.strip() else ""
    except LookupError:
        return ""
    if encoding.startswith(("utf-16", "utf-32")):
        return ""  # bytes we could read as ASCII cannot be UTF-16: the label is wrong
    # Browsers read Latin-1 and ASCII labels as Windows-1252 (WHATWG Encoding Standard).
    return "cp1252" if encoding in {"latin-1", "iso8859-1", "ascii"} else encoding


def _mhtml_page(data: bytes) -> tuple[bytes, str]:
    """The HTML part of an MHTML file and the charset its MIME header declares."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage):  # pragma: no cover - the policy makes one
        raise ExtractionError("is not a saved web page (MHTML)")
    for part in message.walk():
        if part.get_content_type() == "text/html" and not part.is_multipart():
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload, part.get_content_charset() or ""
    raise ExtractionError("is an MHTML file without a web page in it (no text/html part)")


def _article(text: str, encoding: str) -> Extracted:
    import trafilatura

    tree = trafilatura.load_html(text)
    if tree is None:  # a bare fragment such as "<p>…</p>": give it a document around it
        tree = trafilatura.load_html(f"<html><body>{text}</body></html>")
    if tree is None:
        raise ExtractionError(NO_TEXT)
    for element in tree.xpath(_NAVIGATION):
        element.drop_tree()
    result = trafilatura.bare_extraction(
        tree,
        favor_recall=True,  # a comparison must not lose the article's short lists or tables
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        # the date the page declares, not one guessed from its text ("© 2026")
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=_config(),
    )
    if result is None or isinstance(result, dict):  # a dict only when asked for one
        raise ExtractionError(NO_TEXT)
    blocks = tuple(_blocks(result.body))
    if not any(block.strip() for block in blocks):
        raise ExtractionError(NO_TEXT)
    return Extracted(
        blocks=blocks,
        format=FORMAT,
        encoding=encoding,
        title=_clean(result.title),
        author=_clean(result.author),
        published=_clean(result.date),
    )


@functools.cache
def _config() -> ConfigParser:
    """trafilatura's settings, but its whole-page rescue (which runs when the article found
    is shorter than MIN_EXTRACTED_SIZE, 250 characters by default, and gives the page's
    text as one block) only when almost nothing was found: a short brief keeps its
    paragraphs."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_ARTICLE_CHARS))
    return config


def _blocks(element: Any) -> list[str]:
    """Paragraphs of trafilatura's XML: each ``p``, ``head`` (heading), list ``item`` and
    table ``cell`` is one block (as in the other readers); so is text between blocks."""
    blocks: list[str] = []
    loose: list[str] = [element.text or ""]
    for child in element:
        if child.tag in _BLOCKS:
            _flush(loose, blocks)
            blocks.extend(_blocks(child))
        else:
            loose.append(_inline(child))
        loose.append(child.tail or "")
    _flush(loose, blocks)
    return blocks


def _flush(loose: list[str], blocks: list[str]) -> None:
    # trafilatura's whole-page rescue gives one element with a line per paragraph.
    blocks.extend(line for line in "".join(loose).split("\n") if line.strip())
    loose.clear()


def _inline(element: Any) -> str:
    """The text of an element within a block; a line break becomes a space."""
    if element.tag == "lb":
        return " "
    parts = [element.text or ""]
    for child in element:
        text = _inline(child)
        parts += (f" {text} " if child.tag in _BLOCKS else text), child.tail or ""
    return "".join(parts)


def _clean(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""
