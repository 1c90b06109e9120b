"""The window's Save and Export PDF where the disk is full or the folder cannot be written:
the message bar names the file and the reason, the previous file keeps its bytes, nothing
is left behind, and the window stays open with its marks, still unsaved; once the trouble
is over, saving again saves everything.

The troubles (real where the machine allows, else skipped; simulated ones always run) are
those of ``tests/core/review/test_save_failures.py`` (``Trouble`` in
``tests/fixtures/save_troubles.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from compareapp.core.review.marks import MarkStatus
from compareapp.core.review.session import SESSION_SUFFIX
from compareapp.core.review.session_file import load_session
from compareapp.ui.main_window import MainWindow
from tests.fixtures.save_troubles import KINDS, Trouble
from tests.helpers import (
    activate,
    answer_save_path,
    mark_text,
    save_with_keys,
    wait_for_comparison,
)

EXPORT_TIMEOUT_MS = 30_000


@pytest.fixture
def sample(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.files.open_sample()
    wait_for_comparison(qtbot, window)
    return activate(qtbot, window)


def shown_title(window: MainWindow) -> str:
    """The title as the title bar shows it: ``[*]`` is ``*`` while there are unsaved
    changes."""
    return window.windowTitle().replace("[*]", "*" if window.isWindowModified() else "")


@pytest.mark.parametrize("kind", KINDS)
def test_a_failed_save_says_why_and_keeps_the_file_and_the_unsaved_marks(
    qtbot: QtBot, sample: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    window = sample
    with Trouble(kind, tmp_path) as trouble:
        path = trouble.folder / f"review{SESSION_SUFFIX}"
        answer_save_path(monkeypatch, window, path)
        mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
        save_with_keys(qtbot, window)
        assert "*" not in shown_title(window)
        previous = path.read_bytes()
        mark_text(qtbot, window, "Mill Lane, the regional", MarkStatus.DISPUTED)
        marks = list(window.review)
        trouble.start()

        save_with_keys(qtbot, window)

        assert f"Cannot save {path}: {trouble.expected.reason}" in window.message_bar.text()
        assert path.read_bytes() == previous
        assert trouble.files() == [path.name], "no temporary file is left behind"
        assert window.isVisible()
        assert list(window.review) == marks
        assert shown_title(window).startswith(f"review{SESSION_SUFFIX} (")
        assert "*" in shown_title(window), "still unsaved"
        assert window.sessions.session_path == str(path)

        trouble.stop()
        save_with_keys(qtbot, window)
        assert "*" not in shown_title(window)
        assert [mark.id for mark in load_session(path).marks] == [mark.id for mark in marks]
        assert trouble.files() == [path.name]


@pytest.mark.parametrize("kind", KINDS)
def test_a_failed_export_says_why_and_keeps_the_previous_pdf(
    qtbot: QtBot, sample: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    window = sample
    mark_text(qtbot, window, "1,200 households", MarkStatus.DISPUTED)
    marks = list(window.review)
    title = shown_title(window)
    with Trouble(kind, tmp_path) as trouble:
        target = trouble.folder / "report.pdf"
        target.write_bytes(b"%PDF the previous export")
        monkeypatch.setattr(window.exports, "ask_export_path", lambda: str(target))
        trouble.start()

        window.actions_by_name["export_pdf"].trigger()
        qtbot.waitUntil(lambda: window.exports.task is None, timeout=EXPORT_TIMEOUT_MS)

        message = window.message_bar.text()
        assert f"Cannot export {target}: {trouble.expected.reason}" in message
        assert "Exported" not in window.offer_bar.text()
        assert target.read_bytes() == b"%PDF the previous export"
        assert trouble.files() == ["report.pdf"], "no draft or temporary file is left behind"
        assert window.isVisible()
        assert list(window.review) == marks
        assert shown_title(window) == title and "*" in title, "the export changes nothing"

        trouble.stop()
        window.actions_by_name["export_pdf"].trigger()
        qtbot.waitUntil(lambda: window.exports.task is None, timeout=EXPORT_TIMEOUT_MS)
        assert f"to {target}." in window.offer_bar.text()
        assert target.read_bytes().startswith(b"%PDF-")
        assert trouble.files() == ["report.pdf"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_failed_autosave_says_why_once_and_copies_again_when_it_can(
    qtbot: QtBot, sample: MainWindow, tmp_path: Path, kind: str
) -> None:
    """The timed copy of unsaved work: a full disk or a read-only folder is said once (not
    every two seconds), with the folder and the reason; the marks stay; once the trouble
    is over the next copy is written."""
    window = sample
    with Trouble(kind, tmp_path) as trouble:
        window.autosave.path = trouble.folder / f"copy{SESSION_SUFFIX}"
        window.autosave.after_change.setInterval(10)
        failures: list[str] = []
        window.autosave.failed.connect(failures.append)
        trouble.start()
        mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
        marks = list(window.review)

        qtbot.waitUntil(lambda: "cannot be copied" in window.message_bar.text(), timeout=5_000)
        expected = f"cannot be copied to {trouble.folder} ({trouble.expected.reason})"
        assert expected in window.message_bar.text()
        window.autosave.changed()
        qtbot.wait(200)
        assert len(failures) == 1, "said once, not at every try"
        assert list(window.review) == marks

        trouble.stop()
        window.autosave.changed()
        qtbot.waitUntil(window.autosave.path.exists, timeout=5_000)
        assert [mark.id for mark in load_session(window.autosave.path).marks] == [
            mark.id for mark in marks
        ]
