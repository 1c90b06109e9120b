"""Preferences: saved and read back as a whole, checked when read, and applied by the
dialog's OK to the window: theme, text size, what counts as a difference, autosave."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.present.view_model import DifferenceFilter
from compareapp.export.pdf_export import default_page_size
from compareapp.resources import sample_paths
from compareapp.ui import apply_preferences as applying
from compareapp.ui import settings
from compareapp.ui.main_window import MainWindow
from compareapp.ui.preferences_dialog import PreferencesDialog
from compareapp.ui.settings import (
    SCHEMA_KEY,
    SCHEMA_VERSION,
    Preferences,
    load_preferences,
    save_preferences,
)
from tests.helpers import open_and_wait, wait_for_comparison

CHANGED = Preferences(
    reviewer="Ada Lovelace",
    theme="dark",
    text_size=15.5,
    show_typographic=True,
    show_case=False,
    show_spelling=False,
    page_size="Letter" if default_page_size() == "A4" else "A4",
    autosave_seconds=120,
)
"""Every preference different from its default."""


@pytest.fixture(autouse=True)
def restored_look(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Theme and text size are app-wide: put them back for the tests that follow."""
    monkeypatch.setattr(applying, "text_size", applying.text_size)
    yield
    applying.apply_theme("system")


def settings_path() -> Path:
    return Path(settings.app_settings().fileName())


def write_raw(values: dict[str, object]) -> None:
    """Values written as another program (or a damaged file) could have left them."""
    raw = settings.app_settings()
    for key, value in values.items():
        raw.setValue(key, value)
    raw.sync()


def dark(colour_role: QPalette.ColorRole, palette: QPalette) -> bool:
    return palette.color(colour_role).lightness() < 100


# Saving and loading ---------------------------------------------------------------------


def test_the_defaults(qapp: QApplication) -> None:
    """The text size is compared with the font of a running application (``qapp``)."""
    defaults = Preferences()
    assert defaults.theme == "system"
    assert defaults.show_typographic is False
    assert defaults.show_case is defaults.show_spelling is True
    assert defaults.page_size == default_page_size()
    assert defaults.autosave_seconds == 30
    assert defaults.reviewer == settings.login_name()
    assert 8 <= defaults.text_size <= 24
    assert defaults.text_size >= QApplication.font().pointSizeF()


def test_without_a_settings_file_the_defaults_are_loaded() -> None:
    assert not settings_path().exists()
    assert load_preferences() == Preferences()


def test_an_empty_settings_file_gives_the_defaults() -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("", encoding="utf-8")
    assert load_preferences() == Preferences()


def test_saved_preferences_load_back_equal() -> None:
    save_preferences(CHANGED)
    assert load_preferences() == CHANGED
    assert load_preferences() is not load_preferences()
    text = settings_path().read_text(encoding="utf-8")
    assert f"{SCHEMA_KEY}={SCHEMA_VERSION}" in text


def test_saving_keeps_the_recent_files() -> None:
    settings.remember_files(["/tmp/a.txt"])
    save_preferences(CHANGED)
    assert settings.recent_files() == ["/tmp/a.txt"]
    assert load_preferences() == CHANGED


def test_the_single_value_helpers_read_and_write_the_preferences() -> None:
    save_preferences(CHANGED)
    settings.set_reviewer("  Grace Hopper ")
    assert settings.reviewer() == "Grace Hopper"
    settings.set_page_size("A4")
    assert settings.page_size() == "A4"
    assert load_preferences() == replace(CHANGED, reviewer="Grace Hopper", page_size="A4")
    settings.set_reviewer("")
    assert settings.reviewer() == settings.login_name()


GARBAGE = {
    "reviewer": ["", "   ", ["Ann", "Bob"], 42],
    "theme": ["purple", "", "Dark", 3, ["dark"]],
    "text_size": ["huge", "", 7, 25, "100", "nan", "-1", True, ["12"]],
    "show_typographic": ["maybe", "", 7, ["true"], "yes please"],
    "show_case": ["nope", 2, "", ["false"]],
    "show_spelling": ["2", "truthy", ["1", "0"]],
    "page_size": ["A3", "a4", "", 4, ["A4"]],
    "autosave_seconds": ["soon", "", 5, 601, "0", "-30", "30.5", 1e9, True, ["60"]],
}


@pytest.mark.parametrize(
    ("name", "value"),
    [(name, value) for name, values in GARBAGE.items() for value in values],
    ids=lambda value: repr(value)[:20],
)
def test_a_wrong_value_gives_that_preference_its_default(name: str, value: object) -> None:
    save_preferences(CHANGED)
    write_raw({settings.KEYS[name]: value})
    loaded = load_preferences()
    assert getattr(loaded, name) == getattr(Preferences(), name)
    others = {k: v for k, v in asdict(loaded).items() if k != name}
    assert others == {k: v for k, v in asdict(CHANGED).items() if k != name}


def test_a_damaged_file_gives_the_defaults_without_an_exception() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[General]\nschema_version=one\nreviewer=\ntheme=@Invalid()\ntext_size=1, 2, 3\n"
        "show_case=[[[\nshow_spelling\npdf_page_size=@ByteArray(A4)\nautosave_seconds=1e3\n"
        "\x00\xff garbage line without equals\n[broken\n",
        encoding="utf-8",
    )
    assert load_preferences() == Preferences()


def test_values_of_the_right_kind_written_as_text_are_read() -> None:
    write_raw(
        {
            "theme": "light",
            "text_size": "13",
            "show_typographic": "TRUE",
            "show_case": "0",
            "autosave_seconds": " 45 ",
        }
    )
    loaded = load_preferences()
    assert (loaded.theme, loaded.text_size, loaded.autosave_seconds) == ("light", 13.0, 45)
    assert (loaded.show_typographic, loaded.show_case) == (True, False)


def test_a_file_of_before_the_schema_version_is_read() -> None:
    write_raw({"reviewer": "Old Hand", "pdf_page_size": "Letter"})
    loaded = load_preferences()
    assert (loaded.reviewer, loaded.page_size) == ("Old Hand", "Letter")
    save_preferences(loaded)
    assert str(settings.app_settings().value(SCHEMA_KEY)) == str(SCHEMA_VERSION)


def test_a_newer_schema_version_does_not_crash() -> None:
    write_raw(
        {SCHEMA_KEY: SCHEMA_VERSION + 5, "theme": "dark", "future_key": "x", "text_size": "14"}
    )
    loaded = load_preferences()
    assert loaded == replace(Preferences(), theme="dark", text_size=14.0)
    save_preferences(replace(loaded, autosave_seconds=60))
    raw = settings.app_settings()
    assert str(raw.value(SCHEMA_KEY)) == str(SCHEMA_VERSION + 5), "a newer file keeps its version"
    assert raw.value("future_key") == "x", "keys this version does not know are kept"
    assert load_preferences().autosave_seconds == 60


# The dialog and applying ----------------------------------------------------------------


def open_dialog(qtbot: QtBot, window: MainWindow) -> PreferencesDialog:
    dialog = PreferencesDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def highlight_classes(window: MainWindow) -> set[DifferenceClass]:
    model = window.comparison_view.model
    return {h.kind for d in range(model.document_count) for h in model.highlights(d)}


def test_the_dialog_shows_the_saved_preferences(qtbot: QtBot, window: MainWindow) -> None:
    save_preferences(CHANGED)
    dialog = open_dialog(qtbot, window)
    assert dialog.reviewer.text() == CHANGED.reviewer
    assert dialog.theme.currentData() == "dark"
    assert dialog.text_size.value() == CHANGED.text_size
    assert dialog.show_typographic.isChecked()
    assert not dialog.show_case.isChecked() and not dialog.show_spelling.isChecked()
    assert dialog.page_size.currentText() == CHANGED.page_size
    assert dialog.autosave_seconds.value() == CHANGED.autosave_seconds
    assert dialog.chosen() == CHANGED


def test_ok_without_changes_keeps_every_value(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.accept()
    assert load_preferences() == Preferences()  # the text size to the last decimal too
    assert window.jobs.task is None, "nothing to compare again"


def test_cancel_saves_nothing(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.reviewer.clear()
    qtbot.keyClicks(dialog.reviewer, "Someone Else")
    dialog.autosave_seconds.setValue(200)
    dialog.reject()
    assert not settings_path().exists() or load_preferences() == Preferences()
    assert window.autosave.periodic.interval() == 30_000


def test_ok_saves_and_applies_everything(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_paths())
    assert DifferenceClass.SPELLING in highlight_classes(window)
    assert not dark(QPalette.ColorRole.Window, window.palette())

    dialog = open_dialog(qtbot, window)
    dialog.reviewer.clear()
    qtbot.keyClicks(dialog.reviewer, "Ada Lovelace")
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.text_size.setValue(17)
    dialog.show_spelling.click()
    dialog.page_size.setCurrentText("Letter")
    dialog.autosave_seconds.setValue(90)
    dialog.accept()

    assert load_preferences() == replace(
        Preferences(),
        reviewer="Ada Lovelace",
        theme="dark",
        text_size=17.0,
        show_spelling=False,
        page_size="Letter",
        autosave_seconds=90,
    )
    assert settings.reviewer() == "Ada Lovelace" and settings.page_size() == "Letter"
    assert window.autosave.periodic.interval() == 90_000
    assert window.autosave.periodic.isActive()
    qtbot.waitUntil(lambda: dark(QPalette.ColorRole.Window, window.palette()))
    assert dark(QPalette.ColorRole.Base, window.comparison_view.panes[0].view.palette())
    assert QApplication.style().name().lower() == "fusion"

    assert window.jobs.task is not None, "what counts as a difference changed: compared again"
    wait_for_comparison(qtbot, window)
    assert window.comparison_view.model.filter == DifferenceFilter(spelling=False)
    classes = highlight_classes(window)
    assert DifferenceClass.SPELLING not in classes
    assert {DifferenceClass.NUMBER, DifferenceClass.WORDING} <= classes
    for pane in window.comparison_view.panes:
        assert pane.view.font().pointSizeF() == 17
        assert pane.view.document().defaultFont().pointSizeF() == 17


def test_a_new_text_size_changes_the_open_panes_without_comparing_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_and_wait(qtbot, window, sample_paths())
    panes = list(window.comparison_view.panes)
    before = panes[0].view.document_height()
    dialog = open_dialog(qtbot, window)
    dialog.text_size.setValue(22)
    dialog.accept()
    assert window.jobs.task is None
    assert window.comparison_view.panes == panes
    for pane in panes:
        assert pane.view.font().pointSizeF() == 22
        assert pane.view.document().defaultFont().pointSizeF() == 22
    qtbot.waitUntil(lambda: panes[0].view.document_height() > before * 1.3)


def test_themes_switch_and_system_restores_the_platform_look(
    qtbot: QtBot, window: MainWindow
) -> None:
    platform_style = QApplication.style().name()
    platform_window = QApplication.palette().color(QPalette.ColorRole.Window)
    for theme, is_dark in (("dark", True), ("light", False), ("dark", True)):
        save_preferences(replace(load_preferences(), theme=theme))
        applying.apply_preferences(window)
        assert dark(QPalette.ColorRole.Window, QApplication.palette()) is is_dark, theme
        qtbot.waitUntil(lambda d=is_dark: dark(QPalette.ColorRole.Window, window.palette()) is d)
    save_preferences(replace(load_preferences(), theme="system"))
    applying.apply_preferences(window)
    assert QApplication.style().name() == platform_style
    assert QApplication.palette().color(QPalette.ColorRole.Window) == platform_window


def test_a_new_window_starts_with_the_typographic_preference(qtbot: QtBot) -> None:
    save_preferences(replace(Preferences(), show_typographic=True, autosave_seconds=15))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.actions_by_name["show_typographic"].isChecked()
    assert window.jobs.task is None, "nothing is compared at start"
    assert window.autosave.periodic.interval() == 15_000
    open_and_wait(qtbot, window, sample_paths())
    assert window.comparison_view.model.filter == DifferenceFilter(typographic=True)
    assert DifferenceClass.TYPOGRAPHIC in highlight_classes(window)


def test_the_view_menu_choice_survives_other_changes(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, sample_paths())
    window.actions_by_name["show_typographic"].trigger()
    wait_for_comparison(qtbot, window)
    assert window.comparison_view.model.filter == DifferenceFilter(typographic=True)

    dialog = open_dialog(qtbot, window)
    assert not dialog.show_typographic.isChecked(), "the preference, not the View menu"
    dialog.autosave_seconds.setValue(300)
    dialog.accept()
    assert window.actions_by_name["show_typographic"].isChecked()
    assert window.jobs.task is None

    dialog = open_dialog(qtbot, window)
    dialog.show_typographic.setChecked(True)
    dialog.show_case.setChecked(False)
    dialog.accept()
    wait_for_comparison(qtbot, window)
    assert window.comparison_view.model.filter == DifferenceFilter(typographic=True, case=False)
