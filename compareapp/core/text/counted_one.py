"""One thing counted without a digit: "a firefighter" against "two firefighters" is a
change of number (1 -> 2), as "un pompier" / "deux pompiers" and "ein Soldat" / "zwei
Soldaten" are.

An indefinite article counts one only before the noun the other side counts ("a man" /
"two suspects" says something else); "one" ("one person" / "two people") is a number word
already.
"""

from __future__ import annotations

ONE_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"a", "an", "one"}),
    "de": frozenset({"ein", "eine", "einen", "einem", "einer", "eines"}),
    "fr": frozenset({"un", "une"}),
    "es": frozenset({"un", "una", "uno"}),
    "it": frozenset({"un", "uno", "una", "un'"}),
    "nl": frozenset({"een", "één"}),
    "pt": frozenset({"um", "uma"}),
}
"""The indefinite articles (and "one") of each language, in lower case."""
_PLURAL_ENDINGS = ("es", "en", "er", "s", "x", "n", "e")
_SHORTEST_STEM = 3


def counts_one(word: str, language: str) -> bool:
    """Is ``word`` an article or "one" that counts one thing, in ``language`` or English?"""
    key = word.lower()
    return key in ONE_WORDS.get(language, frozenset()) or key in ONE_WORDS["en"]


def same_noun(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one noun, singular or plural ("firefighter" / "firefighters",
    "pompier" / "pompiers", "Soldat" / "Soldaten")?"""
    x, y = a.lower(), b.lower()
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    if not long.startswith(short) or len(short) < _SHORTEST_STEM:
        return False
    return long[len(short) :] in _PLURAL_ENDINGS
