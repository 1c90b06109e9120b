"""Counts written in words: one thing counted with an article or "one" against a number of
the same things is a number row, each side shown with its noun ("A firefighter" / "Two
firefighters"), in English and the other languages, and so is a hyphenated number word
("forty-two" / "forty-three"); an article before another noun is not."""

from __future__ import annotations

import pytest

from compareapp.core.diff.classify import DifferenceClass
from tests.helpers.fact_rows import Row, compared, rows

ONE_FIREFIGHTER = "A firefighter, 27, was injured near the town hall."
TWO_FIREFIGHTERS = "Two firefighters, 27, were injured near the town hall."
CASES = [
    pytest.param(
        "en",
        ONE_FIREFIGHTER,
        TWO_FIREFIGHTERS,
        ("number", "A firefighter", "Two firefighters"),
        id="en-article",
    ),
    pytest.param(
        "en",
        "One person was killed and a child was hurt.",
        "Two people were killed and a child was hurt.",
        ("number", "One person", "Two people"),
        id="en-one",
    ),
    pytest.param(
        "en",
        "One of the bridges was closed for repairs.",
        "Two of the bridges were closed for repairs.",
        ("number", "One", "Two"),
        id="en-one-of",
    ),
    pytest.param(
        "en",
        "Officials said forty-two people were hurt in the blast.",
        "Officials said forty-three people were hurt in the blast.",
        ("number", "forty-two", "forty-three"),
        id="en-hyphenated-number-words",
    ),
    pytest.param(
        "fr",
        "Un pompier de 27 ans a été blessé à Gonfaron.",
        "Deux pompiers de 27 ans ont été blessés à Gonfaron.",
        ("number", "Un pompier", "Deux pompiers"),
        id="fr-article",
    ),
    pytest.param(
        "de",
        "Ein Soldat wurde bei dem Einsatz leicht verletzt.",
        "Zwei Soldaten wurden bei dem Einsatz leicht verletzt.",
        ("number", "Ein Soldat", "Zwei Soldaten"),
        id="de-article",
    ),
]


@pytest.mark.parametrize(("language", "a", "b", "row"), CASES)
def test_one_against_a_number_of_the_same_things_is_a_number_row(
    language: str, a: str, b: str, row: Row
) -> None:
    assert row in rows(language, a, b)
    kind, first, second = row
    assert (kind, second, first) in rows(language, b, a)


def test_the_article_s_change_is_classed_a_number() -> None:
    pair = compared("en", ONE_FIREFIGHTER, TWO_FIREFIGHTERS).pair(0, 1)
    changed = {(d.a_text, d.b_text): d.kind for d in pair.differences()}
    assert changed[("A firefighter", "Two firefighters")] is DifferenceClass.NUMBER


def test_an_article_before_another_noun_is_not_a_count() -> None:
    a = "A man was arrested near the town hall."
    b = "Two suspects were arrested near the town hall."
    assert [row for row in rows("en", a, b) if row[0] == "number"] == []


def test_one_thing_either_side_is_no_row() -> None:
    a = "A firefighter was injured near the town hall."
    b = "One firefighter was injured near the town hall."
    assert rows("en", a, b) == []
