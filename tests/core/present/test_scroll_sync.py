"""Linked scrolling as a pure function: the position map, the sync point, pane B's value."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compareapp.core.present.scroll_sync import (
    RESTING_SYNC_POINT,
    Anchor,
    PositionMap,
    monotone_anchors,
    sync_point,
    synced_value,
)

# A: 1000 high, B: 1500 high. A[100, 200) = B[300, 500), A[400, 600) = B[700, 800).
ANCHORS = [Anchor(100, 200, 300, 500), Anchor(400, 600, 700, 800)]
HEIGHT_A, HEIGHT_B = 1000.0, 1500.0


def _sweep(low: float, high: float, steps: int = 400) -> list[float]:
    return [low + (high - low) * k / steps for k in range(steps + 1)]


def _non_decreasing(values: list[float], tolerance: float = 1e-9) -> bool:
    return all(later >= earlier - tolerance for earlier, later in itertools.pairwise(values))


# --- PositionMap ---------------------------------------------------------------------------


@pytest.mark.parametrize("position", [0, 1, 250.5, 500, 999, 1000])
def test_map_without_anchors_of_equal_heights_is_the_identity(position: float) -> None:
    assert PositionMap([], 1000, 1000)(position) == pytest.approx(position)


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        (0, 0),  # document starts
        (50, 150),  # before the first anchor: [0, 100) -> [0, 300)
        (100, 300),  # top of the first anchor
        (150, 400),  # inside the first anchor: [100, 200) -> [300, 500)
        (200, 500),  # bottom of the first anchor
        (300, 600),  # between the anchors: [200, 400) -> [500, 700)
        (400, 700),  # top of the second anchor
        (500, 750),  # inside the second anchor: [400, 600) -> [700, 800)
        (600, 800),  # bottom of the second anchor
        (800, 1150),  # after the last anchor: [600, 1000) -> [800, 1500)
        (1000, 1500),  # document ends
    ],
)
def test_map_interpolates_linearly_inside_and_between_anchors(
    position: float, expected: float
) -> None:
    assert PositionMap(ANCHORS, HEIGHT_A, HEIGHT_B)(position) == pytest.approx(expected)


@pytest.mark.parametrize(
    "anchors",
    [
        [],
        ANCHORS,
        [Anchor(0, 100, 200, 300)],  # an anchor at A's top that starts lower in B
        [Anchor(900, 1000, 1200, 1300)],  # an anchor at A's bottom that ends higher in B
        [Anchor(0, 1000, 0, 1500)],  # one anchor spanning both documents
    ],
)
def test_document_ends_map_to_each_other(anchors: list[Anchor]) -> None:
    position_map = PositionMap(anchors, HEIGHT_A, HEIGHT_B)
    assert position_map(0) == 0
    assert position_map(HEIGHT_A) == HEIGHT_B
    reverse = position_map.reversed()
    assert reverse(0) == 0
    assert reverse(HEIGHT_B) == HEIGHT_A


@pytest.mark.parametrize(
    ("position", "expected"),
    [(-1, 0), (-1e9, 0), (HEIGHT_A + 1, HEIGHT_B), (1e9, HEIGHT_B)],
)
def test_positions_outside_the_document_are_clamped(position: float, expected: float) -> None:
    assert PositionMap(ANCHORS, HEIGHT_A, HEIGHT_B)(position) == expected


def test_negative_heights_count_as_zero() -> None:
    position_map = PositionMap([], -10, -20)
    assert (position_map.height_a, position_map.height_b) == (0.0, 0.0)
    assert position_map(5) == 0


@pytest.mark.parametrize("anchor", ANCHORS)
def test_reversed_map_is_the_inverse_at_anchor_boundaries(anchor: Anchor) -> None:
    position_map = PositionMap(ANCHORS, HEIGHT_A, HEIGHT_B)
    reverse = position_map.reversed()
    for a, b in ((anchor.a_top, anchor.b_top), (anchor.a_bottom, anchor.b_bottom)):
        assert position_map(a) == pytest.approx(b)
        assert reverse(b) == pytest.approx(a)


@pytest.mark.parametrize("position", _sweep(0, HEIGHT_A, 40))
def test_reversed_map_undoes_the_map_everywhere(position: float) -> None:
    position_map = PositionMap(ANCHORS, HEIGHT_A, HEIGHT_B)
    assert position_map.reversed()(position_map(position)) == pytest.approx(position)


def test_zero_height_anchor_in_a_jumps_over_its_counterpart() -> None:
    # A paragraph empty in A (zero height at 300) shows B[400, 600).
    position_map = PositionMap([Anchor(300, 300, 400, 600)], 1000, 1000)
    assert position_map(150) == pytest.approx(200)  # [0, 300) -> [0, 400)
    assert position_map(300) == pytest.approx(600)  # a position belongs to what starts there
    assert position_map(650) == pytest.approx(800)  # [300, 1000) -> [600, 1000)
    assert position_map(299.999) < 400


def test_zero_height_anchor_in_b_takes_a_flat_stretch() -> None:
    position_map = PositionMap([Anchor(300, 500, 400, 400)], 1000, 1000)
    assert [position_map(p) for p in (300, 400, 499)] == pytest.approx([400, 400, 400])
    assert position_map(750) == pytest.approx(700)  # [500, 1000) -> [400, 1000)


def test_map_drops_anchors_that_cross() -> None:
    crossing = [*ANCHORS, Anchor(700, 800, 100, 200)]  # a moved passage
    position_map = PositionMap(crossing, HEIGHT_A, HEIGHT_B)
    assert position_map(750) == pytest.approx(PositionMap(ANCHORS, HEIGHT_A, HEIGHT_B)(750))


# --- monotone_anchors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("anchors", "kept"),
    [
        ([], []),
        (ANCHORS, ANCHORS),
        (list(reversed(ANCHORS)), ANCHORS),  # sorted by A
        ([Anchor(0, 100, 0, 100), Anchor(100, 200, 100, 200)], "all"),  # touching is fine
        ([Anchor(0, 0, 10, 10), Anchor(0, 0, 10, 10)], "all"),  # zero height, repeated
        # crossing: later in A, earlier in B
        ([Anchor(0, 100, 500, 600), Anchor(200, 300, 100, 200)], [Anchor(0, 100, 500, 600)]),
        # overlapping in A
        ([Anchor(0, 100, 0, 100), Anchor(50, 150, 200, 300)], [Anchor(0, 100, 0, 100)]),
        # overlapping in B
        ([Anchor(0, 100, 0, 100), Anchor(200, 300, 50, 150)], [Anchor(0, 100, 0, 100)]),
        # inverted extents
        ([Anchor(100, 50, 0, 10), Anchor(0, 10, 100, 50)], []),
        # outside A or B (the heights are 1000 and 1500)
        ([Anchor(900, 1001, 0, 10), Anchor(0, 10, 1400, 1501)], []),
        ([Anchor(-10, 10, 0, 10), Anchor(0, 10, -10, 10)], []),
        # ending exactly at the documents' ends is inside
        ([Anchor(900, 1000, 1400, 1500)], "all"),
        # a dropped anchor does not block the next one
        (
            [Anchor(0, 100, 0, 100), Anchor(150, 200, 50, 90), Anchor(300, 400, 300, 400)],
            [Anchor(0, 100, 0, 100), Anchor(300, 400, 300, 400)],
        ),
    ],
)
def test_monotone_anchors_keeps_ordered_anchors_inside_both_documents(
    anchors: list[Anchor], kept: list[Anchor] | str
) -> None:
    expected = anchors if kept == "all" else kept
    assert monotone_anchors(anchors, HEIGHT_A, HEIGHT_B) == expected


# --- sync_point ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "page", "maximum", "expected"),
    [
        (0, 300, 1000, 0),  # top
        (-50, 300, 1000, 0),  # above the top
        (1000, 300, 1000, 1),  # bottom
        (2000, 300, 1000, 1),  # beyond the bottom
        (50, 300, 1000, 50 / 300),  # easing from the top
        (100, 300, 1000, RESTING_SYNC_POINT),  # rests after a third of a page
        (500, 300, 1000, RESTING_SYNC_POINT),  # mid-document
        (800, 300, 1000, RESTING_SYNC_POINT),  # last resting value
        (900, 300, 1000, RESTING_SYNC_POINT + (2 / 3) * (100 / 200)),  # easing to the bottom
        (0, 300, 200, 0),  # short document: maximum <= page
        (50, 300, 200, 0.25),
        (200, 300, 200, 1),
        (150, 300, 300, 0.5),  # maximum == page
        (0, 300, 0, 0),  # nothing to scroll
        (10, 300, 0, 0),
        (10, 300, -5, 0),
        (10, 0, 1000, 0),  # no page
    ],
)
def test_sync_point(value: float, page: float, maximum: float, expected: float) -> None:
    assert sync_point(value, page, maximum) == pytest.approx(expected)


@pytest.mark.parametrize(("page", "maximum"), [(300, 1000), (300, 301), (300, 299), (50, 5000)])
def test_sync_point_never_moves_up_while_scrolling_down(page: float, maximum: float) -> None:
    points = [sync_point(value, page, maximum) for value in _sweep(-10, maximum + 10)]
    assert _non_decreasing(points)
    assert points[0] == 0
    assert points[-1] == pytest.approx(1)
    assert all(0 <= point <= 1 for point in points)


# --- synced_value --------------------------------------------------------------------------

PAGE_A, PAGE_B = 300.0, 400.0
MAXIMUM_A, MAXIMUM_B = HEIGHT_A - PAGE_A, HEIGHT_B - PAGE_B


def _synced(value_a: float, anchors: list[Anchor] = ANCHORS) -> float:
    position_map = PositionMap(anchors, HEIGHT_A, HEIGHT_B)
    return synced_value(value_a, PAGE_A, PAGE_B, MAXIMUM_B, position_map)


@pytest.mark.parametrize(
    "anchors",
    [
        [],
        ANCHORS,
        [Anchor(0, 100, 200, 300)],  # A's first paragraph is lower down in B
        [Anchor(900, 1000, 1000, 1100)],  # A's last paragraph is higher up in B
    ],
)
def test_top_goes_to_top_and_bottom_to_bottom(anchors: list[Anchor]) -> None:
    assert _synced(0, anchors) == 0
    assert _synced(MAXIMUM_A, anchors) == pytest.approx(MAXIMUM_B)
    assert _synced(-100, anchors) == 0
    assert _synced(MAXIMUM_A + 100, anchors) == pytest.approx(MAXIMUM_B)


# Long documents whose anchors lie where both sync points rest: A 3000 high, B 4000 high.
MID_ANCHORS = [Anchor(1000, 1200, 1500, 1900), Anchor(1800, 2000, 2100, 2200)]


@pytest.mark.parametrize(
    ("a_edge", "b_edge"),
    [(edge.a_top, edge.b_top) for edge in MID_ANCHORS]
    + [(edge.a_bottom, edge.b_bottom) for edge in MID_ANCHORS],
)
def test_anchor_edge_at_a_sync_point_lines_up_with_its_counterpart(
    a_edge: float, b_edge: float
) -> None:
    position_map = PositionMap(MID_ANCHORS, 3000, 4000)
    value_a = a_edge - RESTING_SYNC_POINT * PAGE_A  # A's sync point rests on the edge
    assert sync_point(value_a, PAGE_A, 3000 - PAGE_A) == pytest.approx(RESTING_SYNC_POINT)
    value_b = synced_value(value_a, PAGE_A, PAGE_B, 4000 - PAGE_B, position_map)
    assert value_b == pytest.approx(b_edge - RESTING_SYNC_POINT * PAGE_B)
    assert sync_point(value_b, PAGE_B, 4000 - PAGE_B) == pytest.approx(RESTING_SYNC_POINT)


@pytest.mark.parametrize("value_a", _sweep(0, MAXIMUM_A, 35))
def test_b_sync_point_shows_what_a_sync_point_shows(value_a: float) -> None:
    position_map = PositionMap(ANCHORS, HEIGHT_A, HEIGHT_B)
    position_a = value_a + sync_point(value_a, PAGE_A, MAXIMUM_A) * PAGE_A
    value_b = _synced(value_a)
    position_b = value_b + sync_point(value_b, PAGE_B, MAXIMUM_B) * PAGE_B
    assert position_b == pytest.approx(position_map(position_a))


@pytest.mark.parametrize(
    "anchors",
    [
        ANCHORS,
        # B's counterparts are far shorter: A scrolls a long way while B barely moves
        [Anchor(0, 100, 0, 100), Anchor(700, 800, 120, 220)],
        [Anchor(100, 900, 100, 110)],
        [Anchor(0, 10, 0, 10), Anchor(10, 10, 10, 1400)],
    ],
)
def test_synced_value_never_scrolls_back_and_stays_in_range(anchors: list[Anchor]) -> None:
    values = [_synced(value_a, anchors) for value_a in _sweep(-20, MAXIMUM_A + 20)]
    assert _non_decreasing(values)
    assert all(0 <= value <= MAXIMUM_B for value in values)


def test_b_does_not_scroll_back_when_a_passes_text_missing_from_b() -> None:
    # A's [100, 1100) is unique to A: B's sync point must wait at 100, not back away from it.
    position_map = PositionMap(
        [Anchor(0, 100, 0, 100), Anchor(1100, 1200, 100, 200)], height_a=2000, height_b=1000
    )
    values = [synced_value(v, 300, 300, 700, position_map) for v in range(0, 301, 10)]
    assert _non_decreasing(values)
    # B's sync point sits at 100, a sixth of the way down (B is still easing from its top).
    assert values[-1] == pytest.approx(50)
    assert sync_point(values[-1], 300, 700) == pytest.approx(1 / 6)


@pytest.mark.parametrize(
    ("height_b", "page_b", "maximum_b"),
    [(200, 400, 0), (200, 400, -200), (500, 400, 100), (1500, 400, 1100)],
)
def test_short_documents_stay_within_their_maximum(
    height_b: float, page_b: float, maximum_b: float
) -> None:
    position_map = PositionMap([], HEIGHT_A, height_b)
    values = [
        synced_value(v, PAGE_A, page_b, maximum_b, position_map) for v in _sweep(0, MAXIMUM_A)
    ]
    assert _non_decreasing(values)
    assert values[0] == 0
    assert values[-1] == pytest.approx(max(0.0, maximum_b))
    assert all(0 <= value <= max(0.0, maximum_b) for value in values)


def test_short_document_a_keeps_b_at_the_top() -> None:
    position_map = PositionMap([], 200, HEIGHT_B)  # A fits in its page: it cannot scroll
    assert synced_value(0, PAGE_A, PAGE_B, MAXIMUM_B, position_map) == 0


# --- properties ----------------------------------------------------------------------------


@st.composite
def _documents(draw: st.DrawFn) -> tuple[list[Anchor], float, float, float, float]:
    """Random monotone anchors (touching and zero-height ones included) and page sizes."""
    count = draw(st.integers(0, 6))
    edge = st.floats(0, 5000, allow_nan=False)
    a_edges = sorted(draw(st.lists(edge, min_size=2 * count, max_size=2 * count)))
    b_edges = sorted(draw(st.lists(edge, min_size=2 * count, max_size=2 * count)))
    anchors = [
        Anchor(a_edges[2 * k], a_edges[2 * k + 1], b_edges[2 * k], b_edges[2 * k + 1])
        for k in range(count)
    ]
    height_a = max([*a_edges, 0.0]) + draw(st.floats(0, 2000))
    height_b = max([*b_edges, 0.0]) + draw(st.floats(0, 2000))
    page_a = draw(st.floats(1, 3000))
    page_b = draw(st.floats(1, 3000))
    return anchors, height_a, height_b, page_a, page_b


@given(_documents(), st.lists(st.floats(-1000, 10000), min_size=2, max_size=30))
def test_synced_value_is_monotone_and_in_range_for_random_documents(
    document: tuple[list[Anchor], float, float, float, float], values_a: list[float]
) -> None:
    anchors, height_a, height_b, page_a, page_b = document
    maximum_b = max(0.0, height_b - page_b)
    position_map = PositionMap(anchors, height_a, height_b)
    assert len(monotone_anchors(anchors, height_a, height_b)) == len(anchors)
    values_b = [
        synced_value(value_a, page_a, page_b, maximum_b, position_map)
        for value_a in sorted(values_a)
    ]
    assert _non_decreasing(values_b, tolerance=1e-9 * max(1.0, height_b))
    assert all(0 <= value_b <= maximum_b for value_b in values_b)


@given(_documents(), st.lists(st.floats(-1000, 10000), min_size=2, max_size=30))
def test_position_map_is_monotone_and_in_range_for_random_documents(
    document: tuple[list[Anchor], float, float, float, float], positions: list[float]
) -> None:
    anchors, height_a, height_b, _, _ = document
    position_map = PositionMap(anchors, height_a, height_b)
    mapped = [position_map(position) for position in sorted(positions)]
    assert _non_decreasing(mapped, tolerance=1e-9 * max(1.0, height_b))
    assert all(0 <= position <= height_b for position in mapped)
