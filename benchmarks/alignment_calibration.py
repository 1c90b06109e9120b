"""Calibrated link probabilities, fitted on the training folds and checked on the held-out.

    python benchmarks/alignment_calibration.py [--folds 5] [--seed 20] [--workers 2]

Run alone, it cross-validates the aligner's parameters as benchmarks/alignment_cv.py does;
that script calls :func:`report` with its own run. For each fold the logistic map of
:mod:`compareapp.core.align.calibration` is fitted on the links the fold's chosen parameters
make on its training cases (a link is right when gold lists it, sure or possible), then
applied to the held-out cases. Per corpus it prints the mean probability beside the share
of links that are right (they should agree: calibrated), the Brier score, and the precision
and recall of the links whose probability is at least 0.5: one threshold for every corpus.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.alignment import CORPORA, Case, corpus_of, load_cases
from compareapp.core.align.aligner import align_paragraphs
from compareapp.core.align.calibration import fit
from compareapp.core.align.links import AlignParams

if TYPE_CHECKING:
    from benchmarks.alignment_cv import CrossValidation

Rows = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
"""Features, right (gold, bool), sure (bool) and case index of every predicted link."""


def _links(cases: list[Case], params: list[AlignParams]) -> Rows:
    features, right, sure, owner = [], [], [], []
    for index, (case, chosen) in enumerate(zip(cases, params, strict=True)):
        alignment = align_paragraphs(case.a, case.b, chosen)
        gold = case.sure | case.possible
        for link, row in zip(alignment.links, alignment.link_features, strict=True):
            features.append(row)
            right.append((link.a, link.b) in gold)
            sure.append((link.a, link.b) in case.sure)
            owner.append(index)
    rows = np.array(features, dtype=np.float64).reshape(len(right), -1)
    return rows, np.array(right, dtype=bool), np.array(sure, dtype=bool), np.array(owner, int)


def report(cv: CrossValidation, threshold: float = 0.5) -> tuple[float, ...]:
    """Print the held-out calibration per corpus; return the fit on all development cases."""
    fold = np.array(cv.fold)
    picks = [cv.params[cv.chosen[f] if f >= 0 else cv.chosen_all] for f in cv.fold]
    features, right, sure, owner = _links(cv.cases, picks)
    held = np.zeros(len(right))
    for f in range(len(cv.chosen)):
        training = (fold[owner] >= 0) & (fold[owner] != f)
        coefficients = np.array(fit(features[training], right[training]))
        tested = fold[owner] == f
        held[tested] = 1 / (1 + np.exp(-features[tested] @ coefficients))
    everything = fit(features[fold[owner] >= 0], right[fold[owner] >= 0])
    outside = fold[owner] < 0
    held[outside] = 1 / (1 + np.exp(-features[outside] @ np.array(everything)))
    corpora = np.array([corpus_of(cv.cases[k].name) for k in owner])
    sure_counts = {c: sum(len(k.sure) for k in cv.cases if corpus_of(k.name) == c) for c in CORPORA}
    print(f"calibrated link probability, held out (threshold {threshold} for P/R):")
    heads = ("links", "mean p", "right", "Brier", "P@t", "R@t")
    print(f"  {'corpus':12} " + " ".join(f"{head:>6}" for head in heads))
    for corpus in CORPORA:
        mask = corpora == corpus
        if not mask.any():
            continue
        kept = mask & (held >= threshold)
        precision = float(right[kept].mean()) if kept.any() else 0.0
        recall = float(sure[kept].sum()) / max(sure_counts[corpus], 1)
        brier = float(((held[mask] - right[mask]) ** 2).mean())
        print(
            f"  {corpus:12} {int(mask.sum()):>6} {held[mask].mean():6.3f} "
            f"{right[mask].mean():6.3f} {brier:6.3f} {precision:6.3f} {recall:6.3f}"
        )
    print(f"  coefficients fitted on all development cases: {everything}")
    return everything


def main() -> None:
    from benchmarks.alignment_cv import DEFAULT_SEED, GRID, cross_validate

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args()
    cv = cross_validate(list(load_cases()), GRID, args.folds, args.seed, args.workers)
    report(cv)


if __name__ == "__main__":
    main()
