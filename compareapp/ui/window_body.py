"""The parts of the main window its first frame does not show: the controllers, the
comparison view, the find bar and the review and discrepancy docks.

:class:`compareapp.ui.main_window.MainWindow` builds its frame (menus, toolbar, start view,
status bar) and shows it; :func:`build_body` adds these parts once that frame is painted,
or at once when something asks for one of them before. Their modules load here, so the
first frame waits for none of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from compareapp.ui import zoom
from compareapp.ui.accessibility import name_window_parts
from compareapp.ui.apply_preferences import apply_preferences
from compareapp.ui.autosave import Autosave
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
from compareapp.ui.panes.comparison_view import ComparisonView
from compareapp.ui.source_watcher import SourceWatcher

if TYPE_CHECKING:
    from compareapp.ui.main_window import MainWindow
    from compareapp.ui.settings import Preferences


def build_body(window: MainWindow, shown: Preferences) -> None:
    """Add to ``window`` everything its first frame does not show, and connect it; the
    rest of the Preferences (the frame shows ``shown``) apply to it."""
    window.file_drops = FileDrops(window, lambda paths: window.files.open_paths(paths))
    window.review = ReviewController(window)
    window.jobs = JobController(window)
    window.files = DocumentController(window)
    window.sessions = SessionController(window)
    window.marking = MarkingController(window)
    window.reading = ReadingController(window)
    window.discrepancies = DiscrepancyController(window)
    window.exports = ExportController(window)
    window.autosave = Autosave(
        window.sessions.unsaved_snapshot, lambda: window.sessions.session_path, window
    )
    window.autosave.failed.connect(lambda message: window.message_bar.show_errors([message]))
    window.source_watcher = SourceWatcher(window)
    window.source_watcher.changed.connect(window.files.sources_changed_on_disk)
    window.comparison_view = ComparisonView()
    window.stack.addWidget(window.comparison_view)
    window.redline = RedlineController(window)
    window.find_bar = FindBar()
    window.find_bar.hide()
    window.central_layout.addWidget(window.find_bar)
    window.finder = FindController(window)
    _build_docks(window)
    name_window_parts(window, window.toolbar)
    apply_preferences(window, shown)
    files, view = window.files, window.comparison_view
    view.extend_context_menu = window.extend_pane_menu
    view.pane_close_requested.connect(files.close_document)
    view.base_requested.connect(files.set_base)
    view.files_dropped_on_pane.connect(files.replace_document)
    view.message.connect(window.statusBar().showMessage)
    view.zoom_requested.connect(zoom.zoom_by)
    window.review.changed.connect(window.marks_changed)
    window.review.modified_changed.connect(lambda _modified: window.update_title())


def _build_docks(window: MainWindow) -> None:
    """The review and discrepancy docks, tabbed on the right; Undo and Redo of the review
    marks at the top of the Edit menu; the docks' toggles and the reading choices in the
    View menu."""
    window.review_panel = ReviewPanel(window.review, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.review_panel)
    window.review_panel.mark_activated.connect(window.marking.jump_to_mark)
    window.discrepancy_panel = DiscrepancyPanel(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.discrepancy_panel)
    window.tabifyDockWidget(window.review_panel, window.discrepancy_panel)
    window.discrepancy_panel.raise_()  # the view a fact-checker opens first
    window.discrepancy_panel.row_activated.connect(window.discrepancies.show_discrepancy)
    window.discrepancy_panel.mark_requested.connect(window.discrepancies.mark_discrepancies)
    window.discrepancy_panel.export_requested.connect(window.discrepancies.export_csv)
    edit = window.menus["&Edit"]
    undo = window.review.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo = window.review.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts(QKeySequence.StandardKey.Redo)
    first = edit.actions()[0]
    edit.insertActions(first, [undo, redo])
    edit.insertSeparator(first)
    window.actions_by_name.update(undo=undo, redo=redo)
    window.menus["&View"].addAction(window.review_panel.toggleViewAction())
    window.menus["&View"].addAction(window.discrepancy_panel.toggleViewAction())
    window.reading.add_view_menus(window.menus["&View"])
