"""The seed pair and the marks the PDF tests put on it: a split, a merged, a repeated and a
moved paragraph, and a mark whose words the document does not show."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text, load_document
from compareapp.core.review.marks import MarkStatus, ReviewMark

SEED = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seed-pair"
MISPLACED_QUOTE = "words the document does not show here"

# (document, quote, occurrence, status, note): the split Reuters lead (one paragraph
# against CBC's two copies), the merged "Russia denies…" (with "War Crimes Investigation",
# against one CBC paragraph), CBC's repeated lead (its third "a surprise acknowledgement",
# after the first lead and the photo caption), CBC's moved "Since Russia invaded…", and
# "no limits" in CBC's paragraph linked one-to-two.
MARKS = [
    (0, "in a surprising acknowledgment of a rift with Beijing", 0, MarkStatus.DISPUTED, "split"),
    (0, "Russia denies that its forces committed war crimes", 0, MarkStatus.DISPUTED, "merged"),
    (1, "a surprise acknowledgement of friction", 2, MarkStatus.VERIFIED, "repeated lead"),
    (1, "Since Russia invaded Ukraine in February", 0, MarkStatus.DISPUTED, "moved"),
    (1, '"no limits"', 0, MarkStatus.VERIFIED, "the phrase the wires used"),
]


def seed_paths() -> list[Path]:
    """The seed pair's two files (Reuters, then CBC); a test fails when they are not
    beside the clone, rather than passing without them."""
    paths = sorted(SEED.glob("*.txt"))[:2]
    if len(paths) < 2:
        pytest.fail(f"the seed pair is missing from {SEED}")
    return paths


def seed_pair() -> list[Document]:
    return [load_document(path) for path in seed_paths()]


def third_version(cbc: Document, name: str = "third.txt") -> Document:
    """CBC's story edited again: the "no limits" paragraph moved to the end and the one
    after the lead split in two."""
    paragraphs = [paragraph.text for paragraph in cbc.paragraphs]
    limits = next(i for i, text in enumerate(paragraphs) if "no limits" in text)
    paragraphs.append(paragraphs.pop(limits))
    first, _dot, rest = paragraphs[5].partition(". ")
    paragraphs[5 : 6] = [first + ".", rest]  # fmt: skip
    text = "\n\n".join(paragraphs) + "\n"
    return document_from_text(
        text, path=name, name=name,
        sha256=hashlib.sha256(text.encode()).hexdigest(), encoding="utf-8",
    )  # fmt: skip


def make_marks(documents: list[Document]) -> list[ReviewMark]:
    marks = []
    for index, quote, occurrence, status, note in MARKS:
        document = documents[index]
        start = -1
        for _ in range(occurrence + 1):
            start = document.text.index(quote, start + 1)
        marks.append(
            ReviewMark.create(
                document.source_id, document.text, start, start + len(quote), status, "ed", note
            )
        )
    # A mark whose recorded words are not the text's: the export must not draw it.
    stale = marks[0]
    marks.append(replace(stale, id="stale", anchor=replace(stale.anchor, quote=MISPLACED_QUOTE)))
    return marks
