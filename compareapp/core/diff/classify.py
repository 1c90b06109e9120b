"""What kind of change a difference is: the classes an editor must not miss come first.

A change that touches a number is a *number* change; one made only of British/American
spellings or letter case is a *spelling* change; one inside quotation marks is a
*quotation* change; one that touches a proper name is a *name* change; anything else is
*wording*. Typographic variants are their own class, hidden unless asked for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from functools import lru_cache

from compareapp.core.text.normalize import Token, TokenKind
from compareapp.core.text.spelling import spelling_key
from compareapp.core.text.stopwords import STOPWORDS


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
    kinds = [token.kind for token in (*tokens_a, *tokens_b)]
    if TokenKind.NUMBER in kinds or (_has_number_word(tokens_a) and _has_number_word(tokens_b)):
        return DifferenceClass.NUMBER
    if kinds.count(TokenKind.PUNCT) == len(kinds):
        return DifferenceClass.WORDING
    if _only_spelling(tokens_a, tokens_b):
        return DifferenceClass.SPELLING
    if in_quotation:
        return DifferenceClass.QUOTATION
    short_edit = min(len(tokens_a), len(tokens_b)) > 0 or max(len(tokens_a), len(tokens_b)) <= 4
    if short_edit and _names(tokens_a, text_a) != _names(tokens_b, text_b):
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


def _has_number_word(tokens: Sequence[Token]) -> bool:
    """Whether a number word is among ``tokens``: a change is a number change when it has
    digits on either side, or number words on both ("two" -> "three", not "two men" ->
    "Putin and Xi")."""
    return not NUMBER_WORDS.isdisjoint([token.key.lower() for token in tokens])


def _only_spelling(tokens_a: Sequence[Token], tokens_b: Sequence[Token]) -> bool:
    if len(tokens_a) != len(tokens_b) or not tokens_a:
        return False
    for x, y in zip(tokens_a, tokens_b, strict=True):
        if spelling_key(x.key) != spelling_key(y.key):
            return False
    return True


def _names(tokens: Sequence[Token], text: str) -> list[str]:
    """The proper names among ``tokens``, sorted, possessives and demonym "-n" folded
    ("Russia's", "Russian" -> "russia")."""
    names = []
    for token in tokens:
        if token.key[0].isupper() and _is_name(token, text):
            form = _POSSESSIVE.sub("", token.key.lower())
            names.append(form[:-1] if form.endswith("n") and len(form) > 5 else form)
    return sorted(names)


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
_MID_SENTENCE_CAPITAL = re.compile(r"[A-Z](?<=[\w,] [A-Z])[\w’'-]*")
"""A capitalised word after a word (or comma) and a space; looking behind from the capital
rather than ahead of it lets the search skip to capitals."""
