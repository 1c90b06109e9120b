"""Shared test fixtures: where the corpus and the project's gold live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "seed-pair"


@pytest.fixture
def seed_paths() -> list[Path]:
    """The two real rewrites of one story (shared corpus, beside the clone)."""
    paths = sorted(SEED.glob("*.txt"))
    assert len(paths) == 2, f"the seed pair is expected in {SEED}"
    return paths
