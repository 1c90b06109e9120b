"""Every command of the window declared once: menus, toolbar and shortcuts are built from
this list, so a shortcut shown in a menu is the shortcut that works."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

Key = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    menu: str
    shortcuts: tuple[Key, ...] = ()
    tip: str = ""
    icon: str = ""
    checkable: bool = False
    checked: bool = False
    toolbar: bool = False
    short: str = ""
    """The toolbar label, when it differs from the menu text."""


ACTIONS = (
    ActionSpec("open", "&Open…", "&File", (QKeySequence.StandardKey.Open,),
               "Open documents to compare", "document-open", toolbar=True),
    ActionSpec("paste_document", "New from &Clipboard", "&File", ("Ctrl+Shift+P",),
               "Add the clipboard's text, or the article in a copied web page, as a new "
               "document", "edit-paste"),
    ActionSpec("open_sample", "Open &Sample Comparison", "&File",
               tip="Compare the two sample articles that come with the app"),
    ActionSpec("open_session", "Open Sess&ion…", "&File", ("Ctrl+Shift+O",),
               "Open a saved session: sources and review marks"),
    ActionSpec("save", "&Save Session", "&File", (QKeySequence.StandardKey.Save,),
               "Save the comparison and its review marks", "document-save", toolbar=True,
               short="Save"),
    ActionSpec("save_as", "Save Session &As…", "&File", (QKeySequence.StandardKey.SaveAs,),
               icon="document-save-as"),
    ActionSpec("export_pdf", "&Export PDF…", "&File", ("Ctrl+E",),
               "Export the comparison and its review marks as an annotated PDF",
               "document-export", toolbar=True, short="Export PDF"),
    ActionSpec("export_redline_pdf", "Export &Redline PDF…", "&File", ("Ctrl+Shift+E",),
               "Export the base against each other document in one column, deletions "
               "struck through and insertions underlined, with the review marks"),
    ActionSpec("reload", "Re&load Sources", "&File", (QKeySequence.StandardKey.Refresh,),
               "Read the sources again from disk; review marks are re-anchored",
               "view-refresh"),
    ActionSpec("quit", "&Quit", "&File", (QKeySequence.StandardKey.Quit, "Ctrl+Q"),
               icon="application-exit"),
    ActionSpec("preferences", "&Preferences…", "&Edit",
               (QKeySequence.StandardKey.Preferences, "Ctrl+,"),
               "Your reviewer name and other settings", "preferences-system"),
    ActionSpec("find", "&Find…", "&Edit", (QKeySequence.StandardKey.Find,),
               "Find text in every pane", "edit-find"),
    ActionSpec("find_next", "Find &Next", "&Edit", (QKeySequence.StandardKey.FindNext,),
               "The next match of the text found", "go-down-search"),
    ActionSpec("find_previous", "Find Pre&vious", "&Edit",
               (QKeySequence.StandardKey.FindPrevious,),
               "The previous match of the text found", "go-up-search"),
    ActionSpec("previous_difference", "&Previous Difference", "&Go", ("Alt+Up", "Shift+F8"),
               "Go to the previous difference", "go-up", toolbar=True,
               short="Previous"),
    ActionSpec("next_difference", "&Next Difference", "&Go", ("Alt+Down", "F8"),
               "Go to the next difference", "go-down", toolbar=True,
               short="Next"),
    ActionSpec("previous_significant", "Previous Si&gnificant Difference", "&Go",
               ("Ctrl+Alt+Up", "Shift+F7"),
               "Previous changed number, name or quotation", "go-top", toolbar=True,
               short="Previous significant"),
    ActionSpec("next_significant", "Next &Significant Difference", "&Go",
               ("Ctrl+Alt+Down", "F7"),
               "Next changed number, name or quotation", "go-bottom", toolbar=True,
               short="Next significant"),
    ActionSpec("linked_scrolling", "&Linked Scrolling", "&View", ("Ctrl+L",),
               "Scroll all panes together", "view-refresh", checkable=True, checked=True,
               toolbar=True, short="Linked scrolling"),
    ActionSpec("zoom_in", "Zoom &In", "&View", (QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
               "Larger text in every pane", "zoom-in"),
    ActionSpec("zoom_out", "Zoom &Out", "&View", (QKeySequence.StandardKey.ZoomOut,),
               "Smaller text in every pane", "zoom-out"),
    ActionSpec("zoom_reset", "&Actual Size", "&View", ("Ctrl+0",),
               "The text size the app starts with", "zoom-original"),
    ActionSpec("redline_view", "&Redline View", "&View", ("Ctrl+Shift+R",),
               "One column: deleted words struck through, inserted words underlined",
               checkable=True),
    ActionSpec("show_typographic", "Show &Typographic Differences", "&View", ("Ctrl+T",),
               "Also mark quotes, dashes and spaces that differ", checkable=True),
    ActionSpec("show_furniture", "Show Page &Furniture", "&View", ("Ctrl+Shift+F",),
               "Count photo captions, video blurbs, sign-up prompts, credits and related "
               "links as the story: undimmed, stops of Next Significant Difference, rows of the "
               "discrepancy table and the PDF summary", checkable=True),
    ActionSpec("mark_verified", "Mark &Verified", "&Review", ("Ctrl+Shift+V",),
               "Mark the selected text (or clicked paragraph) as verified", toolbar=True,
               short="✓ Verified"),
    ActionSpec("mark_disputed", "Mark &Disputed", "&Review", ("Ctrl+Shift+D",),
               "Mark the selected text (or clicked paragraph) as disputed", toolbar=True,
               short="! Disputed"),
    ActionSpec("with_counterparts", "Also Mark &Counterparts", "&Review", ("Ctrl+Shift+K",),
               "Marking also marks the matching passages of the other documents",
               checkable=True, toolbar=True, short="+ counterparts"),
    ActionSpec("edit_note", "Edit &Note…", "&Review", ("Ctrl+Shift+N",),
               "Edit the note of the selected mark"),
)  # fmt: skip


def key_sequences(key: Key) -> list[QKeySequence]:
    """Every binding of a standard key on this platform (Redo is both Ctrl+Y and
    Ctrl+Shift+Z on Linux; ``QKeySequence(standard_key)`` keeps only the first)."""
    if isinstance(key, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(key)
    return [QKeySequence(key)]


def build_actions(
    window: QMainWindow,
    handlers: Mapping[str, Callable[..., object]],
    toolbar: QToolBar,
    specs: tuple[ActionSpec, ...] = ACTIONS,
) -> tuple[dict[str, QAction], dict[str, QMenu]]:
    """Create the actions of ``specs``, put them in the window's menus and ``toolbar``,
    and connect each to ``handlers[name]``."""
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    for spec in specs:
        action = QAction(QIcon.fromTheme(spec.icon), spec.text, window)
        action.setObjectName(spec.name)
        sequences = [sequence for key in spec.shortcuts for sequence in key_sequences(key)]
        unique = {sequence.toString(): sequence for sequence in sequences}  # in order
        action.setShortcuts(list(unique.values()))
        tip = spec.tip or spec.text.replace("&", "").rstrip("…")
        if spec.shortcuts:
            native = QKeySequence.SequenceFormat.NativeText
            tip += f" ({QKeySequence(spec.shortcuts[0]).toString(native)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if spec.short:
            action.setIconText(spec.short)
        action.setCheckable(spec.checkable)
        action.setChecked(spec.checked)
        action.triggered.connect(handlers[spec.name])
        if spec.menu not in menus:
            menus[spec.menu] = window.menuBar().addMenu(spec.menu)
        menus[spec.menu].addAction(action)
        if spec.toolbar:
            toolbar.addAction(action)
        actions[spec.name] = action
    return actions, menus
