"""Typographic normalisation, tokens with offsets and British/American spelling keys."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compareapp.core.text.normalize import TokenKind, normalize_text, tokenize
from compareapp.core.text.spelling import are_spelling_variants, spelling_key


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        pytest.param("“Yes,” he said.", '"Yes," he said.', id="curly-double-quotes"),
        pytest.param("‘Yes,’ he said.", "'Yes,' he said.", id="curly-single-quotes"),
        pytest.param("It’s China’s", "It's China's", id="curly-apostrophe"),
        pytest.param("«Oui»", '"Oui"', id="guillemets"),
        pytest.param("2010–2015", "2010-2015", id="en-dash"),
        pytest.param("war—or peace", "war-or peace", id="em-dash"),
        pytest.param("war — or peace", "war - or peace", id="spaced-em-dash"),
        pytest.param("a\u2011b", "a-b", id="non-breaking-hyphen"),
        pytest.param("10\u00a0km", "10 km", id="non-breaking-space"),
        pytest.param("10\u2009km", "10 km", id="thin-space"),
        pytest.param("10\u202fkm", "10 km", id="narrow-non-breaking-space"),
        pytest.param("infor\u00admation", "information", id="soft-hyphen"),
        pytest.param("zero\u200bwidth", "zerowidth", id="zero-width-space"),
        pytest.param("a  \t b\n\n c", "a b c", id="repeated-whitespace"),
        pytest.param("  padded\n", "padded", id="surrounding-whitespace"),
        pytest.param("wait…", "wait...", id="ellipsis"),
    ],
)
def test_typographic_variants_normalise_equal(variant: str, plain: str) -> None:
    assert normalize_text(variant) == plain
    assert normalize_text(plain) == plain


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("colour", "color", id="spelling"),
        pytest.param("Smith", "smith", id="case"),
        pytest.param("8,000", "8.000", id="separator"),
        pytest.param("well-known", "well known", id="hyphen-vs-space"),
    ],
)
def test_real_differences_survive_normalisation(a: str, b: str) -> None:
    assert normalize_text(a) != normalize_text(b)


@pytest.mark.parametrize(
    "text",
    ["", "  “Don’t” — he said…\u00a0\u00ad ", "e\u00ad\u0301", "\u2033 \u00b4x", "a\u3000\tb"],
)
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_normalize_text_is_idempotent_for_any_text(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


SENTENCE = "U.S. officials said China's well-known 8,000 troops, 3.5 km, at 2:01."
SENTENCE_TOKENS = [
    (0, 1, "U"),
    (1, 2, "."),
    (2, 3, "S"),
    (3, 4, "."),
    (5, 14, "officials"),
    (15, 19, "said"),
    (20, 27, "China's"),
    (28, 38, "well-known"),
    (39, 44, "8,000"),
    (45, 51, "troops"),
    (51, 52, ","),
    (53, 56, "3.5"),
    (57, 59, "km"),
    (59, 60, ","),
    (61, 63, "at"),
    (64, 65, "2"),
    (65, 66, ":"),
    (66, 68, "01"),
    (68, 69, "."),
]


def test_tokenize_offsets() -> None:
    tokens = tokenize(SENTENCE)
    assert [(t.start, t.end, t.text) for t in tokens] == SENTENCE_TOKENS
    assert all(t.text == SENTENCE[t.start : t.end] for t in tokens)


def test_tokenize_kinds() -> None:
    kinds = {t.text: t.kind for t in tokenize(SENTENCE)}
    assert kinds["China's"] is TokenKind.WORD
    assert kinds["well-known"] is TokenKind.WORD
    assert kinds["8,000"] is TokenKind.NUMBER
    assert kinds["3.5"] is TokenKind.NUMBER
    assert kinds[":"] is TokenKind.PUNCT


@pytest.mark.parametrize("offset", [0, 7, 1000])
def test_tokenize_offset_shifts_offsets(offset: int) -> None:
    tokens = tokenize(SENTENCE, offset)
    assert [(t.start, t.end, t.text) for t in tokens] == [
        (start + offset, end + offset, text) for start, end, text in SENTENCE_TOKENS
    ]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        pytest.param("8,000", "8000", id="comma"),
        pytest.param("8000", "8000", id="plain"),
        pytest.param("8\u00a0000", "8000", id="non-breaking-space"),
        pytest.param("8\u202f000", "8000", id="narrow-non-breaking-space"),
        pytest.param("8\u2009000", "8000", id="thin-space"),
        pytest.param("1,234,567.89", "1234567.89", id="grouped-decimal"),
        pytest.param("3.5", "3.5", id="decimal"),
        pytest.param("9,5", "9,5", id="decimal-comma"),
        pytest.param("1.234,5", "1.234,5", id="grouped-by-periods-decimal-comma"),
        pytest.param("8.000", "8.000", id="grouped-by-periods"),
        pytest.param("7.12.2026", "7.12.2026", id="date-with-periods"),
    ],
)
def test_number_is_one_token_with_key(text: str, key: str) -> None:
    [token] = tokenize(text)
    assert (token.start, token.end, token.text) == (0, len(text), text)
    assert token.kind is TokenKind.NUMBER
    assert token.key == key


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        pytest.param("China’s", "China's", id="curly-apostrophe"),
        pytest.param("well\u2011known", "well-known", id="non-breaking-hyphen"),
        pytest.param("infor\u00admation", "information", id="soft-hyphen"),
    ],
)
def test_word_key_ignores_typography(variant: str, plain: str) -> None:
    [token] = tokenize(variant)
    [expected] = tokenize(plain)
    assert token.text == variant
    assert token.kind is TokenKind.WORD
    assert token.key == expected.key == plain


@pytest.mark.parametrize("word", ["China", "colour", "NATO", "McDonald's"])
def test_word_key_keeps_case(word: str) -> None:
    [token] = tokenize(word)
    assert token.key == word


VARIANTS = [
    ("kilometres", "kilometers"),
    ("defences", "defenses"),
    ("armoured", "armored"),
    ("neighbourhood", "neighborhood"),
    ("criticising", "criticizing"),
    ("organisation", "organization"),
    ("acknowledgement", "acknowledgment"),
    ("travelled", "traveled"),
    ("catalogue", "catalog"),
    ("analyse", "analyze"),
    ("centre", "center"),
    ("colour", "color"),
    ("grey", "gray"),
    ("Colour", "color"),
]


@pytest.mark.parametrize(("british", "american"), VARIANTS, ids=[b for b, _ in VARIANTS])
def test_spelling_variants(british: str, american: str) -> None:
    assert spelling_key(british) == spelling_key(american)
    assert are_spelling_variants(british, american)
    assert are_spelling_variants(american, british)


NOT_VARIANTS = [
    pytest.param("hour", "hor", id="hour-hor"),
    pytest.param("since", "sinse", id="since-sinse"),
    pytest.param("advise", "advice", id="advise-advice"),
    pytest.param("four", "for", id="four-for"),
    pytest.param("kilometres", "kilograms", id="kilometres-kilograms"),
    pytest.param("kilometres", "kilometres", id="same-word"),
    pytest.param("Colour", "colour", id="case-only"),
    pytest.param("filled", "filed", id="filled-filed"),
    pytest.param("polled", "poled", id="polled-poled"),
]


@pytest.mark.parametrize(("a", "b"), NOT_VARIANTS)
def test_not_spelling_variants(a: str, b: str) -> None:
    assert not are_spelling_variants(a, b)
    assert not are_spelling_variants(b, a)


def test_centred_and_centered_are_variants() -> None:
    assert are_spelling_variants("centred", "centered")


def test_a_decimal_comma_is_not_a_thousands_separator() -> None:
    assert tokenize("9,5")[0].key != tokenize("95")[0].key


def test_a_comma_and_a_space_between_numbers_part_them() -> None:
    assert [token.text for token in tokenize("2020, 2021 and 9.5.")] == [
        "2020",
        ",",
        "2021",
        "and",
        "9.5",
        ".",
    ]
