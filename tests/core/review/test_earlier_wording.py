"""A mark re-attached after its words changed keeps what they said before: on the mark, in
the session file, through a second change, and in the review reports."""

from __future__ import annotations

from pathlib import Path

from compareapp.core.documents.loading import load_document
from compareapp.core.reports.review_json import review_to_json
from compareapp.core.reports.review_text import review_to_text
from compareapp.core.review.anchors import AnchorState
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.core.review.session import Session, SessionSource
from compareapp.core.review.session_file import load_session, save_session
from compareapp.core.review.session_sources import placed_marks

STORY = (
    "Floods hit Marrowby\n\n"
    "Around 1,200 households were evacuated on Tuesday, officials said, as the river rose.\n"
)
MARKED = "1,200 households were evacuated"
FIRST_EDIT = STORY.replace("1,200 households were", "1,400 households were")
SECOND_EDIT = FIRST_EDIT.replace("households were", "homes were")


def test_the_earlier_wording_is_kept_through_a_save_and_a_second_change(tmp_path: Path) -> None:
    article = tmp_path / "wire.txt"
    article.write_text(STORY, encoding="utf-8")
    document = load_document(article)
    start = STORY.index(MARKED)
    mark = ReviewMark.create(
        document.source_id, STORY, start, start + len(MARKED), MarkStatus.DISPUTED, "Zoë"
    )
    assert mark.earlier_wording == ""

    moved = mark.reanchored(FIRST_EDIT)
    assert moved.quote == "1,400 households were evacuated"
    assert moved.original_quote == MARKED
    assert moved.earlier_wording == f"was: “{MARKED}”"

    session_path = tmp_path / "review.compareapp"
    save_session(session_path, Session((SessionSource.of(document),), (moved,)))
    (reopened,) = load_session(session_path).marks
    assert reopened.original_quote == MARKED
    assert reopened.earlier_wording == f"was: “{MARKED}”"

    again = reopened.reanchored(SECOND_EDIT)
    assert again.state is AnchorState.MOVED
    assert again.quote == "1,400 homes were evacuated"
    assert again.earlier_wording == f"was: “{MARKED}”"  # the words as marked, not the last

    back = again.reanchored(STORY)
    assert back.quote == MARKED
    assert (back.original_quote, back.earlier_wording) == ("", "")


def test_the_earlier_wording_is_one_line() -> None:
    text = "The mayor said:\nwe acted\nwithin hours, and warned the town."
    start = text.index("we acted")
    mark = ReviewMark.create("s", text, start, text.index(", and"), MarkStatus.VERIFIED, "ana")
    moved = mark.reanchored(text.replace("within hours", "within the hour"))
    assert moved.reworded
    assert moved.earlier_wording == "was: “we acted within hours”"


def test_the_review_reports_give_the_earlier_wording(tmp_path: Path) -> None:
    article = tmp_path / "wire.txt"
    article.write_text(STORY, encoding="utf-8")
    document = load_document(article)
    start = STORY.index(MARKED)
    mark = ReviewMark.create(
        document.source_id, STORY, start, start + len(MARKED), MarkStatus.DISPUTED, "Zoë", "Ask"
    )
    session = Session((SessionSource.of(document),), (mark,))
    article.write_text(FIRST_EDIT, encoding="utf-8")  # the article changed since
    changed = load_document(article)
    ((placed, _index),) = placed_marks(session, [changed])
    assert placed.state is AnchorState.MOVED

    line = review_to_text(session, [changed]).splitlines()[1]
    assert line.startswith(
        f"  [disputed] wire.txt, moved: “1,400 households were evacuated” (was: “{MARKED}”) — Ask"
    )
    (reported,) = review_to_json(session, tmp_path / "review.compareapp", [changed])["marks"]
    assert (reported["quote"], reported["original_quote"]) == (
        "1,400 households were evacuated",
        MARKED,
    )

    article.write_text(STORY, encoding="utf-8")  # changed back: the words are as marked
    restored = load_document(article)
    assert "was:" not in review_to_text(session, [restored])
    assert (
        review_to_json(session, tmp_path / "r.compareapp", [restored])["marks"][0]["original_quote"]
        == ""
    )
