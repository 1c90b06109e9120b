"""German names: a capital alone makes no name where every noun has one."""

from __future__ import annotations

from pathlib import Path

import pytest

from compareapp.core.text.proper_names import german_names

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Kremlsprecher Dmitri Peskow wies die Vorwürfe zurück.", {"Dmitri", "Peskow"}),
        ("„Das ist falsch“, sagte Peskow am Abend.", {"Peskow"}),
        ("„Das ist falsch“, so Peskow.", {"Peskow"}),
        ("Peskow sagte, das sei falsch.", {"Peskow"}),
        ("Die Präsidentin Ursula von der Leyen reiste ab.", {"Ursula", "Leyen"}),
        ("Es sprach Ökologin Dr. Sabine Weiß.", {"Sabine", "Weiß"}),
        ("Russlands Präsident Wladimir Putin widersprach.", {"Wladimir", "Putin"}),
        ("Die Lage in der Region sei angespannt.", set()),
        ("Die russischen Streitkräfte hielten Übungen ab.", set()),
        ("Seit Kriegsbeginn sind 8.000 Soldaten gefallen.", set()),
        ("Betroffene Haushalte sollen Hilfe erhalten.", set()),
        ("Russische Truppen rückten vor.", set()),
        ("Es geht um den Abbau von Arbeitsplätzen.", set()),
        ("Am Montag Truppen, am Dienstag Panzer.", set()),
        ("Die Regierung kündigte Soforthilfen an.", set()),
        ("Hilfen im Umfang von 600 Millionen Dollar.", set()),
        ("sagte Regierungssprecher Steffen Hebestreit.", {"Steffen", "Hebestreit"}),
        ("Betroffen sind die Landkreise Günzburg und Augsburg.", {"Günzburg", "Augsburg"}),
        (
            "Kanzler Olaf Scholz und Emmanuel Macron reisten an.",
            {"Olaf", "Scholz", "Emmanuel", "Macron"},
        ),
        ("Kanzler Scholz oder Macron werden reden.", {"Scholz", "Macron"}),
        ("Kanzler Scholz sowie Macron reisten an.", {"Scholz", "Macron"}),
        ("Die Stadt Günzburg und Umgebung sind betroffen.", {"Günzburg"}),
        ("Minister Pistorius und Regierung widersprachen.", {"Pistorius"}),
        ("Minister Pistorius und Bundeswehr widersprachen der Bundeswehr.", {"Pistorius"}),
    ],
)
def test_names_are_the_words_the_text_marks_as_names(text: str, names: set[str]) -> None:
    assert german_names(text) == names


def test_a_word_with_an_article_anywhere_is_a_common_noun() -> None:
    text = "Kanzler Scholz traf Minister Pistorius. Der Minister sagte, die Lage sei ernst."
    assert german_names(text) == {"Scholz", "Pistorius"}


def test_the_names_of_the_german_pair() -> None:
    text = (FIXTURES / "languages" / "de_a.txt").read_text(encoding="utf-8")
    assert german_names(text) == {"Dmitri", "Dmytro", "Kuleba", "Peskow"}
