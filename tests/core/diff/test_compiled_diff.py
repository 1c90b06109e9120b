"""The compiled word diff gives exactly diff-match-patch's pure-Python operations."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from benchmarks.alignment import load_cases
from compareapp.core.align.aligner import align_paragraphs
from compareapp.core.diff import inline_diff
from compareapp.core.text.normalize import tokenize


def _encoded_pairs(texts_a: list[str], texts_b: list[str]) -> list[tuple[str, str]]:
    """Every linked paragraph pair as the one-character-per-word strings the diff sees."""
    pairs = []
    for link in align_paragraphs(texts_a, texts_b).links:
        alphabet: dict[str, str] = {}
        pairs.append(
            (
                inline_diff._encode([t.key for t in tokenize(texts_a[link.a])], alphabet),
                inline_diff._encode([t.key for t in tokenize(texts_b[link.b])], alphabet),
            )
        )
    return pairs


def test_identical_on_every_linked_pair_of_the_gold_corpus() -> None:
    pairs = [pair for case in load_cases() for pair in _encoded_pairs(case.a, case.b)]
    assert len(pairs) > 120
    for text_a, text_b in pairs:
        expected = inline_diff.python_word_diff(text_a, text_b)
        assert inline_diff.compiled_word_diff(text_a, text_b) == expected


def test_identical_on_whole_passages_of_the_seed_pair() -> None:
    case = next(case for case in load_cases() if case.name == "seed_pair")
    alphabet: dict[str, str] = {}
    text_a = inline_diff._encode([t.key for t in tokenize("\n".join(case.a))], alphabet)
    text_b = inline_diff._encode([t.key for t in tokenize("\n".join(case.b))], alphabet)
    expected = inline_diff.python_word_diff(text_a, text_b)
    assert len(expected) > 100
    assert inline_diff.compiled_word_diff(text_a, text_b) == expected


@given(st.text(alphabet="abcde\u0100\u4e00\U0001f600", max_size=60), st.text(max_size=60))
def test_identical_on_any_strings(text_a: str, text_b: str) -> None:
    expected = inline_diff.python_word_diff(text_a, text_b)
    assert inline_diff.compiled_word_diff(text_a, text_b) == expected


def test_the_engine_in_use_is_the_compiled_one() -> None:
    assert inline_diff.word_diff is inline_diff.compiled_word_diff
