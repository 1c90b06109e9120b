"""benchmarks/phases.py: the command's steps are all timed, and the budget lines say
what a target leaves the comparison."""

from __future__ import annotations

from pathlib import Path

from benchmarks.phases import WORK, budget_lines, in_process_steps, phase_table

SAMPLE = Path(__file__).resolve().parent.parent / "compareapp" / "assets" / "sample"


def test_every_step_of_the_command_is_timed_in_order() -> None:
    steps = in_process_steps(SAMPLE / "wire-report.txt", SAMPLE / "outlet-rewrite.txt")
    names = [name for name, _seconds in steps]
    assert names == [
        "reading",
        "comparison",
        "JSON model",
        "discrepancy table",
        "table rows",
        "JSON text",
    ]
    assert set(WORK) <= set(names)
    assert all(seconds >= 0 for _name, seconds in steps)


def test_the_budget_left_to_the_comparison() -> None:
    steps = [("interpreter", 0.1), ("comparison", 2.0), ("discrepancy table", 1.0)]
    lines = budget_lines(steps, difflib=5.0, whole=3.2, times=10)
    assert "10x difflib is 0.500 s" in lines[0]
    assert "the other phases: 0.100 s" in lines[1]
    assert lines[2].endswith("must take 0.400 s: 7.5x faster than now.")


def test_a_budget_the_other_phases_already_exceed() -> None:
    steps = [("interpreter", 0.3), ("imports", 0.4), ("comparison", 2.0)]
    lines = budget_lines(steps, difflib=5.0, whole=2.7, times=10)
    assert lines[2].startswith("The other phases alone take 1.40x the budget")


def test_the_phase_table_gives_each_share_and_the_sum() -> None:
    table = phase_table([("reading", 1.0), ("comparison", 3.0)])
    assert "| reading | 1.000 | 25% |" in table
    assert "| comparison | 3.000 | 75% |" in table
    assert table[-1] == "| sum of the phases | 4.000 | |"
