"""Alignment of reordered, split, merged, paraphrased, unrelated and boilerplate paragraphs."""

from __future__ import annotations

import pytest

from compareapp.core.align.aligner import LinkKind, align_paragraphs

STORY = [
    "The city council approved a new budget of 40 million dollars for road repairs on Monday.",
    "Mayor Jane Holloway said the repairs would begin in April and last two years.",
    "Opposition councillors criticised the plan, saying it ignored public transport entirely.",
    "The vote passed by nine votes to four after a debate that lasted more than three hours.",
    "Residents of the eastern districts have complained about potholes for a decade.",
]


def _pairs(a: list[str], b: list[str]) -> set[tuple[int, int]]:
    return {(link.a, link.b) for link in align_paragraphs(a, b).links}


def test_identical_paragraphs_link_in_order_as_identical() -> None:
    alignment = align_paragraphs(STORY, [text.replace("'", "’") for text in STORY])
    assert {(link.a, link.b) for link in alignment.links} == {(i, i) for i in range(5)}
    assert {link.kind for link in alignment.links} == {LinkKind.IDENTICAL}
    assert alignment.unique_a == alignment.unique_b == ()


def test_paragraph_moved_from_end_to_start_is_linked_and_marked_moved() -> None:
    rewrite = [STORY[4], *STORY[:4]]
    alignment = align_paragraphs(STORY, rewrite)
    links = {(link.a, link.b): link.kind for link in alignment.links}
    assert set(links) == {(4, 0), (0, 1), (1, 2), (2, 3), (3, 4)}
    assert links[(4, 0)] is LinkKind.MOVED
    assert [kind for pair, kind in links.items() if pair != (4, 0)] == [LinkKind.IDENTICAL] * 4


def test_paraphrase_from_the_seed_pair_is_linked() -> None:
    a = [
        "Russian President Vladimir Putin said on Thursday he understands Chinese President Xi "
        "Jinping has concerns about the situation in Ukraine, in a surprising acknowledgment of "
        "a rift with Beijing over the war after a week of Russia's staggering losses.",
        "Register now to get free unlimited access to Reuters.com",
    ]
    b = [
        "Russian President Vladimir Putin said on Thursday he understood China's Xi Jinping had "
        "concerns about the situation in Ukraine, a surprise acknowledgement of friction with "
        "Beijing over the war after a week of stunning Russian losses.",
        "Putin shores up support from China after losses in Ukraine",
    ]
    alignment = align_paragraphs(a, b)
    assert {(link.a, link.b) for link in alignment.links} == {(0, 0)}
    assert alignment.links[0].kind is LinkKind.CHANGED
    assert 0 < alignment.links[0].score < 1
    shared = alignment.links[0].shared_terms
    assert len(shared) >= 3
    assert all(term in a[0].lower() and term in b[0].lower() for term in shared)
    assert alignment.unique_a == (1,) and alignment.unique_b == (1,)


def test_split_paragraph_links_to_both_parts() -> None:
    whole = (
        "The bridge will close on Friday for inspection after engineers found cracks in two "
        "support pillars. Drivers will be diverted through the old town, adding twenty minutes "
        "to the journey for commuters from the northern suburbs."
    )
    parts = [
        "Engineers found cracks in two support pillars, so the bridge will close on Friday "
        "for an inspection.",
        "Commuters from the northern suburbs face twenty extra minutes as drivers are diverted "
        "through the old town.",
    ]
    alignment = align_paragraphs([STORY[0], whole, STORY[4]], [STORY[0], *parts, STORY[4]])
    assert {(link.a, link.b) for link in alignment.links} == {(0, 0), (1, 1), (1, 2), (2, 3)}
    assert [link.one_to_many for link in alignment.links if link.a == 1] == [True, True]


def test_merged_paragraphs_link_to_the_merge() -> None:
    merged = (
        STORY[1].rstrip(".") + ", while opposition councillors criticised the plan for "
        "ignoring public transport entirely."
    )
    assert _pairs(STORY[:4], [STORY[0], merged, STORY[3]]) == {(0, 0), (1, 1), (2, 1), (3, 2)}


@pytest.mark.parametrize(
    "unrelated",
    [
        "Sign up for our morning newsletter",
        "WATCH | Holloway speaks to reporters",
        "The weather will be sunny with light winds from the west.",
        "Photo: Jane Holloway at the council meeting on Monday. (City Press)",
    ],
    ids=["sign-up", "video-blurb", "unrelated", "caption-sharing-names"],
)
def test_boilerplate_and_unrelated_paragraphs_stay_unique(unrelated: str) -> None:
    alignment = align_paragraphs(STORY, [*STORY[:2], unrelated, *STORY[2:]])
    assert 2 in alignment.unique_b
    assert all(link.b != 2 for link in alignment.links)


def test_unrelated_documents_have_no_links() -> None:
    other = [
        "The orchestra opens its season with a programme of Brahms and Sibelius.",
        "Tickets for the gala concert go on sale at the box office next week.",
    ]
    alignment = align_paragraphs(STORY, other)
    assert alignment.links == ()
    assert alignment.unique_a == tuple(range(5)) and alignment.unique_b == (0, 1)


def test_every_paragraph_is_linked_or_unique() -> None:
    a = [*STORY, "An extra paragraph about the library opening hours on weekends."]
    b = [STORY[3], STORY[0] + " Critics disagreed.", STORY[2], "Something else entirely here."]
    alignment = align_paragraphs(a, b)
    linked_a = {link.a for link in alignment.links}
    linked_b = {link.b for link in alignment.links}
    assert linked_a | set(alignment.unique_a) == set(range(len(a)))
    assert linked_b | set(alignment.unique_b) == set(range(len(b)))
    assert not linked_a & set(alignment.unique_a)
