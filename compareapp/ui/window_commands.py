"""What each of the main window's actions does (the actions themselves are declared in
:mod:`compareapp.ui.actions`).

The actions exist from the window's first frame, the controllers they call only once the
window's body is built (:mod:`compareapp.ui.window_body`): each command names the
controller it uses when it runs, so one run before then builds the body first."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from compareapp.ui import windows, zoom

if TYPE_CHECKING:
    from compareapp.ui.main_window import MainWindow


def commands(window: MainWindow) -> dict[str, Callable[..., object]]:
    """The handler of each action of ``window``, by the action's name."""
    return {
        "open": lambda: window.files.choose_files(),
        "paste_document": lambda: window.files.paste_document(),
        "open_sample": lambda: window.files.open_sample(),
        "open_session": lambda: window.sessions.open_session(),
        "save": lambda: window.sessions.save(),
        "save_as": lambda: window.sessions.save_as(),
        "reload": lambda: window.files.reload_sources(),
        "export_pdf": lambda: window.exports.export_pdf(),
        "export_redline_pdf": lambda: window.exports.export_pdf("redline"),
        "quit": windows.quit_all,
        "preferences": window.edit_preferences,
        "previous_difference": lambda: window.comparison_view.go_to_difference(False, False),
        "next_difference": lambda: window.comparison_view.go_to_difference(True, False),
        "previous_significant": lambda: window.comparison_view.go_to_difference(False, True),
        "next_significant": lambda: window.comparison_view.go_to_difference(True, True),
        "linked_scrolling": lambda on: window.comparison_view.set_linked_scrolling(on),
        "zoom_in": lambda: zoom.zoom_by(1),
        "zoom_out": lambda: zoom.zoom_by(-1),
        "zoom_reset": zoom.actual_size,
        "find": lambda: window.finder.open_bar(),
        "find_next": lambda: window.finder.step(True),
        "find_previous": lambda: window.finder.step(False),
        "show_typographic": lambda _checked: window.files.recompare(),
        "show_furniture": lambda shown: window.reading.show_furniture(shown),
        "redline_view": lambda shown: window.redline.set_shown(shown),
        "mark_verified": lambda: mark_selection(window, "verified"),
        "mark_disputed": lambda: mark_selection(window, "disputed"),
        "with_counterparts": lambda _checked: None,
        "edit_note": lambda: window.marking.edit_note(),
    }


def mark_selection(window: MainWindow, status: str) -> None:
    """Mark the text selected in ``window``'s panes with ``status`` (a MarkStatus value)."""
    from compareapp.core.review.marks import MarkStatus  # loaded with the window's body

    window.marking.mark_selection(MarkStatus(status))
