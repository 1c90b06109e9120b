"""How alike two paragraphs are: TF-IDF over terms and character n-grams, with an index.

IDF is computed over the paragraphs of the two documents at hand, so a word both articles
use everywhere ("Ukraine") weighs little and a rare one ("HIMARS") weighs a lot. Candidate
pairs come from an inverted index of each paragraph's most informative terms, never from
all pairs, so the work grows with the length of the documents, not its square.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Sequence

import numpy as np

from compareapp.core.align.embeddings import StaticEmbeddings, Vectors
from compareapp.core.align.features import Entries, gram_entries, letters_only, term_entries
from compareapp.core.align.sparse_rows import (
    Floats,
    GroupProducts,
    Ints,
    SparseRows,
    pair_dots,
    ragged_arange,
)

WORD_WEIGHT = 0.6
"""Default share of the word cosine in a pair's lexical score; the rest is the n-gram
cosine (the aligner passes :attr:`AlignParams.word_weight`)."""
MEANING_WEIGHT = 0.3
"""Default share of the embedding cosine in a pair's score, when the embedding model is
there (the aligner passes :attr:`AlignParams.meaning_weight`)."""
WEAK_OVERLAP = 0.2
"""Pairs sharing less than this share of both paragraphs' best overlap are not ranked."""
LOOKUP_BUDGET = 160
"""About how many partners a paragraph's term lookups may propose."""
POSTINGS_PER_TERM = 48
"""Most partners one term may propose: those nearest the paragraph's own position."""
LOOKUP_ROWS = 4096
"""A paragraphs whose term lookups are made at once."""
DOT_CHUNK = 1 << 14
"""Pairs whose embedding vectors are gathered at once for their dot products."""
SHARED_CHUNK = 4096
"""Links whose shared terms are worked out at once."""


def _weighted(entries: Entries, split: int, total: int) -> tuple[SparseRows, SparseRows, Floats]:
    """TF-IDF rows of side A (rows below ``split``) and side B, and the IDF."""
    width = max(len(entries.names), 1)
    frequency = np.bincount(entries.features, minlength=width)
    idf = np.maximum(0.05, np.log((total + 1) / (frequency + 0.5)))
    weights = (1 + np.log(entries.counts)) * idf[entries.features]
    side_b = entries.rows >= split
    rows_a = SparseRows.from_entries(
        entries.rows[~side_b], entries.features[~side_b], weights[~side_b], split, width
    )
    rows_b = SparseRows.from_entries(
        entries.rows[side_b] - split,
        entries.features[side_b],
        weights[side_b],
        total - split,
        width,
    )
    return rows_a, rows_b, idf


class ParagraphSimilarity:
    """Similarity between the paragraphs of side A and side B of one comparison."""

    def __init__(
        self,
        texts_a: Sequence[str],
        texts_b: Sequence[str],
        embeddings: StaticEmbeddings | None = None,
        languages: tuple[str, str] = ("", ""),
    ) -> None:
        """``languages``: those of side A's and side B's texts, for their word terms."""
        self.size = (len(texts_a), len(texts_b))
        self.meaning = (
            (embeddings.embed(list(texts_a)), embeddings.embed(list(texts_b)))
            if embeddings
            else None
        )
        texts = [*texts_a, *texts_b]
        terms = term_entries(texts, [languages[0]] * len(texts_a) + [languages[1]] * len(texts_b))
        self.surfaces = terms.names
        words_a, words_b, self.term_idf = _weighted(terms, len(texts_a), len(texts))
        letters = [letters_only(text) for text in texts]
        self.letters = (letters[: len(texts_a)], letters[len(texts_a) :])
        chars_a, chars_b, _ = _weighted(gram_entries(letters), len(texts_a), len(texts))
        self.words = (words_a, words_b)
        self.chars = (chars_a, chars_b)
        self.word_norms = (words_a.norms(), words_b.norms())
        self.char_norms = (chars_a.norms(), chars_b.norms())
        self.term_counts = (words_a.lengths(), words_b.lengths())
        self._word_products = GroupProducts(words_a, words_b)
        self._char_products = GroupProducts(chars_a, chars_b)

    def candidates(self, per_paragraph: int = 8) -> tuple[Ints, Ints]:
        """Pairs sharing informative terms: each paragraph's best few on the other side,
        as two arrays of paragraph indices sorted by A, then B."""
        ia, jb, overlap = self._shared_term_pairs()
        weak = overlap < WEAK_OVERLAP * np.minimum(
            _best_by(ia, overlap, self.size[0])[ia], _best_by(jb, overlap, self.size[1])[jb]
        )
        ia, jb, overlap = ia[~weak], jb[~weak], overlap[~weak]
        kept = np.zeros(len(ia), dtype=bool)
        # Rank by overlap, falling; pairs come sorted by (A, B), so a stable sort breaks
        # ties by the other side's index whichever side ranks its partners.
        rank = np.empty(len(ia), dtype=np.int64)
        rank[np.argsort(-overlap, kind="stable")] = np.arange(len(ia))
        for own in (ia, jb):
            order = np.argsort(own * len(ia) + rank)
            partners = np.bincount(own)
            first = (np.cumsum(partners) - partners)[own[order]]
            kept[order[np.arange(len(order)) - first < per_paragraph]] = True
        return ia[kept], jb[kept]

    def _shared_term_pairs(self) -> tuple[Ints, Ints, Floats]:
        """Pairs that share one of A's lookup terms, with their word dot products.

        Each A paragraph looks up its rarest terms first and stops after about
        ``LOOKUP_BUDGET`` partners; of a term's postings it takes at most
        ``POSTINGS_PER_TERM``, those nearest its own relative position. So the work grows
        with the documents' length, even for a book that repeats its phrases. A paragraphs
        are taken ``LOOKUP_ROWS`` at a time, so no array grows with the book.
        """
        postings = _Postings(self.words[1])
        found = [
            self._pairs_of_rows(postings, first, min(first + LOOKUP_ROWS, self.size[0]))
            for first in range(0, self.size[0], LOOKUP_ROWS)
        ]
        keys = np.concatenate([keys for keys, _ in found]) if found else np.zeros(0, np.int64)
        overlap = np.concatenate([sums for _, sums in found]) if found else np.zeros(0)
        return keys // self.size[1], keys % self.size[1], overlap

    def _pairs_of_rows(self, postings: _Postings, first: int, stop: int) -> tuple[Ints, Floats]:
        """:meth:`_shared_term_pairs` of A paragraphs ``first`` to ``stop``, as their keys
        (``a * size_b + b``, sorted) and word dot products."""
        words_a, words_b = self.words
        size_a, size_b = self.size
        low, high = int(words_a.indptr[first]), int(words_a.indptr[stop])
        rows = np.repeat(np.arange(first, stop, dtype=np.int64), words_a.lengths()[first:stop])
        terms = words_a.indices[low:high]
        entries = np.flatnonzero(postings.count[terms] > 0)
        entries = entries[np.lexsort((-self.term_idf[terms[entries]], rows[entries]))]
        taken = np.minimum(postings.count[terms[entries]], POSTINGS_PER_TERM)
        before = np.cumsum(taken) - taken
        row_first = np.searchsorted(rows[entries], rows[entries])
        within = before - before[row_first] < LOOKUP_BUDGET
        entries, taken = entries[within], taken[within]
        ia_entry, t = rows[entries], terms[entries]
        expected = (ia_entry * size_b) // max(size_a, 1)
        nearest = np.searchsorted(postings.keys, t * size_b + expected)
        start = np.clip(
            nearest - taken // 2, postings.start[t], postings.start[t] + postings.count[t] - taken
        )
        partner_entries = postings.entries[ragged_arange(start, taken)]
        ia = np.repeat(ia_entry, taken)
        jb = postings.row[partner_entries]
        products = np.repeat(words_a.data[low + entries], taken) * words_b.data[partner_entries]
        return _summed_by_key(ia * size_b + jb, products)

    def scores(
        self,
        ia: Ints,
        jb: Ints,
        word_weight: float = WORD_WEIGHT,
        meaning_weight: float = MEANING_WEIGHT,
    ) -> Floats:
        """:meth:`score` of many single-paragraph pairs at once."""
        word = pair_dots(*self.words, ia, jb) / (self.word_norms[0][ia] * self.word_norms[1][jb])
        char = pair_dots(*self.chars, ia, jb) / (self.char_norms[0][ia] * self.char_norms[1][jb])
        lexical = word_weight * word + (1 - word_weight) * char
        if self.meaning is None:
            return np.minimum(1.0, lexical)
        meaning = _row_dots(*self.meaning, ia, jb)
        blended = (1 - meaning_weight) * lexical + meaning_weight * meaning
        return np.asarray(np.minimum(1.0, blended), np.float64)

    def score(
        self,
        a_group: Sequence[int],
        b_group: Sequence[int],
        word_weight: float = WORD_WEIGHT,
        meaning_weight: float = MEANING_WEIGHT,
    ) -> float:
        """Similarity in [0, 1] of the paragraphs ``a_group`` taken together to ``b_group``."""
        word = self._word_products.cosine(a_group, b_group)
        char = self._char_products.cosine(a_group, b_group)
        lexical = word_weight * word + (1 - word_weight) * char
        if self.meaning is None:
            return min(1.0, lexical)
        # Rows added one at a time, the same sums as .sum(0): a numpy reduction lets go of
        # the interpreter's lock and takes it back at once, and the greedy pass's 100,000s
        # of them on a book kept another thread from it (41-58 ms at the window's switch
        # interval, up to 1.3 s at 2 ms: benchmarks/lock_waits.py).
        left = functools.reduce(operator.add, map(self.meaning[0].__getitem__, a_group))
        right = functools.reduce(operator.add, map(self.meaning[1].__getitem__, b_group))
        norms = float(np.sqrt(left @ left) * np.sqrt(right @ right)) or 1.0
        meaning = float(left @ right / norms)
        return min(1.0, (1 - meaning_weight) * lexical + meaning_weight * meaning)

    def containment(self, side: int, part: int, whole: int) -> float:
        """Share of paragraph ``part``'s term weight found in ``whole`` on the other side."""
        total = float(self.words[side].row(part)[1].sum())
        if not total:
            return 0.0
        return self._word_products.overlap(part, whole, side) / total

    def repeats(self, side: int, index: int, others: Sequence[int]) -> bool:
        """Does paragraph ``index`` say word for word what one of ``others`` says?"""
        letters = self.letters[side]
        return any(letters[index] == letters[other] for other in others)

    def informative_terms(self, side: int, index: int) -> int:
        return int(self.term_counts[side][index])

    def shared_terms(self, pairs: Sequence[tuple[int, int]], limit: int = 6) -> list[list[str]]:
        """For each pair of paragraphs, the ``limit`` most informative terms they share (by
        idf, falling; ties by term id), for explaining a link. Worked out ``SHARED_CHUNK``
        pairs at a time: a book's links one after another, with a few numpy calls each,
        kept the window waiting for the interpreter lock up to 200 ms at a time."""
        found: list[list[str]] = []
        for start in range(0, len(pairs), SHARED_CHUNK):
            found += self._shared_terms_chunk(pairs[start : start + SHARED_CHUNK], limit)
        return found

    def _shared_terms_chunk(self, pairs: Sequence[tuple[int, int]], limit: int) -> list[list[str]]:
        words_a, words_b = self.words
        width = max(words_a.width, words_b.width, 1)
        ia = np.array([i for i, _ in pairs], dtype=np.int64)
        jb = np.array([j for _, j in pairs], dtype=np.int64)
        keys = []  # pair * width + term, for each side's terms
        for words, rows in ((words_a, ia), (words_b, jb)):
            lengths = words.lengths()[rows]
            terms = words.indices[ragged_arange(words.indptr[rows], lengths)]
            keys.append(np.repeat(np.arange(len(pairs), dtype=np.int64), lengths) * width + terms)
        shared = np.intersect1d(keys[0], keys[1], assume_unique=True)  # by pair, then term
        pair_of, term = shared // width, shared % width
        order = np.lexsort((-self.term_idf[term], pair_of))  # stable: ties by term, as one
        pair_of, term = pair_of[order], term[order]
        rank = np.arange(len(pair_of)) - np.searchsorted(pair_of, pair_of)
        found: list[list[str]] = [[] for _ in pairs]
        kept = rank < limit
        for k, t in zip(pair_of[kept].tolist(), term[kept].tolist(), strict=True):
            found[k].append(self.surfaces[t])
        return found


def _summed_by_key(keys: Ints, values: Floats) -> tuple[Ints, Floats]:
    """The distinct keys, sorted, and the sum of the values of each (added in input order)."""
    if not len(keys):
        return keys, np.zeros(0)
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    first = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    return ordered[first], np.add.reduceat(values[order], first)


class _Postings:
    """Side B's entries by term: for term ``t``, ``entries[start[t]:start[t] + count[t]]``,
    in order of their paragraph (``row``); ``keys`` are ``t * size_b + row`` in that order."""

    def __init__(self, words_b: SparseRows) -> None:
        size_b = words_b.count
        self.entries = np.argsort(words_b.indices, kind="stable")
        self.row = words_b.row_of_entries()
        self.keys = words_b.indices[self.entries] * size_b + self.row[self.entries]
        self.start = np.searchsorted(words_b.indices[self.entries], np.arange(words_b.width))
        self.count = np.bincount(words_b.indices, minlength=words_b.width)


def _row_dots(left: Vectors, right: Vectors, rows_left: Ints, rows_right: Ints) -> Vectors:
    """Dot products of ``left[rows_left[k]]`` with ``right[rows_right[k]]`` for every k,
    ``DOT_CHUNK`` pairs at a time: gathering every pair's vectors at once made two arrays
    of hundreds of megabytes on a book, fifteen times slower than the same sums by chunks."""
    products = np.empty(len(rows_left), dtype=left.dtype)
    for start in range(0, len(rows_left), DOT_CHUNK):
        chunk = slice(start, start + DOT_CHUNK)
        gathered = left[rows_left[chunk]], right[rows_right[chunk]]
        np.einsum("ij,ij->i", *gathered, out=products[chunk])
    return products


def _best_by(groups: Ints, values: Floats, size: int) -> Floats:
    """The largest value of each group."""
    best = np.zeros(size)
    np.maximum.at(best, groups, values)
    return best
