"""The review dock: every mark with its status, source, quote (and, re-attached to other
words, what they were), note, reviewer and time, long quotes and notes wrapped; filters by
status and source; a click jumps to the passage; the status and note of the selected mark
are edited below the list, and Delete removes it (undoably)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compareapp.core.review.anchors import AnchorState
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.rendering import palette
from compareapp.ui.accessibility import describe
from compareapp.ui.controllers.review_controller import ReviewController
from compareapp.ui.docks.wrapped_columns import WrappedColumns

COLUMNS = ("Status", "Source", "Quote", "Note", "Reviewer", "Modified", "Anchor")
WRAPPING = (COLUMNS.index("Quote"), COLUMNS.index("Note"))
"""The columns whose long text wraps."""
NOTE_COMMIT_MS = 700
"""A note is saved this long after the last keystroke (and when the editor loses focus)."""
ALL = ""


def with_earlier_wording(quote: str, mark: ReviewMark) -> str:
    """``quote`` and, on a line of its own, what the mark's passage said before it was
    re-attached to other words (``was: “…”``)."""
    return f"{quote}\n{mark.earlier_wording}" if mark.reworded else quote


class MarkList(QTreeWidget):
    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            self.delete_requested.emit()
        else:
            super().keyPressEvent(event)


class NoteEdit(QPlainTextEdit):
    focus_lost = Signal()
    """The editor is losing the keyboard focus (said before it does)."""

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.focus_lost.emit()
        super().focusOutEvent(event)


class ReviewPanel(QDockWidget):
    mark_activated = Signal(str)
    """A mark was clicked: jump to it."""

    def __init__(self, review: ReviewController, parent: QWidget | None = None) -> None:
        super().__init__("Review", parent)
        self.setObjectName("review_panel")
        self.review = review
        self.source_names: dict[str, str] = {}
        self.status_filter = QComboBox()
        self.status_filter.addItem("All statuses", ALL)
        for status in MarkStatus:
            self.status_filter.addItem(status.value.capitalize(), status.value)
        self.source_filter = QComboBox()
        self.source_filter.addItem("All sources", ALL)
        self.list = MarkList()
        self.list.setHeaderLabels(COLUMNS)
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.columns = WrappedColumns(self.list)
        self.count_label = QLabel()
        self._build_editor()

        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.source_filter, 1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.list, 3)
        layout.addWidget(self.count_label)
        layout.addWidget(self.editor, 2)
        self.setWidget(body)

        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.source_filter.currentIndexChanged.connect(self.refresh)
        self.list.itemSelectionChanged.connect(self._show_selected)
        self.list.itemClicked.connect(lambda item: self.mark_activated.emit(self._id_of(item)))
        self.list.itemActivated.connect(lambda item: self.mark_activated.emit(self._id_of(item)))
        self.list.delete_requested.connect(self.delete_selected)
        review.changed.connect(self.refresh)
        self._name_for_screen_readers()
        self.refresh()

    def _build_editor(self) -> None:
        self.editor = QWidget()
        self.status_box = QComboBox()
        for status in MarkStatus:
            self.status_box.addItem(status.value.capitalize(), status.value)
        self.note_edit = NoteEdit()
        self.note_edit.setPlaceholderText("Note: what was checked, against which source…")
        self.note_edit.setTabChangesFocus(True)
        self.delete_button = QPushButton("Delete Mark")
        self.quote_label = QLabel()
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(self.editor)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.quote_label)
        row = QHBoxLayout()
        row.addWidget(self.status_box, 1)
        row.addWidget(self.delete_button)
        form.addRow("Status", row)
        form.addRow("Note", self.note_edit)
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_COMMIT_MS)
        self._note_timer.timeout.connect(self.commit_note)
        self.note_edit.textChanged.connect(self._note_typed)
        self.note_edit.focus_lost.connect(self.commit_note)
        self.status_box.activated.connect(self._status_chosen)
        self.delete_button.clicked.connect(self.delete_selected)
        self._editing: str | None = None
        self._note_dirty = False
        """The note editor holds typing not yet given to the review."""
        self.status_box.setEnabled(False)
        self.note_edit.setEnabled(False)
        self.delete_button.setEnabled(False)

    # Filling ----------------------------------------------------------------------------

    def set_sources(self, names: dict[str, str]) -> None:
        """The display name of each source id (sources that are not open included)."""
        self.source_names = names
        chosen = self.source_filter.currentData()
        self.source_filter.blockSignals(True)
        self.source_filter.clear()
        self.source_filter.addItem("All sources", ALL)
        for source, name in names.items():
            self.source_filter.addItem(name, source)
        self.source_filter.setCurrentIndex(max(0, self.source_filter.findData(chosen)))
        self.source_filter.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the list from the marks, keeping the selection."""
        self.commit_note()
        selected = set(self.selected_ids())
        status, source = self.status_filter.currentData(), self.source_filter.currentData()
        self.list.blockSignals(True)
        self.list.clear()
        shown = 0
        for mark in self.review:
            if status not in (ALL, mark.status.value) or source not in (ALL, mark.source):
                continue
            item = QTreeWidgetItem(self._row(mark))
            item.setData(0, Qt.ItemDataRole.UserRole, mark.id)
            item.setForeground(0, palette.MARK_COLOUR[mark.status])
            for column in (COLUMNS.index("Quote"), COLUMNS.index("Anchor")):
                item.setToolTip(column, with_earlier_wording(mark.quote, mark))
            item.setToolTip(COLUMNS.index("Note"), mark.note)
            self.list.addTopLevelItem(item)
            item.setSelected(mark.id in selected)
            shown += 1
        self.list.blockSignals(False)
        self.columns.fit(WRAPPING)
        total = len(self.review)
        self.count_label.setText(
            f"{shown} of {total} marks" if shown != total else f"{total} mark(s)"
        )
        self._show_selected()

    def _row(self, mark: ReviewMark) -> list[str]:
        source = self.source_names.get(mark.source, "(source not open)")
        state = mark.state.value + (", reworded" if mark.reworded else "")
        if mark.state is AnchorState.ORPHANED:
            state = "orphaned: passage not found"
        return [
            f"{palette.MARK_GLYPH[mark.status]} {mark.status.value}",
            source,
            with_earlier_wording(" ".join(mark.quote.split()), mark),
            "\n".join(" ".join(line.split()) for line in mark.note.splitlines() if line.strip()),
            mark.reviewer,
            mark.modified.strftime("%Y-%m-%d %H:%M"),
            state,
        ]

    # Selection and editing ------------------------------------------------------------

    def _id_of(self, item: QTreeWidgetItem) -> str:
        return str(item.data(0, Qt.ItemDataRole.UserRole))

    def selected_ids(self) -> list[str]:
        return [self._id_of(item) for item in self.list.selectedItems()]

    def select_mark(self, mark_id: str) -> None:
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item is None:  # not within the count
                continue
            item.setSelected(self._id_of(item) == mark_id)
            if self._id_of(item) == mark_id:
                self.list.scrollToItem(item)

    def _show_selected(self) -> None:
        """Put the one selected mark in the editor (none or several: nothing to edit)."""
        ids = self.selected_ids()
        chosen = ids[0] if len(ids) == 1 and ids[0] in self.review.marks else None
        if chosen != self._editing:
            self.commit_note()
        elif self._note_dirty:
            return  # still typing in this mark's note
        self._editing = chosen
        self.status_box.setEnabled(chosen is not None)
        self.note_edit.setEnabled(chosen is not None)
        self.delete_button.setEnabled(bool(ids))
        self.note_edit.blockSignals(True)
        if chosen is None:
            self.note_edit.clear()
            self.quote_label.clear()
        else:
            mark = self.review.marks.get(chosen)
            if self.note_edit.toPlainText() != mark.note:  # (keeps the cursor while typing)
                self.note_edit.setPlainText(mark.note)
            self.status_box.setCurrentIndex(self.status_box.findData(mark.status.value))
            self.quote_label.setText(with_earlier_wording(f"“{mark.quote}”", mark))
        self.note_edit.blockSignals(False)

    def _note_typed(self) -> None:
        self._note_dirty = True
        self._note_timer.start()

    def commit_note(self) -> None:
        """Save the note being typed (one undo step for a burst of typing)."""
        self._note_timer.stop()
        if self._note_dirty and self._editing is not None and self._editing in self.review.marks:
            self._note_dirty = False
            self.review.set_note(self._editing, self.note_edit.toPlainText())
        self._note_dirty = False

    def _status_chosen(self) -> None:
        if self._editing is not None:
            self.review.set_status(self._editing, MarkStatus(self.status_box.currentData()))

    def delete_selected(self) -> None:
        self.commit_note()
        self.review.delete(self.selected_ids())

    def edit_note_of(self, mark_id: str) -> None:
        """Select ``mark_id``, show the panel and put the cursor in its note."""
        self.show()
        self.raise_()
        self.select_mark(mark_id)
        self.note_edit.setFocus()

    def _name_for_screen_readers(self) -> None:
        self.setAccessibleName("Review panel")
        self.setAccessibleDescription("Every review mark; the selected mark is edited below")
        for widget, name, description in (
            (self.status_filter, "Status shown", "Show the marks of one status, or all"),
            (self.source_filter, "Source shown", "Show the marks of one source, or all"),
            (self.list, "Review marks", "Enter shows the mark in its pane; Delete removes it"),
            (self.list.header(), "Columns", "Status, source, quote, note, reviewer, time, anchor"),
            (self.count_label, "", "How many marks the list shows"),
            (self.status_box, "Status of the selected mark", "Verified or disputed"),
            (self.note_edit, "Note of the selected mark", "What was checked, against what"),
            (self.delete_button, "Delete Mark", "Delete the selected marks (undoable)"),
            (self.quote_label, "", "The words of the selected mark"),
        ):
            describe(widget, name, description)
