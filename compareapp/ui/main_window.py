"""The main window: start view or comparison, menus and toolbar, files in and errors out.

Opening files, closing a pane, picking the base or showing typographic differences all
start the same background job on the current documents; the window stays usable while it
runs, shows its progress and can cancel it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from compareapp.core.document import Document
from compareapp.ui import settings
from compareapp.ui.actions import build_actions
from compareapp.ui.comparison_job import JobOutcome, prepare_comparison
from compareapp.ui.comparison_view import ComparisonView
from compareapp.ui.file_drops import AcceptsFileDrops
from compareapp.ui.message_bar import MessageBar
from compareapp.ui.start_view import StartView
from compareapp.ui.tasks import BackgroundTask

APP_TITLE = "compareapp"
FILE_FILTER = "Text files (*.txt *.text *.md);;All files (*)"


class MainWindow(AcceptsFileDrops, QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self.documents: list[Document] = []
        self.base = 0
        self.task: BackgroundTask | None = None

        self.start_view = StartView()
        self.comparison_view = ComparisonView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_view)
        self.stack.addWidget(self.comparison_view)
        self.message_bar = MessageBar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
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
                "open_sample": self.open_sample,
                "quit": self.close,
                "previous_difference": lambda: self.go_to_difference(False, False),
                "next_difference": lambda: self.go_to_difference(True, False),
                "previous_significant": lambda: self.go_to_difference(False, True),
                "next_significant": lambda: self.go_to_difference(True, True),
                "linked_scrolling": self.comparison_view.set_linked_scrolling,
                "show_typographic": lambda _checked: self._recompare(),
            },
            toolbar,
        )
        self.recent_menu = self.menus["&File"].addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.menus["&File"].insertMenu(self.actions_by_name["quit"], self.recent_menu)
        self.base_menu = self.menuBar().addMenu("&Comparison").addMenu("&Base Document")
        self._build_status_bar()

        self.start_view.open_requested.connect(self.choose_files)
        self.start_view.sample_requested.connect(self.open_sample)
        self.comparison_view.pane_close_requested.connect(self.close_document)
        self.comparison_view.base_requested.connect(self.set_base)
        self.comparison_view.files_dropped_on_pane.connect(self.replace_document)
        self.comparison_view.message.connect(self.statusBar().showMessage)
        self._update_navigation()

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

    # Getting files in -------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, "Open documents to compare", "", FILE_FILTER
        )
        if paths:
            self.open_paths(paths)

    def open_sample(self) -> None:
        from compareapp.cli import sample_paths

        # A comparison of its own, base first; the shown one stays until it is ready.
        self._start([*sample_paths()], 0)

    def open_paths(self, paths: Sequence[str], remember: bool = True) -> None:
        """Add the files at ``paths`` to the comparison."""
        if remember:
            settings.remember_files(list(paths))
        self._start([*self.documents, *paths], self.base)

    def replace_document(self, index: int, paths: list[str]) -> None:
        """Put the first of ``paths`` in place of document ``index``; add the others."""
        sources: list[Document | str] = list(self.documents)
        sources[index : index + 1] = paths[:1]
        self._start([*sources, *paths[1:]], self.base)

    def close_document(self, index: int) -> None:
        remaining = [d for position, d in enumerate(self.documents) if position != index]
        base = self.base - 1 if index < self.base else (0 if index == self.base else self.base)
        self._start(list(remaining), base)

    def set_base(self, index: int) -> None:
        self._start(list(self.documents), index)

    def _recompare(self) -> None:
        if len(self.documents) >= 2:
            self._start(list(self.documents), self.base)

    def receive_files(self, paths: list[str]) -> None:
        """Files dropped on the window (not on a pane) join the comparison."""
        self.open_paths(paths)

    # The background job -----------------------------------------------------------------

    def _start(self, sources: list[Document | str], base: int) -> None:
        self.cancel(quietly=True)
        typographic = self.actions_by_name["show_typographic"].isChecked()
        task = BackgroundTask(lambda task: prepare_comparison(sources, base, typographic, task))
        self.task = task
        self._set_busy(True, "Preparing the comparison…")
        task.start(self._finish, self._fail, lambda text: self.progress_label.setText(text))

    def cancel(self, quietly: bool = False) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
            self._set_busy(False)
            if quietly:
                return
            self.statusBar().showMessage("Cancelled", 5000)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.progress_label.setText(text)
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.setVisible(busy)

    def _finish(self, outcome: JobOutcome) -> None:
        self.task = None
        self._set_busy(False)
        self.message_bar.show_errors(
            [f"Cannot open {error.path}: {error.reason}" for error in outcome.errors]
        )
        self.documents = outcome.documents
        if outcome.result is None:
            self.stack.setCurrentWidget(self.start_view)
            self.start_view.set_note(
                f"Open one more document to compare with {self.documents[0].name}."
                if self.documents
                else ""
            )
        else:
            self.base = outcome.result.model.base
            self.comparison_view.show_result(outcome.result)
            self.stack.setCurrentWidget(self.comparison_view)
        self._update_navigation()

    def _fail(self, error: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        self.message_bar.show_errors([f"The comparison failed: {error}"])

    # Presenting -------------------------------------------------------------------------

    def go_to_difference(self, forward: bool, significant: bool) -> None:
        self.comparison_view.go_to_difference(forward, significant)

    def _update_navigation(self) -> None:
        comparing = self.comparison_view.result is not None and self.stack.currentIndex() == 1
        for name in ("previous_difference", "next_difference"):
            self.actions_by_name[name].setEnabled(comparing)
        for name in ("previous_significant", "next_significant"):
            self.actions_by_name[name].setEnabled(comparing)
        names = [document.name for document in self.documents]
        self.setWindowTitle(" ↔ ".join(names) + f" — {APP_TITLE}" if names else APP_TITLE)
        self.counts_label.setText(self._counts_text() if comparing else "")
        self._fill_base_menu()

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()
        super().closeEvent(event)
