"""Getting documents in and out: the start view, drag and drop, files that cannot be read,
closing a pane, choosing the base, cancelling."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtWidgets import QApplication

from compareapp.resources import sample_paths
from compareapp.ui import settings
from compareapp.ui.main_window import MainWindow
from tests.helpers import drop, open_and_wait, wait_for_comparison, wait_for_job

PARAPHRASE = (
    ("Around 1,200 households", "About 1,250 households"),
    ("early on Tuesday", "in the early hours of Tuesday"),
    ("a week of heavy rain", "seven days of torrential rain"),
    ("Register now for unlimited access to the Wire\n\n", ""),
    ("No deaths or serious injuries were reported.", "Nobody was killed or badly hurt."),
)


def third_take(tmp_path: Path) -> Path:
    """A third version of the sample story: the wire report, lightly reworded."""
    text = Path(sample_paths()[0]).read_text(encoding="utf-8")
    for old, new in PARAPHRASE:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "third-take.txt"
    path.write_text(text, encoding="utf-8")
    return path


def open_three(qtbot, window: MainWindow, tmp_path: Path) -> list[str]:
    paths = [*sample_paths(), str(third_take(tmp_path))]
    open_and_wait(qtbot, window, paths)
    assert len(window.comparison_view.panes) == 3
    return paths


# The start view -------------------------------------------------------------------------


def test_a_new_window_shows_the_start_view(qtbot, window: MainWindow):
    assert window.stack.currentWidget() is window.start_view
    assert window.start_view.isVisible()
    assert window.start_view.sample_button.isVisible()
    assert not window.message_bar.isVisible()

    qtbot.mouseClick(window.start_view.sample_button, Qt.MouseButton.LeftButton)
    wait_for_comparison(qtbot, window)

    view = window.comparison_view
    assert len(view.panes) == 2
    assert [pane.document.name for pane in view.panes] == [Path(p).name for p in sample_paths()]
    assert settings.recent_files() == [], "the sample is not a recent file"


def test_one_file_is_not_enough(qtbot, window: MainWindow, seed_paths):
    window.files.open_paths([str(seed_paths[0])])
    wait_for_job(qtbot, window)

    assert window.stack.currentWidget() is window.start_view
    assert seed_paths[0].name in window.start_view.note.text()
    assert window.comparison_view.result is None
    assert not window.actions_by_name["next_difference"].isEnabled()
    assert settings.recent_files() == [str(seed_paths[0])]

    # The second file completes the comparison.
    open_and_wait(qtbot, window, [seed_paths[1]])
    assert [pane.document.name for pane in window.comparison_view.panes] == [
        path.name for path in seed_paths
    ]


# Drag and drop --------------------------------------------------------------------------


def test_dropping_a_file_on_the_window_adds_it(qtbot, window: MainWindow, tmp_path: Path):
    open_and_wait(qtbot, window, sample_paths())
    extra = third_take(tmp_path)

    accepted = drop(window, [extra])
    assert accepted == (True, True)
    wait_for_comparison(qtbot, window)

    view = window.comparison_view
    assert len(view.panes) == 3
    assert len(view.link_maps) == 2
    assert view.panes[2].document.name == extra.name
    assert view.link_maps[1].bands == view.model.bands(1, 2)
    assert view.link_maps[1].bands, "the third take shares paragraphs with the second"


def test_dropping_a_file_on_a_pane_replaces_its_document(qtbot, window: MainWindow, tmp_path: Path):
    open_and_wait(qtbot, window, sample_paths())
    extra = third_take(tmp_path)

    drop(window.comparison_view.panes[1], [extra])
    wait_for_comparison(qtbot, window)

    panes = window.comparison_view.panes
    assert len(panes) == 2
    assert panes[0].document.name == Path(sample_paths()[0]).name
    assert panes[1].document.name == extra.name


def test_dropping_something_else_is_refused(qtbot, window: MainWindow):
    mime = QMimeData()
    mime.setText("not a file")
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert window.jobs.task is None


# Files that cannot be read --------------------------------------------------------------


def test_unreadable_files_are_reported_and_the_comparison_stays(
    qtbot, window: MainWindow, tmp_path: Path
):
    open_and_wait(qtbot, window, sample_paths())
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(32)) * 64 + b"\x00\x00\xff\xfe" * 100)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")

    window.files.open_paths([str(blob), str(empty)])
    wait_for_comparison(qtbot, window)

    bar = window.message_bar
    assert bar.isVisible()
    lines = bar.text().splitlines()
    assert len(lines) == 2
    assert str(blob) in lines[0]
    assert "binary" in lines[0] or "decoded" in lines[0]
    assert str(empty) in lines[1]
    assert "empty" in lines[1]

    view = window.comparison_view
    assert len(view.panes) == 2
    assert [pane.document.name for pane in view.panes] == [Path(p).name for p in sample_paths()]
    window.actions_by_name["next_difference"].trigger()
    first = view.panes[view.current_document].view.textCursor().selectionStart()
    window.actions_by_name["next_difference"].trigger()
    assert view.panes[view.current_document].view.textCursor().selectionStart() > first

    # The next good comparison clears the errors.
    window.actions_by_name["show_typographic"].trigger()
    wait_for_comparison(qtbot, window)
    assert not bar.isVisible()


# Closing a pane, choosing the base, typographic differences -----------------------------


def test_closing_a_pane(qtbot, window: MainWindow, tmp_path: Path):
    paths = open_three(qtbot, window, tmp_path)

    qtbot.mouseClick(window.comparison_view.panes[2].close_button, Qt.MouseButton.LeftButton)
    wait_for_comparison(qtbot, window)

    view = window.comparison_view
    assert len(view.panes) == 2
    assert len(view.link_maps) == 1
    assert [pane.document.name for pane in view.panes] == [Path(p).name for p in paths[:2]]


def test_closing_the_base_pane_makes_the_first_the_base(qtbot, window: MainWindow, tmp_path: Path):
    paths = open_three(qtbot, window, tmp_path)
    qtbot.mouseClick(window.comparison_view.panes[1].base_button, Qt.MouseButton.LeftButton)
    wait_for_comparison(qtbot, window)
    assert window.comparison_view.model.base == 1

    qtbot.mouseClick(window.comparison_view.panes[1].close_button, Qt.MouseButton.LeftButton)
    wait_for_comparison(qtbot, window)

    view = window.comparison_view
    assert [pane.document.name for pane in view.panes] == [Path(paths[0]).name, "third-take.txt"]
    assert view.model.base == 0
    assert view.panes[0].base_button.isChecked()


def test_choosing_the_base(qtbot, window: MainWindow, tmp_path: Path):
    open_three(qtbot, window, tmp_path)
    assert window.comparison_view.model.base == 0
    assert not window.comparison_view.panes[1].base_button.isChecked()

    qtbot.mouseClick(window.comparison_view.panes[1].base_button, Qt.MouseButton.LeftButton)
    wait_for_comparison(qtbot, window)

    view = window.comparison_view
    assert view.model.base == 1
    assert window.base == 1
    assert [pane.base_button.isChecked() for pane in view.panes] == [False, True, False]
    assert view.panes[1].base_button.text() == "Base"
    checked = [action.text() for action in window.base_menu.actions() if action.isChecked()]
    assert checked == [view.panes[1].document.name]
    assert view.link_maps[0].bands == view.model.bands(0, 1)


def test_showing_typographic_differences(qtbot, window: MainWindow, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    assert window.comparison_view.model.typographic is False

    window.actions_by_name["show_typographic"].trigger()
    wait_for_comparison(qtbot, window)

    assert window.actions_by_name["show_typographic"].isChecked()
    assert window.comparison_view.model.typographic is True
    assert len(window.comparison_view.panes) == 2


# Cancelling -----------------------------------------------------------------------------


def test_cancelling_the_job(qtbot, window: MainWindow, seed_paths):
    progress = (window.busy.label, window.busy.bar, window.busy.cancel_button)
    window.files.open_paths([str(path) for path in seed_paths])
    assert window.jobs.task is not None
    assert all(widget.isVisible() for widget in progress)

    window.jobs.cancel()

    assert window.jobs.task is None
    assert not any(widget.isVisible() for widget in progress)
    assert window.statusBar().currentMessage() == "Cancelled"
    qtbot.wait(1000)  # the worker finishes in the background; nothing may come of it
    assert window.stack.currentWidget() is window.start_view
    assert window.comparison_view.result is None
    assert window.documents == []


def test_the_sample_opens_with_its_first_document_as_base(
    qtbot, window: MainWindow, tmp_path: Path
):
    open_three(qtbot, window, tmp_path)
    qtbot.mouseClick(window.comparison_view.panes[2].base_button, Qt.MouseButton.LeftButton)
    wait_for_comparison(qtbot, window)
    assert window.comparison_view.model.base == 2

    window.actions_by_name["open_sample"].trigger()
    wait_for_comparison(qtbot, window)

    view = window.comparison_view
    assert len(view.panes) == 2
    assert view.model.base == 0, "a fresh comparison does not keep the old base"
    assert view.panes[0].base_button.isChecked()


def test_cancelling_the_sample_keeps_the_comparison(qtbot, window: MainWindow, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    window.files.open_sample()
    window.jobs.cancel()
    qtbot.wait(500)  # nothing may come of the cancelled job

    names = [path.name for path in seed_paths]
    assert [document.name for document in window.documents] == names
    assert [pane.document.name for pane in window.comparison_view.panes] == names
