"""Sentence-level evidence for a paragraph pair: how well the best-matching sentences agree.

A paragraph that a rewrite cut in two and glued to its neighbours (Reuters' "Kyiv says it
has recovered more than 8,000 square kilometers…" whose first sentence went into CBC's
"Putin has yet to…" paragraph, its second into another) matches neither new paragraph well
as a whole, but one of its sentences matches one of theirs closely. This pass adds such a
link between two paragraphs already linked elsewhere, when the sentence that matches is not
already explained by their present partners.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from compareapp.core.align.features import terms_of

_SENTENCE = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")

Pair = tuple[int, int, float]


class SentenceTerms:
    """The informative terms of each sentence of each paragraph, made on demand."""

    def __init__(
        self, texts_a: Sequence[str], texts_b: Sequence[str], languages: tuple[str, str] = ("", "")
    ) -> None:
        self.texts = (texts_a, texts_b)
        self.languages = languages
        self._made: tuple[dict[int, list[frozenset[str]]], ...] = ({}, {})

    def of(self, side: int, index: int) -> list[frozenset[str]]:
        made = self._made[side].get(index)
        if made is None:
            sentences = _SENTENCE.split(self.texts[side][index])
            made = [frozenset(terms_of(sentence, self.languages[side])) for sentence in sentences]
            self._made[side][index] = made = [terms for terms in made if terms]
        return made


def _dice(x: frozenset[str], y: frozenset[str]) -> float:
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


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
    own_a, own_b = sentences.of(0, i), sentences.of(1, j)
    if len(own_a) < 2 and len(own_b) < 2:
        return False  # one sentence each: the paragraph pair's own score says it all
    best = max(((_dice(x, y), x, y) for x in own_a for y in own_b), default=None, key=_first)
    if best is None or best[0] < threshold:
        return False
    dice, x, y = best
    elsewhere_a = [s for other in partners[0][i] for s in sentences.of(1, other)]
    elsewhere_b = [s for other in partners[1][j] for s in sentences.of(0, other)]
    return all(_dice(x, s) < dice for s in elsewhere_a) and all(
        _dice(y, s) < dice for s in elsewhere_b
    )


def _first(item: tuple[float, frozenset[str], frozenset[str]]) -> float:
    return item[0]
