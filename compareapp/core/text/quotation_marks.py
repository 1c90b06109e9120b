"""Quotation marks of the languages read, and which mark closes which.

English “…” and "…"; German „…“, »…« and ‚…‘; French, Spanish, Italian and Portuguese «…»
(French with a space or a narrow no-break space inside: « … »); Swiss ‹…›; Chinese and
Japanese 「…」 and 『…』. A mark's meaning depends on its language (“ opens in English and
closes in German; » closes in French and opens in German), so a reader pairs marks by the
one that opened: after „ a “ closes, after “ a ” does. Guillemets are read the German way
round (»…«) in a paragraph whose first guillemet is ».
"""

from __future__ import annotations

import re

MARKS = re.compile(r'[“”„‟«»‹›「」『』"]')
"""Double quotation marks (and the single guillemets and corner brackets)."""
CLOSERS: dict[str, str] = {
    "“": '”"',
    "‟": '”"',
    "”": '”"',
    '"': '"”',
    "„": '“”"',
    "«": "»",
    "»": "«",
    "‹": "›",
    "›": "‹",
    "「": "」",
    "『": "』",
}
"""An opening mark -> the marks that close it."""
SPACED = frozenset("„«»‹›「『")
"""Opening marks that are never an apostrophe or a stray, so that a space may follow them."""
LOW_SINGLE = "‚"
"""German single opening mark, closed by ‘ (or ’)."""
_GUILLEMET = re.compile("[«»‹›]")


def openers(text: str, lo: int, hi: int) -> str:
    """The marks that always open a quotation in ``text[lo:hi]`` (a paragraph); the
    straight " and a ” after a space open by context, which the reader judges."""
    first = _GUILLEMET.search(text, lo, hi)
    if first is not None and first[0] in "»›":
        return "“„‟»›「『"
    return "“„‟«‹「『"
