"""The collector collects less often while a comparison is made, and as before after."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from compareapp.core.collector import THRESHOLDS, fewer_collections
from compareapp.core.diff.comparison import compare_pair
from tests.helpers.documents import document


@pytest.fixture
def default_thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


@pytest.mark.usefixtures("default_thresholds")
def test_a_comparison_is_made_with_fewer_collections_and_leaves_them_as_they_were() -> None:
    seen: list[tuple[int, ...]] = []
    doc_a = document("The bridge opens in May.\n\nThe mayor spoke.", "a.txt")
    doc_b = document("The bridge opens in June.\n\nThe mayor spoke.", "b.txt")

    compare_pair(doc_a, doc_b, progress=lambda _step: seen.append(gc.get_threshold()))

    assert seen and set(seen) == {THRESHOLDS}
    assert gc.get_threshold() == (700, 10, 10)


@pytest.mark.usefixtures("default_thresholds")
def test_higher_thresholds_are_kept_and_a_change_made_meanwhile_stays() -> None:
    gc.set_threshold(50_000, 10, 30)
    with fewer_collections():
        assert gc.get_threshold() == (50_000, 20, 30)
    assert gc.get_threshold() == (50_000, 10, 30)

    with fewer_collections():
        gc.set_threshold(1_000, 5, 5)  # someone else's choice, made while the block ran
    assert gc.get_threshold() == (1_000, 5, 5)


@pytest.mark.usefixtures("default_thresholds")
def test_a_headless_command_builds_its_report_with_fewer_collections(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from compareapp import cli
    from compareapp.resources import sample_paths

    seen: list[tuple[int, ...]] = []
    real_print = cli._print_json
    monkeypatch.setattr(
        cli, "_print_json", lambda data: (seen.append(gc.get_threshold()), real_print(data))
    )

    assert cli.main(["compare", *sample_paths(), "--format", "json"]) == 0

    assert seen == [THRESHOLDS]  # the JSON is made outside compare_pair, still with them
    assert '"schema":"compareapp.comparison"' in capsys.readouterr().out
    assert gc.get_threshold() == (700, 10, 10)
