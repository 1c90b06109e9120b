"""The aligner's signals one at a time: headings, repeated paragraphs, sentence matches,
runs in the in-order pass, the order prior and the calibrated probability."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from compareapp.core.align.aligner import AlignParams, align_paragraphs
from compareapp.core.align.calibration import fit, link_features, probability
from compareapp.core.align.furniture import is_heading
from compareapp.core.align.links import Link, LinkKind
from compareapp.core.align.order import order_prior
from compareapp.core.align.sentences import SentenceTerms
from compareapp.core.diff.comparison import link_groups

LEAD = (
    "Russian President Vladimir Putin said on Thursday he understood China's Xi Jinping had "
    "concerns about the situation in Ukraine, a surprise acknowledgement of friction."
)


def _pairs(a: list[str], b: list[str], params: AlignParams | None = None) -> set[tuple[int, int]]:
    return {(link.a, link.b) for link in align_paragraphs(a, b, params).links}


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("War Crimes Investigation", True),
        ("NO WARRANTY", True),
        ("The Rise and Fall of the Empire", True),
        ("• European Union President in Kyiv", False),
        ("Ukraine has accused Russian forces of war crimes.", False),
        ("war crimes investigation", False),
        ("One Two Three Four Five Six Seven Eight Nine Ten", False),
    ],
)
def test_a_heading_is_a_short_title_case_line(text: str, heading: bool) -> None:
    assert is_heading(text) is heading


def test_a_heading_links_only_to_a_heading() -> None:
    a = ["War Crimes Investigation", "Russia denies that its forces committed war crimes."]
    b = ["Ukraine has accused Russian forces of targeting civilians and of war crimes."]
    assert _pairs(a, b) == {(1, 0)}
    loose = replace(AlignParams(), link_threshold=0.1, short_penalty=0.0)
    assert _pairs(a[:1], b, loose) == set()
    assert _pairs(a[:1], b, replace(loose, heading_rule=False)) == {(0, 0)}
    assert _pairs(["War Crimes Investigation"], ["War Crimes Investigations"]) == {(0, 0)}


def test_a_repeated_paragraph_takes_its_first_copys_link_and_is_diffed_alone() -> None:
    a = ["Kyiv (Reuters) – " + LEAD, "Xi did not mention Ukraine in his public remarks."]
    b = [LEAD, "Putin shores up support from China.", "Advertisement", LEAD]
    alignment = align_paragraphs(a, b)
    links = {(link.a, link.b): link for link in alignment.links}
    assert {(0, 0), (0, 3)} <= set(links)
    assert not links[(0, 0)].repeat and links[(0, 3)].repeat
    assert "A repeat of an earlier paragraph" in links[(0, 3)].evidence()
    groups = link_groups(alignment.links)
    assert [links[(0, 3)]] in groups, "the copy is not diffed as part of a split"


def test_a_paragraph_printed_twice_on_both_sides_links_copy_to_copy() -> None:
    a = [LEAD, "Xi did not mention Ukraine in his public remarks.", "Advertisement", LEAD]
    b = [LEAD, "Xi made no mention of Ukraine in public.", LEAD, "Read more"]
    links = {(link.a, link.b): link for link in align_paragraphs(a, b).links}
    assert {(0, 0), (3, 2)} <= set(links)
    assert (0, 2) not in links and (3, 0) not in links
    assert links[(3, 2)].repeat and not links[(0, 0)].repeat


def test_a_paragraph_split_across_two_is_linked_to_both_by_its_sentences() -> None:
    a = [
        "Putin has yet to publicly comment on the setback his forces suffered last week.",
        "Kyiv says it has recovered more than 8,000 square kilometers, roughly the size of "
        "the island of Cyprus. The speed of progress raised hopes of further significant "
        "gains before winter hits.",
    ]
    b = [
        "Putin has yet to publicly comment on the setback suffered by his forces. Ukrainian "
        "officials say 9,000 square kilometres have been retaken, nearly the size of the "
        "island of Cyprus.",
        "The speed of the advance has lifted hopes of further gains before the winter sets in.",
    ]
    # Two paragraphs a side are too few to tell a news rewrite from a retelling, and the
    # retelling pass finds (1, 0) on its own: left out, so that the sentences are tested.
    in_gaps = replace(AlignParams(), retelling_likeness=0.0)
    assert {(0, 0), (1, 0), (1, 1)} <= _pairs(a, b, in_gaps)
    assert (1, 0) not in _pairs(a, b, replace(in_gaps, sentence_threshold=2.0))


def test_sentences_are_told_apart_in_any_script() -> None:
    texts = [
        "Власти открыли мост через Обь. Строительство обошлось в 37 миллиардов рублей.",
        "大桥今天通车。市长出席了仪式。",
        "Mr. Putin spoke. then left.",
    ]
    sentences = SentenceTerms(texts, texts)
    assert [len(sentences.of(0, k)) for k in range(3)] == [2, 2, 2]


def test_the_order_prior_is_highest_on_the_line_of_its_neighbours() -> None:
    ia = np.array([5, 5, 5])
    jb = np.array([5, 7, 0])
    prior = order_prior(ia, jb, [(0, 0), (10, 10)], (20, 20))
    assert prior[0] == pytest.approx(1.0)
    assert 1.0 > prior[1] > prior[2] > 0.0, "off the line: lower, never zero"


def test_links_carry_a_probability_that_rises_with_their_score() -> None:
    alignment = align_paragraphs([LEAD, "Sign up for our newsletter."], [LEAD + " Beijing."])
    link = alignment.links[0]
    assert link.probability is not None and 0.0 <= link.probability <= 1.0
    assert "likely right" in link.evidence()
    assert len(alignment.link_features) == len(alignment.links)
    low = probability(link_features(0.3, 0.9, 10, "candidate"))
    high = probability(link_features(0.9, 0.9, 10, "candidate"))
    assert low < high


def test_the_calibration_fit_separates_right_from_wrong_links() -> None:
    rng = np.random.default_rng(0)
    scores = rng.uniform(0, 1, 400)
    right = rng.uniform(0, 1, 400) < scores
    rows = np.array([link_features(float(s), 0.5, 10, "candidate") for s in scores])
    coefficients = fit(rows, right)
    assert coefficients[1] > 1.0, "the score weighs in favour"
    assert probability(rows[scores.argmax()], coefficients) > 0.7
    assert probability(rows[scores.argmin()], coefficients) < 0.3


def test_evidence_without_a_probability_still_reads() -> None:
    link = Link(0, 1, 0.5, LinkKind.CHANGED, ("putin",))
    assert link.evidence().startswith("Similarity 0.50\n")
