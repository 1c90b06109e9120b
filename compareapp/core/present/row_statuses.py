"""The review status of a discrepancy table row: the marks that lie on its words, in any
source (the window's table and the PDF summary show them)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from compareapp.core.documents.document import Document
from compareapp.core.facts.discrepancies import Discrepancy
from compareapp.core.review.marks import MarkStatus, ReviewMark


def row_statuses(
    row: Discrepancy, documents: Sequence[Document], marks: Iterable[ReviewMark]
) -> set[MarkStatus]:
    """The statuses of the review marks on the row's words in any source."""
    found = set()
    for document, version in zip(documents, row.versions, strict=True):
        if version is None:
            continue
        for mark in marks:
            anchor = mark.anchor
            if (
                mark.source == document.source_id
                and anchor.start < version.end
                and version.start < anchor.end
            ):
                found.add(mark.status)
    return found
