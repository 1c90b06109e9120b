"""One object that answers every question about a comparison of two or more documents.

Every document is aligned against a base (the first by default); any other pair is aligned
on demand. Links that share paragraphs form a group (a split, a merge or a plain pair),
and each group is word-diffed as a whole (:mod:`~compareapp.core.diff.group_diff`), so a
paragraph split in two shows the words that really changed rather than half of it as
"inserted".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from compareapp.core.align.links import AlignParams, Link, PairAlignment, for_languages
from compareapp.core.collector import fewer_collections
from compareapp.core.diff.disjoint_sets import DisjointSets
from compareapp.core.diff.group_diff import group_differences
from compareapp.core.diff.inline_diff import Difference, Operation
from compareapp.core.documents.document import Document, Paragraph

Progress = Callable[[str], None]
PROGRESS_EVERY = 1_000
"""Linked groups diffed between two progress reports."""


@dataclass(frozen=True)
class LinkedPair:
    """A link and the word differences attributed to it."""

    link: Link
    differences: tuple[Difference, ...]


@dataclass(frozen=True)
class PairComparison:
    """Document ``a`` against document ``b``: links with differences, unique paragraphs."""

    a: int
    b: int
    alignment: PairAlignment
    pairs: tuple[LinkedPair, ...]

    def differences(self) -> list[Difference]:
        return [difference for pair in self.pairs for difference in pair.differences]


@dataclass
class Comparison:
    """Two or more documents compared against a base document."""

    documents: Sequence[Document]
    base: int = 0
    params: AlignParams = field(default_factory=AlignParams)
    progress: Progress | None = field(default=None, repr=False, compare=False)
    """Told what is being done during long steps; it may raise to cancel the work."""
    _pairs: dict[tuple[int, int], PairComparison] = field(default_factory=dict, repr=False)
    _alignments: dict[tuple[int, int], PairAlignment] = field(
        default_factory=dict, repr=False, compare=False
    )
    """Pairs aligned and not yet diffed (:meth:`alignment`)."""
    _oriented: dict[tuple[int, int], list[LinkedPair]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _by_paragraph: dict[tuple[int, int], dict[int, list[LinkedPair]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _to_swap: dict[tuple[int, int], set[int]] = field(
        default_factory=dict, repr=False, compare=False
    )
    """Per (a, b) indexed from the pair aligned b first: the paragraphs not yet turned."""

    def __post_init__(self) -> None:
        if len(self.documents) < 2:
            raise ValueError("a comparison needs at least two documents")
        if not 0 <= self.base < len(self.documents):
            raise ValueError(f"base {self.base} is not one of the {len(self.documents)} documents")

    def against_base(self) -> list[PairComparison]:
        """The base compared with every other document, in document order."""
        return [self.pair(self.base, other) for other in self.others()]

    def others(self) -> list[int]:
        return [index for index in range(len(self.documents)) if index != self.base]

    def pair(self, a: int, b: int) -> PairComparison:
        """Document ``a`` compared with document ``b`` (computed once, then cached)."""
        if (a, b) not in self._pairs:
            alignment = self._alignments.pop((a, b), None) or self._aligned(a, b)
            self._pairs[(a, b)] = diff_links(
                self.documents[a], self.documents[b], alignment, a, b, self.progress
            )
        return self._pairs[(a, b)]

    def alignment(self, a: int, b: int) -> PairAlignment:
        """The paragraphs of ``a`` and ``b`` aligned, without word differences yet (kept
        for :meth:`pair`)."""
        if (a, b) in self._pairs:
            return self._pairs[(a, b)].alignment
        if (a, b) not in self._alignments:
            self._alignments[(a, b)] = self._aligned(a, b)
        return self._alignments[(a, b)]

    def _aligned(self, a: int, b: int) -> PairAlignment:
        return align_pair(self.documents[a], self.documents[b], self.params, self.progress)

    def first_screen(self, paragraphs: Sequence[int]) -> Comparison:
        """The same comparison, for a first screen while the rest is worked out: every
        document aligned with the base, and of the links only the groups that reach one of
        the first ``paragraphs[i]`` paragraphs of a document ``i``, word-diffed. The
        alignments are kept for :meth:`pair`."""
        first = Comparison(self.documents, self.base, self.params)
        for other in self.others():
            alignment = self.alignment(self.base, other)
            near = (paragraphs[self.base], paragraphs[other])
            groups = [
                group
                for group in link_groups(alignment.links)
                if any(link.a < near[0] or link.b < near[1] for link in group)
            ]
            first._pairs[(self.base, other)] = diff_links(
                self.documents[self.base],
                self.documents[other],
                alignment,
                self.base,
                other,
                groups=groups,
            )
        return first

    def pairs(self, a: int, b: int) -> list[LinkedPair]:
        """The linked pairs between documents ``a`` and ``b``, oriented from ``a`` to ``b``
        (seen from either side: a pair with the base is aligned from the base)."""
        if (a, b) not in self._oriented:
            if b == self.base:
                pairs = [_swapped_pair(pair) for pair in self.pair(b, a).pairs]
            else:
                pairs = list(self.pair(a, b).pairs)
            self._oriented[(a, b)] = pairs
        return self._oriented[(a, b)]

    def pairs_of(self, a: int, b: int, paragraph: int) -> list[LinkedPair]:
        """The linked pairs from paragraph ``paragraph`` of ``a`` into ``b``. Seen from
        the far side of a pair with the base, only the pairs asked for are turned round
        (the discrepancy table asks for a few of thousands)."""
        if (a, b) not in self._by_paragraph:
            index: dict[int, list[LinkedPair]] = {}
            turned_later = b == self.base and (a, b) not in self._oriented
            for pair in self.pair(b, a).pairs if turned_later else self.pairs(a, b):
                index.setdefault(pair.link.b if turned_later else pair.link.a, []).append(pair)
            self._by_paragraph[(a, b)] = index
            if turned_later:
                self._to_swap[(a, b)] = set(index)
        found = self._by_paragraph[(a, b)].get(paragraph, [])
        if paragraph in self._to_swap.get((a, b), ()):
            found[:] = [_swapped_pair(pair) for pair in found]
            self._to_swap[(a, b)].discard(paragraph)
        return found

    def unique_paragraphs(self, document: int) -> list[int]:
        """Paragraphs of ``document`` linked to nothing: in the base, to no other document;
        elsewhere, to nothing in the base."""
        if document != self.base:
            return list(self.pair(self.base, document).alignment.unique_b)
        unique = set(range(len(self.documents[document].paragraphs)))
        for comparison in self.against_base():
            unique &= set(comparison.alignment.unique_a)
        return sorted(unique)


def compare_pair(
    doc_a: Document,
    doc_b: Document,
    a: int = 0,
    b: int = 1,
    params: AlignParams | None = None,
    progress: Progress | None = None,
) -> PairComparison:
    """Align two documents and diff every linked group."""
    return diff_links(doc_a, doc_b, align_pair(doc_a, doc_b, params, progress), a, b, progress)


@fewer_collections()
def align_pair(
    doc_a: Document,
    doc_b: Document,
    params: AlignParams | None = None,
    progress: Progress | None = None,
) -> PairAlignment:
    """The paragraphs of two documents aligned, in their languages."""
    from compareapp.core.align.aligner import align_paragraphs  # loads numpy: only when aligning

    params = for_languages(params or AlignParams(), (doc_a.language, doc_b.language))
    return align_paragraphs(
        [p.text for p in doc_a.paragraphs], [p.text for p in doc_b.paragraphs], params, progress
    )


@fewer_collections()
def diff_links(
    doc_a: Document,
    doc_b: Document,
    alignment: PairAlignment,
    a: int = 0,
    b: int = 1,
    progress: Progress | None = None,
    groups: list[list[Link]] | None = None,
) -> PairComparison:
    """Every link group of ``alignment`` (or only ``groups`` of them) word-diffed."""
    pairs: list[LinkedPair] = []
    if groups is None:
        groups = link_groups(alignment.links)
    for done, group in enumerate(groups):
        if progress is not None and done % PROGRESS_EVERY == 0 and len(groups) > PROGRESS_EVERY:
            progress(f"Comparing the wording: {done:,} of {len(groups):,} passages")
        pairs += _diff_group(doc_a, doc_b, group)
    pairs.sort(key=lambda pair: (pair.link.a, pair.link.b))
    return PairComparison(a, b, alignment, tuple(pairs))


def link_groups(links: Sequence[Link]) -> list[list[Link]]:
    """Links joined by shared paragraphs (connected components), each sorted. A link of a
    repeated paragraph (:attr:`Link.repeat`) is a group of its own."""
    sets = DisjointSets(len(links))
    first_by_paragraph: dict[tuple[int, int], int] = {}
    for k, link in enumerate(links):
        if link.repeat:  # a paragraph printed twice: each copy diffed on its own
            continue
        for key in ((0, link.a), (1, link.b)):
            if key in first_by_paragraph:
                sets.join(k, first_by_paragraph[key])
            else:
                first_by_paragraph[key] = k
    groups: dict[int, list[Link]] = {}
    for k, link in enumerate(links):
        groups.setdefault(sets.root(k), []).append(link)
    return [sorted(group, key=lambda link: (link.a, link.b)) for group in groups.values()]


def _diff_group(doc_a: Document, doc_b: Document, group: list[Link]) -> list[LinkedPair]:
    paragraphs_a = sorted({link.a for link in group})
    paragraphs_b = sorted({link.b for link in group})
    differences = group_differences(doc_a, doc_b, paragraphs_a, paragraphs_b)
    if len(group) == 1:  # most groups: the one link owns every difference
        return [LinkedPair(group[0], tuple(differences))]
    owned: dict[tuple[int, int], list[Difference]] = {(link.a, link.b): [] for link in group}
    keys = list(owned)
    candidates_a = [doc_a.paragraphs[i] for i in paragraphs_a]
    candidates_b = [doc_b.paragraphs[j] for j in paragraphs_b]
    for difference in differences:
        para_a = _paragraph_index(doc_a, candidates_a, difference.a_start, difference.a_end)
        para_b = _paragraph_index(doc_b, candidates_b, difference.b_start, difference.b_end)
        owned[_owner(keys, difference, para_a, para_b)].append(difference)
    return [LinkedPair(link, tuple(owned[(link.a, link.b)])) for link in group]


def _owner(
    keys: list[tuple[int, int]], difference: Difference, para_a: int, para_b: int
) -> tuple[int, int]:
    """The link (as ``keys``, the group's ``(a, b)``) a difference belongs to: the one
    joining the paragraphs it touches, ``para_a`` and ``para_b``."""
    if (para_a, para_b) in keys:
        return para_a, para_b
    for key in keys:
        if key[0] == para_a if difference.a_end > difference.a_start else key[1] == para_b:
            return key
    return keys[0]


def _paragraph_index(document: Document, candidates: list[Paragraph], start: int, end: int) -> int:
    """The paragraph that ``[start, end)`` starts in (or failing that, ends in), looked for
    first among ``candidates``, the group's paragraphs, where it nearly always is."""
    for offset in (start, max(0, end - 1)):
        for paragraph in candidates:
            if paragraph.start <= offset < paragraph.end:
                return paragraph.index
        found = document.paragraph_at(offset)
        if found:
            return found.index
    return -1


def _swapped_pair(pair: LinkedPair) -> LinkedPair:
    link: Link = replace(pair.link, a=pair.link.b, b=pair.link.a)
    return LinkedPair(link, tuple(_swapped_difference(d) for d in pair.differences))


def _swapped_difference(difference: Difference) -> Difference:
    d = difference
    operation = {Operation.DELETE: Operation.INSERT, Operation.INSERT: Operation.DELETE}.get(
        d.operation, d.operation
    )
    return Difference(operation, d.b_start, d.b_end, d.a_start, d.a_end, d.b_text, d.a_text, d.kind)
