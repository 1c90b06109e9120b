"""Text anchors: where a mark sits, and finding that place again after the text changed."""

from __future__ import annotations

import pytest
from diff_match_patch import diff_match_patch
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from compareapp.core.review.anchors import (
    CONTEXT_CHARS,
    MATCH_PIECE,
    MAX_ERROR,
    AnchorState,
    TextAnchor,
    reanchor,
)
from compareapp.core.review.marks import MarkStatus, ReviewMark

STORY = """Floods hit Marrowby

Around 1,200 households were evacuated from the river town of Marrowby early on Tuesday.

No deaths or serious injuries were reported. Crews in flat-bottomed boats rescued 37 people \
from homes and cars on Quay Street and Mill Lane, most of them elderly residents who had chosen \
to stay put when the first warnings were issued on Monday evening.

The Lenn Valley Water Authority, which operates the dam 14 kilometres upstream of the town, said \
it began releasing water at 2:40 a.m. after the level in the Hollins reservoir rose to within \
half a metre of the crest — the first time it has been forced to do so since the dam was \
completed in 1974.

Mayor Ingrid Sallow said the town's schools would stay closed until Thursday."""

LONG = STORY.split("\n\n")[3]
"""The 300-character paragraph about the water authority."""


def _anchor(text: str, quote: str) -> TextAnchor:
    assert text.count(quote) == 1, quote
    start = text.index(quote)
    return TextAnchor.at(text, start, start + len(quote))


def _occurrences(text: str, quote: str) -> list[int]:
    """Where ``quote`` starts in ``text``, overlapping occurrences included."""
    return [index for index in range(len(text)) if text.startswith(quote, index)]


def _levenshtein(first: str, second: str) -> int:
    row = list(range(len(second) + 1))
    for number, char in enumerate(first, 1):
        diagonal, row[0] = row[0], number
        for index, other in enumerate(second, 1):
            diagonal, row[index] = (
                row[index],
                min(row[index] + 1, row[index - 1] + 1, diagonal + (char != other)),
            )
    return row[-1]


# TextAnchor.at ------------------------------------------------------------------------


def test_anchor_keeps_offsets_quote_and_context() -> None:
    anchor = _anchor(STORY, "37 people")
    assert STORY[anchor.start : anchor.end] == anchor.quote == "37 people"
    assert len(anchor.prefix) == len(anchor.suffix) == CONTEXT_CHARS == 32
    assert STORY[: anchor.start].endswith(anchor.prefix)
    assert STORY[anchor.end :].startswith(anchor.suffix)
    assert anchor.prefix.endswith("boats rescued ")
    assert anchor.suffix.startswith(" from homes and cars")


def test_context_is_cut_at_the_edges_of_the_text() -> None:
    text = "Floods hit Marrowby"
    head = TextAnchor.at(text, 0, 6)
    assert (head.quote, head.prefix, head.suffix) == ("Floods", "", " hit Marrowby")
    tail = TextAnchor.at(text, 11, len(text))
    assert (tail.quote, tail.prefix, tail.suffix) == ("Marrowby", "Floods hit ", "")
    whole = TextAnchor.at(text, 0, len(text))
    assert (whole.prefix, whole.suffix) == ("", "")


@pytest.mark.parametrize(
    ("start", "end"),
    [(5, 5), (6, 5), (-1, 3), (0, 20), (19, 20), (25, 30)],
    ids=["empty", "reversed", "negative", "past-end", "starts-at-end", "outside"],
)
def test_at_rejects_empty_and_out_of_range_passages(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="no passage"):
        TextAnchor.at("Floods hit Marrowby", start, end)  # 19 characters


# Re-anchoring: exact ------------------------------------------------------------------


def test_unchanged_text_stays_anchored_at_the_same_offsets() -> None:
    anchor = _anchor(STORY, "rescued 37 people")
    found, state = reanchor(anchor, STORY)
    assert state is AnchorState.ANCHORED
    assert found == anchor


def test_text_inserted_before_the_mark_moves_it_by_the_insertion() -> None:
    anchor = _anchor(STORY, "rescued 37 people")
    inserted = "Live updates: this story is being updated.\n\n"
    cut = STORY.index("Around")
    edited = STORY[:cut] + inserted + STORY[cut:]
    found, state = reanchor(anchor, edited)
    assert state is AnchorState.MOVED
    assert (found.start, found.end) == (anchor.start + len(inserted), anchor.end + len(inserted))
    assert found.quote == anchor.quote == edited[found.start : found.end]


def test_context_decides_between_two_occurrences_of_the_quote() -> None:
    text = (
        "The wire said 1,200 households were evacuated on Tuesday.\n\n"
        "The council said 1,200 households were without power on Monday."
    )
    second = text.index("1,200", 30)
    anchor = TextAnchor.at(text, second, second + len("1,200 households"))
    # A new first paragraph holds the quote too, nearer the old offset, in other words.
    lead = "Officials later said 1,200 households were evacuated in all.\n\n"
    edited = lead + text
    found, state = reanchor(anchor, edited)
    assert state is AnchorState.MOVED
    assert found.start == second + len(lead)
    assert edited[found.end :].startswith(" were without power")
    # The first occurrence keeps its own place, although the others look alike.
    first = text.index("1,200")
    found, state = reanchor(TextAnchor.at(text, first, first + 16), edited)
    assert found.start == first + len(lead)
    assert edited[found.end :].startswith(" were evacuated on Tuesday")


def test_equal_context_prefers_the_occurrence_nearest_the_old_place() -> None:
    text = "aa x aa x aa x aa"
    anchor = TextAnchor.at(text, 10, 12)  # the third "aa"; its context is cut at 10 left
    found, state = reanchor(anchor, text)
    assert (found.start, state) == (10, AnchorState.ANCHORED)


# Re-anchoring: fuzzy ------------------------------------------------------------------


def test_reworded_mark_moves_to_the_new_wording_and_remembers_the_old() -> None:
    text = "Fires burned 8,000 square kilometers of forest in the north this summer."
    start = text.index("8,000")
    mark = ReviewMark.create(
        "src", text, start, start + len("8,000 square kilometers"), MarkStatus.VERIFIED, "ana"
    )
    edited = text.replace("8,000 square kilometers", "8,000 sq kilometres")
    found, state = reanchor(mark.anchor, edited)
    assert state is AnchorState.MOVED
    assert found.quote == "8,000 sq kilometres" == edited[found.start : found.end]

    moved = mark.reanchored(edited)
    assert moved.state is AnchorState.MOVED
    assert moved.quote == "8,000 sq kilometres"
    assert moved.reworded
    assert moved.original_quote == "8,000 square kilometers"
    assert (moved.id, moved.status, moved.created) == (mark.id, mark.status, mark.created)
    # Re-anchored again in the same text: anchored there, still reworded from the original.
    again = moved.reanchored(edited)
    assert again.state is AnchorState.ANCHORED
    assert again.original_quote == "8,000 square kilometers"
    assert again.reworded


def test_mark_found_with_its_own_words_is_not_reworded() -> None:
    mark = ReviewMark.create("src", STORY, 0, 6, MarkStatus.DISPUTED, "ana")
    moved = mark.reanchored("Breaking: " + STORY)
    assert moved.state is AnchorState.MOVED
    assert not moved.reworded
    assert moved.original_quote == ""


def test_long_quote_edited_in_the_middle_is_found_whole() -> None:
    assert len(LONG) > 250
    anchor = _anchor(STORY, LONG)
    new = LONG.replace("began releasing water at 2:40 a.m.", "started releasing water at 3:10")
    edited = STORY.replace(LONG, new)
    found, state = reanchor(anchor, edited)
    assert state is AnchorState.MOVED
    assert found.quote == new
    assert found.start == anchor.start


def test_long_quote_edited_at_its_start_is_found_by_its_tail(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    anchor = _anchor(STORY, LONG)
    new = LONG.replace(
        "The Lenn Valley Water Authority, which operates", "Upstream, the dam's operator said"
    ).replace("began releasing water at 2:40 a.m.", "started releasing water at 3:10")
    edited = STORY.replace(LONG, new)
    pieces: list[tuple[str, int]] = []
    match_main = diff_match_patch.match_main

    def spy(self: diff_match_patch, text: str, pattern: str, loc: int) -> int:
        found: int = match_main(self, text, pattern, loc)
        pieces.append((pattern, found))
        return found

    monkeypatch.setattr(diff_match_patch, "match_main", spy)
    found, state = reanchor(anchor, edited)
    # The head piece is no longer there; the tail piece is, where the paragraph ends.
    assert pieces[0] == (LONG[:MATCH_PIECE], -1)
    assert pieces[1][0] == LONG[-MATCH_PIECE:]
    assert pieces[1][1] == edited.index(new) + len(new) - MATCH_PIECE
    assert state is AnchorState.MOVED
    assert found.quote == new
    assert (found.start, found.end) == (anchor.start, anchor.start + len(new))


def test_long_quote_reworded_at_its_end_ends_where_the_context_resumes() -> None:
    anchor = _anchor(STORY, LONG)
    new = LONG.replace(
        "the first time it has been forced to do so since the dam was completed in 1974.",
        "which had never happened since 1974.",
    )
    found, state = reanchor(anchor, STORY.replace(LONG, new))
    assert state is AnchorState.MOVED
    assert found.quote == new


def test_deleted_passage_is_orphaned_and_keeps_the_old_anchor() -> None:
    anchor = _anchor(STORY, LONG)
    found, state = reanchor(anchor, STORY.replace(LONG + "\n\n", ""))
    assert state is AnchorState.ORPHANED
    assert found is anchor


@pytest.mark.parametrize(
    ("quote", "sentence"),
    [
        ("37 people", "Crews in flat-bottomed boats rescued 37 people from homes and cars"),
        ("2:40 a.m.", "it began releasing water at 2:40 a.m. after"),
        (
            "Thursday",
            "Mayor Ingrid Sallow said the town's schools would stay closed until Thursday.",
        ),
    ],
)
def test_short_quote_whose_text_is_gone_does_not_land_elsewhere(quote: str, sentence: str) -> None:
    assert quote in sentence
    anchor = _anchor(STORY, quote)
    edited = STORY.replace(sentence, "")
    assert edited != STORY
    found, state = reanchor(anchor, edited + "\n\nRescue crews worked through the night on Thu.")
    assert state is AnchorState.ORPHANED
    assert found is anchor


def test_fuzzy_match_stays_within_the_error_bound() -> None:
    anchor = _anchor(STORY, "rescued 37 people")  # 17 characters: at most 5 may differ
    near = STORY.replace("rescued 37 people", "rescued 73 people")
    found, state = reanchor(anchor, near)
    assert (state, found.quote) == (AnchorState.MOVED, "rescued 73 people")
    far = STORY.replace("rescued 37 people", "pulled out 73 ppl")
    found, state = reanchor(anchor, far)
    assert state is AnchorState.ORPHANED


# Properties ---------------------------------------------------------------------------

_texts = st.text(alphabet=st.sampled_from("ab .\n€é"), min_size=1, max_size=120) | st.text(
    min_size=1, max_size=200
)


@st.composite
def _text_and_range(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(_texts)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, start, end


@given(_text_and_range())
def test_any_anchor_is_found_where_it_is_in_the_unchanged_text(
    case: tuple[str, int, int],
) -> None:
    text, start, end = case
    anchor = TextAnchor.at(text, start, end)
    found, state = reanchor(anchor, text)
    assert state is AnchorState.ANCHORED
    assert (found.start, found.end) == (start, end)
    assert found == anchor


@given(_text_and_range(), st.text(max_size=80))
def test_any_anchor_is_found_after_text_is_put_in_front(
    case: tuple[str, int, int], lead: str
) -> None:
    text, start, end = case
    anchor = TextAnchor.at(text, start, end)
    edited = lead + text
    found, state = reanchor(anchor, edited)
    assert state in (AnchorState.ANCHORED, AnchorState.MOVED)
    assert found.quote == anchor.quote == edited[found.start : found.end]
    assert (state is AnchorState.ANCHORED) == (found.start == start)
    # Wherever it is found, all of the old context is around it: an identical occurrence
    # is chosen over the true one only when its context is the same.
    assert found.prefix.endswith(anchor.prefix)
    assert found.suffix.startswith(anchor.suffix)
    if _occurrences(edited, anchor.quote) == [start + len(lead)]:
        assert found.start == start + len(lead)


@st.composite
def _edited_text(draw: st.DrawFn) -> tuple[TextAnchor, str]:
    text, start, end = draw(_text_and_range())
    edited = text
    for _ in range(draw(st.integers(1, 4))):
        cut = draw(st.integers(0, len(edited)))
        length = draw(st.integers(0, 12))
        edited = edited[:cut] + draw(st.text(max_size=12)) + edited[cut + length :]
    return TextAnchor.at(text, start, end), edited


@settings(deadline=None, max_examples=300)
@given(_edited_text())
def test_reanchoring_any_edit_gives_a_consistent_answer(case: tuple[TextAnchor, str]) -> None:
    anchor, edited = case
    found, state = reanchor(anchor, edited)
    if state is AnchorState.ORPHANED:
        assert found is anchor
        return
    assert 0 <= found.start < found.end <= len(edited)
    assert found == TextAnchor.at(edited, found.start, found.end)
    if found.quote != anchor.quote:
        assert state is AnchorState.MOVED
        assert _levenshtein(anchor.quote, found.quote) <= MAX_ERROR * len(anchor.quote)


@settings(deadline=None, max_examples=50)
@given(st.integers(0, len(LONG) - 40), st.integers(1, 6), st.data())
def test_a_word_replaced_in_a_long_quote_is_found_exactly(
    position: int, words: int, data: st.DataObject
) -> None:
    cut = LONG.index(" ", position) + 1
    stop = cut
    for _ in range(words):
        stop = LONG.find(" ", stop + 1)
        assume(stop != -1)
    replacement = data.draw(st.sampled_from(["flood", "the council", "x", "forty-two"]))
    new = LONG[:cut] + replacement + LONG[stop:]
    assume(_levenshtein(LONG, new) <= MAX_ERROR * len(LONG))
    found, state = reanchor(_anchor(STORY, LONG), STORY.replace(LONG, new))
    assert state is AnchorState.MOVED
    assert found.quote == new
