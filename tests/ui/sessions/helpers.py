"""What the session tests share besides fixtures: a note, answering "Save changes?", and
the paths of a window's documents."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from compareapp.ui.main_window import MainWindow

Choice = QMessageBox.StandardButton
NOTE = "Council says 1,200; the outlet's 1,400 is unsourced."


def answer_save_changes(monkeypatch: pytest.MonkeyPatch, window: MainWindow, choice: Choice):
    asked: list[Choice] = []

    def ask() -> Choice:
        asked.append(choice)
        return choice

    monkeypatch.setattr(window.sessions, "ask_save_changes", ask)
    return asked


def window_paths(window: MainWindow) -> list[str]:
    return [document.path for document in window.documents]
