"""benchmarks/lock_waits.py finds where a job keeps the interpreter's lock from the main
thread, and says nothing of a job that shares it."""

from __future__ import annotations

from benchmarks.lock_waits import lock_waits


def _shares_the_lock(count: int = 3_000_000) -> int:
    total = 0
    for number in range(count):  # bytecode: the lock is handed over between steps
        total += number
    return total


def _holds_the_lock() -> int:
    _shares_the_lock(500_000)
    total = sum(range(30_000_000))  # one C call: no step to hand the lock over at
    return total + _shares_the_lock(500_000)


def test_a_call_that_holds_the_lock_is_found_with_where_the_job_was() -> None:
    waits = lock_waits(_holds_the_lock, 0.05)
    assert waits, "summing 30 million numbers takes longer than 50 ms"
    assert all(wait.seconds > 0.05 for wait in waits)
    assert any("_holds_the_lock" in wait.before for wait in waits)
    assert any("_holds_the_lock" in wait.after for wait in waits)


def test_python_code_that_shares_the_lock_makes_no_long_wait() -> None:
    assert lock_waits(_shares_the_lock, 0.15) == []
