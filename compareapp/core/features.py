"""Paragraph features for alignment: informative word terms and character n-grams.

Terms are lower-cased, spelling-neutral, lightly stemmed content words and numbers, so that
"kilometres"/"kilometers" or "understands"/"understand" meet. Character 4-grams over the
words run together catch OCR slips ("foundthat") and inflections the stemmer misses.
"""

from __future__ import annotations

import re
from collections import Counter

from compareapp.core.normalize import TokenKind, tokenize
from compareapp.core.spelling import spelling_key

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves said says say told tell would may might must shall upon
    us one""".split()
)
_SUFFIXES = ("ingly", "edly", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s")
_POSSESSIVE = re.compile(r"['’]s$")
GRAM = 4


def stem(word: str) -> str:
    """A light suffix-stripping stem of a lower-case word."""
    word = _POSSESSIVE.sub("", word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            root = word[: -len(suffix)]
            return root + "y" if suffix in ("ies", "ied") else root
    return word


def paragraph_terms(text: str, surfaces: dict[str, str] | None = None) -> Counter[str]:
    """Counts of informative terms: stemmed content words and numbers. If given,
    ``surfaces`` learns a readable word for each term ("jinp" -> "jinping")."""
    terms: Counter[str] = Counter()
    for token in tokenize(text):
        if token.kind is TokenKind.NUMBER:
            terms[token.key] += 1
        elif token.kind is TokenKind.WORD:
            lower = token.key.lower()
            if lower not in STOPWORDS:
                term = stem(spelling_key(lower))
                terms[term] += 1
                if surfaces is not None:
                    surfaces.setdefault(term, lower)
    return terms


def paragraph_grams(text: str) -> Counter[str]:
    """Counts of character 4-grams over the paragraph's letters and digits, spaces removed."""
    letters = "".join(ch for ch in text.lower() if ch.isalnum())
    return Counter(letters[i : i + GRAM] for i in range(len(letters) - GRAM + 1))
