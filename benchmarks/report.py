"""The benchmark suite's markdown: tables, targets, and the change against a baseline.

The measurements travel with the text: the last line of every report is an HTML comment
holding them as JSON, so a saved report is also the baseline a later run reads back.
"""

from __future__ import annotations

import json
import math
import os
import platform
import subprocess
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks import whole_process

ROOT = Path(__file__).resolve().parent.parent
DATA_MARK = "<!-- benchmark-data "
METHODS = ("floor", "difflib", "compareapp")

Result = dict[str, Any]


def environment() -> Result:
    def git(*arguments: str) -> str:
        try:
            return subprocess.run(
                ["git", *arguments], capture_output=True, text=True, cwd=ROOT, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    try:
        pyside = metadata.version("PySide6-Essentials")
    except metadata.PackageNotFoundError:
        pyside = "-"
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": git("rev-parse", "--short", "HEAD")
        + ("+changes" if git("status", "--porcelain", "--", "compareapp") else ""),
        "python": platform.python_version(),
        "pyside6": pyside,
        "cores": os.cpu_count(),
        "cpu": cpu,
        "load": " ".join(f"{value:.2f}" for value in os.getloadavg()),
    }


def read_data(path: Path) -> Result | None:
    """The measurements a saved report carries, if any."""
    for line in reversed(path.read_text(encoding="utf-8").splitlines()):
        if line.startswith(DATA_MARK):
            data: Result = json.loads(line[len(DATA_MARK) : -len(" -->")])
            return data
    return None


def seconds(value: float | None) -> str:
    if value is None:
        return "-"
    if value < 0.01:
        return f"{value * 1000:.2f} ms"
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def number(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def ratio(top: float | None, bottom: float | None) -> float | None:
    return top / bottom if top is not None and bottom else None


def cell_time(row: Result, method: str, key: str = "seconds") -> str:
    if method in row.get("timeouts", []):
        return "timeout"
    if method in row.get("errors", {}):
        return "error"
    if method in row.get("skipped", []):
        return "skipped"
    value = row.get(method, {}).get(key)
    if value is None and row.get(method, {}).get("stopped"):
        return "timeout"
    return seconds(value)


def exponent(t1: float | None, t2: float | None, n1: int, n2: int) -> float | None:
    if not t1 or not t2 or n1 == n2:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def growth_rows(data: Result) -> list[tuple[int, int, dict[str, float | None]]]:
    """Growth exponents between consecutive sizes, and from 500 to the largest."""
    rows = data["sizes"]
    spans = [(rows[k], rows[k + 1]) for k in range(len(rows) - 1)]
    small = next((row for row in rows if row["size"] == 500), None)
    if small is not None and rows[-1]["size"] > 5000 and (small, rows[-1]) not in spans:
        spans.append((small, rows[-1]))
    found = []
    for first, second in spans:
        exponents = {
            method: exponent(
                first.get(method, {}).get("seconds"),
                second.get(method, {}).get("seconds"),
                first["size"],
                second["size"],
            )
            for method in METHODS
        }
        found.append((first["size"], second["size"], exponents))
    return found


def render(data: Result, baseline: Result | None = None) -> str:
    env = data["environment"]
    lines = [
        "# compareapp benchmarks",
        "",
        f"{env['date']}, commit {env['commit']}, Python {env['python']}, PySide6 "
        f"{env['pyside6']}, {env['cores']} cores ({env['cpu']}), load average at start "
        f"{env['load']}. Command: `python benchmarks/run.py`.",
        "",
        "## Align and inline diff",
        "",
        "Input: two English Bible translations (KJV, WEB) paragraph by paragraph, B perturbed "
        "(benchmarks/corpus.py). Median of the runs, each in a fresh process, imports not "
        "timed. *floor*: read both files and split them into words. *difflib*: SequenceMatcher "
        "over paragraphs, then over the words of every replaced block. *compareapp*: "
        "`load_document` both, `Comparison([a, b]).pair(0, 1)` (alignment and every linked "
        "group's word diff); *discrepancies*: `find_discrepancies` on it, after. MB: peak "
        "resident memory (VmHWM) the work added over the process after its imports.",
        "",
        "| paragraphs/side | words (both) | runs | floor s | difflib s | compareapp s "
        "| discrepancies s | floor MB | difflib MB | compareapp MB | compareapp / floor "
        "| difflib / compareapp |",
        "|" + "---:|" * 12,
    ]
    for row in data["sizes"]:
        app = row.get("compareapp", {}).get("seconds")
        lines.append(
            "| "
            + " | ".join(
                [
                    f"{row['size']:,}",
                    number(row.get("words"), 0),
                    str(row["runs"]),
                    *(cell_time(row, method) for method in METHODS),
                    cell_time(row, "compareapp", "discrepancies_s"),
                    *(number(row.get(method, {}).get("peak_mb")) for method in METHODS),
                    number(ratio(app, row.get("floor", {}).get("seconds")), 0),
                    number(ratio(row.get("difflib", {}).get("seconds"), app), 2),
                ]
            )
            + " |"
        )
    for row in data["sizes"]:
        for method, error in row.get("errors", {}).items():
            lines.append(f"\n{row['size']:,} paragraphs, {method}: {error}")
    lines += [
        "",
        "Growth exponent of time, log(t2/t1) / log(n2/n1):",
        "",
        "| sizes | floor | difflib | compareapp |",
        "|---|---:|---:|---:|",
    ]
    for first, second, exponents in growth_rows(data):
        lines.append(
            f"| {first:,} → {second:,} | "
            + " | ".join(number(exponents[method], 2) for method in METHODS)
            + " |"
        )
    lines += whole_process.render_whole(data)
    lines += render_startup(data) + render_extras(data) + render_targets(data)
    if baseline is not None:
        lines += render_changes(data, baseline)
    lines += ["", f"{DATA_MARK}{json.dumps(data, separators=(',', ':'))} -->", ""]
    return "\n".join(lines)


def render_startup(data: Result) -> list[str]:
    startup = data.get("startup")
    if not startup:
        return []
    if "error" in startup:
        return ["", "## Start-up", "", f"Not measured: {startup['error']}"]
    bare, app, ready = startup.get("bare"), startup.get("compareapp"), startup.get("ready")
    return [
        "",
        f"## Start-up (offscreen; median of {startup['runs']} after a warm-up run)",
        "",
        "| from process start to | s | ÷ bare PySide6 window |",
        "|---|---:|---:|",
        f"| bare PySide6 script: empty QMainWindow painted | {seconds(bare)} | 1.00 |",
        f"| compareapp (two sample articles): window painted | {seconds(app)} "
        f"| {number(ratio(app, bare), 2)} |",
        f"| compareapp: the comparison laid out in both panes | {seconds(ready)} "
        f"| {number(ratio(ready, bare), 2)} |",
    ]


def render_extras(data: Result) -> list[str]:
    extras = data.get("extras")
    if not extras:
        return []
    if "error" in extras:
        return ["", "## Window and export", "", f"Not measured: {extras['error']}"]
    light, pdf = extras["highlights"], extras["pdf"]
    return [
        "",
        f"## Window and export ({extras['size']:,} paragraphs per side; median of "
        f"{extras['runs']})",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| apply all highlights ({light['count']:,}), s | {seconds(light['seconds'])} |",
        f"| … of which computing them (`ComparisonViewModel.highlights`), s "
        f"| {seconds(light['compute_s'])} |",
        f"| … of which formatting the panes' text (`build_text_document`), s "
        f"| {seconds(light['apply_s'])} |",
        f"| PDF export ({pdf['pages']:,} pages), s | {seconds(pdf['seconds'])} |",
        f"| PDF export, pages per second | {number(pdf['pages_per_s'])} |",
        f"| plain Qt PDF of both texts ({pdf['plain_pages']:,} pages), s "
        f"| {seconds(pdf['plain_s'])} |",
    ]


def render_targets(data: Result) -> list[str]:
    """Issue 25's targets, as this run measured them (whole processes where it says so)."""
    whole = {row["size"]: row for row in data.get("whole") or []}
    checks: list[tuple[str, float | None, float, str]] = []
    mid = whole.get(5000, {})
    speedup = ratio(mid.get("difflib", {}).get("seconds"), mid.get("compareapp", {}).get("seconds"))
    checks.append(("5,000 pair, whole process: ≥ 10× faster than difflib", speedup, 10.0, "x"))
    rows = list(whole.values())
    checks.append(
        (
            "growth 5,000 → 50,000, whole process: ≤ n^1.1",
            whole_process.growth(rows, "compareapp"),
            1.1,
            "",
        )
    )
    large = whole.get(50000, {})
    faster = ratio(
        large.get("difflib", {}).get("seconds"), large.get("compareapp", {}).get("seconds")
    )
    checks.append(("50,000 pair, whole process: faster than difflib", faster, 1.0, "x"))
    peak = mid.get("compareapp", {}).get("peak_mb")
    checks.append(("5,000 pair: peak memory ≤ 500 MB (whole process)", peak, 500.0, "MB"))
    sixty = data.get("sixty") or {}
    checks.append(("60 MB input: peak memory ≤ 2 GB", sixty.get("peak_mb"), 2048.0, "MB"))
    startup = data.get("startup") or {}
    first = ratio(startup.get("compareapp"), startup.get("bare"))
    checks.append(("first window ≤ 1.5× the bare PySide6 script", first, 1.5, "x"))
    lines = ["", "## Targets", "", "| target | measured | |", "|---|---:|---|"]
    for name, value, limit, unit in checks:
        if value is None:
            verdict, shown = "not measured", "-"
        else:
            met = value >= limit if unit == "x" and "faster" in name else value <= limit
            verdict = "met" if met else "**not met**"
            shown = f"{value:,.2f} {unit}".strip()
        lines.append(f"| {name} | {shown} | {verdict} |")
    return lines


def change(now: float | None, then: float | None) -> str:
    if now is None or not then:
        return "-"
    percent = (now / then - 1) * 100
    return f"{percent:+.0f}%"


def render_changes(data: Result, baseline: Result) -> list[str]:
    """Each figure against the baseline: + is slower (or bigger)."""
    env = baseline["environment"]
    old = {row["size"]: row for row in baseline["sizes"]}
    lines = [
        "",
        f"## Change against the baseline ({env['date']}, commit {env['commit']}; + is slower)",
        "",
        "| paragraphs/side | floor s | difflib s | compareapp s | discrepancies s "
        "| compareapp MB | compareapp ÷ difflib |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]

    def get(row: Result, method: str, key: str = "seconds") -> float | None:
        value: float | None = row.get(method, {}).get(key)
        return value

    for row in data["sizes"]:
        then = old.get(row["size"])
        if then is None:
            continue
        cells = [change(get(row, m), get(then, m)) for m in METHODS]
        cells.append(
            change(
                get(row, "compareapp", "discrepancies_s"),
                get(then, "compareapp", "discrepancies_s"),
            )
        )
        cells.append(change(get(row, "compareapp", "peak_mb"), get(then, "compareapp", "peak_mb")))
        cells.append(
            change(
                ratio(get(row, "compareapp"), get(row, "difflib")),
                ratio(get(then, "compareapp"), get(then, "difflib")),
            )
        )
        lines.append(f"| {row['size']:,} | " + " | ".join(cells) + " |")
    others = []
    now_start, then_start = data.get("startup") or {}, baseline.get("startup") or {}
    for key, name in (
        ("bare", "bare PySide6 window"),
        ("compareapp", "compareapp window"),
        ("ready", "comparison shown"),
    ):
        if key in now_start and key in then_start:
            others.append(f"| start-up: {name} | {change(now_start[key], then_start[key])} |")
    now_extra, then_extra = data.get("extras") or {}, baseline.get("extras") or {}
    if "size" in now_extra and now_extra.get("size") == then_extra.get("size"):
        others.append(
            "| apply all highlights | "
            + change(now_extra["highlights"]["seconds"], then_extra["highlights"]["seconds"])
            + " |"
        )
        others.append(
            "| PDF export time | "
            + change(now_extra["pdf"]["seconds"], then_extra["pdf"]["seconds"])
            + " |"
        )
    if others:
        lines += ["", "| measure | change |", "|---|---:|", *others]
    return lines
