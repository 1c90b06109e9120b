"""A date that gains or loses words at its edge ("14 mars" / "14 mars 2024", "21 March" /
"March 28") is compared whole: the same date is no row, another date is one row."""

from __future__ import annotations

import pytest

from tests.helpers.fact_rows import rows


@pytest.mark.parametrize(
    ("language", "a", "b"),
    [
        ("en", "It reopens on March 14 at noon.", "It reopens on March 14, 2024 at noon."),
        ("fr", "Il rouvrira le 14 mars au matin.", "Il rouvrira le 14 mars 2024 au matin."),
        ("de", "Sie öffnet am 14. März wieder.", "Sie öffnet am 14. März 2024 wieder."),
    ],
)  # fmt: skip
def test_a_year_added_to_a_date_is_no_row(language: str, a: str, b: str) -> None:
    assert rows(language, a, b) == []


def test_a_day_moved_to_the_other_side_of_the_month_is_one_row() -> None:
    a = "The bridge will stay closed until at least 21 March, officials said."
    b = "The bridge will stay closed until at least March 28, officials said."
    assert rows("en", a, b) == [("date or time", "21 March", "March 28")]


def test_a_changed_year_is_a_date_row() -> None:
    a = "Prices reached their highest level since 2014, traders said."
    b = "Prices reached their highest level since 2015, traders said."
    assert rows("en", a, b) == [("date or time", "2014", "2015")]
