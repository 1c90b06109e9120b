"""The installed ``compareapp`` command, run as a user runs it from a shell."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

COMMAND = shutil.which("compareapp", path=str(Path(sys.executable).parent))
"""The command installed next to the Python that runs the tests."""


def run(*args: str, display: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``compareapp ARGS`` and capture its output; ``display=False`` runs it as on a
    machine with no screen (no DISPLAY, no Qt platform chosen)."""
    assert COMMAND, "compareapp is not installed next to this Python"
    environment = None
    if not display:
        hidden = ("DISPLAY", "QT_QPA_PLATFORM")
        environment = {k: v for k, v in os.environ.items() if k not in hidden}
    return subprocess.run(
        [COMMAND, *args], capture_output=True, text=True, timeout=120, env=environment
    )
