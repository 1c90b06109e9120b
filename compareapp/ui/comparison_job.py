"""The slow part of opening a comparison, run off the UI thread: read the files, align
and diff them, and prepare each pane's formatted text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from compareapp.core.comparison import Comparison
from compareapp.core.discrepancies import find_discrepancies
from compareapp.core.display_text import DisplayText
from compareapp.core.document import Document
from compareapp.core.loading import LoadError, load_document
from compareapp.core.pasted import PasteError, document_from_clipboard
from compareapp.core.view_model import ComparisonViewModel, DifferenceFilter
from compareapp.ui.comparison_view import ComparisonResult
from compareapp.ui.document_builder import build_text_document
from compareapp.ui.tasks import BackgroundTask


@dataclass(frozen=True)
class PendingSource:
    """A file to load as the source ``source_id`` of the session (a reloaded, replaced or
    reopened source keeps its id, so its review marks follow it)."""

    path: str
    source_id: str
    fallback: Document | None = None
    """The version to keep when the file cannot be read (a reload or a replacement that
    fails leaves the document as it was)."""


@dataclass(frozen=True)
class PastedSource:
    """What the clipboard held, to become a new document named after ``at`` (unlike each
    name of ``taken``)."""

    text: str | None
    html: str | None
    at: datetime
    taken: frozenset[str]


Source = Document | str | PendingSource | PastedSource


@dataclass
class JobOutcome:
    """The documents that loaded, the files that did not, and the comparison when there
    are at least two documents."""

    documents: list[Document]
    errors: list[LoadError | PasteError]
    result: ComparisonResult | None

    def error_messages(self) -> list[str]:
        return [
            f"Cannot open {error.path}: {error.reason}"
            if isinstance(error, LoadError)
            else str(error)
            for error in self.errors
        ]


def prepare_comparison(
    sources: Sequence[Source],
    base: int,
    difference_filter: DifferenceFilter | bool,
    task: BackgroundTask,
) -> JobOutcome:
    """Load the ``sources`` that are paths, then compare everything with document ``base``,
    showing the differences ``difference_filter`` counts (a bool: whether typographic ones)."""
    documents: list[Document] = []
    errors: list[LoadError | PasteError] = []
    for source in sources:
        if isinstance(source, Document):
            documents.append(source)
            continue
        if isinstance(source, PastedSource):
            task.progress("Reading the pasted text")
            try:
                documents.append(
                    document_from_clipboard(source.text, source.html, source.at, source.taken)
                )
            except PasteError as error:
                errors.append(error)
            continue
        path = source.path if isinstance(source, PendingSource) else source
        task.progress(f"Reading {path}")
        try:
            document = load_document(path)
        except LoadError as error:
            errors.append(error)
            if isinstance(source, PendingSource) and source.fallback is not None:
                documents.append(source.fallback)
            continue
        if isinstance(source, PendingSource):
            document = replace(document, source_id=source.source_id)
        documents.append(document)
    if len(documents) < 2:
        return JobOutcome(documents, errors, None)
    comparison = Comparison(documents, base=min(max(base, 0), len(documents) - 1))
    model = ComparisonViewModel(comparison, difference_filter)
    for other in comparison.others():
        task.progress(f"Aligning {documents[other].name} with {documents[comparison.base].name}")
        comparison.pair(comparison.base, other)
    for left in range(len(documents) - 1):
        task.check()
        model.bands(left, left + 1)
    displays, text_documents = [], []
    for index, document in enumerate(documents):
        task.progress(f"Highlighting {document.name}")
        displays.append(DisplayText.of(document))
        text_documents.append(
            build_text_document(
                displays[-1], model.highlights(index), model.unique_paragraphs(index)
            )
        )
        model.stops(index)
        model.paragraph_marks(index)
        if index != model.base:
            model.sync_groups(index)
        document.word_count  # noqa: B018 (computed here, off the UI thread, and kept)
    model.counts()
    task.progress("Listing the facts that differ")
    discrepancies = find_discrepancies(model)
    result = ComparisonResult(model, displays, text_documents, discrepancies)
    return JobOutcome(documents, errors, result)
