"""benchmarks/stall_sampler.py finds what the UI thread was doing when it ran late."""

from __future__ import annotations

import time

from benchmarks.stall_sampler import StallSampler


def _busy_for(seconds: float) -> None:
    time.sleep(seconds)  # a stall that lets the sampler's thread run, as a Qt call does


def test_a_late_tick_is_reported_with_where_the_ui_thread_was() -> None:
    sampler = StallSampler(limit_s=0.05)
    sampler.start()
    try:
        sampler.tick()
        _busy_for(0.3)
        sampler.tick()
        time.sleep(0.03)  # on time again: nothing more
    finally:
        sampler.stop()

    stall = sampler.stalls[0]  # (a loaded machine may add a late tick after it)
    assert stall.startswith("UI thread ")
    assert "_busy_for" in stall and "test_stall_sampler.py" in stall


def test_ticks_on_time_report_nothing() -> None:
    sampler = StallSampler(limit_s=2.0)  # ticks 10 ms apart: never that late
    sampler.start()
    try:
        for _ in range(10):
            sampler.tick()
            time.sleep(0.01)
    finally:
        sampler.stop()

    assert sampler.report() == []
