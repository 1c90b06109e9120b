"""Issue 22 in the window: each pane's header says the document's language and (for a
text file) the encoding assumed; View > Document Language and View > Reopen with
Encoding (also in a pane's context menu) change them, the comparison is recomputed, the
marks follow, and a saved session remembers the choices."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from compareapp.core.review.marks import MarkStatus
from compareapp.ui.main_window import MainWindow
from tests.helpers import (
    mark_text,
    menu_action,
    open_and_wait,
    pane_view,
    second_window,
    shown,
    wait_for_comparison,
)

LANGUAGES = Path(__file__).resolve().parents[1] / "fixtures" / "languages"
MENU = (
    "The chef served a crème brûlée at the café on Friday, the owner said.\n\n"
    "Guests said the dessert was the best in town.\n"
)
OTHER = (
    "The chef served a crème brûlée at the café on Saturday, the owner said.\n\n"
    "Guests said the dessert was the finest in town.\n"
)


def _submenu(menu: QMenu, text: str) -> QMenu:
    """The submenu ``text`` of ``menu``, filled as when the user opens it."""
    action = menu_action(menu, text)
    submenu = action.menu()
    assert isinstance(submenu, QMenu)
    submenu.aboutToShow.emit()
    return submenu


def _view_menu(window: MainWindow, which: str, document: str) -> QMenu:
    window.menus["&View"].aboutToShow.emit()
    reading = window.reading
    top = reading.language_menu if which == "language" else reading.encoding_menu
    assert top is not None
    return _submenu(top, document)


def _info(window: MainWindow, document: int) -> str:
    return window.comparison_view.panes[document].info_label.text()


def test_the_language_is_shown_chosen_and_remembered_in_the_session(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, [LANGUAGES / "de_a.txt", LANGUAGES / "de_b.txt"])
    assert "Plain text · utf-8 · German · " in _info(window, 0)
    assert not window.isWindowModified()

    languages = _view_menu(window, "language", "de_a.txt")
    titles = [action.text() for action in languages.actions() if not action.isSeparator()]
    assert titles == [
        "Detected: German",
        *"English German French Spanish Italian Dutch Portuguese".split(),
    ]
    assert menu_action(languages, "Detected: German").isChecked()
    menu_action(languages, "French").trigger()
    wait_for_comparison(qtbot, window)
    assert "· French (chosen) ·" in _info(window, 0)
    assert "· German ·" in _info(window, 1)
    assert window.documents[0].language == "fr"
    assert window.isWindowModified(), "a choice of language is a change of the session"
    assert menu_action(_view_menu(window, "language", "de_a.txt"), "French").isChecked()

    path = tmp_path / "review.compareapp"
    assert window.sessions.save_to(str(path))
    sources = json.loads(path.read_text(encoding="utf-8"))["sources"]
    assert [source["language"] for source in sources] == ["fr", ""]

    copy = tmp_path / "copy.compareapp"  # (the file itself is open in this window)
    copy.write_bytes(path.read_bytes())
    reopened = second_window(qtbot)  # as at the next start
    reopened.sessions.open_session_file(str(copy))
    wait_for_comparison(qtbot, reopened)
    assert "· French (chosen) ·" in _info(reopened, 0)
    assert not reopened.isWindowModified()
    reopened.close_without_asking()

    # Back to the detected language, from the pane's context menu this time.
    menu = QMenu()
    window.comparison_view.extend_context_menu(menu, 0, 0)  # type: ignore[misc]
    menu_action(_submenu(menu, "Language"), "Detected: German").trigger()
    wait_for_comparison(qtbot, window)
    assert "· German ·" in _info(window, 0) and "(chosen)" not in _info(window, 0)


def test_reopen_with_encoding_changes_the_text_and_the_mark_follows(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    menu_file = tmp_path / "menu.txt"
    menu_file.write_bytes(MENU.encode("cp1252"))  # as well read as Windows-1250
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    open_and_wait(qtbot, window, [menu_file, other])
    assert "Plain text · cp1252 (assumed) · " in _info(window, 0)
    [mark] = mark_text(qtbot, window, "crème brûlée at the café", MarkStatus.DISPUTED)
    assert mark.id in shown(window, 0)

    encodings = _view_menu(window, "encoding", "menu.txt")
    titles = [action.text() for action in encodings.actions()]
    assert titles[0] == "Windows-1252 (Western) (detected)"
    assert "Windows-1250 (Central European)" in titles
    assert menu_action(encodings, "Windows-1252 (Western) (detected)").isChecked()
    menu_action(encodings, "Windows-1250 (Central European)").trigger()
    wait_for_comparison(qtbot, window)

    document = window.documents[0]
    assert (document.encoding, document.encoding_chosen) == ("cp1250", True)
    assert document.source_id == mark.source
    assert "crčme brűlée" in pane_view(window, 0).toPlainText()
    assert "Plain text · cp1250 (chosen) · " in _info(window, 0)
    moved = window.review.marks.get(mark.id)
    assert moved.quote == "crčme brűlée at the café"
    assert moved.original_quote == "crème brûlée at the café"
    assert mark.id in shown(window, 0), "the mark is shown on the new text"
    assert window.isWindowModified()

    # Reloading keeps the chosen encoding; a saved session records it.
    window.files.reload_sources()
    wait_for_comparison(qtbot, window)
    assert window.documents[0].encoding == "cp1250"
    path = tmp_path / "review.compareapp"
    assert window.sessions.save_to(str(path))
    source = json.loads(path.read_text(encoding="utf-8"))["sources"][0]
    assert (source["encoding"], source["encoding_chosen"]) == ("cp1250", True)

    # Back to Windows-1252 from the pane's context menu: the mark reads as it was made.
    menu = QMenu()
    window.comparison_view.extend_context_menu(menu, 0, 0)  # type: ignore[misc]
    menu_action(
        _submenu(menu, "Reopen with Encoding"), "Windows-1252 (Western) (detected)"
    ).trigger()
    wait_for_comparison(qtbot, window)
    assert window.review.marks.get(mark.id).quote == "crème brûlée at the café"
    assert "crème brûlée" in pane_view(window, 0).toPlainText()


def test_only_text_files_can_be_reopened_with_another_encoding(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><article><p>{OTHER}</p></article></body></html>")
    open_and_wait(qtbot, window, [LANGUAGES / "fr_a.txt", page])
    window.menus["&View"].aboutToShow.emit()
    encoding_menu = window.reading.encoding_menu
    assert encoding_menu is not None
    assert [action.text() for action in encoding_menu.actions()] == ["fr_a.txt"]
    menu = QMenu()
    window.comparison_view.extend_context_menu(menu, 1, 0)  # type: ignore[misc]
    texts = [action.text() for action in menu.actions()]
    assert "Language" in texts and "Reopen with Encoding" not in texts
