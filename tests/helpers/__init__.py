"""Helpers shared by several test modules (pytest fixtures stay in the conftest files):
waiting for a window's comparison, making and reading review marks as a user does,
saving and crashing a window and dropping files on a widget. Folders that refuse files
are made by tests/fixtures/save_troubles.py."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from os import PathLike
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.resources import sample_paths
from compareapp.ui import settings
from compareapp.ui.docks.review_panel import NOTE_COMMIT_MS
from compareapp.ui.main_window import MainWindow
from compareapp.ui.panes.mark_gutter import ShownMark
from compareapp.ui.panes.text_view import DocumentTextView

# Waiting for the window -----------------------------------------------------------------

JOB_TIMEOUT_MS = 20_000


def wait_for_comparison(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the job is done, the comparison is shown, its discrepancies are listed
    and every pane knows where its paragraphs are."""
    qtbot.waitUntil(
        lambda: window.jobs.task is None and window.stack.currentWidget() is window.comparison_view,
        timeout=JOB_TIMEOUT_MS,
    )
    qtbot.waitUntil(lambda: window.discrepancies.task is None, timeout=JOB_TIMEOUT_MS)
    qtbot.waitUntil(
        lambda: all(
            0 < len(pane.view.paragraph_extents()) == pane.view.document().blockCount()
            for pane in window.comparison_view.panes
        ),
        timeout=JOB_TIMEOUT_MS,
    )


def wait_for_job(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.jobs.task is None, timeout=JOB_TIMEOUT_MS)


def open_and_wait(qtbot: QtBot, window: MainWindow, paths: Sequence[str | PathLike[str]]) -> None:
    """Open ``paths`` in ``window`` and wait until the comparison is laid out."""
    window.files.open_paths([str(path) for path in paths])
    wait_for_comparison(qtbot, window)


# Review marks ---------------------------------------------------------------------------

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
WIRE, OUTLET = 0, 1
"""The sample's documents: the wire report (base) and the outlet's rewrite."""
REVIEWER = "Ada Checker"
COLOUR_TOLERANCE = 12


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers=CTRL_SHIFT) -> None:
    """Press a key on the window, as the user does with its keyboard focus in it."""
    qtbot.keyClick(window, key, modifiers)


def pane_view(window: MainWindow, document: int) -> DocumentTextView:
    return window.comparison_view.panes[document].view


def view_range(window: MainWindow, document: int, start: int, end: int) -> tuple[int, int]:
    display = window.comparison_view.model_displays[document]
    return display.position(start), display.position(end)


def offsets_of(window: MainWindow, document: int, text: str) -> tuple[int, int]:
    source = window.comparison_view.result.documents[document].text
    start = source.index(text)
    assert source.find(text, start + 1) == -1, f"{text!r} must be unique in the document"
    return start, start + len(text)


def select_text(window: MainWindow, document: int, text: str) -> tuple[int, int]:
    """Select ``text`` in pane ``document`` (the current pane); its source offsets."""
    start, end = offsets_of(window, document, text)
    pane_view(window, document).select_range(*view_range(window, document, start, end))
    return start, end


def mark_text(
    qtbot: QtBot, window: MainWindow, text: str, status: MarkStatus, document: int = WIRE
) -> list[ReviewMark]:
    """Select ``text`` and press the status's shortcut; the marks it made."""
    assert window.comparison_view.current_document == document
    before = {mark.id for mark in window.review}
    select_text(window, document, text)
    press(qtbot, window, Qt.Key.Key_V if status is MarkStatus.VERIFIED else Qt.Key.Key_D)
    return [mark for mark in window.review if mark.id not in before]


def rows(window: MainWindow) -> list[QTreeWidgetItem]:
    panel_list = window.review_panel.list
    return [panel_list.topLevelItem(index) for index in range(panel_list.topLevelItemCount())]


def row_ids(window: MainWindow) -> list[str]:
    return [window.review_panel._id_of(item) for item in rows(window)]


def row_of(window: MainWindow, mark_id: str) -> QTreeWidgetItem:
    return next(item for item in rows(window) if window.review_panel._id_of(item) == mark_id)


def shown(window: MainWindow, document: int) -> dict[str, ShownMark]:
    """The marks pane ``document`` shows, by id."""
    return {mark.mark_id: mark for mark in pane_view(window, document).review_marks()}


def click_row(qtbot: QtBot, window: MainWindow, mark_id: str) -> None:
    panel_list = window.review_panel.list
    rect = panel_list.visualItemRect(row_of(window, mark_id))
    point = QPoint(max(rect.left(), 0) + 30, rect.center().y())  # on the status column
    assert panel_list.viewport().rect().contains(point)
    qtbot.mouseClick(panel_list.viewport(), Qt.MouseButton.LeftButton, pos=point)


def close_colour(pixel: QColor, expected: QColor, tolerance: int = COLOUR_TOLERANCE) -> bool:
    return all(
        abs(a - b) <= tolerance
        for a, b in zip(
            (pixel.red(), pixel.green(), pixel.blue()),
            (expected.red(), expected.green(), expected.blue()),
            strict=True,
        )
    )


def menu_action(menu: QMenu, text: str):
    titles = [action.text() for action in menu.actions()]
    matching = [action for action in menu.actions() if action.text() == text]
    assert matching, f"{text!r} is not in the menu: {titles}"
    return matching[0]


def type_note(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Click into the note editor, type ``text`` and wait until the note is committed."""
    panel = window.review_panel
    assert panel.editor.isEnabled()
    qtbot.mouseClick(panel.note_edit.viewport(), Qt.MouseButton.LeftButton)
    assert panel.note_edit.hasFocus()
    panel.note_edit.moveCursor(QTextCursor.MoveOperation.End)
    expected = panel.note_edit.toPlainText() + text
    mark_id = panel.selected_ids()[0]
    qtbot.keyClicks(panel.note_edit, text)
    assert window.review.marks.get(mark_id).note != expected, "not committed while typing"
    qtbot.waitUntil(
        lambda: window.review.marks.get(mark_id).note == expected, timeout=NOTE_COMMIT_MS * 4
    )


# Sessions -------------------------------------------------------------------------------

Choice = QMessageBox.StandardButton
CHILD_TIMEOUT_S = 60


def activate(qtbot: QtBot, window: MainWindow) -> MainWindow:
    settings.set_reviewer(REVIEWER)
    with qtbot.waitActive(window):  # a context manager: waits when the block is done
        window.activateWindow()
    return window


def second_window(qtbot: QtBot) -> MainWindow:
    """Another main window, as the app opens at its next start."""
    window = MainWindow()
    window.sessions.ask_save_changes = lambda: Choice.Discard  # as the window fixture does
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitExposed(window):
        window.show()
    return activate(qtbot, window)


def answer_save_path(monkeypatch: pytest.MonkeyPatch, window: MainWindow, path: Path) -> list[str]:
    """The Save dialog will answer ``path``; the list records each time it was asked."""
    asked: list[str] = []

    def ask() -> str:
        asked.append(str(path))
        return str(path)

    monkeypatch.setattr(window.sessions, "ask_save_path", ask)
    return asked


def save_with_keys(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait(timeout=CHILD_TIMEOUT_S)
    return process.pid


def about_to_crash(qtbot: QtBot, folder: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A window on the sample with a disputed mark, as a run that is about to crash; its
    settings and autosaves in ``folder``."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "data"))
    window = second_window(qtbot)
    window.files.open_sample()
    wait_for_comparison(qtbot, window)
    mark_text(qtbot, window, "1,200 households", MarkStatus.DISPUTED)
    return window


def crash(window: MainWindow) -> None:
    """Make ``window``'s autosave look like a copy left by a process that has died."""
    sidecar = window.autosave.path.with_suffix(".json")
    info = json.loads(sidecar.read_text(encoding="utf-8"))
    info["pid"] = dead_pid()
    sidecar.write_text(json.dumps(info), encoding="utf-8")


# Files dropped --------------------------------------------------------------------------


def drop(target: QWidget, paths: list[Path]) -> tuple[bool, bool]:
    """Drag ``paths`` over ``target`` and drop them; whether each event was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    centre = target.rect().center()
    enter = QDragEnterEvent(
        centre,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    dropped = QDropEvent(
        QPointF(centre),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, dropped)
    return enter.isAccepted(), dropped.isAccepted()


# Long names, small screens ---------------------------------------------------------------

LAPTOP = (1280, 720)
"""The smallest screen the window must fit."""
NEWSROOM_FOLDER = (
    "Newsroom Shared Drive/2026 Investigations Desk/Asia Pacific Bureau/Wire Copies and "
    "Rewrites/September Summit Coverage/Putin Xi Samarkand"
)
LONG_TITLE = "Putin acknowledges China’s concerns about Ukraine in reference to friction " * 3


def long_named_copies(folder: Path, count: int = 2) -> list[Path]:
    """``count`` versions of the sample story (the wire report, the rewrite, the wire
    report again) as Markdown files in a deep newsroom folder, each path over 200
    characters and each title over 200 (their front matter)."""
    deep = folder / NEWSROOM_FOLDER
    deep.mkdir(parents=True)
    texts = [Path(path).read_text(encoding="utf-8") for path in sample_paths()]
    copies = []
    for index in range(count):
        name = f"reuters-putin-xi-samarkand-summit-wire-copy-final-version-{index + 1}.md"
        path = deep / name
        title = f"{LONG_TITLE}(version {index + 1})"
        path.write_text(f"---\ntitle: {title}\n---\n\n{texts[index % 2]}", encoding="utf-8")
        assert len(str(path)) > 200 and len(title) > 200
        copies.append(path)
    return copies


def fits(size: tuple[int, int], screen: tuple[int, int] = LAPTOP, frame: int = 40) -> bool:
    """Whether a window of ``size`` (its frame ``frame`` pixels tall) fits ``screen``."""
    return size[0] <= screen[0] and size[1] + frame <= screen[1]
