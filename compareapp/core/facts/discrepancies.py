"""The discrepancy table: one row per fact that differs between the sources (a number with
its unit, a name, a date or time, a quotation's wording, who said it or to whom), each
source's version side by side, and the claims only one source makes.

Rows come from the word differences between the base and each other document. A number
is compared by value ("8,000" = "8000" = "eight thousand"; km² against square miles by
conversion), so a change of format is not a discrepancy; a quotation is one row however
many words of it changed. Differences at the same place of the base from several
documents make one row; a document with no difference there shows its own wording of the
passage (its counterpart), or "not in this source".

Each document is read in its own language (:func:`compareapp.core.text.language.detect_language`):
"0,6 Milliarden Dollar" is 600 million dollars in a German story, and a German capital is a
name only where :mod:`compareapp.core.text.proper_names` finds one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.comparison import Comparison
from compareapp.core.diff.counterpart_spans import counterpart_spans
from compareapp.core.diff.inline_diff import Difference
from compareapp.core.documents.document import Document
from compareapp.core.facts.fact_kind import FactKind
from compareapp.core.facts.quantities import Quantity, find_quantities, quantity_at, same_value
from compareapp.core.facts.quotations import Quotation, attributions, find_quotations, same_words
from compareapp.core.text.language import capitalises_nouns, detect_language
from compareapp.core.text.proper_names import german_names

CONTEXT_CHARS = 60
"""Characters of context on each side of a version's words."""
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
_NAME = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_CAPITAL_WORD = r"[A-ZÀ-ÖØ-Þ][^\W\d_]*"
_NAME_ANY = re.compile(rf"(?<![.!?]\s)\b{_CAPITAL_WORD}(?:\s+{_CAPITAL_WORD})+")
"""``_NAME`` with accented capitals ("Élisabeth Borne", "Dmitri Peskov")."""


RANK = {kind: rank for rank, kind in enumerate(FactKind)}
"""Rows are listed by how much they matter: numbers and quotations first, spelling last."""


@dataclass(frozen=True)
class Version:
    """One source's wording of a fact: the words ``[start, end)`` of its text."""

    start: int
    end: int
    text: str
    context: str


@dataclass(frozen=True)
class Discrepancy:
    kind: FactKind
    versions: tuple[Version | None, ...]
    """One per document, in document order; None where the source does not say it."""
    position: tuple[int, int]
    """(document, offset) where the row's fact first appears, to order rows."""

    @property
    def key(self) -> str:
        """A stable name for the row (kind and where it is in each source)."""
        places = ",".join(f"{v.start}-{v.end}" if v else "-" for v in self.versions)
        return f"{self.kind.value}:{places}"


def find_discrepancies(
    comparison: Comparison, check: Callable[[], None] | None = None
) -> list[Discrepancy]:
    """Every row of the table, most important first. ``check`` is called between linked
    passages; it may raise to stop the work (the window's Cancel)."""
    rows: dict[tuple[FactKind, int, int, int], Discrepancy] = {}
    for row in _changed_facts(comparison, check or _go_on):
        document, _offset = row.position
        version = row.versions[document]
        assert version is not None
        key = (row.kind, document, version.start, version.end)
        rows[key] = _merged(rows[key], row) if key in rows else row
    found = [
        _with_counterparts(comparison, row) for row in _paired_figures(comparison, [*rows.values()])
    ]
    found += _single_source_claims(comparison)
    return sorted(found, key=lambda row: (RANK[row.kind], row.position))


def _paired_figures(comparison: Comparison, rows: list[Discrepancy]) -> list[Discrepancy]:
    """A figure one source gives where another gives none, and a figure of the same unit
    the other gives elsewhere with no counterpart ("8,000 km²" in one paragraph, "9,000 km²"
    in another): one row, the contradiction, rather than two one-sided rows."""
    documents = comparison.documents
    lonely: dict[tuple[int, str], list[Discrepancy]] = {}
    for row in rows:
        present = [index for index, version in enumerate(row.versions) if version is not None]
        if row.kind is FactKind.NUMBER and len(present) == 1:
            version = row.versions[present[0]]
            assert version is not None
            source = documents[present[0]]
            figure = quantity_at(source.text, version.start, version.end, _language(source))
            if figure is not None and figure.unit:
                lonely.setdefault((present[0], figure.unit), []).append(row)
    paired: dict[int, Discrepancy] = {}
    for (document, unit), group in lonely.items():
        for other_document in range(len(documents)):
            partners = lonely.get((other_document, unit), []) if other_document > document else []
            for row, partner in zip(group, partners, strict=False):
                if id(row) in paired or id(partner) in paired:
                    continue
                merged = _merged(row, partner)
                paired[id(row)], paired[id(partner)] = merged, merged
    result, seen = [], set()
    for row in rows:
        chosen = paired.get(id(row), row)
        if id(chosen) not in seen:
            seen.add(id(chosen))
            result.append(chosen)
    return result


def _merged(first: Discrepancy, second: Discrepancy) -> Discrepancy:
    """Two documents' differences at the same words of the base: one row."""
    versions = tuple(a or b for a, b in zip(first.versions, second.versions, strict=True))
    return Discrepancy(first.kind, versions, first.position)


def _with_counterparts(comparison: Comparison, row: Discrepancy) -> Discrepancy:
    """Fill in the documents that have no difference there: their counterpart of the
    base's words (their own wording), or None when they do not have the passage."""
    base = row.versions[comparison.base]
    if base is None:
        return row
    versions = list(row.versions)
    documents = comparison.documents
    for other, span in counterpart_spans(comparison, comparison.base, base.start, base.end).items():
        if versions[other] is None:
            versions[other] = _version(documents[other], span)
    return Discrepancy(row.kind, tuple(versions), row.position)


def _go_on() -> None:
    """A ``check`` that never stops the work."""


def _changed_facts(comparison: Comparison, check: Callable[[], None]) -> Iterator[Discrepancy]:
    base = comparison.base
    documents = comparison.documents
    for other in comparison.others():
        for pair in comparison.pairs(base, other):
            check()
            quotes_done: set[tuple[int, int]] = set()
            for difference in pair.differences:
                fact = _fact(documents[base], documents[other], difference, quotes_done)
                if fact is None:
                    continue
                kind, (a_start, a_end), (b_start, b_end) = fact
                yield _row(comparison, kind, other, (a_start, a_end), (b_start, b_end))


Span = tuple[int, int]


def _fact(
    a: Document, b: Document, difference: Difference, quotes_done: set[Span]
) -> tuple[FactKind, Span, Span] | None:
    """What fact ``difference`` changes, and the words of each side that say it; None
    when it changes no fact (wording, or a number written another way)."""
    kind = difference.kind
    span_a, span_b = (difference.a_start, difference.a_end), (difference.b_start, difference.b_end)
    if kind is DifferenceClass.NUMBER:
        return _number_fact(a, b, span_a, span_b)
    if kind is DifferenceClass.QUOTATION:
        quote_a, quote_b = _quotation_at(a.text, span_a), _quotation_at(b.text, span_b)
        if quote_a is None or quote_b is None:
            return (FactKind.QUOTATION, span_a, span_b) if _words(a, b, span_a, span_b) else None
        if (quote_a.start, quote_a.end) in quotes_done or same_words(quote_a.text, quote_b.text):
            return None
        quotes_done.add((quote_a.start, quote_a.end))
        return FactKind.QUOTATION, (quote_a.start, quote_a.end), (quote_b.start, quote_b.end)
    if kind is DifferenceClass.NAME:
        if not (_short_phrase(a.text, span_a) and _short_phrase(b.text, span_b)):
            return None  # a rewritten clause that happens to hold a name: wording
        attributed = _in_attribution(a.text, span_a) or _in_attribution(b.text, span_b)
        if attributed:
            return FactKind.ATTRIBUTION, span_a, span_b
        named = _capitalised(a, span_a) and _capitalised(b, span_b)
        return (FactKind.NAME, span_a, span_b) if named else None
    if kind is DifferenceClass.SPELLING:
        return FactKind.SPELLING, span_a, span_b
    return None


def _number_fact(
    a: Document, b: Document, span_a: Span, span_b: Span
) -> tuple[FactKind, Span, Span] | None:
    quantity_a = quantity_at(a.text, *span_a, _language(a)) if span_a[1] > span_a[0] else None
    quantity_b = quantity_at(b.text, *span_b, _language(b)) if span_b[1] > span_b[0] else None
    if quantity_a is None and quantity_b is not None and quantity_b.unit == "date":
        quantity_a = _date_beside(a, span_a)  # "14 mars" / "14 mars 2024": the year added
    if quantity_b is None and quantity_a is not None and quantity_a.unit == "date":
        quantity_b = _date_beside(b, span_b)
    if quantity_a is not None and quantity_b is not None and same_value(quantity_a, quantity_b):
        return None
    kind = FactKind.NUMBER
    if any(q is not None and q.unit in ("date", "time") for q in (quantity_a, quantity_b)):
        kind = FactKind.DATE
    if quantity_a is None and quantity_b is None:
        return None
    # A side with no figure does not state this fact (its words there are something else).
    widened_a = (quantity_a.start, quantity_a.end) if quantity_a else (span_a[0], span_a[0])
    widened_b = (quantity_b.start, quantity_b.end) if quantity_b else (span_b[0], span_b[0])
    return kind, widened_a, widened_b


def _date_beside(document: Document, span: Span) -> Quantity | None:
    """The date that ends where words were inserted (or removed) at an empty ``span``."""
    if span[1] > span[0] or span[0] == 0:
        return None
    date = quantity_at(document.text, span[0] - 1, span[0], _language(document))
    return date if date is not None and date.unit == "date" else None


def _language(document: Document) -> str:
    return detect_language(document.text)


def _capitalised(document: Document, span: Span) -> bool:
    """Does a capitalised word stand at ``span`` (with an accent too, outside English)?"""
    words = document.text[slice(*span)]
    if not _language(document) or _language(document) == "en":
        return _CAPITALISED.search(words) is not None
    return any(word[0].isupper() for word in _WORD.findall(words))


def _has_name(document: Document, text: str) -> bool:
    """Does ``text`` (a paragraph of ``document``) name someone or something?"""
    language = _language(document)
    if capitalises_nouns(language):
        names = german_names(document.text)
        return any(
            word in names or (len(word) > 1 and word.isupper()) for word in _WORD.findall(text)
        )
    if language and language != "en":
        return _NAME_ANY.search(text) is not None
    return _NAME.search(text) is not None


def _short_phrase(text: str, span: Span, words: int = 5) -> bool:
    """Some words, but no more than ``words`` of them: a name, not a clause."""
    return 0 < len(text[slice(*span)].split()) <= words


def _words(a: Document, b: Document, span_a: Span, span_b: Span) -> bool:
    return bool(a.text[slice(*span_a)].strip() or b.text[slice(*span_b)].strip())


def _quotation_at(text: str, span: Span) -> Quotation | None:
    paragraph_start = text.rfind("\n", 0, span[0]) + 1
    paragraph_end = text.find("\n", span[1])
    paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
    for quotation in find_quotations(text[paragraph_start:paragraph_end]):
        start, end = quotation.start + paragraph_start, quotation.end + paragraph_start
        if start <= span[0] and span[1] <= end and end > start:
            return Quotation(**{**quotation.__dict__, "start": start, "end": end})
    return None


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


def _row(
    comparison: Comparison, kind: FactKind, other: int, span_a: Span, span_b: Span
) -> Discrepancy:
    """The row for a fact of the base at ``span_a`` that ``other`` says at ``span_b``."""
    base = comparison.base
    documents = comparison.documents
    versions: list[Version | None] = [None] * len(documents)
    versions[base] = _version(documents[base], span_a)
    versions[other] = _version(documents[other], span_b)
    position = (base, span_a[0]) if span_a[1] > span_a[0] else (other, span_b[0])
    return Discrepancy(kind, tuple(versions), position)


def _version(document: Document, span: Span) -> Version | None:
    start, end = span
    if end <= start:
        return None
    paragraph = document.paragraph_at(start)
    low = paragraph.start if paragraph else 0
    high = paragraph.end if paragraph else len(document.text)
    before = document.text[max(low, start - CONTEXT_CHARS) : start]
    after = document.text[end : min(high, end + CONTEXT_CHARS)]
    context = ("…" if start - CONTEXT_CHARS > low else "") + before
    context += "⟨" + document.text[start:end] + "⟩" + after
    context += "…" if end + CONTEXT_CHARS < high else ""
    return Version(start, end, document.text[start:end], " ".join(context.split()))


def _single_source_claims(comparison: Comparison) -> Iterator[Discrepancy]:
    """Unique paragraphs that carry numbers, quotations or names: claims no other source
    corroborates."""
    documents = comparison.documents
    for index, document in enumerate(documents):
        for number in comparison.unique_paragraphs(index):
            paragraph = document.paragraphs[number]
            text = paragraph.text
            claims = find_quantities(text, _language(document)) or find_quotations(text)
            if not (claims or _has_name(document, text)):
                continue
            versions: list[Version | None] = [None] * len(documents)
            versions[index] = Version(paragraph.start, paragraph.end, text, " ".join(text.split()))
            yield Discrepancy(FactKind.ONLY_IN_ONE, tuple(versions), (index, paragraph.start))
