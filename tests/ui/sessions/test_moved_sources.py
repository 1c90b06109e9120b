"""A session whose sources changed or moved: marks follow the edited text, a missing source
can be located, and a folder moved with its articles still opens."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from compareapp.core.review.anchors import AnchorState
from compareapp.core.review.marks import MarkStatus
from compareapp.core.review.session import SESSION_SUFFIX
from compareapp.core.review.session_file import load_session
from compareapp.ui.main_window import MainWindow
from tests.helpers import (
    OUTLET,
    WIRE,
    answer_save_path,
    mark_text,
    press,
    row_ids,
    row_of,
    save_with_keys,
    second_window,
    shown,
    view_range,
    wait_for_comparison,
    wait_for_job,
)

MOVED_PASSAGE = "No deaths or serious injuries were reported."
INSERTED = "A paragraph added by the editor after the session was saved.\n\n"


def test_marks_follow_a_changed_source(
    qtbot, articles: MainWindow, copies: list[Path], tmp_path: Path, monkeypatch
):
    window = articles
    [title] = mark_text(qtbot, window, "Floodwater forces evacuations", MarkStatus.VERIFIED)
    [moving] = mark_text(qtbot, window, MOVED_PASSAGE, MarkStatus.DISPUTED)
    saved = tmp_path / f"review{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, window, saved)
    save_with_keys(qtbot, window)
    window.close()  # a session open in a window is not opened twice (issue 23)

    wire = copies[WIRE]
    text = wire.read_text(encoding="utf-8")
    wire.write_text(text.replace(MOVED_PASSAGE, INSERTED + MOVED_PASSAGE), encoding="utf-8")
    reopened = second_window(qtbot)
    reopened.sessions.open_session_file(str(saved))
    wait_for_comparison(qtbot, reopened)

    moved = reopened.review.marks.get(moving.id)
    assert moved.state is AnchorState.MOVED
    assert moved.quote == MOVED_PASSAGE
    new_text = reopened.comparison_view.result.documents[WIRE].text
    new_start = new_text.index(MOVED_PASSAGE)
    assert new_start == moving.anchor.start + len(INSERTED)
    assert (moved.anchor.start, moved.anchor.end) == (new_start, new_start + len(MOVED_PASSAGE))
    assert reopened.review.marks.get(title.id).state is AnchorState.ANCHORED
    marks_shown = shown(reopened, WIRE)
    assert set(marks_shown) == {title.id, moving.id}
    assert (marks_shown[moving.id].start, marks_shown[moving.id].end) == view_range(
        reopened, WIRE, moved.anchor.start, moved.anchor.end
    )
    offer = reopened.offer_bar.text()
    assert "wire-report.txt changed" in offer
    assert "1 anchored, 1 moved" in offer
    assert row_of(reopened, moving.id).text(6) == "moved"
    assert reopened.isWindowModified(), "the re-anchored marks are not saved yet"

    # The marked passage is deleted: after F5 its mark is orphaned, listed but not shown.
    wire.write_text(new_text.replace(MOVED_PASSAGE, ""), encoding="utf-8")
    press(qtbot, reopened, Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier)
    wait_for_comparison(qtbot, reopened)

    orphan = reopened.review.marks.get(moving.id)
    assert orphan.state is AnchorState.ORPHANED
    assert orphan.quote == MOVED_PASSAGE
    assert list(shown(reopened, WIRE)) == [title.id]
    assert row_ids(reopened) == [title.id, moving.id]
    assert row_of(reopened, moving.id).text(6) == "orphaned: passage not found"
    assert "1 orphaned" in reopened.offer_bar.text()

    # Clicking its row says why it is not shown.
    reopened.review_panel.mark_activated.emit(moving.id)
    assert "its passage was not found" in reopened.statusBar().currentMessage()

    # Saved, the session remembers the orphan with its quote.
    answer_save_path(monkeypatch, reopened, saved)
    save_with_keys(qtbot, reopened)
    states = {mark.id: mark.state for mark in load_session(saved).marks}
    assert states == {title.id: AnchorState.ANCHORED, moving.id: AnchorState.ORPHANED}
    assert not reopened.isWindowModified()


def test_a_missing_source_can_be_located(
    qtbot, articles: MainWindow, copies: list[Path], tmp_path: Path, monkeypatch
):
    window = articles
    window.actions_by_name["with_counterparts"].trigger()
    marks = mark_text(qtbot, window, "1,200", MarkStatus.DISPUTED)
    saved = tmp_path / f"review{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, window, saved)
    save_with_keys(qtbot, window)
    window.close()  # a session open in a window is not opened twice (issue 23)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    moved = Path(shutil.move(copies[OUTLET], elsewhere / copies[OUTLET].name))

    reopened = second_window(qtbot)
    reopened.sessions.open_session_file(str(saved))
    wait_for_job(qtbot, reopened)

    offer = reopened.offer_bar.text()
    assert f"Not found: outlet-rewrite.txt ({copies[OUTLET]})" in offer
    assert "wire-report.txt" not in offer
    locate = reopened.offer_bar.button("Locate outlet-rewrite.txt…")
    assert locate.isVisible()
    assert reopened.stack.currentWidget() is reopened.start_view
    assert row_ids(reopened) == [mark.id for mark in marks], "the marks are kept"
    assert row_of(reopened, marks[1].id).text(1) == "outlet-rewrite.txt"
    asked: list[tuple] = []

    def choose(*args, **kwargs):
        asked.append(args)
        return str(moved), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    qtbot.mouseClick(locate, Qt.MouseButton.LeftButton)
    wait_for_comparison(qtbot, reopened)

    assert len(asked) == 1
    documents = reopened.comparison_view.result.documents
    assert [d.name for d in documents] == ["wire-report.txt", "outlet-rewrite.txt"]
    assert documents[OUTLET].path == str(moved)
    assert [d.source_id for d in documents] == [mark.source for mark in marks]
    assert list(shown(reopened, WIRE)) == [marks[0].id]
    assert list(shown(reopened, OUTLET)) == [marks[1].id]
    assert not reopened.offer_bar.isVisible()

    # Saved again, the session knows where the source is now.
    save_with_keys(qtbot, reopened)
    assert [source.path for source in load_session(saved).sources] == [
        str(copies[WIRE]),
        str(moved),
    ]


def test_a_located_base_source_is_the_base_again(
    qtbot, articles: MainWindow, copies: list[Path], tmp_path: Path, monkeypatch
):
    window = articles
    assert window.base == WIRE
    mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    saved = tmp_path / f"review{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, window, saved)
    save_with_keys(qtbot, window)
    window.close()  # a session open in a window is not opened twice (issue 23)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    moved = Path(shutil.move(copies[WIRE], elsewhere / copies[WIRE].name))
    reopened = second_window(qtbot)
    reopened.sessions.open_session_file(str(saved))
    wait_for_job(qtbot, reopened)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(moved), ""))

    qtbot.mouseClick(
        reopened.offer_bar.button("Locate wire-report.txt…"), Qt.MouseButton.LeftButton
    )
    wait_for_comparison(qtbot, reopened)

    documents = reopened.comparison_view.result.documents
    assert len(documents) == 2
    assert documents[reopened.comparison_view.model.base].name == "wire-report.txt"
    assert [d.name for d in documents] == ["wire-report.txt", "outlet-rewrite.txt"]


def test_a_folder_moved_with_its_articles_still_opens(
    qtbot, articles: MainWindow, copies: list[Path], tmp_path: Path, monkeypatch
):
    window = articles
    [mark] = mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    folder = copies[0].parent
    answer_save_path(monkeypatch, window, folder / "review")
    save_with_keys(qtbot, window)
    moved = Path(shutil.move(folder, tmp_path / "archive"))
    assert not folder.exists()

    reopened = second_window(qtbot)
    reopened.sessions.open_session_file(str(moved / f"review{SESSION_SUFFIX}"))
    wait_for_comparison(qtbot, reopened)

    assert [d.path for d in reopened.documents] == [str(moved / p.name) for p in copies]
    assert list(shown(reopened, WIRE)) == [mark.id]
    assert not reopened.offer_bar.isVisible()


def test_a_failed_save_is_reported_and_the_marks_stay_unsaved(
    qtbot, sample: MainWindow, tmp_path: Path, monkeypatch
):
    window = sample
    mark_text(qtbot, window, "1,200 households", MarkStatus.VERIFIED)
    target = tmp_path / "no such folder" / "review"
    answer_save_path(monkeypatch, window, target)

    save_with_keys(qtbot, window)

    assert f"Cannot save {target}{SESSION_SUFFIX}" in window.message_bar.text()
    assert window.sessions.session_path is None
    assert window.isWindowModified()
