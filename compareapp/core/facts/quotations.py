"""Quotations and their attribution: what was said, who said it and to whom.

A version of a story may change a quotation's wording ("highly appreciate" / "highly
value"), its speaker or the outlet it was given to ("told CNN" / "told MSNBC"). This module
finds quoted passages (double quotation marks of every language read, see
:mod:`compareapp.core.text.quotation_marks`: “…”, „…“, « … », »…«, 「…」; single quotes only
when clearly a quote, ‚…‘ included), ties them to the attribution phrases around them
("Putin said", "said Dr Tomasz Breck", "Gaidai told Ukrainian television", "according to
Reuters"; found by :mod:`compareapp.core.facts.attribution_phrases`, as is indirect speech,
"Kyiv says it has..."; English only), and compares quotation wording and speakers.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple, TypeVar

from compareapp.core.facts.attribution_phrases import (
    DETERMINERS,
    PERIOD,
    REACH,
    Attribution,
    find_attributions,
)
from compareapp.core.text.normalize import normalize_text
from compareapp.core.text.paragraphs import split_paragraphs
from compareapp.core.text.quotation_marks import CLOSERS, LOW_SINGLE, MARKS, SPACED, openers


@dataclass(frozen=True)
class Quotation:
    """Quoted words ``text[start:end]`` (inside the marks) with their speaker and audience as
    written; a pronoun speaker is replaced by the name it refers back to when one is found.
    Offsets are -1 when there is no speaker or audience."""

    start: int
    end: int
    text: str
    speaker: str
    speaker_start: int
    speaker_end: int
    audience: str
    audience_start: int
    audience_end: int


class _Quote(NamedTuple):
    mark: int  # the opening mark
    start: int  # the quoted words, without surrounding space
    end: int
    after: int  # just past the closing mark (the paragraph end when unclosed)
    para: int  # index of the paragraph
    closed: bool
    leads: bool  # the opening mark starts its paragraph


_Span = tuple[int, int]
_Item = TypeVar("_Item", Quotation, Attribution)

# Double quotation marks: a mark closes what its pair opened; a straight " or a ” opens by
# context.
_OPEN_AFTER = " \t\n\u00a0([{—–-/:“‘"  # a mark after these (or a paragraph start) opens
# A single quote opening a quotation: ‘, ‚ or ' at a word start, before a letter.
_SINGLE_OPEN = re.compile(r"(?<![^\s(\[—–:])['‘‚](?=[^\W\d_])")
# A single quote closing one: ’ or ' after a non-space, not inside a word ("China’s").
_SINGLE_CLOSE = re.compile(r"(?<=[^\s'‘’])['’](?![^\W_])")
# The German ‚…‘ closes with ‘ (or ’).
_LOW_SINGLE_CLOSE = re.compile(r"(?<=\S)[‘’](?![^\W_])")
_SINGLE_MAX = 200  # a single-quoted passage longer than this is not "clearly a quote"
_PRONOUNS = frozenset("he she they it we i you".split())
_PARTICLES = frozenset("von van der den de da di du la le al el bin ibn".split())
_TITLES = frozenset(
    """president vice prime minister foreign secretary spokesman spokeswoman spokesperson
    mayor governor gov chancellor premier pope king queen prince princess senator sen rep
    representative mr mrs ms dr prof professor general gen colonel col lieutenant lt sgt
    sergeant captain capt commander chief chair chairman chairwoman director judge justice
    ambassador commissioner sheikh emir sir dame lord lady saint st leader owner lawyer
    official engineer deputy""".split()
)
_NOT_NAMES = _TITLES | _PRONOUNS | DETERMINERS
# Capitalised words (name particles allowed): a name a pronoun may refer back to.
_NAME_RUN = re.compile(
    r"\b(?!(?:The|A|An|In|At|On|By|For|But|And|As|From|With|This|That|It|He|She|We|They)\b)"
    r"(?:(?:von|van|der|de|da|al|bin)\s+)*[A-Z][\w’'-]+"
    r"(?:\s+(?:(?:von|van|der|de|da|al|bin)\s+)*[A-Z][\w’'-]+)*"
)
# Between a quotation and its attribution, even across a sentence end: "“...,” Putin said",
# "Sallow said. “But every family...".
_GAP = re.compile(r"[^\S\n]*[.,:;]?[^\S\n]*")
_SENTENCE_END = re.compile(rf"(?:[!?]|{PERIOD})[”\"’']?\s")


def find_quotations(text: str) -> list[Quotation]:
    """Quoted passages of ``text`` in order, each with its speaker and audience."""
    if MARKS.search(text) is None and _SINGLE_OPEN.search(text) is None:
        return []  # no mark that could open one: most paragraphs, not read further
    return list(_read(text).quotations)


def attributions(text: str) -> list[Attribution]:
    """Attribution phrases outside quotation marks, of direct and indirect speech alike."""
    return list(_read(text).attributions)


class _Reading(NamedTuple):
    quotations: tuple[Quotation, ...]
    attributions: tuple[Attribution, ...]


@lru_cache(maxsize=256)
def _read(original: str) -> _Reading:
    """The quotations and attribution phrases of ``original``, kept for the texts last read
    (the discrepancy table asks about a paragraph once per difference in it)."""
    paragraphs = split_paragraphs(original)
    text = _unwrap(original, paragraphs)
    quotes = _quote_spans(text, paragraphs)
    attrs = find_attributions(text, [(q.start, q.end) for q in quotes])
    quotations = _quotations(original, text, paragraphs, quotes, attrs)
    return _Reading(tuple(quotations), tuple(_as_written(original, a) for a in attrs))


def _quotations(
    original: str,
    text: str,
    paragraphs: list[_Span],
    quotes: list[_Quote],
    attrs: list[Attribution],
) -> list[Quotation]:
    """The quotations of ``quotes`` (found in ``text``, ``original`` unwrapped) with their
    speakers and audiences, as written in ``original``."""
    starts = [start for start, _ in paragraphs]
    used: list[Attribution | None] = []
    result: list[Quotation] = []
    for i, q in enumerate(quotes):
        a = _after(text, q, attrs) or _before(text, q, attrs)
        found = Quotation(q.start, q.end, original[q.start : q.end], "", -1, -1, "", -1, -1)
        if a is not None:
            who = (a.speaker, a.speaker_start, a.speaker_end)
            if a.speaker.lower() in _PRONOUNS:
                who = _resolve(text, q.mark, a.speaker.lower(), attrs, starts, 0) or who
            to = (a.audience, a.audience_start, a.audience_end)
            found = Quotation(found.start, found.end, found.text, *who, *to)
        elif i and _continues(quotes[i - 1], q, used[-1], attrs):
            found = replace(result[-1], start=q.start, end=q.end, text=found.text)
        used.append(a)
        result.append(found)
    for i in range(len(result) - 2, -1, -1):  # unclosed, continued by the next paragraph
        q, nxt = quotes[i], quotes[i + 1]
        if not q.closed and not result[i].speaker and nxt.para == q.para + 1 and nxt.leads:
            result[i] = replace(result[i + 1], start=q.start, end=q.end, text=result[i].text)
    return [_as_written(original, quotation) for quotation in result]


def same_words(a: str, b: str) -> bool:
    """Are two quotations worded alike once typography, the case of the first letter and
    final punctuation inside the quote are set aside?"""
    return _wording(a) == _wording(b)


def same_person(a: str, b: str) -> bool:
    """Do two speakers name the same person? Titles are ignored and last names compared; a
    one-word name matches either end of a longer one ("Xi" / "Xi Jinping"); a pronoun
    equals only the same pronoun; names without a capitalised word compare as phrases."""
    fa, fb = _fold(a), _fold(b)
    if not fa or not fb or fa.lower() in _PRONOUNS or fb.lower() in _PRONOUNS:
        return bool(fa) and fa.lower() == fb.lower()
    na, nb = _name_tokens(fa), _name_tokens(fb)
    if not na or not nb:
        article = re.compile(r"^(?:the|a|an)\s+")
        return not na and not nb and article.sub("", fa.lower()) == article.sub("", fb.lower())
    short, long = sorted((na, nb), key=len)
    return na[-1] == nb[-1] or (len(short) == 1 and short[0] in (long[0], long[-1]))


def _unwrap(text: str, paragraphs: list[_Span]) -> str:
    """``text`` with the line breaks inside paragraphs (hard wraps) made spaces: offsets stay,
    and a line break then always ends a paragraph."""
    pieces, position = [], 0
    for lo, hi in paragraphs:
        pieces += [text[position:lo], text[lo:hi].replace("\n", " ")]
        position = hi
    return "".join([*pieces, text[position:]])


def _as_written(text: str, item: _Item) -> _Item:
    """``item`` with its speaker and audience as written in ``text`` (not unwrapped)."""
    speaker = text[item.speaker_start : item.speaker_end]
    return replace(item, speaker=speaker, audience=text[item.audience_start : item.audience_end])


def _quote_spans(text: str, paragraphs: list[_Span]) -> list[_Quote]:
    found: list[_Quote] = []
    for index, (lo, hi) in enumerate(paragraphs):
        doubles = _double_quotes(text, lo, hi, index)
        found += doubles + _single_quotes(text, lo, hi, index, doubles)
    return sorted(found)


def _double_quotes(text: str, lo: int, hi: int, para: int) -> list[_Quote]:
    quotes: list[_Quote] = []
    opening = -1
    opens = openers(text, lo, hi)
    for mark in MARKS.finditer(text, lo, hi):
        p, char = mark.start(), mark.group()
        after_open = p == lo or text[p - 1] in _OPEN_AFTER
        if opening >= 0 and char in CLOSERS[text[opening]]:
            _add(quotes, text, opening, (p, p + 1), (para, lo))
            opening = -1
        elif (char in opens or (opening < 0 and char in '"”' and after_open)) and (
            char in SPACED or (p + 1 < hi and not text[p + 1].isspace())
        ):
            opening = p  # an unclosed earlier opening is dropped
        # else a closing mark with nothing open, or not this quotation's: a stray, ignored
    if opening >= 0:
        _add(quotes, text, opening, (hi, hi), (para, lo))
    return quotes


def _single_quotes(text: str, lo: int, hi: int, para: int, doubles: list[_Quote]) -> list[_Quote]:
    quotes: list[_Quote] = []
    for opening in _SINGLE_OPEN.finditer(text, lo, hi):
        p = opening.start()
        if (quotes and p < quotes[-1].after) or any(q.mark <= p < q.after for q in doubles):
            continue
        reach = min(hi, p + _SINGLE_MAX)
        if opening.group() == LOW_SINGLE:
            ends = [m.start() for m in _LOW_SINGLE_CLOSE.finditer(text, p + 3, reach)]
        else:
            marks = "'" if opening.group() == "'" else "'’"
            ends = [m.start() for m in _SINGLE_CLOSE.finditer(text, p + 3, reach)]
            ends = [e for e in ends if text[e] in marks]
        if not ends or MARKS.search(text, p, ends[0]):
            continue
        close = ends[0]  # "the residents’ homes" is a plural, not the end, if a ",’" follows
        if text[close - 1] == "s" and text[close + 1 : close + 3].strip():
            close = next((e for e in ends if text[e - 1] in ",.!?"), close)
        _add(quotes, text, p, (close, close + 1), (para, lo))
    return quotes


def _add(quotes: list[_Quote], text: str, mark: int, close: _Span, para: _Span) -> None:
    """Record the quotation from ``mark`` to the ``close`` mark in paragraph ``para`` (index,
    start); an unclosed one has an empty ``close`` at the paragraph end."""
    inner = text[mark + 1 : close[0]]
    start, end = close[0] - len(inner.lstrip()), mark + 1 + len(inner.rstrip())
    if any(c.isalnum() for c in inner):
        closed = close[0] < close[1]
        quotes.append(_Quote(mark, start, end, close[1], para[0], closed, mark == para[1]))


def _after(text: str, q: _Quote, attrs: list[Attribution]) -> Attribution | None:
    """The attribution right after a quotation that does not end its sentence."""
    if not q.closed or text[q.end - 1] == ".":
        return None
    a = next((a for a in attrs if a.start >= q.after), None)
    return a if a is not None and _GAP.fullmatch(text, q.after, a.start) else None


def _before(text: str, q: _Quote, attrs: list[Attribution]) -> Attribution | None:
    """The attribution before a quotation in its sentence, or just before that sentence."""
    a = max((a for a in attrs if a.end <= q.mark), key=lambda a: a.end, default=None)
    gap = "\n" if a is None else text[a.end : q.mark]
    if "\n" in gap or len(gap) > REACH:
        return None
    return a if _GAP.fullmatch(gap) or not _SENTENCE_END.search(gap) else None


def _continues(
    prev: _Quote, q: _Quote, prev_by: Attribution | None, attrs: list[Attribution]
) -> bool:
    """Does ``q`` go on with the previous quotation's speaker: later in its paragraph, or
    opening the next paragraph, with no other attribution in between?"""
    if not (q.para == prev.para or (q.para == prev.para + 1 and q.leads)):
        return False
    return all(a is prev_by or not prev.after <= a.start < q.mark for a in attrs)


def _resolve(
    text: str, pos: int, pronoun: str, attrs: list[Attribution], starts: list[int], depth: int
) -> tuple[str, int, int] | None:
    """The name a pronoun speaker at ``pos`` refers back to: a named speaker earlier in the
    paragraph, else a name there, else the nearest earlier speaker (itself resolved when it
    is the same pronoun)."""
    para_start = starts[max(0, bisect_right(starts, pos) - 1)] if starts else 0
    earlier = [a for a in attrs if a.end <= pos and pos - a.end <= REACH]
    here = [a for a in earlier if a.start >= min(para_start, pos) and _is_named(a.speaker)]
    names = [m for m in _NAME_RUN.finditer(text, min(para_start, pos), pos) if " " in m[0]]
    if here:
        return here[-1].speaker, here[-1].speaker_start, here[-1].speaker_end
    if names:
        return names[-1][0], names[-1].start(), names[-1].end()
    a = max(earlier, key=lambda a: a.end, default=None)
    if a is not None and _is_named(a.speaker):
        return a.speaker, a.speaker_start, a.speaker_end
    if a is not None and a.speaker.lower() == pronoun and depth < 3:
        return _resolve(text, a.start, pronoun, attrs, starts, depth + 1)
    return None


def _is_named(speaker: str) -> bool:
    """Does the speaker have a name ("Owen Pardy"), not only a role ("The mayor", "He")?"""
    return any(w[0].isupper() and w.lower() not in _NOT_NAMES for w in speaker.split())


def _wording(quote: str) -> str:
    words = normalize_text(quote).strip("\"' ").rstrip(",.;:- \"'").strip()
    return words[:1].lower() + words[1:]


def _fold(name: str) -> str:
    """Typography and accents set aside: "Gaïdaï’s" -> "Gaidai's"."""
    plain = unicodedata.normalize("NFKD", normalize_text(name))
    return "".join(c for c in plain if not unicodedata.combining(c)).strip(" ,.")


def _name_tokens(name: str) -> list[str]:
    """The personal name ending a speaker, lower-cased, after its titles and possessives
    ("China's Xi Jinping"), with particles inside it ("Ursula von der Leyen")."""
    run: list[str] = []
    for word in reversed(re.findall(r"[^\W\d_][\w'-]*", name)):
        key = word.lower().removesuffix("'s")
        if (key != word.lower() and run) or key in _TITLES:
            break
        if not (word[0].isupper() or key in _PARTICLES):
            break
        run.insert(0, key)
    while run and run[0] in _PARTICLES:
        run.pop(0)
    return run
