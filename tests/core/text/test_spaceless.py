"""Issue 22: text written without spaces between words (Chinese, Japanese, Thai) is split
into characters (a run of katakana, a Thai letter with its marks), so that a changed word
is one highlight, not its whole sentence. Korean is spaced and read as words."""

from __future__ import annotations

import pytest

from compareapp.core.diff.comparison import Comparison
from compareapp.core.diff.inline_diff import Passage, diff_passages
from compareapp.core.documents.pasted import pasted_document
from compareapp.core.text.normalize import TokenKind, tokenize

PAIRS = {
    # (before, after, the word before, the word after)
    "chinese": (
        "北京市政府周二宣布了新的交通政策。",
        "北京市政府周二公布了新的交通政策。",
        "宣布",
        "公布",
    ),
    "japanese": (
        "東京都は火曜日に新しいコンピュータを発表した。",
        "東京都は火曜日に新しいスマートフォンを発表した。",
        "コンピュータ",
        "スマートフォン",
    ),
    "japanese-kanji": (
        "大阪の会社が新しい工場を建てると発表した。",
        "大阪の会社が新しい倉庫を建てると発表した。",
        "工場",
        "倉庫",
    ),
}  # fmt: skip


def _span_of(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def _inside(start: int, end: int, span: tuple[int, int]) -> bool:
    return span[0] <= start < end <= span[1]


def test_han_and_kana_are_single_tokens_and_katakana_runs_are_words() -> None:
    assert [t.text for t in tokenize("東京都はコンピュータを買った。")] == [
        *"東京都は",
        "コンピュータ",
        *"を買った。",
    ]
    tokens = tokenize("新华社报道，8,000人参加。")
    assert [t.text for t in tokens] == [*"新华社报道，", "8,000", *"人参加。"]
    assert tokens[6].kind is TokenKind.NUMBER
    assert all(t.kind is TokenKind.WORD for t in tokens[:5])


def test_latin_words_stop_where_han_starts_and_offsets_hold() -> None:
    text = "Apple的iPhone发布 co-op"
    tokens = tokenize(text, offset=10)
    assert [t.text for t in tokens] == ["Apple", "的", "iPhone", "发", "布", "co-op"]
    assert all(text[t.start - 10 : t.end - 10] == t.text for t in tokens)


def test_korean_is_read_as_spaced_words_and_thai_as_letters_with_their_marks() -> None:
    assert [t.text for t in tokenize("서울 시장이 말했다")] == ["서울", "시장이", "말했다"]
    assert [t.text for t in tokenize("ฝนตกหนัก")] == ["ฝ", "น", "ต", "ก", "ห", "นั", "ก"]


@pytest.mark.parametrize(("before", "after", "old", "new"), PAIRS.values(), ids=PAIRS.keys())
def test_a_changed_word_is_one_difference_covering_only_that_word(
    before: str, after: str, old: str, new: str
) -> None:
    differences = diff_passages(
        Passage(before, [(0, len(before))]), Passage(after, [(0, len(after))])
    )
    assert len(differences) == 1
    [difference] = differences
    assert _inside(difference.a_start, difference.a_end, _span_of(before, old))
    assert _inside(difference.b_start, difference.b_end, _span_of(after, new))


@pytest.mark.parametrize(("before", "after", "old", "new"), PAIRS.values(), ids=PAIRS.keys())
def test_a_comparison_of_one_paragraph_documents_highlights_only_the_word(
    before: str, after: str, old: str, new: str
) -> None:
    documents = [
        pasted_document(before, name="a", format="Pasted text"),
        pasted_document(after, name="b", format="Pasted text"),
    ]
    comparison = Comparison(documents, base=0)
    [pair] = comparison.pairs(0, 1)
    assert len(pair.differences) == 1
    [difference] = pair.differences
    assert _inside(difference.a_start, difference.a_end, _span_of(before, old))
    assert _inside(difference.b_start, difference.b_end, _span_of(after, new))
