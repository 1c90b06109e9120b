"""A replaced run of words and figures is parted at its figures, so that the number class
(and its strong highlight) covers the figure alone; a figure with its scale words stays
whole, and a run with more figures on one side than the other is not parted."""

from __future__ import annotations

import pytest

from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.inline_diff import Passage, diff_passages
from tests.helpers.fact_rows import rows

NUMBER, WORDING, NAME = DifferenceClass.NUMBER, DifferenceClass.WORDING, DifferenceClass.NAME


def classes(a: str, b: str, language: str = "en") -> list[tuple[str, str, DifferenceClass]]:
    found = diff_passages(
        Passage(a, [(0, len(a))], language=language), Passage(b, [(0, len(b))], language=language)
    )
    return [(d.a_text, d.b_text, d.kind) for d in found]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            "Oil prices jumped 8% on Monday.",
            "Oil prices rose 9% on Monday.",
            [("jumped", "rose", WORDING), ("8", "9", NUMBER)],
            id="word-then-figure",
        ),
        pytest.param(
            "OPEC announced output cuts of 1.2 million barrels a day.",
            "OPEC announced output by 1.5 million barrels a day.",
            [("cuts of", "by", WORDING), ("1.2", "1.5", NUMBER)],
            id="words-then-figure",
        ),
        pytest.param(
            "The fund holds 2 million euros.",
            "The fund holds 3 billion euros.",
            [("2 million", "3 billion", NUMBER)],
            id="figure-with-its-scale",
        ),
        pytest.param(
            "Between 8 and 9 people were hurt.",
            "Between 10 people were hurt.",
            [("8 and 9", "10", NUMBER)],
            id="more-figures-on-one-side",
        ),
        pytest.param(
            "Prices jumped 8% on Monday.",
            "Prices 9% on Monday.",
            [("jumped 8", "9", NUMBER)],
            id="words-on-one-side-only",
        ),
        pytest.param(
            "It will report on March 4 next year.",
            "It will report on April 5 next year.",
            [("March", "April", NAME), ("4", "5", NUMBER)],
            id="month-and-day",
        ),
        pytest.param(
            "The Dow fell 1.5% by 2:40 p.m.",
            "The Dow slid 1.5% by 2:40 p.m.",
            [("fell", "slid", WORDING)],
            id="no-figure-changed",
        ),
    ],
)
def test_a_run_is_parted_at_its_figures(
    a: str, b: str, expected: list[tuple[str, str, DifferenceClass]]
) -> None:
    assert classes(a, b) == expected


def test_a_date_whose_month_and_day_changed_is_one_row() -> None:
    a = "The inquiry will report on March 4 next year."
    b = "The inquiry will report on April 5 next year."
    assert rows("en", a, b) == [("date or time", "March 4", "April 5")]


def test_a_decimal_comma_figure_is_parted_from_the_words_before_it() -> None:
    a = "Der Pegel stieg um 9,5 Meter."
    b = "Der Pegel fiel 10,2 Meter."
    assert classes(a, b, "de") == [("stieg um", "fiel", WORDING), ("9,5", "10,2", NUMBER)]


def test_a_qualifier_dropped_before_a_changed_figure_is_the_figure_s_row() -> None:
    since = "since the offensive began."
    a = f"Kyiv says it has recovered more than 8,000 square kilometers {since}"
    b = f"Ukrainian officials say 9,000 square kilometers have been retaken {since}"
    assert rows("en", a, b) == [("number", "8,000 square kilometers", "9,000 square kilometers")]
