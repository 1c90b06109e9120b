"""Numbers, amounts, dates and times in a text, read by value so that versions can be compared.

"8,000", "8 000" and "eight thousand" are one value; "3,000 square miles" is converted to km²
so that it can be held against "8,000 square kilometres"; "$1.2 million", "12 per cent",
"March 4" and "2:40 a.m." are read as money, a percentage, a date and a time of day. Each
quantity remembers how it was written (unit, last digit, qualifier), so that a comparison
allows for rounding and for converted figures, and a table cell can show it briefly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from compareapp.core.facts import quantity_units as vocab
from compareapp.core.facts.quantity_breaks import around
from compareapp.core.facts.quantity_units import UNITS


@dataclass(frozen=True)
class Quantity:
    value: float  # in the canonical unit of its dimension (dates: yyyymmdd, year 0 if unknown)
    unit: str  # "" (a count), "%", "pp", "km", "km2", "kg", "l", "c", "km/h", "days", "usd" ...
    text: str  # the matched text, without the qualifier: "8,000 square kilometers"
    start: int  # offsets of ``text`` in the text given to the finder
    end: int
    approximate: bool = False  # a qualifier ("about", "more than") before it, or a range
    written_unit: str = ""  # the unit as written: a label of ``UNITS`` ("sq mi"), else ``unit``
    step: float = 1.0  # place value of the last digit written, in written units ("1.2m": 1e5)
    upper: float | None = None  # the top of a range ("10-12"), in the canonical unit
    qualifier: str = ""  # "more than", "about" ..., as written before it, in lower case


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order."""
    return list(_scan(text, 0, len(text)))


def quantity_at(text: str, start: int, end: int) -> Quantity | None:
    """The quantity whose span overlaps [start, end) (e.g. a changed number inside a longer
    phrase), including the unit words after it; the one overlapping most if several do.
    Only the lines around the span are read (see :mod:`compareapp.core.facts.quantity_breaks`)."""
    reach = max(end, start + 1)
    overlaps = [
        (min(end, q.end) - max(start, q.start), q)
        for q in _scan(text, *around(text, start, reach))
        if q.start < reach and start < q.end
    ]
    return max(overlaps, key=lambda pair: pair[0])[1] if overlaps else None


def same_value(a: Quantity, b: Quantity, tolerance: float = 0.03) -> bool:
    """Same dimension and values equal within the relative ``tolerance``, 10% at least when
    either is approximate or written in another unit. Figures written alike must also agree
    once rounded to the coarser one ("1.2 million" = "1,230,000", but 37 != 38); a converted
    figure may be any value that rounds to what was written (3,000 sq mi = 9,000 km²)."""
    if a.unit != b.unit:
        return False
    if a.unit == "date":
        return _same_date(int(a.value), int(b.value))
    if a.unit in ("time", "year"):
        return a.value == b.value and a.upper == b.upper
    if a.upper is not None or b.upper is not None:
        return _ranges_agree(a, b, max(tolerance, 0.10))
    gap, size = abs(a.value - b.value), max(abs(a.value), abs(b.value))
    converted = a.written_unit != b.written_unit
    if converted or a.approximate or b.approximate:
        within = gap <= max(tolerance, 0.10) * size
        return within or (converted and gap < _rounding(a, True) + _rounding(b, True))
    return gap <= tolerance * size and gap <= max(_rounding(a), _rounding(b)) + 1e-9 * size


def describe(q: Quantity) -> str:
    """A short form for a table cell: "8,000 km²", "$1.2 million", "4 March", "14:40"."""
    shown = _describe_value(q)
    return f"{q.qualifier} {shown}" if q.qualifier else shown


# Reading -----------------------------------------------------------------------------------

_GROUPED = r"\d{1,3}(?P<sep>[,.\u00a0\u2009\u202f ])\d{3}(?:(?P=sep)\d{3})*(?!\d)(?:[.,]\d+)?"
_DIGITS = rf"(?<![\w.,])(?:{_GROUPED}|\d+(?:[.,]\d+)?)(?![.,]?\d)"
_WORD, _SCALED = vocab.NUMBER_WORD_PATTERN, "hundred|thousand|million|billion|trillion|dozen"
_AND = r"(?:(?<=hundred)|(?<=thousand))\s+and\s+"  # "one hundred and twenty"
_WORDS = (
    rf"\b(?:(?:half[\s-]+)?an?[\s-]+(?=(?:{_SCALED})\b))?(?:{_WORD})"
    rf"(?:(?:[\s-]+|{_AND})(?:{_WORD}))*\b|\bhalf[\s-]+an?\b"
)
_NUMBER = re.compile(rf"(?P<digits>{_DIGITS})|(?P<words>{_WORDS})", re.IGNORECASE)
_DIGITS_AT = re.compile(_DIGITS)
_MONTH = vocab.MONTH_PATTERN
_CALENDAR = re.compile(
    rf"(?<![\w-])(?P<iy>\d{{4}})-(?P<im>\d\d)-(?P<id>\d\d)(?![\w-])"
    rf"|\b(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?![\w:]|[.,]\d)"
    rf"(?:,?\s+(?P<y1>\d{{4}})(?![\w,.]\d))?"
    rf"|(?<![\w.,])(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>\d{{4}})\b)?"
    rf"|(?<![\w.,:])(?P<h>\d{{1,2}})(?:[:.](?P<min>[0-5]\d))?\s?(?i:(?P<ampm>[ap])\.?m)\b\.?"
    rf"|(?<![\w.,:])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
)
_RANGE = re.compile(r"\s?[-–—]\s?")
_MINUS = re.compile(r"(?:(?<![\w.,])[-−]|\bminus\s+)$", re.IGNORECASE)  # temperatures only


@lru_cache(maxsize=64)
def _scan(text: str, lo: int, hi: int) -> tuple[Quantity, ...]:
    """The quantities between ``lo`` and ``hi``, each an end of ``text`` or a break."""
    found = [q for m in _CALENDAR.finditer(text, lo, hi) if (q := _read_calendar(text, m))]
    taken = [(q.start, q.end) for q in found]
    last_end = 0
    for match in _NUMBER.finditer(text, lo, hi):
        if match.start() < last_end or any(s < match.end() and match.start() < e for s, e in taken):
            continue
        if quantity := _read_number(text, match):
            found.append(quantity)
            last_end = quantity.end
    return tuple(sorted(found, key=lambda q: q.start))


def _read_calendar(text: str, m: re.Match[str]) -> Quantity | None:
    """A date (value yyyymmdd, year 0 when not given) or a time of day (minutes)."""
    if m["ampm"] or m["h24"]:
        hours, minutes = int(m["h"] or m["h24"]), int(m["min"] or m["m24"] or 0)
        if m["ampm"]:
            if not 1 <= hours <= 12:
                return None
            hours = hours % 12 + (12 if m["ampm"].lower() == "p" else 0)
        return _qualified(
            text, Quantity(hours * 60 + minutes, "time", m[0], *m.span(), written_unit="time")
        )
    if m["iy"]:
        year, month, day = int(m["iy"]), int(m["im"]), int(m["id"])
    else:
        year = int(m["y1"] or m["y2"] or 0)
        month, day = vocab.MONTHS[(m["m1"] or m["m2"]).rstrip(".")], int(m["d1"] or m["d2"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    value = year * 10000 + month * 100 + day
    return _qualified(text, Quantity(value, "date", m[0], *m.span(), written_unit="date"))


def _read_number(text: str, match: re.Match[str]) -> Quantity | None:
    """The number at ``match`` with the currency, multiplier, range and unit around it."""
    start, pos = match.span()
    money = ""
    if before := vocab.CURRENCY_BEFORE.search(text, max(0, start - 4), start):
        money, start = vocab.currency_code(before[0]), before.start()
    upper: float | None = None
    if digits := match["digits"]:
        value, step, upper, pos = _digits_and_scale(text, match, bool(money))
    else:
        value, step = _words_value(match["words"]), 1.0
    unit, pos = (money, pos) if money else _unit_after(text, pos, start)
    if not _stands_alone(text, match, pos):
        return None
    if unit == "" and re.fullmatch(r"1[89]\d\d|20\d\d|2100", digits or ""):
        unit = "year"
    if unit.startswith("°") and (minus := _MINUS.search(text, max(0, start - 6), start)):
        value, start = -value, minus.start()
    canonical = UNITS[unit].canonical if unit in UNITS else unit
    if unit in UNITS:
        value = UNITS[unit].to_canonical(value)
        upper = None if upper is None else UNITS[unit].to_canonical(upper)
    quantity = Quantity(
        value, canonical, text[start:pos], start, pos, upper is not None, unit, step, upper
    )
    return _qualified(text, quantity)


def _digits_and_scale(
    text: str, match: re.Match[str], money: bool
) -> tuple[float, float, float | None, int]:
    """Value, last-digit step, top of a range ("10-12") and end, with a multiplier after."""
    pos = match.end()
    scale, scale_end = _scale_at(text, pos, money)
    value, step = _digits_value(match["digits"], scaled=scale != 1)
    upper = None
    if (dash := _RANGE.match(text, pos)) and (top := _DIGITS_AT.match(text, dash.end())):
        if (upper := _digits_value(top[0], scaled=scale != 1)[0]) > value:
            pos = top.end()
            scale, scale_end = _scale_at(text, pos, money)
        else:
            upper = None
    if scale == 1:
        return value, step, upper, pos
    return value * scale, step * scale, None if upper is None else upper * scale, scale_end


def _stands_alone(text: str, match: re.Match[str], pos: int) -> bool:
    """Not an ordinal or code ("19th", "3D"), nor a bare "one" or "half a"."""
    if pos > match.end():
        return True
    if match["digits"]:
        return not text[pos : pos + 1].isalpha()
    return re.fullmatch(r"one|half[\s-]+an?", match["words"].lower()) is None


def _qualified(text: str, q: Quantity) -> Quantity:
    qualifier = vocab.QUALIFIER_BEFORE.search(text, max(0, q.start - 20), q.start)
    if not qualifier:
        return q
    words = " ".join(qualifier[1].casefold().split())
    return replace(q, approximate=True, qualifier=words)


def _digits_value(digits: str, scaled: bool) -> tuple[float, float]:
    """The value and the place value of the last digit; "," or "." before exactly three
    digits groups thousands ("8,000", "8.000") unless a multiplier follows ("1.200 million")."""
    digits = re.sub(r"[\s\u00a0\u2009\u202f]", "", digits)
    marks = [c for c in digits if c in ",."]
    decimal = ""
    if len(set(marks)) == 2:
        decimal = marks[-1]
    elif len(marks) == 1:
        whole, fraction = digits.split(marks[0])
        decimal = "" if len(fraction) == 3 and whole != "0" and not scaled else marks[0]
    whole, _, fraction = digits.partition(decimal) if decimal else (digits, "", "")
    number = float(re.sub(r"\D", "", whole) + "." + (fraction or "0"))
    return number, 10.0 ** -len(fraction)


def _words_value(phrase: str) -> float:
    """ "eight thousand" -> 8000, "two dozen" -> 24, "half a million" -> 500000."""
    words = [word for word in re.findall(r"[a-z]+", phrase.casefold()) if word != "and"]
    share = 0.5 if words[0] == "half" else 1.0
    total = current = 0.0
    for word in words[1:] if share != 1.0 else words:
        if word in ("hundred", "dozen"):
            current = (current or 1) * (100 if word == "hundred" else 12)
        elif word in vocab.SCALE_WORDS:
            total, current = total + (current or 1) * vocab.SCALE_WORDS[word], 0.0
        else:
            current += vocab.SMALL_NUMBERS.get(word, 1)  # "a", "an"
    return share * (total + current)


def _scale_at(text: str, pos: int, money: bool) -> tuple[float, int]:
    """The multiplier written at ``pos`` ("million", "bn"; "m" and "k" only for money)."""
    scale = vocab.SCALE_AFTER.match(text, pos)
    if not scale:
        return 1.0, pos
    word = scale[1].casefold()
    if word in vocab.MONEY_ABBREVIATIONS and not (
        money or vocab.CURRENCY_AFTER.match(text, scale.end())
    ):
        return 1.0, pos
    return vocab.SCALES[word], scale.end()


def _unit_after(text: str, pos: int, start: int) -> tuple[str, int]:
    """The unit written at ``pos`` (a currency code, "%", "pp", a ``UNITS`` label or "")."""
    if currency := vocab.CURRENCY_AFTER.match(text, pos):
        return vocab.currency_code(currency[1] or currency[2]), currency.end()
    if percent := vocab.PERCENT_AFTER.match(text, pos):
        return ("pp" if percent[1] else "%"), percent.end()
    if unit := vocab.UNIT_AFTER.match(text, pos):
        alias = " ".join(unit[1].casefold().replace("-", " ").split())
        if alias in vocab.AMBIGUOUS_POUND and not vocab.WEIGHING.search(
            text, max(0, start - 30), start
        ):
            return "", pos
        return vocab.UNIT_ALIASES[alias], unit.end()
    return "", pos


# Comparing and showing ---------------------------------------------------------------------


def _same_date(a: int, b: int) -> bool:
    """Same day and month; the same year too where both give one."""
    year_a, year_b = a // 10000, b // 10000
    return a % 10000 == b % 10000 and (year_a == year_b or not year_a or not year_b)


def _ranges_agree(a: Quantity, b: Quantity, tolerance: float) -> bool:
    """Two ranges with the same ends, or a figure inside a range."""
    low_a, high_a = a.value, a.value if a.upper is None else a.upper
    low_b, high_b = b.value, b.value if b.upper is None else b.upper
    slack = tolerance * max(abs(high_a), abs(high_b))
    if a.upper is not None and b.upper is not None:
        return abs(low_a - low_b) <= slack and abs(high_a - high_b) <= slack
    inside_a = low_a - slack <= low_b and high_b <= high_a + slack
    return inside_a or (low_b - slack <= low_a and high_a <= high_b + slack)


def _rounding(q: Quantity, significant: bool = False) -> float:
    """How far rounding may have moved the figure, in the canonical unit: half the place
    value of the last digit written (of the last non-zero digit when ``significant``)."""
    step = q.step
    if significant:
        digits = round(abs(_written(q, q.value)) / step)
        while digits and digits % 10 == 0:
            digits, step = digits // 10, step * 10
    return step * (UNITS[q.written_unit].factor if q.written_unit in UNITS else 1.0) / 2


def _written(q: Quantity, value: float) -> float:
    """``value`` (canonical) in the unit ``q`` was written in."""
    return UNITS[q.written_unit].from_canonical(value) if q.written_unit in UNITS else value


def _describe_value(q: Quantity) -> str:
    whole = round(q.value)
    if q.unit == "date":
        day_month = f"{whole % 100} {vocab.MONTH_NAMES[whole // 100 % 100 - 1]}"
        return f"{day_month} {whole // 10000}" if whole >= 10000 else day_month
    if q.unit == "time":
        return f"{whole // 60}:{whole % 60:02d}"
    number = _number_text(_written(q, q.value))
    if q.upper is not None:
        number += "–" + _number_text(_written(q, q.upper))
    unit = q.written_unit
    if unit in vocab.CURRENCY_SHOWN_BEFORE:
        return vocab.CURRENCY_SHOWN_BEFORE[unit] + number
    if unit == "year":
        return number.replace(",", "")
    if unit in ("", "%") or unit.startswith("°"):
        return number + unit
    if unit not in UNITS and unit != "pp":
        return f"{number} {unit.upper()}"  # another currency: "5 million UAH"
    if number == "1" and unit.endswith("s") and len(unit) > 2:
        unit = unit[:-1]  # "1 month"
    return f"{number} {unit}"


def _number_text(value: float) -> str:
    """ "8,000", "4.2", "1.2 million" (millions and billions when three decimals suffice)."""
    for name, scale in (("billion", 1e9), ("million", 1e6)):
        thousandths = value / scale * 1000
        if abs(value) >= scale and abs(thousandths - round(thousandths)) < 1e-6:
            return f"{_plain_number(value / scale)} {name}"
    return _plain_number(value)


def _plain_number(value: float) -> str:
    return f"{value:,.6f}".rstrip("0").rstrip(".")
