"""A document's language: told by a language-identification model, with function words as
the fallback.

The model is py3langid's (a naive Bayes classifier over byte n-grams, 97 languages; BSD-3):
it tells a language from a sentence, where counting function words needs a paragraph. When
it is unsure (its probability under ``MIN_CONFIDENCE``: a headline of names, a figure, a
mix of languages) the function words decide: the most frequent short words of news text
("der", "le", "el", "the"), counted per language, with an answer only when one language
clearly leads. A text too short to tell, in another language, or unsure both ways gets "",
and the readers then keep their English rules.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from compareapp.core.text.language_words import FUNCTION_WORDS

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

LANGUAGES = tuple(FUNCTION_WORDS)
"""The languages read with their own rules: ISO 639-1 codes."""
LANGUAGE_NAMES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pt": "Portuguese",
}
"""What each language is called, for people (the order menus list them in)."""
NOUN_CAPITALISING = frozenset({"de"})
"""Languages that capitalise every noun: a capital there does not make a name."""
SAMPLE_CHARS = 20_000
"""How much of a long text is read (its start, then its middle)."""
MIN_LETTERS = 12
"""Fewer letters than this tell no language."""
MIN_CONFIDENCE = 0.3
"""The model's answer is taken when its probability is at least this; below it, the
function words decide. On the fixture stories and samples a paragraph scored above 0.9 and
nearly every first sentence above 0.7, a headline 0.41; the model's two wrong answers among
395 first sentences (a four-word Polish one, a placename) scored under 0.2."""
MIN_HITS = 8
"""Function words the leading language must have at least (the fallback)."""
MIN_SHARE = 0.12
"""...and at least this share of all words."""
LEAD = 1.3
"""...and this many times the runner-up's count."""
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language when it is one of :data:`LANGUAGES`, or ""
    (unsure, or another language)."""
    return _detect(text)


def language_name(code: str) -> str:
    """ "German" for "de"; the code itself for a language not named here; "" for ""."""
    return LANGUAGE_NAMES.get(code, code)


def capitalises_nouns(language: str) -> bool:
    """Does ``language`` capitalise common nouns (German)?"""
    return language in NOUN_CAPITALISING


@lru_cache(maxsize=32)
def _detect(text: str) -> str:
    sample = _sample(text)
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return ""
    code, confidence = _identifier().classify(sample)
    if float(confidence) >= MIN_CONFIDENCE:
        return str(code) if code in FUNCTION_WORDS else ""
    return by_function_words(sample)


def by_function_words(text: str) -> str:
    """The language whose function words lead ``text``'s words clearly, or "" (the fallback
    when the model is unsure)."""
    words = [word.lower() for word in _WORD.findall(text)]
    counts = Counter(words)
    hits = sorted(
        ((sum(counts[w] for w in FUNCTION_WORDS[code]), code) for code in LANGUAGES),
        reverse=True,
    )
    (best, code), (second, _other) = hits[0], hits[1]
    if best < MIN_HITS or best < MIN_SHARE * len(words) or best < LEAD * second:
        return ""
    return code


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's model with probabilities (loaded once: see :mod:`.language_model`)."""
    from compareapp.core.text.language_model import load_identifier

    return load_identifier()


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    half = SAMPLE_CHARS // 2
    middle = len(text) // 2
    return text[:half] + " " + text[middle : middle + half]
