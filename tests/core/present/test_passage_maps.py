"""Scroll maps made with numpy from the panes' paragraph extents (PassageMaps): the same
points as a PositionMap of the anchors made one by one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from compareapp.core.present import scroll_sync
from compareapp.core.present.scroll_sync import Anchor, PassageMaps, PositionMap

_extents = st.lists(  # few positions, so that tops tie and extents overlap
    st.tuples(st.integers(0, 12), st.integers(-2, 6)).map(lambda t: (float(t[0]), float(sum(t)))),
    max_size=8,
)
_passages = st.lists(
    st.tuples(*[st.integers(0, 8)] * 4).map(
        lambda t: (min(t[:2]), max(t[:2]), min(t[2:]), max(t[2:]))  # first <= last
    ),
    max_size=20,
)


@settings(max_examples=400)
@given(_passages, _extents, _extents, st.integers(0, 20), st.integers(0, 20))
def test_passage_maps_keep_the_points_of_the_anchors_of_the_passages_shown(
    passages: list[tuple[int, int, int, int]],
    extents_a: list[tuple[float, float]],
    extents_b: list[tuple[float, float]],
    height_a: int,
    height_b: int,
) -> None:
    """Extents out of order, empty or upside down, passages past the extents known (a
    text still being laid out), ties and overlaps: the same points as a PositionMap of the
    anchors, made one by one."""
    anchors = [
        Anchor(extents_a[a0][0], extents_a[a1][1], extents_b[b0][0], extents_b[b1][1])
        for a0, a1, b0, b1 in passages
        if a1 < len(extents_a) and b1 < len(extents_b)
    ]
    expected = PositionMap(anchors, height_a, height_b)
    for window in (1, 2, 256):  # rows checked a window at a time, doubling while they fit
        scroll_sync._FIRST_WINDOW = window
        try:
            made = PassageMaps(passages).map(extents_a, extents_b, height_a, height_b)
        finally:
            scroll_sync._FIRST_WINDOW = 256
        assert (made._xs, made._ys) == (expected._xs, expected._ys)
        assert (made.height_a, made.height_b) == (expected.height_a, expected.height_b)


def test_passage_maps_of_a_book_map_as_its_anchors_do() -> None:
    """50,000 passages in step, one moved out of order and one paragraph overlapping."""
    extents = [(10.0 * k, 10.0 * k + 8) for k in range(50_000)]
    passages = [(k, k, k, k) for k in range(50_000)]
    passages[20_000] = (20_000, 20_000, 3, 3)
    extents[30_000] = (extents[30_000][0], extents[30_001][0] + 1)
    anchors = [
        Anchor(extents[a][0], extents[b][1], extents[c][0], extents[d][1])
        for a, b, c, d in passages
    ]
    made = PassageMaps(passages).map(extents, extents, 500_000.0, 500_000.0)
    expected = PositionMap(anchors, 500_000.0, 500_000.0)
    assert made._xs == expected._xs and made._ys == expected._ys
    assert len(made._xs) == 2 + 2 * (50_000 - 2)  # the moved one and the one overlapped left out
