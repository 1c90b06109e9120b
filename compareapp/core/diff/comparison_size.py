"""How much memory a comparison will need, and the documents too long to compare within 2 GB.

At book length a comparison's memory grows with its documents' characters and paragraphs
(measured with ``/usr/bin/time -v compareapp compare``: about 90 bytes a character and
1,200 bytes a paragraph above the 150 MB the program needs itself; 1.4 GB for the
50,000-verse Bible pair, 5.9 GB for a 60 MB text against the sample, 0.35 GB for 100,000
one-word paragraphs). Rather than grow until the system stops the program, losing the
user's work, a comparison that would need more than :data:`MEMORY_BOUND` is refused before
it starts, and the document that took it over the bound is named.
"""

from __future__ import annotations

from collections.abc import Sequence

from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import LoadError

MEMORY_BOUND = 2 * 1024**3
"""The most memory a comparison may need, in bytes."""
BYTES_PER_CHARACTER = 90
BYTES_PER_PARAGRAPH = 1_200
PROGRAM_BYTES = 150 * 1024**2
"""What the program holds before comparing (Python, numpy, the language and word models)."""


class TooLongToCompare(LoadError):
    """A document that, with the others before it, would take the comparison over the
    memory bound; the message says how much it would need."""

    def __init__(self, document: Document, reason: str) -> None:
        super().__init__(document.path or document.name, reason)
        self.document = document


def memory_needed(documents: Sequence[Document]) -> int:
    """The memory, in bytes, comparing ``documents`` is expected to need."""
    characters = sum(len(document.text) for document in documents)
    paragraphs = sum(len(document.paragraphs) for document in documents)
    return PROGRAM_BYTES + BYTES_PER_CHARACTER * characters + BYTES_PER_PARAGRAPH * paragraphs


def check_comparison_size(documents: Sequence[Document]) -> None:
    """Raise :class:`TooLongToCompare` for the first document that takes the comparison
    of ``documents`` (in order) over :data:`MEMORY_BOUND`."""
    for count, document in enumerate(documents, start=1):
        needed = memory_needed(documents[:count])
        if needed > MEMORY_BOUND:
            raise TooLongToCompare(
                document,
                f"its {len(document.text):,} characters in {len(document.paragraphs):,} "
                f"paragraphs would need about {needed / 1024**3:.1f} GB of memory to "
                f"compare, over the {MEMORY_BOUND // 1024**3} GB compareapp allows itself; "
                "compare a part of it",
            )
