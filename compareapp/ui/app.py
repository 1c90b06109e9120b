"""Start the app: hand the files to a running instance, or become the instance."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QApplication

from compareapp import __version__
from compareapp.resources import APP_ID, app_icon
from compareapp.ui import windows
from compareapp.ui.settings import APP_NAME
from compareapp.ui.single_instance import hand_over

INSTANCE_NAME_VARIABLE = "COMPAREAPP_INSTANCE_NAME"
"""Overrides the per-user instance name (independent instances, tests)."""


def run_window(paths: Sequence[str], sample: bool = False, new_instance: bool = False) -> int:
    """Open a window on ``paths`` (or the start view) and run until the last one closes;
    unless ``new_instance``, a running instance gets the files instead."""
    if sample:
        from compareapp.resources import sample_paths

        paths, sample = sample_paths(), False
    name = os.environ.get(INSTANCE_NAME_VARIABLE) or None
    if not new_instance and hand_over(paths, name):
        return 0
    # Imported once this process shows a window: a launch that hands its files over to the
    # running instance loads none of the window's modules.
    from compareapp.ui.main_window import open_window

    running = QApplication.instance()
    application = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    application.setApplicationName(APP_NAME)
    application.setApplicationDisplayName("compareapp")
    application.setApplicationVersion(__version__)
    application.setDesktopFileName(APP_ID)
    application.setWindowIcon(app_icon())
    _report_unexpected_errors()
    window = open_window(paths)
    servers: list[QObject] = []  # kept while the app runs

    def serve() -> None:
        """Take the files of later launches (a launch before this starts its own app)."""
        from compareapp.ui.instance_server import InstanceServer  # loads QtNetwork

        server = InstanceServer(name, application)
        if not new_instance:
            server.listen()
        server.files_received.connect(lambda files: open_window(files))
        servers.append(server)

    window.first_paint.after(serve)
    window.first_paint.after(lambda: window.sessions.offer_recovery())
    status = application.exec()
    # Jobs still running (cancelled by their closing windows) must not run Python code
    # while the interpreter shuts down.
    QThreadPool.globalInstance().waitForDone(30_000)
    return status


def _report_unexpected_errors() -> None:
    """An exception in a slot is printed and shown in the active window's message bar;
    the app keeps running and nothing loaded is dropped."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        traceback.print_exception(kind, error, trace)
        shown = windows.all_windows()
        active = QApplication.activeWindow()
        target = next((w for w in shown if w is active), shown[-1] if shown else None)
        if target is not None:
            target.message_bar.show_errors([f"Something went wrong inside compareapp: {error!r}"])

    sys.excepthook = hook
