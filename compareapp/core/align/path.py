"""The retelling pass: one order-preserving path through the whole comparison, in the
spirit of dynamic time warping, for two texts that tell the same story in the same order
in other words (two retellings of a fable, a summary of an abstract).

There, a paragraph's counterpart often scores little in absolute terms, but more than
its neighbours do: the evidence is relative. A cell's gain is its score, plus
``path_relative`` times how far it stands above the best scores of its row and column,
less ``path_threshold``. The path with the most gain links each cell on it; it may stay on
one paragraph of a side for several steps (a run of consecutive paragraphs told as one on
the other side), each extra step costing ``path_run_cost``.

Only cells within a band around the line through the candidate pass's in-order links are
scored, so the work grows with the texts' length times the band's width.
"""

from __future__ import annotations

import numpy as np

from compareapp.core.align.furniture import Headings
from compareapp.core.align.links import AlignParams
from compareapp.core.align.order import order_spine
from compareapp.core.align.similarity import ParagraphSimilarity
from compareapp.core.align.sparse_rows import Floats, Ints

Match = tuple[int, int, float]
BAND = 12
"""Cells each side of the expected line that a row of the path may visit: texts of up to
25 paragraphs a side are scored whole."""
_NONE = -1e9
"""Below any path's total: a cell no path ends on."""
_BARRED = -1e3
"""The gain of a cell no path may link (a heading with a body paragraph)."""


def retelling_path(
    similarity: ParagraphSimilarity,
    headings: Headings,
    pairs: list[Match],
    params: AlignParams,
) -> list[Match]:
    """The links on the best order-preserving path, with the scores of their cells."""
    rows, columns = similarity.size
    if not rows or not columns:
        return []
    width = min(columns, 2 * BAND + 1)
    starts = _band_starts(pairs, (rows, columns), width)
    ia = np.repeat(np.arange(rows, dtype=np.int64), width)
    jb = (starts[:, None] + np.arange(width)[None, :]).ravel()
    raw = similarity.scores(ia, jb, params.word_weight, params.meaning_weight)
    score = raw.reshape(rows, width)
    best_row = score.max(axis=1)
    best_column = np.zeros(columns)
    np.maximum.at(best_column, jb, raw)
    relative = score - 0.5 * (best_row[:, None] + best_column[jb].reshape(rows, width))
    gain = score + params.path_relative * relative - params.path_threshold
    gain[(headings[0][ia] != headings[1][jb]).reshape(rows, width)] = _BARRED
    cells = best_path(gain, starts, params.path_run_cost)
    return [(i, int(starts[i]) + k, float(score[i, k])) for i, k in cells]


def _band_starts(pairs: list[Match], size: tuple[int, int], width: int) -> Ints:
    """The first column of each row's band: centred on the line through the in-order
    links, never decreasing, inside the table."""
    rows, columns = size
    anchors = sorted(order_spine(pairs))
    xs = np.array([-1, *(i for i, _ in anchors), rows], dtype=np.float64)
    ys = np.array([-1, *(j for _, j in anchors), columns], dtype=np.float64)
    keep = np.concatenate(([True], np.diff(xs) > 0))
    expected = np.interp(np.arange(rows), xs[keep], ys[keep])
    starts = np.clip(np.round(expected).astype(np.int64) - width // 2, 0, columns - width)
    return np.maximum.accumulate(starts)


def best_path(gain: Floats, starts: Ints, run_cost: float) -> list[tuple[int, int]]:
    """The cells (row, offset in the row's band) of the order-preserving path with the most
    gain. Row ``r`` holds the gains of columns ``starts[r]`` onwards (``starts`` never
    decreasing). A path visits cells whose rows and columns never decrease: from a cell
    it goes on to the next row or the next column (a run, at ``run_cost``), or starts
    afresh anywhere below and to the right."""
    rows, width = gain.shape
    on = np.full((rows, width), _NONE)  # best path ending on the cell
    done = np.zeros((rows, width))  # best path within rows <= r and columns <= the cell's
    previous_on = np.full(width, _NONE)
    previous_done = np.zeros(width)
    left = 0.0  # best path in the rows above, left of this row's band
    steps = np.arange(width) * run_cost
    for r in range(rows):
        shift = int(starts[r] - starts[r - 1]) if r else 0
        if shift:
            left = float(previous_done[min(shift, width) - 1])
        above_on = _shifted(previous_on, shift, _NONE)
        above_done = _shifted(previous_done, shift, float(previous_done[-1]))
        diagonal = np.concatenate(([left], above_done[:-1]))
        enter = np.maximum(np.maximum(diagonal, 0.0), above_on - run_cost)
        # on[c] = gain[c] + max(enter[c], on[c - 1] - run_cost), as one running maximum
        total = np.cumsum(gain[r])
        before = total - gain[r]
        on[r] = total - steps + np.maximum.accumulate(enter - before + steps)
        done[r] = np.maximum.accumulate(np.maximum(above_done, on[r]))
        previous_on, previous_done = on[r], done[r]
    return _trace(gain, on, done, starts, run_cost)


def _shifted(values: Floats, shift: int, beyond: float) -> Floats:
    """A row's values seen from the next row, whose band starts ``shift`` columns later;
    columns past the row's band take ``beyond``."""
    if shift == 0:
        return values
    width = len(values)
    moved = np.full(width, beyond)
    if shift < width:
        moved[: width - shift] = values[shift:]
    return moved


def _trace(
    gain: Floats, on: Floats, done: Floats, starts: Ints, run_cost: float
) -> list[tuple[int, int]]:
    """Walk the tables back from the last cell; returns the path's cells."""
    rows, width = gain.shape
    first = starts.tolist()
    gains, ons, dones = gain.tolist(), on.tolist(), done.tolist()
    cells: list[tuple[int, int]] = []
    r, column = rows - 1, first[-1] + width - 1
    linked = False  # walking a run of linked cells (the ``on`` table), or the ``done`` one
    while r >= 0:
        k = min(column - first[r], width - 1)
        if k < 0:
            r -= 1  # left of this row's band: the value came from an earlier row
            continue
        column = first[r] + k
        if not linked:
            if dones[r][k] <= 0.0:
                break
            if _same(ons[r][k], dones[r][k]):
                linked = True
            elif k and _same(dones[r][k - 1], dones[r][k]):
                column -= 1
            else:
                r -= 1
            continue
        cells.append((r, k))
        entered = ons[r][k] - gains[r][k]
        above = column - first[r - 1] if r else -1
        if k and _same(entered, ons[r][k - 1] - run_cost):
            column -= 1
        elif 0 <= above < width and _same(entered, ons[r - 1][above] - run_cost):
            r -= 1
        elif _same(entered, 0.0):
            break
        else:
            r, column, linked = r - 1, column - 1, False
    return cells[::-1]


def _same(x: float, y: float) -> bool:
    """Equal but for rounding (the tables add up a few thousand gains at most)."""
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))
