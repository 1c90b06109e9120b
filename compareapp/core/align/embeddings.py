"""The paraphrase signal: paragraph vectors from static word-piece embeddings.

The model is a table of one vector per word piece, distilled once from the
all-MiniLM-L6-v2 sentence encoder with model2vec (``packaging/build_embeddings.py``
rebuilds it; its licence is beside it in ``compareapp/assets/embeddings``). A paragraph's
vector is the mean of its pieces' vectors, so "begged" and "entreated" land near each
other although they share no letters. Only numpy runs here: no network, no torch. Without
the model files the aligner works on its lexical evidence alone.
"""

from __future__ import annotations

import itertools
import json
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from compareapp.core.align.sparse_rows import ragged_arange
from compareapp.core.align.wordpiece import WordPieces, bert_words

MODEL_FOLDER = Path(__file__).resolve().parents[2] / "assets" / "embeddings"
WORD_BLOCK = 1 << 17
"""Words looked up at once when a text is embedded (a book has a million)."""
_CHUNK_PIECES = 16_384
Vectors = npt.NDArray[np.float32]


class _Pieces(NamedTuple):
    """Word-piece ids of a run of word occurrences, and how many each occurrence has."""

    ids: npt.NDArray[np.int64]
    counts: npt.NDArray[np.int64]


class StaticEmbeddings:
    """Word-piece vectors and the uncased WordPiece tokenizer that splits text into pieces."""

    def __init__(self, vectors: Vectors, vocabulary: dict[str, int]) -> None:
        self.vectors = vectors
        self.vocabulary = vocabulary
        self._pieces = WordPieces(vocabulary)

    @property
    def dimensions(self) -> int:
        return int(self.vectors.shape[1])

    def embed(self, texts: list[str]) -> Vectors:
        """One unit-length vector per text (zero for a text with no known piece)."""
        words = [bert_words(text) for text in texts]
        pieces = self._pieces_of([word for in_text in words for word in in_text])
        text_of_word = np.repeat(np.arange(len(texts)), [len(in_text) for in_text in words])
        pieces_per_text = np.bincount(text_of_word, pieces.counts, len(texts)).astype(np.int64)
        sums = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        text_starts = _starts(pieces_per_text)
        first = 0
        while first < len(texts):  # a chunk at a time: all the pieces' vectors at once
            last, size = first, 0  # would take gigabytes for a book
            while last < len(texts) and (size < _CHUNK_PIECES or last == first):
                size += int(pieces_per_text[last])
                last += 1
            begin = int(text_starts[first])
            ids = pieces.ids[begin : begin + size]
            sums[first:last] = self._sums(ids, pieces_per_text[first:last])
            first = last
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return np.asarray(sums / norms, dtype=np.float32)

    def _pieces_of(self, words: list[str]) -> _Pieces:
        """The piece ids of every word occurrence, run together, and each one's count.
        Words are looked up by blocks of :data:`WORD_BLOCK`: a book's million words at once
        held the interpreter's lock for 60 ms."""
        blocks = [words[first : first + WORD_BLOCK] for first in range(0, len(words), WORD_BLOCK)]
        seen: dict[str, None] = {}
        for block in blocks:
            seen.update(dict.fromkeys(block))
        distinct = list(seen)
        piece_lists = [self._pieces.of(word) for word in distinct]
        counts = np.array([len(item) for item in piece_lists], dtype=np.int64)
        flat = np.fromiter(itertools.chain.from_iterable(piece_lists), np.int64, int(counts.sum()))
        position = {word: index for index, word in enumerate(distinct)}
        occurrence = np.concatenate(
            [np.zeros(0, np.int64)]
            + [
                np.fromiter(map(position.__getitem__, block), np.int64, len(block))
                for block in blocks
            ]
        )
        ids = flat[ragged_arange(_starts(counts)[occurrence], counts[occurrence])]
        return _Pieces(ids, counts[occurrence])

    def _sums(self, ids: npt.NDArray[np.int64], counts: npt.NDArray[np.int64]) -> Vectors:
        """The sum of each text's piece vectors (``counts[t]`` pieces of ``ids`` each, run
        together): the k-th piece of every text that has one added at once, k = 0, 1, ...
        (nine times quicker than ``np.add.reduceat``, which goes text by text)."""
        sums = np.zeros((len(counts), self.dimensions), dtype=np.float32)
        starts = _starts(counts)
        texts = np.flatnonzero(counts > 0)
        piece = 0
        while len(texts):
            sums[texts] += self.vectors[ids[starts[texts] + piece]]
            piece += 1
            texts = texts[counts[texts] > piece]
        return sums


def _starts(counts: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Where each run begins when runs of ``counts`` items lie end to end."""
    return np.cumsum(counts) - counts


@cache
def load_embeddings(folder: Path = MODEL_FOLDER) -> StaticEmbeddings | None:
    """The bundled model, or ``None`` when its files are missing or unreadable."""
    try:
        tensors = read_safetensors(folder / "model.safetensors")
        vectors = next(iter(tensors.values())).astype(np.float32)
        words = (folder / "vocabulary.txt").read_text(encoding="utf-8").split("\n")
    except (OSError, ValueError, KeyError, StopIteration):
        return None
    if len(words) != len(vectors):
        return None
    return StaticEmbeddings(vectors, {word: index for index, word in enumerate(words)})


def read_safetensors(path: Path) -> dict[str, npt.NDArray[Any]]:
    """Every tensor of a safetensors file (float16, float32 or int8), as stored."""
    raw = path.read_bytes()
    header_size = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8 : 8 + header_size])
    types = {"F16": np.float16, "F32": np.float32, "I8": np.int8}
    tensors = {}
    for name, tensor in header.items():
        if name == "__metadata__":
            continue
        start, end = tensor["data_offsets"]
        dtype = np.dtype(types[tensor["dtype"]])
        count = (end - start) // dtype.itemsize
        data = np.frombuffer(raw, dtype=dtype, count=count, offset=8 + header_size + start)
        tensors[name] = data.reshape(tensor["shape"])
    return tensors
