"""Numbers, amounts, dates and times in a text, read by value so that versions can be compared.

"8,000", "8 000" and "eight thousand" are one value; "3,000 square miles" is converted to km²
so that it can be held against "8,000 square kilometres"; "$1.2 million", "12 per cent",
"March 4" and "2:40 a.m." are read as money, a percentage, a date and a time of day. Each
quantity remembers how it was written (unit, last digit, qualifier), so that a comparison
allows for rounding and for converted figures, and a table cell can show it briefly.

A text is read in its language (``language``, an ISO 639-1 code): German, French, Spanish,
Italian, Dutch and Portuguese have their own separators, scale, currency, unit and month
words ("0,6 Milliarden Dollar", "8 000 soldats", "4 de marzo"); any other code, or "", is
read as English (:mod:`.quantity_vocabulary`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from compareapp.core.facts.quantity_breaks import around
from compareapp.core.facts.quantity_units import AMBIGUOUS_POUND, UNITS, WEIGHING
from compareapp.core.facts.quantity_values import Quantity, describe, same_value
from compareapp.core.facts.quantity_vocabulary import Vocabulary, vocabulary

__all__ = ["Quantity", "describe", "find_quantities", "quantity_at", "same_value"]


def find_quantities(text: str, language: str = "") -> list[Quantity]:
    """Every quantity in ``text`` (written in ``language``), in order."""
    return list(_scan(text, 0, len(text), language))


def quantity_at(text: str, start: int, end: int, language: str = "") -> Quantity | None:
    """The quantity whose span overlaps [start, end) (e.g. a changed number inside a longer
    phrase), including the unit words after it; the one overlapping most if several do.
    Only the lines around the span are read (see :mod:`compareapp.core.facts.quantity_breaks`)."""
    reach = max(end, start + 1)
    overlaps = [
        (min(end, q.end) - max(start, q.start), q)
        for q in _scan(text, *around(text, start, reach), language)
        if q.start < reach and start < q.end
    ]
    return max(overlaps, key=lambda pair: pair[0])[1] if overlaps else None


@lru_cache(maxsize=64)
def _scan(text: str, lo: int, hi: int, language: str) -> tuple[Quantity, ...]:
    """The quantities between ``lo`` and ``hi``, each an end of ``text`` or a break."""
    v = vocabulary(language)
    found = [q for m in v.calendar.finditer(text, lo, hi) if (q := _read_calendar(text, m, v))]
    taken = [(q.start, q.end) for q in found]
    last_end = 0
    for match in v.number.finditer(text, lo, hi):
        if match.start() < last_end or any(s < match.end() and match.start() < e for s, e in taken):
            continue
        if quantity := _read_number(text, match, v):
            found.append(quantity)
            last_end = quantity.end
    return tuple(sorted(found, key=lambda q: q.start))


def _read_calendar(text: str, m: re.Match[str], v: Vocabulary) -> Quantity | None:
    """A date (value yyyymmdd, year 0 when not given) or a time of day (minutes)."""
    g = m.groupdict()
    if g.get("ampm") or g.get("h24") or g.get("hc"):
        hours = int(g.get("h") or g.get("h24") or g["hc"])
        minutes = int(g.get("min") or g.get("m24") or g.get("mc") or 0)
        if g.get("ampm"):
            if not 1 <= hours <= 12:
                return None
            hours = hours % 12 + (12 if g["ampm"].lower() == "p" else 0)
        return _qualified(
            text, Quantity(hours * 60 + minutes, "time", m[0], *m.span(), written_unit="time"), v
        )
    if g["iy"]:
        year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
    elif g.get("nd"):
        year, month, day = int(g["ny"]), int(g["nm"]), int(g["nd"])
    else:
        year = int(g.get("y1") or g["y2"] or 0)
        month, day = v.month(g.get("m1") or g["m2"]), int(g.get("d1") or g["d2"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    value = year * 10000 + month * 100 + day
    return _qualified(text, Quantity(value, "date", m[0], *m.span(), written_unit="date"), v)


def _read_number(text: str, match: re.Match[str], v: Vocabulary) -> Quantity | None:
    """The number at ``match`` with the currency, multiplier, range and unit around it."""
    start, pos = match.span()
    money = ""
    if before := v.currency_before.search(text, max(0, start - 4), start):
        money, start = v.currency_code(before[0]), before.start()
    upper: float | None = None
    if digits := match["digits"]:
        value, step, upper, pos = _digits_and_scale(text, match, bool(money), v)
    else:
        value, step = v.words_value(match["words"]), 1.0
    unit, pos = (money, pos) if money else _unit_after(text, pos, start, v)
    if not _stands_alone(text, match, pos, v):
        return None
    if unit == "" and re.fullmatch(r"1[89]\d\d|20\d\d|2100", digits or ""):
        unit = "year"
    if unit.startswith("°") and (minus := v.minus.search(text, max(0, start - 6), start)):
        value, start = -value, minus.start()
    canonical = UNITS[unit].canonical if unit in UNITS else unit
    if unit in UNITS:
        value = UNITS[unit].to_canonical(value)
        upper = None if upper is None else UNITS[unit].to_canonical(upper)
    quantity = Quantity(
        value, canonical, text[start:pos], start, pos, upper is not None, unit, step, upper
    )
    return _qualified(text, quantity, v)


_RANGE = re.compile(r"\s?[-–—]\s?")


def _digits_and_scale(
    text: str, match: re.Match[str], money: bool, v: Vocabulary
) -> tuple[float, float, float | None, int]:
    """Value, last-digit step, top of a range ("10-12") and end, with a multiplier after."""
    pos = match.end()
    scale, scale_end = _scale_at(text, pos, money, v)
    value, step = _digits_value(match["digits"], scale != 1, v.decimal_comma)
    upper = None
    if (dash := _RANGE.match(text, pos)) and (top := v.digits_at.match(text, dash.end())):
        if (upper := _digits_value(top[0], scale != 1, v.decimal_comma)[0]) > value:
            pos = top.end()
            scale, scale_end = _scale_at(text, pos, money, v)
        else:
            upper = None
    if scale == 1:
        return value, step, upper, pos
    return value * scale, step * scale, None if upper is None else upper * scale, scale_end


def _stands_alone(text: str, match: re.Match[str], pos: int, v: Vocabulary) -> bool:
    """Not an ordinal or code ("19th", "3D"), nor a bare "one" or "half a" ("ein", "un")."""
    if pos > match.end():
        return True
    if match["digits"]:
        return not text[pos : pos + 1].isalpha()
    return v.stands_alone(match["words"])


def _qualified(text: str, q: Quantity, v: Vocabulary) -> Quantity:
    qualifier = v.qualifier_before.search(text, max(0, q.start - 20), q.start)
    if not qualifier:
        return q
    words = " ".join(qualifier[1].casefold().split())
    return replace(q, approximate=True, qualifier=words)


def _digits_value(digits: str, scaled: bool, decimal_comma: bool = False) -> tuple[float, float]:
    """The value and the place value of the last digit; "," or "." before exactly three
    digits groups thousands ("8,000", "8.000") unless a multiplier follows ("1.200 million").
    With a ``decimal_comma`` (German, French ...) a lone comma is always the decimal mark
    ("0,6", "1,500") and a period before three digits always groups ("1.200 Millionen")."""
    digits = re.sub(r"[\s\u00a0\u2009\u202f’']", "", digits)
    marks = [c for c in digits if c in ",."]
    decimal = ""
    if len(set(marks)) == 2:
        decimal = marks[-1]
    elif len(marks) == 1:
        whole, fraction = digits.split(marks[0])
        grouped = len(fraction) == 3 and whole != "0"
        if decimal_comma:
            decimal = "," if marks[0] == "," else ("" if grouped else ".")
        else:
            decimal = "" if grouped and not scaled else marks[0]
    whole, _, fraction = digits.partition(decimal) if decimal else (digits, "", "")
    number = float(re.sub(r"\D", "", whole) + "." + (fraction or "0"))
    return number, 10.0 ** -len(fraction)


def _scale_at(text: str, pos: int, money: bool, v: Vocabulary) -> tuple[float, int]:
    """The multiplier written at ``pos`` ("million", "bn", "Mrd."; "m" and "k" only for
    money)."""
    scale = v.scale_after.match(text, pos)
    if not scale:
        return 1.0, pos
    if scale[1] in v.cased_scales:
        return v.cased_scales[scale[1]], scale.end()
    word = v.key(scale[1]) if v.language else scale[1].casefold()
    if word in v.money_scales and not (money or v.currency_after.match(text, scale.end())):
        return 1.0, pos
    return v.scales[word], scale.end()


def _unit_after(text: str, pos: int, start: int, v: Vocabulary) -> tuple[str, int]:
    """The unit written at ``pos`` (a currency code, "%", "pp", a ``UNITS`` label or "")."""
    if currency := v.currency_after.match(text, pos):
        written = next(group for group in currency.groups() if group)
        return v.currency_code(written), currency.end()
    if percent := v.percent_after.match(text, pos):
        return ("pp" if percent[1] else "%"), percent.end()
    if unit := v.unit_after.match(text, pos):
        alias = v.key(unit[1])
        if (
            alias in AMBIGUOUS_POUND
            and not v.language
            and not WEIGHING.search(text, max(0, start - 30), start)
        ):
            return "", pos
        return v.units[alias], unit.end()
    return "", pos
