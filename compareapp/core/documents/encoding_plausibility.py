"""How plausible a reading of legacy-encoded bytes is as news text.

:mod:`.encoding` decodes the words that hold non-ASCII bytes with each candidate code page
and keeps the reading this module finds most plausible. Only non-ASCII characters can
differ between those readings, so only they, and the words they are in, are judged:

- **Anomalies cost.** A C1 control character (an ISO-8859 reading of Windows bytes), a
  box-drawing or mathematical symbol (a DOS or Mac reading), a rare spacing accent or
  superscript ("¤", "˝", "¹"), a symbol inside a word ("c½ur", "b¹dŸ") or on the wrong side
  of one ("dzi¶", "Wei§"), a currency sign glued to a letter ("£ódŸ") or far from any
  number, a letter glued to a digit ("Ł45", "2œ"), an apostrophe where no language elides
  ("Andaluc’a"), a word whose case changes in its middle ("ChinaÕs", "żQué"), a run of
  characters that mixes scripts ("cafй"), a one-letter word no language has ("Ð").
- **Letters the document's language does not write cost.** The document is English when
  its ASCII words say so (:func:`.encoding_languages.is_english`); then every non-ASCII
  letter costs a little (English borrows "café" and "naïve", but rarely). Otherwise its
  language is the one whose alphabet covers most of the reading's non-ASCII letters, and
  each letter outside that alphabet costs more. A Czech "č" read as Windows-1252 becomes
  "è", its "ř" "ø" and its "ě" "ì": each a Latin letter, but no language writes all three.
- **Common words reward**: "że", "się", "à", "für", "más", "что" in a reading are evidence
  for it, and tip short texts whose letters alone could be read either way.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from compareapp.core.documents.encoding_languages import (
    COMMON_WORDS,
    LONE_LETTERS,
    UNSPACED_SCRIPTS,
    main_language,
    script,
)

C1_CONTROL = 10.0
"""A C1 control: what ISO-8859 makes of a Windows code page's quotes and dashes."""
BAD_SYMBOL = 5.0
"""Box drawing, block and shape characters, math operators, private use (the Apple logo)."""
MIXED_SCRIPTS = 4.0
SYMBOL_IN_WORD = 4.0
CASE_CHANGE = 3.0
LETTER_BY_DIGIT = 3.0
CURRENCY_BY_LETTER = 3.0
FOREIGN_LETTER = 2.0
"""A letter the document's language does not write."""
RARE_SYMBOL = 2.0
LONE_LETTER = 2.0
SYMBOL_BY_LETTER = 2.0
EN_DASH_IN_WORD = 2.0
"""An en dash between two lowercase letters; between names ("Paris–Berlin") it is fine."""
LETTER_IN_ENGLISH = 1.0
"""A non-ASCII letter in English text: a loanword or a foreign name, or a misreading."""
CURRENCY_WITHOUT_NUMBER = 1.0
ODD_APOSTROPHE = 1.0
UNKNOWN_SYMBOL = 1.0
COMMON_WORD = 1.0
"""The reward for each common word of a language in the reading."""

_COMMON_SYMBOLS = frozenset("‘’‚‛“”„‟«»‹›–—―…•·‐‑\xa0\u2009\u202f€£¥¢§¶°©®™½¼¾×±†‡‰′″¡¿№")
_IN_WORD = frozenset("’‘ʼ‐‑—–·\xa0\u2009\u202f")
"""Symbols that may stand between two letters: apostrophes, hyphens, dashes, the Catalan
middle dot, no-break spaces."""
_GLUE = {
    **dict.fromkeys("§¶†‡±×½¼¾‰", (False, False)),  # "§ 12", "2½", "±3"
    "°": (False, True),  # "20°C"
    **dict.fromkeys("©®™", (True, False)),  # "Apple®"
    **dict.fromkeys("¡¿", (False, True)),  # "¿Qué"
}
"""Symbols that may touch a letter: (a letter before them, a letter after them)."""
_APOSTROPHES = frozenset("’‘ʼ")
_CLITICS = frozenset("s t ll re ve d m n".split())
"""What follows an apostrophe in English ("it’s", "we’ll") and Dutch ("auto’s", "zo’n")."""
_ELIDED_WORDS = frozenset(
    "aujourd presqu quelqu jusqu lorsqu puisqu quoiqu dell all nell dall sull coll quell quest"
    " tutt nessun alcun senz".split()
)
"""Words that end in an apostrophe before a vowel in French and Italian ("aujourd’hui")."""
_RARE_SYMBOLS = frozenset("¤¦¨´¸¬¯˘ˇ˛˙˝ˆ˜˚µ÷ƒ")
_SUPERSCRIPTS = frozenset("¹²³")
_ORDINALS = frozenset("ªº")

_LETTER, _COMMON, _RARE, _BAD, _C1, _SUPERSCRIPT, _ORDINAL, _UNKNOWN = range(8)
"""Kinds of character."""
_KIND_COST = {_RARE: RARE_SYMBOL, _BAD: BAD_SYMBOL, _C1: C1_CONTROL, _UNKNOWN: UNKNOWN_SYMBOL}


@dataclass(frozen=True)
class Plausibility:
    """What a reading costs (its anomalies) and earns (its common words); lower is better."""

    cost: float
    reward: float
    language: str
    """"English", or the language whose alphabet covers most of the reading's non-ASCII
    letters ("" if none does)."""

    @property
    def score(self) -> float:
        return self.cost - self.reward


def plausibility(tokens: Mapping[str, int], *, english: bool = False) -> Plausibility:
    """Judge a reading given as its tokens that hold non-ASCII characters, with their
    counts; ``english`` if the document's ASCII words are English."""
    cost = 0.0
    reward = 0.0
    letters: Counter[str] = Counter()
    for token, count in tokens.items():
        token_cost, token_reward, token_letters = _judge_token(token)
        cost += count * token_cost
        reward += count * token_reward
        for letter in token_letters:
            letters[letter] += count
    if english:
        return Plausibility(cost + LETTER_IN_ENGLISH * sum(letters.values()), reward, "English")
    language, foreign = main_language(letters)
    return Plausibility(cost + FOREIGN_LETTER * foreign, reward, language)


def _judge_token(token: str) -> tuple[float, float, list[str]]:
    """The cost, the reward and the non-ASCII letters (lower case) of one token: a run of
    non-space characters, perhaps with an ASCII character of each neighbour as context."""
    cost = 0.0
    reward = 0.0
    letters: list[str] = []
    for word in _words(token):
        if word.isascii():
            continue
        cost += _word_cost(word)
        if word.lower() in COMMON_WORDS:
            reward += COMMON_WORD
        letters.extend(_lower(char) for char in word if not char.isascii())
    for chunk in token.split():
        if len({script(char) for char in chunk if _is_letter(char)}) > 1:
            cost += MIXED_SCRIPTS  # "cafй", "Putin.У"
    for index, char in enumerate(token):
        if not char.isascii():
            cost += _char_cost(token, index)
    return cost, reward, letters


def _word_cost(word: str) -> float:
    """A one-letter word no language has, or a word whose case changes in its middle."""
    if len(word) == 1:
        return 0.0 if _lower(word) in LONE_LETTERS else LONE_LETTER
    cased = word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())
    if not cased and any(char.isupper() or char.islower() for char in word):
        return CASE_CHANGE
    return 0.0


def _char_cost(token: str, index: int) -> float:
    """The cost of the non-ASCII character at ``token[index]`` in its place."""
    char = token[index]
    before = token[index - 1] if index else " "
    after = token[index + 1] if index + 1 < len(token) else " "
    kind = _kind(char)
    unspaced = script(char) in UNSPACED_SCRIPTS
    if kind == _LETTER:
        by_digit = _is_ascii_digit(before) or _is_ascii_digit(after)
        return LETTER_BY_DIGIT if by_digit and not unspaced else 0.0
    if unspaced:
        return 0.0  # "、" and "。" stand between the letters of unspaced text
    between_letters = _is_alphabetic(before) and _is_alphabetic(after)
    if kind == _COMMON:
        return _symbol_cost(token, index, between_letters)
    if kind == _SUPERSCRIPT:  # "m²" and "10³" are units; "by³" is a Polish "ł" misread
        unit = before.isascii() and before.isalnum() and not _is_letter(after)
        return 0.0 if unit else RARE_SYMBOL
    if kind == _ORDINAL:  # "1º", "2ª", "nº"
        return 0.0 if _is_ascii_digit(before) or before in "nN" else RARE_SYMBOL
    return _KIND_COST[kind] + (SYMBOL_IN_WORD if between_letters else 0.0)


def _symbol_cost(token: str, index: int, between_letters: bool) -> float:
    """The cost of a common symbol or punctuation mark in its place."""
    char = token[index]
    before = token[index - 1] if index else " "
    after = token[index + 1] if index + 1 < len(token) else " "
    if between_letters:
        if char in _APOSTROPHES:
            return _elision_cost(token[:index], token[index + 1 :])
        if char == "–" and before.islower() and after.islower():
            return EN_DASH_IN_WORD
        return 0.0 if char in _IN_WORD else SYMBOL_IN_WORD
    if char in _GLUE:
        letter_before_ok, letter_after_ok = _GLUE[char]
        glued = (_is_letter(before) and not letter_before_ok) or (
            _is_letter(after) and not letter_after_ok
        )
        return SYMBOL_BY_LETTER if glued else 0.0
    if unicodedata.category(char) == "Sc":
        if _is_letter(after) or _is_letter(before):
            return CURRENCY_BY_LETTER  # "£ódŸ", "Residents¢"
        if not any(_is_ascii_digit(near) for near in token[max(0, index - 2) : index + 3]):
            return CURRENCY_WITHOUT_NUMBER  # "¥ He says" (a Mac bullet)
    return 0.0


def _elision_cost(before: str, after: str) -> float:
    """An apostrophe between letters: plausible in "it’s", "don’t", "l’homme", "qu’il",
    "dell’anno", "O’Brien"; not in "Sequ’a" (a Mac "í" read as Windows-1252)."""
    head = _last_word(before).lower()
    tail = _first_word(after).lower()
    if tail in _CLITICS or len(head) <= 2 or head in _ELIDED_WORDS:
        return 0.0
    return ODD_APOSTROPHE


def _words(token: str) -> Iterable[str]:
    """The runs of letters in ``token``."""
    start = -1
    for index, char in enumerate(token):
        if _is_letter(char):
            if start < 0:
                start = index
        elif start >= 0:
            yield token[start:index]
            start = -1
    if start >= 0:
        yield token[start:]


def _last_word(text: str) -> str:
    start = len(text)
    while start and _is_letter(text[start - 1]):
        start -= 1
    return text[start:]


def _first_word(text: str) -> str:
    end = 0
    while end < len(text) and _is_letter(text[end]):
        end += 1
    return text[:end]


@cache
def _kind(char: str) -> int:
    if char in _ORDINALS:
        return _ORDINAL
    if _is_letter(char):
        return _LETTER
    if char in _COMMON_SYMBOLS or script(char) in UNSPACED_SCRIPTS:
        return _COMMON
    category = unicodedata.category(char)
    if char in _RARE_SYMBOLS or category in {"Lm", "Sk"}:
        return _RARE
    if char in _SUPERSCRIPTS:
        return _SUPERSCRIPT
    code = ord(char)
    if 0x80 <= code <= 0x9F:
        return _C1
    if 0x2500 <= code <= 0x25FF or category in {"Sm", "Co", "Cn"}:
        return _BAD
    return _UNKNOWN


@cache
def _is_letter(char: str) -> bool:
    """A letter of a word: not "ª"/"º", "µ" or "ƒ", nor a spacing modifier ("ˆ") outside
    East Asian text ("ー", "々")."""
    if char in _ORDINALS or char in "µƒ":
        return False
    category = unicodedata.category(char)
    if category == "Lm":
        return script(char) == "cjk"
    return category in {"Lu", "Ll", "Lt", "Lo"}


def _is_alphabetic(char: str) -> bool:
    """A letter of an alphabet (not of unspaced East Asian text)."""
    return _is_letter(char) and script(char) not in UNSPACED_SCRIPTS


def _lower(char: str) -> str:
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def _is_ascii_digit(char: str) -> bool:
    return "0" <= char <= "9"
