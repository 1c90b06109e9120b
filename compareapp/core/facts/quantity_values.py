"""Quantities as values: how close two figures must be to state the same fact, and a short
form for a table cell. :mod:`compareapp.core.facts.quantities` reads them from text.
"""

from __future__ import annotations

from dataclasses import dataclass

from compareapp.core.facts import quantity_units as vocab
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
