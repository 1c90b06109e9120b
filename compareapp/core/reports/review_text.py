"""A session's review marks as ``compare --session`` prints them: one line per mark with
its status, where it is, how it was re-anchored, its quote (and what it said before, if
it was re-attached to other words) and note."""

from __future__ import annotations

from compareapp.core.documents.document import Document
from compareapp.core.review.session import Session
from compareapp.core.review.session_sources import placed_marks


def review_to_text(session: Session, documents: list[Document]) -> str:
    """One line per mark: status, where, anchor state, quote (earlier wording) and note."""
    lines = [f"Review marks: {len(session.marks)}"]
    for mark, index in placed_marks(session, documents):
        where = documents[index].name if index is not None else "source not compared"
        earlier = f" ({mark.earlier_wording})" if mark.reworded else ""
        note = f" — {mark.note}" if mark.note else ""
        lines.append(
            f"  [{mark.status.value}] {where}, {mark.state.value}: “{mark.quote}”{earlier}{note}"
            f" ({mark.reviewer}, {mark.modified.isoformat(timespec='minutes')})"
        )
    return "\n".join(lines)
