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
    terms = (term_of(token, language)[0] for token in _TERM.findall(text))
    return {term for term in terms if term}


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
        tokens = [token for k in texts_in for token in found[k]]
        feature_of: dict[str, int] = {}
        for token in dict.fromkeys(tokens):  # each distinct spelling once, in reading order
            term, surface = term_of(token, language)
            if term and term not in ids:
                ids[term] = len(names)
                names.append(surface)
            feature_of[token] = ids[term] if term else -1
        ids_in_order = np.fromiter(map(feature_of.__getitem__, tokens), np.int64, len(tokens))
        features[np.isin(rows, texts_in)] = ids_in_order
    informative = features >= 0
    return _counted(rows[informative], features[informative], names)


def letters_only(text: str) -> str:
    """The lower-case letters and digits of ``text`` run together."""
    return _NOT_ALNUM.sub("", text.lower())


def gram_entries(letters: Sequence[str]) -> Entries:
    """Character 4-gram counts of every paragraph's :func:`letters_only` text.

    Grams are numbered without sorting: the characters are ranked by frequency (all but
    the commonest ``ALPHABET - 1`` share the last rank), so a gram is a number below
    ``ALPHABET ** 4`` and a table of the numbers in use renumbers them densely.
    """
    lengths = np.array([len(item) for item in letters], dtype=np.int64)
    codes = np.frombuffer("".join(letters).encode("utf-32-le"), dtype=np.uint32)
    frequency = np.bincount(codes)
    by_frequency = np.argsort(-frequency, kind="stable")
    rank = np.full(len(frequency), ALPHABET - 1, dtype=np.int64)
    rank[by_frequency[: ALPHABET - 1]] = np.arange(min(ALPHABET - 1, len(frequency)))
    ranks = rank[codes]
    size = int(ranks.max(initial=0)) + 1
    ends = np.cumsum(lengths)
    row_of_char = np.repeat(np.arange(len(letters), dtype=np.int64), lengths)
    starts = np.arange(max(len(ranks) - GRAM + 1, 0))
    starts = starts[starts + GRAM <= ends[row_of_char[starts]]]
    grams = ranks[starts]
    for step in range(1, GRAM):
        grams = grams * size + ranks[starts + step]
    in_use = np.zeros(size**GRAM, dtype=bool)
    in_use[grams] = True
    renumber = np.cumsum(in_use, dtype=np.int64) - 1
    return _counted(row_of_char[starts], renumber[grams], [""] * int(in_use.sum()))


def _counted(rows: Ints, features: Ints, names: list[str]) -> Entries:
    width = max(len(names), 1)
    # Rows come in order, so the keys are sorted runs: a stable (merge) sort is quick.
    keys = np.sort(rows * width + features, kind="stable")
    first = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))[: len(keys)]
    counts = np.diff(np.append(first, len(keys)))
    keys = keys[first]
    return Entries(keys // width, keys % width, counts.astype(np.float64), names)
