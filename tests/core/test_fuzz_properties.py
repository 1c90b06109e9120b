"""Property-based tests of the core's promises, for inputs nobody thought of.

- paragraph splitting: every paragraph is exactly the text it claims, nothing but
  whitespace falls between paragraphs, no paragraph holds a blank line;
- tokens and normalisation: tokens are the text they claim, normalising is idempotent;
- inline differences: applying the differences to one side rebuilds the other exactly;
- alignment: every paragraph is linked or unique, links point at existing paragraphs, a
  paragraph that both documents print word for word is linked to its twin, and the result
  depends on the choice of the base document, never on the order of the files;
- anchors: a mark whose passage and context are unchanged lands on the same characters;
- session files: any file loads or raises :class:`SessionError` naming the file, and what
  loads can be used and saved again.

The number of examples comes from the Hypothesis profile (``tests/conftest.py``): bounded
by default, ``HYPOTHESIS_PROFILE=long`` for a longer run.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, event, given, note, settings
from hypothesis import strategies as st

from compareapp.core.align.aligner import LinkKind, PairAlignment, align_paragraphs
from compareapp.core.diff.comparison import Comparison
from compareapp.core.diff.inline_diff import Difference, Operation, Passage, diff_passages
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text, load_document
from compareapp.core.present.view_model import ComparisonViewModel
from compareapp.core.reports.review_text import review_to_text
from compareapp.core.review.anchors import AnchorState, TextAnchor, reanchor
from compareapp.core.review.marks import MarkStatus, ReviewMark, ReviewMarks
from compareapp.core.review.session import SESSION_SUFFIX, Session, SessionError, SessionSource
from compareapp.core.review.session_file import dump_session, load_session, save_session
from compareapp.core.review.session_sources import match_sources
from compareapp.core.text.normalize import Token, normalize_text, tokenize
from compareapp.core.text.paragraphs import split_paragraphs

SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _document(text: str, name: str = "doc") -> Document:
    return document_from_text(
        text, path=f"/fuzz/{name}.txt", name=f"{name}.txt", sha256="0" * 64, encoding="utf-8"
    )


# Paragraphs ---------------------------------------------------------------------------

_PROSE = "Around 1,200 households were evacuated from Marrowby early on Tuesday"  # 70 chars
_PIECES = [
    _PROSE,
    _PROSE[:45],
    "officials said.",
    "a",
    "• bullet",
    "- dash",
    "12) item",
    "3. point",
    "“We acted,” said Mayor Ingrid Sallow.",
    "x" * 120,
    "Duration 2:01",
]
_GAPS = [" ", "  ", "\n", "\n\n", "\n \n", "\n\t\u00a0\n", "\t", "\u00a0", "\u3000", "\r", "\f"]
_ODD = ["\u2028", "\u0085", "\x0b", "\x1c", "\u200b", "\u00ad", "\ufeff", "\ud7ff", "\U0001f600"]
_article_texts = st.lists(st.sampled_from(_PIECES + _GAPS + _ODD), max_size=60).map("".join)
_any_texts = _article_texts | st.text()
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@SLOW
@given(_any_texts)
def test_paragraphs_are_the_text_they_claim_and_miss_none_of_it(text: str) -> None:
    spans = split_paragraphs(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        paragraph = text[start:end]
        assert paragraph == paragraph.strip(), "paragraphs carry no surrounding space"
        assert _BLANK_LINE.search(paragraph) is None, "a blank line always ends a paragraph"
        assert not text[previous_end:start].strip(), "only whitespace between paragraphs"
        # A paragraph read on its own is one paragraph: joining wrapped lines depends
        # on the lines, not on what came before them.
        assert split_paragraphs(paragraph) == [(0, len(paragraph))]
        previous_end = end
    assert not text[previous_end:].strip()
    assert bool(spans) == bool(text.strip())


@SLOW
@given(_any_texts.filter(lambda text: bool(text.strip())))
def test_a_documents_paragraphs_are_found_at_their_offsets(text: str) -> None:
    document = _document(text)
    assert [(p.start, p.end) for p in document.paragraphs] == split_paragraphs(text)
    inside: set[int] = set()
    for index, paragraph in enumerate(document.paragraphs):
        assert paragraph.index == index
        assert paragraph.text == text[paragraph.start : paragraph.end]
        for offset in {paragraph.start, (paragraph.start + paragraph.end) // 2, paragraph.end - 1}:
            assert document.paragraph_at(offset) == paragraph
        inside.update(range(paragraph.start, paragraph.end))
    for offset in range(-1, len(text) + 1):
        if offset not in inside:
            assert document.paragraph_at(offset) is None


# Tokens and normalisation -------------------------------------------------------------

_TYPOGRAPHY = "“”‘’«»\"'–—‑-\u00a0\u2009\u202f\u00ad\u200b\ufeff… \n\t.,:;ab1"
_typographic_texts = st.text(alphabet=st.sampled_from(_TYPOGRAPHY), max_size=80) | st.text()


@SLOW
@given(_typographic_texts)
def test_normalising_is_idempotent_and_leaves_no_stray_space(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert once == once.strip()
    assert "  " not in once


@SLOW
@given(_typographic_texts, st.integers(0, 10_000))
def test_tokens_are_the_text_they_claim(text: str, offset: int) -> None:
    tokens = tokenize(text, offset)
    position = offset
    for token in tokens:
        assert position <= token.start < token.end
        assert token.text == text[token.start - offset : token.end - offset]
        gap = text[position - offset : token.start - offset]
        assert all(char.isspace() or char in "\u00ad\u200b\ufeff" for char in gap)
        assert normalize_text(token.key) == token.key or not token.key.strip()
        position = token.end
    tail = text[position - offset :]
    assert all(char.isspace() or char in "\u00ad\u200b\ufeff" for char in tail)


# Inline differences -------------------------------------------------------------------

_DIFF_WORDS = (
    'the mayor Mayor said 8,000 8000 8\u00a0000 9 3.5 “quoted” "quoted" it’s it\'s '
    "well-known well\u2011known infor\u00admation information Paris colour color Sallow "
    "Sallowe — – - , . … ... ( )"
).split(" ")
_DIFF_GAPS = [" ", " ", " ", "  ", "\u00a0", "\n", ""]


@st.composite
def _passage_texts(draw: st.DrawFn) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 3))):
        words = draw(st.lists(st.sampled_from(_DIFF_WORDS), max_size=14))
        gaps = draw(st.lists(st.sampled_from(_DIFF_GAPS), min_size=len(words), max_size=len(words)))
        paragraphs.append("".join(word + gap for word, gap in zip(words, gaps, strict=True)))
    return "\n\n".join(paragraphs)


def _passage(text: str, order: Sequence[int]) -> Passage:
    spans = split_paragraphs(text)
    return Passage(text, [spans[k % len(spans)] for k in order] if spans else [])


def _token_range(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Where the characters ``[start, end)`` are in the token list (a difference's range
    is always whole tokens; an empty one is the point after a token, or before the
    first)."""
    starts = {token.start: k for k, token in enumerate(tokens)}
    ends = {token.end: k + 1 for k, token in enumerate(tokens)}
    if start == end:
        if start in ends:
            return ends[start], ends[start]
        assert start == (tokens[0].start if tokens else 0), f"insertion at {start}"
        return 0, 0
    assert start in starts and end in ends, f"[{start}, {end}) is not whole tokens"
    assert starts[start] < ends[end]
    return starts[start], ends[end]


def _rebuild(
    source: list[Token], target: list[Token], edits: list[tuple[int, int, int, int]]
) -> list[str]:
    """``source``'s token texts with each edit's source tokens replaced by its target
    tokens."""
    rebuilt: list[str] = []
    position = 0
    for s0, s1, t0, t1 in edits:
        assert s0 >= position, "differences are in order and do not overlap"
        rebuilt += [token.text for token in source[position:s0]]
        rebuilt += [token.text for token in target[t0:t1]]
        position = s1
    return rebuilt + [token.text for token in source[position:]]


def _check_difference(difference: Difference, a: Passage, b: Passage) -> None:
    assert difference.a_text == a.text[difference.a_start : difference.a_end]
    assert difference.b_text == b.text[difference.b_start : difference.b_end]
    for passage, start, end in (
        (a, difference.a_start, difference.a_end),
        (b, difference.b_start, difference.b_end),
    ):
        if start < end:
            assert any(s <= start and end <= e for s, e in passage.spans), "one paragraph"
    empty_a = difference.a_start == difference.a_end
    empty_b = difference.b_start == difference.b_end
    assert not (empty_a and empty_b)
    if difference.operation is Operation.TYPOGRAPHIC:
        assert difference.a_text != difference.b_text
        keys_a = [token.key for token in tokenize(difference.a_text)]
        assert keys_a == [token.key for token in tokenize(difference.b_text)]
        assert len(keys_a) == 1, "one word, number or mark"
    else:
        expected = {(True, False): Operation.INSERT, (False, True): Operation.DELETE}
        assert difference.operation is expected.get((empty_a, empty_b), Operation.REPLACE)


@SLOW
@given(
    _passage_texts(),
    _passage_texts(),
    st.lists(st.integers(0, 2), min_size=1, max_size=3, unique=True),
    st.lists(st.integers(0, 2), min_size=1, max_size=3, unique=True),
)
def test_applying_the_differences_rebuilds_both_texts_exactly(
    text_a: str, text_b: str, order_a: list[int], order_b: list[int]
) -> None:
    """Every word, number and mark (typographic variants included) of B is rebuilt from A
    and its differences, and A from B: nothing changed goes unreported."""
    a, b = _passage(text_a, order_a), _passage(text_b, order_b)
    assume(len(set(a.spans)) == len(a.spans) and len(set(b.spans)) == len(b.spans))
    differences = diff_passages(a, b)
    tokens_a, tokens_b = a.tokens(), b.tokens()
    edits = []
    for difference in differences:
        _check_difference(difference, a, b)
        a0, a1 = _token_range(tokens_a, difference.a_start, difference.a_end)
        b0, b1 = _token_range(tokens_b, difference.b_start, difference.b_end)
        edits.append((a0, a1, b0, b1))
    event(f"{len(differences)} differences" if len(differences) < 3 else "3+ differences")
    assert _rebuild(tokens_a, tokens_b, edits) == [token.text for token in tokens_b]
    backwards = [(b0, b1, a0, a1) for a0, a1, b0, b1 in edits]
    assert _rebuild(tokens_b, tokens_a, backwards) == [token.text for token in tokens_a]
    if [t.text for t in tokens_a] == [t.text for t in tokens_b]:
        assert differences == []


# Alignment ----------------------------------------------------------------------------

_FUNCTION_WORDS = ["the", "a", "of", "and", "said", "told"]
_CONTENT_WORDS = (
    "council mayor flood river bridge households evacuated officials police storm rain "
    "Marrowby Sallow Tuesday Monday 1,200 1,400 8,000 hospital school road closed opened "
    "residents homes water rescue teams army village north south wind power damage million "
    "minister reporters"
).split()  # no two of them share a stem
_VOCABULARY = _CONTENT_WORDS + _FUNCTION_WORDS
_pool_paragraphs = st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=16).map(" ".join)


@st.composite
def _versions(draw: st.DrawFn, count: int) -> list[list[str]]:
    """``count`` versions of a story: paragraphs taken from a shared pool, in any order,
    some with a word or two changed, some new, so that links happen and sometimes do not."""
    pool = draw(st.lists(_pool_paragraphs, min_size=1, max_size=6))
    versions = []
    for _ in range(count):
        paragraphs = []
        for _ in range(draw(st.integers(1, 7))):
            if draw(st.integers(0, 9)) == 0:
                paragraphs.append(draw(_pool_paragraphs))
                continue
            words = draw(st.sampled_from(pool)).split()
            for _ in range(draw(st.integers(0, 2))):
                at = draw(st.integers(0, len(words)))
                change = draw(st.sampled_from(["replace", "insert", "delete"]))
                if change == "insert" or not words:
                    words.insert(at, draw(st.sampled_from(_VOCABULARY)))
                elif change == "replace":
                    words[min(at, len(words) - 1)] = draw(st.sampled_from(_VOCABULARY))
                elif len(words) > 1:
                    del words[min(at, len(words) - 1)]
            paragraphs.append(" ".join(words))
        versions.append(paragraphs)
    return versions


def _check_alignment(alignment: PairAlignment, texts_a: list[str], texts_b: list[str]) -> None:
    links = alignment.links
    assert alignment.sizes == (len(texts_a), len(texts_b))
    for link in links:
        assert 0 <= link.a < len(texts_a) and 0 <= link.b < len(texts_b), "existing paragraphs"
        assert 0.0 <= link.score <= 1.0
        partners = len(alignment.links_of(0, link.a)) + len(alignment.links_of(1, link.b))
        assert link.one_to_many == (partners > 2)
        if link.kind is not LinkKind.MOVED:
            identical = normalize_text(texts_a[link.a]) == normalize_text(texts_b[link.b])
            assert (link.kind is LinkKind.IDENTICAL) == identical
    assert list(links) == sorted(links, key=lambda link: (link.a, link.b))
    assert len({(link.a, link.b) for link in links}) == len(links), "each pair linked once"
    for side, texts, unique in ((0, texts_a, alignment.unique_a), (1, texts_b, alignment.unique_b)):
        linked = {(link.a, link.b)[side] for link in links}
        assert linked.isdisjoint(unique), "a paragraph is linked or unique, not both"
        assert linked | set(unique) == set(range(len(texts))), "every paragraph is one"
        assert list(unique) == sorted(set(unique))
    # Links not marked moved keep their order in both documents.
    in_order = [link.b for link in links if link.kind is not LinkKind.MOVED]
    assert in_order == sorted(in_order)


def _content(text: str) -> Counter[str]:
    return Counter(word.lower() for word in text.split() if word not in _FUNCTION_WORDS)


def _twins(texts_a: list[str], texts_b: list[str]) -> list[tuple[int, int]]:
    """Paragraphs printed once, word for word, in both documents, whose informative terms
    no other paragraph of either document has: nothing else can claim them."""
    terms_a = [_content(text) for text in texts_a]
    terms_b = [_content(text) for text in texts_b]
    found = []
    for i, text in enumerate(texts_a):
        once = texts_a.count(text) == texts_b.count(text) == 1
        if once and terms_a[i] and terms_a.count(terms_a[i]) == terms_b.count(terms_a[i]) == 1:
            found.append((i, texts_b.index(text)))
    return found


@SLOW
@given(_versions(2))
def test_every_paragraph_is_linked_or_unique_and_twins_are_linked(
    versions: list[list[str]],
) -> None:
    texts_a, texts_b = versions
    alignment = align_paragraphs(texts_a, texts_b)
    note(f"links: {alignment.links}")
    _check_alignment(alignment, texts_a, texts_b)
    twins = _twins(texts_a, texts_b)
    linked = {(link.a, link.b) for link in alignment.links}
    assert [twin for twin in twins if twin not in linked] == []
    event("linked" if alignment.links else "nothing linked")
    event(
        "some paragraph moved"
        if any(link.kind is LinkKind.MOVED for link in alignment.links)
        else "none moved"
    )


def _pair_summary(comparison: Comparison, base: int, other: int) -> list[tuple[Any, ...]]:
    """The links of ``base`` with ``other`` and each link's differences, without the
    documents' positions in the comparison."""
    return [
        (
            pair.link.a,
            pair.link.b,
            pair.link.kind,
            pair.link.score,
            tuple((d.a_start, d.a_end, d.b_start, d.b_end, d.kind) for d in pair.differences),
        )
        for pair in comparison.pair(base, other).pairs
    ]


def _check_comparison(comparison: Comparison) -> None:
    """What the window shows: every paragraph of every document is linked or unique, and
    what is linked exists, both ways round."""
    model = ComparisonViewModel(comparison)
    documents = comparison.documents
    for index, document in enumerate(documents):
        unique = set(model.unique_paragraphs(index))
        for paragraph in document.paragraphs:
            counterparts = model.counterparts(index, paragraph.index)
            if index != comparison.base:
                counterparts = {comparison.base: counterparts[comparison.base]}
            linked = any(counterparts.values())
            assert linked != (paragraph.index in unique), (index, paragraph.index)
            for other, found in counterparts.items():
                for partner in found:
                    assert 0 <= partner < len(documents[other].paragraphs)
                    back = model.counterparts(other, partner)[index]
                    assert paragraph.index in back, "a link is seen from both sides"
        for pair in model.pairs(comparison.base, index) if index != comparison.base else ():
            for difference in pair.differences:
                base_text = documents[comparison.base].text
                assert difference.a_text == base_text[difference.a_start : difference.a_end]
                assert difference.b_text == document.text[difference.b_start : difference.b_end]


@SLOW
@given(_versions(3), st.permutations([0, 1, 2]))
def test_the_comparison_depends_on_the_base_never_on_the_file_order(
    versions: list[list[str]], order: list[int]
) -> None:
    documents = [_document("\n\n".join(texts), f"v{n}") for n, texts in enumerate(versions)]
    base, first, second = documents
    reference = Comparison([base, first, second])
    _check_comparison(reference)
    shuffled_documents = [documents[k] for k in order]
    shuffled = Comparison(shuffled_documents, base=shuffled_documents.index(base))
    _check_comparison(shuffled)
    position = {id(document): k for k, document in enumerate(shuffled_documents)}

    def where(document: Document) -> int:
        return position[id(document)]

    for k, other in ((1, first), (2, second)):
        assert _pair_summary(shuffled, shuffled.base, where(other)) == _pair_summary(
            reference, 0, k
        )
    for k, document in enumerate(documents):
        assert shuffled.unique_paragraphs(where(document)) == reference.unique_paragraphs(k)
    counts, shuffled_counts = (
        ComparisonViewModel(reference).counts(),
        ComparisonViewModel(shuffled).counts(),
    )
    assert (counts.linked, counts.changed, counts.moved, counts.by_class) == (
        shuffled_counts.linked,
        shuffled_counts.changed,
        shuffled_counts.moved,
        shuffled_counts.by_class,
    )
    assert [shuffled_counts.unique[where(d)] for d in documents] == list(counts.unique)
    for k, document in enumerate(documents):
        assert ComparisonViewModel(shuffled).highlights(where(document)) == (
            ComparisonViewModel(reference).highlights(k)
        )
    event("linked" if counts.linked else "nothing linked")


# Anchors ------------------------------------------------------------------------------

_anchor_texts = st.text(alphabet=st.sampled_from("ab .\n€é"), min_size=1, max_size=120) | st.text(
    min_size=1, max_size=200
)


@st.composite
def _edited_around(draw: st.DrawFn) -> tuple[TextAnchor, str, int]:
    """An anchor, the text edited only outside the passage and its context, and where the
    passage now starts."""
    text = draw(_anchor_texts)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    anchor = TextAnchor.at(text, start, end)
    low, high = start - len(anchor.prefix), end + len(anchor.suffix)
    cut_start = draw(st.integers(0, low))
    cut_end = draw(st.integers(cut_start, low))
    before = draw(st.text(max_size=40))
    tail_start = draw(st.integers(high, len(text)))
    tail_end = draw(st.integers(tail_start, len(text)))
    after = draw(st.text(max_size=40))
    edited = text[:cut_start] + before + text[cut_end:tail_start] + after + text[tail_end:]
    return anchor, edited, start + len(before) - (cut_end - cut_start)


@SLOW
@given(_edited_around())
def test_a_mark_in_unchanged_text_lands_on_the_same_characters(
    case: tuple[TextAnchor, str, int],
) -> None:
    anchor, edited, new_start = case
    assert edited[new_start : new_start + len(anchor.quote)] == anchor.quote
    found, state = reanchor(anchor, edited)
    assert state in (AnchorState.ANCHORED, AnchorState.MOVED)
    assert found.quote == anchor.quote == edited[found.start : found.end]
    # All of the old context is around the place found: if it is not the passage's own
    # place, that place reads the same, context and all.
    assert found.prefix.endswith(anchor.prefix)
    assert found.suffix.startswith(anchor.suffix)
    assert (state is AnchorState.ANCHORED) == (found.start == anchor.start)
    whole = anchor.prefix + anchor.quote + anchor.suffix
    if edited.count(whole) == 1:
        assert found.start == new_start


@SLOW
@given(_anchor_texts, st.lists(st.tuples(st.integers(0, 199), st.integers(1, 40)), max_size=8))
def test_marks_reanchored_in_the_same_text_do_not_change(
    text: str, ranges: list[tuple[int, int]]
) -> None:
    when = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
    marks = ReviewMarks(
        ReviewMark.create(
            "wire", text, start, min(start + length, len(text)), MarkStatus.DISPUTED, "a", when=when
        )
        for start, length in ranges
        if start < len(text)
    )
    before = list(marks)
    outcomes = marks.reanchor_source("wire", text)
    assert list(marks) == before
    assert outcomes[AnchorState.ANCHORED] == len(before)


# Session files ------------------------------------------------------------------------

WHEN = datetime(2026, 3, 4, 9, 30, 15, 123456, tzinfo=timezone(timedelta(hours=-5)))
ARTICLE = "Floods hit Marrowby\n\nAround 1,200 households were evacuated, officials said.\n"


def _valid_session() -> Session:
    wire = SessionSource("wire", "/news/wire.txt", "wire.txt", "a" * 64, "utf-8", WHEN)
    rewrite = SessionSource("rewrite", "/news/re.txt", "re.txt", "b" * 64, "cp1252", WHEN)
    marks = tuple(
        ReviewMark.create(source, ARTICLE, start, end, status, "ana", note=f"n{k}", when=WHEN)
        for k, (source, start, end, status) in enumerate(
            [
                ("wire", 28, 44, MarkStatus.VERIFIED),
                ("rewrite", 0, 6, MarkStatus.DISPUTED),
                ("wire", 45, 70, MarkStatus.DISPUTED),
            ]
        )
    )
    return Session(sources=(wire, rewrite), marks=marks, base=1, saved_at=WHEN)


VALID = dump_session(_valid_session())

_TRICKY_TEXT = [
    "",
    ".",
    "..",
    "/",
    "~",
    "\x00",
    "\ud800",  # a lone surrogate, as JSON's "\ud800" escape gives
    "\udce9",  # what a file name that is not UTF-8 becomes in Python
    "a\\b",
    "n" * 300,
    "../" * 40,
    "wire",
    "rewrite",
    "verified",
    "orphaned",
    "2026-03-04T09:30:00",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-12:00",
    "2026-02-30T00:00:00",
    "compareapp.session",
]
_TRICKY_NUMBERS = [-1, 0, 1, 2, 3, 2**31, 2**63, 2**64, -(2**63), 1.5, 1e308, -0.0]
_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(_TRICKY_TEXT)
    | st.sampled_from(_TRICKY_NUMBERS)
)
_odd_text = st.text(max_size=20) | st.sampled_from(_TRICKY_TEXT)
_json_values = st.recursive(
    _scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=12,
)


def _locations(value: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _locations(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _locations(item, (*prefix, index))
    return found


_FREE_TEXT = {"app", "path", "relative_path", "name", "sha256", "encoding", "note", "reviewer",
              "quote", "prefix", "suffix", "original_quote", "id", "source"}  # fmt: skip
_KEYS = ["relative_path", "path", "id", "source", "start", "end", "quote", "base", "format"]


@st.composite
def _damaged_structures(draw: st.DrawFn, texts_only: bool = False) -> bytes:
    """The valid session with up to four values changed (a text for another text, which
    mostly still loads, or for any JSON value), removed, duplicated or added, written as
    JSON (sometimes with a non-finite number, which JSON itself lacks)."""
    data: Any = json.loads(VALID)
    for _ in range(draw(st.integers(1, 4))):
        locations = _locations(data)
        if texts_only:
            locations = [where for where in locations if where[-1] in _FREE_TEXT]
        location = draw(st.sampled_from(locations))
        parent: Any = data
        for key in location[:-1]:
            parent = parent[key]
        actions = (
            ["retext"] if texts_only else ["retext"] * 4 + ["replace", "delete", "copy", "add"]
        )
        action = draw(st.sampled_from(actions))
        if action == "retext" and isinstance(parent[location[-1]], str):
            parent[location[-1]] = draw(_odd_text)
        elif action == "delete":
            del parent[location[-1]]
        elif action == "copy" and isinstance(parent, list):
            parent.append(json.loads(json.dumps(parent[location[-1]])))
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(_KEYS))] = draw(_json_values)
        else:
            parent[location[-1]] = draw(_json_values)
    text = json.dumps(data, ensure_ascii=draw(st.booleans()))
    special = draw(st.sampled_from([None, "NaN", "Infinity", "-Infinity"]))
    if special is not None and text.endswith("}"):
        text = f'{text[:-1]}, "extra": {special}}}'
    encoded: bytes = text.encode("utf-8", "surrogatepass")
    return encoded


@st.composite
def _damaged_bytes(draw: st.DrawFn) -> bytes:
    """The valid file with bytes cut, flipped, inserted or repeated."""
    data = bytearray(VALID)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "truncate", "flip", "insert", "repeat"]))
        if action == "cut":
            del data[at : at + draw(st.integers(1, 20))]
        elif action == "truncate":
            del data[at:]
        elif action == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif action == "insert":
            data[at:at] = draw(
                st.binary(max_size=8)
                | st.sampled_from(
                    [b"[" * 100_000, b"\\ud800", b'"', b"\xff", b"1e999", b"9" * 5000]
                )
            )
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 40))]
    return bytes(data)


_session_files = (
    _damaged_structures(texts_only=True)
    | _damaged_structures()
    | _damaged_bytes()
    | _json_values.map(lambda value: json.dumps(value).encode("utf-8"))
    | st.binary(max_size=64)
)


def _load_or_refuse(folder: Path, data: bytes) -> Session | None:
    """Write ``data`` as a session file and load it: a Session, or a SessionError that
    names the file and says why; any other exception fails the test."""
    path = folder / f"fuzz{SESSION_SUFFIX}"
    path.write_bytes(data)
    try:
        session = load_session(path)
    except SessionError as error:
        assert error.path == str(path)
        assert str(error).startswith(f"{path}: ")
        assert error.reason.strip()
        event("refused")
        return None
    assert isinstance(session, Session)
    event("loaded")
    return session


def _use(session: Session, folder: Path) -> None:
    """What the app does with a session that loaded: shows its marks against sources
    whose text changed (re-anchoring them), and saves it again, to the same content."""
    documents = [
        document_from_text(
            ARTICLE.replace("1,200", "1,400"),
            path=source.path,
            name=source.name,
            sha256="c" * 64,
            encoding="utf-8",
        )
        for source in session.sources
        if source.name.strip()
    ][:2]
    report = review_to_text(session, documents)
    assert report.startswith(f"Review marks: {len(session.marks)}")
    again = folder / f"again{SESSION_SUFFIX}"
    save_session(again, session)
    assert _placed(load_session(again)) == _placed(session)


def _placed(session: Session) -> Session:
    """``session`` with each source path that exists made absolute: a relative path (the
    app never writes one) is saved again relative to the session's folder and read back
    as the absolute path of the same file."""
    sources = tuple(
        dataclasses.replace(source, path=os.path.realpath(source.path))
        if os.path.exists(source.path)
        else source
        for source in session.sources
    )
    return dataclasses.replace(session, sources=sources)


@SLOW
@given(_session_files)
def test_any_session_file_loads_or_is_refused_with_the_file_named(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        session = _load_or_refuse(folder, data)
        if session is not None:
            _use(session, folder)


_times = st.builds(
    lambda moment, minutes: moment.replace(tzinfo=timezone(timedelta(minutes=minutes))),
    st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(9000, 1, 1)),
    st.integers(-23 * 60, 23 * 60),
)


@st.composite
def _sessions(draw: st.DrawFn) -> Session:
    ids = draw(st.lists(_odd_text, min_size=0, max_size=3, unique=True))
    sources = tuple(
        SessionSource(
            source_id,
            "/compareapp-fuzz-nowhere/" + draw(_odd_text).replace("..", "__"),
            draw(_odd_text),
            draw(_odd_text),
            draw(_odd_text),
            draw(_times),
        )
        for source_id in ids
    )
    marks = []
    for number in range(draw(st.integers(0, 4)) if ids else 0):
        text = draw(st.text(min_size=1, max_size=80) | st.sampled_from(["\udce9x", "a\ud800"]))
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        mark = ReviewMark.create(
            draw(st.sampled_from(ids)),
            text,
            start,
            end,
            draw(st.sampled_from(MarkStatus)),
            draw(_odd_text),
            note=draw(_odd_text),
            when=draw(_times),
        )
        if draw(st.booleans()):
            mark = mark.reanchored(draw(st.text(max_size=40)))
        marks.append(dataclasses.replace(mark, id=f"mark-{number}"))
    return Session(
        sources=sources,
        marks=tuple(marks),
        base=draw(st.integers(0, max(0, len(sources) - 1))),
        typographic=draw(st.booleans()),
        saved_at=draw(_times),
    )


@SLOW
@given(_sessions())
def test_any_session_is_saved_and_read_back_exactly(session: Session) -> None:
    """Whatever the marks, notes, names and paths hold (file names that are not UTF-8
    included), a session saves and reads back as it was."""
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / f"review{SESSION_SUFFIX}"
        save_session(path, session)
        assert load_session(path) == session


def test_a_source_whose_file_name_is_not_utf8_is_saved_and_found_again(tmp_path: Path) -> None:
    """Found by the fuzzer: such a name (Python reads it with a lone surrogate) made saving
    the session fail with UnicodeEncodeError, so the marks could not be saved at all."""
    name = os.fsdecode(b"r\xe9sum\xe9.txt")  # Latin-1 bytes, not UTF-8
    path = tmp_path / name
    path.write_text(ARTICLE, encoding="utf-8")
    document = load_document(path)
    mark = ReviewMark.create(document.source_id, document.text, 28, 44, MarkStatus.DISPUTED, "ana")
    session = Session(sources=(SessionSource.of(document),), marks=(mark,))
    saved = tmp_path / f"review{SESSION_SUFFIX}"
    save_session(saved, session)
    loaded = load_session(saved)
    assert loaded == session
    assert Path(loaded.sources[0].path).read_text(encoding="utf-8") == ARTICLE


def test_a_source_path_with_a_nul_character_is_matched_by_name(tmp_path: Path) -> None:
    """Found by the fuzzer: such a path (JSON's "\\u0000" in a damaged or hand-made file)
    loads, and ``compare --session`` then crashed with ValueError in ``os.path.realpath``
    instead of reporting the marks."""
    saved = tmp_path / f"review{SESSION_SUFFIX}"
    data = json.loads(VALID)
    data["sources"][0]["path"] = "/news/wire\x00.txt"  # written as "\\u0000"
    saved.write_text(json.dumps(data), encoding="utf-8")
    session = load_session(saved)
    assert session.sources[0].path == "/news/wire\x00.txt"
    document = _document(ARTICLE, "wire")
    assert match_sources(session.sources, [document]) == {"wire": document}
    report = review_to_text(session, [document])
    assert "[verified] wire.txt, anchored: “1,200 households”" in report


def test_the_generators_reach_both_outcomes() -> None:
    """The fuzzers are not vacuous: the damaged files include loadable ones and refused
    ones, and the story versions include linked and unlinked paragraphs."""
    outcomes: set[str] = set()
    linked: set[str] = set()

    @settings(max_examples=60, database=None, derandomize=True)
    @given(_session_files, _versions(2))
    def sample(data: bytes, versions: list[list[str]]) -> None:
        with tempfile.TemporaryDirectory() as name:
            session = _load_or_refuse(Path(name), data)
        outcomes.add("loaded" if session is not None else "refused")
        alignment = align_paragraphs(*versions)
        if alignment.links:
            linked.add("links")
        if alignment.unique_a or alignment.unique_b:
            linked.add("unique")

    sample()
    assert outcomes == {"loaded", "refused"}
    assert linked == {"links", "unique"}
