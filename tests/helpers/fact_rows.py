"""Discrepancy rows as (kind, first document's words, second's): of documents, or of a
one-sentence change after a lead paragraph in the sentence's language (so that the
documents are read in it)."""

from __future__ import annotations

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.document import Document
from compareapp.core.facts.discrepancies import find_discrepancies
from tests.helpers.documents import document

LEAD = {
    "en": "Officials said on Tuesday that the fire near the town had been brought under "
    "control overnight, and that the main road would open again in the morning.",
    "fr": "Les autorités ont indiqué mardi que l'incendie près de la ville avait été maîtrisé "
    "dans la nuit, et que la route principale rouvrirait dans la matinée.",
    "de": "Die Behörden teilten am Dienstag mit, dass der Brand bei der Stadt in der Nacht "
    "unter Kontrolle gebracht worden sei und die Hauptstraße am Morgen wieder öffne.",
}
Row = tuple[str, str | None, str | None]


def compared(language: str, a: str, b: str) -> Comparison:
    texts = [f"{LEAD[language]}\n\n{sentence}\n" for sentence in (a, b)]
    return Comparison([document(texts[0], "a"), document(texts[1], "b")])


def rows(language: str, a: str, b: str) -> list[Row]:
    return table_rows(compared(language, a, b))


def table_rows(comparison: Comparison | list[Document]) -> list[Row]:
    """Each row of the discrepancy table: its kind and each document's words (None where
    the document does not say it)."""
    if not isinstance(comparison, Comparison):
        comparison = Comparison(comparison)
    found = []
    for row in find_discrepancies(comparison):
        first, second = row.versions
        found.append(
            (row.kind.value, first.text if first else None, second.text if second else None)
        )
    return found
