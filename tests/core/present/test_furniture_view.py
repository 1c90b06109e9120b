"""Page furniture in the view model, the redline and the report: set aside by default
(dimmed, skipped by the significant stops, out of the significant counts and the rows),
counted as the story once shown, without aligning again (issue 21)."""

from __future__ import annotations

from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.comparison import Comparison
from compareapp.core.facts.discrepancies import find_discrepancies
from compareapp.core.present.redline import build_redline
from compareapp.core.present.report_model import build_report
from compareapp.core.present.view_model import (
    ComparisonViewModel,
    DifferenceFilter,
    ParagraphMark,
)
from tests.fixtures.furniture_fixtures import (
    BLURB,
    BODY,
    CAPTION,
    DURATION,
    PROMPT,
    flood_documents,
)

FURNITURE = {CAPTION, DURATION, BLURB, PROMPT}


def flood_model(shown: bool = False) -> ComparisonViewModel:
    return ComparisonViewModel(Comparison(flood_documents()), DifferenceFilter(furniture=shown))


def stop_texts(model: ComparisonViewModel) -> list[str]:
    text = model.comparison.documents[0].text
    return [text[stop.start : stop.end] for stop in model.significant_stops(0)]


def test_the_view_model_says_which_paragraphs_are_furniture() -> None:
    model = flood_model()
    for document in (0, 1):
        assert model.furniture.paragraphs(document) == FURNITURE
        assert model.dimmed_paragraphs(document) == FURNITURE
    model.show_furniture(True)
    assert model.furniture.paragraphs(0) == FURNITURE
    assert model.dimmed_paragraphs(0) == frozenset()


def test_significant_stops_skip_furniture_until_it_is_shown() -> None:
    model = flood_model()
    documents = model.comparison.documents
    body = [documents[0].paragraphs[index] for index in BODY]
    assert stop_texts(model) == ["2.4", "300"]
    for stop in model.significant_stops(0):
        assert any(p.start <= stop.start < p.end for p in body)
    duration = documents[0].paragraphs[DURATION]
    after_body = body[0].end
    stop = model.next_stop(0, after_body, significant=True)
    assert stop is not None and stop.start > duration.end  # over the duration line
    assert model.next_stop(0, after_body, significant=False).start < duration.end

    pair = model.comparison.pair(0, 1)
    model.show_furniture(True)
    assert model.comparison.pair(0, 1) is pair  # nothing aligned again
    assert stop_texts(model) == ["2.4", "01", "300"]
    stop = model.next_stop(0, after_body, significant=True)
    assert stop is not None and duration.start <= stop.start < duration.end


def test_significant_counts_leave_furniture_out() -> None:
    hidden, shown = flood_model(), flood_model(shown=True)
    hidden_numbers = hidden.counts().by_class.get(DifferenceClass.NUMBER, 0)
    assert shown.counts().by_class[DifferenceClass.NUMBER] == hidden_numbers + 1
    hidden.show_furniture(True)
    assert hidden.counts() == shown.counts()


def test_paragraph_marks_of_furniture_are_no_facts_while_set_aside() -> None:
    model = flood_model()
    assert model.paragraph_marks(0)[DURATION] is ParagraphMark.CHANGED
    assert model.paragraph_marks(0)[BODY[0]] is ParagraphMark.FACT
    model.show_furniture(True)
    assert model.paragraph_marks(0)[DURATION] is ParagraphMark.FACT


def test_shown_rows_filter_what_the_table_found_with_furniture() -> None:
    model = flood_model()
    every = find_discrepancies(model.comparison, include_furniture=True)
    assert model.shown_rows(every) == find_discrepancies(model.comparison)
    assert len(model.shown_rows(every)) < len(every)
    model.show_furniture(True)
    assert model.shown_rows(every) == every


def test_the_redline_finds_its_furniture_paragraphs() -> None:
    model = flood_model()
    redline = build_redline(model.comparison, 1)
    found = redline.furniture_paragraphs(
        model.furniture.paragraphs(0), model.furniture.paragraphs(1)
    )
    assert {redline.paragraphs[index].other_paragraph for index in found} == FURNITURE
    assert redline.furniture_paragraphs(model.furniture.paragraphs(0), frozenset()) == []


def test_the_report_lists_furniture_rows_only_when_shown() -> None:
    hidden = build_report(flood_model())
    shown = build_report(flood_model(shown=True))
    texts = [
        {v.text for row in report.discrepancies for v in row.versions if v is not None}
        for report in (hidden, shown)
    ]
    assert "2:01" not in texts[0]
    assert "2:01" in texts[1]
    assert len(shown.discrepancies) == len(hidden.discrepancies) + 1
