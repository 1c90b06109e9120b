"""``compareapp discrepancies``, run as the installed command: the window's discrepancy
table as text, JSON and CSV, with a session's review statuses."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from compareapp.core.documents.loading import load_document
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.core.review.session import Session, SessionSource
from compareapp.core.review.session_file import save_session
from tests.helpers.command import run
from tests.helpers.seed_marks import seed_paths

REUTERS_FIGURE = "8,000 square kilometers"
CBC_FIGURE = "9,000 square kilometres"


@pytest.fixture(scope="module")
def seed() -> list[str]:
    return [str(path) for path in seed_paths()]


@pytest.fixture(scope="module")
def table(seed: list[str]) -> dict[str, Any]:
    result = run("discrepancies", *seed, "--format", "json")
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _figure_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        row
        for row in rows
        if [version and version["text"] for version in row["versions"]]
        == [REUTERS_FIGURE, CBC_FIGURE]
    ]


def test_json_lists_the_changed_figure_as_one_row_with_both_wordings(
    table: dict[str, Any], seed: list[str]
) -> None:
    assert table["schema"] == "compareapp.discrepancies"
    assert table["schema_version"] == 1
    assert [document["path"] for document in table["documents"]] == seed
    [row] = _figure_rows(table["discrepancies"])
    assert row["kind"] == "number"
    assert "review" not in row
    for index, version in enumerate(row["versions"]):
        text = load_document(seed[index]).text
        assert version["doc"] == index
        assert text[version["start"] : version["end"]] == version["text"]
        assert f"⟨{version['text']}⟩" in version["context"]
        paragraph = load_document(seed[index]).paragraphs[version["paragraph"]]
        assert paragraph.start <= version["start"] < paragraph.end


def test_text_and_csv_give_the_same_rows_as_json(table: dict[str, Any], seed: list[str]) -> None:
    text = run("discrepancies", *seed)
    spreadsheet = run("discrepancies", *seed, "--format", "csv")

    assert text.returncode == spreadsheet.returncode == 0
    rows = table["discrepancies"]
    assert text.stdout.startswith(f"Discrepancies: {len(rows)} (base: {Path(seed[0]).name})")
    blocks = text.stdout.split("\n\n")[1:]
    assert [block.splitlines()[0].split(". ", 1)[1] for block in blocks] == [
        row["kind"] for row in rows
    ]
    figure = next(block for block in blocks if REUTERS_FIGURE in block)
    assert CBC_FIGURE in figure and figure.splitlines()[0].endswith("number")
    header, *records = list(csv.reader(io.StringIO(spreadsheet.stdout)))
    names = [Path(path).name for path in seed]
    assert header == ["kind", *names, *(f"paragraph in {name}" for name in names)]
    assert len(records) == len(rows)
    assert [record[0] for record in records] == [row["kind"] for row in rows]
    number = rows.index(_figure_rows(rows)[0])
    assert records[number][1:3] == [REUTERS_FIGURE, CBC_FIGURE]
    paragraphs = [str(version["paragraph"] + 1) for version in rows[number]["versions"]]
    assert records[number][3:] == paragraphs


def test_a_session_adds_the_review_status_of_each_row(seed: list[str], tmp_path: Path) -> None:
    copies = [Path(shutil.copy(path, tmp_path)) for path in seed]
    reuters, cbc = (load_document(path) for path in copies)
    start = reuters.text.index(REUTERS_FIGURE)
    mark = ReviewMark.create(
        reuters.source_id, reuters.text, start, start + 5, MarkStatus.DISPUTED, "Ed", "which?"
    )
    session = tmp_path / "seed.compareapp"
    save_session(session, Session((SessionSource.of(reuters), SessionSource.of(cbc)), (mark,)))

    result = run("discrepancies", "--session", str(session), "--format", "json")
    spreadsheet = run("discrepancies", "--session", str(session), "--format", "csv")

    assert result.returncode == spreadsheet.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["discrepancies"]
    [figure] = _figure_rows(rows)
    assert figure["review"] == ["disputed"]
    assert sum(1 for row in rows if row["review"]) == 1
    header, *records = list(csv.reader(io.StringIO(spreadsheet.stdout)))
    assert header[-1] == "review"
    assert [record[-1] for record in records] == [" ".join(row["review"]) for row in rows]


def test_a_missing_source_of_the_session_is_named_with_status_2(
    seed: list[str], tmp_path: Path
) -> None:
    copies = [Path(shutil.copy(path, tmp_path)) for path in seed]
    sources = tuple(SessionSource.of(load_document(path)) for path in copies)
    session = tmp_path / "seed.compareapp"
    save_session(session, Session(sources))
    copies[1].unlink()

    result = run("discrepancies", "--session", str(session))

    assert result.returncode == 2
    assert result.stdout == ""
    assert f"cannot read {copies[1]}: no such file" in result.stderr


def test_compare_json_carries_the_same_table(table: dict[str, Any], seed: list[str]) -> None:
    result = run("compare", *seed, "--format", "json")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["discrepancies"] == table["discrepancies"]


def test_changed_claims_and_single_source_claims_in_json(
    table: dict[str, Any], seed: list[str]
) -> None:
    rows = table["discrepancies"]
    claims = [
        [version and version["text"] for version in row["versions"]]
        for row in rows
        if row["kind"] == "changed claim"
    ]
    assert ["long-range missiles", "longer-range missiles"] in claims
    texts = [load_document(path).text for path in seed]
    singles = [row for row in rows if row["kind"] == "only in one source"]
    assert singles
    for row in singles:
        [version] = [version for version in row["versions"] if version]
        text = texts[version["doc"]]
        # The row shows the claim's first sentence, and its offsets cover that sentence.
        assert text[version["start"] : version["end"]] == version["text"]
        paragraph = load_document(seed[version["doc"]]).paragraphs[version["paragraph"]]
        assert paragraph.start == version["start"] and version["end"] <= paragraph.end
    furniture = ("Duration", "months ago", "Register now", "Our criteria", "Leave a Comment")
    assert not [row for row in singles if any(f in str(row["versions"]) for f in furniture)]
