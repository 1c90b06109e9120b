"""The window's session commands: save, save as, open, asking before unsaved marks are
dropped, locating missing sources and recovering what a crashed run left; and the
session's record of its sources, which follows each new version a job brings (its review
marks re-anchored in it)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox

from compareapp.core.review.marks import describe_outcomes
from compareapp.core.review.session import SESSION_SUFFIX, Session, SessionError, SessionSource
from compareapp.core.review.session_file import load_session, save_session
from compareapp.core.review.session_sources import find_sources, source_version, text_version
from compareapp.ui import windows
from compareapp.ui.autosave import Recovery, find_recoveries
from compareapp.ui.controllers.comparison_job import PendingSource

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStatusBar, QWidget

    from compareapp.core.documents.document import Document
    from compareapp.ui.autosave import Autosave
    from compareapp.ui.controllers.job_controller import JobController
    from compareapp.ui.controllers.review_controller import ReviewController
    from compareapp.ui.docks.review_panel import ReviewPanel
    from compareapp.ui.message_bar import MessageBar
    from compareapp.ui.source_watcher import SourceWatcher

SESSION_FILTER = f"compareapp sessions (*{SESSION_SUFFIX});;All files (*)"
Choice = QMessageBox.StandardButton
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|]')


class SessionHost(Protocol):
    """What the session commands use of the window."""

    documents: list[Document]
    base: int
    review: ReviewController
    jobs: JobController
    autosave: Autosave
    source_watcher: SourceWatcher
    review_panel: ReviewPanel
    message_bar: MessageBar
    offer_bar: MessageBar
    actions_by_name: dict[str, QAction]

    def window(self) -> QWidget: ...
    def statusBar(self) -> QStatusBar: ...
    def update_title(self) -> None: ...


class SessionController:
    def __init__(self, host: SessionHost) -> None:
        self.host = host
        self.session_path: str | None = None
        self.known_sources: dict[str, SessionSource] = {}
        """Every source this session has had, by id (closed and missing ones too)."""
        self.missing_sources: list[str] = []
        """Sources of the opened session that were not found."""
        self.missing_base: str | None = None
        """The session's base, while it is one of the missing sources."""
        self.anchored_hashes: dict[str, str] = {}
        """The version of the text each source's marks are anchored in (its SHA-256 and
        encoding: :func:`~compareapp.core.review.session_sources.text_version`)."""
        self.opening: tuple[object, frozenset[str], str] = (None, frozenset(), "")
        """The job opening a session, the sources it loads and the base's id: until the job
        is done no document shows them, yet they belong to the session."""
        self.starting_afresh = False
        """A comparison of its own is being opened (the sample): not a change of the one shown."""

    # Saving -----------------------------------------------------------------------------

    def session_snapshot(self) -> Session:
        """The comparison and its marks as they are now."""
        host = self.host
        sources = [SessionSource.of(document) for document in host.documents]
        shown = {source.id for source in sources}
        wanted = {mark.source for mark in host.review} | set(self.missing_sources)
        job, loading, base_id = self.opening
        opening = job is not None and job is host.jobs.task and not host.documents
        if opening:
            wanted |= loading
        sources += [s for i, s in self.known_sources.items() if i in wanted and i not in shown]
        base = host.base if host.documents else 0
        if opening:
            base = next((k for k, source in enumerate(sources) if source.id == base_id), 0)
        return Session(
            sources=tuple(sources),
            marks=tuple(host.review),
            base=base,
            typographic=host.actions_by_name["show_typographic"].isChecked(),
        )

    def unsaved_snapshot(self) -> Session | None:
        return self.session_snapshot() if self.host.review.is_modified() else None

    def save(self) -> bool:
        return self.save_to(self.session_path) if self.session_path else self.save_as()

    def save_as(self) -> bool:
        path = self.ask_save_path()
        if not path:
            return False
        if not path.endswith(SESSION_SUFFIX):
            path += SESSION_SUFFIX
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        try:
            save_session(path, self.session_snapshot())
        except OSError as error:
            self.host.message_bar.show_errors([f"Cannot save {path}: {error.strerror or error}"])
            return False
        self.session_path = path
        self.host.review.mark_saved()
        self.host.autosave.discard()
        self.host.statusBar().showMessage(f"Saved {path}", 5000)
        self.host.update_title()
        return True

    def ask_save_path(self) -> str:
        suggested = self.session_path or (
            self.suggested_path(SESSION_SUFFIX) if self.host.documents else ""
        )
        path, _filter = QFileDialog.getSaveFileName(
            self.host.window(), "Save session", suggested, SESSION_FILTER
        )
        return path

    def suggested_path(self, suffix: str) -> str:
        """Where to offer to save something of this comparison (a session, a PDF): beside
        the session file; else beside the first document that is a file (in the home
        folder when that folder cannot be written); else in the home folder, named after
        the first (pasted) document."""
        if self.session_path:
            return str(Path(self.session_path).with_suffix(suffix))
        documents = self.host.documents
        files = [Path(document.path) for document in documents if document.has_file]
        if files:
            folder = files[0].parent if os.access(files[0].parent, os.W_OK) else Path.home()
            return str(folder / files[0].with_suffix(suffix).name)
        name = documents[0].name if documents else "comparison"
        return str(Path.home() / f"{_NOT_IN_FILE_NAMES.sub('-', name)}{suffix}")

    def maybe_save(self) -> bool:
        """Before unsaved marks would be dropped: save, discard or cancel (False)."""
        if not self.host.review.is_modified():
            return True
        choice = self.ask_save_changes()
        if choice == Choice.Save:
            return self.save()
        if choice == Choice.Discard:
            self.host.autosave.discard()
            return True
        return False

    def ask_save_changes(self) -> Choice:
        return QMessageBox.question(
            self.host.window(),
            "Unsaved changes",
            "This session has changes that are not saved (review marks, documents compared "
            "or the base). Save them first?",
            Choice.Save | Choice.Discard | Choice.Cancel,
            Choice.Save,
        )

    # Opening ----------------------------------------------------------------------------

    def start_afresh(self) -> None:
        """A comparison of its own (the sample): no session file, no missing sources and
        no marks."""
        self.session_path, self.missing_sources = None, []
        self.starting_afresh = True
        self.host.review.replace_all([])

    def open_session(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.host.window(), "Open session", "", SESSION_FILTER
        )
        if path:
            self.open_session_file(path)

    def open_session_file(self, path: str) -> None:
        """Open the session at ``path``; a damaged or newer file is reported, not used."""
        shown = windows.window_with_session(path)
        if shown is not None:  # two windows on one file: the last to save would win
            windows.bring_to_front(shown)
            if shown is not self.host.window():
                shown.statusBar().showMessage(f"{Path(path).name} is open in this window", 5000)
            return
        try:
            session = load_session(path)
        except SessionError as error:
            self.host.message_bar.show_errors([f"Cannot open session {error.path}: {error.reason}"])
            return
        if self.maybe_save():
            self.adopt_session(session, path)

    def adopt_session(self, session: Session, path: str | None, modified: bool = False) -> None:
        """Show ``session``: load its sources (their marks re-anchor if they changed)."""
        host = self.host
        self.session_path = path
        self.known_sources = {source.id: source for source in session.sources}
        self.anchored_hashes = {source.id: source_version(source) for source in session.sources}
        found = find_sources(session)
        self.missing_sources = [source.id for source in found.missing]
        host.review.replace_all(session.marks, modified=modified)
        host.actions_by_name["show_typographic"].setChecked(session.typographic)
        self.missing_base = found.base_id if found.base_missing else None
        host.documents = []
        host.jobs.start_job(list(found.present), found.base)
        self.opening = (
            host.jobs.task,
            frozenset(source.id for source in found.present),
            found.base_id,
        )
        host.update_title()

    def offer_missing_sources(self) -> None:
        """Say which sources of the session are missing, with a button to locate one."""
        if not self.missing_sources:
            return
        missing = [self.known_sources[i] for i in self.missing_sources]
        names = ", ".join(f"{s.name} ({s.path})" for s in missing)
        self.host.offer_bar.offer(
            f"Not found: {names}. Their review marks are kept.",
            [(f"Locate {missing[0].name}…", lambda: self.locate_source(missing[0].id))],
        )

    def locate_source(self, source_id: str) -> None:
        source = self.known_sources[source_id]
        path, _filter = QFileDialog.getOpenFileName(
            self.host.window(), f"Locate {source.name}", "", ""
        )
        if not path:
            return
        documents = self.host.documents
        self.missing_sources.remove(source_id)
        base_id = self.missing_base or (documents[self.host.base].source_id if documents else "")
        if source_id == self.missing_base:
            self.missing_base = None
        order = list(self.known_sources)  # the session's order, then sources added since
        chosen = source.encoding if source.encoding_chosen else None
        located = PendingSource(path, source_id, None, chosen, source.language)
        sources: list[Document | PendingSource] = [*documents, located]
        sources.sort(key=lambda s: order.index(s.source_id) if s.source_id in order else len(order))
        base = next((i for i, s in enumerate(sources) if s.source_id == base_id), 0)
        self.host.jobs.start_job(list(sources), base)

    # The sources ------------------------------------------------------------------------

    def follow_new_versions(self, documents: list[Document]) -> None:
        """Re-anchor the marks of each source whose text changed in ``documents`` (what a
        job brought), and say how it went; a newly pasted document is an unsaved change of
        the session."""
        host = self.host
        pasted = [d for d in documents if not d.has_file and d.source_id not in self.known_sources]
        reports = []
        for document in documents:
            self.known_sources[document.source_id] = SessionSource.of(document)
            version = text_version(document)
            anchored = self.anchored_hashes.get(document.source_id, version)
            if anchored != version:
                outcomes = host.review.reanchor_source(document.source_id, document.text)
                if outcomes:
                    reports.append(
                        f"{document.name} changed; its marks: {describe_outcomes(outcomes)}"
                    )
            self.anchored_hashes[document.source_id] = version
        host.source_watcher.watch(document.path for document in documents if document.has_file)
        loaded = {document.source_id for document in documents}
        self.missing_sources = [i for i in self.missing_sources if i not in loaded]
        host.review_panel.set_sources({i: s.name for i, s in self.known_sources.items()})
        if reports:
            host.offer_bar.offer("\n".join(reports), [])
        if pasted:
            host.review.mark_changed()
            host.autosave.changed()

    def follow_composition(
        self, before: tuple[list[Document], int], after: tuple[list[Document], int]
    ) -> None:
        """A job changed which documents are compared (added, closed, replaced) or the base:
        an unsaved change of the session. Opening a session or a comparison of its own in an
        empty window changes nothing saved."""
        afresh, self.starting_afresh = self.starting_afresh, False
        if afresh or not before[0]:
            return
        if _composition(*before) != _composition(*after):
            self.host.review.mark_changed()
            self.host.autosave.changed()

    # Recovery ---------------------------------------------------------------------------

    def offer_recovery(self) -> Recovery | None:
        """Offer the newest work a crashed run left, if any. A copy whose session file was
        saved after it was written (a crash came between the save and the removal of the
        copy) holds nothing that file lacks: it is removed, never offered over the file."""
        recoveries = []
        for recovery in find_recoveries():
            if _saved_since(recovery):
                recovery.discard()
            else:
                recoveries.append(recovery)
        if not recoveries:
            return None
        recovery = recoveries[0]
        when = recovery.written_at.strftime("%Y-%m-%d %H:%M")
        self.host.offer_bar.offer(
            f"compareapp did not close properly. Unsaved review work from {when} can be recovered.",
            [("Recover", lambda: self.recover(recovery)), ("Discard", recovery.discard)],
        )
        return recovery

    def recover(self, recovery: Recovery) -> None:
        if not self.maybe_save():  # work done since the offer appeared
            return
        try:
            session = load_session(recovery.path)
        except SessionError as error:
            self.host.message_bar.show_errors([f"Cannot recover {error.path}: {error.reason}"])
            return
        self.adopt_session(session, recovery.session_path, modified=True)
        # The crashed run's copy goes once this window's own copy holds the work: a crash
        # in between finds it in one or the other.
        try:
            copied = self.host.autosave.save_now()
        except OSError:
            copied = False
        if copied:
            recovery.discard()
        self.host.autosave.changed()


def _composition(documents: list[Document], base: int) -> tuple[object, ...]:
    """What a session records of its documents: each source and version, and the base."""
    sources = tuple(
        (d.source_id, d.path, text_version(d), d.encoding_chosen, d.language_override)
        for d in documents
    )
    return sources, sources[base][0] if 0 <= base < len(sources) else None


def _saved_since(recovery: Recovery) -> bool:
    """Was the session file of ``recovery`` saved after the copy was written?"""
    if not recovery.session_path:
        return False
    try:
        saved_at = load_session(recovery.session_path).saved_at
    except SessionError:
        return False
    try:
        return saved_at > recovery.written_at
    except TypeError:  # a copy's time without a time zone: not comparable, keep it
        return False
