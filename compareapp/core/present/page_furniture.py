"""Page furniture as the window sees it (:mod:`compareapp.core.facts.furniture`): which
paragraphs of each document are captions, credits, prompts and the like, each document
worked out once, and whether an offset or a discrepancy row lies in furniture."""

from __future__ import annotations

from collections.abc import Sequence

from compareapp.core.documents.document import Document
from compareapp.core.facts.furniture import furniture_paragraphs, without_furniture
from compareapp.core.facts.rows import Discrepancy


class PageFurniture:
    """The page furniture of ``documents``."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = documents
        self._found: dict[int, frozenset[int]] = {}

    def paragraphs(self, document: int) -> frozenset[int]:
        """The paragraphs of ``document`` that are page furniture."""
        if document not in self._found:
            self._found[document] = furniture_paragraphs(self.documents[document])
        return self._found[document]

    def at(self, document: int, offset: int) -> bool:
        """Is character ``offset`` of ``document`` in a paragraph of page furniture?"""
        paragraph = self.documents[document].paragraph_at(offset)
        return paragraph is not None and paragraph.index in self.paragraphs(document)

    def rows_without(self, rows: list[Discrepancy]) -> list[Discrepancy]:
        """``rows`` less those whose every wording is furniture."""
        every = [self.paragraphs(index) for index in range(len(self.documents))]
        return without_furniture(self.documents, rows, every)
