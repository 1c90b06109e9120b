"""Finding text in a pane: case, quotes, dashes and spaces do not stand in the way."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compareapp.core.present.find import find_all, fold, utf16_offsets


def test_curly_and_straight_quotes_find_each_other():
    text = 'He said “no deal” and left. Later: "no deal" again; ‘no deal’.'
    assert [text[s:e] for s, e in find_all(text, '"no deal"')] == [
        "“no deal”",
        '"no deal"',
    ]
    assert len(find_all(text, "“No Deal”")) == 2
    assert len(find_all(text, "'no deal'")) == 1


def test_dashes_and_spaces_find_each_other():
    text = "The 2022–23 budget — cut by 5\u00a0per cent - and 2022-23 again"
    assert [text[s:e] for s, e in find_all(text, "2022-23")] == ["2022–23", "2022-23"]
    assert find_all(text, "budget - cut") == [(12, 24)]
    assert len(find_all(text, "5 per cent")) == 1


def test_case_is_ignored_and_matches_do_not_overlap():
    assert find_all("Aaaa", "aa") == [(0, 2), (2, 4)]
    assert find_all("Putin met XI; xi met putin", "PUTIN") == [(0, 5), (21, 26)]


def test_nothing_to_find():
    assert find_all("some text", "") == []
    assert find_all("some text", "   ") == []
    assert find_all("some text", "absent") == []


def test_utf16_positions_count_astral_characters_twice():
    text = "a😀b c"
    start, end = find_all(text, "b c")[0]
    assert (start, end) == (2, 5)
    assert utf16_offsets(text, [start, end]) == [3, 6]
    assert utf16_offsets("plain", [1, 3]) == [1, 3]


@given(st.text(max_size=40))
def test_folding_keeps_every_offset(text: str):
    assert len(fold(text)) == len(text)
