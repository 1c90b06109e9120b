"""A session's review marks as the headless ``compare --session`` reports them: each
mark with the document it belongs to in this comparison and how it was re-anchored."""

from __future__ import annotations

import os
from typing import Any

from compareapp.core.documents.document import Document
from compareapp.core.review.marks import ReviewMark
from compareapp.core.review.session import Session, match_sources, reanchored_marks


def review_to_json(
    session: Session, path: str | os.PathLike[str], documents: list[Document]
) -> dict[str, Any]:
    """The marks of ``session`` against ``documents`` as a JSON-ready dict."""
    return {
        "session": os.path.abspath(path),
        "marks": [_mark(mark, index) for mark, index in placed_marks(session, documents)],
    }


def review_to_text(session: Session, documents: list[Document]) -> str:
    """One line per mark: status, where, anchor state, quote and note."""
    lines = [f"Review marks: {len(session.marks)}"]
    for mark, index in placed_marks(session, documents):
        where = documents[index].name if index is not None else "source not compared"
        note = f" — {mark.note}" if mark.note else ""
        lines.append(
            f"  [{mark.status.value}] {where}, {mark.state.value}: “{mark.quote}”{note}"
            f" ({mark.reviewer}, {mark.modified.isoformat(timespec='minutes')})"
        )
    return "\n".join(lines)


def placed_marks(
    session: Session, documents: list[Document]
) -> list[tuple[ReviewMark, int | None]]:
    """Each mark, re-anchored where its source changed, with its document's index."""
    found = match_sources(session.sources, documents)
    marks = reanchored_marks(session, found)
    index_of = {id(document): index for index, document in enumerate(documents)}
    return [
        (mark, index_of[id(found[mark.source])] if mark.source in found else None) for mark in marks
    ]


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
