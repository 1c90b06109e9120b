"""Where the window stalls: what every thread was doing when the UI thread's timer ran late.

``benchmarks/window_load.py --stalls`` uses it. A thread of its own wakes every 20 ms; when
the UI thread's last tick is more than ``limit_s`` old, it records the Python stack of every
other thread (``sys._current_frames``, taken with the interpreter lock held: safe, where
``faulthandler.dump_traceback_later`` crashed the process once while dumping a running
thread). It also records each collection of the cyclic collector that took 50 ms or more.
A stall inside one long call that holds the lock is recorded once the call returns, with the
stacks as they are then.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

SLOW_COLLECTION_S = 0.05


class StallSampler:
    """Stacks of the moments the UI thread was ``limit_s`` late, and slow collections."""

    def __init__(self, limit_s: float = 0.12, frames: int = 6) -> None:
        self.limit_s = limit_s
        self.frames = frames
        self.stalls: list[str] = []
        self.collections: list[str] = []
        self._ui = threading.get_ident()
        self._last = time.perf_counter()
        self._reported_for = 0.0
        self._collection_started = 0.0
        self._running = False

    def tick(self) -> None:
        """Call on every tick of the UI thread's timer."""
        self._last = time.perf_counter()

    def start(self) -> None:
        self._last = time.perf_counter()
        self._running = True
        gc.callbacks.append(self._on_collection)
        threading.Thread(target=self._watch, daemon=True).start()

    def stop(self) -> None:
        self._running = False
        if self._on_collection in gc.callbacks:
            gc.callbacks.remove(self._on_collection)

    def report(self) -> list[str]:
        """The slow collections, then each stall with every thread's innermost frames."""
        return [*self.collections, *self.stalls]

    def _watch(self) -> None:
        while self._running:
            time.sleep(0.02)
            last = self._last
            late = time.perf_counter() - last
            if late > self.limit_s and self._reported_for != last:
                self._reported_for = last
                self.stalls.append(self._stacks(late))

    def _stacks(self, late: float) -> str:
        lines = [f"UI thread {late * 1000:.0f} ms late:"]
        for ident, frame in sys._current_frames().items():
            if ident == threading.get_ident():
                continue
            who = "UI thread" if ident == self._ui else f"thread {ident}"
            calls = traceback.extract_stack(frame)[-self.frames :]
            where = " > ".join(f"{Path(c.filename).name}:{c.lineno} {c.name}" for c in calls)
            lines.append(f"  {who}: {where}")
        return "\n".join(lines)

    def _on_collection(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._collection_started = time.perf_counter()
            return
        took = time.perf_counter() - self._collection_started
        if took >= SLOW_COLLECTION_S:
            self.collections.append(
                f"collection of generation {info['generation']}: {took * 1000:.0f} ms, "
                f"{info['collected']} objects collected"
            )
