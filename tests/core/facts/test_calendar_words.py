"""A day of the week or a month changed for another is a change of date, in English and in
each language the quantities are read in; the same day in two languages, a lower-case
English "may" and an unchanged day are not."""

from __future__ import annotations

import pytest
from babel import Locale

from compareapp.core.facts.calendar_words import WEEKDAYS, calendar_change, calendar_word


@pytest.mark.parametrize("language", WEEKDAYS)
def test_the_weekday_names_are_cldr_s(language: str) -> None:
    locale = Locale.parse(language)
    for context in ("format", "stand-alone"):
        names = locale.days[context]["wide"]
        assert tuple(names[day].lower() for day in range(7)) == WEEKDAYS[language], context


@pytest.mark.parametrize(
    ("a", "a_language", "b", "b_language", "changed"),
    [
        ("Monday", "en", "Tuesday", "en", True),
        ("Saturday's", "en", "Sunday's", "en", True),
        ("March", "en", "April", "en", True),
        ("Sept.", "en", "October", "en", True),
        ("Montag", "de", "Dienstag", "de", True),
        ("Sonnabend", "de", "Sonntag", "de", True),
        ("lundi", "fr", "mardi", "fr", True),
        ("miércoles", "es", "jueves", "es", True),
        ("segunda", "pt", "terça-feira", "pt", True),
        ("mars", "fr", "avril", "fr", True),
        ("Monday", "fr", "mardi", "fr", True),  # English named in a French story
        ("Monday", "en", "lundi", "fr", False),  # the same day
        ("Sonnabend", "de", "Samstag", "de", False),
        ("Monday", "en", "Monday,", "en", False),
        ("may", "en", "might", "en", False),
        ("may", "en", "June", "en", False),  # a lower-case "may" is not the month
        ("Monday", "en", "March", "en", False),  # a day against a month: not one for another
        ("mar", "es", "abril", "es", False),  # "mar" is the sea; "mar." the abbreviation
        ("on Monday", "en", "Tuesday", "en", False),  # more than the day
    ],
)
def test_calendar_change(a: str, a_language: str, b: str, b_language: str, changed: bool) -> None:
    assert calendar_change(a, a_language, b, b_language) is changed


def test_a_word_names_its_day_or_month() -> None:
    assert calendar_word("Wednesday", "en") == ("weekday", 2)
    assert calendar_word("«dimanche»", "fr") == ("weekday", 6)
    assert calendar_word("Dezember", "de") == ("month", 12)
    assert calendar_word("Dezember", "en") is None
    assert calendar_word("", "en") is None
