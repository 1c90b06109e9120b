"""The shortcut table: every shortcut parses to a real key sequence, standard keys get all
of the platform's bindings, and no two commands of a window share a key sequence."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from compareapp.ui.actions import ACTIONS, ActionSpec, key_sequences
from compareapp.ui.main_window import MainWindow

WITHOUT_SHORTCUT = {"open_sample"}
"""Commands deliberately reached by menu only."""
WINDOW_CONTEXTS = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def _text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def _parses(sequence: QKeySequence) -> bool:
    """Not empty, and every key of it known to Qt ("Ctrl+Bogus" is one unknown key)."""
    return (
        not sequence.isEmpty()
        and bool(_text(sequence))
        and all(sequence[i].key() not in (Qt.Key.Key_unknown, 0) for i in range(sequence.count()))
    )


def _unbound_standard_keys(spec: ActionSpec) -> bool:
    """True when all of ``spec``'s keys are standard keys this platform binds to nothing
    (Quit and Preferences under Qt's Windows key scheme)."""
    return all(
        isinstance(key, QKeySequence.StandardKey) and not QKeySequence.keyBindings(key)
        for key in spec.shortcuts
    )


def _window_actions(window: MainWindow) -> list[QAction]:
    """Every action of the window that a shortcut could trigger: its named actions, those
    in its menus and submenus, and any other window-wide action it owns; each once."""
    found: dict[int, QAction] = {}

    def add(action: QAction) -> None:
        found.setdefault(id(action), action)

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            add(action)
            if action.menu() is not None:
                walk(action.menu())

    for action in window.actions_by_name.values():
        add(action)
    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu())
    for action in window.findChildren(QAction):
        if action.shortcutContext() in WINDOW_CONTEXTS:
            add(action)
    return list(found.values())


def _name(action: QAction) -> str:
    return action.objectName() or action.text().replace("&", "")


@pytest.mark.parametrize("spec", ACTIONS, ids=[spec.name for spec in ACTIONS])
def test_each_declared_shortcut_parses(qapp: QApplication, spec: ActionSpec) -> None:
    for key in spec.shortcuts:
        sequences = key_sequences(key)
        if isinstance(key, str):
            assert len(sequences) == 1 and _parses(sequences[0]), f"{spec.name}: {key!r}"
            assert _text(sequences[0]) == key, f"{spec.name}: {key!r} reads back differently"
        for sequence in sequences:
            assert _parses(sequence), f"{spec.name}: {key!r} gives {_text(sequence)!r}"
    if spec.name not in WITHOUT_SHORTCUT:
        assert spec.shortcuts, f"{spec.name} has no shortcut"


def test_every_command_of_the_window_has_its_shortcuts(window: MainWindow) -> None:
    missing = []
    for spec in ACTIONS:
        action = window.actions_by_name[spec.name]
        shortcuts = action.shortcuts()
        assert all(_parses(sequence) for sequence in shortcuts), spec.name
        expected = [sequence for key in spec.shortcuts for sequence in key_sequences(key)]
        assert [_text(s) for s in shortcuts] == [_text(s) for s in expected], spec.name
        if not shortcuts and spec.name not in WITHOUT_SHORTCUT and not _unbound_standard_keys(spec):
            missing.append(spec.name)
    assert not missing, f"commands without a shortcut: {missing}"
    for name in ("undo", "redo"):
        shortcuts = window.actions_by_name[name].shortcuts()
        assert shortcuts, f"{name} has no shortcut"
        assert all(_parses(sequence) for sequence in shortcuts), name


@pytest.mark.parametrize(
    ("name", "key"),
    [
        *(
            (spec.name, key)
            for spec in ACTIONS
            for key in spec.shortcuts
            if isinstance(key, QKeySequence.StandardKey)
        ),
        ("undo", QKeySequence.StandardKey.Undo),
        ("redo", QKeySequence.StandardKey.Redo),
    ],
    ids=lambda value: value if isinstance(value, str) else value.name,
)
def test_standard_keys_get_every_platform_binding(
    window: MainWindow, name: str, key: QKeySequence.StandardKey
) -> None:
    shortcuts = {_text(sequence) for sequence in window.actions_by_name[name].shortcuts()}
    bindings = [_text(sequence) for sequence in QKeySequence.keyBindings(key)]
    assert set(bindings) <= shortcuts, f"{name} lacks {set(bindings) - shortcuts}"


def test_save_gets_every_platform_binding(window: MainWindow) -> None:
    bindings = QKeySequence.keyBindings(QKeySequence.StandardKey.Save)
    assert bindings, "Save has a binding on every platform"
    shortcuts = window.actions_by_name["save"].shortcuts()
    assert {_text(s) for s in bindings} <= {_text(s) for s in shortcuts}


def test_no_two_commands_share_a_key_sequence(window: MainWindow) -> None:
    users: dict[str, list[str]] = defaultdict(list)
    actions = _window_actions(window)
    assert {id(a) for a in window.actions_by_name.values()} <= {id(a) for a in actions}
    for action in actions:
        for sequence in {_text(s) for s in action.shortcuts()}:
            users[sequence].append(_name(action))
    clashes = {sequence: names for sequence, names in users.items() if len(names) > 1}
    listing = "\n".join(f"  {sequence}: {', '.join(names)}" for sequence, names in clashes.items())
    assert not clashes, f"key sequences used by more than one command:\n{listing}"
