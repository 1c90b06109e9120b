"""The word differences of one link group: a plain pair, a split, a merge, or paragraphs cut
into sentences and glued to others.

A group with several paragraphs on a side is diffed sentence by sentence: each sentence is
matched to its best counterpart inside the group (by the informative terms they share), the
sentences matched together are diffed against each other as one passage, wherever each lies
in the group, and a sentence matched to nothing is deleted or inserted whole. So a sentence
that a rewrite moved from one paragraph into another ("Kyiv says it has recovered more than
8,000 square kilometers…" into "Putin has yet to…") shows what changed in it ("8,000" to
"9,000") rather than as deleted on one side and inserted on the other. A group whose
sentences match nothing, and a plain pair, are diffed whole, in the order of their
paragraphs that changes the least text.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from compareapp.core.align.features import terms_of
from compareapp.core.diff.disjoint_sets import DisjointSets
from compareapp.core.diff.inline_diff import Difference, Passage, diff_passages, tokenize_span
from compareapp.core.documents.document import Document
from compareapp.core.text.normalize import Token
from compareapp.core.text.sentences import sentence_spans

MAX_REORDERED_PARTS = 3
"""Passages with up to this many parts (paragraphs, runs of sentences) on a side are diffed
in their best order."""
SENTENCE_MATCH = 0.3
"""Least Dice overlap of informative terms for two sentences to be diffed against each other."""
MAX_MATCHED_SENTENCES = 200
"""Groups with more sentences than this on a side are diffed whole."""

Span = tuple[int, int]


@dataclass(frozen=True)
class _Sentence:
    paragraph: Span
    """The ``[start, end)`` of the paragraph the sentence is in."""
    span: Span
    terms: frozenset[str]


def group_differences(
    doc_a: Document, doc_b: Document, paragraphs_a: list[int], paragraphs_b: list[int]
) -> list[Difference]:
    """The differences between paragraphs ``paragraphs_a`` of ``doc_a`` and
    ``paragraphs_b`` of ``doc_b`` (sorted), one group of links, in document order."""
    if _texts(doc_a, paragraphs_a) == _texts(doc_b, paragraphs_b):
        return []  # unchanged paragraphs: no differences, in their own order
    if len(paragraphs_a) > 1 or len(paragraphs_b) > 1:
        matched = _sentence_differences(
            _sentences(doc_a, paragraphs_a), _sentences(doc_b, paragraphs_b), doc_a, doc_b
        )
        if matched is not None:
            return matched
    return _least_changed(
        doc_a.text,
        doc_b.text,
        [_paragraph_span(doc_a, i) for i in paragraphs_a],
        [_paragraph_span(doc_b, j) for j in paragraphs_b],
        languages=(doc_a.language, doc_b.language),
    )


def _sentence_differences(
    sentences_a: list[_Sentence], sentences_b: list[_Sentence], doc_a: Document, doc_b: Document
) -> list[Difference] | None:
    """The group diffed sentence by sentence; None when no two sentences match (or the group
    is too long to match its sentences)."""
    if max(len(sentences_a), len(sentences_b)) > MAX_MATCHED_SENTENCES:
        return None
    components = _matched(sentences_a, sentences_b)
    if not components:
        return None
    differences: list[Difference] = []
    points: tuple[dict[int, Span], dict[int, Span]] = ({}, {})
    """For each matched sentence of a side, the start and end of its counterparts."""
    for own_a, own_b in components:
        spans_a = _runs(sentences_a, own_a)
        spans_b = _runs(sentences_b, own_b)
        points[0].update(dict.fromkeys(own_a, (spans_b[0][0], spans_b[-1][1])))
        points[1].update(dict.fromkeys(own_b, (spans_a[0][0], spans_a[-1][1])))
        differences += _least_changed(
            doc_a.text,
            doc_b.text,
            spans_a,
            spans_b,
            _quoting(sentences_a, own_a),
            _quoting(sentences_b, own_b),
            (doc_a.language, doc_b.language),
        )
    for side, sentences in enumerate((sentences_a, sentences_b)):
        for run in _unmatched_runs(sentences, points[side]):
            own_document, other_document = (doc_a, doc_b) if side == 0 else (doc_b, doc_a)
            own = Passage(
                own_document.text,
                _runs(sentences, run),
                quoting=_quoting(sentences, run),
                language=own_document.language,
            )
            point = _point(sentences, points[side], run)
            other = Passage(other_document.text, [(point, point)], language=other_document.language)
            differences += diff_passages(*((own, other) if side == 0 else (other, own)))
    return sorted(differences, key=lambda d: (d.a_start, d.a_end, d.b_start, d.b_end))


def _matched(
    sentences_a: list[_Sentence], sentences_b: list[_Sentence]
) -> list[tuple[list[int], list[int]]]:
    """Sentences joined with their best counterpart (each side's best, when it overlaps by
    :data:`SENTENCE_MATCH` or more): each group's sentences of A and of B, in order."""
    count_a = len(sentences_a)
    sets = DisjointSets(count_a + len(sentences_b))
    overlap = [[_dice(x.terms, y.terms) for y in sentences_b] for x in sentences_a]
    for x, row in enumerate(overlap):
        y = max(range(len(row)), key=row.__getitem__)
        if row[y] >= SENTENCE_MATCH:
            sets.join(x, count_a + y)
    for y in range(len(sentences_b)):
        x = max(range(count_a), key=lambda k: overlap[k][y])
        if overlap[x][y] >= SENTENCE_MATCH:
            sets.join(x, count_a + y)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for item in range(count_a + len(sentences_b)):
        side_a, side_b = groups.setdefault(sets.root(item), ([], []))
        (side_a if item < count_a else side_b).append(item if item < count_a else item - count_a)
    return [(own_a, own_b) for own_a, own_b in groups.values() if own_a and own_b]


def _dice(x: frozenset[str], y: frozenset[str]) -> float:
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _sentences(document: Document, paragraphs: list[int]) -> list[_Sentence]:
    found = []
    for index in paragraphs:
        paragraph = _paragraph_span(document, index)
        for start, end in sentence_spans(document.text, *paragraph):
            terms = frozenset(terms_of(document.text[start:end], document.language))
            found.append(_Sentence(paragraph, (start, end), terms))
    return found


def _runs(sentences: list[_Sentence], own: Sequence[int]) -> list[Span]:
    """The spans of sentences ``own`` (in order), neighbours in one paragraph as one span."""
    spans: list[Span] = []
    for before, k in zip([-1, *own], own, strict=False):
        if spans and before == k - 1 and sentences[before].paragraph == sentences[k].paragraph:
            spans[-1] = (spans[-1][0], sentences[k].span[1])
        else:
            spans.append(sentences[k].span)
    return spans


def _quoting(sentences: list[_Sentence], own: Sequence[int]) -> list[Span]:
    return sorted({sentences[k].paragraph for k in own})


def _unmatched_runs(sentences: list[_Sentence], matched: dict[int, Span]) -> list[list[int]]:
    """Runs of consecutive sentences of one paragraph that match nothing."""
    runs: list[list[int]] = []
    for k, sentence in enumerate(sentences):
        if k in matched:
            continue
        if runs and runs[-1][-1] == k - 1 and sentences[k - 1].paragraph == sentence.paragraph:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _point(sentences: list[_Sentence], matched: dict[int, Span], run: list[int]) -> int:
    """Where, on the other side, a run of unmatched sentences is deleted or inserted: after
    the counterpart of the nearest matched sentence before it in its paragraph, else before
    that of the nearest after it; failing both, the same anywhere in the group."""
    paragraph = sentences[run[0]].paragraph
    before = [k for k in range(run[0]) if k in matched]
    after = [k for k in range(run[-1] + 1, len(sentences)) if k in matched]
    for candidates in (
        [k for k in before if sentences[k].paragraph == paragraph][-1:],
        [k for k in after if sentences[k].paragraph == paragraph][:1],
    ):
        if candidates:
            k = candidates[0]
            return matched[k][1] if k < run[0] else matched[k][0]
    return matched[before[-1]][1] if before else matched[after[0]][0]


def _least_changed(
    text_a: str,
    text_b: str,
    spans_a: list[Span],
    spans_b: list[Span],
    quoting_a: Sequence[Span] | None = None,
    quoting_b: Sequence[Span] | None = None,
    languages: tuple[str, str] = ("", ""),
) -> list[Difference]:
    """The differences between two passages, their parts taken in the order (for small
    passages, every order is tried) that changes the least text: a paragraph split into
    parts that a rewrite put in another order reads best in that order."""
    tokens_a = {span: tokenize_span(text_a, *span) for span in spans_a}
    tokens_b = {span: tokenize_span(text_b, *span) for span in spans_b}
    candidates = (
        diff_passages(
            _passage(text_a, order_a, tokens_a, quoting_a, languages[0]),
            _passage(text_b, order_b, tokens_b, quoting_b, languages[1]),
        )
        for order_a, order_b in itertools.product(_orders(spans_a), _orders(spans_b))
    )
    return min(candidates, key=_changed_length)  # the first of the least changed


def _passage(
    text: str,
    order: tuple[Span, ...],
    tokens: dict[Span, list[Token]],
    quoting: Sequence[Span] | None,
    language: str,
) -> Passage:
    """The spans ``order`` of ``text`` (in ``language``) as one passage, with their tokens."""
    return Passage(text, order, [tokens[span] for span in order], quoting, language)


def _changed_length(differences: list[Difference]) -> int:
    return sum(d.a_end - d.a_start + d.b_end - d.b_start for d in differences)


def _orders(spans: list[Span]) -> list[tuple[Span, ...]]:
    if 1 < len(spans) <= MAX_REORDERED_PARTS:
        return list(itertools.permutations(spans))
    return [tuple(spans)]


def _paragraph_span(document: Document, index: int) -> Span:
    paragraph = document.paragraphs[index]
    return paragraph.start, paragraph.end


def _texts(document: Document, paragraphs: list[int]) -> list[str]:
    return [document.paragraphs[i].text for i in paragraphs]
