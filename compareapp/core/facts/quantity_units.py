"""The vocabulary of ``compareapp.core.facts.quantities``: units and their factors to the canonical
unit of each dimension, currencies, number words, months and qualifiers, and the regular
expressions that find them.

Every alias is lower case; British and American spellings are both listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    label: str  # short written form, for a table cell and ``Quantity.written_unit``
    canonical: str  # canonical unit of the dimension ("km", "km2", "kg", "l", "c", "days" ...)
    factor: float  # canonical units in one of this unit
    offset: float = 0.0  # added after the factor (temperatures)

    def to_canonical(self, value: float) -> float:
        return value * self.factor + self.offset

    def from_canonical(self, value: float) -> float:
        return (value - self.offset) / self.factor


_UNITS = (
    Unit("km", "km", 1.0),
    Unit("m", "km", 1e-3),
    Unit("cm", "km", 1e-5),
    Unit("mm", "km", 1e-6),
    Unit("mi", "km", 1.609344),
    Unit("nmi", "km", 1.852),
    Unit("yd", "km", 0.0009144),
    Unit("ft", "km", 0.0003048),
    Unit("in", "km", 0.0000254),
    Unit("km²", "km2", 1.0),
    Unit("m²", "km2", 1e-6),
    Unit("sq mi", "km2", 2.589988110336),
    Unit("ha", "km2", 0.01),
    Unit("acres", "km2", 0.0040468564224),
    Unit("kg", "kg", 1.0),
    Unit("g", "kg", 1e-3),
    Unit("t", "kg", 1000.0),
    Unit("lb", "kg", 0.45359237),
    Unit("l", "l", 1.0),
    Unit("ml", "l", 1e-3),
    Unit("m³", "l", 1000.0),
    Unit("gal", "l", 3.785411784),
    Unit("bbl", "l", 158.987294928),
    Unit("°C", "c", 1.0),
    Unit("°F", "c", 5 / 9, -160 / 9),
    Unit("km/h", "km/h", 1.0),
    Unit("mph", "km/h", 1.609344),
    Unit("s", "days", 1 / 86400),
    Unit("min", "days", 1 / 1440),
    Unit("h", "days", 1 / 24),
    Unit("days", "days", 1.0),
    Unit("weeks", "days", 7.0),
    Unit("months", "days", 365.2425 / 12),
    Unit("years", "days", 365.2425),
)
UNITS = {unit.label: unit for unit in _UNITS}


def _forms(label: str, *words: str) -> dict[str, str]:
    """Each written form in ``words`` (a trailing "(s)" adds the plural) -> ``label``."""
    forms = {}
    for word in words:
        stem = word.removesuffix("(s)")
        forms[stem] = label
        if stem != word:
            forms[stem + "s"] = label
    return forms


UNIT_ALIASES: dict[str, str] = {
    **_forms("km", "km", "kms", "kilometre(s)", "kilometer(s)"),
    **_forms("m", "m", "metre(s)", "meter(s)"),
    **_forms("cm", "cm", "centimetre(s)", "centimeter(s)"),
    **_forms("mm", "mm", "millimetre(s)", "millimeter(s)"),
    **_forms("mi", "mi", "mile(s)"),
    **_forms("nmi", "nautical mile(s)"),
    **_forms("yd", "yd", "yard(s)"),
    **_forms("ft", "ft", "foot", "feet"),
    **_forms("in", "inch", "inches"),
    **_forms("km²", "km²", "km2", "sq km", "sq. km", "square km", "square kilometre(s)"),
    **_forms("km²", "square kilometer(s)"),
    **_forms("m²", "m²", "sq m", "square metre(s)", "square meter(s)"),
    **_forms("sq mi", "sq mi", "sq. mi", "sq miles", "square mile(s)"),
    **_forms("ha", "ha", "hectare(s)"),
    **_forms("acres", "acre(s)"),
    **_forms("kg", "kg", "kgs", "kilo(s)", "kilogram(s)", "kilogramme(s)"),
    **_forms("g", "gram(s)", "gramme(s)"),
    **_forms("t", "tonne(s)", "ton(s)", "metric ton(s)"),
    **_forms("lb", "lb", "lbs", "pound(s)"),
    **_forms("l", "litre(s)", "liter(s)"),
    **_forms("ml", "ml", "millilitre(s)", "milliliter(s)"),
    **_forms("m³", "m³", "cubic metre(s)", "cubic meter(s)"),
    **_forms("gal", "gallon(s)"),
    **_forms("bbl", "bbl", "barrel(s)"),
    **_forms("°C", "°c", "ºc", "degrees celsius", "degrees centigrade", "degrees c", "celsius"),
    **_forms("°F", "°f", "ºf", "degrees fahrenheit", "degrees f", "fahrenheit"),
    **_forms("km/h", "km/h", "kph", "kmh", "kilometres per hour", "kilometers per hour"),
    **_forms("mph", "mph", "miles per hour"),
    **_forms("s", "second(s)", "sec(s)"),
    **_forms("min", "minute(s)", "min(s)"),
    **_forms("h", "h", "hour(s)", "hr(s)"),
    **_forms("days", "day(s)"),
    **_forms("weeks", "week(s)"),
    **_forms("months", "month(s)"),
    **_forms("years", "year(s)", "yr(s)"),
}
AMBIGUOUS_POUND = frozenset({"pound", "pounds"})  # money or mass: mass only after "weighing"

CURRENCY_SYMBOLS = {
    "US$": "usd",
    "C$": "cad",
    "A$": "aud",
    "NZ$": "nzd",
    "HK$": "hkd",
    "$": "usd",
    "€": "eur",
    "£": "gbp",
    "¥": "jpy",
    "₽": "rub",
    "₴": "uah",
    "₹": "inr",
}
CURRENCY_CODES = ("USD", "EUR", "GBP", "RUB", "UAH", "JPY", "CNY", "CAD", "AUD", "CHF", "INR")
CURRENCY_WORDS: dict[str, str] = {
    **_forms("usd", "dollar(s)", "us dollar(s)"),
    **_forms("eur", "euro(s)"),
    **_forms("gbp", "pound sterling", "pounds sterling", "sterling"),
    **_forms("rub", "rouble(s)", "ruble(s)"),
    **_forms("uah", "hryvnia(s)", "hryvna(s)", "hryvnya(s)"),
    **_forms("jpy", "yen"),
    **_forms("cny", "yuan", "renminbi"),
    **_forms("inr", "rupee(s)"),
    **_forms("chf", "swiss franc(s)"),
}
CURRENCY_SHOWN_BEFORE = {"usd": "$", "eur": "€", "gbp": "£", "jpy": "¥"}


def currency_code(written: str) -> str:
    """ "US$", "euros", "USD" -> "usd", "eur", "usd"."""
    written = " ".join(written.split())
    return CURRENCY_SYMBOLS.get(written) or CURRENCY_WORDS.get(written.casefold(), written.lower())


SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen".split()
    )
} | {
    word: 10 * value
    for value, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALE_ABBREVIATIONS = {"bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12}
MONEY_ABBREVIATIONS = {"m": 1e6, "k": 1e3}  # "$5m", "£20k": a multiplier only with money
SCALES = SCALE_WORDS | SCALE_ABBREVIATIONS | MONEY_ABBREVIATIONS

_MONTH_FORMS = (
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May",),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sept", "Sep"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
)
MONTHS = {form: number for number, forms in enumerate(_MONTH_FORMS, 1) for form in forms}
MONTH_NAMES = tuple(forms[0] for forms in _MONTH_FORMS)

QUALIFIERS = (
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "more than",
    "over",
    "at least",
    "less than",
    "fewer than",
    "under",
    "up to",
    "close to",
    "as many as",
    "an estimated",
    "upwards of",
    "at most",
    "just over",
    "just under",
)


# The tables as regular expressions ---------------------------------------------------------


def _alternatives(forms: Iterable[str]) -> str:
    """A regex alternation of ``forms``, longest first, any space also matching a hyphen."""
    forms = sorted(forms, key=len, reverse=True)
    return "|".join(re.escape(form).replace(r"\ ", r"[\s-]+") for form in forms)


NUMBER_WORD_PATTERN = _alternatives([*SMALL_NUMBERS, *SCALE_WORDS, "hundred", "dozen"])
MONTH_PATTERN = rf"(?:{_alternatives(MONTH_NAMES)})\b|(?:{_alternatives(MONTHS)})\b\.?"
CURRENCY_BEFORE = re.compile(  # searched for just before a number
    rf"(?:{_alternatives(CURRENCY_SYMBOLS)}|\b(?:{'|'.join(CURRENCY_CODES)})\s?)$"
)
QUALIFIER_BEFORE = re.compile(rf"\b({_alternatives(QUALIFIERS)})[\s-]+$", re.IGNORECASE)
# The rest match just after a number.
SCALE_AFTER = re.compile(
    rf"[\s-]*({_alternatives([*SCALE_WORDS, *SCALE_ABBREVIATIONS, *MONEY_ABBREVIATIONS])})\b",
    re.IGNORECASE,
)
CURRENCY_AFTER = re.compile(
    rf"[\s-]*(?:({_alternatives(CURRENCY_WORDS)})|(?-i:({'|'.join(CURRENCY_CODES)})))\b",
    re.IGNORECASE,
)
PERCENT_AFTER = re.compile(
    r"\s?%|[\s-]*(?:per\s?cent|pct)\b|[\s-]*(percentage\s+points?)\b", re.IGNORECASE
)
WEIGHING = re.compile(r"\bweigh", re.IGNORECASE)  # "pounds" after it are a mass
UNIT_AFTER = re.compile(rf"[\s-]*({_alternatives(UNIT_ALIASES)})(?![\w²³])", re.IGNORECASE)
