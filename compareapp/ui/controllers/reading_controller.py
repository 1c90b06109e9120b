"""How each document is read: its language (View > Document Language, or a pane's context
menu > Language) and, for a plain-text or Markdown file, its encoding (View > Reopen with
Encoding). Either choice recomputes the comparison; a new encoding reads the file again,
and its review marks follow the new text (they keep their source id and are re-anchored,
see ``SessionController.follow_new_versions``). Both choices are kept in the session."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QActionGroup

from compareapp.core.text.language import LANGUAGE_NAMES, language_name
from compareapp.ui.controllers.comparison_job import PendingSource

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMenu

    from compareapp.core.documents.document import Document
    from compareapp.ui.controllers.job_controller import JobController
    from compareapp.ui.message_bar import MessageBar

REOPENABLE_FORMATS = frozenset({"Plain text", "Markdown"})
"""Formats whose file is the text, so that its encoding can be chosen."""


class ReadingHost(Protocol):
    documents: list[Document]
    base: int
    jobs: JobController
    message_bar: MessageBar


def can_reopen(document: Document) -> bool:
    return document.has_file and document.format in REOPENABLE_FORMATS


class ReadingController:
    def __init__(self, host: ReadingHost) -> None:
        self.host = host
        self.language_menu: QMenu | None = None
        self.encoding_menu: QMenu | None = None

    def add_view_menus(self, view_menu: QMenu) -> None:
        """Put Document Language and Reopen with Encoding first in the View menu."""
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
