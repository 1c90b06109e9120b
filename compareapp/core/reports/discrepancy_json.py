"""The discrepancy table as data for other programs: ``compareapp discrepancies --format
json``, and the ``discrepancies`` list of ``compare --format json`` (schema in
docs/discrepancies-json.md)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from compareapp.core.documents.document import Document
from compareapp.core.facts.discrepancies import Discrepancy, Version
from compareapp.core.review.marks import MarkStatus

SCHEMA = "compareapp.discrepancies"
SCHEMA_VERSION = 1

Statuses = Sequence[set[MarkStatus]]
"""Per row, the statuses of the review marks on its words (with a session)."""


def discrepancies_to_json(
    documents: Sequence[Document],
    base: int,
    rows: Sequence[Discrepancy],
    statuses: Statuses | None = None,
) -> dict[str, Any]:
    """A JSON-ready dict of the table: the sources, then one entry per row."""
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "base": base,
        "documents": [
            {"index": index, "name": document.name, "path": document.path}
            for index, document in enumerate(documents)
        ],
        "discrepancies": discrepancy_rows(documents, rows, statuses),
    }


def discrepancy_rows(
    documents: Sequence[Document], rows: Sequence[Discrepancy], statuses: Statuses | None = None
) -> list[dict[str, Any]]:
    """One dict per row: its kind, each source's wording (None where the source does not
    say it) and, with ``statuses``, the review statuses on its words."""
    found = []
    for number, row in enumerate(rows):
        entry: dict[str, Any] = {
            "kind": row.kind.value,
            "versions": [
                None if version is None else _version(document, index, version)
                for index, (document, version) in enumerate(
                    zip(documents, row.versions, strict=True)
                )
            ],
        }
        if statuses is not None:
            entry["review"] = sorted(status.value for status in statuses[number])
        found.append(entry)
    return found


def paragraph_number(document: Document, version: Version) -> int | None:
    """The index of the paragraph a source's wording starts in."""
    paragraph = document.paragraph_at(version.start)
    return paragraph.index if paragraph is not None else None


def _version(document: Document, index: int, version: Version) -> dict[str, Any]:
    return {
        "doc": index,
        "paragraph": paragraph_number(document, version),
        "start": version.start,
        "end": version.end,
        "text": version.text,
        "context": version.context,
    }
