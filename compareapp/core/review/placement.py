"""Which review marks a document shows, and on which of its paragraphs."""

from __future__ import annotations

from collections.abc import Iterable

from compareapp.core.documents.document import Document
from compareapp.core.review.anchors import AnchorState
from compareapp.core.review.marks import MarkStatus, ReviewMark


def marks_in(document: Document, marks: Iterable[ReviewMark]) -> list[ReviewMark]:
    """The marks of ``document`` whose anchor holds in its text (orphaned marks, and marks
    not yet re-anchored in a changed text, have no place in it)."""
    return [
        mark
        for mark in marks
        if mark.source == document.source_id
        and mark.state is not AnchorState.ORPHANED
        and document.text[mark.anchor.start : mark.anchor.end] == mark.anchor.quote
    ]


def paragraph_statuses(document: Document, marks: Iterable[ReviewMark]) -> dict[int, MarkStatus]:
    """Each paragraph that ``marks`` (placed in ``document``) touch, with the status shown
    for it: disputed when any mark on it is disputed."""
    statuses: dict[int, MarkStatus] = {}
    for mark in marks:
        first = document.paragraph_at(mark.anchor.start)
        index = first.index if first is not None else 0
        for paragraph in document.paragraphs[index:]:
            if paragraph.start >= mark.anchor.end:
                break
            if (
                paragraph.end > mark.anchor.start
                and statuses.get(paragraph.index) is not MarkStatus.DISPUTED
            ):
                statuses[paragraph.index] = mark.status
    return statuses
