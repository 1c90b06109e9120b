"""The window's commands that bring documents in and out of the comparison: open, add,
paste, replace, reload, close, choose the base. (When a job brings a new version of a
source, the session re-anchors its review marks: see ``SessionController``.)

A pasted document has no file (:attr:`Document.has_file`): it is never watched, reloaded
or remembered as a recent file, and the session keeps its text, so adding one is an
unsaved change of the session."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from compareapp.core.review.session import SESSION_SUFFIX
from compareapp.ui import settings
from compareapp.ui.controllers.comparison_job import PastedSource, PendingSource

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from compareapp.core.documents.document import Document
    from compareapp.ui.controllers.comparison_job import Source
    from compareapp.ui.controllers.job_controller import JobController
    from compareapp.ui.controllers.review_controller import ReviewController
    from compareapp.ui.controllers.session_controller import SessionController
    from compareapp.ui.first_paint import FirstPaintWait
    from compareapp.ui.message_bar import MessageBar

READABLE = (
    "*.txt *.text *.md *.markdown *.html *.htm *.xhtml *.mht *.mhtml *.docx *.pdf *.compareapp"
)
FILE_FILTER = (
    f"Documents and sessions ({READABLE});;Text and Markdown (*.txt *.text *.md *.markdown);;"
    "Web pages (*.html *.htm *.xhtml *.mht *.mhtml);;Word documents (*.docx);;PDF (*.pdf);;"
    "Sessions (*.compareapp);;All files (*)"
)
"""The first (the default) shows every format the app reads."""


class DocumentHost(Protocol):
    """What the document commands use of the window."""

    documents: list[Document]
    base: int
    review: ReviewController
    sessions: SessionController
    jobs: JobController
    first_paint: FirstPaintWait
    message_bar: MessageBar
    offer_bar: MessageBar

    def window(self) -> QWidget: ...
    def statusBar(self) -> QStatusBar: ...


class DocumentController:
    def __init__(self, host: DocumentHost) -> None:
        self.host = host

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self.host.window(), "Open documents to compare", "", FILE_FILTER
        )
        if paths:
            self.open_paths(paths)

    def open_sample(self) -> None:
        from compareapp.resources import sample_paths

        if not self.host.sessions.maybe_save():
            return
        # A comparison (and session) of its own; the shown one stays until it is ready.
        self.host.sessions.start_afresh()
        self.host.jobs.start_job([*sample_paths()], 0)

    def open_paths(self, paths: Sequence[str], remember: bool = True) -> None:
        """Add the files at ``paths`` to the comparison; a session file opens as a session."""
        sessions = [path for path in paths if str(path).endswith(SESSION_SUFFIX)]
        files = [path for path in paths if path not in sessions]
        if remember and files:  # written to disk once the first frame is on screen
            self.host.first_paint.after(lambda: settings.remember_files(list(files)))
        if sessions:
            self.host.sessions.open_session_file(sessions[0])
        elif files:
            self.host.jobs.start_job([*self.host.documents, *files], self.host.base)

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
            self.host.message_bar.show_errors([str(error)])
            return
        documents, known = self.host.documents, self.host.sessions.known_sources
        taken = {d.name for d in documents} | {s.name for s in known.values()}
        pasted = PastedSource(text, html, datetime.now().astimezone(), frozenset(taken))
        self.host.jobs.start_job([*documents, pasted], self.host.base)

    def replace_document(self, index: int, paths: list[str]) -> None:
        """Put the first of ``paths`` in place of document ``index`` as a new version of
        that source (its marks are re-anchored in it); add the others."""
        sources: list[Source] = list(self.host.documents)
        current = self.host.documents[index]
        sources[index : index + 1] = [PendingSource(paths[0], current.source_id, current)]
        self.host.jobs.start_job([*sources, *paths[1:]], self.host.base)

    def reload_sources(self) -> None:
        """Read every source again from disk (re-anchoring the marks of changed ones);
        pasted documents have no file and stay as they are."""
        documents = self.host.documents
        if not any(document.has_file for document in documents):
            if documents:
                self.host.statusBar().showMessage("No document here has a file to reload", 5000)
            return
        sources: list[Source] = [PendingSource.again(d) if d.has_file else d for d in documents]
        self.host.jobs.start_job(sources, self.host.base)

    def close_document(self, index: int) -> None:
        host = self.host
        document = host.documents[index]
        marks = [mark.id for mark in host.review.marks.for_source(document.source_id)]
        losses = []
        if not document.has_file:
            losses.append("Its text was pasted: it is in no file, only in this session.")
        if marks:
            losses.append(
                f"Its {len(marks)} review mark(s) will be deleted (Edit > Undo brings them back)."
            )
        if losses and not self.confirm(f"Close {document.name}?", "\n".join(losses)):
            return
        host.review.delete(marks)
        remaining = [d for position, d in enumerate(host.documents) if position != index]
        base = host.base - 1 if index < host.base else (0 if index == host.base else host.base)
        host.jobs.start_job(list(remaining), base)

    def confirm(self, question: str, detail: str) -> bool:
        answer = QMessageBox.question(self.host.window(), question, f"{question}\n\n{detail}")
        return answer == QMessageBox.StandardButton.Yes

    def set_base(self, index: int) -> None:
        self.host.jobs.start_job(list(self.host.documents), index)

    def recompare(self) -> None:
        if len(self.host.documents) >= 2:
            self.host.jobs.start_job(list(self.host.documents), self.host.base)

    def sources_changed_on_disk(self, paths: list[str]) -> None:
        documents = self.host.documents
        names = [d.name for d in documents if d.has_file and d.path in paths]
        if names:
            self.host.offer_bar.offer(
                f"{', '.join(names)} changed on disk.", [("Reload", self.reload_sources)]
            )
