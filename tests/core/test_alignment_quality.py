"""Regression floor for alignment quality on the gold cases (benchmarks/alignment.py)."""

from __future__ import annotations

from benchmarks.alignment import Score, compareapp_aligner, load_cases

# Measured: dev set + seed pair micro F1 0.789 (P 0.909); seed pair F1 0.941.
FLOOR_DEV_AND_SEED_F1 = 0.76
FLOOR_SEED_F1 = 0.88


def test_aligner_stays_above_its_measured_floor() -> None:
    cases = {case.name: case for case in load_cases()}
    assert {"aesop_fox_goat", "argrewrite_54_d1d2", "seed_pair"} <= set(cases)
    total = Score()
    for case in cases.values():
        if case.in_target:
            total.add(compareapp_aligner(case.a, case.b), case)
    seed = Score().add(
        compareapp_aligner(cases["seed_pair"].a, cases["seed_pair"].b), cases["seed_pair"]
    )
    assert total.f1 >= FLOOR_DEV_AND_SEED_F1, str(total)
    assert seed.f1 >= FLOOR_SEED_F1, str(seed)
