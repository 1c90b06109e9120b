"""A replaced run of words and figures, parted at its figures: "jumped 8" / "rose 9" is the
wording "jumped" / "rose" and the number "8" / "9", so that the strong number highlight
falls on the figure alone.

A run is parted only where both sides hold the same count of figures (a figure is digits,
or number words with their scale: "2 million", "forty-two") with words at the same places
("jumped 8" / "9" stays whole); the words between figures are paired in order, and words
alike on both sides are left equal.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from compareapp.core.diff.classify import number_word
from compareapp.core.text.normalize import Token, TokenKind

Opcode = tuple[str, int, int, int, int]
Run = tuple[int, int]


def numbers_apart(
    opcodes: Sequence[Opcode],
    tokens_a: Sequence[Token],
    tokens_b: Sequence[Token],
    languages: tuple[str, str],
) -> Iterator[Opcode]:
    """``opcodes`` with each replacement that mixes words and figures parted at its
    figures."""
    for opcode in opcodes:
        tag, a0, a1, b0, b1 = opcode
        if tag != "replace":
            yield opcode
            continue
        pieces_a = _pieces(tokens_a, a0, a1, languages[0])
        pieces_b = _pieces(tokens_b, b0, b1, languages[1])
        if not _parallel(pieces_a, pieces_b):
            yield opcode
            continue
        for (x0, x1), (y0, y1) in zip(pieces_a, pieces_b, strict=True):
            if x0 == x1 and y0 == y1:
                continue
            keys_a = [token.key for token in tokens_a[x0:x1]]
            keys_b = [token.key for token in tokens_b[y0:y1]]
            yield ("equal" if keys_a == keys_b else "replace"), x0, x1, y0, y1


def _parallel(pieces_a: list[Run], pieces_b: list[Run]) -> bool:
    """Do both sides hold figures, as many, with words between them where the other side
    has words too? (A piece with words on one side only would be an insertion beside a
    replacement at the same point: the run stays whole.)"""
    if len(pieces_a) != len(pieces_b) or len(pieces_a) < 3:
        return False
    return all(
        (x0 == x1) == (y0 == y1) for (x0, x1), (y0, y1) in zip(pieces_a, pieces_b, strict=True)
    )


def _pieces(tokens: Sequence[Token], start: int, end: int, language: str) -> list[Run]:
    """``[start, end)`` as words, figure, words, figure, ..., words (the words may be
    none); one piece, the whole, when it holds no figure or only figures."""
    pieces: list[Run] = []
    words_from = start
    k = start
    while k < end:
        if not _figure(tokens[k], language):
            k += 1
            continue
        figure_end = k + 1
        while figure_end < end and _figure(tokens[figure_end], language):
            figure_end += 1
        pieces += [(words_from, k), (k, figure_end)]
        words_from = k = figure_end
    pieces.append((words_from, end))
    if len(pieces) == 3 and pieces[0][0] == pieces[0][1] and pieces[2][0] == pieces[2][1]:
        return [(start, end)]  # figures alone
    return pieces


def _figure(token: Token, language: str) -> bool:
    return token.kind is TokenKind.NUMBER or (
        token.kind is TokenKind.WORD and number_word(token.key, language)
    )
