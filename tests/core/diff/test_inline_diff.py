"""Word differences: offsets, classes, typographic noise, bounded work on huge passages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.inline_diff import (
    Difference,
    Operation,
    Passage,
    diff_passages,
    tokenize_span,
)


def _diff(a: str, b: str) -> list[Difference]:
    return diff_passages(Passage(a, [(0, len(a))]), Passage(b, [(0, len(b))]))


def _changes(a: str, b: str) -> list[tuple[str, str, str]]:
    return [
        (d.a_text, d.b_text, d.kind.value)
        for d in _diff(a, b)
        if d.kind is not DifferenceClass.TYPOGRAPHIC
    ]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "Kyiv says it has recovered more than 8,000 square kilometers.",
            "Kyiv says it has recovered more than 9,000 square kilometres.",
            [("8,000", "9,000", "number"), ("kilometers", "kilometres", "spelling")],
        ),
        (
            "The fund rose by three percent last year.",
            "The fund rose by four percent last year.",
            [("three", "four", "number")],
        ),
        (
            "They signed a “borderless” friendship agreement.",
            'They signed a "no limits" friendship agreement.',
            [("borderless", "no limits", "quotation")],
        ),
        (
            "“We highly appreciate the balanced position,” Putin said.",
            '"We highly value the balanced position," Putin said.',
            [("appreciate", "value", "quotation")],
        ),
        (
            "The whole world should line up against him, Kirby told CNN in an interview.",
            "The whole world should line up against him, Kirby told MSNBC in an interview.",
            [("CNN", "MSNBC", "name")],
        ),
        (
            "She met President Volodymyr Zelensky in Kyiv on Thursday.",
            "She met President Volodymyr Zelenskyy in Kyiv on Thursday.",
            [("Zelensky", "Zelenskyy", "name")],
        ),
        (
            "Russian forces are strengthening their defences along the river.",
            "Russian forces are strengthening their defenses along the river.",
            [("defences", "defenses", "spelling")],
        ),
        (
            "The process was on the right track, she said.",
            "The process was well on track, she said.",
            [("", "well", "wording"), ("the right", "", "wording")],
        ),
        (
            "Xi did not mention it in a Chinese reading of the meeting.",
            "Xi did not mention it in a Chinese readout of the meeting.",
            [("reading", "readout", "wording")],
        ),
    ],
    ids=[
        "number-and-spelling",
        "number-words",
        "quotation-name",
        "quotation-wording",
        "outlet",
        "name-spelling",
        "spelling",
        "wording",
        "wording-2",
    ],
)
def test_differences_are_classified(a: str, b: str, expected: list[tuple[str, str, str]]) -> None:
    assert _changes(a, b) == expected


def test_significant_classes_are_numbers_names_and_quotations() -> None:
    significant = {kind for kind in DifferenceClass if kind.significant}
    assert significant == {DifferenceClass.NUMBER, DifferenceClass.NAME, DifferenceClass.QUOTATION}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("It’s the “best” – really", 'It\'s the "best" - really'),
        ("a\u00a0b  c", "a b c"),
        ("co\u00adoperation", "cooperation"),
        ("wait…", "wait..."),
        ("8,000 people", "8000 people"),
    ],
    ids=["quotes-and-dashes", "spaces", "soft-hyphen", "ellipsis", "thousands-separator"],
)
def test_typographic_noise_is_not_a_change(a: str, b: str) -> None:
    differences = _diff(a, b)
    assert all(d.kind is DifferenceClass.TYPOGRAPHIC for d in differences)


def test_typographic_variants_are_reported_separately_with_offsets() -> None:
    a, b = "It’s here", "It's here"
    [difference] = _diff(a, b)
    assert difference.operation is Operation.TYPOGRAPHIC
    assert (a[difference.a_start : difference.a_end], b[difference.b_start : difference.b_end]) == (
        "It’s",
        "It's",
    )


def test_offsets_point_into_the_documents() -> None:
    a = "Header\n\nThe mayor said the bridge would close on Friday."
    b = "Other text first.\n\nThe mayor said the bridge might close on Monday."
    difference_list = diff_passages(Passage(a, [(8, len(a))]), Passage(b, [(19, len(b))]))
    for d in difference_list:
        assert a[d.a_start : d.a_end] == d.a_text
        assert b[d.b_start : d.b_end] == d.b_text
    assert [(d.a_text, d.b_text) for d in difference_list] == [
        ("would", "might"),
        ("Friday", "Monday"),
    ]


def test_no_difference_spans_two_paragraphs() -> None:
    a = "First part here. Second part there."
    b = "Alpha one.\n\nBeta two."
    passage_b = Passage(b, [(0, 10), (12, len(b))])
    for d in diff_passages(Passage(a, [(0, len(a))]), passage_b):
        assert d.b_end <= 10 or d.b_start >= 12


_WORDS = st.lists(st.sampled_from("the a cat dog 8,000 9 “quoted” Paris sat on mat , .".split()))


@settings(max_examples=150, deadline=None)
@given(_WORDS, _WORDS)
def test_changes_rebuild_b_from_a(words_a: list[str], words_b: list[str]) -> None:
    """Replacing every change's A text with its B text turns A's tokens into B's."""
    a, b = " ".join(words_a), " ".join(words_b)
    rebuilt = a
    for d in sorted(_diff(a, b), key=lambda d: -d.a_start):
        if d.kind is not DifferenceClass.TYPOGRAPHIC:
            rebuilt = rebuilt[: d.a_start] + f" {d.b_text} " + rebuilt[d.a_end :]
    assert rebuilt.split() == b.split()


def test_huge_passages_are_diffed_by_sentences_and_stay_exact() -> None:
    sentences = [f"Sentence number {i} talks about topic {i % 7}." for i in range(3000)]
    changed = list(sentences)
    changed[1500] = "Sentence number 1500 talks about something else entirely."
    a, b = " ".join(sentences), " ".join(changed)
    changes = _changes(a, b)
    assert changes == [("topic 2", "something else entirely", "number")]


def test_a_passage_given_its_tokens_diffs_as_one_that_tokenizes_itself() -> None:
    """A group tried in several orders tokenizes its paragraphs once and hands the tokens
    to each passage; the differences must not depend on it."""
    text_a = "The dam held 8,000 tonnes.\n\nOfficials said “no one” was hurt."
    text_b = "Officials said “nobody” was hurt.\n\nThe dam held 9,000 tonnes!"
    spans_a = [(0, 26), (28, len(text_a))]
    spans_b = [(35, len(text_b)), (0, 33)]
    given = Passage(text_a, spans_a, [tokenize_span(text_a, *span) for span in spans_a])
    alone = Passage(text_a, spans_a)

    expected = diff_passages(alone, Passage(text_b, spans_b))
    assert diff_passages(given, Passage(text_b, spans_b)) == expected
    assert {d.b_text for d in expected} >= {"9,000", "nobody"}
