"""Decode the bytes of a text file.

The rule, in order:

1. A byte-order mark names the encoding (UTF-8, UTF-16 or UTF-32); bytes that do not
   decode after it are refused (:class:`UndecodableError`).
2. UTF-16 without a mark is recognised by its zero bytes.
3. UTF-8, strict, then UTF-8 with a few damaged bytes (:func:`_damaged_utf8`).
4. Otherwise the text is in a legacy code page. Each candidate in :data:`LEGACY_ENCODINGS`
   reads the words that hold non-ASCII bytes, and the most plausible reading wins
   (:mod:`.encoding_plausibility`); a tie goes to the candidate listed first, so
   Windows-1252, the most common legacy encoding of news text, wins whenever its reading
   is at least as plausible. Only when no candidate reads cleanly is charset-normalizer
   asked for its guess, which is considered if it is a multi-byte East Asian encoding
   (Shift JIS, GBK, Big5, EUC-KR, …) and must then win on the same score.

The encoding returned is always one that turns the bytes into exactly the text returned.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from compareapp.core.documents.encoding_languages import is_english
from compareapp.core.documents.encoding_plausibility import Plausibility, plausibility

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

LEGACY_ENCODINGS = (
    "cp1252",
    "iso8859-15",
    "iso8859-1",
    "cp1250",
    "iso8859-2",
    "mac-roman",
    "cp1251",
    "koi8-r",
    "cp1253",
    "iso8859-7",
    "cp852",
    "cp850",
)
"""The single-byte candidates, in order of preference when readings are equally plausible:
Windows before ISO-8859 (which reads Windows quotes and dashes as control characters),
Western before Central European, Cyrillic and Greek, and the DOS code pages last."""
_EAST_ASIAN = frozenset(
    {"shift_jis", "cp932", "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004"}
    | {"euc_jisx0213", "gb2312", "gbk", "gb18030", "big5", "big5hkscs", "cp950"}
    | {"euc_kr", "cp949", "johab"}
)
"""Multi-byte encodings that charset-normalizer may propose."""
SAMPLE_BYTES = 4 * 2**20
"""The candidates are judged on the words of the first 4 MB …"""
SAMPLE_WORD_BYTES = 64 * 1024
"""… as many distinct ones as fit in 64 KB (each is decoded and judged once per candidate:
a few thousand words of any language) …"""
MAX_WORD_BYTES = 4096
"""… leaving out longer runs without a space, which are not words (binary data)."""
ENGLISH_SAMPLE_BYTES = 256 * 1024
"""Whether the text is English is judged on its first 256 KB."""
_WORD = re.compile(rb"\S+")


@dataclass(frozen=True)
class Reading:
    """One candidate encoding's reading of the non-ASCII words, and how plausible it is."""

    encoding: str
    plausibility: Plausibility


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
    for reading in rank_legacy_readings(data):
        try:
            return data.decode(reading.encoding), reading.encoding
        except UnicodeDecodeError:
            continue  # a byte the sample did not hold is undefined in this code page
    return data.decode("iso8859-1"), "iso8859-1"  # defines every byte


def rank_legacy_readings(data: bytes) -> list[Reading]:
    """The candidate encodings that read the sample's words, most plausible first."""
    words = _non_ascii_words(data)
    english = is_english(data[:ENGLISH_SAMPLE_BYTES])
    readings = _readings(words, LEGACY_ENCODINGS, english)
    if not readings or readings[0].plausibility.cost > 0:
        guess = _detected_east_asian(data)
        if guess:
            readings = sorted(
                readings + _readings(words, (guess,), english),
                key=lambda reading: reading.plausibility.score,
            )
    return readings


def _readings(words: Counter[bytes], encodings: Iterable[str], english: bool) -> list[Reading]:
    """Each encoding that decodes every word, with its reading's plausibility; sorted by
    score, ties in the order given."""
    readings = []
    for encoding in encodings:
        try:
            decoded = {word.decode(encoding): count for word, count in words.items()}
        except UnicodeDecodeError:
            continue
        readings.append(Reading(encoding, plausibility(decoded, english=english)))
    return sorted(readings, key=lambda reading: reading.plausibility.score)


def _non_ascii_words(data: bytes) -> Counter[bytes]:
    """The runs of non-space bytes that hold a non-ASCII byte, with their counts, each with
    the nearest character of its neighbours (when ASCII) as context: "45 €" is a price.

    (Splitting at ASCII spaces keeps multi-byte East Asian characters whole: none of their
    bytes is an ASCII space.)"""
    words: Counter[bytes] = Counter()
    budget = SAMPLE_WORD_BYTES
    for match in _WORD.finditer(data, 0, SAMPLE_BYTES):
        start, end = match.span()
        if end - start > MAX_WORD_BYTES or match.group().isascii():
            continue
        before = data[max(0, start - 2) : start]
        after = data[end : end + 2]
        word = (
            (before if before.isascii() else b" ")
            + match.group()
            + (after if after.isascii() else b" ")
        )
        if word not in words:
            budget -= len(word)
            if budget < 0:
                break
        words[word] += 1
    return words


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


def _detected_east_asian(data: bytes) -> str | None:
    """charset-normalizer's guess, if it is a multi-byte East Asian encoding."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    try:
        encoding = codecs.lookup(best.encoding).name
    except LookupError:
        return None
    return encoding if encoding in _EAST_ASIAN else None
