"""Paragraph alignment between two documents: many-to-many, order-free, paraphrase-tolerant.

1. Candidate pairs come from the similarity index (never all pairs); a heading (a short
   title-case line, :mod:`~compareapp.core.align.furniture`) pairs only with a heading.
2. Pairs are taken greedily, best first by score plus the order prior (a bonus for lying
   where the mutual-best pairs around them say, :mod:`~compareapp.core.align.order`): a pair
   of free paragraphs is linked when its score clears a threshold that rises for short
   paragraphs; a paragraph already linked may take a second partner when that partner is
   mostly contained in it and the pair explains it better together (a split or a merge).
3. The heaviest order-preserving chain of links is the spine. Between two neighbouring
   spine links, paragraphs still free on both sides are matched in order by dynamic
   programming over one-to-one steps and runs of two consecutive paragraphs to one
   (:mod:`~compareapp.core.align.gaps`), with a lower threshold, raised in comparisons whose
   typical link is close to identical (drafts of one essay). So are the free paragraphs
   just before and after a link off the spine (a moved block), when they share a name.
   In a free retelling, where even the pairs that are each other's best score low, one
   order-preserving path through the whole comparison, on relative evidence, takes the
   place of this step (:mod:`~compareapp.core.align.path`); strong links off it stay.
4. Two paragraphs linked elsewhere are linked to each other too when one sentence of each
   says the same and neither is explained by their partners
   (:mod:`~compareapp.core.align.sentences`): a paragraph cut in two and glued to others.
5. A paragraph printed again word for word takes its first copy's links, marked as repeats.
6. Links off the final spine are marked as moved; each link gets a calibrated probability
   (:mod:`~compareapp.core.align.calibration`).

The result types live in :mod:`compareapp.core.align.links`, which needs no numpy.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from compareapp.core.align.calibration import link_features, probability
from compareapp.core.align.embeddings import load_embeddings
from compareapp.core.align.furniture import Headings, heading_flags
from compareapp.core.align.gaps import fill_gaps
from compareapp.core.align.links import LEXICAL_PARAMS, AlignParams, Link, LinkKind, PairAlignment
from compareapp.core.align.order import order_prior, order_spine
from compareapp.core.align.path import retelling_path
from compareapp.core.align.sentences import SentenceTerms, sentence_links
from compareapp.core.align.similarity import ParagraphSimilarity
from compareapp.core.align.sparse_rows import Floats, Ints
from compareapp.core.text.normalize import normalize_text

Pair = tuple[int, int, float]

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
    similarity = ParagraphSimilarity(texts_a, texts_b, embeddings, params.languages)
    headings = (heading_flags(texts_a), heading_flags(texts_b))
    if not params.heading_rule:
        headings = (np.zeros(len(texts_a), bool), np.zeros(len(texts_b), bool))
    report(f"Linking {count}")
    pairs, ranked, typical, likeness = _select_pairs(similarity, headings, params)
    origin: dict[tuple[int, int], str] = {}
    retelling = 0 < likeness < params.retelling_likeness  # 0: no pair shares a word
    if retelling:
        report("Linking the paragraphs along the story's order")
        found = retelling_path(similarity, headings, pairs, params)
        on_path = {(i, j) for i, j, _ in found}
        # Moves stay free: a strong link off the path is kept.
        pairs = [p for p in pairs if p[2] >= params.link_threshold and p[:2] not in on_path]
    else:
        report("Linking the paragraphs left between links")
        floor = params.relative_gap_threshold * typical
        found = fill_gaps(similarity, headings, (texts_a, texts_b), pairs, floor, params)
    origin.update(((i, j), "gap") for i, j, _ in found)
    pairs += found
    if params.sentence_threshold <= 1:
        linked = {(i, j) for i, j, _ in pairs}
        ranked = [pair for pair in ranked if pair[:2] not in linked]
        sentences = SentenceTerms(texts_a, texts_b, params.languages)
        found = sentence_links(sentences, ranked, pairs, params.sentence_threshold)
        sentences.release()
        origin.update(((i, j), "sentence") for i, j, _ in found)
        pairs += found
    pairs, repeats = _link_repeats(similarity, pairs)
    # A retelling's order is its longest chain of links, however weak each one is.
    spine = order_spine([(i, j, 1.0) for i, j, _ in pairs] if retelling else pairs)
    partners_a: dict[int, int] = {}
    partners_b: dict[int, int] = {}
    for i, j, _ in pairs:
        partners_a[i] = partners_a.get(i, 0) + 1
        partners_b[j] = partners_b.get(j, 0) + 1
    links = []
    features: list[list[float]] = []
    ordered = sorted(pairs)
    shared_terms = similarity.shared_terms([(i, j) for i, j, _ in ordered])
    for (i, j, score), shared in zip(ordered, shared_terms, strict=True):
        shorter = min(similarity.informative_terms(0, i), similarity.informative_terms(1, j))
        made = "repeat" if (i, j) in repeats else origin.get((i, j), "candidate")
        features.append(link_features(score, typical, shorter, made))
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
                tuple(shared),
                partners_a[i] > 1 or partners_b[j] > 1,
                (i, j) in repeats,
                probability(features[-1], params.calibration),
            )
        )
    return PairAlignment(
        links=tuple(links),
        unique_a=tuple(i for i in range(len(texts_a)) if i not in partners_a),
        unique_b=tuple(j for j in range(len(texts_b)) if j not in partners_b),
        sizes=(len(texts_a), len(texts_b)),
        link_features=tuple(tuple(row) for row in features),
    )


def _select_pairs(
    similarity: ParagraphSimilarity, headings: Headings, params: AlignParams
) -> tuple[list[Pair], list[Pair], float, float]:
    """The pairs the greedy pass links; the candidates it did not link that score at least
    ``part_threshold``, best first; the comparison's typical score (the median of the
    pairs that are each other's best, above ``link_threshold``); and its likeness (the
    upper quartile of the scores of all the pairs that are each other's best)."""
    ia, jb = similarity.candidates(params.candidates_per_paragraph)
    same_kind = headings[0][ia] == headings[1][jb]
    ia, jb = ia[same_kind], jb[same_kind]
    raw = similarity.scores(ia, jb, params.word_weight, params.meaning_weight)
    values = raw
    every_best = _mutual_best(ia, jb, raw, 0.0) if len(ia) else []
    likeness = float(np.quantile([m[2] for m in every_best], 0.75)) if every_best else 0.0
    mutual = [m for m in every_best if m[2] >= params.link_threshold]
    typical = float(np.median([m[2] for m in mutual])) if mutual else 0.0
    floor = params.relative_threshold * typical
    if params.order_weight and len(ia):
        anchors = sorted(order_spine(mutual))
        values = raw + params.order_weight * order_prior(ia, jb, anchors, similarity.size)
    order = np.lexsort((jb, ia, -values))
    scored = zip(
        values[order].tolist(),
        raw[order].tolist(),
        ia[order].tolist(),
        jb[order].tolist(),
        strict=True,
    )
    partners: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})
    chosen: list[Pair] = []
    refused: list[Pair] = []
    for score, own, i, j in scored:
        taken_a, taken_b = i in partners[0], j in partners[1]
        if taken_a and taken_b:
            if own >= params.part_threshold:
                refused.append((i, j, own))
            continue
        if not taken_a and not taken_b:
            accept = score >= _threshold(similarity, i, j, params, floor)
        elif taken_a:
            accept = _extends(similarity, 0, i, partners[0][i], j, score, params)
        else:
            accept = _extends(similarity, 1, j, partners[1][j], i, score, params)
        if accept:
            partners[0].setdefault(i, []).append(j)
            partners[1].setdefault(j, []).append(i)
            chosen.append((i, j, own))
        elif own >= params.part_threshold:
            refused.append((i, j, own))
    return chosen, refused, typical, likeness


def _mutual_best(
    ia: Ints, jb: Ints, scores: Floats, threshold: float
) -> list[tuple[int, int, float]]:
    """Candidate pairs above ``threshold`` that are each other's best: the order anchors."""
    best_a = np.full(int(ia.max()) + 1, -1.0)
    best_b = np.full(int(jb.max()) + 1, -1.0)
    np.maximum.at(best_a, ia, scores)
    np.maximum.at(best_b, jb, scores)
    mutual = (scores >= best_a[ia]) & (scores >= best_b[jb]) & (scores >= threshold)
    return list(zip(ia[mutual].tolist(), jb[mutual].tolist(), scores[mutual].tolist(), strict=True))


def _link_repeats(
    similarity: ParagraphSimilarity, pairs: list[tuple[int, int, float]]
) -> tuple[list[tuple[int, int, float]], set[tuple[int, int]]]:
    """A paragraph printed again word for word (a repeated lead) takes the links of its
    first copy, marked as repeats; when both sides print it again, the second copy of one
    links to the second of the other, and so on. Returns the pairs and the repeats."""
    copies: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})
    first_copy: tuple[dict[int, int], dict[int, int]] = ({}, {})
    for side in (0, 1):
        seen: dict[str, int] = {}
        for index, letters in enumerate(similarity.letters[side]):
            if letters in seen:
                first_copy[side][index] = seen[letters]
                copies[side].setdefault(seen[letters], [seen[letters]]).append(index)
            elif letters:
                seen[letters] = index
    if not first_copy[0] and not first_copy[1]:
        return pairs, set()
    linked = ({i for i, _, _ in pairs}, {j for _, j, _ in pairs})
    kept = {
        (i, j): score
        for i, j, score in pairs
        if not (i in first_copy[0] and first_copy[0][i] in linked[0])
        and not (j in first_copy[1] and first_copy[1][j] in linked[1])
    }
    repeats: set[tuple[int, int]] = set()
    for (i, j), score in list(kept.items()):
        if i in first_copy[0] or j in first_copy[1]:
            continue  # a copy linked on its own: its first copy has no link
        side_a, side_b = copies[0].get(i, [i]), copies[1].get(j, [j])
        for k in range(1, max(len(side_a), len(side_b))):
            repeat = (side_a[min(k, len(side_a) - 1)], side_b[min(k, len(side_b) - 1)])
            kept[repeat] = score
            repeats.add(repeat)
    return [(i, j, score) for (i, j), score in kept.items()], repeats


def _threshold(
    similarity: ParagraphSimilarity, i: int, j: int, params: AlignParams, floor: float
) -> float:
    """The lowest score of a new link: the link threshold, or the comparison's ``floor`` if
    higher, raised for short paragraphs (captions, sign-up lines)."""
    shorter = min(similarity.informative_terms(0, i), similarity.informative_terms(1, j))
    return max(params.link_threshold, floor) + params.short_penalty / math.sqrt(max(shorter, 1))


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
    before = _group_score(similarity, side, [whole], current, params)
    after = _group_score(similarity, side, [whole], group, params)
    return after >= before + params.part_gain


def _group_score(
    similarity: ParagraphSimilarity,
    side: int,
    own: list[int],
    other: list[int],
    params: AlignParams,
) -> float:
    """Score of paragraphs ``own`` of ``side`` taken together with ``other`` on the other."""
    a_group, b_group = (own, other) if side == 0 else (other, own)
    return similarity.score(a_group, b_group, params.word_weight, params.meaning_weight)
