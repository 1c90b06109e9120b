"""Is a change a name change: does a named entity on one side stand for another entity, or
for none, on the other?

A name is read by its text's language: a capitalised word that does not merely start a
sentence (English, and a text whose language is not told); the same with the language's
function words, quotation marks and accented capitals (French, Spanish, Italian, Dutch,
Portuguese); in German, where every noun is capitalised, a word the text marks as a name
(:mod:`compareapp.core.text.proper_names`), not any capitalised word. Forms of one entity
("United States" / "U.S.", "China's" / "Chinese"), a name moved a few words and a
rewritten clause that happens to hold a name are not name changes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from compareapp.core.text.language import capitalises_nouns
from compareapp.core.text.language_words import FUNCTION_WORDS
from compareapp.core.text.normalize import Token, TokenKind
from compareapp.core.text.proper_names import german_names
from compareapp.core.text.stopwords import STOPWORDS


class Side(NamedTuple):
    """One side of a change: its document's text and the language that text is read in."""

    text: str
    language: str = ""


NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million billion trillion dozen dozens hundreds thousands
    millions billions half quarter double triple percent""".split()
)
"""English number words."""
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”(\[\n•●▪|]|--?|[–—])\s*$")
_SENTENCE_START_MARKS = re.compile(r"(?:^|[.!?:;\"“”„«»‹›‚‘「(\[\n•●▪|¿¡]|--?|[–—])\s*$")
"""Where a sentence starts, with the quotation marks and Spanish ¿ ¡ of other languages."""


def names_differ(tokens_a: Sequence[Token], tokens_b: Sequence[Token], a: Side, b: Side) -> bool:
    """Is the change from ``tokens_a`` to ``tokens_b`` a name change?"""
    short_edit = min(len(tokens_a), len(tokens_b)) > 0 or max(len(tokens_a), len(tokens_b)) <= 4
    if not short_edit or _names(tokens_a, a) == _names(tokens_b, b):
        return False
    return _entity_changed(tokens_a, tokens_b, a, b)


def _names(tokens: Sequence[Token], side: Side) -> list[str]:
    """The proper names among ``tokens``, sorted, possessives and demonym "-n" folded
    ("Russia's", "Russian" -> "russia")."""
    names = []
    for token in tokens:
        if token.key[0].isupper() and _is_name_here(token, side):
            form = _POSSESSIVE.sub("", token.key.lower())
            names.append(form[:-1] if form.endswith("n") and len(form) > 5 else form)
    return sorted(names)


def _is_name_here(token: Token, side: Side) -> bool:
    """Is ``token`` a name by the rules of the side's language: a capitalised word that
    does not merely start a sentence, or an acronym. German marks its names
    (:func:`german_names`); French, Spanish and the others capitalise names only, and
    their function words, quotation marks and capitals with accents count too."""
    if capitalises_nouns(side.language):
        return token.text in german_names(side.text) or _is_acronym(token)
    word, text = token.key, side.text
    if token.kind is not TokenKind.WORD or not word[0].isupper():
        return False
    other = side.language in FUNCTION_WORDS and side.language != "en"
    if word.lower() in STOPWORDS or (other and word.lower() in FUNCTION_WORDS[side.language]):
        return False
    if _is_acronym(token):
        return True
    starts = _SENTENCE_START_MARKS if other else _SENTENCE_START
    if not starts.search(text, max(0, token.start - 3), token.start):
        return True
    capitalised = _capitalised_mid_sentence_any if other else _capitalised_mid_sentence
    return word in capitalised(text)


def _is_acronym(token: Token) -> bool:
    return token.kind is TokenKind.WORD and len(token.key) > 1 and token.key.isupper()


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


NEARBY_CHARS = 100  # a name the other side gives this close (in its paragraph) was moved
TITLES = frozenset(
    """mr mrs ms dr prof president vice prime minister secretary chancellor governor gov
    mayor senator sen rep general gen king queen prince princess pope sir lord lady chief
    judge justice foreign defence defense spokesman spokeswoman spokesperson leader""".split()
)
TIME_NAMES = frozenset(  # days and months: a name change only against another
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
STAND_INS = frozenset(
    """man men woman women people person officials official authorities leaders head police
    government officer officers said says told tells interview statement briefing reporters
    according added asked wrote posted noted""".split()
)
"""Words for people and for saying: "the two men" / "Putin and Xi" is a name change."""
_GENERIC = frozenset("united new north south east west national republic union states the".split())
_PARTICLES = frozenset("von van der de da di du del la le al el bin ben".split())
_DEMONYMS = dict(
    pair.split(":")
    for pair in """chinese:china ukrainian:ukraine british:uk britain:uk england:uk french:france
    japanese:japan german:germany israeli:israel iranian:iran iraqi:iraq pakistani:pakistan
    polish:poland turkish:turkey spanish:spain dutch:netherlands swiss:switzerland greek:greece
    european:europe canadian:canada italian:italy belarusian:belarus afghan:afghanistan
    swedish:sweden danish:denmark finnish:finland norwegian:norway irish:ireland egyptian:egypt
    brazilian:brazil mexican:mexico vietnamese:vietnam taiwanese:taiwan korean:korea
    american:us america:us usa:us kyivan:kyiv""".split()
)
"""Demonyms and other forms of a country's name, to one key per entity."""
_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*|(?:[A-Z]\.){2,}")
_WORD_IN_TEXT = re.compile(r"[^\W\d_][\w'’-]*")
_NEXT_WORD = re.compile(r" *([^\W\d_][\w'’-]*)")
Chain = tuple[str, ...]
Tokens = Sequence[Token]


def _entity_changed(tokens_a: Tokens, tokens_b: Tokens, a: Side, b: Side) -> bool:
    """Whether a named entity on one side is not the same entity on the other."""
    text_a, text_b = a.text, b.text
    chains_a, chains_b = _chains(tokens_a, a), _chains(tokens_b, b)
    keys_a, keys_b = (set().union(*map(_keys, chains)) for chains in (chains_a, chains_b))
    lonely_a = [chain for chain in chains_a if not _keys(chain) & keys_b]
    lonely_b = [chain for chain in chains_b if not _keys(chain) & keys_a]
    if not (lonely_a or lonely_b):
        return False  # every name has its counterpart: nothing to look for nearby
    # Around the change, in text_a (looked in for B's lonely names) and in text_b.
    near_a = _windows(tokens_a, tokens_b, text_a, text_b) if lonely_b else []
    near_b = _windows(tokens_b, tokens_a, text_b, text_a) if lonely_a else []
    if _respelt(lonely_a, text_b, near_b) or _respelt(lonely_b, text_a, near_a):
        return True
    partial_a = not tokens_b and _part_of_name(tokens_a, text_a)
    partial_b = not tokens_a and _part_of_name(tokens_b, text_b)
    lonely_a = [c for c in lonely_a if not (partial_a or _named_near(c, text_b, near_b))]
    lonely_b = [c for c in lonely_b if not (partial_b or _named_near(c, text_a, near_a))]
    if not (lonely_a or lonely_b) or _only_times(lonely_a, lonely_b):
        return False
    return not (
        says_more_than_names(tokens_a, tokens_b) or says_more_than_names(tokens_b, tokens_a)
    )


def _chains(tokens: Sequence[Token], side: Side) -> list[Chain]:
    """Runs of name words among ``tokens``, folded (titles left out; "U.S." is "us")."""
    chains: list[Chain] = []
    run: list[str] = []
    k = 0
    while k < len(tokens):
        initials = k
        while initials + 1 < len(tokens) and tokens[initials + 1].key == ".":
            if not (len(tokens[initials].key) == 1 and tokens[initials].key.isupper()):
                break
            initials += 2
        if initials > k + 2:
            run.append("".join(token.key for token in tokens[k:initials:2]).lower())
            k = initials
            continue
        token = tokens[k]
        word = _fold(token.key)
        capital = token.kind is TokenKind.WORD and token.key[:1].isupper()
        if capital and word not in TITLES and _name_word(tokens, k, side, word):
            run.append(word)
        elif run and not (capital and word in TITLES):
            chains.append(tuple(run))
            run = []
        k += 1
    return [*chains, tuple(run)] if run else chains


def _name_word(tokens: Sequence[Token], k: int, side: Side, word: str) -> bool:
    """A name by the text's rules, a day or month, or "White" of "White House"."""
    if _is_name_here(tokens[k], side) or word in TIME_NAMES:
        return True
    following = tokens[k + 1].key if k + 1 < len(tokens) else ""
    return word not in STOPWORDS and following[:1].isupper() and following.lower() not in STOPWORDS


@lru_cache(maxsize=1 << 14)
def _fold(word: str) -> str:
    """One form of a name word: lower case, without a possessive, "US-made" as "us"."""
    form = _POSSESSIVE.sub("", word.lower().replace("’", "'"))
    head, _, rest = form.partition("-")
    form = head if rest and rest.islower() and word[:1].isupper() and len(head) > 1 else form
    return form.replace(".", "")


@lru_cache(maxsize=1 << 14)
def _keys(chain: Chain) -> frozenset[str]:
    """A name whole, its first and last words, initials; a demonym's country."""
    keys = {" ".join(chain)}
    for word in {chain[0], chain[-1]} - _GENERIC:
        keys |= {word[:-1] if word.endswith(("an", "ans")) and len(word) > 5 else word, word}
    if len(chain) > 1:
        keys.add("".join(word[0] for word in chain))
    return frozenset(_DEMONYMS.get(key, key) for key in keys)


def _only_times(lonely_a: list[Chain], lonely_b: list[Chain]) -> bool:
    """Days or months on one side only (or none at all): a time dropped or added."""
    times = [[c for c in side if set(c) <= TIME_NAMES] for side in (lonely_a, lonely_b)]
    only = len(times[0]) + len(times[1]) == len(lonely_a) + len(lonely_b)
    return only and not (times[0] and times[1])


def _windows(tokens: Tokens, others: Tokens, text: str, other_text: str) -> list[tuple[int, int]]:
    """Around the change in ``text`` (an empty side: around its neighbours' words)."""
    if tokens or not others:
        return [_around(text, tokens[0].start, tokens[-1].end)] if tokens else []
    start, end = others[0].start, others[-1].end
    line_start, line_end = other_text.rfind("\n", 0, start) + 1, other_text.find("\n", end)
    before = _WORD_IN_TEXT.findall(other_text, max(line_start, start - 40), start)
    after = _WORD_IN_TEXT.findall(other_text, end, end + 40 if line_end < 0 else line_end)
    anchors = [w for w in (*before[-2:], *after[:2]) if w.lower() not in STOPWORDS]
    index = _word_index(text)
    return [
        _around(text, at, at + len(word)) for word in anchors for at in index.get(word, ())[:10]
    ]


def _around(text: str, start: int, end: int) -> tuple[int, int]:
    low = max(text.rfind("\n", 0, start) + 1, start - NEARBY_CHARS)
    high = text.find("\n", end)
    return low, min(len(text) if high == -1 else high, end + NEARBY_CHARS)


@lru_cache(maxsize=4)
def _word_index(text: str) -> dict[str, list[int]]:
    """Where each word of ``text`` is."""
    index: dict[str, list[int]] = {}
    for match in _WORD_IN_TEXT.finditer(text):
        index.setdefault(match.group(), []).append(match.start())
    return index


def _named_near(chain: Chain, text: str, windows: list[tuple[int, int]]) -> bool:
    """Does ``text`` name the same entity within ``windows``?"""
    keys = _keys(chain)
    found = (word for low, high in windows for word in _NAME_WORD.findall(text, low, high))
    return any(_keys((_fold(word),)) & keys for word in found)


def _respelt(chains: list[Chain], text: str, windows: list[tuple[int, int]]) -> bool:
    """A name of ``chains`` one or two letters apart within ``windows`` ("Zelenskyy")."""
    words = {word for chain in chains for word in chain if len(word) > 3}
    for low, high in windows if words else ():
        for other in {_fold(found) for found in _NAME_WORD.findall(text, low, high)} - words:
            for word in words:
                prefix = _shared(word, other)
                suffix = _shared(word[prefix:][::-1], other[prefix:][::-1])
                close = prefix >= 3 and max(len(word), len(other)) - prefix - suffix <= 2
                if close and not _keys((word,)) & _keys((other,)):
                    return True
    return False


def _shared(x: str, y: str) -> int:
    """How many letters ``x`` and ``y`` start with alike."""
    return len(os.path.commonprefix((x, y)))  # noqa: RUF071 (letters, as wanted)


def _part_of_name(tokens: Sequence[Token], text: str) -> bool:
    """A name dropped beside the rest of it, that stays ("Ursula" von der Leyen)?"""
    after = next(iter(_NEXT_WORD.findall(text, tokens[-1].end, tokens[-1].end + 40)[:1]), "")
    before = _WORD_IN_TEXT.findall(text, max(0, tokens[0].start - 30), tokens[0].start)
    joined = after[:1].isupper() or after in _PARTICLES
    return joined or bool(before and before[-1][0].isupper() and before[-1].lower() not in TITLES)


def says_more_than_names(tokens: Sequence[Token], others: Sequence[Token]) -> bool:
    """A word of ``tokens`` not in ``others``: no name, title, stand-in, number, stop word?"""
    other_words = {token.key.lower() for token in others}
    for token in tokens:
        word = token.key.lower()
        if token.kind is not TokenKind.WORD or token.key[0].isupper() or word in other_words:
            continue
        if word not in _NOT_SAYING_MORE:
            return True
    return False


_NOT_SAYING_MORE = STOPWORDS | TITLES | STAND_INS | TIME_NAMES | NUMBER_WORDS
"""Words that change nothing but a name beside them: stop words, titles, stand-ins for a
name ("officials"), days and months, number words."""
