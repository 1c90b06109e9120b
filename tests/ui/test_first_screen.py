"""Long documents: once they are aligned, and while the rest of their wording is compared,
the preview's first screens show their highlights and the bands between them, the same
as the comparison will; where the reader had scrolled the preview stays."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.loading import load_document
from compareapp.core.present.view_model import Band
from compareapp.ui.controllers.comparison_job import FIRST_SCREEN_PARAGRAPHS
from compareapp.ui.main_window import MainWindow
from compareapp.ui.panes import document_builder
from tests.helpers import JOB_TIMEOUT_MS, wait_for_comparison
from tests.ui.test_preview import hold, long_pair, wait_for_preview  # noqa: F401 (a fixture)

SCROLLED = 300


@pytest.fixture
def aligned(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Hold a comparison job once its documents are aligned, before it compares the
    wording of their first screens, until the event is set; set at the end."""
    release = threading.Event()
    hold(monkeypatch, Comparison, "first_screen", release)
    yield release
    release.set()


@pytest.fixture
def diffed(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Hold it before it lays out its panes' whole text (all its wording compared)."""
    release = threading.Event()
    hold(monkeypatch, document_builder, "build_text_document", release)
    yield release
    release.set()


def highlighted(document: QTextDocument, end: int) -> list[tuple[int, str, str]]:
    """Where, what and which highlight (its tooltip) of the text before ``end``."""
    found = []
    block = document.begin()
    while block.isValid() and block.position() < end:
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            tip = fragment.charFormat().toolTip()
            if tip and fragment.position() + fragment.length() <= end:
                found.append((fragment.position(), fragment.text(), tip))
            fragments += 1
        block = block.next()
    return found


def previewed_paragraphs(document: QTextDocument) -> int:
    """The paragraphs a preview shows: all its blocks but the last line, its note."""
    return document.blockCount() - 1


def test_the_first_screens_are_compared_before_the_rest_as_the_comparison_shows_them(
    qtbot: QtBot,
    window: MainWindow,
    long_pair: list[Path],  # noqa: F811
    aligned: threading.Event,
    diffed: threading.Event,
):
    view = window.comparison_view
    window.files.open_paths([str(path) for path in long_pair])
    wait_for_preview(qtbot, window, long_pair)
    assert view.link_maps == [] and highlighted(view.panes[1].view.document(), 10**9) == []
    qtbot.waitUntil(lambda: view.panes[0].view.verticalScrollBar().maximum() > SCROLLED)
    view.panes[0].view.set_scroll_value(SCROLLED)

    aligned.set()
    qtbot.waitUntil(lambda: bool(view.link_maps), timeout=JOB_TIMEOUT_MS)
    wait_for_preview(qtbot, window, long_pair)

    assert view.previewing and view.result is None and window.jobs.task is not None
    documents = [pane.view.document() for pane in view.panes]
    shown = [previewed_paragraphs(document) for document in documents]
    ends = [document.lastBlock().position() - 1 for document in documents]
    bands = view.link_maps[0].bands
    assert bands and all(band.left < shown[0] and band.right < shown[1] for band in bands)
    first = [highlighted(document, end) for document, end in zip(documents, ends, strict=True)]
    assert any("number" in tip for _, _, tip in first[1]), "day 1 for day: a number added"
    qtbot.waitUntil(lambda: view.panes[0].view.scroll_value() == SCROLLED)
    assert not view.panes[0].close_button.isEnabled(), "still a preview"
    assert window.first_screen_at is not None and window.first_compared_at is not None
    assert window.first_screen_at < window.first_compared_at

    diffed.set()
    wait_for_comparison(qtbot, window)

    panes = [pane.view for pane in view.panes]
    qtbot.waitUntil(lambda: panes[0].scroll_value() == SCROLLED and panes[1].scroll_value() > 0)
    final = [pane.view.document() for pane in view.panes]
    assert [highlighted(document, end) for document, end in zip(final, ends, strict=True)] == first
    assert bands == [
        band for band in view.link_maps[0].bands if band.left < shown[0] and band.right < shown[1]
    ]
    assert all(isinstance(band, Band) for band in bands)


def test_three_documents_preview_the_bands_beside_the_base_only(
    qtbot: QtBot,
    window: MainWindow,
    long_pair: list[Path],  # noqa: F811
    diffed: threading.Event,
    tmp_path: Path,
):
    """The pairs of documents that are not the base are aligned with the whole comparison:
    until then the link map between two of them is empty."""
    third = tmp_path / "third-long.txt"
    rewrite = long_pair[1].read_text(encoding="utf-8")
    third.write_text(rewrite.replace("day 1", "day 2"), encoding="utf-8")
    paths = [*long_pair, third]
    view = window.comparison_view
    window.files.open_paths([str(path) for path in paths])

    qtbot.waitUntil(lambda: len(view.link_maps) == 2, timeout=JOB_TIMEOUT_MS)
    wait_for_preview(qtbot, window, paths)

    assert view.previewing and view.result is None
    assert view.link_maps[0].bands and view.link_maps[1].bands == []
    diffed.set()
    wait_for_comparison(qtbot, window)
    assert view.link_maps[1].bands, "the comparison links the two rewrites too"


def test_short_documents_go_from_their_plain_start_to_the_comparison(
    qtbot: QtBot, window: MainWindow, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
):
    """For an article or two the whole comparison comes a moment after the alignment: the
    panes are not rebuilt once more for a compared first screen in between."""
    shown: list[object] = []
    real = window.show_preview
    monkeypatch.setattr(window, "show_preview", lambda p: (shown.append(p.bands), real(p)))
    documents = [load_document(path) for path in seed_paths]
    assert sum(len(d.paragraphs) for d in documents) <= FIRST_SCREEN_PARAGRAPHS

    window.files.open_paths([str(path) for path in seed_paths])
    wait_for_comparison(qtbot, window)

    assert shown == [None], "the plain preview only"
    assert window.first_compared_at is not None and window.comparison_view.link_maps[0].bands
