"""File > Export PDF from the window: in the background, said when done, session untouched."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdf
import pytest
from pytestqt.qtbot import QtBot

from compareapp.core.review.marks import MarkStatus
from compareapp.resources import sample_paths
from compareapp.ui.main_window import MainWindow
from tests.helpers import open_and_wait, select_text


def mark_number(window: MainWindow) -> None:
    select_text(window, 0, "1,200")
    window.marking.mark_selection(MarkStatus.DISPUTED, True)


def test_export_writes_the_marks_and_leaves_the_session_as_it_was(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_wait(qtbot, window, sample_paths())
    mark_number(window)
    marks_before = list(window.review)
    modified_before = window.review.is_modified()
    target = tmp_path / "report"
    monkeypatch.setattr(window.exports, "ask_export_path", lambda: str(target))

    window.actions_by_name["export_pdf"].trigger()
    qtbot.waitUntil(lambda: window.exports.task is None, timeout=30_000)

    written = tmp_path / "report.pdf"
    assert "Exported" in window.offer_bar.text() and str(written) in window.offer_bar.text()
    assert window.offer_bar.button("Open").isVisible()
    highlights = [
        annotation
        for page in pypdf.PdfReader(written).pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object()["/Subtype"] == "/Highlight"
    ]
    assert len(highlights) == 2  # the number and its counterpart
    assert list(window.review) == marks_before
    assert window.review.is_modified() == modified_before


def test_a_failed_export_says_why_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_wait(qtbot, window, sample_paths())
    target = tmp_path / "no-such-folder" / "report.pdf"
    monkeypatch.setattr(window.exports, "ask_export_path", lambda: str(target))
    window.exports.export_pdf()
    qtbot.waitUntil(lambda: window.exports.task is None, timeout=30_000)
    assert str(target) in window.message_bar.text()
    assert "does not exist" in window.message_bar.text()
    assert not target.parent.exists()


def test_file_export_redline_pdf_writes_the_one_column_layout(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_wait(qtbot, window, sample_paths())
    target = tmp_path / "redline"
    monkeypatch.setattr(window.exports, "ask_export_path", lambda: str(target))

    window.actions_by_name["export_redline_pdf"].trigger()
    qtbot.waitUntil(lambda: window.exports.task is None, timeout=60_000)

    written = target.with_suffix(".pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(written), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Redline: outlet-rewrite.txt against wire-report.txt" in text
    assert "Exported" in window.offer_bar.text()
