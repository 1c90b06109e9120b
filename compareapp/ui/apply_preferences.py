"""Make a window look and behave as the Preferences say: theme, text size, autosave
interval and what counts as a difference."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from compareapp.ui.settings import Preferences, load_preferences

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from compareapp.core.present.view_model import DifferenceFilter
    from compareapp.ui.main_window import MainWindow

text_size: float | None = None
"""Point size of the documents' text, read by each new text view; None until Preferences
are first applied (a view then takes a little more than the app's font)."""
_platform_style: str | None = None
"""The style the platform gave the app, kept when a light or dark theme replaced it."""


class WithViewMenu(Protocol):
    """A window whose View menu says whether typographic variants count as differences."""

    actions_by_name: dict[str, QAction]


def difference_settings(
    window: WithViewMenu, preferences: Preferences | None = None
) -> dict[str, bool]:
    """What counts as a difference in ``window``, as the fields of a
    :class:`DifferenceFilter`: typographic variants and page furniture as its View menu
    says, letter case and spellings as the Preferences say."""
    preferences = preferences or load_preferences()
    return {
        "typographic": window.actions_by_name["show_typographic"].isChecked(),
        "furniture": window.actions_by_name["show_furniture"].isChecked(),
        "case": preferences.show_case,
        "spelling": preferences.show_spelling,
    }


def difference_filter(
    window: WithViewMenu, preferences: Preferences | None = None
) -> DifferenceFilter:
    """What counts as a difference in ``window`` (see :func:`difference_settings`)."""
    from compareapp.core.present.view_model import DifferenceFilter  # loaded with the comparison

    return DifferenceFilter(**difference_settings(window, preferences))


def apply_frame_preferences(window: WithViewMenu) -> Preferences:
    """What a new window's first frame shows of the saved Preferences: the theme and the
    View menu's typographic toggle (the rest follows with :func:`apply_preferences`)."""
    preferences = load_preferences()
    apply_theme(preferences.theme)
    window.actions_by_name["show_typographic"].setChecked(preferences.show_typographic)
    return preferences


def apply_preferences(window: MainWindow, previous: Preferences | None = None) -> Preferences:
    """Apply the saved Preferences to ``window`` (and the app-wide theme and text size).

    ``previous`` are the preferences the window had: the View menu's typographic toggle
    follows the Preferences when the window starts (no ``previous``) and when that
    preference changed, not otherwise. A comparison on screen is computed again when what
    counts as a difference changed."""
    preferences = load_preferences()
    apply_theme(preferences.theme)
    apply_text_size(window, preferences.text_size)
    window.autosave.periodic.setInterval(preferences.autosave_seconds * 1000)
    typographic = window.actions_by_name["show_typographic"]
    if previous is None or previous.show_typographic != preferences.show_typographic:
        typographic.setChecked(preferences.show_typographic)  # not triggered: no recompare
    result = window.comparison_view.result
    if result is not None and result.model.filter != difference_filter(window, preferences):
        window.files.recompare()
    return preferences


def apply_text_size(window: MainWindow, points: float) -> None:
    """Set the documents' text to ``points`` in the panes shown and those to come."""
    global text_size
    text_size = points
    for pane in window.comparison_view.panes:
        font = pane.view.font()
        if font.pointSizeF() != points:
            font.setPointSizeF(points)
            pane.view.setFont(font)  # and the document's default font


def apply_theme(theme: str) -> None:
    """``system``: the platform's style and palette; ``light`` or ``dark``: the Fusion
    style with a light or dark palette."""
    global _platform_style
    application = QApplication.instance()
    if not isinstance(application, QApplication):
        return
    if theme == "system":
        if _platform_style is not None:  # a theme was applied before: undo it
            application.setStyle(_platform_style)
            application.setPalette(QPalette())  # nothing set: the platform's colours
            _platform_style = None
        return
    if _platform_style is None:
        _platform_style = application.style().name()
    if application.style().name().lower() != "fusion":
        application.setStyle("Fusion")
    application.setPalette(dark_palette() if theme == "dark" else light_palette())


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    return style.standardPalette()


def dark_palette() -> QPalette:
    palette = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(225, 225, 225)
    highlight, link, disabled = QColor(42, 130, 218), QColor(90, 160, 240), QColor(125, 125, 125)
    role = QPalette.ColorRole
    for colour_role, colour in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, window),
        (role.ToolTipBase, QColor(60, 60, 64)),
        (role.ToolTipText, text),
        (role.PlaceholderText, disabled),
        (role.Text, text),
        (role.Button, window),
        (role.ButtonText, text),
        (role.BrightText, QColor(255, 80, 80)),
        (role.Light, QColor(70, 70, 74)),
        (role.Midlight, QColor(58, 58, 62)),
        (role.Mid, QColor(38, 38, 40)),
        (role.Dark, QColor(22, 22, 24)),
        (role.Shadow, QColor(0, 0, 0)),
        (role.Highlight, highlight),
        (role.HighlightedText, QColor(255, 255, 255)),
        (role.Link, link),
        (role.LinkVisited, QColor(160, 120, 230)),
    ):
        palette.setColor(colour_role, colour)
    group = QPalette.ColorGroup.Disabled
    for colour_role in (role.WindowText, role.Text, role.ButtonText, role.HighlightedText):
        palette.setColor(group, colour_role, disabled)
    palette.setColor(group, role.Highlight, QColor(70, 70, 74))
    return palette
