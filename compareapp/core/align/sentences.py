"""Sentence-level evidence for a paragraph pair: how well the best-matching sentences agree.

A paragraph that a rewrite cut in two and glued to its neighbours (Reuters' "Kyiv says it
has recovered more than 8,000 square kilometers…" whose first sentence went into CBC's
"Putin has yet to…" paragraph, its second into another) matches neither new paragraph well
as a whole, but one of its sentences matches one of theirs closely. This pass adds such a
link between two paragraphs already linked elsewhere, when the sentence that matches is not
already explained by their present partners.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from compareapp.core.align.features import terms_of
from compareapp.core.text.sentences import sentence_end_pattern, starts_sentence

_SENTENCE = sentence_end_pattern('"”’)\\]')
"""Where a sentence may end: the rules of :mod:`compareapp.core.text.sentences` without
its exceptions for titles and initials ("Mr. Putin" is two pieces here)."""

Pair = tuple[int, int, float]


class SentenceTerms:
    """The informative terms of each sentence of each paragraph, made on demand."""

    def __init__(
        self, texts_a: Sequence[str], texts_b: Sequence[str], languages: tuple[str, str] = ("", "")
    ) -> None:
        self.texts = (texts_a, texts_b)
        self.languages = languages
        self._made: tuple[dict[int, list[frozenset[str]]], ...] = ({}, {})
        self._cut: tuple[dict[int, list[str]], ...] = ({}, {})

    def of(self, side: int, index: int) -> list[frozenset[str]]:
        made = self._made[side].get(index)
        if made is None:
            sentences = self.pieces(side, index)
            made = [frozenset(terms_of(sentence, self.languages[side])) for sentence in sentences]
            self._made[side][index] = made = [terms for terms in made if terms]
        return made

    def release(self) -> None:
        """Let go of the terms and sentences made, a paragraph at a time: a book's (300,000
        term sets) took 70 ms to free at once, holding the interpreter's lock all along
        (the window's, when a job aligns)."""
        for made, cut in zip(self._made, self._cut, strict=True):
            _empty(made)
            _empty(cut)

    def pieces(self, side: int, index: int) -> list[str]:
        """The sentences of a paragraph, those without terms too: at least as many as
        :meth:`of` gives, and quicker to find."""
        made = self._cut[side].get(index)
        if made is None:
            self._cut[side][index] = made = _pieces(self.texts[side][index])
        return made


def _empty(table: dict[int, Any]) -> None:
    """Delete the entries of ``table`` one by one."""
    for key in list(table):
        del table[key]


def _pieces(text: str) -> list[str]:
    """``text`` cut where a sentence ends (what separates two sentences left out)."""
    pieces, first = [], 0
    for match in _SENTENCE.finditer(text):
        if starts_sentence(text, match.end()):
            pieces.append(text[first : match.start()])
            first = match.end()
    return [*pieces, text[first:]]


def sentence_links(
    sentences: SentenceTerms,
    candidates: Sequence[Pair],
    pairs: Sequence[Pair],
    threshold: float,
) -> list[Pair]:
    """Links between paragraphs both already linked (not to each other), when a sentence of
    one matches a sentence of the other with Dice ``threshold`` or more over informative
    terms, better than either sentence matches any sentence of its paragraph's partners.
    Each paragraph takes at most one such link; ``candidates`` come best first."""
    partners: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})
    for i, j, _ in pairs:
        partners[0].setdefault(i, []).append(j)
        partners[1].setdefault(j, []).append(i)
    added: list[Pair] = []
    extended: tuple[set[int], set[int]] = (set(), set())
    for i, j, score in candidates:
        if i not in partners[0] or j not in partners[1] or j in partners[0][i]:
            continue
        if i in extended[0] or j in extended[1]:
            continue
        if _explains_new(sentences, i, j, partners, threshold):
            added.append((i, j, score))
            extended[0].add(i)
            extended[1].add(j)
    return added


def _explains_new(
    sentences: SentenceTerms,
    i: int,
    j: int,
    partners: tuple[dict[int, list[int]], dict[int, list[int]]],
    threshold: float,
) -> bool:
    if len(sentences.pieces(0, i)) < 2 and len(sentences.pieces(1, j)) < 2:
        return False  # (a sentence without terms is left out: only fewer could remain)
    own_a, own_b = sentences.of(0, i), sentences.of(1, j)
    if len(own_a) < 2 and len(own_b) < 2:
        return False  # one sentence each: the paragraph pair's own score says it all
    dice, x, y = _best_match(own_a, own_b, threshold)
    if dice < threshold:
        return False
    return not _matched_as_well(x, dice, sentences, 1, partners[0][i]) and not (
        _matched_as_well(y, dice, sentences, 0, partners[1][j])
    )


def _best_match(
    own_a: list[frozenset[str]], own_b: list[frozenset[str]], threshold: float
) -> tuple[float, frozenset[str], frozenset[str]]:
    """The best Dice of a sentence of ``own_a`` with one of ``own_b`` (the first such pair)
    when it is ``threshold`` or more, else a lower number. Sentences are never empty
    (:meth:`SentenceTerms.of`); two whose sizes alone keep them below the threshold or the
    best so far are not intersected."""
    best, best_x, best_y = -1.0, frozenset[str](), frozenset[str]()
    for x in own_a:
        size_x = len(x)
        for y in own_b:
            total = size_x + len(y)
            reach = 2 * min(size_x, len(y)) / total
            if reach < threshold or reach <= best:
                continue
            dice = 2 * len(x & y) / total
            if dice > best:
                best, best_x, best_y = dice, x, y
    return best, best_x, best_y


def _matched_as_well(
    sentence: frozenset[str], dice: float, sentences: SentenceTerms, side: int, others: list[int]
) -> bool:
    """Does a sentence of paragraphs ``others`` (of ``side``) match ``sentence`` with Dice
    ``dice`` or more? A sentence too short or too long to reach it is not compared."""
    size = len(sentence)
    for other in others:
        for terms in sentences.of(side, other):
            total = size + len(terms)
            if (
                2 * min(size, len(terms)) / total >= dice
                and 2 * len(sentence & terms) / total >= dice
            ):
                return True
    return False
