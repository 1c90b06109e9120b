"""Differences are classed in the language their document is read in (Document.language,
passed down with each passage), not in one guessed again from the text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.comparison import Comparison
from compareapp.core.diff.inline_diff import Passage, diff_passages
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import load_document

PAIRS = Path(__file__).resolve().parents[2] / "fixtures" / "languages"


def classes(a: str, b: str, language: str) -> list[tuple[str, str, DifferenceClass]]:
    found = diff_passages(
        Passage(a, [(0, len(a))], language=language), Passage(b, [(0, len(b))], language=language)
    )
    return [(d.a_text, d.b_text, d.kind) for d in found]


@pytest.mark.parametrize(
    ("language", "kind"), [("de", DifferenceClass.WORDING), ("", DifferenceClass.NAME)]
)
def test_a_german_noun_is_a_name_only_by_english_rules(
    language: str, kind: DifferenceClass
) -> None:
    a = "Die Lage in der Region sei äußerst angespannt, hieß es."
    b = "Die Situation in der Region sei äußerst angespannt, hieß es."
    assert classes(a, b, language) == [("Lage", "Situation", kind)]


@pytest.mark.parametrize(
    ("language", "kind"), [("de", DifferenceClass.NUMBER), ("en", DifferenceClass.WORDING)]
)
def test_number_words_are_read_in_the_passages_language(
    language: str, kind: DifferenceClass
) -> None:
    a = "Es kamen zwei Minister."
    b = "Es kamen drei Minister."
    assert classes(a, b, language) == [("zwei", "drei", kind)]


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_a_changed_decimal_comma_number_is_one_number_difference(language: str) -> None:
    a = "Der Pegel stieg auf 9,5 Meter."
    b = "Der Pegel stieg auf 10,2 Meter."
    assert classes(a, b, language) == [("9,5", "10,2", DifferenceClass.NUMBER)]
    assert classes(a, a.replace("9,5", "95"), language) == [("9,5", "95", DifferenceClass.NUMBER)]


def kinds_of(documents: list[Document]) -> dict[tuple[str, str], DifferenceClass]:
    comparison = Comparison(documents)
    return {(d.a_text, d.b_text): d.kind for d in comparison.pair(0, 1).differences()}


def test_the_language_chosen_for_a_document_is_the_one_its_changes_are_classed_in() -> None:
    german = [load_document(PAIRS / "de_a.txt"), load_document(PAIRS / "de_b.txt")]
    assert [d.language for d in german] == ["de", "de"]
    as_english = [replace(d, language_override="en") for d in german]
    changed = ("Streitkräfte", "Truppen")
    assert kinds_of(german)[changed] is DifferenceClass.WORDING
    assert kinds_of(as_english)[changed] is DifferenceClass.NAME


def test_a_hyphenated_number_word_is_a_number() -> None:
    a = "Officials said forty-two people were hurt in the blast."
    b = "Officials said forty-three people were hurt in the blast."
    assert classes(a, b, "en") == [("forty-two", "forty-three", DifferenceClass.NUMBER)]
