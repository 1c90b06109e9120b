"""A link group's word differences, sentence by sentence: a sentence moved into another
paragraph is diffed against its counterpart, wherever it lies in the group; a sentence with
no counterpart is deleted or inserted whole; every offset lands on its words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.comparison import Comparison
from compareapp.core.diff.group_diff import group_differences
from compareapp.core.diff.inline_diff import Difference, Operation, Passage, diff_passages
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text
from compareapp.core.text.normalize import tokenize
from tests.helpers.seed_marks import seed_pair

# Paragraph 0 of the rewrite takes the first sentence of the original's paragraph 1 (with
# a new figure); its paragraph 1 keeps the rest: a many-to-many group.
ORIGINAL = (
    "The harbour board met on Monday to discuss the storm damage along the quay.\n\n"
    "Engineers counted 120 damaged moorings along the northern breakwater. The repairs are "
    "expected to last until the spring, the board's chair said."
)
REWRITE = (
    "The harbour board met on Monday to discuss the storm damage. Engineers counted 150 "
    "damaged moorings along the northern breakwater.\n\n"
    "Repairs should last until the spring, the board's chair said."
)


def _doc(text: str, name: str) -> Document:
    return document_from_text(text, path=name, name=name, sha256=name, encoding="utf-8")


def _group(text_a: str, text_b: str) -> tuple[Document, Document, list[Difference]]:
    doc_a, doc_b = _doc(text_a, "a.txt"), _doc(text_b, "b.txt")
    every_a = list(range(len(doc_a.paragraphs)))
    every_b = list(range(len(doc_b.paragraphs)))
    return doc_a, doc_b, group_differences(doc_a, doc_b, every_a, every_b)


def _check_offsets(doc_a: Document, doc_b: Document, differences: Sequence[Difference]) -> None:
    """Each difference's texts are the documents' text at its offsets, and the words left
    outside the differences are the same words on both sides."""
    for d in differences:
        assert doc_a.text[d.a_start : d.a_end] == d.a_text
        assert doc_b.text[d.b_start : d.b_end] == d.b_text
    changes = [d for d in differences if d.operation is not Operation.TYPOGRAPHIC]
    kept_a = _kept_words(doc_a, [(d.a_start, d.a_end) for d in changes])
    assert kept_a == _kept_words(doc_b, [(d.b_start, d.b_end) for d in changes])


def _kept_words(document: Document, changed: list[tuple[int, int]]) -> Counter[str]:
    return Counter(
        token.key
        for token in tokenize(document.text)
        if not any(s <= token.start and token.end <= e for s, e in changed if e > s)
    )


def test_a_sentence_moved_into_another_paragraph_is_diffed_against_its_counterpart() -> None:
    doc_a, doc_b, differences = _group(ORIGINAL, REWRITE)
    numbers = [d for d in differences if d.kind is DifferenceClass.NUMBER]
    assert [(d.a_text, d.b_text) for d in numbers] == [("120", "150")]
    assert doc_a.paragraph_at(numbers[0].a_start).index == 1
    assert doc_b.paragraph_at(numbers[0].b_start).index == 0
    moved = doc_a.text.index("Engineers counted")
    assert not any(d.operation is Operation.DELETE and moved <= d.a_start for d in differences), (
        "nothing of the moved sentence is deleted"
    )
    _check_offsets(doc_a, doc_b, differences)


def test_a_sentence_with_no_counterpart_is_deleted_whole_inside_the_group() -> None:
    added = "Divers will inspect the breakwater's foundations next week."
    doc_a, doc_b, differences = _group(ORIGINAL, REWRITE.replace("said.", f"said. {added}"))
    inserted = [d for d in differences if d.operation is Operation.INSERT and d.b_text == added]
    assert len(inserted) == 1
    point = inserted[0].a_start
    assert doc_a.paragraphs[1].start <= point <= doc_a.paragraphs[1].end, "beside its neighbour"
    _check_offsets(doc_a, doc_b, differences)


def test_sentences_reordered_across_a_split_are_matched_each_to_its_own() -> None:
    original = (
        "The museum reopens on Friday after a two-year renovation. Entry will cost twelve "
        "pounds for adults. Children under five go free."
    )
    rewrite = (
        "Children under five still go free. The museum reopens on Friday after a long "
        "renovation.\n\nEntry will cost twelve pounds for adults."
    )
    doc_a, doc_b, differences = _group(original, rewrite)
    changed = sorted((d.a_text, d.b_text) for d in differences)
    assert changed == [("", "still"), ("two-year", "long")]
    _check_offsets(doc_a, doc_b, differences)


def test_a_group_whose_sentences_match_nothing_is_diffed_whole() -> None:
    original = "Rain fell all night.\n\nThe river rose."
    rewrite = "Flood warnings stayed in place as water kept climbing overnight."
    doc_a, doc_b, differences = _group(original, rewrite)
    whole = diff_passages(
        Passage(doc_a.text, [(p.start, p.end) for p in doc_a.paragraphs]),
        Passage(doc_b.text, [(p.start, p.end) for p in doc_b.paragraphs]),
    )
    assert differences == whole
    _check_offsets(doc_a, doc_b, differences)


def test_a_quotation_over_two_sentences_stays_a_quotation_when_diffed_by_sentence() -> None:
    original = '"We acted fast. We saved the quay," the chair said.\n\nThe board met on Monday.'
    rewrite = 'The board met on Monday. "We acted fast. We rescued the quay," the chair said.'
    differences = _group(original, rewrite)[2]
    assert [(d.a_text, d.b_text, d.kind) for d in differences] == [
        ("saved", "rescued", DifferenceClass.QUOTATION)
    ]


def test_the_seed_pairs_8000_and_9000_are_one_number_change_of_one_link() -> None:
    reuters, cbc = seed_pair()
    comparison = Comparison([reuters, cbc])
    found = [
        (pair.link, d)
        for pair in comparison.pairs(0, 1)
        for d in pair.differences
        if "8,000" in d.a_text or "9,000" in d.b_text
    ]
    assert len(found) == 1
    link, difference = found[0]
    assert difference.kind is DifferenceClass.NUMBER
    assert "8,000" in difference.a_text and "9,000" in difference.b_text
    assert reuters.paragraphs[link.a].text.startswith("Kyiv says it has recovered")
    assert "9,000 square kilometres" in cbc.paragraphs[link.b].text
    for pair in comparison.pairs(0, 1):
        for d in pair.differences:
            assert reuters.text[d.a_start : d.a_end] == d.a_text
            assert cbc.text[d.b_start : d.b_end] == d.b_text
