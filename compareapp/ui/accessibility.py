"""Names and descriptions for screen readers of the window's own parts: the toolbar, the
status bar's labels and the message bars (panes, docks, the find bar and the start view
name their widgets themselves); and Tab into a dock hidden behind another's tab brings
that dock to the front (Qt only moves it out of sight, and the focus would vanish)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDockWidget, QToolButton, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QStatusBar, QToolBar

    from compareapp.ui.busy_indicator import BusyIndicator
    from compareapp.ui.message_bar import MessageBar


class WindowParts(Protocol):
    """What of the main window is named here."""

    counts_label: QLabel
    busy: BusyIndicator
    message_bar: MessageBar
    offer_bar: MessageBar

    def statusBar(self) -> QStatusBar: ...
    def setAccessibleDescription(self, description: str) -> None: ...
    def tabifiedDockWidgets(self, dockwidget: QDockWidget) -> list[QDockWidget]: ...


def describe(widget: QWidget, name: str, description: str) -> None:
    """Give ``widget`` an accessible ``name`` (none for a label: its text is its name)."""
    if name:
        widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)


def name_window_parts(window: WindowParts, toolbar: QToolBar) -> None:
    """Name the parts of a main window that are not panes, docks or bars of their own,
    and let the focus raise a dock hidden behind another's tab."""
    busy = window.busy
    DockFocus(window, toolbar)
    window.setAccessibleDescription("Compares versions of a story paragraph by paragraph")
    describe(toolbar, "Main toolbar", "Open, save, export, move between differences, mark")
    describe(
        window.statusBar(), "Status bar", "What was chosen last, and what the comparison found"
    )
    describe(
        window.counts_label, "", "Linked, changed, moved and unique paragraphs, and differences"
    )
    describe(busy.label, "", "What the comparison being prepared is doing")
    describe(busy.bar, "Progress", "Busy while the comparison is prepared")
    describe(busy.cancel_button, "Cancel", "Stop preparing the comparison")
    for bar, name, description in (
        (window.message_bar, "Errors", "Files that could not be read, and why"),
        (window.offer_bar, "Offers", "Work to recover or a missing source to locate"),
    ):
        describe(bar, name, description)
        for button in bar.findChildren(QToolButton):
            describe(button, f"Dismiss {name.lower()}", f"Close the {name.lower()} bar")


class DockFocus(QObject):
    """Raises a tabbed dock of ``window`` that is out of sight when the focus enters it."""

    def __init__(self, window: WindowParts, parent: QObject) -> None:
        super().__init__(parent)  # ends with the window
        self.window = window
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self.focus_changed)

    def focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        widget = new
        while widget is not None and not isinstance(widget, QDockWidget):
            widget = widget.parentWidget()
        if widget is None or not widget.visibleRegion().isEmpty():
            return
        if self.window.tabifiedDockWidgets(widget):  # (none for another window's dock)
            widget.raise_()
