"""The retelling pass: one order-preserving path through two retellings of a story."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from compareapp.core.align.aligner import AlignParams, LinkKind, align_paragraphs
from compareapp.core.align.path import best_path

RETOLD_A = [
    "A hungry fox came upon a vineyard where ripe grapes hung from a high trellis.",
    "He jumped at the purple clusters again and again, but they stayed beyond his grasp.",
    "Weary at last, he trotted off into the woods.",
    "Turning back once, he muttered that the fruit was surely sour and not worth eating.",
    "People often scorn the prizes they are unable to win.",
]
RETOLD_B = [
    "One day a starving Fox spied bunches of grapes dangling over a garden wall.",
    "Though he jumped with all his might, the fruit stayed out of his grasp; weary, the "
    "animal gave up and walked away into the woods.",
    "As he went he said to himself that such grapes were sour anyway and no use to anybody.",
    "Men often belittle what is beyond their reach.",
]


def _reference_path(gain: np.ndarray, run_cost: float) -> set[tuple[int, int]]:
    """The same path by the plain recurrence over the whole table, cell by cell."""
    rows, columns = gain.shape
    on = np.full((rows + 1, columns + 1), -1e9)
    done = np.zeros((rows + 1, columns + 1))
    came: dict[tuple[int, int], str] = {}
    for i in range(1, rows + 1):
        for j in range(1, columns + 1):
            options = [
                (0.0, "start"),
                (done[i - 1][j - 1], "diagonal"),
                (on[i - 1][j] - run_cost, "above"),
                (on[i][j - 1] - run_cost, "left"),
            ]
            value, step = max(options, key=lambda option: option[0])
            on[i][j] = gain[i - 1][j - 1] + value
            came[(i, j)] = step
            done[i][j] = max(done[i - 1][j], done[i][j - 1], on[i][j])
    cells: set[tuple[int, int]] = set()
    i, j = rows, columns
    while i and j:
        if done[i][j] == done[i - 1][j]:
            i -= 1
        elif done[i][j] == done[i][j - 1]:
            j -= 1
        else:
            while True:
                cells.add((i - 1, j - 1))
                step = came[(i, j)]
                if step == "above":
                    i -= 1
                elif step == "left":
                    j -= 1
                else:
                    i, j = (i - 1, j - 1) if step == "diagonal" else (0, 0)
                    break
    return cells


@pytest.mark.parametrize("seed", range(12))
def test_the_path_is_the_best_order_preserving_one(seed: int) -> None:
    rng = np.random.default_rng(seed)
    rows, columns = rng.integers(1, 14, size=2)
    gain = rng.normal(-0.1, 0.3, size=(rows, columns))
    found = best_path(gain, np.zeros(rows, dtype=np.int64), 0.05)
    assert {(r, k) for r, k in found} == _reference_path(gain, 0.05)
    assert found == sorted(found), "cells come in order"


@pytest.mark.parametrize("seed", range(6))
def test_a_band_finds_the_best_path_among_the_cells_it_holds(seed: int) -> None:
    rng = np.random.default_rng(seed)
    rows, columns, width = 40, 60, 9
    starts = np.maximum.accumulate(
        np.clip((np.arange(rows) * 1.5 + rng.integers(-3, 4, rows)).astype(np.int64), 0, 51)
    )
    whole = np.full((rows, columns), -1e3)
    band = rng.normal(-0.05, 0.3, size=(rows, width))
    for r in range(rows):
        whole[r, starts[r] : starts[r] + width] = band[r]
    found = best_path(band, starts, 0.05)
    assert {(r, int(starts[r]) + k) for r, k in found} == _reference_path(whole, 0.05)


def test_a_retold_fable_is_linked_in_order_with_a_merge() -> None:
    steps: list[str] = []
    alignment = align_paragraphs(RETOLD_A, RETOLD_B, progress=steps.append)
    assert "Linking the paragraphs along the story's order" in steps
    pairs = {(link.a, link.b) for link in alignment.links}
    assert {(0, 0), (1, 1), (2, 1), (3, 2), (4, 3)} <= pairs
    assert all(b == j for a, b in pairs for i, j in pairs if a == i), "one partner each in A"
    without = align_paragraphs(RETOLD_A, RETOLD_B, replace(AlignParams(), retelling_likeness=0))
    assert len(without.links) < len(alignment.links)


def test_a_passage_moved_in_a_retelling_stays_linked() -> None:
    a = [*RETOLD_A, "A crow watching from an oak cawed with laughter."]
    b = ["All the while an old crow in the oak cawed with laughter.", *RETOLD_B]
    alignment = align_paragraphs(a, b)
    links = {(link.a, link.b): link for link in alignment.links}
    assert links[(5, 0)].kind is LinkKind.MOVED
    assert {(0, 1), (1, 2), (2, 2), (3, 3), (4, 4)} <= set(links)
    assert all(link.kind is LinkKind.CHANGED for pair, link in links.items() if pair != (5, 0))


def test_drafts_that_keep_most_sentences_are_not_read_as_a_retelling() -> None:
    draft = [*RETOLD_A[:4], "We often scorn the prizes we cannot win."]
    steps: list[str] = []
    alignment = align_paragraphs(RETOLD_A, draft, progress=steps.append)
    assert "Linking the paragraphs along the story's order" not in steps
    assert {(link.a, link.b) for link in alignment.links} == {(i, i) for i in range(5)}
