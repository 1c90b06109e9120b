"""Start the window."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtWidgets import QApplication

from compareapp import __version__
from compareapp.ui.main_window import MainWindow
from compareapp.ui.settings import APP_NAME


def run_window(paths: Sequence[str], sample: bool = False) -> int:
    """Open the main window on ``paths`` (or the start view) and run until it closes."""
    application = QApplication.instance() or QApplication(sys.argv[:1])
    application.setApplicationName(APP_NAME)
    application.setApplicationDisplayName("compareapp")
    application.setApplicationVersion(__version__)
    window = MainWindow()
    _report_unexpected_errors(window)
    window.show()
    window.offer_recovery()
    if sample:
        window.open_sample()
    elif paths:
        window.open_paths(paths)
    return application.exec()


def _report_unexpected_errors(window: MainWindow) -> None:
    """An exception in a slot is printed and shown in the message bar; the window keeps
    running and nothing loaded is dropped."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        traceback.print_exception(kind, error, trace)
        window.message_bar.show_errors([f"Something went wrong inside compareapp: {error!r}"])

    sys.excepthook = hook
