"""Each signal of the aligner with and without it, cross-validated (benchmarks/alignment_cv.py).

    python benchmarks/alignment_ablation.py [--folds 5] [--seed 20] [--workers 2]

Every variant is scored by the same protocol: its own grid fitted on the training folds,
micro P/R/F1 on the held-out folds (the seed pair and the licence case with the parameters
fitted on all development cases).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.alignment import Score, corpus_of, load_cases
from benchmarks.alignment_cv import DEFAULT_SEED, DEV_CORPORA, GRID, LEXICAL_GRID, cross_validate
from compareapp.core.align.links import LEXICAL_PARAMS, AlignParams

Grid = dict[str, tuple[float, ...]]
NO_RETELLING: Grid = {
    "retelling_likeness": (0.0,),
    "path_threshold": (0.10,),
    "path_relative": (0.5,),
    "path_run_cost": (0.05,),
}
"""The retelling pass off, and its own parameters (then unused) out of the grid."""


def variants() -> dict[str, tuple[Grid, AlignParams]]:
    """Name: (grid, base parameters). The first is the full aligner."""
    full = AlignParams()
    return {
        "full (all signals)": (GRID, full),
        "without the order prior": ({**GRID, "order_weight": (0.0,)}, full),
        "without the retelling pass": ({**GRID, **NO_RETELLING}, full),
        "retelling pass without relative evidence": ({**GRID, "path_relative": (0.0,)}, full),
        "retelling pass without runs": ({**GRID, "path_run_cost": (9.0,)}, full),
        "without split/merge runs (in-order pass)": (GRID, replace(full, gap_runs=False)),
        "without sentence-level links": (GRID, replace(full, sentence_threshold=2.0)),
        "without the heading rule": (GRID, replace(full, heading_rule=False)),
        "meaning weight fixed at 0.3": ({**GRID, "meaning_weight": (0.3,)}, full),
        "without the embedding (lexical only)": (LEXICAL_GRID, replace(full, **LEXICAL_PARAMS)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args()
    start = time.perf_counter()
    cases = list(load_cases())
    columns = [*DEV_CORPORA, "dev set", "seed pair", "licence"]
    print(f"{'variant':42} " + " ".join(f"{c:>16}" for c in columns))
    print(f"{'':42} " + " ".join(f"{'P   R   F1':>16}" for _ in columns))
    for name, (grid, base) in variants().items():
        cv = cross_validate(cases, grid, args.folds, args.seed, args.workers, base)
        held = cv.held_out()
        corpora = np.array([corpus_of(case.name) for case in cv.cases])
        cells = []
        for column in columns:
            member = set(DEV_CORPORA) if column == "dev set" else {column}
            score = Score(*(int(x) for x in held[np.isin(corpora, list(member))].sum(axis=0)))
            cells.append(f"{score.precision:.2f} {score.recall:.2f} {score.f1:.3f}")
        print(f"{name:42} " + " ".join(f"{cell:>16}" for cell in cells), flush=True)
    print(f"\n{time.perf_counter() - start:.0f} s with {args.workers} worker(s)")


if __name__ == "__main__":
    main()
