"""Stems and stop words per language: inflected forms of a word meet, function words and
verbs of saying are no terms, and English keeps its light stemmer."""

from __future__ import annotations

import threading

import pytest

from compareapp.core.text.language import LANGUAGES
from compareapp.core.text.stemming import SNOWBALL, light_stem, stem_word
from compareapp.core.text.stopwords import STOPWORDS, stop_words

SAME_STEM = [
    ("de", "soldaten", "soldat"),
    ("de", "grenzen", "grenze"),
    ("fr", "supplémentaires", "supplémentaire"),
    ("fr", "l’ukraine", "ukraine"),
    ("fr", "d’aide", "aide"),
    ("es", "ucranianos", "ucraniano"),
    ("es", "sanciones", "sanción"),
    ("it", "dell’europa", "europa"),
    ("it", "soldati", "soldato"),
    ("nl", "soldaten", "soldaat"),
    ("pt", "soldados", "soldado"),
    ("en", "kilometres", "kilometers"),
    ("en", "understands", "understand"),
]


@pytest.mark.parametrize(("language", "one", "other"), SAME_STEM)
def test_inflected_forms_meet(language: str, one: str, other: str) -> None:
    assert stem_word(one, language) == stem_word(other, language)


@pytest.mark.parametrize(
    ("language", "one", "other"),
    [("de", "minister", "ministerium"), ("fr", "guerre", "guerrier"), ("es", "mar", "marzo")],
)
def test_other_words_stay_apart(language: str, one: str, other: str) -> None:
    assert stem_word(one, language) != stem_word(other, language)


def test_every_language_read_but_english_has_a_snowball_stemmer() -> None:
    assert set(SNOWBALL) == set(LANGUAGES) - {"en"}


def test_english_and_an_untold_language_keep_the_light_stemmer() -> None:
    for language in ("en", "", "pl"):
        assert stem_word("kilometres", language) == light_stem("kilometers") == "kilometer"
        assert stem_word("national", language) == "national"  # Snowball would say "nation"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_stop_words(language: str) -> None:
    words = stop_words(language)
    others = [code for code in LANGUAGES if code != language]
    assert all(words != stop_words(code) for code in others)
    assert {"der", "le", "el", "il", "het", "os"} & words or language == "en"


@pytest.mark.parametrize(
    ("language", "said"), [("de", "sagte"), ("fr", "déclaré"), ("es", "dijo"), ("en", "said")]
)
def test_verbs_of_saying_are_stop_words(language: str, said: str) -> None:
    assert said in stop_words(language)


def test_an_untold_language_has_the_english_stop_words() -> None:
    assert stop_words("") is stop_words("pl") is STOPWORDS


def test_threads_stem_at_once_with_their_own_stemmers() -> None:
    words = [f"soldaten{'x' * (k % 5)}" for k in range(2000)] + ["grenzen"] * 2000
    expected = [stem_word(word, "de") for word in words]
    results: list[list[str]] = []

    def work() -> None:
        results.append([stem_word(word, "de") for word in words])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4
