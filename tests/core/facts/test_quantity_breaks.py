"""The figure at a place of a long text is read from the lines around it
(``compareapp.core.facts.quantity_breaks``); it must be the one a scan of the whole text finds.
The texts are made of the pieces quantities are made of, broken across lines anywhere."""

from __future__ import annotations

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

from compareapp.core.facts.quantities import Quantity, find_quantities, quantity_at

WORDS = (
    "8,000 9,000 1.2 37 4 2024 12 10-12 3:30 ½ square kilometres km sq. mi km² % percent °C"
    " US$ $ € million billion hundred and twenty one dozen March Jan. 4th about nearly minus"
    ' - – / to The troops said in on Tuesday . , ; : ( ) "'
)
PIECES = [*WORDS.split(), "7 p.m.", "per cent", "more than", "8,000 sq.", "March 4,", "Jan. 4,"]
SEPARATORS = [" ", " ", " ", "", "\n", " \n", "\n\n", ",\n", ".\n", "-\n", "\n  "]


def whole_text_answer(text: str, start: int, end: int) -> Quantity | None:
    """``quantity_at`` as it was: every quantity of the whole text, the most overlapping."""
    reach = max(end, start + 1)
    overlaps = [
        (min(end, q.end) - max(start, q.start), q)
        for q in find_quantities(text)
        if q.start < reach and start < q.end
    ]
    return max(overlaps, key=lambda pair: pair[0])[1] if overlaps else None


@st.composite
def texts_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    words = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40))
    gaps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)))
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=True))
    spans = draw(
        st.lists(
            st.tuples(st.integers(0, len(text)), st.integers(0, 12)).map(
                lambda pair: (pair[0], min(len(text), pair[0] + pair[1]))
            ),
            min_size=1,
            max_size=8,
        )
    )
    return text, spans


@given(texts_and_spans())
def test_the_lines_around_a_place_give_the_figure_the_whole_text_gives(
    case: tuple[str, list[tuple[int, int]]],
) -> None:
    text, spans = case
    note(repr(text))
    for start, end in spans:
        assert quantity_at(text, start, end) == whole_text_answer(text, start, end), (start, end)


def test_a_figure_broken_across_lines_is_read_whole() -> None:
    text = "Troops took\nabout 8,000\nsquare kilometres on March 4,\n2024.\n\nUnrelated: 12 people."
    quantity = quantity_at(text, text.index("8,000"), text.index("8,000") + 5)
    assert quantity is not None
    assert (quantity.value, quantity.unit, quantity.qualifier) == (8000.0, "km2", "about")
    date = quantity_at(text, text.index("2024"), text.index("2024") + 4)
    assert date is not None and (date.value, date.text) == (20240304, "March 4,\n2024")


@pytest.mark.parametrize(
    ("text", "figure", "whole"),
    [
        ("It covers 8,000 sq.\nkm of land.", "8,000", "8,000 sq.\nkm"),
        ("Rain on Jan.\n4 and more.", "4", "Jan.\n4"),
        ("Sold for US$\n5 million.", "5", "US$\n5 million"),
        ("Temperatures of minus\n5 °C.", "5", "minus\n5 °C"),
        ("From 10-\n12 people.", "12", "10-\n12"),
    ],
)
def test_a_figure_is_read_across_the_line_breaks_a_quantity_may_hold(
    text: str, figure: str, whole: str
) -> None:
    start = text.index(figure, text.index(whole))
    assert whole_text_answer(text, start, start + len(figure)) is not None
    assert quantity_at(text, start, start + len(figure)) == whole_text_answer(
        text, start, start + len(figure)
    )
