"""``--include-furniture``, run as the installed command: the discrepancy table of
``compareapp discrepancies`` and the ``discrepancies`` of ``compareapp compare --format
json`` list rows of page furniture only when it is given, and agree with each other
(issue 21)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.helpers.command import run
from tests.helpers.seed_marks import seed_paths

FURNITURE = ["Duration 2:01", "3 months ago", "Our criteria: Thomson Reuters Trust Principles."]


def rows_of(*args: str) -> list[dict[str, Any]]:
    """The discrepancy rows the command prints as JSON (``compare`` or ``discrepancies``)."""
    result = run(*args, *[str(path) for path in seed_paths()], "--format", "json")
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)["discrepancies"]
    return rows


def wordings(rows: list[dict[str, Any]]) -> list[str]:
    return [version["text"] for row in rows for version in row["versions"] if version]


@pytest.fixture(scope="module")
def tables() -> dict[tuple[str, bool], list[dict[str, Any]]]:
    """The rows of both commands, without and with ``--include-furniture``."""
    return {
        (command, furniture): rows_of(command, *(["--include-furniture"] if furniture else []))
        for command in ("discrepancies", "compare")
        for furniture in (False, True)
    }


@pytest.mark.parametrize("text", FURNITURE)
def test_furniture_rows_only_with_the_flag(tables, text: str) -> None:
    for command in ("discrepancies", "compare"):
        assert text not in wordings(tables[command, False])
        [row] = [row for row in tables[command, True] if text in wordings([row])]
        assert row["kind"] == "only in one source"


def test_both_commands_agree_and_the_flag_only_adds_rows(tables) -> None:
    for furniture in (False, True):
        assert tables["discrepancies", furniture] == tables["compare", furniture]
    without, with_furniture = tables["discrepancies", False], tables["discrepancies", True]
    assert all(row in with_furniture for row in without)
    assert len(with_furniture) >= len(without) + len(FURNITURE)


def test_text_and_help_name_the_flag() -> None:
    paths = [str(path) for path in seed_paths()]
    plain = run("discrepancies", *paths)
    included = run("discrepancies", *paths, "--include-furniture")
    assert plain.returncode == included.returncode == 0
    assert "Duration 2:01" not in plain.stdout
    assert "“Duration 2:01”" in included.stdout
    for command in ("discrepancies", "compare", "export"):
        assert "--include-furniture" in run(command, "--help").stdout
