"""Changed claims: what a linked passage asserts, changed without a figure, a name or a
quotation changing.

A word difference (or a run of nearby ones) is a changed claim when the two sides differ in
one of four things a fact-checker must see:

- certainty: hedged on one side only ("is expected to introduce" / "will soon announce",
  "may" / "does", "reportedly");
- degree: a comparative or superlative against the plain form ("long-range" /
  "longer-range", "the fastest" / "rapid"), an intensifier or approximator added or
  dropped ("on the right track" / "well on track", "more than 8,000" / "about 8,000");
- negation: negated on one side only ("not", "never", "no", "without", "denies");
- attribution strength: a loaded verb of saying against another or a neutral one
  ("said" / "claimed", "admitted", "warned").

Markers moved around a rewritten paragraph are not a change: a difference counts only when
the linked paragraphs, as wholes, also differ in that marker ("Russia denies ..." /
"..., which Moscow denies" is not a row).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.inline_diff import Difference
from compareapp.core.documents.document import Document
from compareapp.core.facts.changed_facts import Span
from compareapp.core.facts.fact_kind import FactKind

GAP_CHARS = 5
"""Differences this close on both sides are read as one change ("the right" / "well")."""
LONG_SIDE = 6
"""A side of more words than this is shown from its first marker on."""
_SKIPPED = frozenset(
    {
        DifferenceClass.NUMBER,
        DifferenceClass.QUOTATION,
        DifferenceClass.SPELLING,
        DifferenceClass.TYPOGRAPHIC,
    }
)
_WORD = re.compile(r"[^\W\d_][\w’'-]*|\d[\d,.]*")
HEDGES = frozenset(
    """may might could possibly perhaps reportedly allegedly apparently likely unlikely
    probably expected expects expect expecting appears appeared appear seems seemed seem
    believed suspected supposedly presumably purportedly reported""".split()
)
DEGREE = frozenset(
    """well very much far highly fully largely nearly almost roughly approximately
    significantly substantially entirely completely partly partially slightly barely
    hardly significant major minor vast""".split()
)
APPROXIMATORS = frozenset("about around some over under nearly almost roughly up".split())
"""Degree words only before a figure ("about 8,000"), prepositions elsewhere."""
NEGATIONS = frozenset(
    """not no never none nobody nothing neither nor without cannot deny denies denied
    denying n't""".split()
)
_LOADED = {
    "claim": "claim claims claimed claiming",
    "admit": "admit admits admitted admitting",
    "concede": "concede concedes conceded conceding",
    "insist": "insist insists insisted insisting",
    "allege": "allege alleges alleged alleging",
    "acknowledge": "acknowledge acknowledges acknowledged acknowledging acknowledgment "
    "acknowledgement",
    "confirm": "confirm confirms confirmed confirming",
    "warn": "warn warns warned warning",
    "argue": "argue argues argued arguing",
    "suggest": "suggest suggests suggested suggesting",
    "reveal": "reveal reveals revealed revealing",
    "boast": "boast boasts boasted boasting",
    "accuse": "accuse accuses accused accusing",
}
LOADED_VERBS = {form: lemma for lemma, forms in _LOADED.items() for form in forms.split()}
"""Verbs of saying that say more than "said": each form and its lemma."""
MARKER_WORDS = (
    HEDGES | DEGREE | APPROXIMATORS | NEGATIONS | frozenset(LOADED_VERBS) | {"than", "more"}
) | frozenset("most less least".split())
"""Every word that can make a marker, for a quick look before the words are read."""
_LETTERS = re.compile(r"[a-z]+")
"""Runs of ASCII letters: every marker word but "n't" is one, so a quick look need only
meet them in a set (three times quicker than one regex of every marker word)."""
_COMPARATIVE = re.compile(r"\w\w\w(?:er|st)\b")
_AUXILIARIES = frozenset("is are was were be been has have had will would".split())
_MORE = frozenset("more most less least".split())
_CLAUSE_END = re.compile(r"[.;:,!?]")


def claim_facts(
    a: Document, b: Document, differences: Sequence[Difference]
) -> Iterator[tuple[FactKind, Span, Span]]:
    """The changed claims among a linked pair's ``differences`` (from ``a`` to ``b``)."""
    if not _any_marker([d for d in differences if d.kind not in _SKIPPED]):
        return  # most linked pairs: no word that could make a marker (a quicker first look)
    paragraphs_differ_in: dict[tuple[int, int], set[str]] = {}
    for region in _regions(differences):
        if not _may_change(region):
            continue
        a_span = (region[0].a_start, region[-1].a_end)
        b_span = (region[0].b_start, region[-1].b_end)
        words_a, words_b = _words(a.text, a_span), _words(b.text, b_span)
        changed = _changed_markers(
            _words(a.text, _next_word(a.text, a_span)), _words(b.text, _next_word(b.text, b_span))
        )  # with the word after: "about" is a degree before a figure only
        if not changed:
            continue
        para_a, para_b = a.paragraph_at(a_span[0]), b.paragraph_at(b_span[0])
        if para_a is None or para_b is None:
            continue
        key = (para_a.index, para_b.index)
        if key not in paragraphs_differ_in:  # several changes in one paragraph: read it once
            paragraphs_differ_in[key] = _changed_markers(
                _words(a.text, (para_a.start, para_a.end)),
                _words(b.text, (para_b.start, para_b.end)),
            )
        if not changed & paragraphs_differ_in[key]:
            continue
        shown = _shown(a.text, b.text, (a_span, b_span), (words_a, words_b), "degree" in changed)
        yield FactKind.CLAIM, *shown


def _any_marker(differences: Sequence[Difference]) -> bool:
    """Does any side of ``differences`` hold a word that can make a marker?"""
    text = " ".join([f"{d.a_text} {d.b_text}" for d in differences]).lower()
    if "n't" in text or not MARKER_WORDS.isdisjoint(_LETTERS.findall(text)):
        return True
    return _COMPARATIVE.search(text) is not None


def _may_change(region: list[Difference]) -> bool:
    """A quick look at the changed words alone: could the two sides differ in a marker?"""
    if not _any_marker(region):
        return False
    text_a = " ".join([d.a_text for d in region]).lower()
    text_b = " ".join([d.b_text for d in region]).lower()
    words_a, words_b = set(_WORD.findall(text_a)), set(_WORD.findall(text_b))
    changed = words_a ^ words_b
    negated = "n't" in text_a or "n't" in text_b
    if changed & MARKER_WORDS or (negated and any(word.endswith("n't") for word in changed)):
        return True
    return _comparative_pair(words_a, words_b)


def _regions(differences: Sequence[Difference]) -> Iterator[list[Difference]]:
    """Runs of differences close together on both sides, skipping figures and quotations."""
    region: list[Difference] = []
    for difference in sorted(differences, key=lambda d: (d.a_start, d.b_start)):
        if difference.kind in _SKIPPED:
            if region:
                yield region
            region = []
            continue
        if region and (
            difference.a_start - region[-1].a_end > GAP_CHARS
            or difference.b_start - region[-1].b_end > GAP_CHARS
            or difference.b_start < region[-1].b_end
        ):
            yield region
            region = []
        region.append(difference)
    if region:
        yield region


Word = tuple[str, int, int]


def _words(text: str, span: Span) -> list[Word]:
    """The words of ``text[span]``, lower case, with their offsets."""
    start, end = span
    return [
        (match.group().lower().replace("’", "'"), match.start(), match.end())
        for match in _WORD.finditer(text, start, end)
    ]


def _markers(words: list[Word]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {"certainty": set(), "degree": set(), "negation": set()}
    found["attribution"] = set()
    for k, (word, _start, _end) in enumerate(words):
        following = words[k + 1][0] if k + 1 < len(words) else ""
        if word in HEDGES:
            found["certainty"].add("hedged")
        if word in NEGATIONS or word.endswith("n't"):
            found["negation"].add("negated")
        if word in LOADED_VERBS:
            found["attribution"].add(LOADED_VERBS[word])
        if word in DEGREE and not (word == "well" and k > 0 and words[k - 1][0] == "as"):
            found["degree"].add(word)
        if (word in APPROXIMATORS and following[:1].isdigit()) or (word in _MORE and following):
            found["degree"].add(word)
        if word in ("than", "least") and k > 0:
            found["degree"].add(f"{words[k - 1][0]} {word}")
    return found


def _changed_markers(words_a: list[Word], words_b: list[Word]) -> set[str]:
    """The kinds of marker in which the two sides differ."""
    markers_a, markers_b = _markers(words_a), _markers(words_b)
    changed = {kind for kind in markers_a if markers_a[kind] != markers_b[kind]}
    if _comparative_pair({w for w, _s, _e in words_a}, {w for w, _s, _e in words_b}):
        changed.add("degree")
    return changed


def _comparative_pair(words_a: set[str], words_b: set[str]) -> bool:
    """A word on one side and its comparative or superlative on the other ("long-range" /
    "longer-range", "fast" / "fastest", "early" / "earlier")."""
    stems_a = {word.split("-")[0] for word in words_a}
    stems_b = {word.split("-")[0] for word in words_b}
    for plain, other in ((stems_a, stems_b), (stems_b, stems_a)):
        for word in other - plain:
            if len(word) > 4 and word.endswith(("er", "st")):
                cut = 2 if word.endswith("er") else 3
                stems = (word[:-cut], word[: 1 - cut], word[: -cut - 1] + "y")
                if any(len(stem) > 2 and stem in plain for stem in stems):
                    return True
    return False


def _shown(
    text_a: str,
    text_b: str,
    spans: tuple[Span, Span],
    words: tuple[list[Word], list[Word]],
    degree: bool,
) -> tuple[Span, Span]:
    """The words each side shows: the change, from its first marker on when it is long,
    and the word after it when a side ends on a modifier ("the right" + "track", "long"
    + "distances")."""
    a_span = _from_marker(text_a, spans[0], words[0])
    b_span = _from_marker(text_b, spans[1], words[1])
    single = degree and max(len(words[0]), len(words[1])) == 1
    if single or _ends_on_modifier(text_a, a_span) or _ends_on_modifier(text_b, b_span):
        a_span, b_span = _next_word(text_a, a_span), _next_word(text_b, b_span)
    return _start_word(text_a, a_span), _start_word(text_b, b_span)


def _from_marker(text: str, span: Span, words: list[Word]) -> Span:
    """A long side from its first marker (with the auxiliary before it) to the end of the
    clause of its last marker: "is expected to introduce", not the whole rewrite."""
    if len(words) <= LONG_SIDE:
        return span
    markers = _markers_at(words)
    if not markers:
        return span
    k = markers[0]
    if k > 0 and words[k - 1][0] in _AUXILIARIES:
        k -= 1
    stop = _CLAUSE_END.search(text, words[markers[-1]][2], span[1])
    return words[k][1], stop.start() + (stop.group() == ".") if stop else span[1]


def _markers_at(words: list[Word]) -> list[int]:
    return [
        k
        for k, (word, _s, _e) in enumerate(words)
        if word in HEDGES or word in NEGATIONS or word in LOADED_VERBS or word in DEGREE
    ]


def _ends_on_modifier(text: str, span: Span) -> bool:
    """An empty side, or one that ends on a function word or a modifier, says nothing
    without the word that follows."""
    words = _words(text, span)
    if not words:
        return True
    if text[span[1] - 1] in ".;:!?,":
        return False  # the clause ends there
    last = words[-1][0]
    return len(last) <= 3 or last in DEGREE or last in HEDGES or "-" in last or last == "right"


def _next_word(text: str, span: Span) -> Span:
    match = _WORD.search(text, span[1], min(len(text), span[1] + 40))
    if match is None or "\n" in text[span[1] : match.start()]:
        return span
    return span[0], match.end()


def _start_word(text: str, span: Span) -> Span:
    """``span`` without leading spaces and punctuation."""
    start, end = span
    while start < end and not (text[start].isalnum()):
        start += 1
    return start, end
