"""Time the discrepancy table on the Bible pair, in this process.

    python benchmarks/discrepancy_timing.py [--size 5000] [--runs 6]

Aligns the ``size``-paragraph pair of benchmarks/corpus.py once, then times
``find_discrepancies`` ``runs`` times on that comparison and prints the least CPU time and
the least wall time (CPU time is steadier on a busy machine). To compare two versions of
the code in the same shell, run it once with each version's folder first on PYTHONPATH,
from a folder other than the repository's.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # after PYTHONPATH: another version may come first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=6)
    arguments = parser.parse_args()

    import compareapp
    from benchmarks.corpus import pair_files
    from compareapp.core.diff.comparison import Comparison
    from compareapp.core.documents.loading import load_document
    from compareapp.core.facts.discrepancies import find_discrepancies

    comparison = Comparison([load_document(path) for path in pair_files(arguments.size)])
    started = time.process_time()
    comparison.against_base()
    aligned = time.process_time() - started
    cpu, wall, rows = [], [], 0
    for _run in range(arguments.runs):
        started, clock = time.process_time(), time.perf_counter()
        rows = len(find_discrepancies(comparison))
        cpu.append(time.process_time() - started)
        wall.append(time.perf_counter() - clock)
    print(f"code: {Path(compareapp.__file__).parent}")
    print(f"alignment and word diffs: {aligned:.2f} s CPU")
    print(f"discrepancy table: {min(cpu):.3f} s CPU, {min(wall):.3f} s wall, {rows} rows")


if __name__ == "__main__":
    main()
