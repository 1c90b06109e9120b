"""The window's background job: opening files, closing a pane, picking the base or showing
typographic differences all start the same job on the current documents. The window stays
usable while it runs, shows its progress and can cancel it; what the job brings (or its
preview, sent first when no comparison is shown) goes back to the window to show.

A job asked for before a shown window's first paint starts once that paint is done
(:mod:`compareapp.ui.first_paint`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from compareapp.ui.apply_preferences import difference_settings
from compareapp.ui.controllers.comparison_job import prepare_comparison
from compareapp.ui.panes.comparison_view import load_pane_modules
from compareapp.ui.tasks import BackgroundTask

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStackedWidget, QStatusBar

    from compareapp.ui.busy_indicator import BusyIndicator
    from compareapp.ui.controllers.comparison_job import JobOutcome, Source
    from compareapp.ui.first_paint import FirstPaintWait
    from compareapp.ui.message_bar import MessageBar
    from compareapp.ui.panes.comparison_result import ComparisonPreview
    from compareapp.ui.start_view import StartView


class JobHost(Protocol):
    """What the job controller uses of the window: where it shows progress, what it
    compares with (the View menu's toggle), and where a job's preview and outcome go."""

    actions_by_name: dict[str, QAction]
    busy: BusyIndicator
    first_paint: FirstPaintWait
    message_bar: MessageBar
    stack: QStackedWidget
    start_view: StartView

    def statusBar(self) -> QStatusBar: ...
    def show_preview(self, preview: ComparisonPreview) -> None: ...
    def drop_preview(self) -> None: ...
    def show_outcome(self, outcome: JobOutcome) -> None: ...


class JobController:
    def __init__(self, host: JobHost) -> None:
        self.host = host
        self.task: BackgroundTask | None = None
        """The job running, if any."""

    def start_job(self, sources: list[Source], base: int) -> None:
        """Compare ``sources`` with ``sources[base]`` (cancelling a job still running)."""
        self.cancel(quietly=True)
        host = self.host
        shown = difference_settings(host)  # the View menu's typographic toggle, Preferences
        # With no comparison on screen, the documents' text is shown as soon as it is read
        # (a comparison on screen stays until the new one is ready).
        preview = host.stack.currentWidget() is host.start_view
        task = BackgroundTask(
            lambda task: prepare_comparison(sources, base, shown, task, preview=preview)
        )
        self.task = task
        host.busy.set_busy(True, "Preparing the comparison…")

        def start() -> None:
            # The UI thread loads the panes' modules (and so creates the Python types of
            # the Qt classes the job's text documents use) before the job's thread can.
            load_pane_modules()
            if not task.cancelled:  # not replaced by another job while it waited
                task.start(
                    self._finish,
                    self._fail,
                    lambda text: host.busy.show_progress(text),
                    host.show_preview,
                )

        host.first_paint.after(start)

    def cancel(self, quietly: bool = False) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
            self.host.busy.set_busy(False)
            self.host.drop_preview()
            if quietly:
                return
            self.host.statusBar().showMessage("Cancelled", 5000)

    def _finish(self, outcome: JobOutcome) -> None:
        self.task = None
        self.host.busy.set_busy(False)
        self.host.show_outcome(outcome)

    def _fail(self, error: BaseException) -> None:
        self.task = None
        self.host.busy.set_busy(False)
        self.host.drop_preview()
        self.host.message_bar.show_errors([f"The comparison failed: {error}"])
