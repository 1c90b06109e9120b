"""View > Zoom In, Zoom Out and Actual Size, and Ctrl+wheel over a pane: every pane of
every window takes the new text size together (their bands and overviews follow their
layout), and the size is saved as the Preferences' text size."""

from __future__ import annotations

from dataclasses import replace

from compareapp.ui import windows
from compareapp.ui.apply_preferences import apply_text_size
from compareapp.ui.settings import (
    TEXT_SIZE_RANGE,
    default_text_size,
    load_preferences,
    save_preferences,
)

ZOOM_STEP = 1.0
"""Points added or taken by one step."""


def zoom_by(steps: int) -> float:
    """Make the text ``steps`` steps larger (smaller when negative); the new size."""
    low, high = TEXT_SIZE_RANGE
    current = load_preferences().text_size
    return set_text_size(min(max(round(current + steps * ZOOM_STEP, 2), low), high))


def actual_size() -> float:
    return set_text_size(default_text_size())


def set_text_size(points: float) -> float:
    """Save ``points`` as the text size and show every window's panes in it."""
    preferences = load_preferences()
    if preferences.text_size != points:
        save_preferences(replace(preferences, text_size=points))
    for window in windows.all_windows():
        apply_text_size(window, points)
        window.statusBar().showMessage(f"Text size {points:g} pt", 3000)
    return points
