"""The benchmark suite (benchmarks/run.py) at its smallest size: its inputs, every
measurement and the table it prints."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks import corpus, report, run, whole_process


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("bench-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COMPAREAPP_BENCH_CACHE", str(folder))
        try:
            corpus.parallel_verses()
        except corpus.CorpusMissing as error:
            pytest.fail(str(error))
        yield folder


def test_pairs_are_two_translations_of_the_same_verses(cache: Path) -> None:
    side_a, side_b = corpus.make_pair(50)
    assert len(side_a) == 50
    assert 45 <= len(side_b) <= 55
    assert side_a[0].startswith("In the beginning God created the heaven")  # KJV
    assert "In the beginning, God created the heavens" in " ".join(side_b)  # WEB
    assert corpus.make_pair(50) == (side_a, side_b)  # seeded
    words = sum(len(paragraph.split()) for paragraph in side_a)
    assert 20 <= words / len(side_a) <= 40


def test_large_pairs_go_through_the_bible_again_straddling_verses(cache: Path) -> None:
    assert len(corpus.parallel_verses()) > 30_000
    side_a, side_b, _ = corpus.parallel_paragraphs(40_000)
    genesis = [n for n, text in enumerate(side_a) if text.startswith("In the beginning God")]
    assert genesis[0] == 0 and genesis[1] > 25_000
    second = genesis[1]
    assert side_b[second].startswith("In the beginning, God created the heavens")  # WEB
    assert side_a[second + 1].startswith("And the Spirit of God moved")  # mid-verse
    assert not set(side_a[:second]) & set(side_a[second:])
    words = sum(len(text.split()) for text in side_a[second:])
    assert 20 <= words / len(side_a[second:]) <= 35


def test_pair_files_are_cached(cache: Path) -> None:
    path_a, path_b = corpus.pair_files(50)
    assert path_a.parent == cache
    assert path_a.read_text("utf-8").count("\n\n") == 49
    assert corpus.pair_files(50) == (path_a, path_b)


def test_the_suite_measures_and_prints_every_row(cache: Path, tmp_path: Path) -> None:
    log = io.StringIO()
    data = run.run_suite(
        [50], runs=1, timeout=120, startup_runs=1, extras_size=50, log=log, sixty=False
    )
    row = data["sizes"][0]
    assert row["words"] > 2000
    assert row["timeouts"] == []
    for method in run.METHODS:
        assert 0 < row[method]["seconds"] < 30
        assert row[method]["peak_mb"] >= 0
    assert row["compareapp"]["links"] >= 40
    assert row["compareapp"]["discrepancies_s"] > 0
    startup = data["startup"]
    # Both measured; which is first is not asked of one run each: they differ by
    # hundredths of a second (the window's first paint is 1.4x a bare one's).
    assert 0 < startup["bare"] < 60 and 0 < startup["compareapp"] < 60
    [whole] = data["whole"]
    for method in ("difflib", "compareapp"):
        assert 0 < whole[method]["seconds"] < 30
        assert whole[method]["peak_mb"] > 5  # a Python process at least
        assert whole[method]["failed"] == ""
    assert whole["compareapp"]["seconds"] > row["compareapp"]["seconds"]  # imports, output
    extras = data["extras"]
    assert extras["highlights"]["seconds"] > 0 and extras["highlights"]["count"] > 0
    assert extras["pdf"]["pages"] > 0 and extras["pdf"]["pages_per_s"] > 0

    text = report.render(data, baseline=data)
    table = [line for line in text.splitlines() if line.startswith("| 50 |")]
    assert len(table) == 3  # in-process, whole processes, and the change against the baseline
    assert "| 50 | +0% | +0% | +0% | +0% | +0% | +0% |" in table
    for heading in (
        "## Align and inline diff",
        "## Whole process (as /usr/bin/time measures it)",
        "## Start-up",
        "## Window and export",
        "## Targets",
    ):
        assert heading in text
    saved = tmp_path / "baseline.md"
    saved.write_text(text, encoding="utf-8")
    assert report.read_data(saved) == data


def test_growth_exponents() -> None:
    data = {
        "sizes": [
            {"size": 500, "compareapp": {"seconds": 1.0}},
            {"size": 5000, "compareapp": {"seconds": 10.0}},
            {"size": 50000, "compareapp": {"seconds": 1000.0}},
        ]
    }
    rows = report.growth_rows(data)
    assert [(first, second) for first, second, _ in rows] == [
        (500, 5000),
        (5000, 50000),
        (500, 50000),
    ]
    assert [exponents["compareapp"] for _, _, exponents in rows] == pytest.approx([1.0, 2.0, 1.5])
    assert rows[0][2]["floor"] is None


def test_a_process_stopped_at_the_time_limit_keeps_what_it_printed() -> None:
    code = "import time; print('{\"seconds\": 1.5}', flush=True); time.sleep(30)"
    assert run.child(["-c", code], timeout=2) == {"seconds": 1.5, "stopped": True}
    with pytest.raises(run.Timeout):
        run.child(["-c", "import time; time.sleep(30)"], timeout=1)
    with pytest.raises(run.Failed, match="ValueError"):
        run.child(["-c", "raise ValueError('no')"], timeout=10)


def test_a_whole_process_is_timed_to_its_exit_with_its_peak_memory() -> None:
    grow = "b = bytearray(200 * 2**20); b[::4096] = b'x' * len(b[::4096])"
    done = whole_process.run_process(["-c", grow], timeout=60)
    assert done["status"] == 0 and not done["timed_out"]
    assert 200 < done["peak_mb"] < 400
    said = whole_process.run_process(["-c", "import sys; sys.exit('no: because')"], 60)
    assert (said["status"], said["said"]) == (1, "no: because")
    stopped = whole_process.run_process(["-c", "import time; time.sleep(30)"], timeout=1)
    assert stopped["timed_out"] and stopped["status"] != 0
