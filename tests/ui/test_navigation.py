"""Moving between differences with the Go actions and their shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from compareapp.ui.main_window import MainWindow
from tests.helpers import open_and_wait


def selection(window: MainWindow) -> tuple[int, int]:
    """The selection of the current pane's text cursor."""
    view = window.comparison_view
    cursor = view.panes[view.current_document].view.textCursor()
    assert cursor.hasSelection()
    return cursor.selectionStart(), cursor.selectionEnd()


def view_span(window: MainWindow, document: int, start: int, end: int) -> tuple[int, int]:
    display = window.comparison_view.result.displays[document]
    return display.position(start), display.position(end)


def test_navigation_is_disabled_without_a_comparison(window: MainWindow):
    for name in ("next_difference", "previous_difference", "next_significant"):
        assert not window.actions_by_name[name].isEnabled()


def test_next_and_previous_difference(qtbot, window: MainWindow, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    actions = window.actions_by_name
    view = window.comparison_view
    model = view.model
    assert actions["next_difference"].isEnabled()

    actions["next_difference"].trigger()
    first = selection(window)
    stop = model.next_stop(model.base, -1)
    assert first == view_span(window, stop.document, stop.start, stop.end)
    assert view.panes[stop.document].view.selected_paragraphs() == [
        model.comparison.documents[stop.document].paragraph_at(stop.start).index
    ]
    assert (
        window.statusBar().currentMessage().startswith(f"{stop.kind.value.capitalize()} difference")
    )

    actions["next_difference"].trigger()
    second = selection(window)
    assert second[0] > first[0]

    actions["previous_difference"].trigger()
    assert selection(window) == first

    actions["previous_difference"].trigger()  # before the first: wraps to the last
    assert selection(window)[0] > second[0]
    assert window.statusBar().currentMessage() == "Wrapped around to the last difference"
    actions["next_difference"].trigger()  # after the last: wraps to the first
    assert selection(window) == first
    assert window.statusBar().currentMessage() == "Wrapped around to the first difference"


def test_next_significant_difference(qtbot, window: MainWindow, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    model = window.comparison_view.model
    expected = model.next_stop(model.base, -1, True, True)
    assert expected is not None and expected.kind.significant

    window.actions_by_name["next_significant"].trigger()

    assert selection(window) == view_span(window, expected.document, expected.start, expected.end)
    kind = window.statusBar().currentMessage().split(" difference", 1)[0].lower()
    assert kind == expected.kind.value

    window.actions_by_name["next_significant"].trigger()
    message = window.statusBar().currentMessage()
    follower = model.next_stop(model.base, expected.start, True, True)
    assert follower is not None and follower.kind.significant
    assert message.startswith(f"{follower.kind.value.capitalize()} difference")


def test_difference_shortcuts(qtbot, window: MainWindow, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    actions = window.actions_by_name
    assert QKeySequence("Alt+Down") in actions["next_difference"].shortcuts()
    assert QKeySequence("Alt+Up") in actions["previous_difference"].shortcuts()

    with qtbot.waitActive(window):
        window.activateWindow()
    with qtbot.waitSignal(actions["next_difference"].triggered):
        qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    first = selection(window)
    with qtbot.waitSignal(actions["next_difference"].triggered):
        qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert selection(window)[0] > first[0]
    with qtbot.waitSignal(actions["previous_difference"].triggered):
        qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert selection(window) == first


def test_navigation_starts_from_the_clicked_pane(qtbot, window: MainWindow, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    view = window.comparison_view
    right = view.panes[1].view
    right.paragraph_clicked.emit(0)  # as a click on the right pane's first paragraph does
    assert view.current_document == 1

    window.actions_by_name["next_difference"].trigger()

    stop = view.model.stops(1)[0]  # the first difference of the right document
    assert stop.document == 1
    assert right.textCursor().selectionStart() == view_span(window, 1, stop.start, stop.end)[0]


def test_next_difference_after_a_click_includes_one_at_the_paragraph_start(
    qtbot, window: MainWindow, seed_paths
):
    open_and_wait(qtbot, window, seed_paths)
    view = window.comparison_view
    model = view.model
    document = model.comparison.documents[0]
    starts = {paragraph.start: paragraph.index for paragraph in document.paragraphs}
    stop = next(  # one with a difference before it, so that Previous has one to go to
        s
        for s in model.stops(0)
        if s.start in starts and s.end > s.start and model.next_stop(0, s.start, False)
    )
    paragraph = starts[stop.start]
    before = model.next_stop(0, stop.start, False)
    pane = view.panes[0].view
    pane.scroll_to_position(view_span(window, 0, stop.start, stop.end)[0])  # as a user sees it
    pane.paragraph_clicked.emit(paragraph)

    window.actions_by_name["next_difference"].trigger()
    assert selection(window) == view_span(window, 0, stop.start, stop.end)

    view.panes[0].view.paragraph_clicked.emit(paragraph)
    window.actions_by_name["previous_difference"].trigger()
    assert before is not None
    assert (
        window.comparison_view.panes[0].view.textCursor().selectionStart()
        == view_span(window, 0, before.start, before.end)[0]
    )
