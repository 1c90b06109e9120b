"""The window's commands that bring documents in and out of the comparison: open, add,
paste, replace, reload, close, choose the base; and, when a job brings a new version of a
source, re-anchoring that source's review marks.

A pasted document has no file (:attr:`Document.has_file`): it is never watched, reloaded
or remembered as a recent file, and the session keeps its text, so adding one is an
unsaved change of the session."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from compareapp.core.review.marks import describe_outcomes
from compareapp.core.review.session import SESSION_SUFFIX, SessionSource
from compareapp.ui import settings
from compareapp.ui.comparison_job import PastedSource, PendingSource

if TYPE_CHECKING:
    from compareapp.core.documents.document import Document
    from compareapp.ui.comparison_job import Source
    from compareapp.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

FILE_FILTER = "Text files (*.txt *.text *.md);;Sessions (*.compareapp);;All files (*)"
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|]')


class DocumentCommands(_Base):
    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, "Open documents to compare", "", FILE_FILTER
        )
        if paths:
            self.open_paths(paths)

    def open_sample(self) -> None:
        from compareapp.resources import sample_paths

        if not self.maybe_save():
            return
        # A comparison (and session) of its own; the shown one stays until it is ready.
        self.session_path, self.missing_sources = None, []
        self.review.replace_all([])
        self.start_job([*sample_paths()], 0)

    def open_paths(self, paths: Sequence[str], remember: bool = True) -> None:
        """Add the files at ``paths`` to the comparison; a session file opens as a session."""
        sessions = [path for path in paths if str(path).endswith(SESSION_SUFFIX)]
        files = [path for path in paths if path not in sessions]
        if remember and files:  # written to disk once the first frame is on screen
            self.after_first_paint(lambda: settings.remember_files(list(files)))
        if sessions:
            self.open_session_file(sessions[0])
        elif files:
            self.start_job([*self.documents, *files], self.base)

    def paste_document(self) -> None:
        """File > New from Clipboard: what the clipboard holds joins the comparison as a
        new document, named after the time."""
        from compareapp.core.documents.pasted import PasteError, check_clipboard  # the readers

        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else None
        html = mime.html() if mime is not None and mime.hasHtml() else None
        try:
            check_clipboard(text, html)
        except PasteError as error:
            self.message_bar.show_errors([str(error)])
            return
        taken = {d.name for d in self.documents} | {s.name for s in self.known_sources.values()}
        pasted = PastedSource(text, html, datetime.now().astimezone(), frozenset(taken))
        self.start_job([*self.documents, pasted], self.base)

    def replace_document(self, index: int, paths: list[str]) -> None:
        """Put the first of ``paths`` in place of document ``index`` as a new version of
        that source (its marks are re-anchored in it); add the others."""
        sources: list[Source] = list(self.documents)
        current = self.documents[index]
        sources[index : index + 1] = [PendingSource(paths[0], current.source_id, current)]
        self.start_job([*sources, *paths[1:]], self.base)

    def reload_sources(self) -> None:
        """Read every source again from disk (re-anchoring the marks of changed ones);
        pasted documents have no file and stay as they are."""
        if not any(document.has_file for document in self.documents):
            if self.documents:
                self.statusBar().showMessage("No document here has a file to reload", 5000)
            return
        sources: list[Source] = [
            PendingSource(d.path, d.source_id, d) if d.has_file else d for d in self.documents
        ]
        self.start_job(sources, self.base)

    def close_document(self, index: int) -> None:
        document = self.documents[index]
        marks = [mark.id for mark in self.review.marks.for_source(document.source_id)]
        losses = []
        if not document.has_file:
            losses.append("Its text was pasted: it is in no file, only in this session.")
        if marks:
            losses.append(
                f"Its {len(marks)} review mark(s) will be deleted (Edit > Undo brings them back)."
            )
        if losses and not self.confirm(f"Close {document.name}?", "\n".join(losses)):
            return
        self.review.delete(marks)
        remaining = [d for position, d in enumerate(self.documents) if position != index]
        base = self.base - 1 if index < self.base else (0 if index == self.base else self.base)
        self.start_job(list(remaining), base)

    def confirm(self, question: str, detail: str) -> bool:
        answer = QMessageBox.question(self, question, f"{question}\n\n{detail}")
        return answer == QMessageBox.StandardButton.Yes

    def set_base(self, index: int) -> None:
        self.start_job(list(self.documents), index)

    def _recompare(self) -> None:
        if len(self.documents) >= 2:
            self.start_job(list(self.documents), self.base)

    def receive_files(self, paths: list[str]) -> None:
        """Files dropped on the window (not on a pane) join the comparison."""
        self.open_paths(paths)

    def suggested_path(self, suffix: str) -> str:
        """Where to offer to save something of this comparison (a session, a PDF): beside
        the session file; else beside the first document that is a file (in the home
        folder when that folder cannot be written); else in the home folder, named after
        the first (pasted) document."""
        if self.session_path:
            return str(Path(self.session_path).with_suffix(suffix))
        files = [Path(document.path) for document in self.documents if document.has_file]
        if files:
            folder = files[0].parent if os.access(files[0].parent, os.W_OK) else Path.home()
            return str(folder / files[0].with_suffix(suffix).name)
        name = self.documents[0].name if self.documents else "comparison"
        return str(Path.home() / f"{_NOT_IN_FILE_NAMES.sub('-', name)}{suffix}")

    def _sources_changed_on_disk(self, paths: list[str]) -> None:
        names = [d.name for d in self.documents if d.has_file and d.path in paths]
        if names:
            self.offer_bar.offer(
                f"{', '.join(names)} changed on disk.", [("Reload", self.reload_sources)]
            )

    def _follow_new_versions(self, documents: list[Document]) -> None:
        """Re-anchor the marks of each source whose text changed, and say how it went; a
        newly pasted document is an unsaved change of the session."""
        pasted = [d for d in documents if not d.has_file and d.source_id not in self.known_sources]
        reports = []
        for document in documents:
            self.known_sources[document.source_id] = SessionSource.of(document)
            anchored = self.anchored_hashes.get(document.source_id, document.sha256)
            if anchored != document.sha256:
                outcomes = self.review.reanchor_source(document.source_id, document.text)
                if outcomes:
                    reports.append(
                        f"{document.name} changed; its marks: {describe_outcomes(outcomes)}"
                    )
            self.anchored_hashes[document.source_id] = document.sha256
        self.source_watcher.watch(document.path for document in documents if document.has_file)
        loaded = {document.source_id for document in documents}
        self.missing_sources = [i for i in self.missing_sources if i not in loaded]
        self.review_panel.set_sources({i: s.name for i, s in self.known_sources.items()})
        if reports:
            self.offer_bar.offer("\n".join(reports), [])
        if pasted:
            self.review.mark_changed()
            self.autosave.changed()
