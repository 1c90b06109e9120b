"""The window's review commands: marking the chosen passage (and, if asked, its
counterparts), the pane's context menu, jumping to a mark and editing its note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.ui import settings

if TYPE_CHECKING:
    from compareapp.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

QUOTE_CHARS = 60


def short_quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


class ReviewCommands(_Base):
    def mark_selection(
        self, status: MarkStatus, with_counterparts: bool | None = None
    ) -> list[ReviewMark]:
        """Mark the selected text, or the clicked paragraph, of the current pane; with
        counterparts (by default as the Review menu says), the matching passages too."""
        view = self.comparison_view
        passage = view.selected_passage() if view.result is not None else None
        if passage is None:
            self.statusBar().showMessage("Select some text or click a paragraph to mark it", 5000)
            return []
        if with_counterparts is None:
            with_counterparts = self.actions_by_name["with_counterparts"].isChecked()
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
        self.review.add(marks)
        self.review_panel.select_mark(marks[0].id)
        others = f" and {len(marks) - 1} counterpart(s)" if len(marks) > 1 else ""
        self.statusBar().showMessage(
            f"Marked {status.value}: “{short_quote(marks[0].quote)}”{others}", 5000
        )
        return marks

    def extend_pane_menu(self, menu: QMenu, document: int, position: int) -> None:
        """Add the review commands for view ``position`` of pane ``document`` to its menu."""
        menu.addSeparator()
        for status in MarkStatus:
            action = menu.addAction(f"Mark {status.value.capitalize()}")
            action.triggered.connect(lambda _c=False, s=status: self.mark_selection(s, False))
        if len(self.documents) > 1:
            for status in MarkStatus:
                action = menu.addAction(f"Mark {status.value.capitalize()} with Counterparts")
                action.triggered.connect(lambda _c=False, s=status: self.mark_selection(s, True))
        for shown in self.comparison_view.panes[document].view.marks_at(position):
            mark = self.review.marks.get(shown.mark_id)
            menu.addSeparator()
            other = next(s for s in MarkStatus if s is not mark.status)
            title = f"“{short_quote(mark.quote)[:30]}”"
            change = menu.addAction(f"Change {title} to {other.value.capitalize()}")
            change.triggered.connect(
                lambda _c=False, i=mark.id, s=other: self.review.set_status(i, s)
            )
            note = menu.addAction(f"Edit Note of {title}…")
            note.triggered.connect(lambda _c=False, i=mark.id: self.review_panel.edit_note_of(i))
            delete = menu.addAction(f"Delete Mark {title}")
            delete.triggered.connect(lambda _c=False, i=mark.id: self.review.delete([i]))

    def jump_to_mark(self, mark_id: str) -> None:
        mark = self.review.marks.get(mark_id)
        if not self.comparison_view.show_mark(mark):
            where = (
                "its passage was not found"
                if mark.state.value == "orphaned"
                else ("its source is not open")
            )
            self.statusBar().showMessage(f"This mark is not shown in the text: {where}", 5000)

    def edit_note(self) -> None:
        """Edit the note of the mark selected in the panel, or of the mark under the
        text cursor."""
        ids = self.review_panel.selected_ids()
        if not ids and self.comparison_view.result is not None:
            view = self.comparison_view.panes[self.comparison_view.current_document].view
            under = view.marks_at(view.textCursor().position())
            ids = [under[0].mark_id] if under else []
        if ids:
            self.review_panel.edit_note_of(ids[0])
        else:
            self.statusBar().showMessage("Select a mark first", 5000)

    def edit_preferences(self) -> None:
        from compareapp.ui.preferences_dialog import PreferencesDialog  # when first asked

        PreferencesDialog(self).exec()
