"""One measurement of one method on one pair of files, meant to run in a fresh process.

    python benchmarks/measure.py METHOD A.txt B.txt

prints a line of JSON: ``seconds`` (wall time from before reading the files to the
result, imports excluded; compareapp's embedding model is read in the timed part, as the
app's first comparison reads it), ``peak_mb`` (the process's peak resident memory, VmHWM, at
the end minus its value once the method's modules were imported: what the work itself
took) and ``rss_mb`` (the whole process's peak). Methods:

- ``floor``: read both files and split them into words; no aligner can be faster.
- ``difflib``: the standard library's answer. SequenceMatcher over the paragraphs (blocks
  between blank lines), then, inside every block it reports as replaced, SequenceMatcher
  over the words of the whole block.
- ``compareapp``: load both documents (``compareapp.core.documents.loading.load_document``) and
  build their comparison, ``Comparison([a, b]).pair(0, 1)``: the paragraph alignment and
  the word differences of every linked group (computed eagerly by ``compare_pair``). The
  same process then times ``find_discrepancies`` on that comparison and prints the line
  again with ``discrepancies_s`` (memory ``discrepancies_peak_mb`` is measured from the
  same post-import value), so a parent that stops it there still has the comparison's.
"""

from __future__ import annotations

import importlib
import json
import re
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_BLANK_LINES = re.compile(r"\n\s*\n")


def peak_mb() -> float:
    """The process's peak resident set so far: VmHWM where Linux has it (ru_maxrss keeps
    the parent's peak across fork and exec), else ru_maxrss (kilobytes on Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def floor(path_a: str, path_b: str) -> dict[str, Any]:
    words = 0
    for path in (path_a, path_b):
        words += len(Path(path).read_text(encoding="utf-8").split())
    return {"words": words}


def difflib_baseline(path_a: str, path_b: str) -> dict[str, Any]:
    import difflib

    paragraphs = []
    for path in (path_a, path_b):
        text = Path(path).read_text(encoding="utf-8")
        paragraphs.append([block.strip() for block in _BLANK_LINES.split(text) if block.strip()])
    side_a, side_b = paragraphs
    matcher = difflib.SequenceMatcher(None, side_a, side_b)
    changes = 0
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag != "replace":
            changes += 1
            continue
        words_a = " ".join(side_a[a1:a2]).split()
        words_b = " ".join(side_b[b1:b2]).split()
        inner = difflib.SequenceMatcher(None, words_a, words_b)
        changes += sum(1 for op in inner.get_opcodes() if op[0] != "equal")
    return {"changes": changes}


def compareapp_comparison(path_a: str, path_b: str) -> tuple[dict[str, Any], Any]:
    """The comparison's figures, and the comparison."""
    from compareapp.core.diff.comparison import Comparison
    from compareapp.core.documents.loading import load_document

    comparison = Comparison([load_document(path_a), load_document(path_b)])
    pair = comparison.pair(0, 1)
    figures = {
        "links": len(pair.alignment.links),
        "differences": sum(len(linked.differences) for linked in pair.pairs),
        "moved": sum(1 for link in pair.alignment.links if link.kind.value == "moved"),
    }
    return figures, comparison


METHODS = ("floor", "difflib", "compareapp")


def import_for(method: str) -> None:
    """Import what ``method`` uses before the clock starts."""
    modules = {
        "difflib": ["difflib"],
        "compareapp": [
            "compareapp.core.align.aligner",
            "compareapp.core.diff.comparison",
            "compareapp.core.facts.discrepancies",
            "compareapp.core.documents.loading",
            "compareapp.core.present.view_model",
        ],
    }
    for module in modules.get(method, []):
        importlib.import_module(module)


def measure(method: str, path_a: str, path_b: str) -> dict[str, Any]:
    """Measure ``method`` and print a line of JSON; for compareapp, print it again once
    the discrepancies are timed too (a parent that stops a slow process keeps the first)."""
    import_for(method)
    baseline = peak_mb()
    started = time.perf_counter()
    comparison = None
    if method == "floor":
        result = floor(path_a, path_b)
    elif method == "difflib":
        result = difflib_baseline(path_a, path_b)
    else:
        result, comparison = compareapp_comparison(path_a, path_b)
    result["seconds"] = time.perf_counter() - started
    result["peak_mb"] = peak_mb() - baseline
    result["rss_mb"] = peak_mb()
    print(json.dumps(result), flush=True)
    if comparison is not None:
        from compareapp.core.facts.discrepancies import find_discrepancies

        started = time.perf_counter()
        rows = find_discrepancies(comparison)
        result["discrepancies_s"] = time.perf_counter() - started
        result["discrepancies"] = len(rows)
        result["discrepancies_peak_mb"] = peak_mb() - baseline
        print(json.dumps(result), flush=True)
    return result


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in METHODS:
        print(__doc__, file=sys.stderr)
        return 2
    measure(*argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
