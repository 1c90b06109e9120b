"""The installed ``compareapp`` command, run as a user runs it from a shell."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

COMMAND = shutil.which("compareapp", path=str(Path(sys.executable).parent))
"""The command installed next to the Python that runs the tests."""
ROOT = Path(__file__).resolve().parents[2]
DRIVER_TIMEOUT_S = 60


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


def driver_report(script: str, *args: str, environment: Mapping[str, str] | None = None) -> Any:
    """Run ``python -c SCRIPT ARGS``, a driver that starts the app and prints what it saw
    as its last line of JSON, offscreen and with an instance of its own; that JSON."""
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=DRIVER_TIMEOUT_S,
        cwd=ROOT,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "COMPAREAPP_INSTANCE_NAME": f"compareapp-test-{uuid.uuid4().hex[:10]}",
            **(environment or {}),
        },
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])
