"""A mark re-attached after its words changed says what they were: the source edited on
disk and reloaded, or a session reopened on a changed source, and the review dock's row,
its tooltip, the editor and the exported PDF's note give the earlier wording."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from compareapp.core.review.anchors import AnchorState
from compareapp.core.review.marks import MarkStatus
from compareapp.core.review.session import SESSION_SUFFIX
from compareapp.resources import sample_paths
from compareapp.ui.docks.review_panel import COLUMNS
from compareapp.ui.main_window import MainWindow
from tests.helpers import (
    WIRE,
    activate,
    answer_save_path,
    click_row,
    mark_text,
    open_and_wait,
    row_of,
    save_with_keys,
    second_window,
    wait_for_comparison,
)

MARKED = "1,200 households"
REWORDED = "1,250 households"
WAS = f"was: “{MARKED}”"
QUOTE, ANCHOR = COLUMNS.index("Quote"), COLUMNS.index("Anchor")


@pytest.fixture
def copies(tmp_path: Path) -> list[Path]:
    """The sample's articles in a folder of their own, to edit."""
    return [Path(shutil.copy(path, tmp_path)) for path in sample_paths()]


def reword_on_disk(article: Path) -> None:
    text = article.read_text(encoding="utf-8")
    assert text.count(MARKED) == 1
    article.write_text(text.replace(MARKED, REWORDED), encoding="utf-8")


def test_a_source_edited_on_disk_shows_the_marks_earlier_wording(
    qtbot: QtBot,
    window: MainWindow,
    copies: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_and_wait(qtbot, activate(qtbot, window), copies)
    (mark,) = mark_text(qtbot, window, MARKED, MarkStatus.DISPUTED)
    assert row_of(window, mark.id).text(QUOTE) == MARKED

    reword_on_disk(copies[WIRE])
    qtbot.waitUntil(lambda: "changed on disk" in window.offer_bar.text(), timeout=5000)
    window.offer_bar.button("Reload").click()
    wait_for_comparison(qtbot, window)

    moved = window.review.marks.get(mark.id)
    assert (moved.state, moved.quote) == (AnchorState.MOVED, REWORDED)
    row = row_of(window, mark.id)
    assert row.text(QUOTE) == f"{REWORDED}\n{WAS}"
    assert row.toolTip(QUOTE) == f"{REWORDED}\n{WAS}"
    assert row.text(ANCHOR) == "moved, reworded"
    assert WAS in row.toolTip(ANCHOR)
    click_row(qtbot, window, mark.id)
    assert window.review_panel.quote_label.text() == f"“{REWORDED}”\n{WAS}"

    target = tmp_path / "report"
    monkeypatch.setattr(window.exports, "ask_export_path", lambda: str(target))
    window.actions_by_name["export_pdf"].trigger()
    qtbot.waitUntil(lambda: window.exports.task is None, timeout=30_000)
    notes = [
        str(annotation.get_object()["/Contents"])
        for page in pypdf.PdfReader(tmp_path / "report.pdf").pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object()["/Subtype"] == "/Highlight"
    ]
    assert notes == [f"Disputed\n{WAS}"]


def test_a_session_reopened_on_a_changed_source_shows_the_earlier_wording(
    qtbot: QtBot,
    window: MainWindow,
    copies: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_and_wait(qtbot, activate(qtbot, window), copies)
    (mark,) = mark_text(qtbot, window, MARKED, MarkStatus.VERIFIED)
    saved = tmp_path / f"review{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, window, saved)
    save_with_keys(qtbot, window)
    qtbot.waitUntil(lambda: saved.exists())
    window.close()

    reword_on_disk(copies[WIRE])
    reopened = second_window(qtbot)
    reopened.sessions.open_session_file(str(saved))
    wait_for_comparison(qtbot, reopened)
    assert row_of(reopened, mark.id).text(QUOTE) == f"{REWORDED}\n{WAS}"

    # Saved with the earlier wording: a session opened again still has it.
    answer_save_path(monkeypatch, reopened, saved)
    save_with_keys(qtbot, reopened)
    qtbot.waitUntil(lambda: not reopened.isWindowModified())
    reopened.close()
    third = second_window(qtbot)
    third.sessions.open_session_file(str(saved))
    wait_for_comparison(qtbot, third)
    row = row_of(third, mark.id)
    assert row.text(QUOTE) == f"{REWORDED}\n{WAS}"
    assert row.data(QUOTE, Qt.ItemDataRole.ToolTipRole) == f"{REWORDED}\n{WAS}"
