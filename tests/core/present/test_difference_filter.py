"""What counts as a difference: typographic variants, letter case and British/American
spellings can each be left out of the highlights, bands, stops and counts."""

from __future__ import annotations

import pytest

from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.comparison import Comparison
from compareapp.core.diff.inline_diff import Difference, Operation
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text
from compareapp.core.present.view_model import ComparisonViewModel, DifferenceFilter, is_case_only

OLD = """The Prime Minister visited the harbour on Monday.

Officials said the colour of the flag “would not change”.

The council will meet again soon."""

NEW = """The prime minister visited the harbor on Monday.

Officials said the color of the flag "would not change".

The council will meet again next week."""


def _doc(text: str, name: str) -> Document:
    return document_from_text(
        text, path=f"/tmp/{name}", name=name, sha256="0" * 64, encoding="utf-8"
    )


def _difference(
    a: str, b: str, kind: DifferenceClass, operation: Operation = Operation.REPLACE
) -> Difference:
    return Difference(operation, 0, len(a), 0, len(b), a, b, kind)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return Comparison([_doc(OLD, "old"), _doc(NEW, "new")])


def _highlighted(model: ComparisonViewModel, document: int) -> set[tuple[str, DifferenceClass]]:
    text = model.comparison.documents[document].text
    return {(text[h.start : h.end], h.kind) for h in model.highlights(document)}


# --- the filter on its own -------------------------------------------------------------------


def test_the_default_filter_hides_only_typography() -> None:
    default = DifferenceFilter()
    assert (default.typographic, default.case, default.spelling) == (False, True, True)
    assert default.shows(_difference("colour", "color", DifferenceClass.SPELLING))
    assert default.shows(_difference("Minister", "minister", DifferenceClass.SPELLING))
    assert not default.shows(
        _difference("“", '"', DifferenceClass.TYPOGRAPHIC, Operation.TYPOGRAPHIC)
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Prime Minister", "prime minister", True),
        ("NATO", "Nato", True),
        ("“Mayor", '"mayor', True),  # typography aside
        ("colour", "color", False),
        ("Colour", "color", False),  # a spelling change too
        ("Mayor", "Mayor", False),  # no change at all
        ("", "new", False),
        ("June", "July", False),
    ],
)
def test_case_only_means_equal_but_for_letter_case(a: str, b: str, expected: bool) -> None:
    assert is_case_only(_difference(a, b, DifferenceClass.SPELLING)) is expected


@pytest.mark.parametrize(
    ("difference_filter", "typographic", "case_only", "spelling", "wording"),
    [
        (DifferenceFilter(), False, True, True, True),
        (DifferenceFilter(typographic=True), True, True, True, True),
        (DifferenceFilter(case=False), False, False, True, True),
        (DifferenceFilter(spelling=False), False, True, False, True),
        (DifferenceFilter(case=False, spelling=False), False, False, False, True),
    ],
)
def test_each_setting_hides_its_own_kind(
    difference_filter: DifferenceFilter,
    typographic: bool,
    case_only: bool,
    spelling: bool,
    wording: bool,
) -> None:
    shows = difference_filter.shows
    assert shows(_difference("’", "'", DifferenceClass.TYPOGRAPHIC, Operation.TYPOGRAPHIC)) is (
        typographic
    )
    assert shows(_difference("Minister", "minister", DifferenceClass.SPELLING)) is case_only
    assert shows(_difference("harbour", "harbor", DifferenceClass.SPELLING)) is spelling
    assert shows(_difference("June", "July", DifferenceClass.WORDING)) is wording


def test_hiding_spelling_keeps_significant_classes() -> None:
    strict = DifferenceFilter(case=False, spelling=False)
    for kind in (DifferenceClass.NUMBER, DifferenceClass.NAME, DifferenceClass.QUOTATION):
        assert strict.shows(_difference("Sallow", "Sallowe", kind))


def test_the_filter_is_a_frozen_value() -> None:
    assert DifferenceFilter(case=False) == DifferenceFilter(case=False)
    assert hash(DifferenceFilter()) == hash(DifferenceFilter())
    with pytest.raises(AttributeError):
        DifferenceFilter().case = False  # type: ignore[misc]


# --- in the view model -----------------------------------------------------------------------


def test_the_default_filter_hides_typographic_differences(comparison: Comparison) -> None:
    assert ComparisonViewModel(comparison).filter == DifferenceFilter()
    assert ComparisonViewModel(comparison).typographic is False
    model = ComparisonViewModel(comparison, DifferenceFilter(typographic=True, case=False))
    assert model.typographic is True


def test_by_default_case_and_spelling_changes_are_highlighted(comparison: Comparison) -> None:
    shown = _highlighted(ComparisonViewModel(comparison), 1)
    assert ("prime minister", DifferenceClass.SPELLING) in shown
    assert ("harbor", DifferenceClass.SPELLING) in shown
    assert ("color", DifferenceClass.SPELLING) in shown
    assert not any(kind is DifferenceClass.TYPOGRAPHIC for _text, kind in shown)


def test_without_case_only_the_case_change_disappears(comparison: Comparison) -> None:
    model = ComparisonViewModel(comparison, DifferenceFilter(case=False))
    for document in (0, 1):
        texts = {text.casefold() for text, _kind in _highlighted(model, document)}
        assert "prime minister" not in texts
        assert {"harbour", "colour"} <= texts or {"harbor", "color"} <= texts


def test_without_spelling_only_the_case_change_is_left_of_its_class(
    comparison: Comparison,
) -> None:
    model = ComparisonViewModel(comparison, DifferenceFilter(spelling=False))
    spelling = {text for text, kind in _highlighted(model, 1) if kind is DifferenceClass.SPELLING}
    assert spelling == {"prime minister"}
    hidden = ComparisonViewModel(comparison, DifferenceFilter(case=False, spelling=False))
    assert not any(kind is DifferenceClass.SPELLING for _t, kind in _highlighted(hidden, 1))


def test_hidden_differences_leave_stops_bands_and_counts(comparison: Comparison) -> None:
    everything = ComparisonViewModel(comparison, DifferenceFilter(typographic=True))
    nothing_minor = ComparisonViewModel(
        comparison, DifferenceFilter(typographic=False, case=False, spelling=False)
    )
    assert everything.counts().by_class[DifferenceClass.SPELLING] == 3
    assert DifferenceClass.SPELLING not in nothing_minor.counts().by_class
    assert nothing_minor.counts().by_class[DifferenceClass.WORDING] >= 1  # soon -> next week
    assert len(nothing_minor.stops(1)) < len(everything.stops(1))
    assert {s.kind for s in nothing_minor.stops(1)} <= {
        DifferenceClass.WORDING,
        DifferenceClass.NUMBER,
        DifferenceClass.NAME,
        DifferenceClass.QUOTATION,
    }
    changed = {band.left: band.changed for band in nothing_minor.bands(0, 1)}
    assert changed == {0: False, 1: False, 2: True}
    assert all(band.changed for band in everything.bands(0, 1))
