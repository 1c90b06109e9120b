"""The window's review marks and their undo history.

Every change a user makes to the marks (add, edit, delete) is one undoable command on a
``QUndoStack``; re-anchoring after a source changed is not a user's edit, so it is not
undoable and clears the history (whose commands hold the old anchors).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from compareapp.core.review.anchors import AnchorState
from compareapp.core.review.marks import MarkStatus, ReviewMark, ReviewMarks

NOTE_EDIT_ID = 1
"""Consecutive note edits of one mark merge into one undo step."""


@dataclass(frozen=True)
class _Change:
    """One mark before and after a command; None where it does not exist."""

    before: ReviewMark | None
    after: ReviewMark | None
    position: int | None = None
    """Where a removed mark stood, to put it back there."""


class _MarksCommand(QUndoCommand):
    def __init__(self, controller: ReviewController, text: str, changes: list[_Change]) -> None:
        super().__init__(text)
        self.controller = controller
        self.changes = changes

    def redo(self) -> None:
        self.controller._apply([(c.before, c.after, c.position) for c in self.changes])

    def undo(self) -> None:
        self.controller._apply([(c.after, c.before, c.position) for c in reversed(self.changes)])

    def id(self) -> int:
        return NOTE_EDIT_ID if self.text().startswith("Edit note") else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _MarksCommand) or len(self.changes) != 1:
            return False
        mine, theirs = self.changes[0], other.changes[0]
        if len(other.changes) != 1 or mine.after is None or theirs.before is None:
            return False
        if mine.after.id != theirs.before.id:
            return False
        self.changes = [_Change(mine.before, theirs.after)]
        return True


class ReviewController(QObject):
    changed = Signal()
    """The marks changed (any change, including undo and redo)."""
    modified_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.marks = ReviewMarks()
        self.undo_stack = QUndoStack(self)
        self._unsaved_change = False
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    # Reading ----------------------------------------------------------------------------

    def __iter__(self) -> Iterator[ReviewMark]:
        return iter(self.marks)

    def __len__(self) -> int:
        return len(self.marks)

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean() or self._unsaved_change

    # User edits (undoable) --------------------------------------------------------------

    def add(self, marks: Sequence[ReviewMark]) -> None:
        status = marks[0].status.value if marks else ""
        text = f"Mark {len(marks)} passage(s) {status}" if len(marks) > 1 else f"Mark {status}"
        self._push(text, [_Change(None, mark) for mark in marks])

    def delete(self, mark_ids: Iterable[str]) -> None:
        order = [mark.id for mark in self.marks]
        changes = [
            _Change(self.marks.get(mark_id), None, order.index(mark_id))
            for mark_id in sorted(set(mark_ids), key=order.index)
        ]
        if changes:
            self._push(f"Delete {len(changes)} mark(s)", changes)

    def set_status(self, mark_id: str, status: MarkStatus) -> None:
        mark = self.marks.get(mark_id)
        if mark.status is not status:
            self._push(f"Mark {status.value}", [_Change(mark, mark.edited(status=status))])

    def set_note(self, mark_id: str, note: str) -> None:
        mark = self.marks.get(mark_id)
        if mark.note != note:
            self._push("Edit note", [_Change(mark, mark.edited(note=note))])

    def _push(self, text: str, changes: list[_Change]) -> None:
        self.undo_stack.push(_MarksCommand(self, text, changes))

    # Whole-session changes (not undoable) -----------------------------------------------

    def replace_all(self, marks: Iterable[ReviewMark], *, modified: bool = False) -> None:
        """Start over with ``marks`` (an opened or recovered session)."""
        self.marks = ReviewMarks(marks)
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._unsaved_change = modified
        self.changed.emit()
        self._emit_modified()

    def reanchor_source(self, source: str, text: str) -> Counter[AnchorState]:
        """Re-anchor the marks of ``source`` in its new ``text``."""
        outcomes = self.marks.reanchor_source(source, text)
        if outcomes:
            self.undo_stack.clear()
            self._unsaved_change = True
            self.changed.emit()
            self._emit_modified()
        return outcomes

    def mark_changed(self) -> None:
        """The session changed other than in its marks (a pasted document joined it): it
        is unsaved until the next save, and there is nothing to undo."""
        self._unsaved_change = True
        self._emit_modified()

    def mark_saved(self) -> None:
        self.undo_stack.setClean()
        self._unsaved_change = False
        self._emit_modified()

    def _apply(self, steps: list[tuple[ReviewMark | None, ReviewMark | None, int | None]]) -> None:
        """Turn each ``before`` into ``after`` (adding, removing or replacing)."""
        for before, after, position in steps:
            if before is None and after is not None:
                self.marks.add(after, position)
            elif after is None and before is not None:
                self.marks.remove(before.id)
            elif after is not None:
                self.marks.replace(after)
        self.changed.emit()

    def _clean_changed(self, _clean: bool) -> None:
        self._emit_modified()

    def _emit_modified(self) -> None:
        self.modified_changed.emit(self.is_modified())
