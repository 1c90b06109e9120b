"""The window stays responsive with a book's worth of text (benchmarks/window_load.py times
it): a long text is laid out and its paragraphs found a slice at a time, a long dock table
is measured a slice at a time, and a background task leaves the UI thread the interpreter
often. Each ends where doing it all at once would: the same extents, the same widths."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from compareapp.resources import sample_paths
from compareapp.ui import tasks
from compareapp.ui.docks.wrapped_columns import WrappedColumns
from compareapp.ui.main_window import MainWindow
from compareapp.ui.panes.document_builder import PARAGRAPH_SPACING
from compareapp.ui.panes.text_view import DocumentTextView
from tests.helpers import wait_for_comparison

LAYOUT_TIMEOUT_MS = 30_000


def long_text(paragraphs: int) -> str:
    return "\n".join(
        f"Paragraph {n}. " + "The council said the figures would be revised. " * (5 + n % 20)
        for n in range(paragraphs)
    )


def laid_out_extents(view: DocumentTextView) -> list[tuple[float, float]]:
    """Every paragraph's extent as Qt's finished layout has it."""
    layout, block, extents = view.document().documentLayout(), view.document().begin(), []
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        extents.append((rect.top(), max(rect.top(), rect.bottom() - PARAGRAPH_SPACING)))
        block = block.next()
    return extents


def shown_view(qtbot: QtBot, width: int, paragraphs: int) -> tuple[DocumentTextView, QTextDocument]:
    """A text view ``width`` wide, shown, and a text of ``paragraphs`` paragraphs for it."""
    view = DocumentTextView()
    qtbot.addWidget(view)
    view.resize(width, 700)
    view.show()
    document = QTextDocument()
    document.setPlainText(long_text(paragraphs))
    return view, document


def test_a_long_text_is_laid_out_a_slice_at_a_time(qtbot: QtBot) -> None:
    view, document = shown_view(qtbot, 600, 3_000)

    with qtbot.waitSignal(view.extents_changed, timeout=LAYOUT_TIMEOUT_MS):
        view.set_text_document(document)
        assert view.paragraph_extents() == [], "found once laid out, after other events"

    assert len(view.paragraph_extents()) == 3_000
    assert view.paragraph_extents() == laid_out_extents(view)


def test_a_narrower_pane_finds_its_paragraphs_again(qtbot: QtBot) -> None:
    view, document = shown_view(qtbot, 700, 1_500)
    with qtbot.waitSignal(view.extents_changed, timeout=LAYOUT_TIMEOUT_MS):
        view.set_text_document(document)
    wide = view.paragraph_extents()

    with qtbot.waitSignal(view.extents_changed, timeout=LAYOUT_TIMEOUT_MS):
        view.resize(350, 700)

    assert view.paragraph_extents()[-1][1] > wide[-1][1], "longer wrapped, lower down"
    assert view.paragraph_extents() == laid_out_extents(view)


def test_a_long_dock_table_is_measured_a_slice_at_a_time(qtbot: QtBot) -> None:
    view = QTreeWidget()
    qtbot.addWidget(view)
    view.setHeaderLabels(["Kind", "Wording", "Review"])
    for n in range(1_500):
        QTreeWidgetItem(view, [f"kind {n % 7}", "figures " * (1 + n % 60), "✓ verified"])
    view.resize(600, 500)
    view.show()
    columns = WrappedColumns(view)

    columns.fit([1])

    assert columns.measuring, "the first screenful now, the rest after other events"
    qtbot.waitUntil(lambda: not columns.measuring, timeout=LAYOUT_TIMEOUT_MS)
    header = view.header()
    for column in range(3):  # as Qt measures a column's contents, at once
        whole = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        assert columns.natural[column] == whole
    assert view.columnWidth(1) < columns.natural[1], "the long wording wraps"


def test_a_task_leaves_the_ui_thread_the_interpreter_often(qtbot: QtBot) -> None:
    task = tasks.BackgroundTask(lambda _task: None)
    results: list[object] = []

    task.start(results.append, results.append)

    assert sys.getswitchinterval() == pytest.approx(tasks.SWITCH_INTERVAL_S)  # kept in µs
    assert gc.get_threshold() == tasks.COLLECTOR_THRESHOLDS
    qtbot.waitUntil(lambda: results == [None])


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """Put back into the collector's generations what a test froze."""
    yield
    gc.unfreeze()
    gc.enable()


@pytest.mark.usefixtures("unfrozen")
def test_a_large_job_builds_with_the_collector_off_and_freezes_what_it_built() -> None:
    frozen_before = gc.get_freeze_count()
    with tasks.collector_paused_for(tasks.LARGE_JOB_PARAGRAPHS + 1):
        assert not gc.isenabled()
        built = [[k] for k in range(1000)]  # tracked objects, as a comparison's
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen_before + len(built)


@pytest.mark.usefixtures("unfrozen")
def test_a_smaller_job_leaves_the_collector_as_it_was() -> None:
    frozen_before = gc.get_freeze_count()
    with tasks.collector_paused_for(tasks.LARGE_JOB_PARAGRAPHS):
        assert gc.isenabled()
    assert gc.get_freeze_count() == frozen_before


@pytest.mark.usefixtures("unfrozen")
def test_the_window_compares_a_large_pair_with_the_collector_off(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compareapp.core.diff import comparison

    monkeypatch.setattr(tasks, "LARGE_JOB_PARAGRAPHS", 3)  # the sample pair is "large"
    enabled_while_aligning: list[bool] = []
    real_align_pair = comparison.align_pair

    def align_pair(*arguments: object, **keywords: object) -> object:
        enabled_while_aligning.append(gc.isenabled())
        return real_align_pair(*arguments, **keywords)  # type: ignore[arg-type]

    monkeypatch.setattr(comparison, "align_pair", align_pair)
    window.files.open_paths(sample_paths())
    wait_for_comparison(qtbot, window)

    assert enabled_while_aligning == [False]
    assert gc.isenabled() and gc.get_freeze_count() > 0
