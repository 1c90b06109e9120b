"""The patterns and tables :mod:`compareapp.core.facts.quantities` reads a text with, one
:class:`Vocabulary` per language: English (:mod:`.quantity_units`, also for a text whose
language is unsure) and German, French, Spanish, Italian, Dutch and Portuguese
(:mod:`.quantity_languages`, :mod:`compareapp.core.text.numerals`).

The other languages write a decimal comma ("0,6") and group thousands with a period, a
space or an apostrophe ("8.000", "8 000", "8’000"); they put the currency after the figure
("600 millions de dollars", "5 €") and the day before the month ("4. März", "4 de marzo").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from compareapp.core.facts import quantity_units as english
from compareapp.core.facts.quantity_languages import CURRENCY_SYMBOLS_AFTER, WORDS
from compareapp.core.text.numerals import NUMERALS, alternatives, words_pattern, words_value


@dataclass(frozen=True)
class Vocabulary:
    """How one language writes quantities; ``language`` is "" for English."""

    language: str
    number: re.Pattern[str]  # groups "digits" and "words"
    digits_at: re.Pattern[str]
    calendar: re.Pattern[str]  # dates and times of day, see ``quantities._read_calendar``
    months: Mapping[str, int]
    currency_before: re.Pattern[str]
    currency_after: re.Pattern[str]
    currencies: Mapping[str, str]
    scale_after: re.Pattern[str]
    scales: Mapping[str, float]
    money_scales: frozenset[str]
    cased_scales: Mapping[str, float]
    percent_after: re.Pattern[str]
    unit_after: re.Pattern[str]
    units: Mapping[str, str]
    qualifier_before: re.Pattern[str]
    minus: re.Pattern[str]

    @property
    def decimal_comma(self) -> bool:
        return bool(self.language)

    def key(self, written: str) -> str:
        """A written word or phrase as the tables hold it."""
        if not self.language:
            return " ".join(written.casefold().replace("-", " ").split())
        return " ".join(_SPACES_AND_HYPHENS.split(written.casefold()))

    def currency_code(self, written: str) -> str:
        """ "US$", "euros", "USD", "Dollar" -> "usd", "eur", "usd", "usd"."""
        if not self.language:
            return english.currency_code(written)
        spaced = " ".join(written.split())
        return self.currencies.get(spaced) or self.currencies.get(self.key(written), spaced.lower())

    def month(self, written: str) -> int:
        if not self.language:
            return english.MONTHS[written.rstrip(".")]
        return self.months[written.casefold().rstrip(".")]

    def words_value(self, phrase: str) -> float:
        if not self.language:
            return _english_words_value(phrase)
        return words_value(phrase, self.language)

    def stands_alone(self, phrase: str) -> bool:
        """Is a number written in words a figure, not an article ("one", "ein", "un")?"""
        if not self.language:
            return re.fullmatch(r"one|half[\s-]+an?", phrase.lower()) is None
        return phrase.lower() not in NUMERALS[self.language].bare


def vocabulary(language: str) -> Vocabulary:
    """The vocabulary for ``language`` (an ISO 639-1 code); English for any other."""
    return _vocabulary(language if language in WORDS else "")


# English: the patterns of quantity_units and the number patterns as they always were. -----

_GROUPED = r"\d{1,3}(?P<sep>[,.\u00a0\u2009\u202f ])\d{3}(?:(?P=sep)\d{3})*(?!\d)(?:[.,]\d+)?"
_DIGITS = rf"(?<![\w.,])(?:{_GROUPED}|\d+(?:[.,]\d+)?)(?![.,]?\d)"
_WORD, _SCALED = english.NUMBER_WORD_PATTERN, "hundred|thousand|million|billion|trillion|dozen"
_AND = r"(?:(?<=hundred)|(?<=thousand))\s+and\s+"  # "one hundred and twenty"
_WORDS = (
    rf"\b(?:(?:half[\s-]+)?an?[\s-]+(?=(?:{_SCALED})\b))?(?:{_WORD})"
    rf"(?:(?:[\s-]+|{_AND})(?:{_WORD}))*\b|\bhalf[\s-]+an?\b"
)
_MONTH = english.MONTH_PATTERN
_ISO_DATE = r"(?<![\w-])(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d)(?![\w-])"
_H24 = r"(?<![\w.,:])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
_ENGLISH_CALENDAR = (
    rf"{_ISO_DATE}"
    rf"|\b(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?![\w:]|[.,]\d)"
    rf"(?:,?\s+(?P<y1>\d{{4}})(?![\w,.]\d))?"
    rf"|(?<![\w.,])(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>\d{{4}})\b)?"
    rf"|(?<![\w.,:])(?P<h>\d{{1,2}})(?:[:.](?P<min>[0-5]\d))?\s?(?i:(?P<ampm>[ap])\.?m)\b\.?"
    rf"|{_H24}"
)


def _english() -> Vocabulary:
    return Vocabulary(
        "",
        re.compile(rf"(?P<digits>{_DIGITS})|(?P<words>{_WORDS})", re.IGNORECASE),
        re.compile(_DIGITS),
        re.compile(_ENGLISH_CALENDAR),
        english.MONTHS,
        english.CURRENCY_BEFORE,
        english.CURRENCY_AFTER,
        {**english.CURRENCY_SYMBOLS, **english.CURRENCY_WORDS},
        english.SCALE_AFTER,
        english.SCALES,
        frozenset(english.MONEY_ABBREVIATIONS),
        {},
        english.PERCENT_AFTER,
        english.UNIT_AFTER,
        english.UNIT_ALIASES,
        english.QUALIFIER_BEFORE,
        re.compile(r"(?:(?<![\w.,])[-−]|\bminus\s+)$", re.IGNORECASE),
    )


def _english_words_value(phrase: str) -> float:
    """ "eight thousand" -> 8000, "two dozen" -> 24, "half a million" -> 500000."""
    words = [word for word in re.findall(r"[a-z]+", phrase.casefold()) if word != "and"]
    share = 0.5 if words[0] == "half" else 1.0
    total = current = 0.0
    for word in words[1:] if share != 1.0 else words:
        if word in ("hundred", "dozen"):
            current = (current or 1) * (100 if word == "hundred" else 12)
        elif word in english.SCALE_WORDS:
            total, current = total + (current or 1) * english.SCALE_WORDS[word], 0.0
        else:
            current += english.SMALL_NUMBERS.get(word, 1)  # "a", "an"
    return share * (total + current)


# The other languages -----------------------------------------------------------------------

_SEPARATED = r"\d{1,3}(?P<sep>[,.\u00a0\u2009\u202f ’'])\d{3}(?:(?P=sep)\d{3})*(?!\d)(?:[.,]\d+)?"
_SEPARATED_DIGITS = rf"(?<![\w.,])(?:{_SEPARATED}|\d+(?:[.,]\d+)?)(?![.,]?\d)"
_NUMERIC_DATE = (
    r"(?<![\w.,/-])(?P<nd>\d{1,2})(?P<ns>[./-])(?P<nm>\d{1,2})(?P=ns)(?P<ny>\d{4})(?![\w.,/-]?\d)"
)
_ORDINAL = r"(?:\.º?|er|re|[º°ª])"
_SPACES_AND_HYPHENS = re.compile(r"[\s-]+")


def _other(language: str) -> Vocabulary:
    words, numerals = WORDS[language], NUMERALS[language]
    months = {
        form.rstrip("."): number
        for number, forms in enumerate(words.months, 1)
        for form in forms.split("/")
    }
    full = [form for forms in words.months for form in forms.split("/") if "." not in form]
    short = [form for forms in words.months for form in forms.split("/") if "." in form]
    month = rf"(?i:(?:{alternatives(full)})\b|{alternatives(short) or '(?!)'})"
    of = rf"(?:(?:{words.month_of})\s+)?" if words.month_of else ""
    calendar = (
        rf"{_ISO_DATE}|{_NUMERIC_DATE}"
        rf"|(?<![\w.,])(?P<d2>\d{{1,2}}){_ORDINAL}?\s*{of}(?P<m2>{month})"
        rf"(?:,?\s+{of}(?P<y2>\d{{4}})\b)?"
        rf"|{words.clock}|{_H24}"
    )
    scales = {**numerals.scales, **words.scales, **words.money_scales}
    cased = "".join(f"(?-i:{re.escape(form)})|" for form in words.cased_scales)
    currencies = {
        **english.CURRENCY_SYMBOLS,
        **CURRENCY_SYMBOLS_AFTER,
        **{_key(word): code for word, code in words.currencies.items()},
    }
    symbols = alternatives({**english.CURRENCY_SYMBOLS, **CURRENCY_SYMBOLS_AFTER})
    before = alternatives({**english.CURRENCY_SYMBOLS, "R$": "brl"})
    codes = "|".join(english.CURRENCY_CODES)
    connector = rf"(?:(?:{words.connector})\s*)?" if words.connector else ""
    units = {_key(word): label for word, label in words.units.items()}
    qualifiers = alternatives(words.qualifiers)
    return Vocabulary(
        language,
        re.compile(
            rf"(?P<digits>{_SEPARATED_DIGITS})|(?P<words>{words_pattern(language)})",
            re.IGNORECASE,
        ),
        re.compile(_SEPARATED_DIGITS),
        re.compile(calendar),
        months,
        re.compile(rf"(?:(?:{before})\s?|\b(?:{codes})\s?)$"),
        re.compile(
            rf"[\s-]*{connector}(?:({alternatives(words.currencies)})(?!\w)"
            rf"|(?-i:({codes}))\b|({symbols}))",
            re.IGNORECASE,
        ),
        currencies,
        re.compile(rf"[\s-]*({cased}{alternatives(scales)})(?!\w)", re.IGNORECASE),
        {_key(word): value for word, value in scales.items()},
        frozenset(_key(word) for word in words.money_scales),
        words.cased_scales,
        re.compile(
            rf"\s?%|[\s-]*(?:{alternatives(words.percent)})(?!\w)"
            rf"|[\s-]*({alternatives(words.points)})(?!\w)",
            re.IGNORECASE,
        ),
        re.compile(rf"[\s-]*({alternatives(words.units)})(?![\w²³])", re.IGNORECASE),
        units,
        re.compile(rf"(?<!\w)({qualifiers})[\s-]+$", re.IGNORECASE),
        re.compile(rf"(?:(?<![\w.,])[-−]|\b{words.minus}\s+)$", re.IGNORECASE),
    )


def _key(written: str) -> str:
    return " ".join(_SPACES_AND_HYPHENS.split(written.casefold()))


@cache
def _vocabulary(language: str) -> Vocabulary:
    return _other(language) if language else _english()
