"""How long the window's thread would wait for the interpreter's lock while a comparison is
computed in a thread of its own, as the window's job computes it, without Qt.

    python benchmarks/lock_waits.py [--size N | --pair A B] [--stage align|words|all]
                                    [--limit MS]

The main thread sleeps 1 ms at a time, as an idle event loop would, and notes each time it
got the lock back more than ``--limit`` ms after it asked: with the job's innermost frames
just before the wait and just after. A wait that begins and ends on the same line is one
long call holding the lock; one that goes on across calls is the job keeping the lock from
a thread that asks for it (numpy's reductions, which let the lock go and take it back at
once, did that for 41-58 ms on the 50,000-verse pair, and for up to 1.3 s with the lock
switched every 2 ms instead of the window's 0.1 ms).
``window_load.py --stalls`` finds the same waits in the window, among Qt's own work, and
only once they are over 100 ms.
"""

from __future__ import annotations

import argparse
import gc
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
SWITCH_INTERVAL_S = 0.0001
"""The window's (compareapp.ui.tasks.SWITCH_INTERVAL_S), without importing Qt."""


@dataclass(frozen=True)
class Wait:
    seconds: float
    before: str
    after: str


def lock_waits(job: Callable[[], object], limit_s: float, frames: int = 5) -> list[Wait]:
    """Run ``job`` in a thread, with the collector off as in a large job, and return the
    main thread's waits for the lock longer than ``limit_s``."""
    done = threading.Event()

    def run() -> None:
        try:
            job()
        finally:
            done.set()

    switch = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    collecting = gc.isenabled()
    gc.disable()
    worker = threading.Thread(target=run, daemon=True)
    waits: list[Wait] = []
    try:
        last, before = time.perf_counter(), "(starting)"
        worker.start()  # (the job may run a while before this thread has the lock again)
        while True:
            time.sleep(0.001)
            now = time.perf_counter()
            where = _where(sys._current_frames().get(worker.ident or 0), frames)
            if now - last > limit_s:
                waits.append(Wait(now - last, before, where))
            last, before = now, where
            if done.is_set():
                break
        worker.join()
    finally:
        sys.setswitchinterval(switch)
        if collecting:
            gc.enable()
    return waits


def _where(frame: FrameType | None, frames: int) -> str:
    if frame is None:
        return "(done)"
    return " > ".join(
        f"{Path(item.filename).name}:{item.lineno} {item.name}"
        for item in traceback.extract_stack(frame)[-frames:]
    )


def comparison_job(paths: tuple[Path, Path], stage: str) -> Callable[[], object]:
    """Align the pair (``align``), and diff its wording (``words``), and list its
    discrepancies (``all``): the job's steps, the documents read beforehand."""
    from compareapp.core.diff.comparison import Comparison
    from compareapp.core.documents.loading import load_document

    documents = [load_document(path) for path in paths]
    import numpy  # noqa: F401  (loaded up front, as the window's job has it by then)

    kept: list[object] = []  # the results outlive the measurement, as in the window

    def job() -> object:
        comparison = Comparison(documents, base=0)
        kept.append(comparison)
        comparison.alignment(0, 1)
        if stage != "align":
            comparison.pair(0, 1)
        if stage == "all":
            from compareapp.core.facts.discrepancies import find_discrepancies

            kept.append(find_discrepancies(comparison))
        return None

    return job


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000, help="paragraphs a side")
    parser.add_argument("--pair", nargs=2, type=Path, metavar=("A", "B"))
    parser.add_argument("--stage", choices=("align", "words", "all"), default="all")
    parser.add_argument("--limit", type=float, default=40.0, help="ms")
    args = parser.parse_args()
    if args.pair:
        paths = (args.pair[0], args.pair[1])
    else:
        from benchmarks import corpus

        paths = corpus.pair_files(args.size)
    waits = lock_waits(comparison_job(paths, args.stage), args.limit / 1000)
    for wait in waits:
        print(f"{wait.seconds * 1000:6.0f} ms  before: {wait.before}")
        print(f"{'':10s}after:  {wait.after}")
    worst = max((wait.seconds for wait in waits), default=0.0)
    print(f"{paths[0].name} and {paths[1].name}: {len(waits)} waits over {args.limit:g} ms", end="")
    print(f", the longest {worst * 1000:.0f} ms" if waits else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
