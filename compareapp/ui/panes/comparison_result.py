"""What the background job prepares for the comparison view: the result to show, and the
preview shown while it is computed. Data only: the job builds them off the UI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the comparison's modules load with the first comparison, not the window
    from PySide6.QtGui import QTextDocument

    from compareapp.core.documents.document import Document
    from compareapp.core.present.display_text import DisplayText
    from compareapp.core.present.view_model import Band, ComparisonViewModel


@dataclass
class ComparisonResult:
    """What the background job prepares for the view."""

    model: ComparisonViewModel
    displays: list[DisplayText]
    text_documents: list[QTextDocument]
    bands: list[list[Band]]
    """The link map's bands between each pane and the next (a book's take 50 ms)."""

    @property
    def documents(self) -> list[Document]:
        return list(self.model.comparison.documents)


@dataclass
class ComparisonPreview:
    """What the background job hands over while the comparison is computed: as soon as the
    documents are read, the start of each one's text, plain (``build_preview_document``);
    once they are aligned, the same start with its highlights and its links' bands."""

    documents: list[Document]
    text_documents: list[QTextDocument]
    base: int
    bands: list[list[Band]] | None = None
    """The bands between each pane and the next whose paragraphs are both in the previews
    (None: the plain preview, made before the alignment)."""
