"""Whole-process timing, as ``/usr/bin/time`` measures it: wall time and peak resident
memory of a process from its start to its exit, imports and output included.

* *difflib*: ``benchmarks/measure.py difflib A B`` (SequenceMatcher over paragraphs, then
  over the words of every replaced block), as a script of its own;
* *compareapp*: ``compareapp compare A B --format json`` (the command a newsroom's
  pipeline runs: reading, alignment, word differences, the discrepancy table, JSON).

And the 60 MB input: the sample's rewrite copied to 60 MB, each copy numbered and its
figures changed (near-identical paragraphs by the thousand), compared with the sample's
wire report: how long it takes and how much memory, finished or refused.
"""

from __future__ import annotations

import json
import math
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

Result = dict[str, Any]
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "compareapp" / "assets" / "sample"
SIXTY_MB = 60 * 2**20
_COMPAREAPP = ["-c", "import sys; from compareapp.cli import main; sys.exit(main())"]


def run_process(arguments: list[str], timeout: float) -> Result:
    """``python ARGUMENTS`` from start to exit: wall seconds, peak resident MB, exit status
    and the first line it wrote to stderr; stopped (``timed_out``) after ``timeout``.

    A small launcher process starts it and reads its resource use (as ``/usr/bin/time``
    does): Linux counts in a child's peak the memory it shared with its parent between the
    fork and the exec, so a child started straight from a large process (a test run) would
    show that process's size."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    launch = [sys.executable, __file__, "--launch", str(timeout), sys.executable, *arguments]
    with tempfile.TemporaryFile() as errors:
        done = subprocess.run(launch, stdout=subprocess.PIPE, stderr=errors, env=env, cwd=ROOT)
        errors.seek(0)
        said = errors.read(4096).decode("utf-8", "replace").strip()
    if done.returncode != 0:
        raise RuntimeError(f"the launcher failed: {said}")
    result: Result = json.loads(done.stdout)
    return {**result, "said": said.splitlines()[0] if said else ""}


def _launch(timeout: float, command: list[str]) -> Result:
    """Run ``command`` (its output thrown away, its errors to ours) and measure it."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    timer = threading.Timer(timeout, os.kill, (process.pid, signal.SIGKILL))
    timer.start()
    try:
        _pid, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4
    return {
        "seconds": seconds,
        "peak_mb": usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024) / 2**20,
        "status": process.returncode,
        "timed_out": seconds >= timeout,
    }


def commands(path_a: Path, path_b: Path) -> dict[str, list[str]]:
    """The two whole processes compared, by name."""
    return {
        "difflib": [str(ROOT / "benchmarks" / "measure.py"), "difflib", str(path_a), str(path_b)],
        "compareapp": [*_COMPAREAPP, "compare", str(path_a), str(path_b), "--format", "json"],
    }


def measure_whole(size: int, paths: tuple[Path, Path], runs: int, timeout: float) -> Result:
    """Each whole process on the ``size`` pair, ``runs`` times interleaved: medians."""
    done: dict[str, list[Result]] = {}
    for _ in range(runs):
        for name, arguments in commands(*paths).items():
            done.setdefault(name, []).append(run_process(arguments, timeout))
    row: Result = {"size": size, "runs": runs}
    for name, results in done.items():
        seconds = sorted(result["seconds"] for result in results)
        row[name] = {
            "seconds": seconds[len(seconds) // 2],
            "peak_mb": max(result["peak_mb"] for result in results),
            "failed": next((r["said"] for r in results if r["status"] or r["timed_out"]), ""),
        }
    return row


def sixty_mb_text(folder: Path) -> Path:
    """The 60 MB input (made once, then kept in ``folder``)."""
    path = folder / "sixty-mb-numbered-copies.txt"
    if path.exists() and path.stat().st_size >= SIXTY_MB:
        return path
    partial = path.with_suffix(".partial")
    write_numbered_copies(partial, SIXTY_MB)
    partial.replace(path)
    return path


def write_numbered_copies(path: Path, size: int) -> None:
    """The sample's rewrite copied into ``path`` until it holds ``size`` bytes, each
    copy's paragraphs numbered ("Copy 12: ...") and its figures changed a little: near-
    identical paragraphs by the thousand (also a hostile input of the tests)."""
    paragraphs = [p for p in (SAMPLE / "outlet-rewrite.txt").read_text("utf-8").split("\n\n") if p]
    with path.open("w", encoding="utf-8") as out:
        copy = 0
        while out.tell() < size:
            copy += 1
            for paragraph in paragraphs:
                shifted = _shifted(paragraph, copy % 7)
                out.write(f"Copy {copy}: {shifted}\n\n")


def _shifted(text: str, by: int) -> str:
    """``text`` with each of its numbers ``by`` more."""
    return re.sub(r"\d+", lambda number: str(int(number.group()) + by), text)


def measure_sixty(folder: Path, timeout: float) -> Result:
    """``compareapp compare`` of the 60 MB input with the sample's wire report."""
    text = sixty_mb_text(folder)
    arguments = commands(text, SAMPLE / "wire-report.txt")["compareapp"]
    result = run_process(arguments, timeout)
    return {**result, "input_mb": text.stat().st_size / 2**20}


def render_whole(data: Result) -> list[str]:
    """The whole-process table, and the 60 MB line."""
    rows = data.get("whole") or []
    lines = [
        "",
        "## Whole process (as /usr/bin/time measures it)",
        "",
        "Wall time from process start to exit (median) and peak resident memory (largest "
        "run). *difflib*: `benchmarks/measure.py difflib A B`; *compareapp*: `compareapp "
        "compare A B --format json` (reading, alignment, word differences, discrepancy table, "
        "JSON). See benchmarks/whole_process.py.",
        "",
        "| paragraphs/side | runs | difflib s | compareapp s | difflib / compareapp "
        "| difflib MB | compareapp MB |",
        "|" + "---:|" * 7,
    ]
    for row in rows:
        diff, app = row["difflib"], row["compareapp"]
        speedup = diff["seconds"] / app["seconds"] if app["seconds"] else 0.0
        lines.append(
            f"| {row['size']:,} | {row['runs']} | {diff['seconds']:.3f} | {app['seconds']:.3f} "
            f"| {speedup:.2f} | {diff['peak_mb']:,.0f} | {app['peak_mb']:,.0f} |"
        )
        for name in ("difflib", "compareapp"):
            if row[name]["failed"]:
                lines.append(f"\n{row['size']:,}, {name} failed: {row[name]['failed']}")
    sixty = data.get("sixty")
    if sixty and "seconds" in sixty:
        outcome = "finished" if sixty["status"] == 0 else f"exit {sixty['status']}"
        lines += [
            "",
            f"60 MB input ({sixty['input_mb']:.0f} MB, the sample's rewrite in numbered copies) "
            f"against the sample's wire report: {sixty['seconds']:.1f} s, peak "
            f"{sixty['peak_mb']:,.0f} MB, {outcome}"
            + (f": {sixty['said']}" if sixty["said"] else ""),
        ]
    return lines


def growth(rows: list[Result], name: str) -> float | None:
    """The growth exponent of ``name``'s whole-process time from the 5,000 pair to the
    largest measured."""
    by_size = {row["size"]: row[name]["seconds"] for row in rows}
    if 5000 not in by_size or max(by_size) <= 5000:
        return None
    largest = max(by_size)
    return math.log(by_size[largest] / by_size[5000]) / math.log(largest / 5000)


if __name__ == "__main__":  # the launcher: whole_process.py --launch TIMEOUT COMMAND...
    print(json.dumps(_launch(float(sys.argv[2]), sys.argv[3:])))
