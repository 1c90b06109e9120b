"""Paragraph features for alignment: informative word terms and character n-grams.

Terms are lower-cased, stemmed content words and numbers, in the paragraph's language
(:mod:`compareapp.core.text.stemming`, :mod:`compareapp.core.text.stopwords`), so that
"kilometres"/"kilometers", "understands"/"understand" or "Soldaten"/"Soldat" meet.
Character 4-grams over the words run together catch OCR slips ("foundthat") and
inflections the stemmer misses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from compareapp.core.align.sparse_rows import Floats, Ints
from compareapp.core.text.normalize import NUMBER_PATTERN, WORD_PATTERN, normalize_text
from compareapp.core.text.stemming import stem_word
from compareapp.core.text.stopwords import stop_words

GRAM = 4
ALPHABET = 64
"""Distinct characters told apart in grams; rarer ones share one rank."""
_TERM = re.compile(rf"{NUMBER_PATTERN}|{WORD_PATTERN}")
_THOUSANDS = re.compile(r"[,\u00a0\u202f\u2009]")
_NOT_ALNUM = re.compile(r"[\W_]+")


@lru_cache(maxsize=1 << 16)
def term_of(token: str, language: str = "") -> tuple[str, str]:
    """A token's term in ``language`` ("" for a stop word) and the readable word it stands
    for."""
    if token[0].isdigit():
        return _THOUSANDS.sub("", token), token
    lower = normalize_text(token).lower()
    return ("" if lower in stop_words(language) else stem_word(lower, language)), lower


@dataclass(frozen=True)
class Entries:
    """Feature counts of many paragraphs as parallel arrays, and the features' names."""

    rows: Ints
    features: Ints
    counts: Floats
    names: list[str]
    """A readable name per feature id (the first word seen for a term)."""


def terms_of(text: str, language: str = "") -> set[str]:
    """The informative terms of one text, as :func:`term_entries` counts them."""
    terms = {term_of(token, language)[0] for token in _TERM.findall(text)}
    terms.discard("")  # the stop words'
    return terms


def term_entries(texts: Sequence[str], languages: Sequence[str] = ()) -> Entries:
    """Informative-term counts of every paragraph: stemmed content words and numbers, each
    paragraph read in its language (``languages``, one per text; English rules without)."""
    found = [_TERM.findall(text) for text in texts]
    read_in = list(languages) or [""] * len(texts)
    rows = np.repeat(np.arange(len(texts)), [len(in_text) for in_text in found])
    features = np.empty(len(rows), np.int64)
    ids: dict[str, int] = {}
    names: list[str] = []
    for language in dict.fromkeys(read_in):
        texts_in = [k for k, other in enumerate(read_in) if other == language]
        feature_of: dict[str, int] = {}
        in_order = []
        # By blocks of texts: one call over a book's million tokens held the lock 90 ms.
        for first in range(0, len(texts_in), TERM_BLOCK_TEXTS):
            tokens = [
                token for k in texts_in[first : first + TERM_BLOCK_TEXTS] for token in found[k]
            ]
            for token in dict.fromkeys(tokens):  # each new spelling once, in reading order
                if token not in feature_of:
                    term, surface = term_of(token, language)
                    if term and term not in ids:
                        ids[term] = len(names)
                        names.append(surface)
                    feature_of[token] = ids[term] if term else -1
            in_order.append(np.fromiter(map(feature_of.__getitem__, tokens), np.int64, len(tokens)))
        ids_in_order = np.concatenate(in_order) if in_order else np.zeros(0, np.int64)
        in_language = np.zeros(len(texts), dtype=bool)
        in_language[texts_in] = True
        features[in_language[rows]] = ids_in_order
    informative = features >= 0
    return _joined([_counted(rows[informative], features[informative], len(names))], names)


def letters_only(text: str) -> str:
    """The lower-case letters and digits of ``text`` run together."""
    return _NOT_ALNUM.sub("", text.lower())


def gram_entries(letters: Sequence[str]) -> Entries:
    """Character 4-gram counts of every paragraph's :func:`letters_only` text.

    Grams are numbered without sorting: the characters are ranked by frequency (all but
    the commonest ``ALPHABET - 1`` share the last rank), so a gram is a number below
    ``ALPHABET ** 4`` and a table of the numbers in use renumbers them densely. The work
    goes by blocks of paragraphs of about ``GRAM_BLOCK_CHARS`` characters: arrays of a
    book's every character (rank, row, gram) took 220 MB more at the peak on the
    50,000-verse pair.
    """
    lengths = np.array([len(item) for item in letters], dtype=np.int64)
    blocks = _row_blocks(lengths.tolist(), GRAM_BLOCK_CHARS)
    codes = [_codes(letters[first:stop]) for first, stop in blocks]
    frequency = _summed_counts([np.bincount(block) for block in codes])
    by_frequency = np.argsort(-frequency, kind="stable")
    rank = np.full(len(frequency), ALPHABET - 1, dtype=np.int64)
    rank[by_frequency[: ALPHABET - 1]] = np.arange(min(ALPHABET - 1, len(frequency)))
    size = int(rank[np.flatnonzero(frequency)].max(initial=0)) + 1
    grams = [
        _grams(rank[block_codes], lengths[first:stop], first, size)
        for (first, stop), block_codes in zip(blocks, codes, strict=True)
    ]
    in_use = np.zeros(size**GRAM, dtype=bool)
    for _rows, block_grams in grams:
        in_use[block_grams] = True
    renumber = np.cumsum(in_use, dtype=np.int64) - 1
    width = int(in_use.sum())
    counted = [_counted(rows, renumber[block_grams], width) for rows, block_grams in grams]
    return _joined(counted, [""] * width)


GRAM_BLOCK_CHARS = 1 << 20
TERM_BLOCK_TEXTS = 1024


def _row_blocks(lengths: list[int], chars: int) -> list[tuple[int, int]]:
    """Runs ``[first, stop)`` of rows of about ``chars`` characters in all (at least one
    row each)."""
    blocks, first, total = [], 0, 0
    for row, length in enumerate(lengths):
        total += length
        if total >= chars:
            blocks.append((first, row + 1))
            first, total = row + 1, 0
    if first < len(lengths) or not blocks:
        blocks.append((first, len(lengths)))
    return blocks


def _codes(letters: Sequence[str]) -> npt.NDArray[np.uint32]:
    return np.frombuffer("".join(letters).encode("utf-32-le"), dtype=np.uint32)


def _summed_counts(counts: list[Ints]) -> Ints:
    total = np.zeros(max((len(c) for c in counts), default=0), dtype=np.int64)
    for block in counts:
        total[: len(block)] += block
    return total


def _grams(ranks: Ints, lengths: Ints, first_row: int, size: int) -> tuple[Ints, Ints]:
    """The row (counted from ``first_row``) and number of every gram of the rows of
    ``lengths`` characters whose ranks are ``ranks``."""
    ends = np.cumsum(lengths)
    row_of_char = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    starts = np.arange(max(len(ranks) - GRAM + 1, 0))
    starts = starts[starts + GRAM <= ends[row_of_char[starts]]]
    grams = ranks[starts]
    for step in range(1, GRAM):
        grams = grams * size + ranks[starts + step]
    return row_of_char[starts] + first_row, grams


def _counted(rows: Ints, features: Ints, width: int) -> tuple[Ints, Ints]:
    """The distinct ``(row, feature)`` pairs as sorted keys ``row * width + feature``, and
    how often each occurs."""
    width = max(width, 1)
    # Rows come in order, so the keys are sorted runs: a stable (merge) sort is quick.
    keys = np.sort(rows * width + features, kind="stable")
    first = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))[: len(keys)]
    return keys[first], np.diff(np.append(first, len(keys)))


def _joined(counted: list[tuple[Ints, Ints]], names: list[str]) -> Entries:
    """Entries from :func:`_counted` blocks of rows, in order."""
    width = max(len(names), 1)
    keys = np.concatenate([keys for keys, _ in counted])
    counts = np.concatenate([counts for _, counts in counted])
    return Entries(keys // width, keys % width, counts.astype(np.float64), names)
