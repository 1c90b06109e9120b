"""Where the whole ``compareapp compare A B --format json`` process spends its time, phase
by phase, against the budget that a target of N times the difflib baseline leaves it.

    python benchmarks/phases.py [--size N | --pair A B] [--runs K] [--times T]

Fresh processes (median of K): the interpreter alone (``python -c pass``), the interpreter
importing what the command imports before it reads a file, the difflib baseline
(``benchmarks/measure.py difflib``) and the whole command. Then, in this process, the
command's steps one by one, as ``compareapp.cli`` runs them: reading the files, the
comparison (alignment and word differences), its JSON model, the discrepancy table, the
table's rows, and writing the JSON text (to /dev/null).

The last lines say how long the steps that are not the comparison or the table take, and
how fast the comparison and the table would have to become for the whole process to be
T times faster than difflib (10, issue 25's target).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import pair_files  # noqa: E402
from benchmarks.whole_process import commands, run_process  # noqa: E402

IMPORTS = (
    "import compareapp.cli, compareapp.core.diff.comparison, "
    "compareapp.core.documents.loading, compareapp.core.reports.comparison_json, "
    "compareapp.core.reports.discrepancy_json, compareapp.core.facts.discrepancies"
)
T = TypeVar("T")
WORK = ("comparison", "discrepancy table")
"""The steps a faster comparison core would speed up; the others it would not."""


def process_seconds(arguments: list[str], runs: int, timeout: float = 3600.0) -> float:
    """The median wall time of ``python ARGUMENTS`` over ``runs`` fresh processes."""
    return float(statistics.median(run_process(arguments, timeout)["seconds"] for _ in range(runs)))


@contextlib.contextmanager
def _output_discarded() -> Iterator[None]:
    with open(os.devnull, "w", encoding="utf-8") as devnull:
        saved, sys.stdout = sys.stdout, devnull
        try:
            yield
        finally:
            sys.stdout = saved


def in_process_steps(path_a: Path, path_b: Path) -> list[tuple[str, float]]:
    """The command's steps after its imports, each timed, as ``compareapp compare``
    takes them."""
    from compareapp.cli import _print_json
    from compareapp.core.collector import fewer_collections
    from compareapp.core.diff.comparison import Comparison
    from compareapp.core.documents.loading import load_document
    from compareapp.core.facts.discrepancies import find_discrepancies
    from compareapp.core.reports.comparison_json import comparison_to_json
    from compareapp.core.reports.discrepancy_json import discrepancy_rows

    steps: list[tuple[str, float]] = []

    def timed(name: str, step: Callable[[], T]) -> T:
        started = time.perf_counter()
        result = step()
        steps.append((name, time.perf_counter() - started))
        return result

    with fewer_collections():
        documents = timed("reading", lambda: [load_document(str(p)) for p in (path_a, path_b)])
        comparison = Comparison(documents)
        timed("comparison", lambda: comparison.pair(0, 1))
        data = timed("JSON model", lambda: comparison_to_json(comparison, typographic=False))
        rows = timed("discrepancy table", lambda: find_discrepancies(comparison))
        data["discrepancies"] = timed("table rows", lambda: discrepancy_rows(documents, rows))
        with _output_discarded():
            timed("JSON text", lambda: _print_json(data))
    return steps


def report(path_a: Path, path_b: Path, runs: int, times: float) -> list[str]:
    """The phase table and the budget lines."""
    interpreter = process_seconds(["-c", "pass"], runs)
    imported = process_seconds(["-c", IMPORTS], runs)
    named = commands(path_a, path_b)
    difflib = process_seconds(named["difflib"], runs)
    whole = process_seconds(named["compareapp"], runs)
    steps = [("interpreter", interpreter), ("imports", imported - interpreter)]
    steps += in_process_steps(path_a, path_b)
    return [*phase_table(steps), "", *budget_lines(steps, difflib, whole, times)]


def phase_table(steps: list[tuple[str, float]]) -> list[str]:
    total = sum(seconds for _name, seconds in steps)
    lines = ["| phase | s | share |", "|---|---:|---:|"]
    for name, seconds in steps:
        lines.append(f"| {name} | {seconds:.3f} | {seconds / total:.0%} |")
    return [*lines, f"| sum of the phases | {total:.3f} | |"]


def budget_lines(
    steps: list[tuple[str, float]], difflib: float, whole: float, times: float
) -> list[str]:
    """What ``times`` x difflib leaves the comparison and its table, once the other
    phases have taken their share."""
    work = sum(seconds for name, seconds in steps if name in WORK)
    rest = sum(seconds for name, seconds in steps if name not in WORK)
    budget = difflib / times
    lines = [
        f"Whole process: compareapp {whole:.3f} s, difflib {difflib:.3f} s "
        f"({difflib / whole:.2f}x); {times:g}x difflib is {budget:.3f} s.",
        f"The comparison and its table: {work:.3f} s; the other phases: {rest:.3f} s.",
    ]
    if rest >= budget:
        return [
            *lines,
            f"The other phases alone take {rest / budget:.2f}x the budget: no speed of the "
            "comparison and its table meets it.",
        ]
    return [
        *lines,
        f"To meet it, the comparison and its table must take {budget - rest:.3f} s: "
        f"{work / (budget - rest):.1f}x faster than now.",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--size", type=int, default=5000, help="paragraphs a side (5000)")
    which.add_argument("--pair", nargs=2, type=Path, metavar=("A", "B"))
    parser.add_argument("--runs", type=int, default=3, help="fresh processes each (3)")
    parser.add_argument("--times", type=float, default=10.0, help="target over difflib (10)")
    args = parser.parse_args(argv)
    path_a, path_b = args.pair if args.pair else pair_files(args.size)
    print("\n".join(report(path_a, path_b, args.runs, args.times)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
