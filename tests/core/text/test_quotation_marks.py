"""Quotation marks of every language read, as the classifier and the quotation finder see
them."""

from __future__ import annotations

import pytest

from compareapp.core.diff.classify import quotation_spans
from compareapp.core.facts.quotations import find_quotations

NARROW = "\u202f"

QUOTED = [
    ("„Wir schätzen die Hilfe sehr“, sagte Kuleba.", "Wir schätzen die Hilfe sehr"),
    ("„Wir schätzen die Hilfe sehr”, sagte Kuleba.", "Wir schätzen die Hilfe sehr"),
    ("Er sagte: »Das ist gut«, und ging.", "Das ist gut"),
    ("Er sagte: «Das ist gut», und ging.", "Das ist gut"),
    ("« Nous apprécions le soutien », a-t-il dit.", "Nous apprécions le soutien"),
    (f"«{NARROW}Nous valorisons le soutien{NARROW}», a-t-il dit.", "Nous valorisons le soutien"),
    ("«Apreciamos mucho el apoyo», afirmó el ministro.", "Apreciamos mucho el apoyo"),
    ("Il a parlé d’un ‹ jour historique ›, hier.", "jour historique"),
    ("Er sprach von einem ‚historischen Tag‘ in Kiew.", "historischen Tag"),
    ("彼は「東京に行く」と言った。", "東京に行く"),
    ("He said “it is fine,” and left.", "it is fine,"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "quote"), QUOTED)
def test_the_quotation_finder_reads_each_language_s_marks(text: str, quote: str) -> None:
    assert [q.text for q in find_quotations(text)] == [quote]


@pytest.mark.parametrize(("text", "quote"), [q for q in QUOTED if "‚" not in q[0]])
def test_the_classifier_sees_the_same_passage_inside_marks(text: str, quote: str) -> None:
    spans = quotation_spans(text, [(0, len(text))])
    assert [text[start:end].strip(f" {NARROW}") for start, end in spans] == [quote]


def test_a_german_closing_mark_does_not_open_a_quotation() -> None:
    text = "„Ja“, sagte er. „Nein“, sagte sie."
    assert [q.text for q in find_quotations(text)] == ["Ja", "Nein"]
    assert [text[s:e] for s, e in quotation_spans(text, [(0, len(text))])] == ["Ja", "Nein"]


def test_english_marks_pair_as_before() -> None:
    text = 'He said "yes" and “no” and then ”maybe.'
    assert [text[s:e] for s, e in quotation_spans(text, [(0, len(text))])] == ["yes", "no"]
