"""Long documents take seconds to compare: as soon as they are read, the panes show the
start of their text (a preview), with the progress and Cancel in the status bar, and the
comparison replaces it when it is ready. A comparison already on screen stays instead."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.loading import load_document
from compareapp.core.present.display_text import DisplayText
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.core.review.session import Session, SessionSource
from compareapp.core.review.session_file import save_session
from compareapp.ui.main_window import MainWindow
from compareapp.ui.panes import document_builder
from compareapp.ui.panes.document_builder import PREVIEW_CHARACTERS, build_preview_document
from tests.helpers import JOB_TIMEOUT_MS, open_and_wait, wait_for_comparison

PARAGRAPHS = 3000
WORDS = (
    "council budget river bridge housing school transport hospital election minister "
    "report inquiry station harbour market village police court museum library park "
    "approved delayed announced rejected funded opened closed reviewed expanded"
).split()


def long_article(rng: random.Random) -> list[str]:
    return [
        f"Paragraph {n + 1}: the {rng.choice(WORDS)} {rng.choice(WORDS)} was "
        + " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 45)))
        + f", said officials on day {rng.randint(1, 365)}."
        for n in range(PARAGRAPHS)
    ]


@pytest.fixture
def long_pair(tmp_path: Path) -> list[Path]:
    """Two versions of a 3,000-paragraph article: the second changes a number in every
    fifth paragraph and drops every hundredth."""
    rng = random.Random(7)
    first = long_article(rng)
    second = [
        paragraph.replace("day", "day 1", 1) if n % 5 == 0 else paragraph
        for n, paragraph in enumerate(first)
        if n % 100 != 99
    ]
    paths = [tmp_path / "wire-long.txt", tmp_path / "rewrite-long.txt"]
    for path, paragraphs in zip(paths, (first, second), strict=True):
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return paths


def hold(
    monkeypatch: pytest.MonkeyPatch, owner: object, name: str, release: threading.Event
) -> None:
    """Make ``owner.name``, called from a job, wait until ``release`` is set."""
    real = getattr(owner, name)

    def when_released(*arguments: Any) -> Any:
        release.wait(30)
        return real(*arguments)

    monkeypatch.setattr(owner, name, when_released)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Hold a comparison job before it compares the wording of the documents' first screens
    and before it lays out its panes' text, until the event is set (so a test sees the
    plain preview however fast the machine aligns); set at the end."""
    release = threading.Event()
    hold(monkeypatch, Comparison, "first_screen", release)
    hold(monkeypatch, document_builder, "build_text_document", release)
    yield release
    release.set()


def first_paragraph(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n\n", 1)[0]


def wait_for_preview(qtbot: QtBot, window: MainWindow, paths: list[Path]) -> None:
    """Wait until every pane shows the start of its document."""
    view = window.comparison_view
    qtbot.waitUntil(
        lambda: (
            len(view.panes) == len(paths)
            and all(
                first_paragraph(path) in pane.view.toPlainText()
                for pane, path in zip(view.panes, paths, strict=True)
            )
        ),
        timeout=JOB_TIMEOUT_MS,
    )


def test_the_texts_show_while_the_comparison_is_computed(
    qtbot: QtBot, window: MainWindow, long_pair: list[Path], held: threading.Event
):
    view = window.comparison_view
    window.files.open_paths([str(path) for path in long_pair])

    wait_for_preview(qtbot, window, long_pair)

    assert window.jobs.task is not None, "the comparison is still being computed"
    assert window.stack.currentWidget() is view
    assert view.result is None and view.link_maps == [], "no comparison yet: no bands"
    assert window.busy.bar.isVisible() and window.busy.cancel_button.isVisible()
    assert [pane.document.name for pane in view.panes] == [path.name for path in long_pair]
    assert view.panes[0].base_button.isChecked()
    assert not any(pane.close_button.isEnabled() for pane in view.panes)
    assert not window.actions_by_name["next_difference"].isEnabled()
    assert window.first_screen_at is not None

    held.set()
    wait_for_comparison(qtbot, window)

    assert view.result is not None
    assert view.link_maps[0].bands, "the comparison links the paragraphs"
    assert view.panes[0].view.document().blockCount() == PARAGRAPHS, "and shows all of them"
    assert not window.busy.bar.isVisible()
    assert window.actions_by_name["next_difference"].isEnabled()


def test_the_preview_holds_the_start_of_a_long_text_and_says_what_comes(
    qtbot: QtBot, window: MainWindow, long_pair: list[Path], held: threading.Event
):
    """A few screens of each document, laid out in a moment; the rest comes with the
    comparison, as the preview's last line says."""
    window.files.open_paths([str(path) for path in long_pair])
    wait_for_preview(qtbot, window, long_pair)

    text = window.comparison_view.panes[0].view.toPlainText()
    lines = text.split("\n")
    assert 1 < len(lines) < PARAGRAPHS
    more = PARAGRAPHS - (len(lines) - 1)
    assert lines[-1] == f"… {more:,} more paragraphs, shown with the comparison"
    assert window.jobs.task is not None


def test_cancelling_during_the_preview_goes_back_to_the_start_view(
    qtbot: QtBot, window: MainWindow, long_pair: list[Path], held: threading.Event
):
    window.files.open_paths([str(path) for path in long_pair])
    wait_for_preview(qtbot, window, long_pair)

    qtbot.mouseClick(window.busy.cancel_button, Qt.MouseButton.LeftButton)

    assert window.jobs.task is None
    assert window.stack.currentWidget() is window.start_view
    assert window.comparison_view.panes == []
    assert window.documents == []
    assert not window.busy.cancel_button.isVisible()
    assert window.statusBar().currentMessage() == "Cancelled"
    assert window.paste_on_start.isEnabled(), "the start view's keys work again"
    qtbot.wait(500)  # nothing may come of the cancelled job
    assert window.stack.currentWidget() is window.start_view
    assert window.comparison_view.result is None


def test_a_comparison_that_fails_after_the_preview_goes_back_to_the_start_view(
    qtbot: QtBot, window: MainWindow, long_pair: list[Path], monkeypatch: pytest.MonkeyPatch
):
    previewed = threading.Event()

    def fail(*_arguments: object) -> object:
        previewed.wait(30)
        raise RuntimeError("no panes today")

    monkeypatch.setattr("compareapp.ui.panes.document_builder.build_text_document", fail)
    window.files.open_paths([str(path) for path in long_pair])
    wait_for_preview(qtbot, window, long_pair)
    previewed.set()

    qtbot.waitUntil(lambda: window.jobs.task is None, timeout=JOB_TIMEOUT_MS)

    assert window.message_bar.text() == "The comparison failed: no panes today"
    assert window.stack.currentWidget() is window.start_view
    assert window.comparison_view.panes == []
    assert not window.busy.bar.isVisible()


def test_a_comparison_on_screen_stays_while_a_new_one_is_computed(
    qtbot: QtBot,
    window: MainWindow,
    seed_paths: list[Path],
    long_pair: list[Path],
    held: threading.Event,
):
    """Only an empty window shows a preview: adding documents to a comparison keeps the
    comparison in view (and usable) until the new one is ready."""
    held.set()
    open_and_wait(qtbot, window, seed_paths)
    shown = window.comparison_view.result
    held.clear()

    window.files.open_paths([str(long_pair[0])])
    qtbot.wait(1000)  # long enough for a preview to arrive

    assert window.jobs.task is not None
    assert window.comparison_view.result is shown
    assert not window.comparison_view.previewing
    assert len(window.comparison_view.panes) == 2
    held.set()
    window.jobs.cancel()


def test_a_sessions_marks_are_shown_once_with_the_comparison(
    qtbot: QtBot, window: MainWindow, long_pair: list[Path], tmp_path: Path
):
    """Opening a session on long documents: its marks are the window's at once (the
    review dock lists them during the preview), and the comparison shows each once."""
    documents = [load_document(path) for path in long_pair]
    text = documents[0].text
    start = text.index("Paragraph 2:")
    mark = ReviewMark.create(
        documents[0].source_id, text, start, start + 30, MarkStatus.DISPUTED, "Tester"
    )
    session_path = tmp_path / "long.compareapp"
    save_session(
        session_path,
        Session(sources=tuple(SessionSource.of(d) for d in documents), marks=(mark,)),
    )

    window.files.open_paths([str(session_path)])
    wait_for_preview(qtbot, window, long_pair)

    assert window.jobs.task is not None
    assert [m.id for m in window.review] == [mark.id]
    assert window.review_panel.list.topLevelItemCount() == 1
    assert all(pane.view.review_marks() == [] for pane in window.comparison_view.panes)

    wait_for_comparison(qtbot, window)

    assert [m.id for m in window.review] == [mark.id], "not lost, not duplicated"
    panes = window.comparison_view.panes
    assert [shown.mark_id for shown in panes[0].view.review_marks()] == [mark.id]
    assert panes[1].view.review_marks() == []
    assert not window.isWindowModified()


def preview_lines(path: Path) -> list[str]:
    display = DisplayText.of(load_document(path))
    return build_preview_document(display).toPlainText().split("\n")


def test_a_short_text_is_previewed_whole_and_a_huge_paragraph_is_cut(qtbot, tmp_path: Path):
    short, huge = tmp_path / "short.txt", tmp_path / "huge.txt"
    short.write_text("First paragraph.\n\nSecond paragraph.\n", encoding="utf-8")
    huge.write_text("word " * PREVIEW_CHARACTERS + "\n\nA second paragraph.\n", encoding="utf-8")

    assert preview_lines(short) == ["First paragraph.", "Second paragraph."]
    first, note = preview_lines(huge)
    assert len(first) == PREVIEW_CHARACTERS
    assert note == "… the rest of the text, shown with the comparison"


def test_a_document_built_off_the_ui_thread_is_let_go_then_taken_by_the_ui_thread(
    qapp, tmp_path: Path
):
    """A job's document leaves its thread with no owner, and the UI thread takes it: pushing
    it to the UI thread from the job could deadlock (document_builder._handed_over)."""
    path = tmp_path / "story.txt"
    path.write_text("A headline\n\nThe first paragraph of the story.\n", encoding="utf-8")
    display = DisplayText.of(load_document(path))
    built: list[Any] = []
    worker = threading.Thread(target=lambda: built.append(build_preview_document(display)))
    worker.start()
    worker.join()
    (document,) = built
    assert document.thread() is None
    document_builder.take_on_ui_thread([document])
    assert document.thread() is qapp.thread()
    assert "first paragraph" in document.toPlainText()
