"""Review marks: a passage of a source marked verified or disputed, with a note, who
marked it and when, and where it is anchored."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from compareapp.core.review.anchors import AnchorState, TextAnchor, reanchor


class MarkStatus(StrEnum):
    VERIFIED = "verified"
    DISPUTED = "disputed"


def now() -> datetime:
    """The current time with the local time zone, as marks record it."""
    return datetime.now().astimezone()


@dataclass(frozen=True)
class ReviewMark:
    """One reviewed passage of the source ``source`` (a :attr:`Document.source_id`)."""

    id: str
    source: str
    status: MarkStatus
    note: str
    reviewer: str
    created: datetime
    modified: datetime
    anchor: TextAnchor
    state: AnchorState = AnchorState.ANCHORED
    """How the last re-anchoring went; an orphaned mark is not shown in the text."""
    original_quote: str = ""
    """The quote when the mark was made, kept once re-anchoring found other wording."""

    @classmethod
    def create(
        cls,
        source: str,
        text: str,
        start: int,
        end: int,
        status: MarkStatus,
        reviewer: str,
        note: str = "",
        when: datetime | None = None,
    ) -> ReviewMark:
        """A new mark on ``text[start:end]`` of ``source``."""
        when = when or now()
        return cls(
            id=uuid.uuid4().hex,
            source=source,
            status=status,
            note=note,
            reviewer=reviewer,
            created=when,
            modified=when,
            anchor=TextAnchor.at(text, start, end),
        )

    @property
    def quote(self) -> str:
        return self.anchor.quote

    @property
    def reworded(self) -> bool:
        """Whether the marked passage no longer reads as it did when it was marked."""
        return bool(self.original_quote) and self.original_quote != self.anchor.quote

    @property
    def earlier_wording(self) -> str:
        """``was: “…”`` with the words the passage had when it was marked, on one line,
        for a mark re-attached to other words; empty otherwise."""
        return f"was: “{' '.join(self.original_quote.split())}”" if self.reworded else ""

    def edited(
        self,
        *,
        status: MarkStatus | None = None,
        note: str | None = None,
        when: datetime | None = None,
    ) -> ReviewMark:
        """This mark with a new status or note, modified ``when`` (now by default)."""
        return replace(
            self,
            status=self.status if status is None else status,
            note=self.note if note is None else note,
            modified=when or now(),
        )

    def reanchored(self, text: str) -> ReviewMark:
        """This mark anchored in ``text``, a new version of its source."""
        anchor, state = reanchor(self.anchor, text)
        original = self.original_quote or self.anchor.quote
        return replace(
            self,
            anchor=anchor,
            state=state,
            original_quote=original if original != anchor.quote else "",
        )


class ReviewMarks:
    """The marks of a session, in the order they were made."""

    def __init__(self, marks: Iterable[ReviewMark] = ()) -> None:
        self._marks: dict[str, ReviewMark] = {mark.id: mark for mark in marks}

    def __iter__(self) -> Iterator[ReviewMark]:
        return iter(list(self._marks.values()))

    def __len__(self) -> int:
        return len(self._marks)

    def __contains__(self, mark_id: object) -> bool:
        return mark_id in self._marks

    def get(self, mark_id: str) -> ReviewMark:
        return self._marks[mark_id]

    def for_source(self, source: str) -> list[ReviewMark]:
        return [mark for mark in self._marks.values() if mark.source == source]

    def add(self, mark: ReviewMark, position: int | None = None) -> None:
        """Add ``mark``, at ``position`` in the order (the end by default)."""
        if mark.id in self._marks:
            raise ValueError(f"mark {mark.id} is already there")
        items = list(self._marks.items())
        items.insert(len(items) if position is None else position, (mark.id, mark))
        self._marks = dict(items)

    def remove(self, mark_id: str) -> tuple[int, ReviewMark]:
        """Remove a mark; return where it was and what it was, to put it back."""
        position = list(self._marks).index(mark_id)
        return position, self._marks.pop(mark_id)

    def replace(self, mark: ReviewMark) -> ReviewMark:
        """Put ``mark`` in place of the mark with its id; return the old one."""
        old = self._marks[mark.id]
        self._marks[mark.id] = mark
        return old

    def reanchor_source(self, source: str, text: str) -> Counter[AnchorState]:
        """Re-anchor the marks of ``source`` in its new ``text``; count the outcomes."""
        outcomes: Counter[AnchorState] = Counter()
        for mark in self.for_source(source):
            moved = mark.reanchored(text)
            self._marks[mark.id] = moved
            outcomes[moved.state] += 1
        return outcomes


def describe_outcomes(outcomes: Counter[AnchorState]) -> str:
    """``"3 anchored, 1 moved, 1 orphaned"``, leaving out the states that did not occur."""
    return ", ".join(f"{outcomes[state]} {state.value}" for state in AnchorState if outcomes[state])
