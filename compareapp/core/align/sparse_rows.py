"""Sparse weighted feature rows (one per paragraph) and the few products the aligner needs.

A :class:`SparseRows` is compressed sparse rows: row ``r`` holds the feature ids
``indices[indptr[r]:indptr[r + 1]]`` (sorted) with weights ``data[...]``. Everything is
numpy, so scoring tens of thousands of candidate pairs costs a few array operations,
not a Python loop per shared feature.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]

SCRATCH_CELLS = 1 << 20
"""Size of the dense scratch block that one chunk of rows is spread into for products."""


def ragged_arange(starts: Ints, lengths: Ints) -> Ints:
    """``concatenate([arange(s, s + n) for s, n in zip(starts, lengths)])``, vectorised."""
    lengths = lengths.astype(np.int64)
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.cumsum(lengths) - lengths
    steps = np.ones(total, dtype=np.int64)
    nonempty = lengths > 0
    steps[offsets[nonempty]] = starts[nonempty] - np.concatenate(
        ([0], (starts + lengths - 1)[nonempty][:-1])
    )
    return np.cumsum(steps)


def weighted_counts(bins: Ints, weights: Floats, size: int) -> Floats:
    """The sum of ``weights`` falling in each of ``size`` bins."""
    return np.asarray(np.bincount(bins, weights, minlength=size), dtype=np.float64)


@dataclass(frozen=True)
class SparseRows:
    """Rows of weighted features; ``norms`` are the rows' Euclidean lengths (never 0)."""

    indptr: Ints
    indices: Ints
    data: Floats
    width: int

    @classmethod
    def from_entries(
        cls, rows: Ints, features: Ints, weights: Floats, count: int, width: int
    ) -> SparseRows:
        """Rows from (row, feature, weight) entries with no (row, feature) repeated."""
        keys = rows * width + features
        if len(keys) and not bool(np.all(keys[1:] > keys[:-1])):  # not already in order
            order = np.argsort(keys)
            features, weights = features[order], weights[order]
        indptr = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=count), out=indptr[1:])
        return cls(indptr, features.astype(np.int64), weights, width)

    @property
    def count(self) -> int:
        return len(self.indptr) - 1

    def row(self, index: int) -> tuple[Ints, Floats]:
        start, end = self.indptr[index], self.indptr[index + 1]
        return self.indices[start:end], self.data[start:end]

    def lengths(self) -> Ints:
        return np.diff(self.indptr)

    def row_of_entries(self) -> Ints:
        return np.repeat(np.arange(self.count, dtype=np.int64), self.lengths())

    def norms(self) -> Floats:
        squares = weighted_counts(self.row_of_entries(), self.data**2, self.count)
        norms: Floats = np.sqrt(squares)
        norms[norms == 0] = 1.0
        return norms


def pair_dots(left: SparseRows, right: SparseRows, rows_left: Ints, rows_right: Ints) -> Floats:
    """Dot products of ``left[rows_left[k]]`` with ``right[rows_right[k]]`` for every k.

    The distinct left rows are spread, a chunk at a time, into a dense scratch block (made
    once, cleaned after each chunk); each pair then gathers its right row's entries from it.
    """
    result = np.zeros(len(rows_left))
    if not len(rows_left):
        return result
    distinct, local = np.unique(rows_left, return_inverse=True)
    order = np.argsort(local, kind="stable")
    sorted_local = local[order]
    chunk = max(1, min(len(distinct), SCRATCH_CELLS // max(left.width, 1)))
    scratch = np.zeros(chunk * left.width)  # row r of the chunk at [r * width, (r + 1) * width)
    for first in range(0, len(distinct), chunk):
        rows = distinct[first : first + chunk]
        low, high = np.searchsorted(sorted_local, [first, first + len(rows)])
        lengths = left.indptr[rows + 1] - left.indptr[rows]
        entries = ragged_arange(left.indptr[rows], lengths)
        cells = np.repeat(np.arange(len(rows)) * left.width, lengths) + left.indices[entries]
        scratch[cells] = left.data[entries]
        pairs = order[low:high]
        partners = rows_right[pairs]
        counts = right.indptr[partners + 1] - right.indptr[partners]
        partner_entries = ragged_arange(right.indptr[partners], counts)
        pair_of_entry = np.repeat(np.arange(high - low), counts)
        row_offsets = np.repeat((local[pairs] - first) * left.width, counts)
        gathered = scratch.take(row_offsets + right.indices[partner_entries])
        products = gathered * right.data[partner_entries]
        result[pairs] = weighted_counts(pair_of_entry, products, high - low)
        scratch[cells] = 0.0  # clean for the next chunk: cheaper than a new block
    return result


class GroupProducts:
    """Products of sums of a few rows, through two dense scratch vectors kept zero
    between calls (faster than merging sorted index arrays for every question)."""

    def __init__(self, left: SparseRows, right: SparseRows) -> None:
        self.left, self.right = left, right
        self._dense = (np.zeros(left.width), np.zeros(right.width))

    def cosine(self, rows_left: Sequence[int], rows_right: Sequence[int]) -> float:
        """Cosine of the sum of ``rows_left`` with the sum of ``rows_right`` (0 if empty)."""
        parts = ([self.left.row(r) for r in rows_left], [self.right.row(r) for r in rows_right])
        for dense, rows in zip(self._dense, parts, strict=True):
            for indices, weights in rows:
                dense[indices] += weights
        # For sums S = sum(r) and T: S.T = sum over rows r of T of S.r, and S.S likewise.
        dot = sum(float(self._dense[0][indices] @ weights) for indices, weights in parts[1])
        squares = [
            sum(float(dense[indices] @ weights) for indices, weights in rows)
            for dense, rows in zip(self._dense, parts, strict=True)
        ]
        self._clear(parts)
        norms = math.sqrt(squares[0]) * math.sqrt(squares[1])
        return dot / norms if norms else 0.0

    def overlap(self, part: int, whole: int, part_side: int = 0) -> float:
        """Sum over the features two rows share of the smaller weight; ``part`` is a row
        of side ``part_side`` (0 left, 1 right), ``whole`` of the other side."""
        sides = (self.left, self.right)
        part_row, whole_row = sides[part_side].row(part), sides[1 - part_side].row(whole)
        dense = self._dense[0]
        dense[whole_row[0]] = whole_row[1]
        shared = float(np.minimum(dense[part_row[0]], part_row[1]).sum())
        dense[whole_row[0]] = 0.0
        return shared

    def _clear(self, parts: tuple[list[tuple[Ints, Floats]], ...]) -> None:
        for dense, rows in zip(self._dense, parts, strict=True):
            for indices, _ in rows:
                dense[indices] = 0.0
