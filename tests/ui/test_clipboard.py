"""File > New from Clipboard: text or a copied web page becomes a document of the
comparison, named by the time; it is unsaved work until the session is saved, the session
file keeps its text (and the marks on it), autosave and recovery carry it, and nothing
treats it as a file (no watching, no reloading, no recent files, no "locate")."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from compareapp.core.documents.pasted import PASTED_TEXT, PASTED_WEB_PAGE
from compareapp.core.review.session import SESSION_SUFFIX
from compareapp.core.review.session_file import load_session
from compareapp.resources import sample_paths
from compareapp.ui import settings
from compareapp.ui.autosave import AFTER_CHANGE_MS
from compareapp.ui.main_window import MainWindow
from tests.helpers import (
    CTRL_SHIFT,
    activate,
    answer_save_path,
    crash,
    menu_action,
    save_with_keys,
    second_window,
    select_text,
    shown,
    wait_for_comparison,
    wait_for_job,
)

CTRL = Qt.KeyboardModifier.ControlModifier
PASTED = (
    "Marrowby floods\n\n"
    "Around 1,400 households were evacuated early on Tuesday, officials said.\n\n"
    "The mayor, Ingrid Sallow, said the council had “acted within hours”.\n"
)
PASTED_PARAGRAPHS = PASTED.strip().split("\n\n")
PAGE = """<html><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/weather">Weather and travel</a></li></ul></nav>
<article>
<h1>Floodwater forces evacuations in Marrowby</h1>
<p>About 1,200 households in Marrowby were evacuated on Tuesday, the council said.</p>
<p>Mayor Ingrid Sallow said the town had acted within hours of the warning.</p>
</article></body></html>"""
PAGE_PARAGRAPHS = [
    "Floodwater forces evacuations in Marrowby",
    "About 1,200 households in Marrowby were evacuated on Tuesday, the council said.",
    "Mayor Ingrid Sallow said the town had acted within hours of the warning.",
]
PAGE_TEXT = "Home News Weather and travel Floodwater forces evacuations in Marrowby …"
"""The plain text a browser puts beside the page's HTML: menus and all."""


@pytest.fixture(autouse=True)
def _empty_clipboard_afterwards() -> Iterator[None]:
    """Mime data left on the clipboard crashes the process when Qt shuts down (offscreen
    platform), after every test has passed."""
    yield
    QApplication.clipboard().clear()
    QApplication.processEvents()


def copy_to_clipboard(text: str | None = None, html: str | None = None) -> None:
    """Put ``text`` and ``html`` on the clipboard, as copying in another program does."""
    mime = QMimeData()
    if html is not None:
        mime.setHtml(html)
    if text is not None:
        mime.setText(text)
    QApplication.clipboard().setMimeData(mime)


def paste_with_keys(qtbot: QtBot, window: MainWindow) -> None:
    """File > New from Clipboard by its shortcut (Ctrl+Shift+P)."""
    assert window.actions_by_name["paste_document"].shortcut().toString() == "Ctrl+Shift+P"
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL_SHIFT)


def paste_from_menu(window: MainWindow) -> None:
    menu_action(window.menus["&File"], "New from &Clipboard").trigger()


def pane_paragraphs(window: MainWindow, document: int) -> list[str]:
    """The paragraphs pane ``document`` shows, as the user reads them."""
    text_document = window.comparison_view.panes[document].view.document()
    return [text_document.findBlockByNumber(i).text() for i in range(text_document.blockCount())]


@pytest.fixture
def empty(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window on its start view, active."""
    return activate(qtbot, window)


@pytest.fixture
def wire(tmp_path: Path) -> Path:
    """A copy of the sample's wire report that a test may change."""
    path = tmp_path / "wire-report.txt"
    path.write_bytes(Path(sample_paths()[0]).read_bytes())
    return path


# Pasting ------------------------------------------------------------------------------


def test_pasting_text_then_a_web_page_compares_them(qtbot, empty: MainWindow):
    window = empty
    assert window.stack.currentWidget() is window.start_view
    copy_to_clipboard(PASTED)

    qtbot.keyClick(window, Qt.Key.Key_V, CTRL)  # Ctrl+V on the start view pastes too
    wait_for_job(qtbot, window)

    [first] = window.documents
    assert first.name.startswith("Pasted 20")
    assert (first.format, first.has_file) == (PASTED_TEXT, False)
    assert [paragraph.text for paragraph in first.paragraphs] == PASTED_PARAGRAPHS
    assert window.stack.currentWidget() is window.start_view
    assert first.name in window.start_view.note.text()
    assert window.isWindowModified(), "pasted text is kept nowhere yet: unsaved work"
    assert not window.message_bar.isVisible()

    copy_to_clipboard(PAGE_TEXT, PAGE)
    paste_with_keys(qtbot, window)
    wait_for_comparison(qtbot, window)

    first_pane, second_pane = window.comparison_view.panes
    assert pane_paragraphs(window, 0) == PASTED_PARAGRAPHS
    assert pane_paragraphs(window, 1) == PAGE_PARAGRAPHS, "the article, without the menus"
    second = second_pane.document
    assert second.format == PASTED_WEB_PAGE and second.name != first.name
    assert second.name.startswith("Pasted 20")
    assert second_pane.name_label.text() == second.name
    assert "Pasted web page" in second_pane.info_label.text()
    assert "Floodwater forces evacuations" in second_pane.info_label.text()  # its title
    assert "Pasted text" in first_pane.info_label.text()
    assert "kept in the session" in first_pane.name_label.toolTip()
    assert first.name in window.windowTitle() and "[*]" in window.windowTitle()
    assert window.isWindowModified()
    # The comparison links the two versions and sees the changed figure.
    assert window.comparison_view.model.counts().changed >= 1

    # Nothing about them is a file.
    assert window.source_watcher.watcher.files() == []
    assert settings.recent_files() == []

    # With a comparison on screen, Ctrl+V does not paste (the shortcut is for the start view).
    qtbot.keyClick(window, Qt.Key.Key_V, CTRL)
    assert window.jobs.task is None and len(window.documents) == 2


def test_an_empty_clipboard_is_refused_with_a_clear_message(qtbot, empty: MainWindow):
    window = empty
    copy_to_clipboard(" \n\t\n ")
    paste_from_menu(window)
    assert window.message_bar.text() == "The clipboard holds no text"
    assert window.jobs.task is None, "nothing to read, nothing started"
    assert window.documents == []
    assert not window.isWindowModified()

    QApplication.clipboard().clear()
    paste_with_keys(qtbot, window)
    assert window.message_bar.text() == "The clipboard holds no text"
    assert window.documents == []


def test_html_without_an_article_gives_the_plain_text(qtbot, empty: MainWindow):
    window = empty
    copy_to_clipboard(PASTED, "<nav><a href='/'>Home</a></nav><img src='chart.png'>")
    paste_from_menu(window)
    wait_for_job(qtbot, window)
    [document] = window.documents
    assert document.format == PASTED_TEXT
    assert [paragraph.text for paragraph in document.paragraphs] == PASTED_PARAGRAPHS


def test_two_pastes_in_one_minute_get_different_names(qtbot, empty: MainWindow):
    window = empty
    copy_to_clipboard(PASTED)
    paste_from_menu(window)
    wait_for_job(qtbot, window)
    paste_from_menu(window)  # the same text again, a moment later
    wait_for_comparison(qtbot, window)
    first, second = window.documents
    assert first.text == second.text
    assert first.name != second.name
    assert first.name.startswith("Pasted ") and second.name.startswith("Pasted ")


# Saved with the session ---------------------------------------------------------------


def test_a_pasted_document_and_its_mark_are_saved_and_reopened(
    qtbot, empty: MainWindow, wire: Path, tmp_path: Path, monkeypatch
):
    window = empty
    window.files.open_paths([str(wire)])
    wait_for_job(qtbot, window)
    copy_to_clipboard(PASTED)
    paste_with_keys(qtbot, window)
    wait_for_comparison(qtbot, window)
    pasted = window.documents[1]
    assert not pasted.has_file

    select_text(window, 1, "1,400 households")
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL_SHIFT)  # Review > Mark Disputed
    [mark] = list(window.review)
    assert mark.source == pasted.source_id and mark.quote == "1,400 households"
    saved = tmp_path / f"floods{SESSION_SUFFIX}"
    answer_save_path(monkeypatch, window, saved)
    save_with_keys(qtbot, window)
    assert not window.isWindowModified()

    data = json.loads(saved.read_text(encoding="utf-8"))
    assert [source["embedded"] is None for source in data["sources"]] == [True, False]
    assert data["sources"][1]["embedded"]["text"] == PASTED
    assert data["sources"][1]["path"] == ""
    window.close()

    reopened = second_window(qtbot)
    reopened.sessions.open_session_file(str(saved))
    wait_for_comparison(qtbot, reopened)

    assert [d.name for d in reopened.documents] == ["wire-report.txt", pasted.name]
    again = reopened.documents[1]
    assert (again.source_id, again.text, again.format) == (pasted.source_id, PASTED, PASTED_TEXT)
    assert pane_paragraphs(reopened, 1) == PASTED_PARAGRAPHS
    assert list(reopened.review) == [mark]
    assert list(shown(reopened, 1)) == [mark.id], "the mark is shown on the pasted text"
    assert not reopened.isWindowModified()
    assert not reopened.offer_bar.isVisible(), "nothing missing, nothing to locate"
    assert reopened.sessions.missing_sources == []
    assert reopened.source_watcher.watcher.files() == [str(wire)]


def test_reload_and_the_file_watcher_leave_pasted_documents_alone(
    qtbot, empty: MainWindow, wire: Path
):
    window = empty
    window.files.open_paths([str(wire)])
    wait_for_job(qtbot, window)
    copy_to_clipboard(PASTED)
    paste_with_keys(qtbot, window)
    wait_for_comparison(qtbot, window)
    file_document, pasted = window.documents
    assert window.source_watcher.watcher.files() == [str(wire)]

    wire.write_text(file_document.text.replace("1,200", "1,250"), encoding="utf-8")
    qtbot.waitUntil(lambda: "changed on disk" in window.offer_bar.text(), timeout=5000)
    assert window.offer_bar.text().startswith("wire-report.txt changed on disk")
    qtbot.keyClick(window, Qt.Key.Key_F5)  # File > Reload Sources
    wait_for_comparison(qtbot, window)

    reloaded, kept = window.documents
    assert "1,250" in reloaded.text and reloaded.source_id == file_document.source_id
    assert kept is pasted, "the pasted document is not read again"
    assert not window.message_bar.isVisible(), "no 'cannot open' for the pasted document"
    assert window.source_watcher.watcher.files() == [str(wire)]


def test_reload_with_only_pasted_documents_says_there_is_no_file(qtbot, empty: MainWindow):
    window = empty
    copy_to_clipboard(PASTED)
    paste_from_menu(window)
    wait_for_job(qtbot, window)
    copy_to_clipboard(PAGE_TEXT, PAGE)
    paste_from_menu(window)
    wait_for_comparison(qtbot, window)
    documents = list(window.documents)

    qtbot.keyClick(window, Qt.Key.Key_F5)

    assert window.jobs.task is None
    assert window.documents == documents
    assert "No document here has a file to reload" in window.statusBar().currentMessage()


def test_saving_or_exporting_pasted_documents_suggests_a_file_in_the_home_folder(
    qtbot, empty: MainWindow, monkeypatch
):
    window = empty
    copy_to_clipboard(PASTED)
    paste_from_menu(window)
    wait_for_job(qtbot, window)
    copy_to_clipboard(PAGE_TEXT, PAGE)
    paste_from_menu(window)
    wait_for_comparison(qtbot, window)
    suggested: list[str] = []

    def dialog(_parent: object, _title: str, path: str, _filter: str) -> tuple[str, str]:
        suggested.append(path)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    save_with_keys(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)  # File > Export PDF

    name = window.documents[0].name.replace(":", "-")
    assert suggested == [
        str(Path.home() / f"{name}{SESSION_SUFFIX}"),
        str(Path.home() / f"{name}.pdf"),
    ]
    assert window.isWindowModified(), "nothing was saved"


def test_closing_a_pasted_document_asks_first(qtbot, empty: MainWindow, monkeypatch):
    window = empty
    window.files.open_sample()
    wait_for_comparison(qtbot, window)
    copy_to_clipboard(PASTED)
    paste_with_keys(qtbot, window)
    qtbot.waitUntil(lambda: len(window.comparison_view.panes) == 3, timeout=20_000)
    wait_for_comparison(qtbot, window)
    asked: list[tuple[str, str]] = []
    answer = [False]

    def confirm(question: str, detail: str) -> bool:
        asked.append((question, detail))
        return answer[0]

    monkeypatch.setattr(window.files, "confirm", confirm)
    pasted = window.documents[2]
    close = window.comparison_view.panes[2].close_button
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert asked == [(f"Close {pasted.name}?", asked[0][1])]
    assert "pasted" in asked[0][1]
    assert window.documents[2] is pasted

    answer[0] = True
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    wait_for_comparison(qtbot, window)
    assert [d.name for d in window.documents] == ["wire-report.txt", "outlet-rewrite.txt"]


# Autosave and recovery ----------------------------------------------------------------


def test_an_unsaved_paste_is_autosaved_and_recovered_after_a_crash(
    qtbot, empty: MainWindow, tmp_path: Path
):
    crashed = empty
    copy_to_clipboard(PAGE_TEXT, PAGE)
    paste_with_keys(qtbot, crashed)
    wait_for_job(qtbot, crashed)
    [pasted] = crashed.documents
    path = crashed.autosave.path
    qtbot.waitUntil(path.exists, timeout=AFTER_CHANGE_MS + 3000)
    [source] = load_session(path).sources
    assert source.embedded is not None and source.embedded.text == pasted.text
    assert source.embedded.format == PASTED_WEB_PAGE
    crash(crashed)

    window = second_window(qtbot)
    assert window.sessions.offer_recovery() is not None
    qtbot.mouseClick(window.offer_bar.button("Recover"), Qt.MouseButton.LeftButton)
    wait_for_job(qtbot, window)

    [recovered] = window.documents
    assert (recovered.name, recovered.text, recovered.source_id) == (
        pasted.name,
        pasted.text,
        pasted.source_id,
    )
    assert recovered.format == PASTED_WEB_PAGE
    assert window.isWindowModified(), "recovered work is unsaved work"
