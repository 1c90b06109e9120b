"""Word-level differences between aligned passages, built on diff-match-patch.

Each token is encoded as one character (as diff-match-patch's line mode does for lines),
the two strings are diffed, and the operations are mapped back to character offsets in
the documents. Typographic variants share a token key, so they never show as changes;
they are reported separately, for a view that wants to show them.

diff-match-patch's own time limit would make results depend on the machine, so it is
switched off and the work is bounded by size instead: passages longer than
``WORD_DIFF_LIMIT`` tokens are first diffed sentence by sentence.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum

from diff_match_patch import diff_match_patch

from compareapp.core.diff.classify import DifferenceClass, classify_change, quotation_spans
from compareapp.core.diff.number_runs import Opcode, numbers_apart
from compareapp.core.text.normalize import Token, tokenize
from compareapp.core.text.spelling import spelling_key

WORD_DIFF_LIMIT = 4000
"""Token count above which a passage is diffed by sentences first."""


class Operation(Enum):
    DELETE = "delete"
    INSERT = "insert"
    REPLACE = "replace"
    TYPOGRAPHIC = "typographic"


@dataclass(frozen=True)
class Difference:
    """One change: ``[a_start, a_end)`` in document A became ``[b_start, b_end)`` in B.

    An insertion has an empty A range at the point where the text would go; a deletion
    has an empty B range.
    """

    operation: Operation
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str
    kind: DifferenceClass


@dataclass(frozen=True)
class Passage:
    """A run of text in a document: the paragraphs of one side of a link group."""

    text: str
    spans: Sequence[tuple[int, int]]
    span_tokens: Sequence[list[Token]] | None = field(default=None, compare=False, repr=False)
    """The tokens of each span (``tokenize_span(text, start, end)``), when the caller already
    has them: a group diffed in several orders tokenizes its paragraphs once."""
    quoting: Sequence[tuple[int, int]] | None = field(default=None, compare=False, repr=False)
    """The paragraphs whose quotation marks say what is quoted, when the spans are parts of
    paragraphs (sentences): a quotation may open in one sentence and close in the next."""
    language: str = ""
    """The language the text is read in (its document's :attr:`Document.language`): its
    number words and its rules for names classify the differences."""

    def tokens(self) -> list[Token]:
        return [token for tokens in self.tokens_by_span() for token in tokens]

    def tokens_by_span(self) -> Sequence[list[Token]]:
        if self.span_tokens is not None:
            return self.span_tokens
        return [tokenize_span(self.text, start, end) for start, end in self.spans]


def tokenize_span(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]``, with offsets into ``text``."""
    return tokenize(text[start:end], start)


def diff_passages(a: Passage, b: Passage) -> list[Difference]:
    """The differences between passage ``a`` and passage ``b``, in document order."""
    by_span_a, by_span_b = a.tokens_by_span(), b.tokens_by_span()
    tokens_a = list(itertools.chain.from_iterable(by_span_a))
    tokens_b = list(itertools.chain.from_iterable(by_span_b))
    opcodes = _token_opcodes(_match_keys(tokens_a), _match_keys(tokens_b))
    quotes_a = quotation_spans(a.text, a.spans if a.quoting is None else a.quoting)
    quotes_b = quotation_spans(b.text, b.spans if b.quoting is None else b.quoting)
    paragraphs_a = _paragraph_labels(a.spans, by_span_a)
    paragraphs_b = _paragraph_labels(b.spans, by_span_b)
    differences = []
    languages = (a.language, b.language)
    opcodes = list(numbers_apart(opcodes, tokens_a, tokens_b, languages))
    for tag, a0, a1, b0, b1 in _spelling_apart(opcodes, tokens_a, tokens_b):
        if tag == "equal":
            differences += _typographic(tokens_a[a0:a1], tokens_b[b0:b1])
            continue
        runs_a = _by_paragraph(paragraphs_a, a0, a1)
        runs_b = _by_paragraph(paragraphs_b, b0, b1)
        for run_a, run_b in itertools.zip_longest(runs_a, runs_b):
            x0, x1 = run_a or (a1, a1)
            y0, y1 = run_b or (b1, b1)
            slice_a, slice_b = tokens_a[x0:x1], tokens_b[y0:y1]
            a_start, a_end = _range(slice_a, tokens_a, x0, a.spans)
            b_start, b_end = _range(slice_b, tokens_b, y0, b.spans)
            quoted = _inside(quotes_a, a_start, a_end) or _inside(quotes_b, b_start, b_end)
            differences.append(
                Difference(
                    _operation(slice_a, slice_b),
                    a_start,
                    a_end,
                    b_start,
                    b_end,
                    a.text[a_start:a_end],
                    b.text[b_start:b_end],
                    classify_change(slice_a, slice_b, a.text, b.text, quoted, languages),
                )
            )
    return differences


def _match_keys(tokens: list[Token]) -> list[str]:
    """The keys the diff matches tokens by: a lower-case word by its spelling key, so that
    "kilometers" and "kilometres" anchor the diff (and are then a spelling change)."""
    return [_match_key(token.key) for token in tokens]


@functools.lru_cache(maxsize=1 << 16)
def _match_key(key: str) -> str:
    return spelling_key(key) if key.islower() else key


def _spelling_apart(
    opcodes: list[Opcode], tokens_a: list[Token], tokens_b: list[Token]
) -> Iterator[Opcode]:
    """The opcodes, with the runs of an equal block whose keys differ (spelling variants)
    made replacements of their own."""
    for tag, a0, a1, b0, b1 in opcodes:
        if tag != "equal":
            yield tag, a0, a1, b0, b1
            continue
        same = [x.key == y.key for x, y in zip(tokens_a[a0:a1], tokens_b[b0:b1], strict=True)]
        if all(same):
            yield tag, a0, a1, b0, b1
            continue
        for alike, run in itertools.groupby(same):
            length = len(list(run))
            yield "equal" if alike else "replace", a0, a0 + length, b0, b0 + length
            a0, b0 = a0 + length, b0 + length


def _operation(slice_a: list[Token], slice_b: list[Token]) -> Operation:
    if slice_a and slice_b:
        return Operation.REPLACE
    return Operation.DELETE if slice_a else Operation.INSERT


def _paragraph_labels(
    spans: Sequence[tuple[int, int]], by_span: Sequence[list[Token]]
) -> list[int]:
    """For each token, which paragraph it is in: how many spans start at or before it."""
    starts = sorted(start for start, _ in spans)
    labels: list[int] = []
    for (start, end), tokens in zip(spans, by_span, strict=True):
        label = bisect.bisect_right(starts, start)
        if label == bisect.bisect_left(starts, end):  # no other span starts inside this one
            labels += [label] * len(tokens)
        else:
            labels += [bisect.bisect_right(starts, token.start) for token in tokens]
    return labels


def _by_paragraph(labels: list[int], first: int, last: int) -> list[tuple[int, int]]:
    """Split the token range ``[first, last)`` where it crosses from one paragraph to the
    next, so that no difference spans two paragraphs."""
    runs = []
    start = first
    for k in range(first + 1, last):
        if labels[k] != labels[k - 1]:
            runs.append((start, k))
            start = k
    if start < last:
        runs.append((start, last))
    return runs


def _range(
    slice_: list[Token], tokens: list[Token], index: int, spans: Sequence[tuple[int, int]]
) -> tuple[int, int]:
    """Character range of a token slice; an empty slice is the point after the token before
    (or the passage's start, for a passage with no words before it)."""
    if slice_:
        return slice_[0].start, slice_[-1].end
    if index > 0:
        return tokens[index - 1].end, tokens[index - 1].end
    point = tokens[0].start if tokens else (spans[0][0] if spans else 0)
    return point, point


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _typographic(tokens_a: list[Token], tokens_b: list[Token]) -> list[Difference]:
    return [
        Difference(
            Operation.TYPOGRAPHIC,
            x.start,
            x.end,
            y.start,
            y.end,
            x.text,
            y.text,
            DifferenceClass.TYPOGRAPHIC,
        )
        for x, y in zip(tokens_a, tokens_b, strict=True)
        if x.text != y.text
    ]


def _token_opcodes(keys_a: list[str], keys_b: list[str]) -> list[Opcode]:
    """Opcodes like difflib's over two key sequences, computed with diff-match-patch."""
    if len(keys_a) + len(keys_b) > WORD_DIFF_LIMIT:
        return _chunked_opcodes(keys_a, keys_b)
    return _dmp_opcodes(keys_a, keys_b)


def _dmp_opcodes(keys_a: list[str], keys_b: list[str]) -> list[Opcode]:
    alphabet: dict[str, str] = {}
    return _to_opcodes(word_diff(_encode(keys_a, alphabet), _encode(keys_b, alphabet)))


def python_word_diff(text_a: str, text_b: str) -> list[tuple[int, str]]:
    """diff-match-patch's diff of two strings, no time limit, in pure Python."""
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    return list(engine.diff_main(text_a, text_b, False))


def compiled_word_diff(text_a: str, text_b: str) -> list[tuple[int, str]]:
    """The same diff from diff-match-patch's C++ port (fast-diff-match-patch): identical
    operations (``tests/core/test_compiled_diff.py`` checks), four times faster."""
    return [
        (_OPERATIONS[operation], text)
        for operation, text in fast_diff_match_patch.diff(
            text_a, text_b, timelimit=0, checklines=False, cleanup="No", counts_only=False
        )
    ]


try:
    import fast_diff_match_patch
except ImportError:  # a platform without its wheel: the pure-Python engine gives the same
    word_diff = python_word_diff
else:
    word_diff = compiled_word_diff
_OPERATIONS = {"=": 0, "-": -1, "+": 1}


def _encode(keys: list[str], alphabet: dict[str, str]) -> str:
    chars = []
    for key in keys:
        if key not in alphabet:
            code = 0x100 + len(alphabet)
            alphabet[key] = chr(code if code < 0xD800 else code + 0x800)
        chars.append(alphabet[key])
    return "".join(chars)


def _to_opcodes(diffs: list[tuple[int, str]]) -> list[Opcode]:
    opcodes: list[Opcode] = []
    a = b = 0
    pending_a, pending_b = a, b
    for operation, text in diffs:
        if operation == 0:
            if (pending_a, pending_b) != (a, b):
                opcodes.append(("replace", pending_a, a, pending_b, b))
            opcodes.append(("equal", a, a + len(text), b, b + len(text)))
            a += len(text)
            b += len(text)
            pending_a, pending_b = a, b
        elif operation < 0:
            a += len(text)
        else:
            b += len(text)
    if (pending_a, pending_b) != (a, b):
        opcodes.append(("replace", pending_a, a, pending_b, b))
    return opcodes


def _chunked_opcodes(keys_a: list[str], keys_b: list[str]) -> list[Opcode]:
    """Diff by sentence-sized chunks first, then by words inside small changed regions."""
    chunks_a, chunks_b = _chunks(keys_a), _chunks(keys_b)
    coarse = _dmp_opcodes(
        ["\x00".join(keys_a[s:e]) for s, e in chunks_a],
        ["\x00".join(keys_b[s:e]) for s, e in chunks_b],
    )
    opcodes: list[Opcode] = []
    for tag, a0, a1, b0, b1 in coarse:
        sa, ea = (
            (chunks_a[a0][0], chunks_a[a1 - 1][1]) if a1 > a0 else _point(chunks_a, a0, len(keys_a))
        )
        sb, eb = (
            (chunks_b[b0][0], chunks_b[b1 - 1][1]) if b1 > b0 else _point(chunks_b, b0, len(keys_b))
        )
        if tag == "equal":
            opcodes.append(("equal", sa, ea, sb, eb))
        elif (ea - sa) + (eb - sb) <= WORD_DIFF_LIMIT:
            opcodes += [
                (t, x0 + sa, x1 + sa, y0 + sb, y1 + sb)
                for t, x0, x1, y0, y1 in _token_opcodes(keys_a[sa:ea], keys_b[sb:eb])
            ]
        else:
            opcodes.append(("replace", sa, ea, sb, eb))
    return opcodes


def _point(chunks: list[tuple[int, int]], index: int, total: int) -> tuple[int, int]:
    position = chunks[index][0] if index < len(chunks) else total
    return position, position


def _chunks(keys: list[str]) -> list[tuple[int, int]]:
    """Sentence-like runs of keys: they end after ., ! or ?, or after 60 keys."""
    chunks = []
    start = 0
    for index, key in enumerate(keys):
        if key in (".", "!", "?") or index - start >= 59:
            chunks.append((start, index + 1))
            start = index + 1
    if start < len(keys):
        chunks.append((start, len(keys)))
    return chunks
