"""Shared test fixtures: where the corpus and the project's gold live."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "seed-pair"

# Property-based tests: a bounded run by default (CI), a longer one on request with
# HYPOTHESIS_PROFILE=long. Tests that set max_examples themselves keep their own number.
settings.register_profile("ci", max_examples=100, deadline=None, print_blob=True)
settings.register_profile("long", max_examples=2_000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session", autouse=True)
def _no_worker_threads_left_at_exit() -> Iterator[None]:
    """Wait for Qt's pool threads before the interpreter shuts down: a thread still
    running Python during finalisation crashes the process after the tests passed."""
    yield
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(120_000)


@pytest.fixture
def seed_paths() -> list[Path]:
    """The two real rewrites of one story (shared corpus, beside the clone)."""
    paths = sorted(SEED.glob("*.txt"))
    assert len(paths) == 2, f"the seed pair is expected in {SEED}"
    return paths
