"""A word too long for any line is broken anywhere (Qt takes minutes to lay out a word of
a million letters at word boundaries); whether a text has one is worked out where the
text is built, off the UI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument

from compareapp.core.documents.loading import load_document
from compareapp.core.present.display_text import DisplayText
from compareapp.ui.panes import document_builder
from compareapp.ui.panes.document_builder import (
    HUGE_WORD,
    build_preview_document,
    build_text_document,
    has_huge_word,
)
from compareapp.ui.panes.text_view import WRAP_ANYWHERE, WRAP_AT_WORDS, DocumentTextView


def display_of(tmp_path: Path, text: str) -> DisplayText:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    return DisplayText.of(load_document(path))


@pytest.mark.parametrize(
    ("word", "huge"), [("x" * HUGE_WORD, True), ("x" * (HUGE_WORD - 1), False)]
)
def test_a_built_text_knows_whether_it_has_a_huge_word(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, word: str, huge: bool
):
    display = display_of(tmp_path, f"A headline\n\nBefore {word} after.\n")
    built = [build_text_document(display, [], []), build_preview_document(display)]
    plain = QTextDocument()
    plain.setPlainText(display.text)
    assert has_huge_word(plain) is huge, "a text built elsewhere is read block by block"

    monkeypatch.setattr(document_builder, "LONG_WORD", None)  # no reading on the UI thread
    assert [has_huge_word(document) for document in built] == [huge, huge]
    view = DocumentTextView()
    qtbot.addWidget(view)
    view.set_text_document(built[0])
    assert view.wordWrapMode() == (WRAP_ANYWHERE if huge else WRAP_AT_WORDS)
