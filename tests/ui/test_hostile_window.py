"""Issue 10's bad-input corpus through the window: with two good documents open and a
review mark made, each hostile input is opened with File > Open. A refused one is named
with its reason in the bar above the panes, and the two documents, the mark and the
unsaved state are as they were; a loadable one joins the comparison as a third pane."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from compareapp.core.review.marks import ReviewMark
from compareapp.ui import settings
from compareapp.ui.main_window import MainWindow
from tests.fixtures.hostile_inputs import (
    BY_NAME,
    GOOD_FILES,
    HostileCase,
    Loaded,
    Refused,
    case_params,
    must_drop_root,
    rerun_without_root_privileges,
)
from tests.helpers import drop, open_and_wait, select_text

MARKED = "1,200 households"
"""Text of the first good document (the wire report) that the setup marks verified."""
SLOW_TIMEOUT_MS = 120_000


@dataclass(frozen=True)
class State:
    """What opening a bad file must leave alone."""

    documents: list[tuple[str, str, str]]
    """Path, SHA-256 and source id of each document, in order."""
    marks: list[ReviewMark]
    modified: bool
    title_modified: bool

    @classmethod
    def of(cls, window: MainWindow) -> State:
        return cls(
            [(d.path, d.sha256, d.source_id) for d in window.documents],
            sorted(window.review, key=lambda mark: mark.id),
            window.review.is_modified(),
            window.isWindowModified(),
        )


@pytest.fixture
def marked(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window comparing the two good documents, one passage marked verified."""
    settings.set_reviewer("Ada Checker")
    open_and_wait(qtbot, window, GOOD_FILES)
    select_text(window, 0, MARKED)
    window.actions_by_name["mark_verified"].trigger()
    assert [mark.quote for mark in window.review] == [MARKED]
    assert window.isWindowModified()
    return window


def choose_with_file_open(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path, timeout: int
) -> None:
    """File > Open, the dialog answering ``path``; wait until the job is done and the
    window shows a comparison again."""
    chosen: list[str] = []

    def dialog(*_args: object, **_kwargs: object) -> tuple[list[str], str]:
        chosen.append(str(path))
        return [str(path)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", dialog)
    window.actions_by_name["open"].trigger()
    assert chosen, "File > Open asked the file dialog"
    qtbot.waitUntil(
        lambda: window.jobs.task is None and window.stack.currentWidget() is window.comparison_view,
        timeout=timeout,
    )


def check_window(case: HostileCase, window: MainWindow, path: Path, before: State) -> None:
    panes = window.comparison_view.panes
    expect = case.compared_expect
    if isinstance(expect, Refused):
        message = window.message_bar.text()
        said = f"Cannot {'compare' if expect.compared else 'open'} {path}: "
        assert message.startswith(said), message
        assert expect.reason_contains in message.removeprefix(said)
        assert len(message.splitlines()) == 1
        assert State.of(window) == before, "documents, marks and unsaved state are kept"
        assert [pane.document.path for pane in panes] == [d for d, _h, _s in before.documents]
        return
    assert isinstance(expect, Loaded)
    assert not window.message_bar.isVisible(), window.message_bar.text()
    assert len(panes) == 3
    document = panes[2].document
    assert document.path == str(Path(path).absolute())
    assert expect.paragraphs_ok(len(document.paragraphs))
    for needle in expect.text_contains:
        assert needle in document.text
    after = State.of(window)
    assert after.documents[:2] == before.documents, "the good documents stay, unchanged"
    assert after.marks == before.marks
    assert (after.modified, after.title_modified) == (before.modified, before.title_modified)
    shown = {mark.mark_id for mark in panes[0].view.review_marks()}
    assert shown == {mark.id for mark in before.marks}, "the mark is still shown"


@pytest.mark.parametrize("case", case_params())
def test_hostile_input_through_the_window(
    qtbot: QtBot,
    marked: MainWindow,
    case: HostileCase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    if must_drop_root(case):  # root reads any file
        result = rerun_without_root_privileges(request.node.nodeid)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "1 passed" in result.stdout, result.stdout
        return
    window = marked
    before = State.of(window)
    folder = tmp_path / "hostile"
    folder.mkdir()
    path = case.make(folder)
    timeout = SLOW_TIMEOUT_MS if case.slow else 20_000
    choose_with_file_open(qtbot, window, monkeypatch, path, timeout)
    check_window(case, window, path, before)


def test_the_same_file_twice_shows_it_beside_itself(
    qtbot: QtBot, marked: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a file that is already open adds it again, as a source of its own: the two
    panes match paragraph for paragraph and the mark stays with the first."""
    window = marked
    before = State.of(window)
    path = BY_NAME["same-file-twice"].make(Path("."))
    assert path == GOOD_FILES[0]
    choose_with_file_open(qtbot, window, monkeypatch, path, 20_000)

    documents = window.documents
    assert len(documents) == 3
    assert documents[2].sha256 == documents[0].sha256
    assert documents[2].source_id != documents[0].source_id
    assert window.review.marks.for_source(documents[2].source_id) == []
    model = window.comparison_view.model
    assert window.base == 0
    twins = model.comparison.pair(0, 2)
    assert all(not linked.differences for linked in twins.pairs)
    assert len(twins.pairs) == len(documents[0].paragraphs)
    assert State.of(window).marks == before.marks


def test_a_file_deleted_after_it_was_chosen(
    qtbot: QtBot, marked: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file exists when the dialog returns it and is gone by the time it is read."""
    window = marked
    before = State.of(window)
    path = tmp_path / "gone.txt"
    path.write_text("A story that will not be there.\n", encoding="utf-8")

    def dialog(*_args: object, **_kwargs: object) -> tuple[list[str], str]:
        assert path.exists()
        return [str(path)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", dialog)
    original = window.jobs.start_job

    def delete_then_start(*args: object, **kwargs: object) -> None:
        path.unlink()  # between choosing (the dialog) and loading (the job)
        original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(window.jobs, "start_job", delete_then_start)
    window.actions_by_name["open"].trigger()
    qtbot.waitUntil(lambda: window.jobs.task is None, timeout=20_000)

    assert window.message_bar.text() == f"Cannot open {path}: no such file"
    assert State.of(window) == before


def test_several_hostile_files_at_once_are_each_named(
    qtbot: QtBot, marked: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a bomb, a pipe and a good file together: the good one is added, the other
    two are named, one line each."""
    window = marked
    before = State.of(window)
    paths = [
        BY_NAME[name].make(tmp_path)
        for name in ("docx-zip-bomb", "named-pipe", "utf16-le-without-bom")
    ]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(p) for p in paths], "")
    )
    window.actions_by_name["open"].trigger()
    qtbot.waitUntil(lambda: window.jobs.task is None, timeout=20_000)

    assert window.message_bar.text().splitlines() == [
        f"Cannot open {paths[0]}: is a ZIP bomb: it would inflate to 2047 MB",
        f"Cannot open {paths[1]}: is not a regular file (it is a named pipe)",
    ]
    assert [d.name for d in window.documents] == [*(p.name for p in GOOD_FILES), "utf16.txt"]
    assert State.of(window).marks == before.marks


def test_a_hostile_file_dropped_on_a_pane_keeps_its_document(
    qtbot: QtBot, marked: MainWindow, tmp_path: Path
) -> None:
    """Dropping a file that cannot be read on a pane (to replace its document) leaves the
    pane's document in place, with its mark."""

    window = marked
    before = State.of(window)
    bomb = BY_NAME["docx-zip-bomb"].make(tmp_path)

    drop(window.comparison_view.panes[0], [bomb])
    qtbot.waitUntil(lambda: window.jobs.task is None, timeout=20_000)

    assert window.message_bar.text() == (
        f"Cannot open {bomb}: is a ZIP bomb: it would inflate to 2047 MB"
    )
    assert State.of(window) == before
    assert window.stack.currentWidget() is window.comparison_view
    assert len(window.comparison_view.panes) == 2
