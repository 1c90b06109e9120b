"""The redline view: the base and one other document as one read-only column, deleted
words struck through and inserted words underlined (:mod:`compareapp.core.present.redline`
computes it, :mod:`compareapp.rendering.redline_document` lays it out).

The comparison view shows it instead of the panes. It moves between its differences,
tints review marks where their words stand in the column, and tells which source passage
a selection in it is, so that marking works as in the panes. Page furniture set aside is
dimmed, and skipped by the significant navigation, as in the panes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from compareapp.core.present.redline import Redline, build_redline
from compareapp.core.review.placement import marks_in
from compareapp.rendering.redline_document import RedlineDocument, build_redline_document
from compareapp.rendering.text_formats import set_furniture_dimmed
from compareapp.ui.panes.mark_gutter import ShownMark
from compareapp.ui.panes.text_view import DocumentTextView

if TYPE_CHECKING:
    from compareapp.core.documents.document import Document
    from compareapp.core.present.view_model import ComparisonViewModel
    from compareapp.core.review.marks import ReviewMark

QUOTE_CHARS = 60


@dataclass(frozen=True)
class RedlineStop:
    """A run of changed text in the column: ``[start, end)`` in redline positions."""

    start: int
    end: int
    significant: bool
    kind: str


class RedlineView(QWidget):
    """The column of one pair: the base and ``other`` (chosen in the header with three or
    more documents)."""

    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redline_view")
        self.title = QLabel()
        self.title.setObjectName("redline_title")
        self.chooser = QComboBox()
        self.chooser.setObjectName("redline_other")
        self.chooser.setAccessibleName("Document compared with the base")
        self.chooser.setAccessibleDescription("The document the redline shows against the base")
        self.chooser.activated.connect(lambda index: self.show_other(self.chooser.itemData(index)))
        header = QHBoxLayout()
        header.setContentsMargins(8, 4, 8, 4)
        header.addWidget(self.title, 1)
        header.addWidget(self.chooser)
        self.view = DocumentTextView()
        self.view.setAccessibleName("Redline")
        self.setAccessibleName("Redline view")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        self.model: ComparisonViewModel | None = None
        self.laid_out: RedlineDocument | None = None
        self._marks: list[ReviewMark] = []

    @property
    def redline(self) -> Redline | None:
        return self.laid_out.redline if self.laid_out else None

    @property
    def documents(self) -> Sequence[Document]:
        return self.model.comparison.documents if self.model else []

    def set_model(self, model: ComparisonViewModel, other: int | None = None) -> None:
        """Show ``model``'s base beside ``other`` (the first other document by default, or
        when ``other`` is no longer compared)."""
        others = model.comparison.others()
        if model is self.model and other == self.other and other in others:
            return  # shown already (a result is announced again once laid out)
        self.model = model
        self.chooser.clear()
        for index in others:
            self.chooser.addItem(model.comparison.documents[index].name, index)
        self.chooser.setVisible(len(others) > 1)
        self.show_other(other if other in others else others[0])

    def show_other(self, other: int) -> None:
        assert self.model is not None
        documents = self.documents
        base = self.model.base
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(other)))
        redline = build_redline(self.model.comparison, other)
        self.laid_out = build_redline_document(redline, documents[base].name, documents[other].name)
        self.dim_furniture()
        self.title.setText(
            f"Redline: {documents[other].name}, with what it changed from "
            f"{documents[base].name} (struck through: deleted; underlined: inserted)"
        )
        self.title.setToolTip(self.title.text())
        self.view.setAccessibleDescription(
            f"{documents[other].name} against the base {documents[base].name}, read-only: "
            "deleted words are struck through, inserted words underlined"
        )
        self.setAccessibleDescription(self.title.text())
        self.view.set_text_document(self.laid_out.document)
        self.set_review_marks(self._marks)

    @property
    def other(self) -> int | None:
        return self.redline.other if self.redline else None

    def furniture_paragraphs(self) -> list[int]:
        """The column's paragraphs of page furniture (in both documents where linked)."""
        redline, model = self.redline, self.model
        if redline is None or model is None:
            return []
        furniture = model.furniture
        return redline.furniture_paragraphs(
            furniture.paragraphs(redline.base), furniture.paragraphs(redline.other)
        )

    def dim_furniture(self) -> None:
        """Grey the column's page furniture while the view model sets it aside, or
        undim it when furniture is shown."""
        laid_out, model = self.laid_out, self.model
        if laid_out is None or model is None:
            return
        document = laid_out.document
        blocks = [
            document.findBlock(laid_out.starts[index]).blockNumber()
            for index in self.furniture_paragraphs()
        ]
        set_furniture_dimmed(document, blocks, not model.furniture_shown)

    # Review marks -----------------------------------------------------------------------

    def set_review_marks(self, marks: Iterable[ReviewMark]) -> None:
        """Tint the marks of the two documents where their words stand in the column."""
        self._marks = list(marks)
        redline, laid_out = self.redline, self.laid_out
        if redline is None or laid_out is None:
            return
        shown = []
        for index in (redline.base, redline.other):
            for mark in marks_in(self.documents[index], self._marks):
                start = redline.position(index, mark.anchor.start)
                end = redline.position(index, max(mark.anchor.start, mark.anchor.end - 1))
                if start is None or end is None:
                    continue
                first, last = laid_out.position(start), laid_out.position(end + 1)
                shown.append(ShownMark(mark.id, mark.status, first, max(last, first + 1)))
        self.view.set_review_marks(sorted(shown, key=lambda mark: mark.start))

    def show_mark(self, mark_id: str) -> bool:
        """Scroll to the mark ``mark_id`` and select its words; False when not shown."""
        for shown in self.view.review_marks():
            if shown.mark_id == mark_id:
                self.view.scroll_to_position(shown.start)
                self.view.select_range(shown.start, shown.end)
                return True
        return False

    def selected_passage(self) -> tuple[int, int, int] | None:
        """``(document, start, end)`` in source offsets of the selected text: in the other
        document where the selection holds some of its text, else in the base."""
        selected = self.view.selected_range()
        redline, laid_out = self.redline, self.laid_out
        if selected is None or redline is None or laid_out is None:
            return None
        ranges = redline.source_ranges(
            laid_out.redline_position(selected[0]), laid_out.redline_position(selected[1])
        )
        for document in (redline.other, redline.base):
            if document in ranges:
                start, end = ranges[document]
                text = self.documents[document].text
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if start < end:
                    return document, start, end
        return None

    # Navigation -------------------------------------------------------------------------

    def stops(self) -> list[RedlineStop]:
        """The changed runs of the column: a deletion and the insertion beside it are one."""
        stops: list[RedlineStop] = []
        if self.redline is None or self.model is None:
            return stops
        aside = set() if self.model.furniture_shown else set(self.furniture_paragraphs())
        for found in self.redline.changes():
            segment = found.segment
            kind = segment.kind.value if segment.kind else "paragraph"
            significant = segment.significant and found.paragraph not in aside
            last = stops[-1] if stops else None
            if last is not None and last.end == found.start:
                stops[-1] = RedlineStop(
                    last.start, found.end, last.significant or significant, last.kind
                )
            else:
                stops.append(RedlineStop(found.start, found.end, significant, kind))
        return stops

    def go_to_difference(self, forward: bool = True, significant: bool = False) -> bool:
        """Select the next (or previous) change after (before) the selection or the top
        of the view; False when there is none."""
        laid_out = self.laid_out
        if laid_out is None:
            return False
        cursor = self.view.textCursor()
        if cursor.hasSelection():
            here = laid_out.redline_position(
                cursor.selectionStart() if forward else cursor.selectionEnd()
            )
        elif self.view.verticalScrollBar().value() == 0 and forward:
            here = -1  # from the top (a text just shown may not be laid out yet)
        else:
            top, bottom = self.view.visible_positions()
            here = (
                laid_out.redline_position(top) - 1
                if forward
                else laid_out.redline_position(bottom) + 1
            )
        stops = [stop for stop in self.stops() if stop.significant or not significant]
        ahead = [s for s in stops if (s.start > here if forward else s.end < here)]
        if not ahead:
            what = "significant difference" if significant else "difference"
            self.message.emit(f"No {'next' if forward else 'previous'} {what}")
            return False
        stop = ahead[0] if forward else ahead[-1]
        start, end = laid_out.position(stop.start), laid_out.position(stop.end)
        self.view.select_range(start, end)
        self.view.scroll_to_position(start)
        assert self.redline is not None
        quoted = self.redline.text[stop.start : stop.end]
        quoted = quoted if len(quoted) <= QUOTE_CHARS else quoted[: QUOTE_CHARS - 3] + "…"
        self.message.emit(f"{stop.kind.capitalize()} difference: “{quoted}”")
        return True
