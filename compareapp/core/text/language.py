"""A document's language, told from its function words.

News text is one function word in three or so ("der", "le", "el", "the"), so counting the
most frequent ones of each language tells English, German, French, Spanish, Italian, Dutch
and Portuguese apart within a sentence or two, with no model and no dependency. Where no
language clearly leads (too few words, another language, a mix) the answer is "", and the
readers then keep their English rules.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from compareapp.core.text.language_words import FUNCTION_WORDS

LANGUAGES = tuple(FUNCTION_WORDS)
"""The languages told: ISO 639-1 codes."""
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
MIN_HITS = 8
"""Function words the leading language must have at least."""
MIN_SHARE = 0.12
"""...and at least this share of all words."""
LEAD = 1.3
"""...and this many times the runner-up's count."""
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language ("en", "de", "fr", "es", "it", "nl", "pt"),
    or "" when unsure."""
    return _detect(text)


def language_name(code: str) -> str:
    """ "German" for "de"; the code itself for a language not named here; "" for ""."""
    return LANGUAGE_NAMES.get(code, code)


def capitalises_nouns(language: str) -> bool:
    """Does ``language`` capitalise common nouns (German)?"""
    return language in NOUN_CAPITALISING


@lru_cache(maxsize=32)
def _detect(text: str) -> str:
    words = [word.lower() for word in _WORD.findall(_sample(text))]
    counts = Counter(words)
    hits = sorted(
        ((sum(counts[w] for w in FUNCTION_WORDS[code]), code) for code in LANGUAGES),
        reverse=True,
    )
    (best, code), (second, _other) = hits[0], hits[1]
    if best < MIN_HITS or best < MIN_SHARE * len(words) or best < LEAD * second:
        return ""
    return code


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    half = SAMPLE_CHARS // 2
    middle = len(text) // 2
    return text[:half] + " " + text[middle : middle + half]
