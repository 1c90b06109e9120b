"""The first window starts lean: importing the window loads none of the libraries that only
a comparison, a file reader or the PDF export needs (they load when first used), so the
app shows its window about as fast as Qt can."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
CHILD_TIMEOUT_S = 60


def loaded_after(statement: str) -> list[str]:
    """The modules loaded after running ``statement`` in a fresh interpreter."""
    script = f"{statement}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    modules: list[str] = json.loads(done.stdout.splitlines()[-1])
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
