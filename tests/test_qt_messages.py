"""The project's pytest settings fail a test that makes Qt log a warning, and let through
only the platform messages listed in ``qt_log_ignore`` (pyproject.toml)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TESTS = """
from PySide6.QtCore import qCritical, qInfo, qWarning


def test_warning(qapp):
    qWarning("QTextCursor::setPosition: Position '5891' out of range")


def test_critical(qapp):
    qCritical("QPainter::begin: Paint device returned engine == 0, type: 1")


def test_information(qapp):
    qInfo("a message below the warning level")


def test_offscreen_platform_message(qapp):
    qWarning("This plugin does not support raise()")


def test_offscreen_words_inside_another_warning(qapp):
    qWarning("Something else. This plugin does not support raise()")
"""


def test_a_qt_warning_fails_the_test_that_logged_it(tmp_path: Path) -> None:
    (tmp_path / "test_logging.py").write_text(TESTS, encoding="utf-8")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    options = ["-c", str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path), "-p"]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", *options, "no:cacheprovider", "-rA", "test_logging.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env=environment,
    )
    outcomes = {
        line.split("::")[1].split()[0]: line.split()[0]
        for line in run.stdout.splitlines()
        if line.startswith(("PASSED ", "FAILED ", "ERROR "))
    }
    assert outcomes == {
        "test_warning": "FAILED",
        "test_critical": "FAILED",
        "test_information": "PASSED",
        "test_offscreen_platform_message": "PASSED",
        "test_offscreen_words_inside_another_warning": "FAILED",
    }, run.stdout + run.stderr
    assert "Qt messages with level WARNING or above emitted" in run.stdout
    assert run.returncode == 1
