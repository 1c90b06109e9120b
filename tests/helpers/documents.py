"""A document made from a text in memory, as the loader makes one from a file."""

from __future__ import annotations

import hashlib

from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text


def document(text: str, name: str) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return document_from_text(text, path=name, name=name, sha256=digest, encoding="utf-8")
