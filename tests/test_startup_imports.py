"""The first window starts lean: importing the window loads none of the libraries that only
a comparison, a file reader or the PDF export needs (they load when first used), and the
``compareapp FILE FILE`` command paints the window's first frame before it loads the
window's body (controllers, docks, panes), the server that takes later launches' files
(QtNetwork) or the Python types of PySide's ``Qt`` namespace, so the app shows its window
about as fast as Qt can."""

from __future__ import annotations

from pathlib import Path

from compareapp.resources import sample_paths
from tests.helpers.command import driver_report

HEAVY = (
    "numpy",
    "pypdf",
    "trafilatura",
    "lxml",
    "pdfminer",
    "mammoth",
    "markdown_it",
    "diff_match_patch",
    "fast_diff_match_patch",
)
"""Libraries of the comparison (numpy, the diffs), the readers and the PDF export."""
LATER = (
    "compareapp.export",
    "compareapp.core.diff.comparison",
    "compareapp.core.present.view_model",
    "compareapp.core.facts.discrepancies",
    "compareapp.core.facts.quantities",
    "compareapp.core.facts.quotations",
    "compareapp.core.documents.loading",
    "compareapp.core.documents.pasted",
)
"""compareapp's own modules that the first job (or the first export) loads."""
PANES = (
    "compareapp.ui.panes.document_pane",
    "compareapp.ui.panes.text_view",
    "compareapp.ui.panes.overview_strip",
    "compareapp.ui.panes.link_map",
    "compareapp.ui.panes.scroll_linker",
)
"""What the comparison's panes are made of: the window starts on its start view and loads
them once its first frame is painted."""
BODY = (
    "compareapp.ui.window_body",
    "compareapp.ui.controllers",
    "compareapp.ui.docks",
    "compareapp.ui.panes",
    "compareapp.ui.find_bar",
    "compareapp.ui.file_drops",
    "compareapp.ui.instance_server",
    "compareapp.core",
    "PySide6.QtNetwork",
    "hashlib",
)
"""What the first frame waits for none of: the window's body, the comparison's core (the
review marks included), the instance server, and OpenSSL's hashes."""
FIRST_PAINT = """
import json, os, sys
import PySide6.QtCore as QtCore
from PySide6.QtCore import QEvent, QObject, QTimer
from compareapp.ui import main_window

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)  # once the paint pass is over
        return False

    def report(self):
        shown = {"modules": sorted(sys.modules), "qt_namespace": "Qt" in vars(QtCore)}
        print(json.dumps(shown), flush=True)
        os._exit(0)

probe = FirstPaint()
open_window = main_window.open_window

def watched(*arguments, **keywords):
    window = open_window(*arguments, **keywords)
    window.installEventFilter(probe)  # the last filter installed sees the paint first
    return window

main_window.open_window = watched
from compareapp.cli import main
main(sys.argv[1:])
"""
"""Runs the ``compareapp`` command and prints what is loaded once its window's first frame
is painted."""


def loaded_after(statement: str) -> list[str]:
    """The modules loaded after running ``statement`` in a fresh interpreter."""
    script = f"{statement}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    modules: list[str] = driver_report(script)
    return modules


def matching(modules: list[str], packages: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == p or m.startswith(p + ".") for p in packages)]


def test_importing_the_window_loads_no_comparison_reader_or_export_library():
    modules = loaded_after("import compareapp.ui.main_window")

    assert "compareapp.ui.main_window" in modules, "the check sees what the import loads"
    assert matching(modules, HEAVY) == []
    assert matching(modules, LATER) == []
    assert matching(modules, PANES) == []


def test_the_command_up_to_the_window_loads_none_of_them_either():
    """The ``compareapp`` command's path to its window: the command line, the app start-up
    and the window (what ``compareapp FILE FILE`` imports before the window is shown)."""
    modules = loaded_after(
        "import compareapp.cli, compareapp.ui.app, compareapp.ui.main_window, compareapp.ui.windows"
    )

    assert matching(modules, HEAVY) == []
    assert matching(modules, LATER) == []


def test_a_comparison_loads_them_when_it_needs_them():
    """The lean start is lazy loading, not missing code: comparing loads the aligner."""
    modules = loaded_after(
        "from compareapp.core.diff.comparison import Comparison\n"
        "from compareapp.core.documents.loading import load_document\n"
        "from compareapp.resources import sample_paths\n"
        "Comparison([load_document(path) for path in sample_paths()]).pair(0, 1)"
    )

    assert "numpy" in modules
    assert "compareapp.core.diff.comparison" in modules


def test_the_first_frame_is_painted_before_the_window_body_loads(tmp_path: Path):
    """``compareapp FILE FILE``, up to the first paint of its window."""
    folders = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    shown = driver_report(FIRST_PAINT, *sample_paths(), environment=folders)

    assert "compareapp.ui.main_window" in shown["modules"], "the check sees the window"
    assert matching(shown["modules"], HEAVY) == []
    assert matching(shown["modules"], BODY) == []
    assert not shown["qt_namespace"]
