"""The panes side by side with link maps between them, kept in step.

It shows a comparison's result (documents, the core's view model and the prepared text
documents; see :mod:`compareapp.ui.panes.comparison_result`), answers clicks on
paragraphs and bands by selecting the link, and moves between differences. While the
result is computed it can show a preview: the start of each document's text, then the
same with its highlights and bands once the first screens are compared.

The panes' modules (text views, overview strips, link maps, scroll linking) load with the
first preview or result, or once the window's first frame is painted
(:func:`load_pane_modules`): the window starts on its start view, which needs none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMenu, QSplitter, QVBoxLayout, QWidget

from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.core.review.placement import marks_in, paragraph_statuses
from compareapp.ui.panes import navigation
from compareapp.ui.panes.pane_area import pane_area
from compareapp.ui.panes.pane_texts import PaneTexts

if TYPE_CHECKING:  # the comparison's modules load with the first comparison, not the window
    from compareapp.core.documents.document import Document
    from compareapp.core.present.display_text import DisplayText
    from compareapp.core.present.view_model import Band, ComparisonViewModel, Stop
    from compareapp.ui.panes.comparison_result import ComparisonPreview, ComparisonResult
    from compareapp.ui.panes.document_pane import DocumentPane
    from compareapp.ui.panes.link_map import LinkMap
    from compareapp.ui.panes.redline_view import RedlineView
    from compareapp.ui.panes.scroll_linker import ScrollLinker


def load_pane_modules() -> None:
    """Import what the panes are made of (the first preview or result does it anyway)."""
    import compareapp.ui.panes.document_pane
    import compareapp.ui.panes.link_map
    import compareapp.ui.panes.scroll_linker  # noqa: F401


class ComparisonView(QWidget):
    pane_close_requested = Signal(int)
    base_requested = Signal(int)
    files_dropped_on_pane = Signal(int, list)
    message = Signal(str)
    texts_laid_out = Signal()
    """Every pane of the result shown last has its text laid out."""
    mark_clicked = Signal(str)
    """The id of a review mark clicked in a pane."""
    zoom_requested = Signal(int)  # Ctrl+wheel over a pane: steps larger (negative: smaller)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Comparison")
        self.setAccessibleDescription("The documents side by side, linked paragraph by paragraph")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.pane_area = pane_area(self.splitter)  # scrolls sideways when panes do not fit
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pane_area)
        self.panes: list[DocumentPane] = []
        self.link_maps: list[LinkMap] = []
        self.result: ComparisonResult | None = None
        self.previewing = False
        """Whether the panes show a preview (no result yet)."""
        self.linker: ScrollLinker | None = None
        self.linked_scrolling = True
        self.current_document = 0
        self._positions: dict[int, float] = {}
        self._review_marks: list[ReviewMark] = []
        self._texts = PaneTexts(self)
        self._texts.all_laid_out.connect(self._texts_laid_out)
        self.extend_context_menu: Callable[[QMenu, int, int], None] | None = None
        """Adds review commands to a pane's context menu: (menu, document, view position)."""
        self.redline: RedlineView | None = None
        """The redline view, when it is shown instead of the panes (View > Redline View)."""

    @property
    def shown_result(self) -> ComparisonResult:
        """The result on screen (there must be one)."""
        assert self.result is not None
        return self.result

    @property
    def model(self) -> ComparisonViewModel:
        return self.shown_result.model

    def clear(self) -> None:
        """Show nothing: remove the panes and link maps, and forget the result."""
        for index in reversed(range(self.splitter.count())):
            widget = self.splitter.widget(index)
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.result, self.panes, self.link_maps, self.linker = None, [], [], None
        self.previewing = False
        self._texts.stop()
        self._positions.clear()
        self.show_redline(None)

    def show_redline(self, redline: RedlineView | None) -> None:
        """Show ``redline`` instead of the panes, or (None) the panes again."""
        if self.redline is not None and self.redline is not redline:
            self.redline.hide()
        self.redline = redline
        layout = self.layout()
        if redline is not None and layout is not None and layout.indexOf(redline) < 0:
            layout.addWidget(redline)
        self.pane_area.setVisible(redline is None)
        if redline is not None:
            redline.show()

    def show_preview(self, preview: ComparisonPreview) -> None:
        """Replace whatever is shown with the start of the documents' text, read-only: no
        selection, marks or navigation, and the panes' buttons disabled (the documents are
        not the window's yet), until :meth:`show_result` replaces it. A preview with bands
        (the first screen compared) shows them, and keeps where the plain preview before it
        was scrolled to."""
        from compareapp.ui.panes.document_builder import take_on_ui_thread
        from compareapp.ui.panes.document_pane import DocumentPane  # see load_pane_modules

        scrolled = self._preview_scrolled()
        self.clear()
        self.previewing = True
        panes = [DocumentPane(document) for document in preview.documents]
        for index, pane in enumerate(panes):
            pane.set_base(index == preview.base)
            for button in (pane.base_button, pane.menu_button, pane.close_button):
                button.setEnabled(False)
            pane.setAcceptDrops(False)
        self._place(panes, preview.bands)
        take_on_ui_thread(preview.text_documents)
        self._texts.show(self.panes, preview.text_documents, scrolled)

    def _preview_scrolled(self) -> list[float]:
        """Where each pane of the preview shown is scrolled to (none: no preview)."""
        return [pane.view.scroll_value() for pane in self.panes] if self.previewing else []

    def show_result(self, result: ComparisonResult) -> None:
        """Replace whatever is shown with ``result`` (scrolled where its preview was)."""
        from compareapp.ui.panes.document_builder import take_on_ui_thread
        from compareapp.ui.panes.scroll_linker import ScrollLinker  # see load_pane_modules

        scrolled = self._preview_scrolled()
        self.clear()
        self.result = result
        model = result.model
        self._place([self._make_pane(k, d) for k, d in enumerate(result.documents)], result.bands)
        for index, link_map in enumerate(self.link_maps):
            link_map.band_clicked.connect(self._band_clicker(index))
            link_map.band_chosen.connect(self._band_clicker(index, reveal=True))
        self._chain_focus()
        self.linker = ScrollLinker([pane.view for pane in self.panes], model)
        self.linker.enabled = self.linked_scrolling
        self.current_document = model.base
        take_on_ui_thread(result.text_documents)
        following = model.base if self.linked_scrolling else None
        self._texts.show(self.panes, result.text_documents, scrolled, following)
        self.set_review_marks(self._review_marks)

    def _place(self, panes: list[DocumentPane], bands: list[list[Band]] | None) -> None:
        """Show ``panes`` side by side, with a link map of ``bands[k]`` between pane ``k``
        and the next (without ``bands``, none)."""
        from compareapp.ui.panes.link_map import LinkMap  # see load_pane_modules

        self.panes = panes
        for index, pane in enumerate(panes):
            if index and bands is not None:
                left = panes[index - 1]
                link_map = LinkMap(left.view, pane.view, (left.document.name, pane.document.name))
                link_map.set_bands(bands[index - 1])
                self.link_maps.append(link_map)
                self.splitter.addWidget(link_map)
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(self.splitter.count() - 1, 1)

    def _texts_laid_out(self) -> None:
        if self.result is not None:
            self.texts_laid_out.emit()

    def _make_pane(self, index: int, document: Document) -> DocumentPane:
        from compareapp.ui.panes.document_pane import DocumentPane  # see load_pane_modules

        model = self.model
        pane = DocumentPane(document)
        pane.set_base(index == model.base)
        pane.strip.set_marks(model.paragraph_marks(index))
        pane.close_requested.connect(lambda: self.pane_close_requested.emit(index))
        pane.base_requested.connect(lambda: self.base_requested.emit(index))
        pane.files_dropped.connect(lambda paths: self.files_dropped_on_pane.emit(index, paths))
        pane.view.paragraph_clicked.connect(
            lambda paragraph: self.select_paragraph(index, paragraph)
        )
        pane.view.selectionChanged.connect(lambda: self._selected_in(index))
        pane.view.zoom_requested.connect(self.zoom_requested)
        pane.view.extend_context_menu = lambda menu, position: self._extend_menu(
            menu, index, position
        )
        return pane

    def _selected_in(self, document: int) -> None:
        """Text selected in a pane makes it the one review commands act on."""
        if self.panes[document].view.selected_range() is not None:
            self.current_document = document

    def _extend_menu(self, menu: QMenu, document: int, position: int) -> None:
        self.current_document = document
        if self.extend_context_menu is not None:
            self.extend_context_menu(menu, document, position)

    def _chain_focus(self) -> None:
        """Tab in reading order: each pane's header buttons and text, then the link map
        to the next pane."""
        chain: list[QWidget] = []
        for index, pane in enumerate(self.panes):
            chain += [pane.base_button, pane.menu_button, pane.close_button, pane.view]
            chain += self.link_maps[index : index + 1]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _band_clicker(self, left: int, reveal: bool = False) -> Callable[[int, int], None]:
        """Select a band's link (``reveal``: chosen with the keys, bring both ends into view)."""

        def clicked(paragraph: int, counterpart: int) -> None:
            self.select_paragraph(left, paragraph)
            # A paragraph with several counterparts has several bands: mark the clicked one.
            self.link_maps[left].select([(paragraph, counterpart)])
            if reveal:
                self._reveal(left, paragraph)
                self._reveal(left + 1, counterpart)

        return clicked

    # Selection --------------------------------------------------------------------------

    def select_paragraph(self, document: int, paragraph: int) -> None:
        """Select ``paragraph`` of ``document`` with its counterparts, and bring the
        counterparts into view."""
        self.current_document = document
        # Just before the paragraph: Next stops at a difference at its very start too.
        start = self.shown_result.documents[document].paragraphs[paragraph].start
        self._positions[document] = start - 0.5
        selected = {document: [paragraph], **self.model.counterparts(document, paragraph)}
        self._show_selection(selected)
        for other, paragraphs in selected.items():
            if other != document and paragraphs:
                self._reveal(other, paragraphs[0])
        linked = sum(len(p) for other, p in selected.items() if other != document)
        self.message.emit(
            f"Paragraph {paragraph + 1} of {self.shown_result.documents[document].name}: "
            + (f"{linked} linked paragraph(s)" if linked else "unique to this source")
        )

    def _show_selection(
        self, selected: dict[int, list[int]], current: dict[int, tuple[int, int]] | None = None
    ) -> None:
        current = current or {}
        for index, pane in enumerate(self.panes):
            pane.view.show_selected(selected.get(index, []), current.get(index))
        for index, link_map in enumerate(self.link_maps):
            left, right = selected.get(index, []), selected.get(index + 1, [])
            link_map.select(
                (band.left, band.right)
                for band in link_map.bands
                if band.left in left and band.right in right
            )

    def _reveal(self, document: int, paragraph: int, *, force: bool = False) -> None:
        """Scroll pane ``document`` (alone) so that ``paragraph`` sits a third of the way
        down, unless it is already in view."""
        view = self.panes[document].view
        extents = view.paragraph_extents()
        if paragraph >= len(extents):
            return
        top, bottom = extents[paragraph]
        value, page = view.scroll_value(), view.verticalScrollBar().pageStep()
        if not force and top >= value and bottom <= value + page:
            return
        assert self.linker is not None
        with self.linker.paused():
            view.set_scroll_value(top - page / 3)

    # Review marks -----------------------------------------------------------------------

    def set_review_marks(self, marks: Iterable[ReviewMark]) -> None:
        """Show the anchored ``marks`` in the panes, the overview strips and the link maps
        (orphaned marks have no place in the text)."""
        self._review_marks = list(marks)
        if self.redline is not None:
            self.redline.set_review_marks(self._review_marks)
        if self.result is None:
            return
        from compareapp.ui.panes.mark_gutter import ShownMark  # loaded: there is a result

        by_paragraph: list[dict[int, MarkStatus]] = []
        for index, document in enumerate(self.result.documents):
            display, placed = self.model_displays[index], marks_in(document, self._review_marks)
            shown = [
                ShownMark(
                    mark.id,
                    mark.status,
                    display.position(mark.anchor.start),
                    max(display.position(mark.anchor.end), display.position(mark.anchor.start) + 1),
                )
                for mark in placed
            ]
            by_paragraph.append(paragraph_statuses(document, placed))
            self.panes[index].view.set_review_marks(shown)
            self.panes[index].strip.set_review_marks(by_paragraph[-1])
        for index, link_map in enumerate(self.link_maps):
            link_map.set_review_marks(by_paragraph[index], by_paragraph[index + 1])

    def selected_passage(self) -> tuple[int, int, int] | None:
        """``(document, start, end)`` in source offsets of what the user chose in the
        current pane: the selected text, else the selected paragraph."""
        if self.result is None:
            return None
        if self.redline is not None:
            return self.redline.selected_passage()
        document = self.current_document
        view = self.panes[document].view
        display = self.model_displays[document]
        selected = view.selected_range()
        if selected is not None:
            start, end = display.offset(selected[0]), display.offset(selected[1])
            text = self.result.documents[document].text
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            return (document, start, end) if start < end else None
        paragraphs = view.selected_paragraphs()
        if not paragraphs:
            return None
        paragraph = self.result.documents[document].paragraphs[paragraphs[0]]
        return document, paragraph.start, paragraph.end

    def show_mark(self, mark: ReviewMark) -> bool:
        """Scroll to ``mark`` and select its passage; False when it is not shown."""
        if self.result is None:
            return False
        if self.redline is not None:
            return self.redline.show_mark(mark.id)
        for index, document in enumerate(self.result.documents):
            if document.source_id != mark.source:
                continue
            for shown in self.panes[index].view.review_marks():
                if shown.mark_id == mark.id:
                    self.current_document = index
                    self.panes[index].view.scroll_to_position(shown.start)
                    self.panes[index].view.select_range(shown.start, shown.end)
                    return True
        return False

    def show_passages(self, spans: dict[int, tuple[int, int]]) -> None:
        """Outline source ranges ``spans`` (by document) and scroll each pane, on its
        own, to its range: one fact as every source states it."""
        if self.result is None or self.linker is None:
            return
        current, selected = {}, {}
        for document, (start, end) in spans.items():
            display = self.model_displays[document]
            current[document] = (display.position(start), display.position(end))
            paragraph = self.result.documents[document].paragraph_at(start)
            selected[document] = [paragraph.index] if paragraph else []
        self._show_selection(selected, current)
        with self.linker.paused():
            for document, (position, _end) in current.items():
                self.panes[document].view.scroll_to_position(position)

    # Navigation -------------------------------------------------------------------------

    def go_to_difference(self, forward: bool = True, significant: bool = False) -> Stop | None:
        """Select the next (or previous) difference in the current pane and its
        counterpart; ``significant`` stops only at numbers, names and quotations."""
        if self.result is None:
            return None
        if self.redline is not None:  # the redline moves in its own column
            self.redline.go_to_difference(forward, significant)
            return None
        return navigation.go_to_difference(self, forward, significant)

    @property
    def model_displays(self) -> list[DisplayText]:
        return self.result.displays if self.result else []

    def set_linked_scrolling(self, enabled: bool) -> None:
        self.linked_scrolling = enabled
        if self.linker is not None:
            self.linker.enabled = enabled
            if enabled:
                self.linker.follow(self.current_document)
