"""Documents too long to compare within the memory bound are refused before any work, the
one that takes the comparison over it named; book-length pairs still compare."""

from __future__ import annotations

import pytest

from compareapp.core.diff import comparison_size
from compareapp.core.diff.comparison_size import (
    MEMORY_BOUND,
    TooLongToCompare,
    check_comparison_size,
    memory_needed,
)
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text

VERSE = "And the evening and the morning were the third day, and it was good.\n\n"


def document(name: str, paragraphs: int, paragraph: str = VERSE) -> Document:
    return document_from_text(
        paragraph * paragraphs,
        path=f"/stories/{name}",
        name=name,
        sha256="0" * 64,
        encoding="utf-8",
        language_override="en",
    )


def test_a_book_length_pair_compares() -> None:
    """Two texts of 100,000 verses each (as long as benchmarks/run.py's 50,000-verse pair
    and more): within the bound."""
    pair = [document("a.txt", 100_000), document("b.txt", 100_000)]
    assert memory_needed(pair) < MEMORY_BOUND
    check_comparison_size(pair)


def test_a_text_of_sixty_megabytes_is_refused_with_its_size_and_what_it_would_need() -> None:
    small, huge = document("wire.txt", 20), document("sixty.txt", 900_000)
    assert len(huge.text) > 60_000_000
    with pytest.raises(TooLongToCompare) as refused:
        check_comparison_size([small, huge])
    assert refused.value.document is huge
    assert refused.value.path == "/stories/sixty.txt"
    reason = refused.value.reason
    assert f"its {len(huge.text):,} characters in 900,000 paragraphs" in reason
    needed = memory_needed([small, huge]) / 1024**3
    assert f"would need about {needed:.1f} GB of memory to compare, over the 2 GB" in reason


def test_the_document_that_takes_the_comparison_over_the_bound_is_the_one_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each document fits alone; the third, added to the first two, does not."""
    documents = [document(name, 1_000) for name in ("one.txt", "two.txt", "three.txt")]
    monkeypatch.setattr(comparison_size, "MEMORY_BOUND", memory_needed(documents[:2]))
    check_comparison_size(documents[:2])
    with pytest.raises(TooLongToCompare) as refused:
        check_comparison_size(documents)
    assert refused.value.document is documents[2]


def test_many_short_paragraphs_count_as_well_as_many_characters() -> None:
    """The same characters in more paragraphs need more memory."""
    long_paragraphs = document("long.txt", 1_000, (VERSE.strip() + " ") * 10 + "\n\n")
    short_paragraphs = document("short.txt", 10_000)
    assert len(long_paragraphs.text) == pytest.approx(len(short_paragraphs.text), rel=0.02)
    assert memory_needed([short_paragraphs]) > memory_needed([long_paragraphs])
