"""What fact one word difference changes, and the words of each side that say it.

A number is compared by value ("8,000" = "8000" = "eight thousand"; km² against square
miles by conversion), so a change of format is not a fact; a quotation is one fact however
many words of it changed; a name is a fact only where :mod:`compareapp.core.diff.classify`
classes the change a name (a named entity that is not the same on both sides).
"""

from __future__ import annotations

import re

from compareapp.core.diff.classify import DifferenceClass, number_word
from compareapp.core.diff.inline_diff import Difference, tokenize_span
from compareapp.core.diff.name_changes import says_more_than_names
from compareapp.core.documents.document import Document
from compareapp.core.facts.calendar_words import calendar_change
from compareapp.core.facts.fact_kind import FactKind
from compareapp.core.facts.quantities import Quantity, quantity_at, same_value
from compareapp.core.facts.quotations import Quotation, attributions, find_quotations, same_words
from compareapp.core.text.counted_one import counts_one
from compareapp.core.text.language_words import FUNCTION_WORDS

Span = tuple[int, int]
NAME_WORDS = 12
"""Longest name change, in words, on either side ("White House spokesman Kirby told
MSNBC" / "U.S. officials said")."""
_WORDS_AND_NAMES = (DifferenceClass.NAME, DifferenceClass.WORDING)
_CALENDAR_UNITS = frozenset(("date", "time", "year"))
"""Quantities whose change is a `date or time` row ("2014" / "2015" as well as "March 4")."""
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def fact_of(
    a: Document, b: Document, difference: Difference, quotes_done: set[Span]
) -> tuple[FactKind, Span, Span] | None:
    """What fact ``difference`` changes, and the words of each side that say it; None
    when it changes no fact (wording, or a number written another way)."""
    kind = difference.kind
    span_a, span_b = (difference.a_start, difference.a_end), (difference.b_start, difference.b_end)
    if kind is DifferenceClass.NUMBER:
        return _number_fact(a, b, span_a, span_b)
    if kind is DifferenceClass.QUOTATION:
        quote_a = _quotation_at(a.text, span_a)
        quote_b = None if quote_a is None else _quotation_at(b.text, span_b)
        if quote_a is None or quote_b is None:
            return (FactKind.QUOTATION, span_a, span_b) if _words(a, b, span_a, span_b) else None
        if (quote_a.start, quote_a.end) in quotes_done or same_words(quote_a.text, quote_b.text):
            return None
        if _marks_moved(a.text, quote_a, b.text, quote_b):
            return None
        quotes_done.add((quote_a.start, quote_a.end))
        return FactKind.QUOTATION, (quote_a.start, quote_a.end), (quote_b.start, quote_b.end)
    if kind in _WORDS_AND_NAMES:
        if (unit := _unit_change(a, b, span_a, span_b)) is not None:
            return unit  # "40 million dollars" / "40 million euros", "March 4" / "April 4"
        if calendar_change(difference.a_text, a.language, difference.b_text, b.language):
            # "on Monday" / "on Tuesday"; the month of a date with another day: the day's row
            in_date = _in_date(a, span_a) or _in_date(b, span_b)
            return None if in_date else (FactKind.DATE, span_a, span_b)
    if kind is DifferenceClass.NAME:
        if not (_short_phrase(a.text, span_a) or _short_phrase(b.text, span_b)):
            return None  # a rewritten clause that happens to hold a name: wording
        tokens_a, tokens_b = tokenize_span(a.text, *span_a), tokenize_span(b.text, *span_b)
        if says_more_than_names(tokens_a, tokens_b) and says_more_than_names(tokens_b, tokens_a):
            return None  # a clause rewritten on both sides around a respelt name
        attributed = _in_attribution(a.text, span_a) or _in_attribution(b.text, span_b)
        if attributed:
            return FactKind.ATTRIBUTION, span_a, span_b
        named = _capitalised(a, span_a) or _capitalised(b, span_b)
        return (FactKind.NAME, span_a, span_b) if named else None
    if kind is DifferenceClass.SPELLING:
        return FactKind.SPELLING, span_a, span_b
    return None


def _marks_moved(text_a: str, quote_a: Quotation, text_b: str, quote_b: Quotation) -> bool:
    """The same words, the quotation marks a word or two further in or out ("a “direct
    party”" / "“a direct party”"): each quote's words are in the other's with its
    neighbours."""
    return _within(quote_a, text_b, quote_b) and _within(quote_b, text_a, quote_a)


def _within(quote: Quotation, text: str, other: Quotation) -> bool:
    words = " ".join(_WORD.findall(quote.text.lower()))
    around = text[max(0, other.start - 30) : other.end + 30].lower()
    return bool(words) and words in " ".join(_WORD.findall(around))


def _number_fact(
    a: Document, b: Document, span_a: Span, span_b: Span
) -> tuple[FactKind, Span, Span] | None:
    quantity_a = quantity_at(a.text, *span_a, a.language) if span_a[1] > span_a[0] else None
    quantity_b = quantity_at(b.text, *span_b, b.language) if span_b[1] > span_b[0] else None
    if quantity_a is None and quantity_b is not None and quantity_b.unit == "date":
        quantity_a = _date_beside(a, span_a)  # "14 mars" / "14 mars 2024": the year added
    if quantity_b is None and quantity_a is not None and quantity_a.unit == "date":
        quantity_b = _date_beside(b, span_b)
    if (quantity_a is None) != (quantity_b is None):  # "a firefighter" / "two firefighters"
        counted = _counted(a, span_a, quantity_a, b, span_b, quantity_b)
        if counted is not None:
            return counted
    if quantity_a is not None and quantity_b is not None and same_value(quantity_a, quantity_b):
        return None
    kind = FactKind.NUMBER
    if any(q is not None and q.unit in _CALENDAR_UNITS for q in (quantity_a, quantity_b)):
        kind = FactKind.DATE
    if quantity_a is None and quantity_b is None:
        return None
    if _restatement(a, quantity_a) or _restatement(b, quantity_b):
        return None  # "8,000 km² (3,000 sq mi)": the conversion dropped, the fact is the first
    # A side with no figure does not state this fact (its words there are something else).
    widened_a = (quantity_a.start, quantity_a.end) if quantity_a else (span_a[0], span_a[0])
    widened_b = (quantity_b.start, quantity_b.end) if quantity_b else (span_b[0], span_b[0])
    return kind, widened_a, widened_b


def _unit_change(
    a: Document, b: Document, span_a: Span, span_b: Span
) -> tuple[FactKind, Span, Span] | None:
    """Where only these words of a quantity changed on each side (its unit, currency or
    month; the rest of it written alike) and the quantities differ: a number (or date) row
    with both."""
    if span_a[1] <= span_a[0] or span_b[1] <= span_b[0]:
        return None
    if max(_word_count(a.text, span_a), _word_count(b.text, span_b)) > _UNIT_WORDS:
        return None
    if not _figure_near(a, span_a):
        return None
    quantity_a = quantity_at(a.text, *span_a, a.language)
    quantity_b = quantity_at(b.text, *span_b, b.language)
    if quantity_a is None or quantity_b is None or same_value(quantity_a, quantity_b):
        return None
    if not (_holds(quantity_a, span_a) and _holds(quantity_b, span_b)):
        return None  # "3,000 people" / "3,000 residents": the words are not the unit
    if _around(a.text, quantity_a, span_a) != _around(b.text, quantity_b, span_b):
        return None  # more changed than these words: the figures are another difference's
    dated = {quantity_a.unit, quantity_b.unit} & _CALENDAR_UNITS
    kind = FactKind.DATE if dated else FactKind.NUMBER
    return kind, (quantity_a.start, quantity_a.end), (quantity_b.start, quantity_b.end)


def _in_date(document: Document, span: Span) -> bool:
    quantity = quantity_at(document.text, *span, document.language)
    return quantity is not None and quantity.unit == "date"


def _figure_near(document: Document, span: Span) -> bool:
    """A quick look before reading quantities: a digit just before or after ``span``, or a
    number word right before it ("forty million dollars")?"""
    text = document.text
    if _DIGIT.search(text, max(0, span[0] - _BEFORE), span[1] + _AFTER):
        return True  # (the span has none: a change with a digit is a number change)
    words = text[max(0, span[0] - _BEFORE) : span[0]].split()
    if not words:
        return False
    return number_word(words[-1].strip(_EDGE_MARKS), document.language)


_DIGIT = re.compile(r"\d")
_EDGE_MARKS = "\"'“”‘’«»()[],.;:"
_BEFORE, _AFTER = 40, 16
"""How far a figure and its scale words reach before a unit ("1.5 billion Swiss francs"),
and how far a day after a month ("March 14")."""
_UNIT_WORDS = 4
"""Most words a unit, currency or month changed on one side ("kilomètres par heure")."""


def _word_count(text: str, span: Span) -> int:
    return text.count(" ", *span) + 1


def _holds(quantity: Quantity, span: Span) -> bool:
    return quantity.start <= span[0] and span[1] <= quantity.end


def _around(text: str, quantity: Quantity, span: Span) -> tuple[str, str]:
    """The quantity's words before and after ``span``."""
    return text[quantity.start : span[0]], text[span[1] : quantity.end]


def _counted(
    a: Document, span_a: Span, quantity_a: Quantity | None,
    b: Document, span_b: Span, quantity_b: Quantity | None,
) -> tuple[FactKind, Span, Span] | None:  # fmt: skip
    """Where one side counts one thing with an article or "one" and the other a number of
    the same things: a number row, each side with its noun ("A firefighter" / "Two
    firefighters"); None when that is not it, or the other side counts one too."""
    if quantity_a is None and quantity_b is not None:
        one = _one_at(a, span_a)
        if one is None or quantity_b.unit or quantity_b.value == 1:
            return None
        count = (quantity_b.start, quantity_b.end)
        return (
            FactKind.NUMBER,
            _with_noun(a.text, one, a.language),
            _with_noun(b.text, count, b.language),
        )
    if quantity_b is None and quantity_a is not None:
        mirrored = _counted(b, span_b, None, a, span_a, quantity_a)
        return None if mirrored is None else (mirrored[0], mirrored[2], mirrored[1])
    return None


def _one_at(document: Document, span: Span) -> Span | None:
    """The article or "one" that starts ``span``, if one does."""
    word = _WORD.match(document.text, span[0])
    if word is None or word.end() > span[1] or not counts_one(word[0], document.language):
        return None
    return word.span()


def _with_noun(text: str, span: Span, language: str) -> Span:
    """``span`` and the word after it, unless that is a function word ("one of")."""
    noun = _NEXT_WORD.match(text, span[1])
    if noun is None or noun[0].strip().lower() in FUNCTION_WORDS.get(language or "en", ()):
        return span
    return span[0], noun.end()


_NEXT_WORD = re.compile(r"[^\S\n]+[^\W\d_][\w’'-]*")


def _restatement(document: Document, quantity: Quantity | None) -> bool:
    """Is ``quantity`` the figure before it in brackets, in another unit or rounded?"""
    if quantity is None or quantity.start < 3 or document.text[quantity.start - 1] not in "([":
        return False
    text = document.text
    before = quantity_at(text, quantity.start - 3, quantity.start - 2, document.language)
    return (
        before is not None
        and text[before.end : quantity.start].strip() in ("(", "[")
        and same_value(before, quantity)
    )


def _date_beside(document: Document, span: Span) -> Quantity | None:
    """The date that ends where words were inserted (or removed) at an empty ``span``."""
    if span[1] > span[0] or span[0] == 0:
        return None
    date = quantity_at(document.text, span[0] - 1, span[0], document.language)
    return date if date is not None and date.unit == "date" else None


def _capitalised(document: Document, span: Span) -> bool:
    """Does a capitalised word stand at ``span`` (with an accent too, outside English)?"""
    words = document.text[slice(*span)]
    if not document.language or document.language == "en":
        return _CAPITALISED.search(words) is not None
    return any(word[0].isupper() for word in _WORD.findall(words))


def _short_phrase(text: str, span: Span, words: int = NAME_WORDS) -> bool:
    """Some words, but no more than ``words`` of them: a name, not a clause."""
    return 0 < len(text[slice(*span)].split()) <= words


def _words(a: Document, b: Document, span_a: Span, span_b: Span) -> bool:
    return bool(a.text[slice(*span_a)].strip() or b.text[slice(*span_b)].strip())


def _quotation_at(text: str, span: Span) -> Quotation | None:
    paragraph_start = text.rfind("\n", 0, span[0]) + 1
    paragraph_end = text.find("\n", span[1])
    paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
    for quotation in _paragraph_quotations(text, paragraph_start, paragraph_end):
        if (
            quotation.start <= span[0]
            and span[1] <= quotation.end
            and quotation.end > quotation.start
        ):
            return quotation
    return None


_last_paragraph: tuple[str, int, int, tuple[Quotation, ...]] = ("", 0, 0, ())
"""The paragraph last read by :func:`_paragraph_quotations` (its text, bounds, quotations):
a linked passage's differences ask about the same paragraph one after another."""


def _paragraph_quotations(text: str, start: int, end: int) -> tuple[Quotation, ...]:
    """The quotations of ``text[start:end]``, with ``start`` and ``end`` offsets into
    ``text``."""
    global _last_paragraph
    last_text, last_start, last_end, found = _last_paragraph  # one read: safe across threads
    if last_text is text and (last_start, last_end) == (start, end):
        return found
    found = tuple(
        Quotation(
            **{**quotation.__dict__, "start": quotation.start + start, "end": quotation.end + start}
        )
        for quotation in find_quotations(text[start:end])
    )
    _last_paragraph = (text, start, end, found)
    return found


def _in_attribution(text: str, span: Span) -> bool:
    start = max(0, text.rfind("\n", 0, span[0]) + 1)
    end = text.find("\n", span[1])
    sentence = text[start : len(text) if end == -1 else end]
    for attribution in attributions(sentence):
        for s, e in (
            (attribution.speaker_start, attribution.speaker_end),
            (attribution.audience_start, attribution.audience_end),
        ):
            if s >= 0 and s + start < span[1] + 1 and span[0] < e + start + 1:
                return True
    return False
