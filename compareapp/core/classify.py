"""What kind of change a difference is: the classes an editor must not miss come first.

A change that touches a number is a *number* change; one made only of British/American
spellings or letter case is a *spelling* change; one inside quotation marks is a
*quotation* change; one that touches a proper name is a *name* change; anything else is
*wording*. Typographic variants are their own class, hidden unless asked for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from enum import Enum
from functools import lru_cache

from compareapp.core.normalize import Token, TokenKind
from compareapp.core.spelling import spelling_key
from compareapp.core.stopwords import STOPWORDS


class DifferenceClass(Enum):
    NUMBER = "number"
    QUOTATION = "quotation"
    NAME = "name"
    SPELLING = "spelling"
    WORDING = "wording"
    TYPOGRAPHIC = "typographic"

    @property
    def significant(self) -> bool:
        """Numbers, names and quotations: the changes that alter a fact."""
        return self in (DifferenceClass.NUMBER, DifferenceClass.QUOTATION, DifferenceClass.NAME)


NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million billion trillion dozen dozens hundreds thousands
    millions billions half quarter double triple percent""".split()
)
_QUOTES = re.compile(r"[“”\"]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”(\[\n•●▪|]|--?|[–—])\s*$")


def classify_change(
    tokens_a: Sequence[Token],
    tokens_b: Sequence[Token],
    text_a: str,
    text_b: str,
    in_quotation: bool,
) -> DifferenceClass:
    """The class of the change from ``tokens_a`` (in ``text_a``) to ``tokens_b``."""
    if _changes_number(tokens_a, tokens_b):
        return DifferenceClass.NUMBER
    if all(token.kind is TokenKind.PUNCT for token in (*tokens_a, *tokens_b)):
        return DifferenceClass.WORDING
    if _only_spelling(tokens_a, tokens_b):
        return DifferenceClass.SPELLING
    if in_quotation:
        return DifferenceClass.QUOTATION
    names_a, names_b = _names(tokens_a, text_a), _names(tokens_b, text_b)
    short_edit = min(len(tokens_a), len(tokens_b)) > 0 or max(len(tokens_a), len(tokens_b)) <= 4
    if names_a != names_b and short_edit:
        return DifferenceClass.NAME
    return DifferenceClass.WORDING


def quotation_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, per paragraph; an unclosed quotation runs to
    the end of its paragraph, as quotations continued in the next paragraph do."""
    inside = []
    for start, end in spans:
        opening: int | None = None
        for mark in _QUOTES.finditer(text, start, end):
            char = mark.group()
            if opening is None and char != "”":
                opening = mark.end()
            elif opening is not None and char != "“":
                inside.append((opening, mark.start()))
                opening = None
        if opening is not None:
            inside.append((opening, end))
    return inside


def _changes_number(tokens_a: Sequence[Token], tokens_b: Sequence[Token]) -> bool:
    """Digits on either side, or number words on both ("two" -> "three", not "two men" ->
    "Putin and Xi")."""
    digits = any(t.kind is TokenKind.NUMBER for t in (*tokens_a, *tokens_b))
    words_a = any(t.key.lower() in NUMBER_WORDS for t in tokens_a)
    words_b = any(t.key.lower() in NUMBER_WORDS for t in tokens_b)
    return digits or (words_a and words_b)


def _only_spelling(tokens_a: Sequence[Token], tokens_b: Sequence[Token]) -> bool:
    if len(tokens_a) != len(tokens_b) or not tokens_a:
        return False
    return all(
        spelling_key(x.key) == spelling_key(y.key) for x, y in zip(tokens_a, tokens_b, strict=True)
    )


def _names(tokens: Sequence[Token], text: str) -> Counter[str]:
    """The proper names among ``tokens``, possessives and demonym "-n" folded ("Russia's",
    "Russian" -> "russia")."""
    names: Counter[str] = Counter()
    for token in tokens:
        if _is_name(token, text):
            form = _POSSESSIVE.sub("", token.key.lower())
            names[form[:-1] if form.endswith("n") and len(form) > 5 else form] += 1
    return names


def _is_name(token: Token, text: str) -> bool:
    """A capitalised word that does not merely start a sentence, or an acronym."""
    word = token.key
    if token.kind is not TokenKind.WORD or not word[0].isupper() or word.lower() in STOPWORDS:
        return False
    if len(word) > 1 and word.isupper():
        return True
    if not _SENTENCE_START.search(text, max(0, token.start - 3), token.start):
        return True
    return word in _capitalised_mid_sentence(text)


@lru_cache(maxsize=16)
def _capitalised_mid_sentence(text: str) -> frozenset[str]:
    """Words the text capitalises inside sentences: its proper names."""
    return frozenset(_MID_SENTENCE_CAPITAL.findall(text))


_POSSESSIVE = re.compile(r"['’]s$")
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[\w,] )([A-Z][\w’'-]*)")
