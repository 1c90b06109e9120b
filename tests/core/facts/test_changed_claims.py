"""Changed claims (issue 21): a change of certainty, degree, negation or attribution
strength inside a linked passage is a row of its own kind."""

from __future__ import annotations

import pytest

from compareapp.core.diff.comparison import Comparison
from compareapp.core.facts.discrepancies import FactKind, find_discrepancies
from tests.helpers.documents import document
from tests.helpers.seed_marks import seed_pair

STORY = (
    "The regional council met on Monday to discuss the flood barrier, the bridge repairs "
    "and the money the town will need over the coming winter months."
)


def claims(a: str, b: str) -> list[tuple[str | None, ...]]:
    documents = [document(f"{a}\n\n{STORY}", "a.txt"), document(f"{b}\n\n{STORY}", "b.txt")]
    return [
        tuple(v.text if v else None for v in row.versions)
        for row in find_discrepancies(Comparison(documents))
        if row.kind is FactKind.CLAIM
    ]


@pytest.mark.parametrize(
    ("a", "b", "shown"),
    [
        (
            "The ministry is expected to introduce a new aid package for the farmers soon.",
            "The ministry will soon announce a new aid package for the farmers.",
            ("is expected to introduce", "will soon announce"),
        ),
        (
            "The council said the repairs may cost the town its reserve this year.",
            "The council said the repairs will cost the town its reserve this year.",
            ("may cost", "will cost"),
        ),
        (
            "Officials said the barrier had not held back the water on Sunday night.",
            "Officials said the barrier had held back the water on Sunday night.",
            ("not held", "held"),
        ),
        (
            "The mayor said the barrier was adequate for a flood of that size.",
            "The mayor admitted the barrier was adequate for a flood of that size.",
            ("said", "admitted"),
        ),
        (
            "The engineers said the new pumps would move long distances of pipe.",
            "The engineers said the new pumps would move longer distances of pipe.",
            ("long distances", "longer distances"),
        ),
        (
            "Rescue crews pulled more than 30 people from the water on Monday night.",
            "Rescue crews pulled about 30 people from the water on Monday night.",
            ("more than", "about"),
        ),
    ],
)
def test_a_change_of_certainty_negation_attribution_or_degree_is_a_row(
    a: str, b: str, shown: tuple[str, str]
) -> None:
    found = claims(a, b)
    if shown is None:
        return
    assert any((x or "").startswith(shown[0]) or shown[0] in (x or "") for x, _y in found), found
    assert any(shown[1] in (y or "") for _x, y in found), found


def test_a_plain_rewording_is_no_claim() -> None:
    a = "Crews rescued 37 people from homes and cars on Quay Street."
    b = "Crews pulled 37 people from houses and vehicles on Quay Street."
    assert claims(a, b) == []


def test_a_negation_moved_around_the_paragraph_is_no_claim() -> None:
    a = "Russia denies that its forces committed war crimes in the region."
    b = "Ukraine says Russian forces committed war crimes in the region, which Russia denies."
    assert [row for row in claims(a, b) if "denies" in str(row)] == []


def test_the_seed_pairs_changed_claims_are_rows() -> None:
    documents = seed_pair()
    found = {
        tuple(v.text if v else None for v in row.versions)
        for row in find_discrepancies(Comparison(documents))
        if row.kind is FactKind.CLAIM
    }
    assert ("on the right track", "well on track") in found
    assert ("long-range missiles", "longer-range missiles") in found
