"""Linked scrolling on the seed pair: the other pane follows, matching passages line up,
the ends meet, and it can be switched off."""

from __future__ import annotations

from compareapp.core.present.view_model import SyncGroup
from compareapp.ui.main_window import MainWindow
from compareapp.ui.panes.text_view import DocumentTextView
from tests.helpers import open_and_wait, wait_for_comparison

TOLERANCE = 2.0
"""Pixels: scroll values are whole numbers."""


def page(view: DocumentTextView) -> int:
    return view.verticalScrollBar().pageStep()


def maximum(view: DocumentTextView) -> int:
    return view.verticalScrollBar().maximum()


def resting(view: DocumentTextView, value: float) -> bool:
    """Whether the sync point is at rest (a third of the way down) at scroll ``value``."""
    return page(view) / 3 <= value <= maximum(view) - 2 * page(view) / 3


def sync_point(view: DocumentTextView) -> float:
    """The document position a third of the way down the view (mid-document)."""
    return view.scroll_value() + page(view) / 3


def overlaps_view(view: DocumentTextView, extent: tuple[float, float]) -> bool:
    value = view.scroll_value()
    return extent[0] < value + page(view) and extent[1] > value


def middle(extent: tuple[float, float]) -> float:
    return (extent[0] + extent[1]) / 2


def one_to_one_group(window: MainWindow) -> SyncGroup:
    """A group of one paragraph on each side, in mid-document in both panes, so that both
    sync points are at rest when the leader puts the group's paragraph at its sync point."""
    view = window.comparison_view
    left, right = view.panes[0].view, view.panes[1].view
    candidates = [
        group
        for group in view.model.sync_groups(1)
        if group.base_first == group.base_last and group.first == group.last
        if resting(left, middle(left.paragraph_extents()[group.base_first]) - page(left) / 3)
        if resting(right, middle(right.paragraph_extents()[group.first]) - page(right) / 3)
    ]
    assert candidates, "the seed pair has one-to-one links in mid-document"
    return candidates[len(candidates) // 2]


def test_scrolling_the_base_pane_lines_up_the_other(qtbot, window: MainWindow, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    view = window.comparison_view
    left, right = view.panes[0].view, view.panes[1].view
    assert view.model.base == 0
    assert right.scroll_value() == 0

    left.verticalScrollBar().setValue(maximum(left) // 2)
    assert right.scroll_value() > 0, "the right pane follows"

    group = one_to_one_group(window)
    left.set_scroll_value(middle(left.paragraph_extents()[group.base_first]) - page(left) / 3)
    paragraph = left.paragraph_at(sync_point(left))
    assert paragraph == group.base_first
    counterparts = view.model.counterparts(0, paragraph)[1]
    assert group.first in counterparts
    extent = right.paragraph_extents()[group.first]
    assert overlaps_view(right, extent)
    # Inside a linked passage the positions map linearly: the right pane's sync point is
    # inside the counterpart too.
    assert extent[0] - TOLERANCE <= sync_point(right) <= extent[1] + TOLERANCE


def test_scrolling_the_other_pane_lines_up_the_base(qtbot, window: MainWindow, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    view = window.comparison_view
    left, right = view.panes[0].view, view.panes[1].view

    right.verticalScrollBar().setValue(maximum(right) // 2)
    assert left.scroll_value() > 0, "the base pane follows"

    group = one_to_one_group(window)
    right.set_scroll_value(middle(right.paragraph_extents()[group.first]) - page(right) / 3)
    paragraph = right.paragraph_at(sync_point(right))
    assert paragraph == group.first
    assert view.model.counterparts(1, paragraph)[0] == [group.base_first]
    extent = left.paragraph_extents()[group.base_first]
    assert overlaps_view(left, extent)
    assert extent[0] - TOLERANCE <= sync_point(left) <= extent[1] + TOLERANCE


def test_the_ends_meet(qtbot, window: MainWindow, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    view = window.comparison_view
    left, right = view.panes[0].view, view.panes[1].view
    assert maximum(left) > 0 and maximum(right) > 0, "both documents are longer than a page"

    for leader, follower in ((left, right), (right, left)):
        leader.verticalScrollBar().setValue(maximum(leader))
        assert follower.scroll_value() == maximum(follower)
        leader.verticalScrollBar().setValue(0)
        assert follower.scroll_value() == 0


def test_linked_scrolling_can_be_switched_off(qtbot, window: MainWindow, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    action = window.actions_by_name["linked_scrolling"]
    left, right = (pane.view for pane in window.comparison_view.panes)
    assert action.isChecked()

    action.trigger()
    assert not action.isChecked()
    left.verticalScrollBar().setValue(maximum(left))
    assert right.scroll_value() == 0, "the right pane stays put"
    right.verticalScrollBar().setValue(maximum(right) // 2)
    assert left.scroll_value() == maximum(left), "and so does the left"

    right.verticalScrollBar().setValue(0)
    action.trigger()
    assert action.isChecked()
    assert right.scroll_value() == maximum(right), "switching it on lines the panes up again"
    left.verticalScrollBar().setValue(0)
    assert right.scroll_value() == 0


def test_linked_scrolling_stays_off_for_the_next_comparison(qtbot, window: MainWindow, seed_paths):
    open_and_wait(qtbot, window, seed_paths)
    action = window.actions_by_name["linked_scrolling"]
    action.trigger()
    assert not action.isChecked()

    window.actions_by_name["show_typographic"].trigger()  # a new comparison, new panes
    wait_for_comparison(qtbot, window)

    assert not action.isChecked()
    left, right = (pane.view for pane in window.comparison_view.panes)
    left.verticalScrollBar().setValue(maximum(left))
    assert right.scroll_value() == 0, "the unchecked action is obeyed"
