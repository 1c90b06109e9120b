"""A row of the discrepancy table: each source's wording of one fact."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from compareapp.core.documents.document import Document
from compareapp.core.facts.fact_kind import FactKind

CONTEXT_CHARS = 60
"""Characters of context on each side of a version's words."""

RANK = {kind: rank for rank, kind in enumerate(FactKind)}
"""Rows are listed by how much they matter: numbers and quotations first, spelling last."""


@dataclass(frozen=True)
class Version:
    """One source's wording of a fact: the words ``[start, end)`` of its text."""

    start: int
    end: int
    text: str
    document: Document | None = field(default=None, repr=False, compare=False)
    """The source, for the context; None when ``text`` is its own context."""

    @cached_property
    def context(self) -> str:
        """The words between ⟨ ⟩ with up to CONTEXT_CHARS of their paragraph on each
        side, on one line (worked out when first asked for: most rows are never shown)."""
        if self.document is None:
            return " ".join(self.text.split())
        document, start, end = self.document, self.start, self.end
        paragraph = document.paragraph_at(start)
        low = paragraph.start if paragraph else 0
        high = paragraph.end if paragraph else len(document.text)
        before = document.text[max(low, start - CONTEXT_CHARS) : start]
        after = document.text[end : min(high, end + CONTEXT_CHARS)]
        context = ("…" if start - CONTEXT_CHARS > low else "") + before
        context += "⟨" + self.text + "⟩" + after
        context += "…" if end + CONTEXT_CHARS < high else ""
        return " ".join(context.split())


@dataclass(frozen=True)
class Discrepancy:
    kind: FactKind
    versions: tuple[Version | None, ...]
    """One per document, in document order; None where the source does not say it."""
    position: tuple[int, int]
    """(document, offset) where the row's fact first appears, to order rows."""

    @property
    def key(self) -> str:
        """A stable name for the row (kind and where it is in each source)."""
        places = ",".join(f"{v.start}-{v.end}" if v else "-" for v in self.versions)
        return f"{self.kind.value}:{places}"


def version(document: Document, span: tuple[int, int]) -> Version | None:
    """The words ``span`` of ``document``; None for no words."""
    start, end = span
    if end <= start:
        return None
    return Version(start, end, document.text[start:end], document)
