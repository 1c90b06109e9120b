"""BERT's uncased WordPiece tokenisation, in pure Python, for the two embedding models.

Text is lower-cased, its accents stripped and its punctuation split off (BERT's basic
tokeniser); each word is then cut into the longest pieces of the vocabulary, left to right,
later pieces spelled with a leading ``##``.
"""

from __future__ import annotations

import re
import unicodedata

_PIECES = re.compile(r"[^\W_]+|[^\w\s]|_", re.UNICODE)
_MAX_WORD = 100


def bert_words(text: str) -> list[str]:
    """BERT's uncased pre-tokenisation: lower case, accents stripped, punctuation apart."""
    lower = text.lower()
    if not lower.isascii():
        lower = _without_marks(unicodedata.normalize("NFD", lower))
    return _PIECES.findall(lower)


_MARKS: dict[int, None] = {}
"""The combining marks (category Mn) met so far, to be deleted with ``str.translate``."""
_CHARACTERS_SEEN: set[str] = set()


def _without_marks(text: str) -> str:
    """``text`` without its combining marks (accents, once decomposed)."""
    new = set(text) - _CHARACTERS_SEEN
    _MARKS.update((ord(char), None) for char in new if unicodedata.category(char) == "Mn")
    _CHARACTERS_SEEN.update(new)
    return text.translate(_MARKS)


class WordPieces:
    """Greedy longest-match WordPiece ids of words, remembered once found."""

    def __init__(self, vocabulary: dict[str, int]) -> None:
        self.vocabulary = vocabulary
        self._found: dict[str, list[int]] = {}

    def of(self, word: str) -> list[int]:
        """The piece ids of one word; none when a part of it is unknown (as BERT, which
        then makes the whole word unknown)."""
        found = self._found.get(word)
        if found is not None:
            return found
        pieces: list[int] = []
        start = 0
        while start < len(word) and len(word) <= _MAX_WORD:
            for end in range(len(word), start, -1):
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocabulary:
                    pieces.append(self.vocabulary[piece])
                    start = end
                    break
            else:
                pieces = []
                break
        self._found[word] = pieces
        return pieces
