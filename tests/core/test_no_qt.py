"""The core imports no Qt: importing every core module leaves PySide6 unloaded."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import compareapp.core


def test_core_modules_import_without_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(compareapp.core.__path__, "compareapp.core.")]
    assert len(modules) >= 10
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
