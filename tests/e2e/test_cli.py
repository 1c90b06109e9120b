"""The installed ``compareapp`` command, run as a user would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.command import run


@pytest.fixture(scope="module")
def seed_report() -> dict[str, Any]:
    seed = sorted((Path(__file__).parents[2].parent / "shared/corpus/seed-pair").glob("*.txt"))
    result = run("compare", *map(str, seed), "--format", "json")
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def _changes(report: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        (d["a"]["text"], d["b"]["text"], d["class"])
        for link in report["links"]
        for d in link["differences"]
    ]


def test_seed_pair_links_what_an_editor_would_link(seed_report: dict[str, Any]) -> None:
    links = {(link["a"]["para"], link["b"]["para"]) for link in seed_report["links"]}
    lead, quote, agreement, kirby, zakharova = (6, 1), (7, 6), (12, 21), (14, 18), (26, 30)
    assert {lead, quote, agreement, kirby, zakharova} <= links
    assert (6, 4) in links  # the CBC prints its lead twice
    unique_a = seed_report["unique"][0]["paragraphs"]
    assert {9, 36} <= set(unique_a)  # "Register now ..." lines stay unlinked


def test_seed_pair_differing_facts_are_classified(seed_report: dict[str, Any]) -> None:
    changes = _changes(seed_report)
    assert ("borderless", "no limits", "quotation") in changes
    assert ("appreciate", "value", "quotation") in changes
    assert any("8,000" in a and kind == "number" for a, _, kind in changes)
    assert any("9,000" in b and kind == "number" for _, b, kind in changes)
    assert ("armored", "armoured", "spelling") in changes


def test_json_offsets_match_the_paragraph_texts(seed_report: dict[str, Any]) -> None:
    for document in seed_report["documents"]:
        text = Path(document["path"]).read_text(encoding="utf-8")
        for paragraph in document["paragraphs"]:
            assert text[paragraph["start"] : paragraph["end"]] == paragraph["text"]


def test_json_documents_say_their_language(seed_report: dict[str, Any]) -> None:
    assert [document["language"] for document in seed_report["documents"]] == ["en", "en"]


def test_json_language_of_german_articles() -> None:
    folder = Path(__file__).parents[1] / "fixtures" / "languages"
    result = run("compare", str(folder / "de_a.txt"), str(folder / "fr_a.txt"), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [document["language"] for document in report["documents"]] == ["de", "fr"]


def test_text_format_marks_changes_inline(seed_paths: list[Path]) -> None:
    result = run("compare", *map(str, seed_paths))
    assert result.returncode == 0, result.stderr
    assert "[-borderless-]{+no limits+}<quotation>" in result.stdout
    assert "only in 000_6da4784a313262bc.txt:" in result.stdout


def test_bundled_sample_compares() -> None:
    result = run("compare", "--sample", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    compact = json.dumps(report, ensure_ascii=False, separators=(",", ":"))
    assert result.stdout == compact + "\n"  # one line, characters as themselves (docs)
    assert [d["name"] for d in report["documents"]] == ["wire-report.txt", "outlet-rewrite.txt"]
    changes = _changes(report)
    assert ("1,200", "1,400", "number") in changes
    assert any(kind == "name" and "Sallow" in a for a, _, kind in changes)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a folder"),
        (lambda d: _write(d / "empty.txt", b""), "the file is empty"),
        (lambda d: _write(d / "blank.txt", b" \n\t\n"), "only whitespace"),
        (lambda d: _write(d / "blob.txt", bytes(range(256)) * 40), "binary"),
        (lambda d: _write(d / "photo.txt", b"\x89PNG\r\n\x1a\n" + b"\0" * 64), "PNG image"),
    ],
    ids=["missing", "directory", "empty", "whitespace", "binary", "image"],
)
def test_unreadable_file_gives_one_line_and_status_2(
    tmp_path: Path, seed_paths: list[Path], make: Any, reason: str
) -> None:
    bad = make(tmp_path)
    result = run("compare", str(seed_paths[0]), str(bad))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert str(bad) in line and reason in line


def test_base_must_name_a_document(seed_paths: list[Path]) -> None:
    result = run("compare", *map(str, seed_paths), "--base", "5")
    assert result.returncode == 2
    assert "--base" in result.stderr


def test_version_and_help_need_no_display() -> None:
    assert run("--version").stdout.startswith("compareapp ")
    assert "compare" in run("--help").stdout


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_python_dash_m_answers_without_a_display(option: str) -> None:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "compareapp", option],
        capture_output=True, text=True, timeout=60, env=environment,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (
        ("--new-instance" in result.stdout)
        if option == "--help"
        else (result.stdout.startswith("compareapp "))
    )


def test_escape_sequences_in_an_article_do_not_reach_the_terminal(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    story = "Rain fell on the hills above the river for three days and nights. " * 12
    first.write_text(f"{story}\n\nFloods hit \x1b[31mMarrowby\x07 on Tuesday.\n", "utf-8")
    second.write_text(f"{story}\n\nFloods hit Marrowby on Wednesday.\n", "utf-8")
    result = run("compare", str(first), str(second))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b[31mMarrowby\\x07" in result.stdout
