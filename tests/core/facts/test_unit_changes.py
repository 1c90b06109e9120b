"""The same figure with another unit, currency or month ("40 million dollars" / "40 million
euros", "3,000 hectares" / "3,000 acres", "March 4" / "April 4") is a row with both
quantities, in English and the other languages; the figure's noun changed ("3,000
people" / "3,000 residents") or the same unit written another way is not."""

from __future__ import annotations

import pytest

from tests.helpers.fact_rows import Row, rows


@pytest.mark.parametrize(
    ("language", "a", "b", "row"),
    [
        pytest.param(
            "en",
            "The government will spend 40 million dollars on rebuilding.",
            "The government will spend 40 million euros on rebuilding.",
            ("number", "40 million dollars", "40 million euros"),
            id="en-currency",
        ),
        pytest.param(
            "en",
            "The fire destroyed 3,000 hectares of forest.",
            "The fire destroyed 3,000 acres of forest.",
            ("number", "3,000 hectares", "3,000 acres"),
            id="en-area",
        ),
        pytest.param(
            "en",
            "The budget rose by 5 per cent this year.",
            "The budget rose by 5 percentage points this year.",
            ("number", "5 per cent", "5 percentage points"),
            id="en-percent-points",
        ),
        pytest.param(
            "en",
            "The inquiry will report on March 4 next year.",
            "The inquiry will report on April 4 next year.",
            ("date or time", "March 4", "April 4"),
            id="en-month",
        ),
        pytest.param(
            "fr",
            "Le gouvernement consacrera 40 millions de dollars à la reconstruction.",
            "Le gouvernement consacrera 40 millions d'euros à la reconstruction.",
            ("number", "40 millions de dollars", "40 millions d'euros"),
            id="fr-currency",
        ),
        pytest.param(
            "de",
            "Die Regierung stellt 40 Millionen Dollar für den Wiederaufbau bereit.",
            "Die Regierung stellt 40 Millionen Euro für den Wiederaufbau bereit.",
            ("number", "40 Millionen Dollar", "40 Millionen Euro"),
            id="de-currency",
        ),
    ],
)
def test_the_same_figure_in_another_unit_is_a_row(language: str, a: str, b: str, row: Row) -> None:
    assert row in rows(language, a, b)
    kind, first, second = row
    assert (kind, second, first) in rows(language, b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            "About 3,000 people were moved to shelters overnight.",
            "About 3,000 residents were moved to shelters overnight.",
            id="the-noun-counted",
        ),
        pytest.param(
            "The government will spend 40 million dollars on rebuilding.",
            "The government will spend 40 million US dollars on rebuilding.",
            id="the-same-currency",
        ),
        pytest.param(
            "The fire destroyed 3,000 hectares of forest.",
            "The fire destroyed 30 square kilometres of forest.",
            id="the-same-area-converted",
        ),
    ],
)
def test_no_row_where_the_quantity_is_the_same(a: str, b: str) -> None:
    assert [row for row in rows("en", a, b) if row[0] == "number"] == []
