"""The comparison as data for other programs (JSON, schema in docs/comparison-json.md)."""

from __future__ import annotations

from typing import Any

from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.comparison import Comparison
from compareapp.core.diff.inline_diff import Difference
from compareapp.core.documents.document import Document

SCHEMA = "compareapp.comparison"
SCHEMA_VERSION = 1


def comparison_to_json(comparison: Comparison, *, typographic: bool = False) -> dict[str, Any]:
    """A JSON-ready dict of the comparison; typographic-only differences only if asked."""
    links = []
    for pair in comparison.against_base():
        for linked in pair.pairs:
            link = linked.link
            links.append(
                {
                    "a": {"doc": pair.a, "para": link.a},
                    "b": {"doc": pair.b, "para": link.b},
                    "score": link.score,
                    "kind": link.kind.value,
                    "one_to_many": link.one_to_many,
                    "shared_terms": list(link.shared_terms),
                    "differences": [
                        _difference(difference)
                        for difference in linked.differences
                        if typographic or difference.kind is not DifferenceClass.TYPOGRAPHIC
                    ],
                }
            )
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "base": comparison.base,
        "documents": [_document(index, doc) for index, doc in enumerate(comparison.documents)],
        "links": links,
        "unique": [
            {"doc": index, "paragraphs": comparison.unique_paragraphs(index)}
            for index in range(len(comparison.documents))
        ],
    }


def _document(index: int, document: Document) -> dict[str, Any]:
    return {
        "index": index,
        "path": document.path,
        "name": document.name,
        "sha256": document.sha256,
        "encoding": document.encoding,
        "language": document.language,
        "format": document.format,
        "title": document.title,
        "author": document.author,
        "published": document.published,
        "loaded_at": document.loaded_at.isoformat(timespec="seconds"),
        "paragraphs": [
            {"index": p.index, "start": p.start, "end": p.end, "text": p.text}
            for p in document.paragraphs
        ],
    }


def _difference(difference: Difference) -> dict[str, Any]:
    return {
        "operation": difference.operation.value,
        "class": difference.kind.value,
        "a": {"start": difference.a_start, "end": difference.a_end, "text": difference.a_text},
        "b": {"start": difference.b_start, "end": difference.b_end, "text": difference.b_text},
    }
