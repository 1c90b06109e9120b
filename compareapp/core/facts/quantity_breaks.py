"""Line breaks that no quantity runs across, so that the figure at one place of a long
document is read from the lines around it (:func:`compareapp.core.facts.quantities.quantity_at`)
with the same result as a scan of the whole text, at a fraction of the cost.

Inside a quantity ("8,000 square kilometres", "March 4,\\n2024", "one hundred and twenty",
"US$\\n5") white space follows only a letter or digit, a dash or minus, a mark of the
vocabulary ("$", "°", "/") or of an ordinal day ("1º de marzo"), an apostrophe ("d’\\neuros"),
a comma before a year, or a period before a day or year ("Jan.\\n4"), after a day ("4.\\nMärz")
or ending an abbreviated word ("sq.\\nkm", "Mrd.\\nEuro"); and a quantity neither starts
nor ends with white space (the vocabulary is that of every language read). So the text
after a line break preceded by anything else is a *break*: no quantity, nor any match of the
scan's patterns, starts before it and ends after it. (The patterns are those of
:mod:`compareapp.core.facts.quantity_vocabulary`; a change there that lets a quantity run
across other characters must be reflected here.)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache

from compareapp.core.facts import quantity_units as vocab
from compareapp.core.facts.quantity_languages import CURRENCY_SYMBOLS_AFTER, WORDS
from compareapp.core.text.numerals import NUMERALS

_GAP = re.compile(r"\n\s*")
"""A line break and the white space after it (a break is where it ends)."""
_VOCABULARY: tuple[Iterable[str], ...] = (
    vocab.UNIT_ALIASES,
    vocab.CURRENCY_WORDS,
    vocab.CURRENCY_SYMBOLS,
    vocab.CURRENCY_CODES,
    vocab.MONTHS,
    vocab.SCALES,
    vocab.SMALL_NUMBERS,
    vocab.QUALIFIERS,
    CURRENCY_SYMBOLS_AFTER,
    *(numerals.words() | numerals.joiners for numerals in NUMERALS.values()),
    *(
        [form for forms in table for form in forms.split("/")]
        for words in WORDS.values()
        for table in (
            words.scales,
            words.money_scales,
            words.currencies,
            words.units,
            words.qualifiers,
            words.percent,
            words.points,
            words.months,
        )
    ),
)
_JOINING = frozenset("-–—−’'º°ª").union(
    c for forms in _VOCABULARY for form in forms for c in form if not (c.isalnum() or c.isspace())
) - frozenset(".,")
"""Characters besides letters and digits that white space inside a quantity may follow."""
_DOTTED_WORDS = sorted(
    {
        word
        for forms in _VOCABULARY
        for form in forms
        for word in re.findall(r"([^\W\d_]+)[.,](?: |$)", form)
    }
)
_DOTTED = re.compile(f"(?:{'|'.join(map(re.escape, _DOTTED_WORDS)) or '(?!)'})$", re.IGNORECASE)
"""A word whose period or comma a space follows inside a unit ("sq" of "sq. km")."""
_DOTTED_REACH = max(map(len, _DOTTED_WORDS), default=0)


def around(text: str, start: int, end: int) -> tuple[int, int]:
    """The nearest breaks (or ends of ``text``) at or before ``start`` and at or after
    ``end``: every quantity that overlaps ``[start, end)`` lies between them."""
    breaks = _breaks(text)
    before, after = bisect_right(breaks, start), bisect_left(breaks, end)
    low = breaks[before - 1] if before else 0
    high = breaks[after] if after < len(breaks) else len(text)
    return low, high


@lru_cache(maxsize=8)
def _breaks(text: str) -> tuple[int, ...]:
    """Every break of ``text``, in order."""
    return tuple(
        gap.end() for gap in _GAP.finditer(text) if _is_break(text, gap.start(), gap.end())
    )


def _is_break(text: str, newline: int, after: int) -> bool:
    """Can no quantity hold both the ``newline`` and the character at ``after`` (the first
    one after the white space that follows it)?"""
    last = newline - 1
    while last >= 0 and text[last].isspace():
        last -= 1
    if last < 0:
        return True
    mark = text[last]
    if mark in ".,":  # "March 4,\n2024", "Jan.\n4", "sq.\nkm", "4.\nMärz"
        digit = text[after : after + 1].isdigit() or text[last - 1 : last].isdigit()
        return not digit and not _DOTTED.search(text, max(0, last - _DOTTED_REACH), last)
    return not (mark.isalnum() or mark == "_" or mark in _JOINING)
