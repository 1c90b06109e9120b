"""What kind of change a difference is: the classes an editor must not miss come first.

A change that touches a number is a *number* change; one made only of British/American
spellings or letter case is a *spelling* change; one inside quotation marks is a
*quotation* change; one that touches a proper name is a *name* change; anything else is
*wording*. Typographic variants are their own class, hidden unless asked for.

Each text is read in its language (:func:`compareapp.core.text.language.detect_language`):
number words of German, French, Spanish, Italian, Dutch and Portuguese count as numbers;
quotation marks of every language count („…“, « … », »…«, 「…」); in German, where every
noun is capitalised, a name is a word the text marks as one
(:mod:`compareapp.core.text.proper_names`), not any capitalised word. English, and a text
whose language is unsure, keep the English rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from functools import lru_cache

from compareapp.core.text.language import capitalises_nouns, detect_language
from compareapp.core.text.language_words import FUNCTION_WORDS
from compareapp.core.text.normalize import Token, TokenKind
from compareapp.core.text.numerals import is_number_word
from compareapp.core.text.proper_names import german_names
from compareapp.core.text.quotation_marks import CLOSERS, MARKS, openers
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
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”(\[\n•●▪|]|--?|[–—])\s*$")
_SENTENCE_START_MARKS = re.compile(r"(?:^|[.!?:;\"“”„«»‹›‚‘「(\[\n•●▪|¿¡]|--?|[–—])\s*$")
"""Where a sentence starts, with the quotation marks and Spanish ¿ ¡ of other languages."""


def classify_change(
    tokens_a: Sequence[Token],
    tokens_b: Sequence[Token],
    text_a: str,
    text_b: str,
    in_quotation: bool,
) -> DifferenceClass:
    """The class of the change from ``tokens_a`` (in ``text_a``) to ``tokens_b``."""
    kinds = [token.kind for token in (*tokens_a, *tokens_b)]
    if TokenKind.NUMBER in kinds or (
        _has_number_word(tokens_a, text_a) and _has_number_word(tokens_b, text_b)
    ):
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
    the end of its paragraph, as quotations continued in the next paragraph do. A mark
    closes the quotation its pair opened (“…”, „…“, «…», »…«, 「…」)."""
    inside = []
    for start, end in spans:
        opening: int | None = None
        closers = ""
        opens = '"' + openers(text, start, end)
        for mark in MARKS.finditer(text, start, end):
            char = mark.group()
            if opening is None and char in opens:
                opening, closers = mark.end(), CLOSERS[char]
            elif opening is not None and char in closers:
                inside.append((opening, mark.start()))
                opening = None
        if opening is not None:
            inside.append((opening, end))
    return inside


def _has_number_word(tokens: Sequence[Token], text: str) -> bool:
    """Whether a number word is among ``tokens``: a change is a number change when it has
    digits on either side, or number words on both ("two" -> "three", not "two men" ->
    "Putin and Xi"; "zwei" -> "drei", "trois" -> "quatre")."""
    language = _language(text)
    if not language:
        return not NUMBER_WORDS.isdisjoint([token.key.lower() for token in tokens])
    return any(is_number_word(token.key, language) for token in tokens)


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
        if token.key[0].isupper() and _is_name_here(token, text):
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


def _is_name_here(token: Token, text: str) -> bool:
    """:func:`_is_name` by the rules of ``text``'s language."""
    language = _language(text)
    if capitalises_nouns(language):
        return token.text in german_names(text) or _is_acronym(token)
    if language:
        return _is_name_in(token, text, language)
    return _is_name(token, text)


def _is_acronym(token: Token) -> bool:
    return token.kind is TokenKind.WORD and len(token.key) > 1 and token.key.isupper()


def _is_name_in(token: Token, text: str, language: str) -> bool:
    """:func:`_is_name` in a language that capitalises names only (French, Spanish ...):
    its function words, quotation marks and capitals with accents."""
    word = token.key
    if token.kind is not TokenKind.WORD or not word[0].isupper():
        return False
    if word.lower() in STOPWORDS or word.lower() in FUNCTION_WORDS[language]:
        return False
    if len(word) > 1 and word.isupper():
        return True
    if not _SENTENCE_START_MARKS.search(text, max(0, token.start - 3), token.start):
        return True
    return word in _capitalised_mid_sentence_any(text)


def _language(text: str) -> str:
    """The language of ``text`` when it is one read with its own rules, else "" (English)."""
    language = detect_language(text)
    return language if language in FUNCTION_WORDS and language != "en" else ""


@lru_cache(maxsize=16)
def _capitalised_mid_sentence_any(text: str) -> frozenset[str]:
    """:func:`_capitalised_mid_sentence` for capitals with accents too ("Élysée")."""
    return frozenset(word for word in _MID_SENTENCE_WORD.findall(text) if word[0].isupper())


_MID_SENTENCE_WORD = re.compile(r"(?<=[\w,] )[^\W\d_][\w’'-]*")


@lru_cache(maxsize=16)
def _capitalised_mid_sentence(text: str) -> frozenset[str]:
    """Words the text capitalises inside sentences: its proper names."""
    return frozenset(_MID_SENTENCE_CAPITAL.findall(text))


_POSSESSIVE = re.compile(r"['’]s$")
_MID_SENTENCE_CAPITAL = re.compile(r"[A-Z](?<=[\w,] [A-Z])[\w’'-]*")
"""A capitalised word after a word (or comma) and a space; looking behind from the capital
rather than ahead of it lets the search skip to capitals."""
