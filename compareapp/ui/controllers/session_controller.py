"""The window's session commands: save, save as, open, asking before unsaved marks are
dropped, locating missing sources and recovering what a crashed run left."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from compareapp.core.documents.document import Document
from compareapp.core.review.session import SESSION_SUFFIX, Session, SessionError, SessionSource
from compareapp.core.review.session_file import load_session, save_session
from compareapp.core.review.session_sources import embedded_document
from compareapp.ui.autosave import Recovery, find_recoveries
from compareapp.ui.comparison_job import PendingSource

if TYPE_CHECKING:
    from compareapp.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

SESSION_FILTER = f"compareapp sessions (*{SESSION_SUFFIX});;All files (*)"
Choice = QMessageBox.StandardButton


class SessionCommands(_Base):
    opening: tuple[object, frozenset[str], str] = (None, frozenset(), "")
    """The job opening a session, the sources it loads and the base's id: until the job is
    done no document shows them, yet they belong to the session."""

    # Saving -----------------------------------------------------------------------------

    def session_snapshot(self) -> Session:
        """The comparison and its marks as they are now."""
        sources = [SessionSource.of(document) for document in self.documents]
        shown = {source.id for source in sources}
        wanted = {mark.source for mark in self.review} | set(self.missing_sources)
        job, loading, base_id = self.opening
        opening = job is not None and job is self.task and not self.documents
        if opening:
            wanted |= loading
        sources += [s for i, s in self.known_sources.items() if i in wanted and i not in shown]
        base = self.base if self.documents else 0
        if opening:
            base = next((k for k, source in enumerate(sources) if source.id == base_id), 0)
        return Session(
            sources=tuple(sources),
            marks=tuple(self.review),
            base=base,
            typographic=self.actions_by_name["show_typographic"].isChecked(),
        )

    def unsaved_snapshot(self) -> Session | None:
        return self.session_snapshot() if self.review.is_modified() else None

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
            self.message_bar.show_errors([f"Cannot save {path}: {error.strerror or error}"])
            return False
        self.session_path = path
        self.review.mark_saved()
        self.autosave.discard()
        self.statusBar().showMessage(f"Saved {path}", 5000)
        self.update_title()
        return True

    def ask_save_path(self) -> str:
        suggested = self.session_path or (
            self.suggested_path(SESSION_SUFFIX) if self.documents else ""
        )
        path, _filter = QFileDialog.getSaveFileName(self, "Save session", suggested, SESSION_FILTER)
        return path

    def maybe_save(self) -> bool:
        """Before unsaved marks would be dropped: save, discard or cancel (False)."""
        if not self.review.is_modified():
            return True
        choice = self.ask_save_changes()
        if choice == Choice.Save:
            return self.save()
        if choice == Choice.Discard:
            self.autosave.discard()
            return True
        return False

    def ask_save_changes(self) -> Choice:
        return QMessageBox.question(
            self,
            "Unsaved review marks",
            "The review marks (or pasted documents) have changes that are not saved. "
            "Save them first?",
            Choice.Save | Choice.Discard | Choice.Cancel,
            Choice.Save,
        )

    # Opening ----------------------------------------------------------------------------

    def open_session(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, "Open session", "", SESSION_FILTER)
        if path:
            self.open_session_file(path)

    def open_session_file(self, path: str) -> None:
        """Open the session at ``path``; a damaged or newer file is reported, not used."""
        try:
            session = load_session(path)
        except SessionError as error:
            self.message_bar.show_errors([f"Cannot open session {error.path}: {error.reason}"])
            return
        if self.maybe_save():
            self.adopt_session(session, path)

    def adopt_session(self, session: Session, path: str | None, modified: bool = False) -> None:
        """Show ``session``: load its sources (their marks re-anchor if they changed)."""
        self.session_path = path
        self.known_sources = {source.id: source for source in session.sources}
        self.anchored_hashes = {source.id: source.sha256 for source in session.sources}
        present = [
            source
            for source in session.sources
            if source.embedded is not None or Path(source.path).is_file()
        ]
        self.missing_sources = [s.id for s in session.sources if s not in present]
        self.review.replace_all(session.marks, modified=modified)
        self.actions_by_name["show_typographic"].setChecked(session.typographic)
        base_id = session.sources[session.base].id if session.sources else ""
        base = next((i for i, source in enumerate(present) if source.id == base_id), 0)
        self.missing_base = base_id if base_id in self.missing_sources else None
        self.documents = []
        self.start_job(
            [
                PendingSource(s.path, s.id) if s.embedded is None else embedded_document(s)
                for s in present
            ],
            base,
        )
        self.opening = (self.task, frozenset(source.id for source in present), base_id)
        self.update_title()

    def offer_missing_sources(self) -> None:
        """Say which sources of the session are missing, with a button to locate one."""
        if not self.missing_sources:
            return
        missing = [self.known_sources[i] for i in self.missing_sources]
        names = ", ".join(f"{s.name} ({s.path})" for s in missing)
        self.offer_bar.offer(
            f"Not found: {names}. Their review marks are kept.",
            [(f"Locate {missing[0].name}…", lambda: self.locate_source(missing[0].id))],
        )

    def locate_source(self, source_id: str) -> None:
        source = self.known_sources[source_id]
        path, _filter = QFileDialog.getOpenFileName(self, f"Locate {source.name}", "", "")
        if not path:
            return
        self.missing_sources.remove(source_id)
        base_id = self.missing_base or (
            self.documents[self.base].source_id if self.documents else ""
        )
        if source_id == self.missing_base:
            self.missing_base = None
        order = list(self.known_sources)  # the session's order, then sources added since
        sources: list[Document | PendingSource] = [*self.documents, PendingSource(path, source_id)]
        sources.sort(key=lambda s: order.index(s.source_id) if s.source_id in order else len(order))
        base = next((i for i, s in enumerate(sources) if s.source_id == base_id), 0)
        self.start_job(list(sources), base)

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
        self.offer_bar.offer(
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
            self.message_bar.show_errors([f"Cannot recover {error.path}: {error.reason}"])
            return
        self.adopt_session(session, recovery.session_path, modified=True)
        # The crashed run's copy goes once this window's own copy holds the work: a crash
        # in between finds it in one or the other.
        try:
            copied = self.autosave.save_now()
        except OSError:
            copied = False
        if copied:
            recovery.discard()
        self.autosave.changed()


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
