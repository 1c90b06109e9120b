"""A session's review marks as ``compare --session --format json`` reports them: each
mark with the document it belongs to in this comparison and how it was re-anchored."""

from __future__ import annotations

import os
from typing import Any

from compareapp.core.documents.document import Document
from compareapp.core.review.marks import ReviewMark
from compareapp.core.review.session import Session
from compareapp.core.review.session_sources import placed_marks


def review_to_json(
    session: Session, path: str | os.PathLike[str], documents: list[Document]
) -> dict[str, Any]:
    """The marks of ``session`` against ``documents`` as a JSON-ready dict."""
    return {
        "session": os.path.abspath(path),
        "marks": [_mark(mark, index) for mark, index in placed_marks(session, documents)],
    }


def _mark(mark: ReviewMark, document: int | None) -> dict[str, Any]:
    anchor = mark.anchor
    return {
        "id": mark.id,
        "doc": document,
        "status": mark.status.value,
        "note": mark.note,
        "reviewer": mark.reviewer,
        "created": mark.created.isoformat(),
        "modified": mark.modified.isoformat(),
        "start": anchor.start,
        "end": anchor.end,
        "quote": anchor.quote,
        "anchor_state": mark.state.value,
        "original_quote": mark.original_quote,
    }
