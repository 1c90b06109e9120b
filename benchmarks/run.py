"""The benchmark suite: one command, one table.

    python benchmarks/run.py [--quick] [--sizes N ...] [--runs K] [--timeout S]
                             [--save-baseline] [--no-startup] [--no-extras]

Inputs: pairs of documents of about 50, 500, 5,000 and 50,000 paragraphs per side made
from two English translations of the Bible that Debian packages (benchmarks/corpus.py
says which and how), cached after the first run.

For each size, every measurement runs in a fresh process (benchmarks/measure.py) and the
table gives the median of K runs (3; 1 for 50,000 paragraphs and more): the tokenize
floor, the difflib baseline, compareapp's alignment with all inline diffs, and its
discrepancy table; wall time and peak memory; compareapp against the floor and difflib;
and the growth exponent of each between sizes. Then: start to first window for the app
and for a bare PySide6 window (benchmarks/startup.py, median of 5 after one warm-up run
each), applying all highlights for the 5,000 pair (benchmarks/window_load.py) and PDF
export pages per second (benchmarks/pdf_export.py).

The table is printed and written to benchmarks/results/latest.md; ``--save-baseline``
also writes benchmarks/results/baseline.md, and when a baseline exists each figure's
change against it is printed too. ``--quick`` runs only the 50 and 500 sizes, and the
highlight and PDF figures on the 500 pair.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Set
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus, report, whole_process  # noqa: E402

HERE = ROOT / "benchmarks"
RESULTS = HERE / "results"
SIZES = (50, 500, 5000, 50000)
QUICK_SIZES = (50, 500)
LARGE = 50000
"""Sizes from this one on are measured once (``--large-runs``)."""
EXTRAS_SIZE = 5000
METHODS = ("floor", "difflib", "compareapp")
SAMPLE = ROOT / "compareapp" / "assets" / "sample"
SAMPLE_FILES = (SAMPLE / "wire-report.txt", SAMPLE / "outlet-rewrite.txt")

Result = dict[str, Any]


class Timeout(Exception):
    """A child process ran past the time limit."""


class Failed(Exception):
    """A child process failed; the message ends with its error output."""


def child(arguments: list[str], timeout: float, env: dict[str, str] | None = None) -> Result:
    """Run ``python ARGUMENTS`` in a fresh process; its last line of output is JSON. One
    stopped at the time limit after printing a line returns it, marked ``stopped``."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    try:
        done = subprocess.run(
            [sys.executable, *arguments],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=environment,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired as stopped:
        output = stopped.stdout.decode() if isinstance(stopped.stdout, bytes) else stopped.stdout
        partial = [line for line in (output or "").splitlines() if line.startswith("{")]
        if partial:  # what the process had measured when it was stopped
            result: Result = json.loads(partial[-1])
            result["stopped"] = True
            return result
        raise Timeout(f"{' '.join(arguments)} ran over {timeout:.0f} s") from None
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise Failed(f"{' '.join(arguments)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result = json.loads(lines[-1])
    return result


def median_of(runs: list[Result], key: str) -> float | None:
    values = [run[key] for run in runs if run.get(key) is not None]
    return statistics.median(values) if values else None


def measure_size(size: int, runs: int, timeout: float, skip: Set[str] = frozenset()) -> Result:
    """Every method on the ``size`` pair, ``runs`` times each (interleaved), in fresh
    processes: medians, and which methods timed out."""
    path_a, path_b = corpus.pair_files(size)
    done: dict[str, list[Result]] = {method: [] for method in METHODS}
    timed_out = set(skip)
    errors: dict[str, str] = {}
    for _ in range(runs):
        for method in METHODS:
            if method in timed_out or method in errors:
                continue
            script = str(HERE / "measure.py")
            try:
                done[method].append(child([script, method, str(path_a), str(path_b)], timeout))
            except Timeout:
                timed_out.add(method)
            except Failed as error:
                errors[method] = summary(error)
                print(f"[bench] {error}", file=sys.stderr, flush=True)
    row: Result = {"size": size, "runs": runs, "timeouts": sorted(timed_out - skip)}
    row["skipped"] = sorted(skip)
    row["errors"] = errors
    for method, results in done.items():
        if method in timed_out or method in errors or not results:
            continue
        row[method] = {
            key: median_of(results, key)
            for key in ("seconds", "peak_mb", "rss_mb", "discrepancies_s", "discrepancies_peak_mb")
            if median_of(results, key) is not None
        }
        row[method]["all_seconds"] = [result["seconds"] for result in results]
        if any(result.get("stopped") for result in results):
            row[method]["stopped"] = True  # the discrepancies ran out of time
        for key in ("words", "links", "differences", "moved", "discrepancies", "changes"):
            if key in results[0]:
                row[method][key] = results[0][key]
    row["words"] = row.get("floor", {}).get("words")
    return row


def measure_startup(runs: int, warmup: bool = True, timeout: float = 120.0) -> Result:
    """Process start to first window: the app on the two sample articles against a bare
    PySide6 window; runs interleaved, each with fresh settings and data folders. The app's
    bytecode is compiled first, as an install has it (a machine that sets
    PYTHONDONTWRITEBYTECODE would otherwise compile every changed module at each start)."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "compareapp")], check=False
    )
    times: dict[str, list[float]] = {"bare": [], "compareapp": [], "ready": []}
    for number in range(runs + (1 if warmup else 0)):
        for mode in ("bare", "compareapp"):
            with tempfile.TemporaryDirectory() as home:
                env = {
                    "XDG_CONFIG_HOME": f"{home}/config",
                    "XDG_DATA_HOME": f"{home}/data",
                    "COMPAREAPP_INSTANCE_NAME": f"bench-{uuid.uuid4().hex[:8]}",
                }
                files = [str(path) for path in SAMPLE_FILES] if mode == "compareapp" else []
                started = time.monotonic()
                result = child([str(HERE / "startup.py"), mode, *files], timeout, env)
            if warmup and number == 0:
                continue
            times[mode].append(result["shown"] - started)
            if mode == "compareapp" and result.get("ready") is not None:
                times["ready"].append(result["ready"] - started)
    return {
        "runs": runs,
        **{name: statistics.median(values) for name, values in times.items() if values},
        "all": times,
    }


def measure_extras(size: int, runs: int, timeout: float) -> Result:
    """Applying all highlights, and PDF export, on the ``size`` pair (medians)."""
    path_a, path_b = (str(path) for path in corpus.pair_files(size))
    highlights: list[Result] = []
    exports: list[Result] = []
    for _ in range(runs):
        script = str(HERE / "window_load.py")
        highlights.append(child([script, "--highlights", "--pair", path_a, path_b], timeout))
        script = str(HERE / "pdf_export.py")
        exports.append(child([script, "--json", "--pair", path_a, path_b], timeout))
    return {
        "size": size,
        "runs": runs,
        "highlights": {
            key: median_of(highlights, key) for key in ("seconds", "compute_s", "apply_s")
        }
        | {"count": highlights[0]["highlights"]},
        "pdf": {key: median_of(exports, key) for key in ("seconds", "pages_per_s", "plain_s")}
        | {"pages": exports[0]["pages"], "plain_pages": exports[0]["plain_pages"]},
    }


def run_suite(
    sizes: list[int],
    runs: int = 3,
    large_runs: int = 1,
    timeout: float = 300.0,
    startup_runs: int = 5,
    extras_size: int | None = EXTRAS_SIZE,
    log: Any = sys.stderr,
    whole: bool = True,
    sixty: bool = True,
) -> Result:
    """Everything the table shows, as data."""
    data: Result = {"environment": report.environment(), "sizes": []}
    skip: set[str] = set()
    for size in sizes:
        count = large_runs if size >= LARGE else runs
        print(
            f"[bench] {size:,} paragraphs per side, {count} run(s) each ...", file=log, flush=True
        )
        row = measure_size(size, count, timeout, skip)
        skip |= set(row["timeouts"])  # a method too slow here is not tried on larger pairs
        data["sizes"].append(row)
        if whole:
            print(f"[bench] {size:,}: whole processes ...", file=log, flush=True)
            paths = corpus.pair_files(size)
            data.setdefault("whole", []).append(
                whole_process.measure_whole(size, paths, count, timeout)
            )
    if sixty:
        print("[bench] the 60 MB input ...", file=log, flush=True)
        data["sixty"] = whole_process.measure_sixty(corpus.cache_dir(), timeout)
    if startup_runs:
        print(f"[bench] start-up, {startup_runs} runs each ...", file=log, flush=True)
        data["startup"] = guarded(measure_startup, log, startup_runs)
    if extras_size:
        print(f"[bench] highlights and PDF export, {extras_size:,} pair ...", file=log, flush=True)
        data["extras"] = guarded(measure_extras, log, extras_size, runs, timeout)
    return data


def guarded(measure: Callable[..., Result], log: Any, *arguments: Any) -> Result:
    """``measure(*arguments)``, or what went wrong: one failure does not end the run."""
    try:
        return measure(*arguments)
    except (Timeout, Failed) as error:
        print(f"[bench] {error}", file=log, flush=True)
        return {"error": summary(error)}


def summary(error: Exception) -> str:
    """The failed command's first line and the last line of its error output."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if len(lines) < 2 else f"{lines[0]} {lines[-1]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes 50 and 500 only")
    parser.add_argument(
        "--sizes", type=int, nargs="+", help=f"default: {' '.join(map(str, SIZES))}"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--large-runs", type=int, default=1, help=f"runs at {LARGE:,} and up")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per process")
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--no-startup", action="store_true")
    parser.add_argument("--no-extras", action="store_true")
    parser.add_argument("--no-whole", action="store_true", help="no whole-process timing")
    parser.add_argument("--no-sixty", action="store_true", help="not the 60 MB input")
    parser.add_argument("--save-baseline", action="store_true", help="write results/baseline.md")
    args = parser.parse_args(argv)
    sizes = args.sizes or list(QUICK_SIZES if args.quick else SIZES)
    extras_size = None if args.no_extras else (max(QUICK_SIZES) if args.quick else EXTRAS_SIZE)
    try:
        corpus.parallel_verses()
    except corpus.CorpusMissing as error:
        print(f"benchmarks/run.py: {error}", file=sys.stderr)
        return 1
    data = run_suite(
        sizes,
        runs=args.runs,
        large_runs=args.large_runs,
        timeout=args.timeout,
        startup_runs=0 if args.no_startup else args.startup_runs,
        extras_size=extras_size,
        whole=not args.no_whole,
        sixty=not (args.no_sixty or args.quick),
    )
    baseline_path = RESULTS / "baseline.md"
    baseline = report.read_data(baseline_path) if baseline_path.exists() else None
    text = report.render(data, baseline)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text(text, encoding="utf-8")
    if args.save_baseline:
        baseline_path.write_text(report.render(data, None), encoding="utf-8")
        print(f"saved as the baseline: {baseline_path.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
