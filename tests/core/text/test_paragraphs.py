"""Paragraph splitting: exact offsets, blank lines, bullets, short, wrapped and long lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compareapp.core.text.paragraphs import split_paragraphs

# Lines of ordinary (hard-wrap) width: 40 to 100 characters.
WRAP_1 = "Officials said on Monday that the new bridge would open in the spring,"
WRAP_2 = "two years later than planned, after a long dispute over its cost and"
BULLET_1 = "• Russia says its forces have taken another village in the east"
BULLET_2 = "- Ukraine says the front line held overnight despite heavy shelling"
BULLET_3 = "1. The talks in Geneva are due to resume on Thursday afternoon"
DATELINE = "Kyiv, Ukraine — Russian forces launched a new attack on Sunday."
# Lines over 100 characters: one paragraph per line, as text copied from a web page.
LONG_1 = (
    "The government announced on Tuesday a package of measures meant to cut energy bills "
    "for households, which it said would cost about 2 billion euros."
)
LONG_2 = (
    "Opposition parties said the plan came too late and did too little for the families "
    "hit hardest by the rise in prices over the past two winters."
)


@pytest.mark.parametrize("line", [WRAP_1, WRAP_2, BULLET_1, BULLET_2, BULLET_3, DATELINE])
def test_ordinary_lines_are_of_wrap_width(line: str) -> None:
    assert 40 <= len(line) <= 100


@pytest.mark.parametrize("line", [LONG_1, LONG_2])
def test_long_lines_are_over_100_characters(line: str) -> None:
    assert len(line) > 100


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", [], id="empty"),
        pytest.param(" \n\t\n\u00a0 ", [], id="whitespace-only"),
        pytest.param(
            "First block.\n\nSecond block.\n\n\nThird.",
            [(0, 12, "First block."), (14, 27, "Second block."), (30, 36, "Third.")],
            id="blocks-between-blank-lines",
        ),
        pytest.param(
            "One.\n \t \nTwo.\n\u00a0\u00a0\nThree.\n\f\nFour.",
            [(0, 4, "One."), (9, 13, "Two."), (17, 23, "Three."), (26, 31, "Four.")],
            id="blank-lines-with-spaces-tabs-nbsp-form-feed",
        ),
        pytest.param(
            "  \n\t Indented.  \n\n  Next one.\t\n  ",
            [(5, 14, "Indented."), (20, 29, "Next one.")],
            id="surrounding-whitespace-stripped",
        ),
        pytest.param(
            "  • a\n- b\n1. c",
            [(2, 5, "• a"), (6, 9, "- b"), (10, 14, "1. c")],
            id="short-bullets-one-per-line",
        ),
        pytest.param(
            f"{BULLET_1}\n{BULLET_2}\n{BULLET_3}",
            [(0, 63, BULLET_1), (64, 131, BULLET_2), (132, 194, BULLET_3)],
            id="wrap-width-bullets-one-per-line",
        ),
        pytest.param(
            f"{BULLET_1}\n  and in the south.\n{BULLET_2}",
            [(0, 83, f"{BULLET_1}\n  and in the south."), (84, 151, BULLET_2)],
            id="bullet-continuation-joined",
        ),
        pytest.param(
            "Bridge to open in spring\n3 months ago\nDuration 2:01",
            [
                (0, 24, "Bridge to open in spring"),
                (25, 37, "3 months ago"),
                (38, 51, "Duration 2:01"),
            ],
            id="short-lines-stand-alone",
        ),
        pytest.param(
            f"{WRAP_1}\n{WRAP_2}\ndesign.",
            [(0, 147, f"{WRAP_1}\n{WRAP_2}\ndesign.")],
            id="hard-wrapped-prose-joined",
        ),
        pytest.param(
            f"{WRAP_1}\n{WRAP_2}\ndesign.\n\n3 months ago",
            [(0, 147, f"{WRAP_1}\n{WRAP_2}\ndesign."), (149, 161, "3 months ago")],
            id="wrapped-prose-then-blank-line",
        ),
        pytest.param(
            f"{LONG_1}\n{LONG_2}",
            [(0, 147, LONG_1), (148, 291, LONG_2)],
            id="long-lines-one-per-paragraph",
        ),
    ],
)
def test_split_paragraphs(text: str, expected: list[tuple[int, int, str]]) -> None:
    spans = split_paragraphs(text)
    assert spans == [(start, end) for start, end, _ in expected]
    assert [text[start:end] for start, end in spans] == [covered for _, _, covered in expected]


def test_long_line_after_wrap_width_line_stands_alone() -> None:
    text = f"{DATELINE}\n{LONG_1}"
    assert split_paragraphs(text) == [(0, 63), (64, 211)]


INVARIANT_TEXTS = [
    "",
    "  \n\n\t",
    "First block.\n\nSecond block.\n \n\u00a0Third.\u00a0",
    f"Title\n3 months ago\n\n{WRAP_1}\n{WRAP_2}\nend.\n\n  • one\n  • two\n\n{LONG_1}\n{LONG_2}",
    f"\f{BULLET_1}\n   continued\n{BULLET_2}\n{BULLET_3}\n\u2003\n{DATELINE}\n{LONG_1}\n",
    "a\n\n\n\nb\n \t\n\nc\n",
]


def _check_invariants(text: str) -> None:
    spans = split_paragraphs(text)
    flat = [offset for span in spans for offset in span]
    assert flat == sorted(flat)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert not text[start].isspace()
        assert not text[end - 1].isspace()
    covered = {i for start, end in spans for i in range(start, end)}
    assert all(i in covered for i, char in enumerate(text) if not char.isspace())


@pytest.mark.parametrize("text", INVARIANT_TEXTS)
def test_spans_are_ordered_stripped_and_cover_all_text(text: str) -> None:
    _check_invariants(text)


@given(st.text(alphabet=st.sampled_from("ab1.•- \t\n\u00a0\f\u3000"), max_size=300))
@settings(max_examples=200, deadline=None)
def test_span_invariants_hold_for_any_text(text: str) -> None:
    _check_invariants(text)
