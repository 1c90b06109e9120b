"""Paragraph alignment between two documents: many-to-many, order-free, paraphrase-tolerant.

1. Candidate pairs come from the similarity index (never all pairs).
2. Pairs are taken greedily, best first: a pair of free paragraphs is linked when its score
   clears a threshold that rises for short paragraphs (captions, sign-up lines); a paragraph
   already linked may take a second partner when that partner is mostly contained in it and
   the pair explains it better together (a split or a merge).
3. The heaviest order-preserving chain of links is the spine. Between two neighbouring
   spine links, paragraphs still free on both sides are matched in order with a lower
   threshold: retellings and revisions keep their sequence, so order is evidence there.
4. Links off the final spine are marked as moved.

The result types live in :mod:`compareapp.core.align.links`, which needs no numpy.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from compareapp.core.align.embeddings import load_embeddings
from compareapp.core.align.links import LEXICAL_PARAMS, AlignParams, Link, LinkKind, PairAlignment
from compareapp.core.align.similarity import ParagraphSimilarity
from compareapp.core.text.normalize import normalize_text

__all__ = ["LEXICAL_PARAMS", "AlignParams", "Link", "LinkKind", "PairAlignment", "align_paragraphs"]


def align_paragraphs(
    texts_a: Sequence[str],
    texts_b: Sequence[str],
    params: AlignParams | None = None,
    progress: Callable[[str], None] | None = None,
) -> PairAlignment:
    """Align two sequences of paragraph texts; ``progress`` hears of each step (and may
    raise to stop the work)."""
    report = progress or (lambda _step: None)
    params = params or AlignParams()
    embeddings = load_embeddings() if params.use_meaning else None
    if embeddings is None and params.use_meaning:
        params = replace(params, **LEXICAL_PARAMS)
    count = f"{len(texts_a):,} and {len(texts_b):,} paragraphs"
    report(f"Indexing the words of {count}")
    similarity = ParagraphSimilarity(texts_a, texts_b, embeddings)
    report(f"Linking {count}")
    pairs = _select_pairs(similarity, params)
    report("Linking the paragraphs left between links")
    pairs += _fill_gaps(similarity, pairs, params)
    spine = _order_spine(pairs)
    partners_a: dict[int, int] = {}
    partners_b: dict[int, int] = {}
    for i, j, _ in pairs:
        partners_a[i] = partners_a.get(i, 0) + 1
        partners_b[j] = partners_b.get(j, 0) + 1
    links = []
    for i, j, score in sorted(pairs):
        if (i, j) not in spine:
            kind = LinkKind.MOVED
        elif normalize_text(texts_a[i]) == normalize_text(texts_b[j]):
            kind = LinkKind.IDENTICAL
        else:
            kind = LinkKind.CHANGED
        links.append(
            Link(
                i,
                j,
                round(score, 4),
                kind,
                tuple(similarity.shared_terms(i, j)),
                partners_a[i] > 1 or partners_b[j] > 1,
            )
        )
    return PairAlignment(
        links=tuple(links),
        unique_a=tuple(i for i in range(len(texts_a)) if i not in partners_a),
        unique_b=tuple(j for j in range(len(texts_b)) if j not in partners_b),
        sizes=(len(texts_a), len(texts_b)),
    )


def _select_pairs(
    similarity: ParagraphSimilarity, params: AlignParams
) -> list[tuple[int, int, float]]:
    ia, jb = similarity.candidates(params.candidates_per_paragraph)
    values = similarity.scores(ia, jb)
    order = np.lexsort((jb, ia, -values))
    scored = zip(values[order].tolist(), ia[order].tolist(), jb[order].tolist(), strict=True)
    partners: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})
    chosen: list[tuple[int, int, float]] = []
    for score, i, j in scored:
        taken_a, taken_b = i in partners[0], j in partners[1]
        if taken_a and taken_b:
            continue
        if not taken_a and not taken_b:
            accept = score >= _threshold(similarity, i, j, params)
        elif taken_a:
            accept = _extends(similarity, 0, i, partners[0][i], j, score, params)
        else:
            accept = _extends(similarity, 1, j, partners[1][j], i, score, params)
        if accept:
            partners[0].setdefault(i, []).append(j)
            partners[1].setdefault(j, []).append(i)
            chosen.append((i, j, score))
    return chosen


def _threshold(similarity: ParagraphSimilarity, i: int, j: int, params: AlignParams) -> float:
    shorter = min(similarity.informative_terms(0, i), similarity.informative_terms(1, j))
    return params.link_threshold + params.short_penalty / math.sqrt(max(shorter, 1))


def _extends(
    similarity: ParagraphSimilarity,
    side: int,
    whole: int,
    current: list[int],
    part: int,
    score: float,
    params: AlignParams,
) -> bool:
    """May paragraph ``whole`` (on ``side``) take ``part`` as one more partner?"""
    if similarity.repeats(1 - side, part, current):
        return True  # a paragraph printed twice, such as a repeated lead
    if score < params.part_threshold:
        return False
    if similarity.containment(1 - side, part, whole) < params.part_containment:
        return False
    group = sorted([*current, part])
    if side == 0:
        before, after = similarity.score([whole], current), similarity.score([whole], group)
    else:
        before, after = similarity.score(current, [whole]), similarity.score(group, [whole])
    return after >= before + params.part_gain


def _fill_gaps(
    similarity: ParagraphSimilarity, pairs: list[tuple[int, int, float]], params: AlignParams
) -> list[tuple[int, int, float]]:
    """In-order links between free paragraphs lying between two neighbouring spine links."""
    linked_a = {i for i, _, _ in pairs}
    linked_b = {j for _, j, _ in pairs}
    size_a, size_b = similarity.size
    anchors = [(-1, -1), *sorted(_order_spine(pairs)), (size_a, size_b)]
    found = []
    for (a0, b0), (a1, b1) in itertools.pairwise(anchors):
        free_a = [i for i in range(a0 + 1, a1) if i not in linked_a]
        free_b = [j for j in range(b0 + 1, b1) if j not in linked_b]
        if free_a and free_b and max(len(free_a), len(free_b)) <= params.gap_limit:
            # The more paragraphs a gap holds, the likelier a chance match: ask for more.
            threshold = params.gap_threshold * math.sqrt(max(len(free_a), len(free_b)))
            found += _monotone_match(similarity, free_a, free_b, threshold, params)
    return found


def _monotone_match(
    similarity: ParagraphSimilarity,
    free_a: list[int],
    free_b: list[int],
    threshold: float,
    params: AlignParams,
) -> list[tuple[int, int, float]]:
    """The order-preserving one-to-one matching with the most score above ``threshold``
    (raised for short paragraphs, as in the candidate pass)."""
    rows, columns = len(free_a), len(free_b)
    grid_a = np.repeat(np.array(free_a, dtype=np.int64), columns)
    grid_b = np.tile(np.array(free_b, dtype=np.int64), rows)
    shorter = np.minimum(similarity.term_counts[0][grid_a], similarity.term_counts[1][grid_b])
    raised = params.gap_short_penalty / np.sqrt(np.maximum(shorter, 1))
    raw = similarity.scores(grid_a, grid_b).reshape(rows, columns)
    scores = (raw - raised.reshape(rows, columns)).tolist()
    table = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    for r in range(rows - 1, -1, -1):
        for c in range(columns - 1, -1, -1):
            gain = scores[r][c] - threshold
            table[r][c] = max(
                table[r + 1][c],
                table[r][c + 1],
                table[r + 1][c + 1] + gain if gain > 0 else 0.0,
            )
    matched = []
    r = c = 0
    while r < rows and c < columns:
        gain = scores[r][c] - threshold
        if gain > 0 and table[r][c] == table[r + 1][c + 1] + gain:
            matched.append((free_a[r], free_b[c], float(raw[r, c])))
            r, c = r + 1, c + 1
        elif table[r][c] == table[r + 1][c]:
            r += 1
        else:
            c += 1
    return matched


def _order_spine(pairs: list[tuple[int, int, float]]) -> set[tuple[int, int]]:
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
