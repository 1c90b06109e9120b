"""What counts as the same text: typographic normalisation and word tokens with offsets.

Curly and straight quotes, dash variants, non-breaking and other Unicode spaces, soft
hyphens and repeated whitespace are typographic noise: two passages that differ only in
them have the same normalised form, and their tokens have the same ``key``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

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


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark: its ``[start, end)`` offsets and comparison key."""

    start: int
    end: int
    text: str
    key: str
    kind: TokenKind


_NUMBER = r"\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
_WORD = r"[^\W\d_](?:[\w\u00ad]|['’‘](?=[^\W\d_])|[-‐‑](?=\w))*"
_TOKEN = re.compile(
    rf"(?P<number>{_NUMBER})|(?P<word>{_WORD})|(?P<punct>\.{{2,}}|[^\s\u00ad\u200b\ufeff])"
)
_THOUSANDS = re.compile(r"[,\u00a0\u202f\u2009]")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text``; their offsets are shifted by ``offset`` (the text's position)."""
    tokens = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if match.lastgroup == "number":
            kind, key = TokenKind.NUMBER, _THOUSANDS.sub("", raw)
        elif match.lastgroup == "word":
            kind, key = TokenKind.WORD, normalize_text(raw)
        else:
            kind, key = TokenKind.PUNCT, normalize_text(raw) or raw
        tokens.append(Token(match.start() + offset, match.end() + offset, raw, key, kind))
    return tokens
