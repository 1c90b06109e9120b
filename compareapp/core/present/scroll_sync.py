"""Linked scrolling as a pure function: where pane B goes when pane A scrolls.

Positions are in any vertical unit (pixels in the window). An anchor says that the extent
``[a_top, a_bottom)`` of document A shows the same text as ``[b_top, b_bottom)`` of B.
Between and inside anchors, positions map linearly, so scrolling is smooth, and the two
documents' ends map to each other, so both panes reach their ends.

The position that is kept aligned is the *sync point*: a third of the way down the view in
mid-document, easing to the top of the view near the start and to the bottom near the end.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

RESTING_SYNC_POINT = 1 / 3
"""Where in the view (0 top, 1 bottom) the aligned position sits in mid-document."""


class Anchor(NamedTuple):
    """Extent ``[a_top, a_bottom)`` of A shows the same text as ``[b_top, b_bottom)`` of B.
    (A tuple: a book's map is made of 50,000, on the UI thread, five times quicker than
    as frozen dataclasses.)"""

    a_top: float
    a_bottom: float
    b_top: float
    b_bottom: float


class PositionMap:
    """A monotone, piecewise-linear map from positions in A to positions in B."""

    def __init__(self, anchors: Iterable[Anchor], height_a: float, height_b: float) -> None:
        self.height_a = max(0.0, height_a)
        self.height_b = max(0.0, height_b)
        kept = monotone_anchors(anchors, self.height_a, self.height_b)
        self._xs: list[float] = [0.0, *chain.from_iterable(map(_a_extent, kept)), self.height_a]
        self._ys: list[float] = [0.0, *chain.from_iterable(map(_b_extent, kept)), self.height_b]

    def __call__(self, position: float) -> float:
        """The position in B that corresponds to ``position`` in A."""
        position = min(max(position, 0.0), self.height_a)
        if position <= 0.0:
            return 0.0  # the documents' starts map to each other, as their ends do
        right = min(bisect.bisect_right(self._xs, position), len(self._xs) - 1)
        left = right - 1
        x0, x1 = self._xs[left], self._xs[right]
        y0, y1 = self._ys[left], self._ys[right]
        if x1 <= x0:
            return y1
        fraction = min(1.0, (position - x0) / (x1 - x0))
        return min(y0 + (y1 - y0) * fraction, y1)

    def reversed(self) -> PositionMap:
        """The map from B back to A: the same points, swapped (the anchors kept are in
        order on both sides, so all would be kept again)."""
        return PositionMap._through(self._ys, self._xs, self.height_b, self.height_a)

    @classmethod
    def _through(
        cls, xs: list[float], ys: list[float], height_a: float, height_b: float
    ) -> PositionMap:
        """The map through points ``xs`` and ``ys`` already kept, ends included."""
        made = cls((), height_a, height_b)
        made._xs, made._ys = xs, ys
        return made


def monotone_anchors(anchors: Iterable[Anchor], height_a: float, height_b: float) -> list[Anchor]:
    """Anchors in order on both sides, inside both documents. Going down A, an anchor that
    overlaps or precedes the last kept one in either document is dropped (a moved passage
    cannot be kept aligned without the panes jumping back and forth)."""
    kept: list[Anchor] = []
    last_a = last_b = 0.0
    for anchor in sorted(anchors, key=_tops):
        a_top, a_bottom, b_top, b_bottom = anchor
        if a_bottom < a_top or b_bottom < b_top:
            continue
        if a_top < last_a or b_top < last_b:
            continue
        if a_bottom > height_a or b_bottom > height_b:
            continue
        kept.append(anchor)
        last_a, last_b = a_bottom, b_bottom
    return kept


class PassageMaps:
    """The position maps of passages in step (``(first_a, last_a, first_b, last_b)``
    paragraph ranges), made anew each time the panes' paragraph extents change.

    Each map is the :class:`PositionMap` of the anchors ``(extents_a[first_a][0],
    extents_a[last_a][1], extents_b[first_b][0], extents_b[last_b][1])`` of the passages
    whose paragraphs all have extents (a text still being laid out has fewer), the same
    points, found with numpy: 14 ms for the 50,000-verse pair on the UI thread, while it
    scrolls, where an anchor tuple each took 34 ms. numpy is imported with the first map
    (the window starts without it)."""

    def __init__(self, passages: Sequence[tuple[int, int, int, int]]) -> None:
        import numpy as np

        flat = np.fromiter(chain.from_iterable(passages), np.int64, 4 * len(passages))
        self._passages = flat.reshape(-1, 4)

    def map(
        self,
        extents_a: Sequence[tuple[float, float]],
        extents_b: Sequence[tuple[float, float]],
        height_a: float,
        height_b: float,
    ) -> PositionMap:
        import numpy as np

        height_a, height_b = max(0.0, height_a), max(0.0, height_b)
        passages = self._passages
        passages = passages[(passages[:, 1] < len(extents_a)) & (passages[:, 3] < len(extents_b))]
        a, b = _array(extents_a), _array(extents_b)
        points = np.stack(
            (
                a[passages[:, 0], 0],
                a[passages[:, 1], 1],
                b[passages[:, 2], 0],
                b[passages[:, 3], 1],
            ),
            axis=1,
        )
        points = points[np.lexsort((points[:, 2], points[:, 0]))]  # stable, as sorted()
        kept = _monotone_rows(points, height_a, height_b)
        return PositionMap._through(
            np.concatenate(([0.0], kept[:, :2].ravel(), [height_a])).tolist(),
            np.concatenate(([0.0], kept[:, 2:].ravel(), [height_b])).tolist(),
            height_a,
            height_b,
        )


def _array(extents: Sequence[tuple[float, float]]) -> npt.NDArray[np.float64]:
    import numpy as np

    flat = np.fromiter(chain.from_iterable(extents), np.float64, 2 * len(extents))
    return flat.reshape(-1, 2)


def _monotone_rows(
    points: npt.NDArray[np.float64], height_a: float, height_b: float
) -> npt.NDArray[np.float64]:
    """:func:`monotone_anchors` of rows ``(a_top, a_bottom, b_top, b_bottom)`` already in
    its order. Runs of rows that each start below the one before are kept whole, checked
    by windows that double while they fit (so a misfit costs a short window, not the rest);
    from a row that overlaps the last one kept, rows are dropped one at a time until one
    fits after it. A book has a handful of misfits in 50,000 rows."""
    import numpy as np

    points = points[
        (points[:, 1] >= points[:, 0])
        & (points[:, 3] >= points[:, 2])
        & (points[:, 1] <= height_a)
        & (points[:, 3] <= height_b)
    ]
    runs = [points[:0]]
    last = np.zeros((1, 2))  # the bottoms of the last row kept
    start, window = 0, _FIRST_WINDOW
    while start < len(points):
        rows = points[start : start + window]
        above = np.concatenate((last, rows[:-1, 1::2]))  # the bottoms of the row before
        misfits = np.flatnonzero((rows[:, 0] < above[:, 0]) | (rows[:, 2] < above[:, 1]))
        fitting = int(misfits[0]) if len(misfits) else len(rows)
        if fitting:
            runs.append(rows[:fitting])
            last = rows[fitting - 1 : fitting, 1::2]
        start += fitting
        if len(misfits):
            start, window = _next_fitting(points, start, last), _FIRST_WINDOW
        else:
            window *= 2
    return np.concatenate(runs)


_FIRST_WINDOW = 256
"""Rows checked at once at first, and again after a misfit."""


def _next_fitting(
    points: npt.NDArray[np.float64], start: int, last: npt.NDArray[np.float64]
) -> int:
    """The first row from ``start`` on that starts below ``last`` (bottoms) in both."""
    last_a, last_b = last[0].tolist()
    while start < len(points) and (points[start, 0] < last_a or points[start, 2] < last_b):
        start += 1
    return start


_tops = itemgetter(0, 2)
"""An anchor's ``(a_top, b_top)``: the order anchors are kept in."""
_a_extent = itemgetter(0, 1)
_b_extent = itemgetter(2, 3)


def sync_point(value: float, page: float, maximum: float) -> float:
    """Where in the view (0 top, 1 bottom) the aligned position sits at scroll ``value``.

    It rests at a third of the view, and moves to the top within the first third of a page
    of scrolling and to the bottom within the last two thirds, so that at either end of the
    document the aligned position is the document's end.
    """
    if maximum <= 0 or page <= 0:
        return 0.0
    value = min(max(value, 0.0), maximum)
    if maximum <= page:
        return value / maximum
    rest = RESTING_SYNC_POINT
    point = rest * min(1.0, value / (page * rest))
    bottom_zone = page * (1 - rest)
    point += (1 - rest) * max(0.0, (value - (maximum - bottom_zone)) / bottom_zone)
    return point


def synced_value(
    value_a: float, page_a: float, page_b: float, maximum_b: float, position_map: PositionMap
) -> float:
    """The scroll value of pane B that lines it up with pane A at scroll ``value_a``.

    ``page_*`` is a pane's visible height, ``maximum_*`` its largest scroll value; the
    map's heights are the documents' full heights. Each pane's sync point follows its own
    scroll value, and B's value is the one that puts B's sync point on the position that
    matches A's. That value grows with ``value_a``, so B never scrolls back while A scrolls
    on (as it would with A's sync point reused in B where B's text is the shorter).
    """
    maximum_a = position_map.height_a - page_a
    point = sync_point(value_a, page_a, maximum_a)
    target = position_map(value_a + point * page_a)
    return _value_with_sync_point_at(target, page_b, max(0.0, maximum_b))


def _value_with_sync_point_at(position: float, page: float, maximum: float) -> float:
    """The scroll value whose sync point sits at document ``position``: the inverse of
    ``value + sync_point(value) * page``, which is increasing and linear between the corners
    of :func:`sync_point`, clamped to ``[0, maximum]``."""
    if maximum <= 0:
        return 0.0
    corners = (page * RESTING_SYNC_POINT, maximum - page * (1 - RESTING_SYNC_POINT))
    values = [0.0, *sorted({corner for corner in corners if 0 < corner < maximum}), maximum]
    positions = [value + sync_point(value, page, maximum) * page for value in values]
    if position <= positions[0]:
        return 0.0
    if position >= positions[-1]:
        return maximum
    right = bisect.bisect_right(positions, position)
    v0, v1 = values[right - 1], values[right]
    p0, p1 = positions[right - 1], positions[right]
    return v0 + (v1 - v0) * (position - p0) / (p1 - p0)
