"""The discrepancy table as CSV for a spreadsheet (``compareapp discrepancies --format
csv``): one row per fact, one column per source (its wording, empty where the source
does not say it), then one column per source for the paragraph number."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from compareapp.core.documents.document import Document
from compareapp.core.facts.discrepancies import Discrepancy, Version
from compareapp.core.reports.discrepancy_json import Statuses, paragraph_number


def discrepancies_to_csv(
    documents: Sequence[Document], rows: Sequence[Discrepancy], statuses: Statuses | None = None
) -> str:
    """RFC 4180 CSV (comma-separated, CRLF line ends, fields quoted where needed)."""
    stream = io.StringIO()
    writer = csv.writer(stream)
    header = ["kind", *(document.name for document in documents)]
    header += [f"paragraph in {document.name}" for document in documents]
    writer.writerow([*header, *(["review"] if statuses is not None else [])])
    for number, row in enumerate(rows):
        pairs = list(zip(documents, row.versions, strict=True))
        wordings = [" ".join(v.text.split()) if v else "" for _d, v in pairs]
        paragraphs = [_paragraph(document, version) for document, version in pairs]
        review = [] if statuses is None else [" ".join(sorted(s.value for s in statuses[number]))]
        writer.writerow([row.kind.value, *wordings, *paragraphs, *review])
    return stream.getvalue()


def _paragraph(document: Document, version: Version | None) -> str:
    if version is None:
        return ""
    paragraph = paragraph_number(document, version)
    return "" if paragraph is None else str(paragraph + 1)
