"""The window's review commands: marking the chosen passage (and, if asked, its
counterparts), the pane's context menu, jumping to a mark and editing its note. The marks
themselves, and their undo history, are the ``ReviewController``'s."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QMenu

from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.ui import settings

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStatusBar

    from compareapp.core.documents.document import Document
    from compareapp.ui.controllers.review_controller import ReviewController
    from compareapp.ui.docks.review_panel import ReviewPanel
    from compareapp.ui.panes.comparison_view import ComparisonView

QUOTE_CHARS = 60


def short_quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


class MarkingHost(Protocol):
    """What the review commands use of the window."""

    documents: list[Document]
    review: ReviewController
    comparison_view: ComparisonView
    review_panel: ReviewPanel
    actions_by_name: dict[str, QAction]

    def statusBar(self) -> QStatusBar: ...


class MarkingController:
    def __init__(self, host: MarkingHost) -> None:
        self.host = host

    def mark_selection(
        self, status: MarkStatus, with_counterparts: bool | None = None
    ) -> list[ReviewMark]:
        """Mark the selected text, or the clicked paragraph, of the current pane; with
        counterparts (by default as the Review menu says), the matching passages too."""
        host = self.host
        view = host.comparison_view
        passage = view.selected_passage() if view.result is not None else None
        if passage is None:
            host.statusBar().showMessage("Select some text or click a paragraph to mark it", 5000)
            return []
        if with_counterparts is None:
            with_counterparts = host.actions_by_name["with_counterparts"].isChecked()
        document, start, end = passage
        spans = {document: (start, end)}
        if with_counterparts:
            from compareapp.core.diff.counterpart_spans import counterpart_spans  # with the model

            spans.update(counterpart_spans(view.model.comparison, document, start, end))
        reviewer = settings.reviewer()
        documents = view.result.documents if view.result else []
        marks = [
            ReviewMark.create(
                documents[index].source_id, documents[index].text, s, e, status, reviewer
            )
            for index, (s, e) in spans.items()
        ]
        host.review.add(marks)
        host.review_panel.select_mark(marks[0].id)
        others = f" and {len(marks) - 1} counterpart(s)" if len(marks) > 1 else ""
        host.statusBar().showMessage(
            f"Marked {status.value}: “{short_quote(marks[0].quote)}”{others}", 5000
        )
        return marks

    def extend_pane_menu(self, menu: QMenu, document: int, position: int) -> None:
        """Add the review commands for view ``position`` of pane ``document`` to its menu."""
        review, review_panel = self.host.review, self.host.review_panel
        menu.addSeparator()
        for status in MarkStatus:
            action = menu.addAction(f"Mark {status.value.capitalize()}")
            action.triggered.connect(lambda _c=False, s=status: self.mark_selection(s, False))
        if len(self.host.documents) > 1:
            for status in MarkStatus:
                action = menu.addAction(f"Mark {status.value.capitalize()} with Counterparts")
                action.triggered.connect(lambda _c=False, s=status: self.mark_selection(s, True))
        for shown in self.host.comparison_view.panes[document].view.marks_at(position):
            mark = review.marks.get(shown.mark_id)
            menu.addSeparator()
            other = next(s for s in MarkStatus if s is not mark.status)
            title = f"“{short_quote(mark.quote)[:30]}”"
            change = menu.addAction(f"Change {title} to {other.value.capitalize()}")
            change.triggered.connect(lambda _c=False, i=mark.id, s=other: review.set_status(i, s))
            note = menu.addAction(f"Edit Note of {title}…")
            note.triggered.connect(lambda _c=False, i=mark.id: review_panel.edit_note_of(i))
            delete = menu.addAction(f"Delete Mark {title}")
            delete.triggered.connect(lambda _c=False, i=mark.id: review.delete([i]))

    def jump_to_mark(self, mark_id: str) -> None:
        mark = self.host.review.marks.get(mark_id)
        if not self.host.comparison_view.show_mark(mark):
            where = (
                "its passage was not found"
                if mark.state.value == "orphaned"
                else ("its source is not open")
            )
            self.host.statusBar().showMessage(f"This mark is not shown in the text: {where}", 5000)

    def edit_note(self) -> None:
        """Edit the note of the mark selected in the panel, or of the mark under the
        text cursor."""
        view, panel = self.host.comparison_view, self.host.review_panel
        ids = panel.selected_ids()
        if not ids and view.result is not None:
            text_view = view.panes[view.current_document].view
            under = text_view.marks_at(text_view.textCursor().position())
            ids = [under[0].mark_id] if under else []
        if ids:
            panel.edit_note_of(ids[0])
        else:
            self.host.statusBar().showMessage("Select a mark first", 5000)
