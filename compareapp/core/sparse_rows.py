"""Sparse weighted feature rows (one per paragraph) and the few products the aligner needs.

A :class:`SparseRows` is compressed sparse rows: row ``r`` holds the feature ids
``indices[indptr[r]:indptr[r + 1]]`` (sorted) with weights ``data[...]``. Everything is
numpy, so scoring tens of thousands of candidate pairs costs a few array operations,
not a Python loop per shared feature.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]

SCRATCH_CELLS = 1 << 22
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
        order = np.lexsort((features, rows))
        indptr = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=count), out=indptr[1:])
        return cls(indptr, features[order].astype(np.int64), weights[order], width)

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

    def group(self, rows: list[int]) -> tuple[Ints, Floats]:
        """The sum of ``rows`` as one sparse vector."""
        if len(rows) == 1:
            return self.row(rows[0])
        parts = [self.row(index) for index in rows]
        indices = np.concatenate([part[0] for part in parts])
        weights = np.concatenate([part[1] for part in parts])
        unique, inverse = np.unique(indices, return_inverse=True)
        return unique, weighted_counts(inverse, weights, len(unique))


def pair_dots(left: SparseRows, right: SparseRows, rows_left: Ints, rows_right: Ints) -> Floats:
    """Dot products of ``left[rows_left[k]]`` with ``right[rows_right[k]]`` for every k.

    The distinct left rows are spread, a chunk at a time, into a dense scratch block just
    big enough for them; each pair then gathers its right row's entries from the block.
    """
    result = np.zeros(len(rows_left))
    if not len(rows_left):
        return result
    distinct, local = np.unique(rows_left, return_inverse=True)
    order = np.argsort(local, kind="stable")
    sorted_local = local[order]
    chunk = max(1, SCRATCH_CELLS // max(left.width, 1))
    for first in range(0, len(distinct), chunk):
        rows = distinct[first : first + chunk]
        low, high = np.searchsorted(sorted_local, [first, first + len(rows)])
        lengths = left.indptr[rows + 1] - left.indptr[rows]
        entries = ragged_arange(left.indptr[rows], lengths)
        scratch = np.zeros((len(rows), left.width))
        scratch[np.repeat(np.arange(len(rows)), lengths), left.indices[entries]] = left.data[
            entries
        ]
        pairs = order[low:high]
        partners = rows_right[pairs]
        counts = right.indptr[partners + 1] - right.indptr[partners]
        partner_entries = ragged_arange(right.indptr[partners], counts)
        pair_of_entry = np.repeat(np.arange(high - low), counts)
        products = (
            scratch[local[pairs][pair_of_entry] - first, right.indices[partner_entries]]
            * right.data[partner_entries]
        )
        result[pairs] = weighted_counts(pair_of_entry, products, high - low)
    return result


def vector_dot(left: tuple[Ints, Floats], right: tuple[Ints, Floats]) -> float:
    _, at_left, at_right = np.intersect1d(left[0], right[0], True, return_indices=True)
    return float(left[1][at_left] @ right[1][at_right])


def vector_overlap(part: tuple[Ints, Floats], whole: tuple[Ints, Floats]) -> float:
    """Sum over shared features of the smaller weight."""
    _, at_part, at_whole = np.intersect1d(part[0], whole[0], True, return_indices=True)
    return float(np.minimum(part[1][at_part], whole[1][at_whole]).sum())
