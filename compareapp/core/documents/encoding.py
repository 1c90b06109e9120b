"""Decode the bytes of a text file: byte-order marks, UTF-8, then detection, then cp1252."""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def decode_text(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` for ``data``, the encoding as a Python codec name."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding.removesuffix("-sig")), encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged, "utf-8"
    guessed = _detect(data)
    if guessed:
        return guessed
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UndecodableError(f"invalid {encoding} at byte {error.start}") from None


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few invalid bytes (a stray byte pasted in, a sequence cut short), each
    shown as U+FFFD, when its valid multi-byte characters outnumber the invalid ones.

    Text in a single-byte code page is not: its non-ASCII letters are almost never valid
    UTF-8 sequences, so guessing its code page would turn every "é" or "“" of a UTF-8 file
    into two or three wrong characters to save one."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    valid_multibyte = non_ascii - text.count("\ufffd")
    return text if valid_multibyte > invalid else None


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its zero bytes: Latin text has one in every pair."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    zeros_even = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0)
    zeros_odd = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0)
    if zeros_odd > 0.6 * pairs and zeros_even < 0.05 * pairs:
        return "utf-16-le"
    if zeros_even > 0.6 * pairs and zeros_odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    encoding = codecs.lookup(best.encoding).name
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return None
