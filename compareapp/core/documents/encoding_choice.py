"""The encodings a user may choose for a text file (View > Reopen with Encoding), and
reading its bytes with the one chosen.

Legacy bytes can be ambiguous: a short Windows-1252 text may read as well in Windows-1250.
The decoder assumes the most plausible reading (:mod:`.encoding`); the user can choose
another among :func:`encoding_choices`, and :func:`decode_as` reads the file with it.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from compareapp.core.documents.encoding import (
    SAMPLE_BYTES,
    UndecodableError,
    decode_text,
    rank_legacy_readings,
)

UNICODE_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")
COMMON_CODE_PAGES = (
    "cp1252",
    "iso8859-15",
    "iso8859-1",
    "cp1250",
    "iso8859-2",
    "cp1251",
    "koi8-r",
    "cp1253",
    "mac-roman",
    "cp850",
    "cp852",
    "shift_jis",
    "gbk",
    "big5",
    "euc_kr",
)
"""Offered after the ranked readings, when they decode the file."""
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
    "utf-32-le": "UTF-32 LE",
    "utf-32-be": "UTF-32 BE",
    "cp1252": "Windows-1252 (Western)",
    "iso8859-15": "ISO-8859-15 (Western, with €)",
    "iso8859-1": "ISO-8859-1 (Latin-1)",
    "cp1250": "Windows-1250 (Central European)",
    "iso8859-2": "ISO-8859-2 (Central European)",
    "mac-roman": "Mac Roman",
    "cp1251": "Windows-1251 (Cyrillic)",
    "koi8-r": "KOI8-R (Cyrillic)",
    "cp1253": "Windows-1253 (Greek)",
    "iso8859-7": "ISO-8859-7 (Greek)",
    "cp852": "DOS 852 (Central European)",
    "cp850": "DOS 850 (Western)",
    "shift_jis": "Shift JIS (Japanese)",
    "cp932": "Windows-932 (Japanese)",
    "euc_jp": "EUC-JP (Japanese)",
    "gbk": "GBK (Chinese, simplified)",
    "gb2312": "GB2312 (Chinese, simplified)",
    "gb18030": "GB18030 (Chinese)",
    "big5": "Big5 (Chinese, traditional)",
    "euc_kr": "EUC-KR (Korean)",
    "cp949": "Windows-949 (Korean)",
}


@dataclass(frozen=True)
class EncodingChoice:
    encoding: str
    """A Python codec name."""
    label: str
    """For people: "Windows-1250 (Central European)"."""
    detected: bool
    """Whether it is the encoding the decoder assumes for these bytes."""


def encoding_label(encoding: str) -> str:
    """The name people know ``encoding`` by ("Windows-1252 (Western)"), else the codec's."""
    return ENCODING_NAMES.get(encoding, encoding)


def encoding_choices(data: bytes) -> list[EncodingChoice]:
    """The encodings that read ``data`` (judged on its first 4 MB): for legacy bytes the
    candidates of :func:`rank_legacy_readings`, most plausible first, then UTF-8 and
    UTF-16 and the common code pages; the one the decoder assumes is marked."""
    sample = data[:SAMPLE_BYTES]
    try:
        detected = decode_text(sample)[1].removesuffix("-sig")
    except UndecodableError:
        detected = ""
    ranked: list[str] = []
    if detected and detected not in UNICODE_ENCODINGS and not detected.startswith("utf-"):
        ranked = [reading.encoding for reading in rank_legacy_readings(sample)]
    order = [detected, *ranked, *UNICODE_ENCODINGS, *COMMON_CODE_PAGES]
    unique = [encoding for encoding in dict.fromkeys(order) if encoding]
    return [
        EncodingChoice(encoding, encoding_label(encoding), encoding == detected)
        for encoding in unique
        if encoding == detected or _reads(sample, encoding, final=len(sample) == len(data))
    ]


def decode_as(data: bytes, encoding: str) -> str:
    """``data`` decoded as ``encoding`` (a byte-order mark left out); raises
    :class:`UndecodableError` where a byte is not defined in it."""
    try:
        # Damaged UTF-8 is read as the decoder reads it, each bad byte shown as U+FFFD.
        text = data.decode(encoding, errors="replace" if encoding == "utf-8" else "strict")
    except UnicodeDecodeError as error:
        raise UndecodableError(
            f"not {encoding_label(encoding)}: byte {error.start} is not defined in it"
        ) from None
    except LookupError:
        raise UndecodableError(f"{encoding} is not an encoding this app knows") from None
    return text.removeprefix("\ufeff")


def _reads(sample: bytes, encoding: str, *, final: bool) -> bool:
    """Does ``encoding`` decode ``sample`` (the start of the data, unless ``final``)?"""
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(sample, final=final)
    except (UnicodeDecodeError, LookupError):
        return False
    # UTF-16 reads any even-length bytes; Latin text as UTF-16 is CJK without line breaks.
    return not encoding.startswith("utf-16") or "\n" in text or len(text) < 40
