"""Order evidence for the aligner: the heaviest order-preserving chain of links (the
spine) and the order prior, a bonus for candidate pairs that sit where the spine's
neighbouring links say they should. The prior only adds to a pair's score: a move (a pair
far off the spine) keeps its own score and may still be linked.
"""

from __future__ import annotations

import numpy as np

from compareapp.core.align.sparse_rows import Floats, Ints


def order_prior(
    ia: Ints, jb: Ints, anchors: list[tuple[int, int]], size: tuple[int, int]
) -> Floats:
    """In [0, 1] for each pair: 1 on the line through the neighbouring ``anchors`` (sorted
    order-preserving links), falling with the distance from it in units of the local gap."""
    points = [(-1, -1), *anchors, size]
    xs = np.array([p[0] for p in points], dtype=np.float64)
    ys = np.array([p[1] for p in points], dtype=np.float64)
    keep = np.concatenate(([True], np.diff(xs) > 0))
    xs, ys = xs[keep], ys[keep]
    expected = np.interp(ia, xs, ys)
    after = np.clip(np.searchsorted(xs, ia, side="right"), 1, len(xs) - 1)
    width = np.maximum(ys[after] - ys[after - 1], 1.0)
    distance = np.abs(jb - expected)
    return np.asarray(np.exp(-distance / np.sqrt(width)), np.float64)


def order_spine(pairs: list[tuple[int, int, float]]) -> set[tuple[int, int]]:
    """The heaviest chain of links whose A and B indices both never decrease."""
    ordered = sorted(pairs)
    if not ordered:
        return set()
    b_values = sorted({j for _, j, _ in ordered})
    rank = {j: position + 1 for position, j in enumerate(b_values)}
    tree = _MaxTree(len(b_values))
    best: list[tuple[float, int]] = []
    for position, (_, j, score) in enumerate(ordered):
        previous_weight, previous = tree.query(rank[j])
        best.append((previous_weight + score, previous))
        tree.update(rank[j], previous_weight + score, position)
    position = max(range(len(best)), key=lambda k: best[k][0])
    spine = set()
    while position >= 0:
        i, j, _ = ordered[position]
        spine.add((i, j))
        position = best[position][1]
    return spine


class _MaxTree:
    """A Fenwick tree of (weight, position) maxima over prefixes of 1-based ranks."""

    def __init__(self, size: int) -> None:
        self.tree = [(0.0, -1)] * (size + 1)

    def update(self, rank: int, weight: float, position: int) -> None:
        while rank < len(self.tree):
            if weight > self.tree[rank][0]:
                self.tree[rank] = (weight, position)
            rank += rank & -rank

    def query(self, rank: int) -> tuple[float, int]:
        best = (0.0, -1)
        while rank > 0:
            best = max(best, self.tree[rank], key=lambda item: item[0])
            rank -= rank & -rank
        return best
