"""The discrepancy table for people reading a terminal (``compareapp discrepancies``):
each row's kind, then each source's wording with its paragraph number."""

from __future__ import annotations

from collections.abc import Sequence

from compareapp.core.documents.document import Document
from compareapp.core.facts.discrepancies import Discrepancy
from compareapp.core.reports.discrepancy_json import Statuses, paragraph_number

NOT_SAID = "— not in this source"


def discrepancies_to_text(
    documents: Sequence[Document],
    base: int,
    rows: Sequence[Discrepancy],
    statuses: Statuses | None = None,
) -> str:
    """A header naming the sources, then a block per row; paragraphs are numbered from 1,
    as an editor counts them."""
    width = max(len(document.name) for document in documents)
    lines = [f"Discrepancies: {len(rows)} (base: {documents[base].name})"]
    for number, row in enumerate(rows):
        review = ""
        if statuses is not None and statuses[number]:
            review = " [" + ", ".join(sorted(s.value for s in statuses[number])) + "]"
        lines += ["", f"{number + 1}. {row.kind.value}{review}"]
        for document, version in zip(documents, row.versions, strict=True):
            if version is None:
                said = NOT_SAID
            else:
                paragraph = paragraph_number(document, version)
                where = f" (paragraph {paragraph + 1})" if paragraph is not None else ""
                said = f"“{' '.join(version.text.split())}”{where}"
            lines.append(f"    {document.name:<{width}}  {said}")
    return "\n".join(lines)
