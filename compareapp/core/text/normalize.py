"""What counts as the same text: typographic normalisation and word tokens with offsets.

Curly and straight quotes, dash variants, non-breaking and other Unicode spaces, soft
hyphens and repeated whitespace are typographic noise: two passages that differ only in
them have the same normalised form, and their tokens have the same ``key``.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum
from typing import NamedTuple

_TYPOGRAPHIC = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        **dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f\u205f\u3000\t", " "),
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\ufeff": None,
        "…": "...",
    }
)
_SPACES = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """The typographically neutral form of ``text``; ``normalize_text`` is idempotent."""
    folded = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHIC)
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", folded)).strip()


class TokenKind(Enum):
    WORD = "word"
    NUMBER = "number"
    PUNCT = "punct"


class Token(NamedTuple):
    """A word, number or punctuation mark: its ``[start, end)`` offsets and comparison key."""

    start: int
    end: int
    text: str
    key: str
    kind: TokenKind


_GROUPED_THOUSANDS = r"\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?(?!\d)"
NUMBER_PATTERN = rf"{_GROUPED_THOUSANDS}|\d+(?:[.,]\d+)*"
"""A number: "8,000", "8 000" and "8,000.5" (thousands grouped as in English, the groups'
separators left out of its key), or digits joined by periods and commas ("9.5", "9,5",
"8.000", "1.234,5", "7.12.2026"), a separator kept in the key: "9,5" is not "95"."""
WORD_PATTERN = r"[^\W\d_][\w\u00ad]*(?:(?:['’‘](?=[^\W\d_])|[-‐‑](?=\w))[\w\u00ad]*)*"
"""A letter, then word characters, soft hyphens, and apostrophes and hyphens inside the
word (written so that a run of word characters is one repeat, which is faster)."""
_HAN_KANA = (
    "\u3005-\u3007\u3021-\u3029"  # 々 〆 〇, Suzhou numerals
    "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"  # kana (and half-width katakana)
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
)
_THAI = "\u0e01-\u0e4e"
_SPACELESS = _HAN_KANA + _THAI
SPACELESS_PATTERN = (
    "[\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]+"  # a run of katakana: a word
    "|[\u0e01-\u0e30\u0e32\u0e33\u0e3f-\u0e46\u0e4f][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*"
    f"|[{_HAN_KANA}]"
)
"""Text written without spaces between words, one token at a time: a Chinese character
(Han), a Japanese kana, a run of katakana (a loanword), or a Thai letter with its vowel
and tone marks. Korean is written with spaces and is read as words. Splitting by
character (no dictionary) makes a changed word one highlight, not its whole sentence."""
_WORD_CHARS = rf"(?:[^\W{_SPACELESS}]+|\u00ad)*"
_SPACED_WORD_PATTERN = (
    rf"[^\W\d_{_SPACELESS}]{_WORD_CHARS}"
    rf"(?:(?:['’‘](?=[^\W\d_{_SPACELESS}])|[-‐‑](?=[^\W{_SPACELESS}])){_WORD_CHARS})*"
)
""":data:`WORD_PATTERN` without the characters of :data:`SPACELESS_PATTERN`: the
tokenizer's words end where such text starts."""
_SKIPPED = r"\s\u00ad\u200b\ufeff"
"""Spaces and invisible marks: the only characters no token starts with."""
_PUNCT_PATTERN = rf"\.{{2,}}|[^{_SKIPPED}]"
_TOKEN_PATTERN = rf"{NUMBER_PATTERN}|{_SPACED_WORD_PATTERN}|{SPACELESS_PATTERN}|{_PUNCT_PATTERN}"
_GAP_AND_TOKEN = re.compile(rf"([{_SKIPPED}]*)({NUMBER_PATTERN}|{WORD_PATTERN}|{_PUNCT_PATTERN})")
"""A token and the characters skipped before it: one ``findall`` gives every token and,
adding lengths up, its offset."""
_GAP_AND_SPACELESS_TOKEN = re.compile(rf"([{_SKIPPED}]*)({_TOKEN_PATTERN})")
"""The same, splitting text without spaces (a quarter slower: used where there is some)."""
_HAS_SPACELESS = re.compile(f"[{_SPACELESS}]")
_TOKEN_KIND = re.compile(
    rf"(?P<number>{NUMBER_PATTERN})|(?P<word>{_SPACED_WORD_PATTERN}|{SPACELESS_PATTERN})"
    rf"|(?P<punct>{_PUNCT_PATTERN})"
)
_THOUSANDS = re.compile(r"[,\u00a0\u202f\u2009]")
_GROUPED = re.compile(_GROUPED_THOUSANDS)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text``; their offsets are shifted by ``offset`` (the text's position)."""
    tokens = []
    position = offset
    pattern = _GAP_AND_SPACELESS_TOKEN if _HAS_SPACELESS.search(text) else _GAP_AND_TOKEN
    for gap, raw in pattern.findall(text):
        start = position + len(gap)
        position = start + len(raw)
        # _KEYS fills _KINDS for a new text, so it must come first. tuple.__new__ is
        # Token(...) without the NamedTuple's Python-level __new__: 4% of a comparison.
        tokens.append(tuple.__new__(Token, (start, position, raw, _KEYS[raw], _KINDS[raw])))
    return tokens


class _Keys(dict[str, str]):
    """Comparison key of each distinct token text, worked out once: texts repeat words."""

    def __missing__(self, raw: str) -> str:
        match = _TOKEN_KIND.fullmatch(raw)
        group = match.lastgroup if match else None
        if group == "number":
            grouped = _GROUPED.fullmatch(raw) is not None
            key, kind = _THOUSANDS.sub("", raw) if grouped else raw, TokenKind.NUMBER
        elif group == "word":
            key, kind = normalize_text(raw), TokenKind.WORD
        else:
            key, kind = normalize_text(raw) or raw, TokenKind.PUNCT
        if len(self) > _CACHE_LIMIT:
            self.clear()
            _KINDS.clear()
        self[raw], _KINDS[raw] = key, kind
        return key


_CACHE_LIMIT = 1 << 17
_KINDS: dict[str, TokenKind] = {}
_KEYS = _Keys()
