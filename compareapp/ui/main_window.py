"""The main window: start view or comparison, menus and toolbar, the review dock, and
the background job.

Opening files, closing a pane, picking the base or showing typographic differences all
start the same background job on the current documents; the window stays usable while it
runs, shows its progress and can cancel it. Its commands live in mixins by subject:
documents, sessions, review marks, export.

A job that opens documents when no comparison is shown sends a preview first: the panes
show the start of the documents' text while the comparison is computed, with the progress
and Cancel in the status bar; the result replaces it, and cancelling (or a failure) goes
back to the start view.

This module imports what the first window needs and no more: the comparison's modules
(numpy, the readers, the discrepancy finder) load in the first job, and the PDF export
when it is first used. A job asked for before a shown window's first paint (the files on
the command line) starts once that paint is done: its thread would otherwise hold the
interpreter lock, importing and reading, while the UI thread builds the first frame. So
does other work the first frame does not show (:meth:`MainWindow.after_first_paint`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from compareapp.core.review.marks import MarkStatus
from compareapp.ui import settings, windows
from compareapp.ui.actions import build_actions
from compareapp.ui.apply_preferences import apply_preferences, difference_settings
from compareapp.ui.autosave import Autosave
from compareapp.ui.comparison_job import prepare_comparison
from compareapp.ui.comparison_view import ComparisonView, load_pane_modules
from compareapp.ui.discrepancy_commands import DiscrepancyCommands
from compareapp.ui.discrepancy_panel import NO_COMPARISON, DiscrepancyPanel
from compareapp.ui.document_commands import DocumentCommands
from compareapp.ui.export_commands import ExportCommands
from compareapp.ui.file_drops import AcceptsFileDrops
from compareapp.ui.message_bar import OFFER_STYLE, MessageBar
from compareapp.ui.review_commands import ReviewCommands
from compareapp.ui.review_controller import ReviewController
from compareapp.ui.review_panel import ReviewPanel
from compareapp.ui.session_commands import SessionCommands
from compareapp.ui.source_watcher import SourceWatcher
from compareapp.ui.start_view import StartView
from compareapp.ui.tasks import BackgroundTask

if TYPE_CHECKING:
    from compareapp.core.documents.document import Document
    from compareapp.core.review.session import SessionSource
    from compareapp.ui.comparison_job import JobOutcome, Source
    from compareapp.ui.comparison_view import ComparisonPreview

APP_TITLE = "compareapp"
REVIEW_PANEL_WIDTH = 400
COMPARISON_ACTIONS = (
    "previous_difference", "next_difference", "previous_significant", "next_significant",
    "export_pdf", "mark_verified", "mark_disputed", "reload",
)  # fmt: skip
"""Actions that need a comparison on screen."""
FIRST_PAINT_WAIT_MS = 500
"""The longest work waits for its window's first paint (a window shown minimized, or on
another desktop, may be painted only much later)."""


class FirstPaintWait(QObject):
    """Watches a window (its own events only, not its children's) until its first paint;
    work handed to :meth:`defer` before then runs, in order, once that paint pass is over,
    or after ``FIRST_PAINT_WAIT_MS`` if the paint does not come. The panes' modules load
    then too, before a first comparison needs them."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.painted = False
        self._pending: list[Callable[[], None]] = []
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._painted)  # after the whole paint pass
        return False

    def defer(self, work: Callable[[], None]) -> None:
        """Run ``work`` after the first paint."""
        self._pending.append(work)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._run_pending)

    def _painted(self) -> None:
        self.painted = True
        load_pane_modules()
        self._run_pending()

    def _run_pending(self) -> None:
        pending, self._pending = self._pending, []
        for work in pending:
            work()


class MainWindow(
    DocumentCommands,
    SessionCommands,
    ReviewCommands,
    DiscrepancyCommands,
    ExportCommands,
    AcceptsFileDrops,
    QMainWindow,
):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self.documents: list[Document] = []
        self.base = 0
        self.task: BackgroundTask | None = None
        self.export_task: BackgroundTask | None = None
        self._shown_once = False
        self.first_screen_at: float | None = None
        """``time.monotonic()`` when a job last put documents' text in the panes: its
        preview, or its result when it sent none (benchmarks time the first screen)."""
        self.session_path: str | None = None
        self.known_sources: dict[str, SessionSource] = {}
        """Every source this session has had, by id (closed and missing ones too)."""
        self.missing_sources: list[str] = []
        """Sources of the opened session that were not found."""
        self.missing_base: str | None = None
        """The session's base, while it is one of the missing sources."""
        self.anchored_hashes: dict[str, str] = {}
        """The SHA-256 of the text each source's marks are anchored in."""
        self.review = ReviewController(self)
        self.autosave = Autosave(self.unsaved_snapshot, lambda: self.session_path, self)
        self.autosave.failed.connect(lambda message: self.message_bar.show_errors([message]))
        self.source_watcher = SourceWatcher(self)
        self.source_watcher.changed.connect(self._sources_changed_on_disk)
        self.first_paint = FirstPaintWait(self)

        self.start_view = StartView()
        self.comparison_view = ComparisonView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_view)
        self.stack.addWidget(self.comparison_view)
        self.message_bar = MessageBar()
        self.offer_bar = MessageBar(style=OFFER_STYLE)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.offer_bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        toolbar = QToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        self.actions_by_name, self.menus = build_actions(
            self,
            {
                "open": self.choose_files,
                "paste_document": self.paste_document,
                "open_sample": self.open_sample,
                "open_session": self.open_session,
                "save": self.save,
                "save_as": self.save_as,
                "reload": self.reload_sources,
                "export_pdf": self.export_pdf,
                "quit": self.close,
                "preferences": self.edit_preferences,
                "previous_difference": lambda: self.go_to_difference(False, False),
                "next_difference": lambda: self.go_to_difference(True, False),
                "previous_significant": lambda: self.go_to_difference(False, True),
                "next_significant": lambda: self.go_to_difference(True, True),
                "linked_scrolling": self.comparison_view.set_linked_scrolling,
                "show_typographic": lambda _checked: self._recompare(),
                "mark_verified": lambda: self.mark_selection(MarkStatus.VERIFIED),
                "mark_disputed": lambda: self.mark_selection(MarkStatus.DISPUTED),
                "with_counterparts": lambda _checked: None,
                "edit_note": self.edit_note,
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
        self._build_status_bar()
        apply_preferences(self)

        # On the start view (nothing to compare yet) the usual Paste key pastes a document.
        self.paste_on_start = QAction("New from Clipboard", self)
        self.paste_on_start.setObjectName("paste_on_start")
        self.paste_on_start.setShortcuts(QKeySequence.StandardKey.Paste)
        self.paste_on_start.triggered.connect(self.paste_document)
        self.addAction(self.paste_on_start)
        self.start_view.open_requested.connect(self.choose_files)
        self.start_view.sample_requested.connect(self.open_sample)
        self.comparison_view.pane_close_requested.connect(self.close_document)
        self.comparison_view.base_requested.connect(self.set_base)
        self.comparison_view.files_dropped_on_pane.connect(self.replace_document)
        self.comparison_view.message.connect(self.statusBar().showMessage)
        self._update_navigation()

    def _build_review(self) -> None:
        self.review_panel = ReviewPanel(self.review, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.review_panel)
        self.review_panel.mark_activated.connect(self.jump_to_mark)
        self.discrepancy_panel = DiscrepancyPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.discrepancy_panel)
        self.tabifyDockWidget(self.review_panel, self.discrepancy_panel)
        self.discrepancy_panel.raise_()  # the view a fact-checker opens first
        self.discrepancy_panel.row_activated.connect(self.show_discrepancy)
        self.discrepancy_panel.mark_requested.connect(self.mark_discrepancies)
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
        self.comparison_view.extend_context_menu = self.extend_pane_menu
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
        new.triggered.connect(lambda: windows.open_window())
        self.window_menu.addSeparator()
        for window in windows.all_windows():
            title = window.windowTitle().replace("[*]", "*" if window.isWindowModified() else "")
            action = self.window_menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(window is self)
            action.triggered.connect(lambda _c=False, w=window: windows.bring_to_front(w))

    def _marks_changed(self) -> None:
        self.comparison_view.set_review_marks(self.review)
        self.discrepancy_panel.set_marks(self.review)
        self.autosave.changed()
        self.update_title()

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel()
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setMaximumWidth(160)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        bar = self.statusBar()
        bar.addPermanentWidget(self.counts_label)
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            bar.addPermanentWidget(widget)
            widget.hide()

    # The background job -----------------------------------------------------------------

    def start_job(self, sources: list[Source], base: int) -> None:
        self.cancel(quietly=True)
        shown = difference_settings(self)  # the View menu's typographic toggle, Preferences
        # With no comparison on screen, the documents' text is shown as soon as it is read
        # (a comparison on screen stays until the new one is ready).
        preview = self.stack.currentWidget() is self.start_view
        task = BackgroundTask(
            lambda task: prepare_comparison(sources, base, shown, task, preview=preview)
        )
        self.task = task
        self._set_busy(True, "Preparing the comparison…")

        def start() -> None:
            # The UI thread loads the panes' modules (and so creates the Python types of
            # the Qt classes the job's text documents use) before the job's thread can.
            load_pane_modules()
            if not task.cancelled:  # not replaced by another job while it waited
                task.start(
                    self._finish,
                    self._fail,
                    lambda text: self.progress_label.setText(text),
                    self._show_preview,
                )

        self.after_first_paint(start)

    def after_first_paint(self, work: Callable[[], None]) -> None:
        """Run ``work`` now or, while this shown window waits for its first paint, once
        that paint is done (see the module's doc)."""
        if self.isVisible() and not self.first_paint.painted:
            self.first_paint.defer(work)
        else:
            work()

    def cancel(self, quietly: bool = False) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
            self._set_busy(False)
            self._drop_preview()
            if quietly:
                return
            self.statusBar().showMessage("Cancelled", 5000)

    def _show_preview(self, preview: ComparisonPreview) -> None:
        """The start of the documents' text while the comparison is computed (the progress
        and Cancel stay; the window's documents, marks and actions are as they were)."""
        self.comparison_view.show_preview(preview)
        self.stack.setCurrentWidget(self.comparison_view)
        self.first_screen_at = time.monotonic()
        self._update_navigation()

    def _drop_preview(self) -> None:
        """Back to the start view, where the preview of a job that brings no comparison
        (cancelled, failed) came from."""
        if self.comparison_view.previewing:
            self.comparison_view.clear()
            self.stack.setCurrentWidget(self.start_view)
            self._update_navigation()

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.progress_label.setText(text)
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.setVisible(busy)

    def _finish(self, outcome: JobOutcome) -> None:
        self.task = None
        self._set_busy(False)
        previewed = self.comparison_view.previewing
        self.message_bar.show_errors(outcome.error_messages())
        self.documents = outcome.documents
        self._follow_new_versions(outcome.documents)
        self.discrepancy_panel.set_marks(self.review)
        if outcome.result is None:
            self.stop_listing_discrepancies()
            self.discrepancy_panel.set_rows([], outcome.documents)
            self.discrepancy_panel.show_state(NO_COMPARISON)
            self._drop_preview()
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
            self.list_discrepancies(outcome.result)
        self._update_navigation()
        self.offer_missing_sources()

    def _fail(self, error: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        self._drop_preview()
        self.message_bar.show_errors([f"The comparison failed: {error}"])

    # Presenting -------------------------------------------------------------------------

    def go_to_difference(self, forward: bool, significant: bool) -> None:
        self.comparison_view.go_to_difference(forward, significant)

    def _update_navigation(self) -> None:
        comparing = self.comparison_view.result is not None and self.stack.currentIndex() == 1
        for name in COMPARISON_ACTIONS:
            self.actions_by_name[name].setEnabled(comparing)
        self.paste_on_start.setEnabled(self.stack.currentWidget() is self.start_view)
        self.update_title()
        self.counts_label.setText(self._counts_text() if comparing else "")
        self._fill_base_menu()

    def update_title(self) -> None:
        """Session file (if saved), the documents' names, and [*] for unsaved changes."""
        names = " ↔ ".join(document.name for document in self.documents)
        session = Path(self.session_path).name if self.session_path else ""
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
            action.triggered.connect(lambda _checked, index=index: self.set_base(index))
            group.addAction(action)
            self.base_menu.addAction(action)
        self.base_menu.setEnabled(len(self.documents) > 2)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in settings.recent_files():
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked, path=path: self.open_paths([path]))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:  # docks take their size once the window has one
            self._shown_once = True
            self.resizeDocks([self.review_panel], [REVIEW_PANEL_WIDTH], Qt.Orientation.Horizontal)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.autosave.discard()
        self.cancel()
        self.stop_listing_discrepancies()
        windows.unregister(self)
        super().closeEvent(event)
