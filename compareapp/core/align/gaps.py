"""The in-order pass: free paragraphs between two neighbouring spine links, matched by
dynamic programming over runs of consecutive units (in the spirit of Vecalign/Bertalign).

A step links one paragraph to one, or a run of two consecutive paragraphs on one side to
one on the other (a split or a merge), the run scored as a whole; steps that skip a
paragraph cost nothing. The matching with the most total gain above the threshold wins.

A passage a rewrite moved often takes its neighbours along (news reorders blocks of
paragraphs), so the free paragraphs just before and just after a link off the spine, on
both sides, are matched the same way; there, where the order says less, a link must also
share a name or a figure (a capitalised word inside a sentence, a number).
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Sequence

import numpy as np

from compareapp.core.align.furniture import Headings
from compareapp.core.align.links import AlignParams
from compareapp.core.align.order import order_spine
from compareapp.core.align.similarity import ParagraphSimilarity

Match = tuple[int, int, float]
_NAME_OR_FIGURE = re.compile(r"(?<=[\w,] )[A-Z][\w.’'-]*[\w]|\d+(?:[.,]\d+)*")
"""A capitalised word after a word or a comma (not a sentence's first), or a number."""
_POSSESSIVE = re.compile(r"['’]s$")


def fill_gaps(
    similarity: ParagraphSimilarity,
    headings: Headings,
    texts: tuple[Sequence[str], Sequence[str]],
    pairs: list[Match],
    floor: float,
    params: AlignParams,
) -> list[Match]:
    """In-order links between free paragraphs lying between two neighbouring spine links;
    then, with ``params.moved_gaps``, between free paragraphs lying just before (or just
    after) a link off the spine on both sides, when they share a name or a figure."""
    linked = ({i for i, _, _ in pairs}, {j for _, j, _ in pairs})
    size = similarity.size
    spine = order_spine(pairs)
    anchors = [(-1, -1), *sorted(spine), size]
    gaps = [
        (range(a0 + 1, a1), range(b0 + 1, b1), False)
        for (a0, b0), (a1, b1) in itertools.pairwise(anchors)
    ]
    if params.moved_gaps:
        ends = (sorted(linked[0]), sorted(linked[1]))
        for i, j, _ in sorted(pairs):
            if (i, j) not in spine:
                gaps += [(*gap, True) for gap in _beside(i, j, ends, size)]
    found: list[Match] = []
    for span_a, span_b, moved in gaps:
        free_a = [i for i in span_a if i not in linked[0]]
        free_b = [j for j in span_b if j not in linked[1]]
        if free_a and free_b and max(len(free_a), len(free_b)) <= params.gap_limit:
            # The more paragraphs a gap holds, the likelier a chance match: ask for more.
            threshold = params.gap_threshold * math.sqrt(max(len(free_a), len(free_b)))
            threshold = max(threshold, floor)
            matched = monotone_match(similarity, headings, free_a, free_b, threshold, params)
            if moved:
                matched = [m for m in matched if _share_names(texts[0][m[0]], texts[1][m[1]])]
            linked[0].update(i for i, _, _ in matched)
            linked[1].update(j for _, j, _ in matched)
            found += matched
    return found


def _beside(
    i: int, j: int, ends: tuple[list[int], list[int]], size: tuple[int, int]
) -> list[tuple[range, range]]:
    """The paragraphs between link ``(i, j)`` and the nearest linked paragraph before it on
    each side (``ends``: the linked paragraphs of each side, sorted), and after it."""
    link = (i, j)
    before = [bisect.bisect_left(ends[side], link[side]) for side in (0, 1)]
    after = [bisect.bisect_right(ends[side], link[side]) for side in (0, 1)]
    start = [ends[side][before[side] - 1] + 1 if before[side] else 0 for side in (0, 1)]
    stop = [
        ends[side][after[side]] if after[side] < len(ends[side]) else size[side] for side in (0, 1)
    ]
    return [
        (range(start[0], i), range(start[1], j)),
        (range(i + 1, stop[0]), range(j + 1, stop[1])),
    ]


def _share_names(text_a: str, text_b: str) -> bool:
    """Do the two texts share a name or a figure?"""
    return not _names_and_figures(text_a).isdisjoint(_names_and_figures(text_b))


def _names_and_figures(text: str) -> frozenset[str]:
    return frozenset(
        _POSSESSIVE.sub("", found).replace(",", "") for found in _NAME_OR_FIGURE.findall(text)
    )


def monotone_match(
    similarity: ParagraphSimilarity,
    headings: Headings,
    free_a: list[int],
    free_b: list[int],
    threshold: float,
    params: AlignParams,
) -> list[Match]:
    """The order-preserving matching of ``free_a`` with ``free_b`` with the most score above
    ``threshold`` (raised for short paragraphs, as in the candidate pass)."""
    rows, columns = len(free_a), len(free_b)
    grid_a = np.repeat(np.array(free_a, dtype=np.int64), columns)
    grid_b = np.tile(np.array(free_b, dtype=np.int64), rows)
    shorter = np.minimum(similarity.term_counts[0][grid_a], similarity.term_counts[1][grid_b])
    raised = params.gap_short_penalty / np.sqrt(np.maximum(shorter, 1))
    raw = similarity.scores(grid_a, grid_b, params.word_weight, params.meaning_weight)
    gains = raw - raised - threshold
    gains[headings[0][grid_a] != headings[1][grid_b]] = -1.0
    gain = gains.reshape(rows, columns).tolist()
    runs = (
        _Runs(similarity, headings, free_a, free_b, threshold, params) if params.gap_runs else None
    )
    table = [[0.0] * (columns + 2) for _ in range(rows + 2)]
    steps: dict[tuple[int, int], tuple[int, int, float]] = {}
    for r in range(rows - 1, -1, -1):
        for c in range(columns - 1, -1, -1):
            best, step = max(table[r + 1][c], table[r][c + 1]), (0, 0, 0.0)
            if gain[r][c] > 0 and table[r + 1][c + 1] + gain[r][c] > best:
                best, step = table[r + 1][c + 1] + gain[r][c], (1, 1, 0.0)
            if runs is not None and max(gain[r][c], gain[min(r + 1, rows - 1)][c]) > 0:
                run = runs.gain(r, c, 2, 1)
                if run > 0 and table[r + 2][c + 1] + run > best:
                    best, step = table[r + 2][c + 1] + run, (2, 1, runs.last)
            if runs is not None and max(gain[r][c], gain[r][min(c + 1, columns - 1)]) > 0:
                run = runs.gain(r, c, 1, 2)
                if run > 0 and table[r + 1][c + 2] + run > best:
                    best, step = table[r + 1][c + 2] + run, (1, 2, runs.last)
            table[r][c] = best
            if step[0]:
                steps[(r, c)] = step
    matched: list[Match] = []
    r = c = 0
    while r < rows and c < columns:
        taken = steps.get((r, c))
        if taken is not None:
            height, width, score = taken
            for dr in range(height):
                for dc in range(width):
                    own = score if height + width > 2 else float(raw[(r + dr) * columns + c + dc])
                    matched.append((free_a[r + dr], free_b[c + dc], own))
            r, c = r + height, c + width
        elif table[r][c] == table[r + 1][c]:
            r += 1
        else:
            c += 1
    return matched


class _Runs:
    """Gains of runs of two consecutive free paragraphs on one side with one on the other."""

    def __init__(
        self,
        similarity: ParagraphSimilarity,
        headings: Headings,
        free_a: list[int],
        free_b: list[int],
        threshold: float,
        params: AlignParams,
    ) -> None:
        self.similarity, self.headings, self.params = similarity, headings, params
        self.free = (free_a, free_b)
        self.threshold = threshold
        self.last = 0.0
        """The score of the run whose gain was last asked for."""

    def gain(self, r: int, c: int, height: int, width: int) -> float:
        free_a, free_b = self.free
        a_run, b_run = free_a[r : r + height], free_b[c : c + width]
        if len(a_run) < height or len(b_run) < width:
            return 0.0
        if a_run[-1] - a_run[0] != height - 1 or b_run[-1] - b_run[0] != width - 1:
            return 0.0  # not consecutive in the document
        kinds = {bool(self.headings[0][i]) for i in a_run} | {
            bool(self.headings[1][j]) for j in b_run
        }
        if len(kinds) > 1:
            return 0.0
        counts = self.similarity.term_counts
        shorter = min(sum(int(counts[0][i]) for i in a_run), sum(int(counts[1][j]) for j in b_run))
        params = self.params
        self.last = self.similarity.score(a_run, b_run, params.word_weight, params.meaning_weight)
        raised = params.gap_short_penalty / math.sqrt(max(shorter, 1))
        return 2 * (self.last - raised - self.threshold) - params.run_penalty
