"""The main window: start view or comparison, menus and toolbar, the review dock, and what
the background job brings.

The window owns its state (the documents compared, the base, the review marks) and its
widgets; its commands live in controllers by subject, each given only what it uses of the
window: documents (``files``), sessions (``sessions``), review marks (``marking``), the
discrepancy table (``discrepancies``), export (``exports``) and the background job
(``jobs``). The window shows what a job brings: its preview, its outcome.

A job that opens documents when no comparison is shown sends a preview first: the panes
show the start of the documents' text while the comparison is computed, with the progress
and Cancel in the status bar; the result replaces it, and cancelling (or a failure) goes
back to the start view.

This module imports what the first window needs and no more: the comparison's modules
(numpy, the readers, the discrepancy finder) load in the first job, and the PDF export
when it is first used. Work the first frame does not show waits for the window's first
paint (:mod:`compareapp.ui.first_paint`).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QToolBar, QVBoxLayout, QWidget

from compareapp.core.review.marks import MarkStatus
from compareapp.ui import settings, windows, zoom
from compareapp.ui.accessibility import name_window_parts
from compareapp.ui.actions import build_actions
from compareapp.ui.apply_preferences import apply_preferences
from compareapp.ui.autosave import Autosave
from compareapp.ui.busy_indicator import BusyIndicator
from compareapp.ui.controllers.discrepancy_controller import DiscrepancyController
from compareapp.ui.controllers.document_controller import DocumentController
from compareapp.ui.controllers.export_controller import ExportController
from compareapp.ui.controllers.find_controller import FindController
from compareapp.ui.controllers.job_controller import JobController
from compareapp.ui.controllers.marking_controller import MarkingController
from compareapp.ui.controllers.reading_controller import ReadingController
from compareapp.ui.controllers.redline_controller import RedlineController
from compareapp.ui.controllers.review_controller import ReviewController
from compareapp.ui.controllers.session_controller import SessionController
from compareapp.ui.docks.discrepancy_panel import NO_COMPARISON, DiscrepancyPanel
from compareapp.ui.docks.review_panel import ReviewPanel
from compareapp.ui.file_drops import FileDrops
from compareapp.ui.find_bar import FindBar
from compareapp.ui.first_paint import FirstPaintWait
from compareapp.ui.message_bar import OFFER_STYLE, MessageBar
from compareapp.ui.panes.comparison_view import ComparisonView
from compareapp.ui.source_watcher import SourceWatcher
from compareapp.ui.start_view import StartView
from compareapp.ui.window_geometry import place_window, save_geometry

if TYPE_CHECKING:
    from PySide6 import QtWidgets

    from compareapp.core.documents.document import Document
    from compareapp.ui.controllers.comparison_job import JobOutcome
    from compareapp.ui.panes.comparison_result import ComparisonPreview

APP_TITLE = "compareapp"
REVIEW_PANEL_WIDTH = 400
COMPARISON_ACTIONS = (
    "previous_difference", "next_difference", "previous_significant", "next_significant",
    "export_pdf", "export_redline_pdf", "mark_verified", "mark_disputed", "reload", "redline_view",
)  # fmt: skip
"""Actions that need a comparison on screen."""


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(APP_TITLE)
        self.file_drops = FileDrops(self, lambda paths: self.files.open_paths(paths))
        self.documents: list[Document] = []
        self.base = 0
        self._shown_once = False
        self._asked = False
        """Whether File > Quit asked about unsaved work already."""
        self.first_screen_at: float | None = None
        """``time.monotonic()`` when a job last put documents' text in the panes: its
        preview, or its result when it sent none (benchmarks time the first screen)."""
        self.review = ReviewController(self)
        self.jobs = JobController(self)
        self.files: DocumentController = DocumentController(self)
        self.sessions = SessionController(self)
        self.marking = MarkingController(self)
        self.reading = ReadingController(self)
        self.discrepancies = DiscrepancyController(self)
        self.exports = ExportController(self)
        self.autosave = Autosave(
            self.sessions.unsaved_snapshot, lambda: self.sessions.session_path, self
        )
        self.autosave.failed.connect(lambda message: self.message_bar.show_errors([message]))
        self.source_watcher = SourceWatcher(self)
        self.source_watcher.changed.connect(self.files.sources_changed_on_disk)
        self.first_paint = FirstPaintWait(self)

        self.start_view = StartView()
        self.comparison_view = ComparisonView()
        self.redline = RedlineController(self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_view)
        self.stack.addWidget(self.comparison_view)
        self.message_bar: MessageBar = MessageBar()
        self.offer_bar = MessageBar(style=OFFER_STYLE)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.offer_bar)
        layout.addWidget(self.stack, 1)
        self.find_bar = FindBar()
        self.find_bar.hide()
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.finder = FindController(self)

        toolbar = QToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        view, files, marking = self.comparison_view, self.files, self.marking
        self.actions_by_name, self.menus = build_actions(
            self,
            {
                "open": files.choose_files,
                "paste_document": files.paste_document,
                "open_sample": files.open_sample,
                "open_session": self.sessions.open_session,
                "save": self.sessions.save,
                "save_as": self.sessions.save_as,
                "reload": files.reload_sources,
                "export_pdf": lambda: self.exports.export_pdf(),
                "export_redline_pdf": lambda: self.exports.export_pdf("redline"),
                "quit": windows.quit_all,
                "preferences": self.edit_preferences,
                "previous_difference": lambda: view.go_to_difference(False, False),
                "next_difference": lambda: view.go_to_difference(True, False),
                "previous_significant": lambda: view.go_to_difference(False, True),
                "next_significant": lambda: view.go_to_difference(True, True),
                "linked_scrolling": view.set_linked_scrolling,
                "zoom_in": lambda: zoom.zoom_by(1),
                "zoom_out": lambda: zoom.zoom_by(-1),
                "zoom_reset": zoom.actual_size,
                "find": self.finder.open_bar,
                "find_next": lambda: self.finder.step(True),
                "find_previous": lambda: self.finder.step(False),
                "show_typographic": lambda _checked: files.recompare(),
                "show_furniture": self.reading.show_furniture,
                "redline_view": lambda checked: self.redline.set_shown(checked),
                "mark_verified": lambda: marking.mark_selection(MarkStatus.VERIFIED),
                "mark_disputed": lambda: marking.mark_selection(MarkStatus.DISPUTED),
                "with_counterparts": lambda _checked: None,
                "edit_note": marking.edit_note,
            },
            toolbar,
        )
        self._build_review()
        self._build_window_menu()
        windows.register(self)
        self.recent_menu = self.menus["&File"].addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.menus["&File"].insertMenu(self.actions_by_name["quit"], self.recent_menu)
        self.base_menu = self.menuBar().addMenu("&Comparison").addMenu("&Base Document")
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.busy = BusyIndicator(self.statusBar())
        self.busy.cancel_button.clicked.connect(self.jobs.cancel)
        name_window_parts(self, toolbar)
        apply_preferences(self)

        # On the start view (nothing to compare yet) the usual Paste key pastes a document.
        self.paste_on_start = QAction("New from Clipboard", self)
        self.paste_on_start.setObjectName("paste_on_start")
        self.paste_on_start.setShortcuts(QKeySequence.StandardKey.Paste)
        self.paste_on_start.triggered.connect(files.paste_document)
        self.addAction(self.paste_on_start)
        self.start_view.open_requested.connect(files.choose_files)
        self.start_view.sample_requested.connect(files.open_sample)
        self.comparison_view.pane_close_requested.connect(files.close_document)
        self.comparison_view.base_requested.connect(files.set_base)
        self.comparison_view.files_dropped_on_pane.connect(files.replace_document)
        self.comparison_view.message.connect(self.statusBar().showMessage)
        self.comparison_view.zoom_requested.connect(zoom.zoom_by)
        self._update_navigation()
        place_window(self)

    def _build_review(self) -> None:
        self.review_panel = ReviewPanel(self.review, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.review_panel)
        self.review_panel.mark_activated.connect(self.marking.jump_to_mark)
        self.discrepancy_panel = DiscrepancyPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.discrepancy_panel)
        self.tabifyDockWidget(self.review_panel, self.discrepancy_panel)
        self.discrepancy_panel.raise_()  # the view a fact-checker opens first
        self.discrepancy_panel.row_activated.connect(self.discrepancies.show_discrepancy)
        self.discrepancy_panel.mark_requested.connect(self.discrepancies.mark_discrepancies)
        self.discrepancy_panel.export_requested.connect(self.discrepancies.export_csv)
        edit = self.menus["&Edit"]
        undo = self.review.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.review.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        first = edit.actions()[0]
        edit.insertActions(first, [undo, redo])
        edit.insertSeparator(first)
        self.actions_by_name.update(undo=undo, redo=redo)
        self.menus["&View"].addAction(self.review_panel.toggleViewAction())
        self.menus["&View"].addAction(self.discrepancy_panel.toggleViewAction())
        self.comparison_view.extend_context_menu = self._extend_pane_menu
        self.reading.add_view_menus(self.menus["&View"])
        self.review.changed.connect(self._marks_changed)
        self.review.modified_changed.connect(lambda _modified: self.update_title())

    def _build_window_menu(self) -> None:
        self.window_menu = self.menuBar().addMenu("&Window")
        self.window_menu.aboutToShow.connect(self._fill_window_menu)
        self._fill_window_menu()

    def _fill_window_menu(self) -> None:
        """New Window, then every open window; the checked one is this."""
        self.window_menu.clear()
        new = self.window_menu.addAction("&New Window")
        new.setShortcuts(QKeySequence.StandardKey.New)
        new.triggered.connect(lambda: open_window())
        self.window_menu.addSeparator()
        for window in windows.all_windows():
            title = window.windowTitle().replace("[*]", "*" if window.isWindowModified() else "")
            action = self.window_menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(window is self)
            action.triggered.connect(lambda _c=False, w=window: windows.bring_to_front(w))

    def _extend_pane_menu(self, menu: QtWidgets.QMenu, document: int, position: int) -> None:
        self.marking.extend_pane_menu(menu, document, position)
        self.reading.extend_pane_menu(menu, document)

    def _marks_changed(self) -> None:
        self.comparison_view.set_review_marks(self.review)
        self.discrepancy_panel.set_marks(self.review)
        self.autosave.changed()
        self.update_title()

    def edit_preferences(self) -> None:
        from compareapp.ui.preferences_dialog import PreferencesDialog  # when first asked

        PreferencesDialog(self).exec()

    # What the background job brings ----------------------------------------------------

    def show_preview(self, preview: ComparisonPreview) -> None:
        """The start of the documents' text while the comparison is computed (the progress
        and Cancel stay; the window's documents, marks and actions are as they were)."""
        self.comparison_view.show_preview(preview)
        self.stack.setCurrentWidget(self.comparison_view)
        self.first_screen_at = time.monotonic()
        self._update_navigation()

    def drop_preview(self) -> None:
        """Back to the start view, where the preview of a job that brings no comparison
        (cancelled, failed) came from."""
        if self.comparison_view.previewing:
            self.comparison_view.clear()
            self.stack.setCurrentWidget(self.start_view)
            self._update_navigation()

    def show_outcome(self, outcome: JobOutcome) -> None:
        """Show the documents a job read (the files it could not, named in the message
        bar) and their comparison, or the start view when there are fewer than two."""
        previewed = self.comparison_view.previewing
        self.message_bar.show_errors(outcome.error_messages())
        before = (self.documents, self.base)
        self.documents = outcome.documents
        self.sessions.follow_new_versions(outcome.documents)
        self.discrepancy_panel.set_marks(self.review)
        if outcome.result is None:
            self.discrepancies.stop_listing_discrepancies()
            self.discrepancy_panel.set_rows([], outcome.documents)
            self.discrepancy_panel.show_state(NO_COMPARISON)
            self.drop_preview()
            self.stack.setCurrentWidget(self.start_view)
            self.start_view.set_note(
                f"Open one more document to compare with {self.documents[0].name}."
                if self.documents
                else ""
            )
        else:
            self.base = outcome.result.model.base
            self.comparison_view.show_result(outcome.result)
            self.comparison_view.set_review_marks(self.review)
            self.stack.setCurrentWidget(self.comparison_view)
            if not previewed:
                self.first_screen_at = time.monotonic()
            self.discrepancies.list_discrepancies(outcome.result)
        self.sessions.follow_composition(before, (self.documents, self.base))
        self._update_navigation()
        self.reading.fill_view_menus()
        self.sessions.offer_missing_sources()

    # Presenting -------------------------------------------------------------------------

    def _update_navigation(self) -> None:
        comparing = self.comparison_view.result is not None and self.stack.currentIndex() == 1
        for name in COMPARISON_ACTIONS:
            self.actions_by_name[name].setEnabled(comparing)
        self.paste_on_start.setEnabled(self.stack.currentWidget() is self.start_view)
        # Nothing to save on an empty start view (an empty session is no use to anyone).
        has_work = bool(self.documents or len(self.review) or self.sessions.session_path)
        for name in ("save", "save_as"):
            self.actions_by_name[name].setEnabled(has_work)
        self.update_title()
        self.counts_label.setText(self._counts_text() if comparing else "")
        self._fill_base_menu()

    def update_title(self) -> None:
        """Session file (if saved), the documents' names, and [*] for unsaved changes."""
        names = " ↔ ".join(document.name for document in self.documents)
        session_path = self.sessions.session_path
        session = Path(session_path).name if session_path else ""
        parts = [part for part in (session, names) if part]
        title = f"{parts[0]} ({parts[1]})" if len(parts) == 2 else (parts[0] if parts else "")
        self.setWindowTitle(f"{title}[*] — {APP_TITLE}" if title else f"{APP_TITLE}[*]")
        self.setWindowModified(self.review.is_modified())

    def _counts_text(self) -> str:
        counts = self.comparison_view.model.counts()
        classes = ", ".join(f"{count} {kind.value}" for kind, count in counts.by_class.items())
        unique = " / ".join(str(count) for count in counts.unique)
        return (
            f"{counts.linked} linked · {counts.changed} changed · {counts.moved} moved · "
            f"unique {unique} · differences: {classes or 'none'}"
        )

    def _fill_base_menu(self) -> None:
        self.base_menu.clear()
        group = QActionGroup(self.base_menu)
        for index, document in enumerate(self.documents):
            action = QAction(document.name, self.base_menu, checkable=True)
            action.setChecked(index == self.base)
            action.triggered.connect(lambda _checked, index=index: self.files.set_base(index))
            group.addAction(action)
            self.base_menu.addAction(action)
        self.base_menu.setEnabled(len(self.documents) > 2)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in settings.recent_files():
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked, path=path: self.files.open_paths([path]))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:  # docks take their size once the window has one
            self._shown_once = True
            self.resizeDocks([self.review_panel], [REVIEW_PANEL_WIDTH], Qt.Orientation.Horizontal)

    def close_without_asking(self) -> None:
        """Close: the user was asked about unsaved work already (File > Quit)."""
        self._asked = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._asked and not self.sessions.maybe_save():
            event.ignore()
            return
        self.autosave.discard()
        save_geometry(self)
        self.jobs.cancel()
        self.discrepancies.stop_listing_discrepancies()
        windows.unregister(self)
        super().closeEvent(event)


def open_window(paths: Sequence[str] = (), *, sample: bool = False) -> MainWindow:
    """A new window, shown in front, opening ``paths`` (or the sample); a session already
    open in a window brings that window to the front instead."""
    shown = windows.window_with_session(paths[0]) if len(paths) == 1 else None
    if shown is not None:
        windows.bring_to_front(shown)
        return shown
    window = MainWindow()
    window.show()
    windows.bring_to_front(window)
    if sample:
        window.files.open_sample()
    elif paths:
        window.files.open_paths(list(paths))
    return window
