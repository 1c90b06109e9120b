"""Days of the week and months named as words: "on Monday" / "on Tuesday", "in March" /
"in April" is a change of date, in any language the quantities are read in.

Weekday names are hand-written (checked against CLDR's wide and abbreviated stand-alone and
format names by ``tests/core/facts/test_calendar_words.py``); month names are those
:mod:`.quantity_languages` and :mod:`.quantity_units` already read dates with.
"""

from __future__ import annotations

import re
from functools import lru_cache

from compareapp.core.facts.quantity_languages import WORDS
from compareapp.core.facts.quantity_units import MONTHS

WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "pt": (
        "segunda-feira",
        "terça-feira",
        "quarta-feira",
        "quinta-feira",
        "sexta-feira",
        "sábado",
        "domingo",
    ),
}
"""Monday first. German "Sonnabend" and the Portuguese days without "-feira" are other
forms (:data:`_OTHER_FORMS`)."""
_OTHER_FORMS = {
    "de": {"sonnabend": 5},
    "pt": {"segunda": 0, "terça": 1, "quarta": 2, "quinta": 3, "sexta": 4},
}
_CAPITALISED_ONLY = frozenset({"en"})
"""Languages whose day and month names are always capitalised: English "may" and "march"
in lower case are words, not months."""
_LONGEST = 20
"""Longer than any day or month with its punctuation ("segunda-feira", "«septiembre»,")."""


def calendar_change(a_text: str, a_language: str, b_text: str, b_language: str) -> bool:
    """Is the change from ``a_text`` to ``b_text`` one day of the week for another, or one
    month for another ("Monday" / "Tuesday", "lundi" / "mardi", "March" / "April"), each in
    its language or English? ("Monday" / "lundi" is the same day.)"""
    if len(a_text) > _LONGEST or len(b_text) > _LONGEST:
        return False  # most changes: more than one word
    a = calendar_word(a_text, a_language)
    b = calendar_word(b_text, b_language) if a is not None else None
    return a is not None and b is not None and a[0] == b[0] and a[1] != b[1]


def calendar_word(text: str, language: str) -> tuple[str, int] | None:
    """("weekday", 0-6) or ("month", 1-12) when ``text`` is one such word ("Saturday's"
    too), else None."""
    word = _POSSESSIVE.sub("", text.strip(_PUNCTUATION))
    if word.lower() not in _every_form():
        return None  # most words: no day or month of any language
    for code in dict.fromkeys((language, "en")):
        if code in _CAPITALISED_ONLY and not word[0].isupper():
            continue
        found = _names(code).get(word.lower())
        if found is not None:
            return found
    return None


_POSSESSIVE = re.compile(r"['’]s$")
_PUNCTUATION = " \t\n.,;:!?\"'()[]«»“”„‘’‚‹›¿¡-–—"


@lru_cache(maxsize=1)
def _every_form() -> frozenset[str]:
    """Every day and month form of every language, in lower case."""
    return frozenset(form for code in (*WEEKDAYS, *WORDS) for form in _names(code))


@lru_cache(maxsize=16)
def _names(language: str) -> dict[str, tuple[str, int]]:
    """Each day and month form of ``language`` (lower case) with what it names."""
    names: dict[str, tuple[str, int]] = {}
    for number, form in enumerate(WEEKDAYS.get(language, ())):
        names[form] = ("weekday", number)
    for form, number in _OTHER_FORMS.get(language, {}).items():
        names[form] = ("weekday", number)
    if language == "en":
        months = {form.lower(): number for form, number in MONTHS.items()}
    elif language in WORDS:
        months = {  # not the abbreviations: Spanish "mar." is also the sea, without its period
            form: number
            for number, entry in enumerate(WORDS[language].months, 1)
            for form in entry.split("/")
            if not form.endswith(".")
        }
    else:
        months = {}
    for form, number in months.items():
        names[form] = ("month", number)
    return names
