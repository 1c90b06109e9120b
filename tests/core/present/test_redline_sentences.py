"""The redline of a group diffed sentence by sentence in another order than its
paragraphs: unchanged words are paired with the same words of the base."""

from __future__ import annotations

from compareapp.core.diff.group_diff import group_differences
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text
from compareapp.core.present.redline_segments import SegmentKind, group_segments
from compareapp.core.text.normalize import tokenize

ORIGINAL = (
    "The museum reopens on Friday after a two-year renovation. Entry will cost twelve "
    "pounds for adults. Children under five go free."
)
REWRITE = (
    "Children under five still go free. The museum reopens on Friday after a long "
    "renovation.\n\nEntry will cost twelve pounds for adults."
)


def _doc(text: str, name: str) -> Document:
    return document_from_text(text, path=name, name=name, sha256=name, encoding="utf-8")


def _keys(text: str) -> list[str]:
    return [token.key for token in tokenize(text)]


def test_unchanged_text_of_a_reordered_group_is_the_same_words_on_both_sides() -> None:
    base, other = _doc(ORIGINAL, "a.txt"), _doc(REWRITE, "b.txt")
    differences = group_differences(base, other, [0], [0, 1])
    segments = group_segments(base, other, differences, [0], [0, 1])
    for j, paragraph in enumerate(other.paragraphs):
        own = [s for s in segments[j] if s.change is not SegmentKind.DELETED]
        assert "".join(s.text for s in own) == paragraph.text
        for segment in own:
            if segment.change is SegmentKind.UNCHANGED:
                assert segment.base is not None
                assert _keys(base.text[segment.base[0] : segment.base[1]]) == _keys(segment.text)
    inserted = [s.text for j in (0, 1) for s in segments[j] if s.change is SegmentKind.INSERTED]
    deleted = [
        s.text.strip() for j in (0, 1) for s in segments[j] if s.change is SegmentKind.DELETED
    ]
    assert sorted(inserted) == ["long", "still"]
    assert deleted == ["two-year"]
