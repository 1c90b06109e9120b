"""A document's language: py3langid's model, the function words when it is unsure; the
seven languages read, and "" for another language or when unsure."""

from __future__ import annotations

from pathlib import Path

import pytest

from compareapp.core.text import language as language_module
from compareapp.core.text.language import (
    LANGUAGES,
    by_function_words,
    capitalises_nouns,
    detect_language,
)
from compareapp.resources import sample_paths

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

SENTENCES = {
    "en": "The minister said on Tuesday that the talks would go on after the holiday, and that "
    "there was no reason to believe they had failed.",
    "de": "Der Minister sagte am Dienstag, dass die Gespräche nach den Feiertagen fortgesetzt "
    "werden und es keinen Grund gebe, sie für gescheitert zu halten.",
    "fr": "Le ministre a déclaré mardi que les discussions se poursuivraient après les fêtes et "
    "qu'il n'y avait aucune raison de croire qu'elles avaient échoué.",
    "es": "El ministro dijo el martes que las conversaciones continuarán después de las fiestas "
    "y que no hay razón para creer que hayan fracasado.",
    "it": "Il ministro ha detto martedì che i colloqui proseguiranno dopo le feste e che non c'è "
    "motivo di credere che siano falliti.",
    "nl": "De minister zei dinsdag dat de gesprekken na de feestdagen worden voortgezet en dat er "
    "geen reden is om aan te nemen dat ze zijn mislukt.",
    "pt": "O ministro disse na terça-feira que as conversações vão continuar depois das festas e "
    "que não há razão para acreditar que tenham falhado.",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_sentence_or_two_tells_each_language(language: str) -> None:
    text = SENTENCES[language] + " " + SENTENCES[language]
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("encodings/german.txt", "de"),
        ("encodings/french.txt", "fr"),
        ("encodings/spanish.txt", "es"),
        ("encodings/polish.txt", ""),
        ("encodings/russian.txt", ""),
        ("encodings/greek.txt", ""),
        ("languages/de_a.txt", "de"),
        ("languages/fr_b.txt", "fr"),
        ("languages/es_a.txt", "es"),
    ],
)
def test_stories_in_other_languages_are_told_or_left_unsure(name: str, language: str) -> None:
    assert detect_language((FIXTURES / name).read_text(encoding="utf-8")) == language


def test_the_english_sample_is_english() -> None:
    for path in sample_paths():
        assert detect_language(Path(path).read_text(encoding="utf-8")) == "en"


@pytest.mark.parametrize("text", ["", "8,000", "Putin Xi Biden", "OK.", "der the le el " * 5])
def test_too_little_or_mixed_text_is_unsure(text: str) -> None:
    assert detect_language(text) == ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_model_tells_half_a_sentence(language: str) -> None:
    """Forty characters: too few function words to count, enough for the model."""
    start = SENTENCES[language][:40]
    assert by_function_words(start) == ""
    assert detect_language(start) == language


@pytest.mark.parametrize("name", ["de_a", "de_b", "fr_a", "fr_b", "es_a", "es_b"])
def test_every_paragraph_of_a_story_is_told_on_its_own(name: str) -> None:
    text = (FIXTURES / "languages" / f"{name}.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    assert len(paragraphs) == 7
    assert {detect_language(p) for p in paragraphs} == {name[:2]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_when_the_model_is_unsure_the_function_words_decide(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = SENTENCES[language] + " " + SENTENCES[language]
    monkeypatch.setattr(language_module, "MIN_CONFIDENCE", 1.01)  # the model is never sure
    language_module._detect.cache_clear()
    try:
        assert detect_language(text) == by_function_words(text) == language
        assert detect_language(SENTENCES[language][:40]) == ""
    finally:
        language_module._detect.cache_clear()


def test_a_long_text_is_read_from_a_sample_of_it() -> None:
    text = (SENTENCES["fr"] + "\n\n") * 2000
    assert len(text) > 200_000
    assert detect_language(text) == "fr"


def test_only_german_capitalises_nouns() -> None:
    assert [code for code in LANGUAGES if capitalises_nouns(code)] == ["de"]
    assert not capitalises_nouns("")
