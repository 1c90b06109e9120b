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

The window is built in two steps, so that its first frame comes as soon as Qt can paint
it: the frame (menus, toolbar, start view, status bar), then, once that frame is painted
(:mod:`compareapp.ui.first_paint`), the body: the controllers, the comparison view and the
docks (:mod:`compareapp.ui.window_body`, where their modules load). Asking for a part of
the body before then builds it at once. The frame uses none of the enums of PySide's ``Qt``
namespace (it sets them by name): their Python types take 15-30 ms to create. The
comparison's modules (numpy, the readers, the discrepancy finder) load in the first job,
and the PDF export when it is first used.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QToolBar, QVBoxLayout, QWidget

from compareapp.ui import settings, windows
from compareapp.ui.actions import build_actions
from compareapp.ui.apply_preferences import apply_frame_preferences
from compareapp.ui.busy_indicator import BusyIndicator
from compareapp.ui.first_paint import FirstPaintWait
from compareapp.ui.message_bar import OFFER_STYLE, MessageBar
from compareapp.ui.start_view import StartView
from compareapp.ui.window_commands import commands
from compareapp.ui.window_geometry import place_window, save_geometry

if TYPE_CHECKING:
    from PySide6 import QtWidgets

    from compareapp.core.documents.document import Document
    from compareapp.ui.autosave import Autosave
    from compareapp.ui.controllers.comparison_job import JobOutcome
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
    from compareapp.ui.docks.discrepancy_panel import DiscrepancyPanel
    from compareapp.ui.docks.review_panel import ReviewPanel
    from compareapp.ui.file_drops import FileDrops
    from compareapp.ui.find_bar import FindBar
    from compareapp.ui.panes.comparison_result import ComparisonPreview
    from compareapp.ui.panes.comparison_view import ComparisonView
    from compareapp.ui.source_watcher import SourceWatcher

APP_TITLE = "compareapp"
REVIEW_PANEL_WIDTH = 400
COMPARISON_ACTIONS = (
    "previous_difference", "next_difference", "previous_significant", "next_significant",
    "export_pdf", "export_redline_pdf", "mark_verified", "mark_disputed", "reload", "redline_view",
)  # fmt: skip
"""Actions that need a comparison on screen."""


class MainWindow(QMainWindow):
    # The body (compareapp.ui.window_body): set by build_body, asked for through __getattr__.
    file_drops: FileDrops
    review: ReviewController
    jobs: JobController
    files: DocumentController
    sessions: SessionController
    marking: MarkingController
    reading: ReadingController
    discrepancies: DiscrepancyController
    exports: ExportController
    autosave: Autosave
    source_watcher: SourceWatcher
    comparison_view: ComparisonView
    redline: RedlineController
    find_bar: FindBar
    finder: FindController
    review_panel: ReviewPanel
    discrepancy_panel: DiscrepancyPanel
    body_state = "none"
    """``none`` until :meth:`build_body` runs, ``building`` while it does, then ``built``."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(APP_TITLE)
        self.documents: list[Document] = []
        self.base = 0
        self._asked = False
        """Whether File > Quit asked about unsaved work already."""
        self._docks_sized = False
        self.first_screen_at: float | None = None
        """``time.monotonic()`` when a job last put documents' text in the panes: its
        preview, or its result when it sent none (benchmarks time the first screen)."""
        self.first_compared_at: float | None = None
        """Likewise, when it last showed the first screen compared: its preview with
        highlights and bands, or its result when it sent none."""
        self.first_paint = FirstPaintWait(self)
        self.first_paint.defer(self.build_body)

        self.start_view = StartView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_view)
        self.message_bar: MessageBar = MessageBar()
        self.offer_bar = MessageBar(style=OFFER_STYLE)
        central = QWidget()
        self.central_layout = QVBoxLayout(central)
        self.central_layout.setContentsMargins(0, 0, 0, 0)
        self.central_layout.setSpacing(0)
        self.central_layout.addWidget(self.message_bar)
        self.central_layout.addWidget(self.offer_bar)
        self.central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.toolbar = QToolBar("Main")
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")  # by name
        self.addToolBar(self.toolbar)
        self.actions_by_name, self.menus = build_actions(self, commands(self), self.toolbar)
        self._build_window_menu()
        windows.register(self)
        self.recent_menu = self.menus["&File"].addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.menus["&File"].insertMenu(self.actions_by_name["quit"], self.recent_menu)
        self.base_menu = self.menuBar().addMenu("&Comparison").addMenu("&Base Document")
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.busy = BusyIndicator(self.statusBar())
        self.busy.cancel_button.clicked.connect(lambda: self.jobs.cancel())

        # On the start view (nothing to compare yet) the usual Paste key pastes a document.
        self.paste_on_start = QAction("New from Clipboard", self)
        self.paste_on_start.setObjectName("paste_on_start")
        self.paste_on_start.setShortcuts(QKeySequence.StandardKey.Paste)
        self.paste_on_start.triggered.connect(lambda: self.files.paste_document())
        self.addAction(self.paste_on_start)
        self.start_view.open_requested.connect(lambda: self.files.choose_files())
        self.start_view.sample_requested.connect(lambda: self.files.open_sample())
        self._frame_preferences = apply_frame_preferences(self)
        self._update_navigation()
        place_window(self)

    def build_body(self) -> None:
        """Add the parts the first frame does not show (once; see the module's note)."""
        if self.body_state != "none":
            return
        from compareapp.ui.window_body import build_body  # after the first paint

        self.body_state = "building"
        build_body(self, self._frame_preferences)
        self.body_state = "built"
        if self.isVisible():
            self.size_docks()
        self._update_navigation()

    if not TYPE_CHECKING:  # the type checker sees the body's parts declared above

        def __getattr__(self, name: str) -> object:
            """A part of the body asked for before it was built: build it now."""
            if name.startswith("_") or self.body_state != "none":
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            self.build_body()
            return getattr(self, name)

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

    def extend_pane_menu(self, menu: QtWidgets.QMenu, document: int, position: int) -> None:
        self.marking.extend_pane_menu(menu, document, position)
        self.reading.extend_pane_menu(menu, document)

    def marks_changed(self) -> None:
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
        if preview.bands is None:
            self.first_screen_at = time.monotonic()
        else:
            self.first_compared_at = time.monotonic()
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
        from compareapp.ui.docks.discrepancy_panel import NO_COMPARISON  # loaded with the body

        previewed = self.comparison_view.previewing
        compared = previewed and bool(self.comparison_view.link_maps)  # the first screen
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
            if not compared:
                self.first_compared_at = time.monotonic()
            self.discrepancies.list_discrepancies(outcome.result)
        self.sessions.follow_composition(before, (self.documents, self.base))
        self._update_navigation()
        self.reading.fill_view_menus()
        self.sessions.offer_missing_sources()

    # Presenting -------------------------------------------------------------------------

    def _update_navigation(self) -> None:
        built = self.body_state == "built"  # before, no comparison, marks or session
        comparing = (
            built and self.comparison_view.result is not None and self.stack.currentIndex() == 1
        )
        for name in COMPARISON_ACTIONS:
            self.actions_by_name[name].setEnabled(comparing)
        self.paste_on_start.setEnabled(self.stack.currentWidget() is self.start_view)
        # Nothing to save on an empty start view (an empty session is no use to anyone).
        has_work = bool(
            self.documents or (built and (len(self.review) or self.sessions.session_path))
        )
        for name in ("save", "save_as"):
            self.actions_by_name[name].setEnabled(has_work)
        self.update_title()
        self.counts_label.setText(self._counts_text() if comparing else "")
        self._fill_base_menu()

    def update_title(self) -> None:
        """Session file (if saved), the documents' names, and [*] for unsaved changes."""
        built = self.body_state == "built"  # before, no session and no marks
        names = " ↔ ".join(document.name for document in self.documents)
        session_path = self.sessions.session_path if built else None
        session = Path(session_path).name if session_path else ""
        parts = [part for part in (session, names) if part]
        title = f"{parts[0]} ({parts[1]})" if len(parts) == 2 else (parts[0] if parts else "")
        self.setWindowTitle(f"{title}[*] — {APP_TITLE}" if title else f"{APP_TITLE}[*]")
        self.setWindowModified(built and self.review.is_modified())

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
        if not self._docks_sized and self.body_state == "built":
            self.size_docks()

    def size_docks(self) -> None:
        """Docks take their size once the window has one: at its first show, or when
        they are added to a window already shown."""
        from PySide6.QtCore import Qt  # not before the first frame (see the module's note)

        self._docks_sized = True
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
        self.first_paint.forget()  # the files waiting for the first paint, if any
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
    if sample or paths:  # the first frame shows the progress; the job starts after it
        window.busy.set_busy(True, "Preparing the comparison…")
        window.first_paint.after(lambda: open_files(window, paths, sample))
    return window


def open_files(window: MainWindow, paths: Sequence[str], sample: bool) -> None:
    """Open ``paths`` (or the sample) in a new ``window``."""
    if sample:
        window.files.open_sample()
    else:
        window.files.open_paths(list(paths))
    if window.jobs.task is None:  # no job (a session that could not be read)
        window.busy.set_busy(False)
