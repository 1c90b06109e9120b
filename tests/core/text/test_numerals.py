"""Numbers written in words in German, French, Spanish, Italian, Dutch and Portuguese."""

from __future__ import annotations

import re

import pytest

from compareapp.core.text.numerals import NUMERALS, is_number_word, words_pattern, words_value


@pytest.mark.parametrize(
    ("language", "phrase", "value"),
    [
        ("de", "acht", 8),
        ("de", "achtundzwanzig", 28),
        ("de", "dreihunderttausend", 300_000),
        ("de", "einhundertelf", 111),
        ("de", "zwei Millionen dreihunderttausend", 2_300_000),
        ("de", "sechs Millionen", 6_000_000),
        ("de", "eine Milliarde", 1e9),
        ("de", "dreißig", 30),
        ("fr", "quatre-vingt-dix", 90),
        ("fr", "dix-sept", 17),
        ("fr", "soixante-dix-huit", 78),
        ("fr", "vingt et un", 21),
        ("fr", "deux cent mille", 200_000),
        ("fr", "mille deux cents", 1200),
        ("fr", "six millions", 6e6),
        ("fr", "trois milliards", 3e9),
        ("es", "veintiocho", 28),
        ("es", "treinta y ocho", 38),
        ("es", "doscientos mil", 200_000),
        ("es", "mil quinientos millones", 1.5e9),
        ("es", "dos mil millones", 2e9),
        ("es", "un billón", 1e12),
        ("it", "ventotto", 28),
        ("it", "duemilatrecento", 2300),
        ("it", "centomila", 100_000),
        ("it", "tre milioni", 3e6),
        ("nl", "achtentwintig", 28),
        ("nl", "tweeëntwintigduizend", 22_000),
        ("nl", "vijf miljard", 5e9),
        ("pt", "vinte e oito", 28),
        ("pt", "cento e vinte", 120),
        ("pt", "dois mil e quinhentos", 2500),
        ("pt", "mil milhões", 1e9),
    ],
)
def test_a_number_in_words_has_its_value(language: str, phrase: str, value: float) -> None:
    assert re.fullmatch(words_pattern(language), phrase, re.IGNORECASE)
    assert words_value(phrase, language) == value


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        ("es", "entre dos y tres personas", ["dos", "tres"]),  # "y" joins only after tens
        ("fr", "deux et trois", ["deux", "trois"]),
        ("de", "die Achten und Neunten", []),  # ordinals are no compound
        ("nl", "wij achten hem", []),  # "acht" + "en" ends no number
        ("de", "und", []),
    ],
)
def test_joiners_join_only_where_the_language_joins(
    language: str, text: str, found: list[str]
) -> None:
    assert re.findall(words_pattern(language), text, re.IGNORECASE) == found


@pytest.mark.parametrize(
    ("language", "word", "number"),
    [
        ("de", "zwei", True),
        ("de", "Achttausend", True),
        ("de", "Tausende", True),
        ("de", "Millionen", True),
        ("de", "eine", False),  # an article far more often than a number
        ("de", "Lage", False),
        ("fr", "trois", True),
        ("fr", "une", False),
        ("es", "veintiocho", True),
        ("es", "una", False),
        ("nl", "een", False),
        ("pt", "milhões", True),
        ("en", "two", False),  # English is the quantities' own reader
    ],
)
def test_number_words_for_the_classifier(language: str, word: str, number: bool) -> None:
    assert is_number_word(word, language) is number


def test_every_language_has_units_to_nineteen_and_the_tens() -> None:
    for language, numerals in NUMERALS.items():
        values = set(numerals.units.values())
        composed = {17, 18, 19} if language == "fr" else set()  # "dix-sept"
        assert set(range(20)) - composed <= values, language
        assert {20, 30, 40, 50, 60, 70, 80, 90} <= values, language
