"""A source edited on disk while it is open: the window offers to reload it, and
reloading re-anchors its review marks."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from compareapp.core.review.anchors import AnchorState
from compareapp.core.review.marks import MarkStatus
from compareapp.resources import sample_paths
from compareapp.ui.main_window import MainWindow
from tests.helpers import open_and_wait, select_text, wait_for_comparison


def test_editing_an_open_source_offers_a_reload_that_reanchors_marks(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    copies = [Path(shutil.copy(path, tmp_path)) for path in sample_paths()]
    open_and_wait(qtbot, window, copies)
    document = window.comparison_view.result.documents[0]
    start, _end = select_text(window, 0, "1,200")
    (mark,) = window.marking.mark_selection(MarkStatus.DISPUTED, False)

    text = copies[0].read_text(encoding="utf-8")
    copies[0].write_text("UPDATED: a new first paragraph.\n\n" + text, encoding="utf-8")
    qtbot.waitUntil(lambda: "changed on disk" in window.offer_bar.text(), timeout=5000)
    assert document.name in window.offer_bar.text()

    window.offer_bar.button("Reload").click()
    wait_for_comparison(qtbot, window)
    moved = window.review.marks.get(mark.id)
    assert moved.state is AnchorState.MOVED
    new_text = window.comparison_view.result.documents[0].text
    assert new_text[moved.anchor.start : moved.anchor.end] == "1,200"
    assert moved.anchor.start == start + len("UPDATED: a new first paragraph.\n\n")
    assert [m.mark_id for m in window.comparison_view.panes[0].view.review_marks()] == [mark.id]
    assert "1 moved" in window.offer_bar.text()
