"""The name check finds a word's places in a text by looking where it occurs, not by
indexing the whole text: the same places as reading every word of the text in order."""

from __future__ import annotations

import random
import re

from compareapp.core.diff import name_changes

WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _places_reading_every_word(text: str, word: str) -> list[int]:
    return [match.start() for match in WORD.finditer(text) if match.group() == word][:10]


def test_a_word_is_found_where_reading_every_word_finds_it() -> None:
    rng = random.Random(3)
    characters = list("ab A'’-_1²½é\n.,")  # letters, word characters that are not, others
    for _ in range(3000):
        text = "".join(rng.choice(characters) for _ in range(rng.randint(0, 30)))
        for word in {match.group() for match in WORD.finditer(text)} | {"a", "ab", "b-a", "é"}:
            assert name_changes._word_starts(text, word) == _places_reading_every_word(text, word)


def test_only_the_first_ten_places_are_kept() -> None:
    text = " ".join(["Kyiv", "Kyivan", "re-Kyiv", "_Kyiv", "2Kyiv"] * 6)
    places = name_changes._word_starts(text, "Kyiv")
    assert places == _places_reading_every_word(text, "Kyiv")
    assert len(places) == 10
