"""Review marks and the collection of a session's marks."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

from compareapp.core.review.anchors import AnchorState
from compareapp.core.review.marks import MarkStatus, ReviewMark, ReviewMarks, describe_outcomes, now

TEXT = "Around 1,200 households were evacuated on Tuesday, officials said. Mayor Ingrid Sallow."
OTHER = "Around 1,400 households in Marrowby were forced from their homes overnight."
WHEN = datetime(2020, 3, 4, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def _mark(
    quote: str,
    source: str = "wire",
    text: str = TEXT,
    status: MarkStatus = MarkStatus.VERIFIED,
    note: str = "",
    when: datetime | None = None,
) -> ReviewMark:
    start = text.index(quote)
    return ReviewMark.create(source, text, start, start + len(quote), status, "ana", note, when)


def _ids(marks: ReviewMarks) -> list[str]:
    return [mark.id for mark in marks]


# ReviewMark ---------------------------------------------------------------------------


def test_created_mark_has_its_passage_a_fresh_id_and_aware_times() -> None:
    before = now()
    mark = _mark("1,200 households", note="wire copy")
    after = now()
    assert mark.quote == "1,200 households"
    assert (mark.anchor.start, mark.anchor.end) == (7, 23)
    assert (mark.source, mark.status, mark.reviewer, mark.note) == (
        "wire",
        MarkStatus.VERIFIED,
        "ana",
        "wire copy",
    )
    assert mark.state is AnchorState.ANCHORED
    assert mark.original_quote == "" and not mark.reworded
    assert mark.created == mark.modified
    assert mark.created.tzinfo is not None and mark.created.utcoffset() is not None
    assert before <= mark.created <= after
    assert len(mark.id) == 32 and mark.id != _mark("1,200 households").id


def test_now_is_timezone_aware() -> None:
    assert now().tzinfo is not None
    assert now().utcoffset() is not None


def test_created_at_a_given_time() -> None:
    mark = _mark("Mayor Ingrid Sallow", when=WHEN)
    assert mark.created == mark.modified == WHEN


def test_edited_keeps_created_and_changes_modified() -> None:
    mark = _mark("Mayor Ingrid Sallow", note="check spelling", when=WHEN)
    later = WHEN + timedelta(hours=2)
    edited = mark.edited(status=MarkStatus.DISPUTED, when=later)
    assert edited.status is MarkStatus.DISPUTED
    assert edited.note == "check spelling"  # kept when not given
    assert (edited.created, edited.modified) == (WHEN, later)
    assert (edited.id, edited.anchor, edited.source) == (mark.id, mark.anchor, mark.source)
    assert mark.status is MarkStatus.VERIFIED  # the original is unchanged

    renoted = edited.edited(note="")
    assert renoted.note == ""  # an empty note clears it
    assert renoted.status is MarkStatus.DISPUTED
    assert renoted.created == WHEN
    assert renoted.modified > later  # now, which is after the test's fixed time
    assert renoted.modified.tzinfo is not None


def test_reanchored_mark_records_state_and_original_wording() -> None:
    mark = _mark("1,200 households")
    edited_text = TEXT.replace("1,200 households", "1,400 households")
    moved = mark.reanchored(edited_text)
    assert (moved.state, moved.quote, moved.original_quote) == (
        AnchorState.MOVED,
        "1,400 households",
        "1,200 households",
    )
    assert moved.reworded
    orphaned = mark.reanchored("Nothing of the kind.")
    assert orphaned.state is AnchorState.ORPHANED
    assert orphaned.anchor == mark.anchor
    assert not orphaned.reworded


# ReviewMarks --------------------------------------------------------------------------


@pytest.fixture
def marks() -> ReviewMarks:
    return ReviewMarks(
        [
            _mark("1,200 households"),
            _mark("Tuesday"),
            _mark("Marrowby", source="rewrite", text=OTHER),
            _mark("Mayor Ingrid Sallow", status=MarkStatus.DISPUTED),
        ]
    )


def test_marks_keep_the_order_they_were_made_in(marks: ReviewMarks) -> None:
    assert [mark.quote for mark in marks] == [
        "1,200 households",
        "Tuesday",
        "Marrowby",
        "Mayor Ingrid Sallow",
    ]
    assert len(marks) == 4
    first = next(iter(marks))
    assert first.id in marks and "nope" not in marks
    assert marks.get(first.id) is first
    assert [mark.quote for mark in marks.for_source("rewrite")] == ["Marrowby"]
    assert marks.for_source("unknown") == []


def test_add_appends_or_inserts_at_a_position(marks: ReviewMarks) -> None:
    last = _mark("officials said")
    marks.add(last)
    assert _ids(marks)[-1] == last.id
    first = _mark("evacuated")
    marks.add(first, 0)
    assert _ids(marks)[0] == first.id
    middle = _mark("were evacuated")
    marks.add(middle, 2)
    assert _ids(marks)[2] == middle.id
    assert len(marks) == 7


def test_adding_a_mark_whose_id_is_there_is_refused(marks: ReviewMarks) -> None:
    before = list(marks)
    existing = before[1]
    with pytest.raises(ValueError, match="already there"):
        marks.add(existing)
    with pytest.raises(ValueError, match="already there"):
        marks.add(existing.edited(note="another"), 0)
    assert list(marks) == before


@pytest.mark.parametrize("index", [0, 1, 2, 3])
def test_remove_then_add_at_its_position_restores_the_order(marks: ReviewMarks, index: int) -> None:
    before = list(marks)
    position, removed = marks.remove(before[index].id)
    assert (position, removed) == (index, before[index])
    assert removed.id not in marks
    assert list(marks) == before[:index] + before[index + 1 :]
    marks.add(removed, position)  # undo
    assert list(marks) == before


def test_remove_of_an_unknown_mark_fails(marks: ReviewMarks) -> None:
    with pytest.raises(ValueError):
        marks.remove("nope")
    assert len(marks) == 4


def test_replace_keeps_the_position_and_returns_the_old_mark(marks: ReviewMarks) -> None:
    before = list(marks)
    new = before[2].edited(status=MarkStatus.DISPUTED, note="not in the wire copy")
    old = marks.replace(new)
    assert old == before[2]
    assert list(marks) == [*before[:2], new, *before[3:]]
    assert marks.replace(old) == new  # undo
    assert list(marks) == before


def test_replace_of_an_unknown_mark_fails(marks: ReviewMarks) -> None:
    with pytest.raises(KeyError):
        marks.replace(_mark("Tuesday"))
    assert len(marks) == 4


def test_iterating_is_safe_while_the_marks_change(marks: ReviewMarks) -> None:
    for mark in marks:
        marks.remove(mark.id)
    assert len(marks) == 0


def test_reanchor_source_counts_outcomes_and_touches_only_that_source(
    marks: ReviewMarks,
) -> None:
    rewrite = marks.for_source("rewrite")
    edited = TEXT.replace("were evacuated", "had to leave").replace(" Mayor Ingrid Sallow.", "")
    outcomes = marks.reanchor_source("wire", edited)
    assert outcomes == Counter(
        {AnchorState.ANCHORED: 1, AnchorState.MOVED: 1, AnchorState.ORPHANED: 1}
    )
    states = [(mark.quote, mark.state) for mark in marks.for_source("wire")]
    assert states == [
        ("1,200 households", AnchorState.ANCHORED),  # the edit is after it
        ("Tuesday", AnchorState.MOVED),
        ("Mayor Ingrid Sallow", AnchorState.ORPHANED),
    ]
    tuesday = marks.for_source("wire")[1]
    assert edited[tuesday.anchor.start : tuesday.anchor.end] == "Tuesday"
    assert marks.for_source("rewrite") == rewrite
    assert [mark.quote for mark in marks] == [
        "1,200 households",
        "Tuesday",
        "Marrowby",
        "Mayor Ingrid Sallow",
    ]
    assert marks.reanchor_source("nobody", edited) == Counter()


def test_describe_outcomes_leaves_out_states_that_did_not_occur() -> None:
    outcomes = Counter({AnchorState.ANCHORED: 3, AnchorState.MOVED: 1, AnchorState.ORPHANED: 1})
    assert describe_outcomes(outcomes) == "3 anchored, 1 moved, 1 orphaned"
    assert describe_outcomes(Counter({AnchorState.ORPHANED: 2})) == "2 orphaned"
    assert describe_outcomes(Counter({AnchorState.MOVED: 1, AnchorState.ANCHORED: 0})) == (
        "1 moved"
    )
    assert describe_outcomes(Counter()) == ""
