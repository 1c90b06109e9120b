"""What kind of change a difference is: the classes an editor must not miss come first.

A change that touches a number is a *number* change; one made only of British/American
spellings or letter case is a *spelling* change; one inside quotation marks is a
*quotation* change; one where a named entity on one side is not the same entity on the
other is a *name* change (:mod:`compareapp.core.diff.name_changes`); anything else is
*wording*. Typographic variants are their own class, hidden unless asked for.

Each side is read in its document's language (:attr:`Document.language`, passed down with
the passage): number words of German, French, Spanish, Italian, Dutch and Portuguese count
as numbers, and names follow the language's rules; quotation marks of every language count
(„…“, « … », »…«, 「…」). English, and a text whose language is not told, keep the English
rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from compareapp.core.diff.name_changes import NUMBER_WORDS, Side, names_differ
from compareapp.core.text.counted_one import counts_one, same_noun
from compareapp.core.text.normalize import Token, TokenKind
from compareapp.core.text.numerals import is_number_word
from compareapp.core.text.quotation_marks import CLOSERS, MARKS, openers
from compareapp.core.text.spelling import spelling_key


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


def classify_change(
    tokens_a: Sequence[Token],
    tokens_b: Sequence[Token],
    text_a: str,
    text_b: str,
    in_quotation: bool,
    languages: tuple[str, str] = ("", ""),
) -> DifferenceClass:
    """The class of the change from ``tokens_a`` (in ``text_a``) to ``tokens_b``, each side
    read in its language (``languages``; "" for English rules)."""
    a, b = Side(text_a, languages[0]), Side(text_b, languages[1])
    kinds = [token.kind for token in (*tokens_a, *tokens_b)]
    if TokenKind.NUMBER in kinds or (
        has_number_word(tokens_a, a.language) and has_number_word(tokens_b, b.language)
    ):
        return DifferenceClass.NUMBER
    if _one_against_count(tokens_a, a.language, tokens_b, b.language) or _one_against_count(
        tokens_b, b.language, tokens_a, a.language
    ):
        return DifferenceClass.NUMBER  # "a firefighter" / "two firefighters"
    if kinds.count(TokenKind.PUNCT) == len(kinds):
        return DifferenceClass.WORDING
    if _only_spelling(tokens_a, tokens_b):
        return DifferenceClass.SPELLING
    if in_quotation:
        return DifferenceClass.QUOTATION
    if names_differ(tokens_a, tokens_b, a, b):
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


def has_number_word(tokens: Sequence[Token], language: str) -> bool:
    """Whether a number word is among ``tokens``: a change is a number change when it has
    digits on either side, or number words on both ("two" -> "three", not "two men" ->
    "Putin and Xi"; "zwei" -> "drei", "trois" -> "quatre")."""
    return any(number_word(token.key, language) for token in tokens)


def number_word(word: str, language: str) -> bool:
    """Is ``word`` a number word in ``language`` ("ninety-nine" by its parts in English)?"""
    if language in ("", "en"):
        return not NUMBER_WORDS.isdisjoint(word.lower().split("-"))
    return is_number_word(word, language)


def _one_against_count(
    one: Sequence[Token], one_language: str, count: Sequence[Token], count_language: str
) -> bool:
    """Does ``one`` start with an article counting one thing where ``count`` starts with a
    number word, before the same noun ("a firefighter" / "two firefighters")?"""
    if len(one) < 2 or len(count) < 2 or not counts_one(one[0].key, one_language):
        return False
    if not number_word(count[0].key, count_language):
        return False
    return one[1].kind is TokenKind.WORD and same_noun(one[1].key, count[1].key)


def _only_spelling(tokens_a: Sequence[Token], tokens_b: Sequence[Token]) -> bool:
    if len(tokens_a) != len(tokens_b) or not tokens_a:
        return False
    for x, y in zip(tokens_a, tokens_b, strict=True):
        if spelling_key(x.key) != spelling_key(y.key):
            return False
    return True
