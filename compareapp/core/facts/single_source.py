"""Claims only one source makes: paragraphs linked to no paragraph of any other source
that carry a figure, a name or a quotation, page furniture left out unless asked for
(:mod:`compareapp.core.facts.furniture`). With three or more sources, a claim that some
sources share and another lacks is one row too, holding each sharing source's wording. A
row shows the paragraph's first sentence, its offsets those of the sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.document import Document, Paragraph
from compareapp.core.facts.fact_kind import FactKind
from compareapp.core.facts.furniture import is_furniture_at
from compareapp.core.facts.quantities import find_quantities
from compareapp.core.facts.quotations import find_quotations
from compareapp.core.facts.rows import Discrepancy, Version
from compareapp.core.text.language import capitalises_nouns
from compareapp.core.text.proper_names import german_names
from compareapp.core.text.sentences import sentence_spans

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_NAME = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")
_CAPITAL_WORD = r"[A-ZÀ-ÖØ-Þ][^\W\d_]*"
_NAME_ANY = re.compile(rf"(?<![.!?]\s)\b{_CAPITAL_WORD}(?:\s+{_CAPITAL_WORD})+")
"""``_NAME`` with accented capitals ("Élisabeth Borne", "Dmitri Peskov")."""


def single_source_claims(
    comparison: Comparison, include_furniture: bool = False
) -> Iterator[Discrepancy]:
    """Claims (paragraphs with numbers, quotations or names) that not every source makes,
    one row each, as their first sentence in each source that makes it: "only in one
    source" when no other source has the paragraph, "not in every source" when some do;
    page furniture ("Duration 2:01", a trust line) only with ``include_furniture``."""
    documents = comparison.documents
    for index, document in enumerate(documents):
        for number, partners in _paragraphs_missing_somewhere(comparison, index):
            if any(other < index for other in partners):
                continue  # the row is listed from the first source that has the paragraph
            paragraph = document.paragraphs[number]
            if not include_furniture and is_furniture_at(document, number):
                continue
            if not is_claim(document, paragraph.text):
                continue
            versions: list[Version | None] = [None] * len(documents)
            for place, paragraph_number in ((index, number), *partners.items()):
                start, end = first_sentence(documents[place].paragraphs[paragraph_number])
                text = documents[place].text[start:end]
                versions[place] = Version(start, end, text)
            kind = FactKind.NOT_IN_EVERY if partners else FactKind.ONLY_IN_ONE
            yield Discrepancy(kind, tuple(versions), (index, paragraph.start))


def _paragraphs_missing_somewhere(
    comparison: Comparison, document: int
) -> Iterator[tuple[int, dict[int, int]]]:
    """Paragraphs of ``document`` that some other document has no link for, each with its
    first linked paragraph in every document that has one (each pair aligned first
    document first, whatever the base)."""
    partners_in: dict[int, dict[int, int]] = {}
    for other in range(len(comparison.documents)):
        if other != document:
            alignment = comparison.pair(min(document, other), max(document, other)).alignment
            first: dict[int, int] = {}
            for link in alignment.links:
                mine, theirs = (link.a, link.b) if document < other else (link.b, link.a)
                first[mine] = min(first.get(mine, theirs), theirs)
            partners_in[other] = first
    for number in range(len(comparison.documents[document].paragraphs)):
        partners = {o: first[number] for o, first in partners_in.items() if number in first}
        if len(partners) < len(partners_in):
            yield number, partners


def is_claim(document: Document, text: str) -> bool:
    """Does ``text`` (a paragraph of ``document``) carry a figure, a quotation or a name?"""
    if find_quantities(text, document.language) or find_quotations(text):
        return True
    return _has_name(document, text)


def first_sentence(paragraph: Paragraph) -> tuple[int, int]:
    """Offsets of ``paragraph``'s first sentence (the whole paragraph when it is one)."""
    sentences = sentence_spans(paragraph.text)
    return paragraph.start, paragraph.start + (sentences[0][1] if sentences else 0)


def _has_name(document: Document, text: str) -> bool:
    """Does ``text`` (a paragraph of ``document``) name someone or something?"""
    language_ = document.language
    if capitalises_nouns(language_):
        names = german_names(document.text)
        return any(
            word in names or (len(word) > 1 and word.isupper()) for word in _WORD.findall(text)
        )
    if language_ and language_ != "en":
        return _NAME_ANY.search(text) is not None
    return _NAME.search(text) is not None
