"""One document in the comparison: a header saying what it is, its text, its overview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QMenu, QToolButton, QVBoxLayout, QWidget

from compareapp.core.text.language import language_name
from compareapp.ui.elided_label import ElidedLabel
from compareapp.ui.file_drops import FileDrops
from compareapp.ui.panes.overview_strip import OverviewStrip
from compareapp.ui.panes.text_view import DocumentTextView

if TYPE_CHECKING:
    from compareapp.core.documents.document import Document

TEXT_FORMATS = {"Plain text", "Markdown"}
"""Formats whose encoding is worth showing: the file is the text."""
TITLE_LIMIT = 80
PANE_MINIMUM_WIDTH = 320
"""A pane is never narrower than this: with more panes than fit, the panes scroll sideways."""


def info_line(document: Document) -> str:
    """The header's second line: what the file is, what it says about itself, its size
    and where it is; empty parts are left out."""
    title = document.title
    if len(title) > TITLE_LIMIT:
        title = title[: TITLE_LIMIT - 1].rstrip() + "…"
    parts = [
        document.format,
        encoding_text(document) if document.format in TEXT_FORMATS else "",
        language_text(document),
        f"“{title}”" if title else "",
        f"By {document.author}" if document.author else "",
        document.published,
        f"{document.word_count:,} words",
        document.path,
    ]
    return " · ".join(part for part in parts if part)


def encoding_text(document: Document) -> str:
    """The encoding, saying whether the user chose it or (a legacy code page, which the
    bytes alone cannot prove) the decoder assumed it."""
    encoding = document.encoding
    if document.encoding_chosen:
        return f"{encoding} (chosen)"
    legacy = encoding and not encoding.startswith("utf-")
    return f"{encoding} (assumed)" if legacy and document.format in TEXT_FORMATS else encoding


def language_text(document: Document) -> str:
    """The language the text is read in; "(chosen)" when the user chose it."""
    name = language_name(document.language)
    return f"{name} (chosen)" if name and document.language_override else name


def info_tooltip(document: Document) -> str:
    """Every provenance field in full, one per line."""
    encoding = encoding_text(document)
    if encoding.endswith("(assumed)"):
        encoding += ": View > Reopen with Encoding reads it in another"
    fields = [
        ("Path", document.path),
        ("Read as", document.format),
        ("Encoding", encoding),
        ("Language", language_text(document) or "not told (English rules)"),
        ("Title", document.title),
        ("Author", document.author),
        ("Published", document.published),
    ]
    return "\n".join(f"{label}: {value}" for label, value in fields if value)


class DocumentPane(QWidget):
    close_requested = Signal()
    base_requested = Signal()
    files_dropped = Signal(list)
    """Files dropped on this pane, to replace its document."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.file_drops = FileDrops(self, self.files_dropped.emit)
        self.name_label = ElidedLabel()
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.info_label = ElidedLabel()
        self.info_label.setEnabled(False)
        self.base_button = QToolButton()
        self.base_button.setText("Make base")
        self.base_button.setMinimumWidth(self.base_button.sizeHint().width())  # same either way
        self.base_button.setCheckable(True)
        self.base_button.setToolTip("Compare the other documents with this one")
        self.base_button.clicked.connect(self.base_requested)
        self.menu_button = QToolButton()
        self.menu_button.setText("⋯")
        self.menu_button.setToolTip("This document's commands: base, close, marks, language")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.menu_button)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.menu_button.setMenu(self.menu)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip("Close this document")
        self.close_button.clicked.connect(self.close_requested)
        self.view = DocumentTextView()
        self.strip = OverviewStrip(self.view, document.name)

        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.name_label)
        titles.addWidget(self.info_label)
        header = QHBoxLayout()
        header.addLayout(titles, 1)
        header.addWidget(self.base_button)
        header.addWidget(self.menu_button)
        header.addWidget(self.close_button)
        body = QHBoxLayout()
        body.setSpacing(0)
        body.addWidget(self.view, 1)
        body.addWidget(self.strip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        self.setMinimumWidth(PANE_MINIMUM_WIDTH)
        self._describe()

    def _describe(self) -> None:
        document = self.document
        self.name_label.setText(document.name)
        self.info_label.setText(info_line(document))
        self.info_label.set_extra_tooltip(info_tooltip(document))
        where = document.path if document.has_file else "Pasted: kept in the session file"
        self.name_label.set_extra_tooltip(f"{where}\nSHA-256 {document.sha256}")
        name = document.name
        self.setAccessibleDescription(info_line(document))
        self.view.setAccessibleName(f"Text of {name}")
        self.view.gutter.setAccessibleName(f"Review marks in {name}")
        self.menu_button.setAccessibleName(f"Commands for {name}")
        self.menu_button.setAccessibleDescription(
            "Make it the base, close it, mark the selected text, choose its language"
        )
        self.close_button.setAccessibleName(f"Close {name}")
        self.close_button.setAccessibleDescription("Compare without this document")
        self.set_base(False)

    def set_base(self, is_base: bool) -> None:
        self.base_button.setChecked(is_base)
        self.base_button.setText("Base" if is_base else "Make base")
        name = self.document.name
        role = "base document" if is_base else "document compared with the base"
        self.setAccessibleName(f"{name}, {role}")
        self.view.setAccessibleDescription(
            f"The {role}, read-only, in {language_text(self.document) or 'English'}. Moving "
            "the caret into a paragraph selects it and its linked paragraphs; the Menu key "
            "opens its commands"
        )
        self.base_button.setAccessibleName(
            f"{name} is the base" if is_base else f"Make {name} the base"
        )
        self.base_button.setAccessibleDescription("Compare the other documents with this one")

    def _fill_menu(self) -> None:
        """The ⋯ menu: the header's commands, then the context menu's for the caret's place."""
        menu = self.menu
        menu.clear()
        make_base = menu.addAction("Make &Base")
        make_base.setEnabled(self.base_button.isEnabled() and not self.base_button.isChecked())
        make_base.triggered.connect(self.base_requested)
        close = menu.addAction("&Close Document")
        close.setEnabled(self.close_button.isEnabled())
        close.triggered.connect(self.close_requested)
        if self.view.extend_context_menu is not None:
            self.view.extend_context_menu(menu, self.view.textCursor().position())
