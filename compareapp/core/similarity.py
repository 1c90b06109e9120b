"""How alike two paragraphs are: TF-IDF over terms and character n-grams, with an index.

IDF is computed over the paragraphs of the two documents at hand, so a word both articles
use everywhere ("Ukraine") weighs little and a rare one ("HIMARS") weighs a lot. Candidate
pairs come from an inverted index of the informative terms, never from all pairs.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from compareapp.core.features import paragraph_grams, paragraph_terms

Vector = dict[str, float]

WORD_WEIGHT = 0.6
"""Share of the word cosine in a pair's score; the rest is the character n-gram cosine."""


def _idf(counters: Iterable[Counter[str]]) -> dict[str, float]:
    document_frequency: Counter[str] = Counter()
    total = 0
    for counter in counters:
        document_frequency.update(counter.keys())
        total += 1
    return {
        term: max(0.05, math.log((total + 1) / (df + 0.5)))
        for term, df in document_frequency.items()
    }


def _weigh(counter: Counter[str], idf: dict[str, float]) -> Vector:
    return {term: (1 + math.log(count)) * idf[term] for term, count in counter.items()}


def _norm(vector: Vector) -> float:
    return math.sqrt(sum(value * value for value in vector.values())) or 1.0


def _dot(left: Vector, right: Vector) -> float:
    if len(left) > len(right):
        left, right = right, left
    return sum(value * right.get(term, 0.0) for term, value in left.items())


def _add(vectors: Iterable[Vector]) -> Vector:
    total: defaultdict[str, float] = defaultdict(float)
    for vector in vectors:
        for term, value in vector.items():
            total[term] += value
    return total


def cosine(left: Vector, right: Vector) -> float:
    return _dot(left, right) / (_norm(left) * _norm(right))


class ParagraphSimilarity:
    """Similarity between the paragraphs of side A and side B of one comparison."""

    def __init__(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> None:
        self.size = (len(texts_a), len(texts_b))
        self.surfaces: dict[str, str] = {}
        terms = [paragraph_terms(text, self.surfaces) for text in (*texts_a, *texts_b)]
        grams = [paragraph_grams(text) for text in (*texts_a, *texts_b)]
        term_idf, gram_idf = _idf(terms), _idf(grams)
        words = [_weigh(counter, term_idf) for counter in terms]
        chars = [_weigh(counter, gram_idf) for counter in grams]
        split = len(texts_a)
        self.words = (words[:split], words[split:])
        self.chars = (chars[:split], chars[split:])
        self.term_idf = term_idf

    def candidates(self, per_paragraph: int = 8) -> set[tuple[int, int]]:
        """Pairs sharing informative terms: each paragraph's best few on the other side."""
        words_a, words_b = self.words
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for j, vector in enumerate(words_b):
            for term in vector:
                postings[term].append(j)
        too_common = max(12, int(2 * math.sqrt(len(words_a) + len(words_b))))
        best_for_b: defaultdict[int, list[tuple[float, int]]] = defaultdict(list)
        pairs: set[tuple[int, int]] = set()
        for i, vector in enumerate(words_a):
            overlap: defaultdict[int, float] = defaultdict(float)
            for term, value in vector.items():
                js = postings.get(term, ())
                if len(js) <= too_common:
                    for j in js:
                        overlap[j] += value * words_b[j][term]
            for j, _ in heapq.nlargest(per_paragraph, overlap.items(), key=lambda kv: kv[1]):
                pairs.add((i, j))
            for j, value in overlap.items():
                heap = best_for_b[j]  # the best few only: millions of tuples would take
                if len(heap) < per_paragraph:  # long enough to free that other threads stall
                    heapq.heappush(heap, (value, -i))
                elif (value, -i) > heap[0]:
                    heapq.heapreplace(heap, (value, -i))
        for j, heap in best_for_b.items():
            pairs.update((-negative_i, j) for _, negative_i in heap)
        return pairs

    def score(self, a_group: Sequence[int], b_group: Sequence[int]) -> float:
        """Similarity in [0, 1] of the paragraphs ``a_group`` taken together to ``b_group``."""
        word = cosine(self._sum(0, a_group, self.words), self._sum(1, b_group, self.words))
        char = cosine(self._sum(0, a_group, self.chars), self._sum(1, b_group, self.chars))
        return min(1.0, WORD_WEIGHT * word + (1 - WORD_WEIGHT) * char)

    def containment(self, side: int, part: int, whole: int) -> float:
        """Share of paragraph ``part``'s term weight found in ``whole`` on the other side."""
        part_vector = self.words[side][part]
        whole_vector = self.words[1 - side][whole]
        total = sum(part_vector.values())
        if not total:
            return 0.0
        shared = sum(min(v, whole_vector.get(t, 0.0)) for t, v in part_vector.items())
        return shared / total

    def repeats(self, side: int, index: int, others: Sequence[int]) -> bool:
        """Does paragraph ``index`` say word for word what one of ``others`` says?"""
        table = self.chars[side]
        return any(table[index] == table[other] for other in others)

    def informative_terms(self, side: int, index: int) -> int:
        return len(self.words[side][index])

    def shared_terms(self, i: int, j: int, limit: int = 6) -> list[str]:
        """The most informative terms the two paragraphs share, for explaining a link."""
        left, right = self.words[0][i], self.words[1][j]
        shared = [term for term in left if term in right]
        shared.sort(key=lambda term: -self.term_idf[term])
        return [self.surfaces.get(term, term) for term in shared[:limit]]

    @staticmethod
    def _sum(side: int, group: Sequence[int], table: tuple[list[Vector], list[Vector]]) -> Vector:
        if len(group) == 1:
            return table[side][group[0]]
        return _add(table[side][index] for index in group)
