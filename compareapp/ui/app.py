"""Start the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

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
    window.show()
    if sample:
        window.open_sample()
    elif paths:
        window.open_paths(paths)
    return application.exec()
