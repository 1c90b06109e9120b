"""The slow part of opening a comparison, run off the UI thread: read the files, align
and diff them, and prepare each pane's formatted text; then, in a second job while the
comparison is already on screen, list its discrepancies.

Once the files are read, and before the slow part, the job can hand the window a preview:
the start of each document's text, plain, so that the panes show something to read while
the comparison is computed.

Only the sources' types are imported with this module: the window imports it at start-up,
and the comparison's modules (numpy among them) load in the job, off the UI thread.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compareapp.core.documents.document import Document
from compareapp.core.review.session import SessionSource

if TYPE_CHECKING:
    from datetime import datetime

    from compareapp.core.documents.loading import LoadError
    from compareapp.core.documents.pasted import PasteError
    from compareapp.core.facts.discrepancies import Discrepancy
    from compareapp.core.present.display_text import DisplayText
    from compareapp.core.present.view_model import ComparisonViewModel, DifferenceFilter
    from compareapp.ui.panes.comparison_result import ComparisonPreview, ComparisonResult
    from compareapp.ui.tasks import BackgroundTask


FIRST_SCREEN_PARAGRAPHS = 2_000
"""Documents with more paragraphs than this in all show their first screens compared
before the rest of their wording is: for fewer, the whole comparison comes a fraction of
a second later, and showing the panes a third time in a moment would only flicker."""


@dataclass(frozen=True)
class PendingSource:
    """A file to load as the source ``source_id`` of the session (a reloaded, replaced or
    located source keeps its id, so its review marks follow it)."""

    path: str
    source_id: str
    fallback: Document | None = None
    """The version to keep when the file cannot be read (a reload or a replacement that
    fails leaves the document as it was)."""
    encoding: str | None = None
    """The encoding the user chose to read it in (None: the one the decoder assumes)."""
    language: str = ""
    """The language the user chose for it ("": the detected one)."""

    @classmethod
    def again(cls, document: Document, encoding: str | None = None) -> PendingSource:
        """``document``'s file read again as the same source, with the user's choices (a
        chosen ``encoding`` replaces the one it was read in)."""
        if encoding is None and document.encoding_chosen:
            encoding = document.encoding
        return cls(
            document.path, document.source_id, document, encoding, document.language_override
        )


@dataclass(frozen=True)
class PastedSource:
    """What the clipboard held, to become a new document named after ``at`` (unlike each
    name of ``taken``)."""

    text: str | None
    html: str | None
    at: datetime
    taken: frozenset[str]


Source = Document | str | PendingSource | PastedSource | SessionSource
"""What a job compares: a document already read, a file, a file read as a source of the
session, the clipboard's contents, or a saved session's source (its file, or its text kept
in the session)."""


@dataclass
class JobOutcome:
    """The documents that loaded, the files that did not, and the comparison when there
    are at least two documents."""

    documents: list[Document]
    errors: list[LoadError | PasteError]
    result: ComparisonResult | None

    def error_messages(self) -> list[str]:
        from compareapp.core.diff.comparison_size import TooLongToCompare
        from compareapp.core.documents.loading import LoadError

        return [
            f"Cannot {'compare' if isinstance(error, TooLongToCompare) else 'open'} "
            f"{error.path}: {error.reason}"
            if isinstance(error, LoadError)
            else str(error)
            for error in self.errors
        ]


def prepare_comparison(
    sources: Sequence[Source],
    base: int,
    difference_filter: DifferenceFilter | Mapping[str, bool],
    task: BackgroundTask,
    preview: bool = False,
) -> JobOutcome:
    """Load the ``sources`` that are paths, then compare everything with document ``base``,
    showing the differences ``difference_filter`` counts (a
    mapping: the fields of the :class:`DifferenceFilter`, made here, off the UI thread).
    With ``preview``, the start of the documents' text (a :class:`ComparisonPreview`) goes
    to ``task.preview`` as soon as they are read."""
    # Imported here, in the job's thread: the window starts without them.
    from compareapp.core.documents.loading import LoadError
    from compareapp.core.documents.pasted import PasteError, document_from_clipboard
    from compareapp.ui.tasks import collector_paused_for

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
        try:
            documents.append(_read(source, task))
        except LoadError as error:
            errors.append(error)
            if isinstance(source, PendingSource) and source.fallback is not None:
                documents.append(source.fallback)
    documents = _within_memory_bound(documents, errors)
    if len(documents) < 2:
        return JobOutcome(documents, errors, None)
    with collector_paused_for(sum(len(document.paragraphs) for document in documents)):
        return _compared(documents, errors, base, difference_filter, task, preview)


def _compared(
    documents: list[Document],
    errors: list[LoadError | PasteError],
    base: int,
    difference_filter: DifferenceFilter | Mapping[str, bool],
    task: BackgroundTask,
    preview: bool,
) -> JobOutcome:
    """:func:`prepare_comparison` once at least two documents are read."""
    from compareapp.core.diff.comparison import Comparison
    from compareapp.core.present.display_text import DisplayText
    from compareapp.core.present.view_model import ComparisonViewModel, DifferenceFilter
    from compareapp.ui.panes.comparison_result import ComparisonPreview, ComparisonResult
    from compareapp.ui.panes.document_builder import build_preview_document, build_text_document

    base = min(max(base, 0), len(documents) - 1)
    displays = [DisplayText.of(document) for document in documents]
    for document in documents:
        document.word_count  # noqa: B018 (computed here, off the UI thread, and kept)
    if preview:
        starts = [build_preview_document(display) for display in displays]
        task.preview(ComparisonPreview(list(documents), starts, base))
    if isinstance(difference_filter, Mapping):
        difference_filter = DifferenceFilter(**difference_filter)
    comparison = Comparison(documents, base=base, progress=task.progress)
    model = ComparisonViewModel(comparison, difference_filter)
    for other in comparison.others():
        task.progress(f"Aligning {documents[other].name} with {documents[comparison.base].name}")
        comparison.alignment(comparison.base, other)
    if preview and sum(len(d.paragraphs) for d in documents) > FIRST_SCREEN_PARAGRAPHS:
        task.preview(_first_screen(model, displays))
    for other in comparison.others():
        task.progress(f"Comparing the wording of {documents[other].name}")
        comparison.pair(comparison.base, other)
    comparison.progress = None  # later pairs are computed on the UI thread, for no task
    bands = []
    for left in range(len(documents) - 1):
        task.check()
        bands.append(model.bands(left, left + 1))
    text_documents = []
    for index, document in enumerate(documents):
        task.progress(f"Highlighting {document.name}")
        text_documents.append(
            build_text_document(
                displays[index],
                model.highlights(index),
                model.unique_paragraphs(index),
                model.dimmed_paragraphs(index),
            )
        )
        model.stops(index)
        model.paragraph_marks(index)
        if index != model.base:
            model.sync_groups(index)
    model.counts()
    return JobOutcome(documents, errors, ComparisonResult(model, displays, text_documents, bands))


def _first_screen(model: ComparisonViewModel, displays: list[DisplayText]) -> ComparisonPreview:
    """The start of each document, as the plain preview shows it, with its highlights and
    the bands between the base's paragraphs and another's: the link groups that reach it
    diffed, and no others."""
    from compareapp.ui.panes.comparison_result import ComparisonPreview
    from compareapp.ui.panes.document_builder import build_preview_document, preview_paragraphs

    shown = [preview_paragraphs(display) for display in displays]
    first = model.first_screen(shown)
    starts = [
        build_preview_document(
            display,
            highlights=first.highlights(index),
            unique=first.unique_paragraphs(index),
            dimmed=first.dimmed_paragraphs(index),
        )
        for index, display in enumerate(displays)
    ]
    bands = [  # between the base and its neighbours: the other pairs are not aligned yet
        [
            band
            for band in first.bands(left, left + 1)
            if band.left < shown[left] and band.right < shown[left + 1]
        ]
        if model.base in (left, left + 1)
        else []
        for left in range(len(displays) - 1)
    ]
    return ComparisonPreview(list(model.comparison.documents), starts, model.base, bands)


def _within_memory_bound(
    documents: list[Document], errors: list[LoadError | PasteError]
) -> list[Document]:
    """``documents`` without those too long to compare with the others, each named in
    ``errors``."""
    from compareapp.core.diff.comparison_size import TooLongToCompare, check_comparison_size

    while True:
        try:
            check_comparison_size(documents)
            return documents
        except TooLongToCompare as error:
            errors.append(error)
            documents = [document for document in documents if document is not error.document]


def _read(source: str | PendingSource | SessionSource, task: BackgroundTask) -> Document:
    """The document of a file, or of a source of the session (it keeps its id, so its
    review marks follow it); raises :class:`~compareapp.core.documents.loading.LoadError`.
    The command line opens a session's sources with the same functions."""
    from compareapp.core.documents.loading import load_document
    from compareapp.core.review.session_sources import load_as_source, open_source

    if isinstance(source, SessionSource):
        if source.embedded is None:  # a text kept in the session is not read
            task.progress(f"Reading {source.path}")
        return open_source(source)
    task.progress(f"Reading {source if isinstance(source, str) else source.path}")
    if isinstance(source, PendingSource):
        return load_as_source(source.path, source.source_id, source.encoding, source.language)
    return load_document(source)


def list_discrepancies(model: ComparisonViewModel, task: BackgroundTask) -> list[Discrepancy]:
    """The discrepancy table of a comparison already on screen, page furniture's rows
    included (the view model's ``shown_rows`` picks those to show): a second job, since for
    a book it takes seconds. It reads the comparison's pairs from the base, already worked
    out, and no view model's caches, so the window's may be used meanwhile."""
    from compareapp.core.facts.discrepancies import find_discrepancies
    from compareapp.ui.tasks import collector_paused_for

    paragraphs = sum(len(document.paragraphs) for document in model.comparison.documents)
    with collector_paused_for(paragraphs):
        return find_discrepancies(model.comparison, task.check, True)  # furniture's rows too
