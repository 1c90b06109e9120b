"""Does the window stay responsive while it opens two 5,000-paragraph documents?

    QT_QPA_PLATFORM=offscreen python benchmarks/window_load.py [--paragraphs N]

The documents are made from real prose: the paragraphs of the licence texts Debian ships
in /usr/share/common-licenses (GPL, LGPL, MPL, Apache, GFDL), cycled and numbered into
document A; B is A with words changed in every fifth paragraph, numbers changed in every
eleventh, 1% of paragraphs moved, 1% dropped and 1% added.

A 5 ms timer on the UI thread records how late each tick fires while the window loads,
aligns, lays out and links the documents, and then while the panes are scrolled. The
baseline, measured in the same run, is the same timer in the same window with nothing
to do. The target is that no tick is more than 100 ms late.

    QT_QPA_PLATFORM=offscreen python benchmarks/window_load.py --stalls [--pair A B]

adds what every thread was doing whenever the UI thread was over 120 ms late, and each slow
collection of the cyclic collector (benchmarks/stall_sampler.py).

    QT_QPA_PLATFORM=offscreen python benchmarks/window_load.py --highlights [--pair A B]

times, instead, applying all highlights to the two panes' text (what the window's
background job does once the comparison is built): the highlight list of each document
(``ComparisonViewModel.highlights``) and the formatted text documents made from it
(``build_text_document``); the comparison itself is built before the clock starts. It
prints one line of JSON (benchmarks/run.py reads it). ``--pair`` uses two given files
instead of the licence pair.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.stall_sampler import StallSampler  # noqa: E402
from compareapp.ui.main_window import MainWindow  # noqa: E402

LICENCES = Path("/usr/share/common-licenses")
SOURCES = ("GPL-2", "GPL-3", "LGPL-2.1", "LGPL-3", "MPL-2.0", "Apache-2.0", "GFDL-1.3")
TICK_MS = 5
BLOCK_LIMIT_MS = 100


def prose_paragraphs() -> list[str]:
    paragraphs = []
    for name in SOURCES:
        text = (LICENCES / name).read_text(encoding="utf-8", errors="replace")
        for block in re.split(r"\n\s*\n", text):
            words = block.split()
            if len(words) >= 12:
                paragraphs.append(" ".join(words))
    return paragraphs


def make_pair(count: int, folder: Path) -> tuple[Path, Path]:
    rng = random.Random(5)
    pool = prose_paragraphs()
    side_a = [f"Part {n + 1}. {pool[n % len(pool)]}" for n in range(count)]
    side_b = []
    for n, paragraph in enumerate(side_a):
        words = paragraph.split()
        if n % 5 == 0:
            words[rng.randrange(2, len(words))] = rng.choice(["altered", "revised", "changed"])
        if n % 11 == 0:
            words.insert(2, f"{rng.randint(2, 9)},{rng.randint(100, 999)}")
        if rng.random() >= 0.01:
            side_b.append(" ".join(words))
        if rng.random() < 0.01:
            side_b.append(f"An added paragraph {n} that the first version does not have.")
    for _ in range(count // 100):
        side_b.insert(rng.randrange(len(side_b)), side_b.pop(rng.randrange(len(side_b))))
    path_a, path_b = folder / "version-a.txt", folder / "version-b.txt"
    path_a.write_text("\n\n".join(side_a) + "\n", encoding="utf-8")
    path_b.write_text("\n\n".join(side_b) + "\n", encoding="utf-8")
    return path_a, path_b


class LateTicks:
    """How late a 5 ms timer fires on the UI thread (telling ``sampler``, if any)."""

    def __init__(self, sampler: StallSampler | None = None) -> None:
        self.delays: list[float] = []
        self._last = time.perf_counter()
        self._sampler = sampler
        self._timer = QTimer(interval=TICK_MS)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.delays.append((now - self._last) * 1000 - TICK_MS)
        self._last = now
        if self._sampler is not None:
            self._sampler.tick()

    def start(self) -> None:
        self.delays.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> list[float]:
        self._timer.stop()
        return list(self.delays)


def run_until(application: QCoreApplication, done: object, timeout: float) -> float:
    start = time.perf_counter()
    while not done() and time.perf_counter() - start < timeout:  # type: ignore[operator]
        application.processEvents()
        time.sleep(0.001)
    return time.perf_counter() - start


def summary(name: str, delays: list[float]) -> str:
    ordered = sorted(delays)
    p99 = ordered[int(len(ordered) * 0.99)] if ordered else 0.0
    worst = ordered[-1] if ordered else 0.0
    over = sum(1 for d in ordered if d > BLOCK_LIMIT_MS)
    median = statistics.median(ordered) if ordered else 0.0
    return (
        f"{name:<28} ticks {len(ordered):>6}  median {median:6.1f} ms  p99 {p99:6.1f} ms  "
        f"worst {worst:6.1f} ms  over {BLOCK_LIMIT_MS} ms: {over}"
    )


def highlight_timing(path_a: Path, path_b: Path) -> dict[str, float | int]:
    """Seconds to compute every highlight of both documents and to apply them to the
    panes' text documents, after the comparison is built (not timed)."""
    from compareapp.core.diff.comparison import Comparison
    from compareapp.core.documents.loading import load_document
    from compareapp.core.present.display_text import DisplayText
    from compareapp.core.present.view_model import ComparisonViewModel
    from compareapp.ui.panes.document_builder import build_text_document

    QApplication.instance() or QApplication([])
    comparison = Comparison([load_document(path_a), load_document(path_b)])
    comparison.pair(0, 1)
    model = ComparisonViewModel(comparison)
    started = time.perf_counter()
    highlights = [model.highlights(index) for index in (0, 1)]
    computed = time.perf_counter()
    for index, document in enumerate(comparison.documents):
        build_text_document(
            DisplayText.of(document), highlights[index], model.unique_paragraphs(index)
        )
    applied = time.perf_counter()
    return {
        "highlights": sum(len(shown) for shown in highlights),
        "compute_s": computed - started,
        "apply_s": applied - computed,
        "seconds": applied - started,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=5000)
    parser.add_argument("--pair", nargs=2, type=Path, metavar=("A", "B"), help="files to open")
    parser.add_argument(
        "--highlights", action="store_true", help="time applying the highlights; print JSON"
    )
    parser.add_argument(
        "--stalls",
        action="store_true",
        help="print what every thread was doing when the UI thread was over 120 ms late",
    )
    args = parser.parse_args()
    if args.highlights:
        with tempfile.TemporaryDirectory() as folder:
            pair = args.pair or make_pair(args.paragraphs, Path(folder))
            print(json.dumps(highlight_timing(*pair)), flush=True)
        return 0
    application = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    run_until(application, lambda: window.body_state == "built", 10.0)  # after the first paint
    sampler = StallSampler() if args.stalls else None
    ticks = LateTicks(sampler)
    if sampler is not None:
        sampler.start()
    with tempfile.TemporaryDirectory() as folder:
        path_a, path_b = args.pair or make_pair(args.paragraphs, Path(folder))
        ticks.start()
        run_until(application, lambda: False, 2.0)
        idle = ticks.stop()

        ticks.start()
        opened_at = time.monotonic()
        window.files.open_paths([str(path_a), str(path_b)], remember=False)
        view = window.comparison_view

        def shown() -> bool:
            return (
                window.jobs.task is None
                and bool(view.panes)
                and all(pane.view.paragraph_extents() for pane in view.panes)
            )

        def refused() -> bool:
            return window.jobs.task is None and bool(window.message_bar.text())

        took = run_until(application, lambda: shown() or refused(), 600.0)
        run_until(application, lambda: False, 1.0)
        loading = ticks.stop()
        if not shown():
            message = window.message_bar.text()
            print(f"no comparison on screen after {took:.0f} s. {message}".strip())
            return 1

        ticks.start()
        bar = view.panes[0].view.verticalScrollBar()
        for step in range(1, 41):
            bar.setValue(bar.maximum() * step // 40)
            run_until(application, lambda: False, 0.05)
        scrolling = ticks.stop()

    size = (
        f"{args.pair[0].name} and {args.pair[1].name}"
        if args.pair
        else f"two documents of {args.paragraphs:,} paragraphs"
    )
    print(f"{size}; comparison shown after {took:.1f} s")
    for what, at in (
        ("first screen, plain", window.first_screen_at),
        ("first screen, compared", window.first_compared_at),
    ):
        print(f"  {what}: after {at - opened_at:.1f} s" if at is not None else f"  no {what}")
    print(summary("baseline: idle window", idle))
    print(summary("opening and comparing", loading))
    print(summary("linked scrolling, 40 steps", scrolling))
    worst = max(loading + scrolling)
    idle_worst = max(idle) if idle else 0.0
    print(f"worst delay {worst:.1f} ms = {worst / max(idle_worst, 0.1):.1f} x the idle baseline")
    if sampler is not None:
        sampler.stop()
        print("\n".join(["", "Stalls (--stalls):", *sampler.report()]))
    verdict = "PASS" if worst <= BLOCK_LIMIT_MS else "FAIL"
    print(
        f"{verdict}: the event loop never blocked for more than {BLOCK_LIMIT_MS} ms"
        if verdict == "PASS"
        else f"{verdict}: the event loop blocked for {worst:.0f} ms"
    )
    window.close()
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    raise SystemExit(main())
