"""Quantities read by value: numbers, money, percentages, units, dates and times."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compareapp.core.facts.quantities import (
    Quantity,
    describe,
    find_quantities,
    quantity_at,
    same_value,
)

SAMPLE = Path(__file__).resolve().parents[3] / "compareapp" / "assets" / "sample"


def only(text: str) -> Quantity:
    """The one quantity in ``text``."""
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def same(a: str, b: str) -> bool:
    return same_value(only(a), only(b))


# Numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("8,000", 8000, id="comma-grouped"),
        pytest.param("8000", 8000, id="ungrouped"),
        pytest.param("8 000", 8000, id="space-grouped"),
        pytest.param("8\u00a0000", 8000, id="nbsp-grouped"),
        pytest.param("8\u2009000", 8000, id="thin-space-grouped"),
        pytest.param("8\u202f000", 8000, id="narrow-nbsp-grouped"),
        pytest.param("8.000", 8000, id="dot-grouped"),
        pytest.param("1.200.000", 1_200_000, id="dot-grouped-twice"),
        pytest.param("1,200,000", 1_200_000, id="comma-grouped-twice"),
        pytest.param("1,200.5", 1200.5, id="grouped-with-decimals"),
        pytest.param("1.200,5", 1200.5, id="european-decimal-comma"),
        pytest.param("4.2", 4.2, id="decimal-point"),
        pytest.param("4,2", 4.2, id="decimal-comma"),
        pytest.param("0.125", 0.125, id="leading-zero-decimal"),
        pytest.param("eight thousand", 8000, id="words"),
        pytest.param("twenty-five thousand", 25_000, id="hyphenated-words"),
        pytest.param("one hundred and twenty", 120, id="hundred-and"),
        pytest.param("Ninety-nine", 99, id="capitalised-words"),
        pytest.param("a dozen", 12, id="a-dozen"),
        pytest.param("two dozen", 24, id="two-dozen"),
        pytest.param("half a million", 500_000, id="half-a-million"),
        pytest.param("a million", 1_000_000, id="a-million"),
        pytest.param("two million", 2_000_000, id="words-million"),
        pytest.param("1.2 million", 1_200_000, id="decimal-million"),
        pytest.param("3bn", 3e9, id="bn"),
        pytest.param("2.5 billion", 2.5e9, id="decimal-billion"),
        pytest.param("5 mln", 5e6, id="mln"),
    ],
)
def test_numbers_are_read_by_value(text: str, value: float) -> None:
    quantity = only(text)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == ""
    assert quantity.text == text


@pytest.mark.parametrize(
    "text",
    ["8,000", "8000", "8 000", "8\u00a0000", "8\u2009000", "eight thousand", "Eight thousand"],
)
def test_eight_thousand_however_written(text: str) -> None:
    assert same_value(only(text), only("8,000"))


@given(st.integers(min_value=0, max_value=10**9 - 1))
def test_any_grouping_parses_to_the_number(n: int) -> None:
    spaced = f"{n:,}".replace(",", " ")
    for written in (f"{n:,}", str(n), spaced, spaced.replace(" ", "\u00a0")):
        assert [q.value for q in find_quantities(f"There were {written} of them.")] == [n]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a 19th-century bridge", id="ordinal"),
        pytest.param("the G7 summit", id="code"),
        pytest.param("3D printing", id="digits-then-letters"),
        pytest.param("one man said", id="bare-one"),
        pytest.param("dozens of tanks", id="dozens"),
        pytest.param("billions of dollars in aid", id="billions"),
        pytest.param("the first meeting", id="ordinal-word"),
        pytest.param("someone often said", id="number-inside-words"),
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


# Money and percentages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        pytest.param("$1.2 million", 1.2e6, "usd", id="dollar-sign-million"),
        pytest.param("1,200,000 dollars", 1.2e6, "usd", id="dollars-word"),
        pytest.param("US$5m", 5e6, "usd", id="us-dollar-m"),
        pytest.param("$600-million", 6e8, "usd", id="hyphenated-million"),
        pytest.param("USD 5 million", 5e6, "usd", id="code-before"),
        pytest.param("5 million USD", 5e6, "usd", id="code-after"),
        pytest.param("€3.5 million", 3.5e6, "eur", id="euro-sign"),
        pytest.param("5m euros", 5e6, "eur", id="m-then-euros"),
        pytest.param("£20k", 20_000, "gbp", id="pound-sign-k"),
        pytest.param("5 pounds sterling", 5, "gbp", id="pounds-sterling"),
        pytest.param("5 million roubles", 5e6, "rub", id="roubles"),
        pytest.param("5 million rubles", 5e6, "rub", id="rubles"),
        pytest.param("10 billion hryvnia", 1e10, "uah", id="hryvnia"),
        pytest.param("five million dollars", 5e6, "usd", id="words-and-dollars"),
        pytest.param("12%", 12, "%", id="percent-sign"),
        pytest.param("12 percent", 12, "%", id="percent"),
        pytest.param("12 per cent", 12, "%", id="per-cent"),
        pytest.param("twelve per cent", 12, "%", id="words-per-cent"),
        pytest.param("3 percentage points", 3, "pp", id="percentage-points"),
    ],
)
def test_money_and_percentages(text: str, value: float, unit: str) -> None:
    quantity = only(text)
    assert (quantity.value, quantity.unit, quantity.text) == (pytest.approx(value), unit, text)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param("5 pounds", "", id="pounds-alone-is-not-money-nor-mass"),
        pytest.param("weighing 5 pounds", "kg", id="weighing-pounds-is-mass"),
        pytest.param("5 lb", "kg", id="lb-is-mass"),
        pytest.param("£5", "gbp", id="pound-sign-is-money"),
    ],
)
def test_pounds_are_ambiguous(text: str, unit: str) -> None:
    assert only(text).unit == unit


# Units ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "written"),
    [
        pytest.param("14 kilometres", 14, "km", "km", id="kilometres"),
        pytest.param("14 kilometers", 14, "km", "km", id="kilometers"),
        pytest.param("14km", 14, "km", "km", id="km-attached"),
        pytest.param("4.2 metres", 0.0042, "km", "m", id="metres"),
        pytest.param("half a meter", 0.0005, "km", "m", id="half-a-meter"),
        pytest.param("10 miles", 16.09344, "km", "mi", id="miles"),
        pytest.param("10 mi", 16.09344, "km", "mi", id="mi"),
        pytest.param("1,000 feet", 0.3048, "km", "ft", id="feet"),
        pytest.param("1,000 ft", 0.3048, "km", "ft", id="ft"),
        pytest.param("8,000 square kilometers", 8000, "km2", "km²", id="square-kilometers"),
        pytest.param("8,000 square kilometres", 8000, "km2", "km²", id="square-kilometres"),
        pytest.param("8,000 km²", 8000, "km2", "km²", id="km²"),
        pytest.param("8,000 sq km", 8000, "km2", "km²", id="sq-km"),
        pytest.param("3,000 square miles", 7769.96, "km2", "sq mi", id="square-miles"),
        pytest.param("3,000 sq mi", 7769.96, "km2", "sq mi", id="sq-mi"),
        pytest.param("500 hectares", 5, "km2", "ha", id="hectares"),
        pytest.param("100 acres", 0.404686, "km2", "acres", id="acres"),
        pytest.param("20 kg", 20, "kg", "kg", id="kg"),
        pytest.param("20 tonnes", 20_000, "kg", "t", id="tonnes"),
        pytest.param("20 tons", 20_000, "kg", "t", id="tons"),
        pytest.param("10 litres", 10, "l", "l", id="litres"),
        pytest.param("10 liters", 10, "l", "l", id="liters"),
        pytest.param("3 gallons", 11.356, "l", "gal", id="gallons"),
        pytest.param("30°C", 30, "c", "°C", id="celsius-sign"),
        pytest.param("30 degrees Celsius", 30, "c", "°C", id="degrees-celsius"),
        pytest.param("86°F", 30, "c", "°F", id="fahrenheit-sign"),
        pytest.param("86 degrees Fahrenheit", 30, "c", "°F", id="degrees-fahrenheit"),
        pytest.param("-5°C", -5, "c", "°C", id="below-zero"),
        pytest.param("minus 5 degrees Celsius", -5, "c", "°C", id="minus"),
        pytest.param("23°F", -5, "c", "°F", id="fahrenheit-below-freezing"),
        pytest.param("48 hours", 2, "days", "h", id="hours"),
        pytest.param("24-hour", 1, "days", "h", id="hyphenated-hour"),
        pytest.param("Three weeks", 21, "days", "weeks", id="weeks"),
        pytest.param("six-month", 182.62, "days", "months", id="months"),
        pytest.param("2 years", 730.485, "days", "years", id="years"),
        pytest.param("20 minutes", 20 / 1440, "days", "min", id="minutes"),
        pytest.param("50 km/h", 50, "km/h", "km/h", id="km-per-hour"),
        pytest.param("30 mph", 48.28, "km/h", "mph", id="mph"),
    ],
)
def test_units_are_converted_to_canonical(text: str, value: float, unit: str, written: str) -> None:
    quantity = only(text)
    assert (quantity.unit, quantity.written_unit, quantity.text) == (unit, written, text)
    assert quantity.value == pytest.approx(value, rel=1e-3)


def test_a_dash_after_a_number_is_not_a_minus() -> None:
    assert [q.value for q in find_quantities("a 10-5°C drop")] == [10, 5]


# Dates, times and years ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        pytest.param("March 4", "date", 304, id="month-day"),
        pytest.param("4 March", "date", 304, id="day-month"),
        pytest.param("Mar. 4", "date", 304, id="abbreviated-month"),
        pytest.param("March 4, 2022", "date", 20220304, id="month-day-year"),
        pytest.param("4 March 2022", "date", 20220304, id="day-month-year"),
        pytest.param("2022-03-04", "date", 20220304, id="iso"),
        pytest.param("2:40 a.m.", "time", 160, id="am-dotted"),
        pytest.param("2.40am", "time", 160, id="am-dot-minutes"),
        pytest.param("9 p.m.", "time", 21 * 60, id="pm-hour"),
        pytest.param("12 a.m.", "time", 0, id="midnight"),
        pytest.param("12 p.m.", "time", 12 * 60, id="noon"),
        pytest.param("14:40", "time", 14 * 60 + 40, id="24-hour-clock"),
        pytest.param("1974", "year", 1974, id="year"),
        pytest.param("2022", "year", 2022, id="recent-year"),
    ],
)
def test_dates_times_and_years(text: str, unit: str, value: int) -> None:
    quantity = only(text)
    assert (quantity.unit, quantity.value, quantity.text) == (unit, value, text)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param("1,974", "", id="grouped-is-a-count"),
        pytest.param("1974 km", "km", id="followed-by-a-unit"),
        pytest.param("$1974", "usd", id="money"),
        pytest.param("1500", "", id="too-early"),
        pytest.param("19740", "", id="part-of-a-bigger-number"),
    ],
)
def test_four_digits_that_are_not_years(text: str, unit: str) -> None:
    assert only(text).unit == unit


# Ranges and qualifiers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "upper", "unit"),
    [
        pytest.param("10-12", 10, 12, "", id="hyphen"),
        pytest.param("2–3 days", 2, 3, "days", id="en-dash-with-unit"),
        pytest.param("$5-6 million", 5e6, 6e6, "usd", id="money-range"),
    ],
)
def test_ranges(text: str, value: float, upper: float, unit: str) -> None:
    quantity = only(text)
    assert (quantity.value, quantity.upper, quantity.unit) == (value, upper, unit)
    assert quantity.approximate


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        pytest.param("about 300 people", "about", id="about"),
        pytest.param("Around 1,400 households", "around", id="around"),
        pytest.param("more than 90 missiles", "more than", id="more-than"),
        pytest.param("nearly 9,000 square kilometres", "nearly", id="nearly"),
        pytest.param("some 300 people", "some", id="some"),
        pytest.param("roughly $5 million", "roughly", id="roughly-money"),
        pytest.param("handsome 300 people", "", id="not-inside-a-word"),
        pytest.param("300 people", "", id="none"),
    ],
)
def test_qualifiers_make_approximate(text: str, qualifier: str) -> None:
    quantity = only(text)
    assert (quantity.qualifier, quantity.approximate) == (qualifier, bool(qualifier))
    assert qualifier not in quantity.text.lower() or not qualifier


# Comparing ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param("8,000", "eight thousand", True, id="digits-words"),
        pytest.param("8 000", "8000", True, id="space-grouping"),
        pytest.param("8,000 square kilometers", "9,000 square kilometres", False, id="area-8k-9k"),
        pytest.param("9,000 square kilometres", "3,500 square miles", True, id="converted"),
        pytest.param("8,000 square kilometers", "3,000 square miles", True, id="converted-round"),
        pytest.param("9,000 square kilometres", "3,000 square miles", True, id="one-sig-fig"),
        pytest.param("8,000 square kilometers", "3,500 square miles", False, id="converted-off"),
        pytest.param("8,000 sq km", "8,000 square kilometres", True, id="unit-spellings"),
        pytest.param("$1.2 million", "1,200,000 dollars", True, id="money"),
        pytest.param("$1.2 million", "1,230,000 dollars", True, id="money-rounded"),
        pytest.param("€4 million", "€3.5 million", False, id="money-changed"),
        pytest.param("$5 million", "€5 million", False, id="other-currency"),
        pytest.param("12%", "12 percent", True, id="percent"),
        pytest.param("12%", "13%", False, id="percent-changed"),
        pytest.param("12%", "12 percentage points", False, id="percent-vs-points"),
        pytest.param("2:40 a.m.", "2:45 a.m.", False, id="times"),
        pytest.param("2:40 a.m.", "2.40am", True, id="time-styles"),
        pytest.param("9 p.m.", "21:00", True, id="clocks"),
        pytest.param("March 4", "4 March", True, id="date-orders"),
        pytest.param("March 4", "March 4, 2022", True, id="date-with-and-without-year"),
        pytest.param("March 4, 2021", "4 March 2022", False, id="date-other-year"),
        pytest.param("March 28", "21 March", False, id="dates"),
        pytest.param("1974", "1975", False, id="years"),
        pytest.param("37", "38", False, id="small-counts"),
        pytest.param("1,400", "1,200", False, id="counts"),
        pytest.param("4.2 metres", "4.2 meters", True, id="metre-spellings"),
        pytest.param("4.2 metres", "4.3 metres", False, id="decimals"),
        pytest.param("14 kilometres", "8.7 miles", True, id="km-miles"),
        pytest.param("30°C", "86°F", True, id="temperature"),
        pytest.param("-5°C", "5°C", False, id="temperature-sign"),
        pytest.param("Three weeks", "21 days", True, id="weeks-days"),
        pytest.param("about 300", "300", True, id="approximate-same"),
        pytest.param("about 300", "320", True, id="approximate-close"),
        pytest.param("about 300", "400", False, id="approximate-far"),
        pytest.param("2-3 days", "2–3 days", True, id="ranges"),
        pytest.param("2-3 days", "3-4 days", False, id="ranges-moved"),
        pytest.param("10-12", "11", True, id="inside-a-range"),
        pytest.param("8,000", "8,000 km", False, id="count-vs-length"),
        pytest.param("14 km", "14 kg", False, id="dimensions"),
    ],
)
def test_same_value(a: str, b: str, expected: bool) -> None:
    assert same(a, b) is expected
    assert same(b, a) is expected


def test_tolerance_is_adjustable() -> None:
    rounded, exact = only("$1.2 million"), only("1,230,000 dollars")
    assert same_value(rounded, exact)
    assert not same_value(rounded, exact, tolerance=0.01)
    assert not same_value(only("about 300"), only("350"))
    assert same_value(only("about 300"), only("350"), tolerance=0.2)


# Spans ----------------------------------------------------------------------------------------


def test_value_and_its_conversion_are_two_quantities() -> None:
    text = "8,000 square kilometers (3,000 square miles)"
    area, converted = find_quantities(text)
    assert (area.text, area.start, area.end) == ("8,000 square kilometers", 0, 23)
    assert (converted.text, text[converted.start : converted.end]) == ("3,000 square miles",) * 2
    assert same_value(area, converted)


def test_quantity_at_a_changed_number_reads_the_whole_phrase() -> None:
    text = "Kyiv says it has recovered more than 8,000 square kilometers (3,000 square miles)."
    start = text.index("8,000")
    quantity = quantity_at(text, start, start + len("8,000"))
    assert quantity is not None
    assert (quantity.text, quantity.unit, quantity.value) == (
        "8,000 square kilometers",
        "km2",
        8000,
    )
    assert quantity.approximate and quantity.qualifier == "more than"
    unit = text.index("square miles")
    assert quantity_at(text, unit, unit + 6) == find_quantities(text)[1]
    assert quantity_at(text, 0, 4) is None


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("8,000 square kilometers", "8,000 km²"),
        ("3,000 square miles", "3,000 sq mi"),
        ("1,200", "1,200"),
        ("eight thousand", "8,000"),
        ("March 4", "4 March"),
        ("March 4, 2022", "4 March 2022"),
        ("2:40 a.m.", "2:40"),
        ("9 p.m.", "21:00"),
        ("1974", "1974"),
        ("$1.2 million", "$1.2 million"),
        ("1,200,000 dollars", "$1.2 million"),
        ("€3.5 million", "€3.5 million"),
        ("5 million roubles", "5 million RUB"),
        ("12 per cent", "12%"),
        ("4.2 metres", "4.2 m"),
        ("30 degrees Celsius", "30°C"),
        ("one month", "1 month"),
        ("2–3 days", "2–3 days"),
        ("more than 8,000 square kilometers", "more than 8,000 km²"),
    ],
)
def test_describe(text: str, shown: str) -> None:
    assert describe(only(text)) == shown


# Real articles ------------------------------------------------------------------------------


def described(text: str) -> list[str]:
    return [describe(q) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Kyiv says it has recovered more than 8,000 square kilometers (3,000 square miles), "
            "roughly the size of the island of Cyprus.",
            ["more than 8,000 km²", "3,000 sq mi"],
            id="seed-area-with-conversion",
        ),
        pytest.param(
            "Ukrainian officials say 9,000 square kilometres have been retaken, nearly "
            "equivalent to the size of the island of Cyprus.",
            ["9,000 km²"],
            id="seed-area",
        ),
        pytest.param(
            "In Washington, U.S. officials said the United States will soon announce a new "
            "$600-million US weapons package for Ukraine's military.",
            ["$600 million"],
            id="seed-money",
        ),
        pytest.param(
            "More than 90 missiles and artillery shells targeted a region on the border with "
            "Russia until 9 p.m. local time on Thursday, Dmytro Zhyvytsky, governor of Sumy "
            "region, said.",
            ["more than 90", "21:00"],
            id="seed-count-and-time",
        ),
        pytest.param(
            "Ukraine’s fastest advance since Russian forces were expelled from the capital in "
            "March has changed the course of the six-month-old war",
            ["6 months"],
            id="seed-duration",
        ),
        pytest.param(
            "MARROWBY, March 4 (Northern Wire) – Around 1,200 households were evacuated from "
            "the river town of Marrowby early on Tuesday",
            ["4 March", "around 1,200"],
            id="sample-dateline-and-households",
        ),
        pytest.param(
            "The Lenn Valley Water Authority, which operates the dam 14 kilometres upstream of "
            "the town, said it began releasing water at 2:40 a.m. after the level in the "
            "Hollins reservoir rose to within half a metre of the crest — the first time it "
            "has been forced to do so since the dam was completed in 1974.",
            ["14 km", "2:40", "0.5 m", "1974"],
            id="sample-distance-time-height-year",
        ),
        pytest.param(
            "The authority has pledged €4 million for emergency repairs to the bridge and the "
            "quay wall",
            ["€4 million"],
            id="sample-money",
        ),
        pytest.param(
            "Tanner's Bridge, the 19th-century stone crossing that links the old town with the "
            "railway station, was closed until at least March 28.",
            ["at least 28 March"],
            id="sample-ordinal-ignored-date-qualified",
        ),
        pytest.param(
            "Forecasters expect 2–3 days of drier weather from Wednesday, and a shuttle will run "
            "every 20 minutes.",
            ["2–3 days", "20 min"],
            id="sample-range-and-interval",
        ),
    ],
)
def test_real_sentences(sentence: str, expected: list[str]) -> None:
    assert described(sentence) == expected


def unmatched(text: str, other: str) -> list[str]:
    """The quantities of ``text`` that no quantity of ``other`` agrees with."""
    theirs = find_quantities(other)
    return [describe(q) for q in find_quantities(text) if not any(same_value(q, t) for t in theirs)]


def test_sample_pair_discrepancies() -> None:
    wire = (SAMPLE / "wire-report.txt").read_text(encoding="utf-8")
    rewrite = (SAMPLE / "outlet-rewrite.txt").read_text(encoding="utf-8")
    changed = unmatched(rewrite, wire)
    for fact in ("around 1,400", "at least 28 March", "3:10", "€4 million"):
        assert fact in changed
    for fact in ("around 1,200", "at least 21 March", "2:40", "€3.5 million"):
        assert fact in unmatched(wire, rewrite)
    for fact in ("14 km", "0.5 m", "4.2 m", "1974", "about 300", "37", "2–3 days"):
        assert fact in described(rewrite) and fact not in changed


def test_seed_pair_area(seed_paths: list[Path]) -> None:
    first, second = (path.read_text(encoding="utf-8") for path in seed_paths)
    assert "more than 8,000 km²" in unmatched(first, second)
    assert "3,000 sq mi" not in unmatched(first, second)
    assert "3 weeks" not in unmatched(first, second)


def test_old_letter_forms_that_match_a_unit_are_read_not_a_crash() -> None:
    """The patterns ignore case, so the long s of old typesetting matches "s"; looking the
    words up must fold it the same way (it raised KeyError, failing the comparison)."""
    (quantity,) = find_quantities("It covers 8,000 ſq. km of land")
    assert (quantity.value, quantity.unit) == (8000.0, "km2")
    (words,) = find_quantities("ſix thouſand ſquare kilometres")
    assert (words.value, words.unit) == (6000.0, "km2")
