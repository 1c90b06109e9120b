"""The passages of the other documents that say what a selected passage says, so that
one review step can mark a fact in every source.

A selection inside one paragraph with one counterpart maps through the pair's word
differences to the matching words there; any other selection maps to its counterpart
paragraphs whole: the longest run of consecutive ones, the first copy's links before a
repeat's.
"""

from __future__ import annotations

import bisect
from operator import attrgetter

from compareapp.core.diff.comparison import Comparison, LinkedPair
from compareapp.core.documents.document import Document, Paragraph


def counterpart_spans(
    comparison: Comparison, document: int, start: int, end: int
) -> dict[int, tuple[int, int]]:
    """For each other document with a counterpart, ``(start, end)`` of the passage that
    matches ``[start, end)`` of ``document``."""
    documents = comparison.documents
    selected = _paragraphs_between(documents[document], start, end)
    indices = [p.index for p in selected]
    spans: dict[int, tuple[int, int]] = {}
    for other in range(len(comparison.documents)):
        if other == document:
            continue
        pairs = [pair for index in indices for pair in comparison.pairs_of(document, other, index)]
        linked = _one_passage({pair.link.b for pair in pairs if not pair.link.repeat})
        linked = linked or _one_passage({pair.link.b for pair in pairs})
        if not linked:
            continue
        pairs = [pair for pair in pairs if pair.link.b in linked]
        paragraphs = [documents[other].paragraphs[index] for index in linked]
        whole = (paragraphs[0].start, paragraphs[-1].end)
        if len(selected) == 1 and len(paragraphs) == 1 and not _covers(selected[0], start, end):
            mapped = _mapped(documents[other], pairs, selected[0], paragraphs[0], start, end)
            if mapped is not None:  # None: the passage was left out there
                spans[other] = mapped
        else:
            spans[other] = whole
    return spans


def _one_passage(indices: set[int]) -> list[int]:
    """The longest run of consecutive paragraphs among ``indices`` (the first of equal
    ones): the counterpart is one passage, never the text between a paragraph's copies or
    between two partners far apart."""
    best: list[int] = []
    run: list[int] = []
    for index in sorted(indices):
        run = [*run, index] if run and index == run[-1] + 1 else [index]
        if len(run) > len(best):
            best = run
    return best


def _paragraphs_between(document: Document, start: int, end: int) -> list[Paragraph]:
    """The paragraphs that overlap ``[start, end)``, found by binary search."""
    paragraphs = document.paragraphs
    first = bisect.bisect_right(paragraphs, start, key=attrgetter("end"))
    last = bisect.bisect_left(paragraphs, end, lo=first, key=attrgetter("start"))
    return list(paragraphs[first:last])


def _covers(paragraph: Paragraph, start: int, end: int) -> bool:
    return start <= paragraph.start and end >= paragraph.end


def _mapped(
    target: Document,
    pairs: list[LinkedPair],
    source: Paragraph,
    counterpart: Paragraph,
    start: int,
    end: int,
) -> tuple[int, int] | None:
    """``[start, end)`` carried through the differences, widened to whole words; None
    when it falls on text the other document does not have."""
    differences = sorted(
        (d for pair in pairs for d in pair.differences if source.start <= d.a_start <= source.end),
        key=lambda d: d.a_start,
    )

    def carry(offset: int, at_end: bool) -> int:
        a_anchor, b_anchor = source.start, counterpart.start
        for difference in differences:
            if at_end and difference.a_start >= offset:
                break
            if difference.a_end <= offset:  # wholly before: the text after it is equal
                a_anchor, b_anchor = difference.a_end, difference.b_end
            elif difference.a_start <= offset:  # the offset is inside the change
                return difference.b_end if at_end else difference.b_start
            else:
                break
        return min(max(b_anchor + offset - a_anchor, counterpart.start), counterpart.end)

    mapped_start = carry(max(start, source.start), False)
    mapped_end = min(carry(min(end, source.end), True), counterpart.end)
    if mapped_end <= mapped_start or not target.text[mapped_start:mapped_end].strip():
        return None
    return _whole_words(target.text, mapped_start, mapped_end, counterpart)


def _whole_words(text: str, start: int, end: int, within: Paragraph) -> tuple[int, int]:
    """``[start, end)`` without surrounding spaces and widened to whole words."""
    while text[start].isspace():
        start += 1
    while text[end - 1].isspace():
        end -= 1
    while start > within.start and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < within.end and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end
