"""What the aligner finds: links between paragraphs, and the thresholds it works with.

Kept apart from :mod:`compareapp.core.align.aligner` so that code that only reads links (the view
model, the window) does not load numpy and the similarity machinery.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class LinkKind(Enum):
    IDENTICAL = "identical"
    CHANGED = "changed"
    MOVED = "moved"


@dataclass(frozen=True)
class AlignParams:
    """Thresholds of the aligner, calibrated on the gold alignments in ``benchmarks/gold``."""

    link_threshold: float = 0.28
    short_penalty: float = 0.10
    """Added threshold for a pair whose shorter side has one informative term; it shrinks
    with the square root of the term count."""
    part_threshold: float = 0.20
    part_containment: float = 0.35
    part_gain: float = 0.02
    gap_threshold: float = 0.08
    """Lowest score for an in-order link in a one-paragraph gap between two spine links;
    it grows with the square root of the gap size."""
    gap_short_penalty: float = 0.10
    """The same for in-order links in gaps: two sign-up lines at the end of two articles
    mean much the same, but neither is part of the story."""
    gap_limit: int = 60
    """Gaps with more paragraphs than this on a side are left to the candidate pass."""
    candidates_per_paragraph: int = 8
    use_meaning: bool = True
    """Add the embedding model's paraphrase signal. Without the model files, the
    thresholds become :data:`LEXICAL_PARAMS`, calibrated for lexical scores alone."""


LEXICAL_PARAMS: dict[str, Any] = {
    "link_threshold": 0.22,
    "gap_threshold": 0.05,
    "gap_short_penalty": 0.0,
    "use_meaning": False,
}


@dataclass(frozen=True)
class Link:
    """Paragraph ``a`` of side A says the same as paragraph ``b`` of side B."""

    a: int
    b: int
    score: float
    kind: LinkKind
    shared_terms: tuple[str, ...] = ()
    one_to_many: bool = False

    def evidence(self) -> str:
        """Why the two paragraphs are linked, in a line or two for a tooltip."""
        lines = [f"Similarity {self.score:.2f}" + (" · identical" if self.score >= 1 else "")]
        if self.shared_terms:
            lines.append("Shared words: " + ", ".join(self.shared_terms))
        else:
            lines.append("No shared informative words: linked by meaning and position")
        if self.one_to_many:
            lines.append("Part of a split or merge: one paragraph matches several")
        if self.kind is LinkKind.MOVED:
            lines.append("Moved: the two documents tell this part in a different order")
        return "\n".join(lines)


@dataclass(frozen=True)
class PairAlignment:
    """The links between two paragraph sequences and the paragraphs left unique."""

    links: tuple[Link, ...]
    unique_a: tuple[int, ...]
    unique_b: tuple[int, ...]
    sizes: tuple[int, int] = field(default=(0, 0))

    def links_of(self, side: int, index: int) -> list[Link]:
        return [link for link in self.links if (link.a, link.b)[side] == index]
