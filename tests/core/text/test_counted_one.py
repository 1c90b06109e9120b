"""An article or "one" counts one thing; a noun and its plural are one noun."""

from __future__ import annotations

import pytest

from compareapp.core.text.counted_one import counts_one, same_noun


@pytest.mark.parametrize(
    ("word", "language", "counts"),
    [
        ("A", "en", True),
        ("an", "en", True),
        ("One", "en", True),
        ("Un", "fr", True),
        ("une", "fr", True),
        ("Ein", "de", True),
        ("einem", "de", True),
        ("una", "es", True),
        ("een", "nl", True),
        ("um", "pt", True),
        ("the", "en", False),
        ("le", "fr", False),
        ("der", "de", False),
        ("eine", "fr", False),
    ],
)
def test_counts_one(word: str, language: str, counts: bool) -> None:
    assert counts_one(word, language) is counts


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("firefighter", "firefighters", True),
        ("pompier", "pompiers", True),
        ("Soldat", "Soldaten", True),
        ("bus", "buses", True),
        ("journal", "journaux", False),  # an irregular plural: not read
        ("man", "suspects", False),
        ("person", "people", False),
        ("car", "card", False),
        ("an", "ans", False),  # too short to tell
    ],
)
def test_same_noun(a: str, b: str, same: bool) -> None:
    assert same_noun(a, b) is same
    assert same_noun(b, a) is same
