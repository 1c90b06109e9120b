"""Headings and page furniture: short lines that label the story rather than tell it.

A section heading ("War Crimes Investigation") shares its words with the body paragraph it
introduces, but it says nothing that paragraph says. So a heading links only to a heading
(or stays unique), never to a sentence. Told by form alone, the same in every corpus: a
short line of capitalised words that does not end like a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

HEADING_WORDS = 8
"""Longest heading, in words."""
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SMALL = frozenset(
    "a an and as at but by for from in into of on or over the to under up vs with".split()
)
_BULLET = re.compile(r"\s*[•·‣▪◦*–—-]")
"""A bullet's line is a summary of the story, not a heading."""
_SENTENCE_END = re.compile(r"""[.!?:;,"”’)\]]\s*$""")


def is_heading(text: str) -> bool:
    """A short title-case line, not a bullet, without a sentence's closing punctuation."""
    if len(text.split()) > HEADING_WORDS + 2:
        return False  # (first: the cheapest look, and most paragraphs fail it)
    words = _WORD.findall(text)
    if not words or _BULLET.match(text) or len(words) > HEADING_WORDS or _SENTENCE_END.search(text):
        return False
    content = [word for word in words if word.lower() not in _SMALL]
    return bool(content) and words[0][0].isupper() and all(w[0].isupper() for w in content)


def heading_flags(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    return np.fromiter((is_heading(text) for text in texts), bool, len(texts))


Headings = tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]
"""Which paragraphs of side A and of side B are headings."""
