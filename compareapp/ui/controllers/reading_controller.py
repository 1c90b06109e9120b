"""How each document is read: its language (View > Document Language, or a pane's context
menu > Language) and, for a plain-text or Markdown file, its encoding (View > Reopen with
Encoding). Either choice recomputes the comparison; a new encoding reads the file again,
and its review marks follow the new text (they keep their source id and are re-anchored,
see ``SessionController.follow_new_versions``). Both choices are kept in the session.

And whether page furniture (captions, video blurbs, prompts, credits) is read as the story
(View > Show Page Furniture, remembered in the settings): set aside, it is dimmed in the
panes and the redline, skipped by Next Significant Difference and left out of the counts,
the discrepancy table and the PDF's summary. Toggling it computes nothing again."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QActionGroup

from compareapp.core.text.language import LANGUAGE_NAMES, language_name
from compareapp.rendering.text_formats import set_furniture_dimmed
from compareapp.ui import settings
from compareapp.ui.controllers.comparison_job import PendingSource

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMenu, QStatusBar

    from compareapp.core.documents.document import Document
    from compareapp.ui.controllers.discrepancy_controller import DiscrepancyController
    from compareapp.ui.controllers.job_controller import JobController
    from compareapp.ui.controllers.redline_controller import RedlineController
    from compareapp.ui.message_bar import MessageBar
    from compareapp.ui.panes.comparison_view import ComparisonView

REOPENABLE_FORMATS = frozenset({"Plain text", "Markdown"})
"""Formats whose file is the text, so that its encoding can be chosen."""


class ReadingHost(Protocol):
    documents: list[Document]
    base: int
    jobs: JobController
    message_bar: MessageBar
    actions_by_name: dict[str, QAction]
    comparison_view: ComparisonView
    discrepancies: DiscrepancyController
    redline: RedlineController

    def statusBar(self) -> QStatusBar: ...
    def _update_navigation(self) -> None: ...  # the actions' states and the counts


def can_reopen(document: Document) -> bool:
    return document.has_file and document.format in REOPENABLE_FORMATS


class ReadingController:
    def __init__(self, host: ReadingHost) -> None:
        self.host = host
        self.language_menu: QMenu | None = None
        self.encoding_menu: QMenu | None = None

    def add_view_menus(self, view_menu: QMenu) -> None:
        """Put Document Language and Reopen with Encoding first in the View menu, and check
        Show Page Furniture as the settings remember it."""
        furniture = self.host.actions_by_name["show_furniture"]
        furniture.setChecked(settings.load_preferences().show_furniture)  # not triggered
        self.host.comparison_view.texts_laid_out.connect(self._follow_result)
        first = view_menu.actions()[0]
        self.language_menu = view_menu.addMenu("Document &Language")
        self.encoding_menu = view_menu.addMenu("Reopen with &Encoding")
        view_menu.insertMenu(first, self.language_menu)
        view_menu.insertMenu(first, self.encoding_menu)
        view_menu.insertSeparator(first)
        view_menu.aboutToShow.connect(self.fill_view_menus)
        self.fill_view_menus()

    # Language ---------------------------------------------------------------------------

    def set_language(self, index: int, language: str) -> None:
        """Read document ``index`` in ``language`` ("" for the detected one)."""
        documents = list(self.host.documents)
        if documents[index].language_override == language:
            return
        documents[index] = replace(documents[index], language_override=language)
        self.host.jobs.start_job(list(documents), self.host.base)

    def fill_language_menu(self, menu: QMenu, index: int) -> None:
        """Detected (…), then each language the app reads; the one in use is checked."""
        document = self.host.documents[index]
        group = QActionGroup(menu)
        detected = language_name(document.detected_language) or "not sure (English rules)"
        choices = [("", f"Detected: {detected}"), *LANGUAGE_NAMES.items()]
        for code, text in choices:
            action = QAction(text, menu, checkable=True)
            action.setChecked(document.language_override == code)
            action.triggered.connect(lambda _c=False, c=code: self.set_language(index, c))
            group.addAction(action)
            menu.addAction(action)
            if not code:
                menu.addSeparator()

    # Encoding ---------------------------------------------------------------------------

    def reopen_with_encoding(self, index: int, encoding: str) -> None:
        """Read document ``index``'s file again as ``encoding`` (it stays as it was, with
        the reason in the message bar, when the file cannot be read so)."""
        documents: list[Document | PendingSource] = list(self.host.documents)
        document = self.host.documents[index]
        documents[index] = PendingSource.again(document, encoding)
        self.host.jobs.start_job(list(documents), self.host.base)

    def fill_encoding_menu(self, menu: QMenu, index: int) -> None:
        """The encodings that read document ``index``'s file, the one in use checked and
        the one the decoder assumes said so."""
        from compareapp.core.documents.loading import LoadError, file_encoding_choices

        document = self.host.documents[index]
        try:
            choices = file_encoding_choices(document.path)
        except LoadError as error:
            menu.addAction(f"Cannot read the file: {error.reason}").setEnabled(False)
            return
        group = QActionGroup(menu)
        for choice in choices:
            text = f"{choice.label} (detected)" if choice.detected else choice.label
            action = QAction(text, menu, checkable=True)
            action.setChecked(choice.encoding == document.encoding.removesuffix("-sig"))
            action.triggered.connect(
                lambda _c=False, e=choice.encoding: self.reopen_with_encoding(index, e)
            )
            group.addAction(action)
            menu.addAction(action)

    # Page furniture ---------------------------------------------------------------------

    def show_furniture(self, shown: bool) -> None:
        """View > Show Page Furniture: read furniture as the story (``shown``) or set it
        aside in the comparison shown, and remember the choice."""
        settings.set_show_furniture(shown)
        self._apply_furniture(shown)
        what = "counted as the story" if shown else "set aside (dimmed, no facts listed)"
        self.host.statusBar().showMessage(f"Page furniture {what}", 5000)

    def _apply_furniture(self, shown: bool) -> None:
        """Dim or undim the furniture in the panes and the redline, and show the stops,
        counts and discrepancy rows that follow, from the comparison already made."""
        view = self.host.comparison_view
        result = view.result
        if result is None:
            return
        model = result.model
        model.show_furniture(shown)
        for index, text_document in enumerate(result.text_documents):
            set_furniture_dimmed(text_document, model.furniture.paragraphs(index), not shown)
        for index, pane in enumerate(view.panes):
            pane.strip.set_marks(model.paragraph_marks(index))
        if self.host.redline.view is not None:
            self.host.redline.view.dim_furniture()
        self.host.discrepancies.show_rows()
        self.host._update_navigation()

    def _follow_result(self) -> None:
        """A result computed while the toggle changed follows it."""
        result = self.host.comparison_view.result
        shown = self.host.actions_by_name["show_furniture"].isChecked()
        if result is not None and result.model.furniture_shown != shown:
            self._apply_furniture(shown)

    # Menus ------------------------------------------------------------------------------

    def fill_view_menus(self) -> None:
        """View > Document Language and View > Reopen with Encoding: a submenu for each
        document (only those whose encoding can be chosen in the second)."""
        language_menu, encoding_menu = self.language_menu, self.encoding_menu
        if language_menu is None or encoding_menu is None:
            return
        language_menu.clear()
        encoding_menu.clear()
        for index, document in enumerate(self.host.documents):
            name = document.name.replace("&", "&&")
            sub = language_menu.addMenu(name)
            sub.aboutToShow.connect(lambda s=sub, i=index: _refill(s, self.fill_language_menu, i))
            if can_reopen(document):
                sub = encoding_menu.addMenu(name)
                sub.aboutToShow.connect(
                    lambda s=sub, i=index: _refill(s, self.fill_encoding_menu, i)
                )
        language_menu.setEnabled(bool(self.host.documents))
        encoding_menu.setEnabled(any(can_reopen(d) for d in self.host.documents))

    def extend_pane_menu(self, menu: QMenu, index: int) -> None:
        """A pane's context menu: Language and (a text file's) Reopen with Encoding."""
        menu.addSeparator()
        self.fill_language_menu(menu.addMenu("Language"), index)
        if can_reopen(self.host.documents[index]):
            sub = menu.addMenu("Reopen with Encoding")
            sub.aboutToShow.connect(lambda: _refill(sub, self.fill_encoding_menu, index))


def _refill(menu: QMenu, fill: Callable[[QMenu, int], None], index: int) -> None:
    menu.clear()
    fill(menu, index)
