"""The bundled static embeddings: they load with numpy alone and place paraphrases close."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from compareapp.core.align.embeddings import MODEL_FOLDER, load_embeddings


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    embeddings = load_embeddings()
    assert embeddings is not None, f"the model files are missing from {MODEL_FOLDER}"
    return embeddings


def test_a_paraphrase_is_closer_than_an_unrelated_sentence(model) -> None:  # type: ignore[no-untyped-def]
    vectors = model.embed(
        [
            "The lion begged the poor mouse to spare his life.",
            "The lion piteously entreated the mouse not to kill him.",
            "Council approves the budget for the new harbour bridge.",
        ]
    )
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    paraphrase, unrelated = vectors[0] @ vectors[1], vectors[0] @ vectors[2]
    assert paraphrase > unrelated + 0.2, (paraphrase, unrelated)


def test_accents_and_case_do_not_change_the_vector(model) -> None:  # type: ignore[no-untyped-def]
    plain, accented = model.embed(["The cafe resume was naive", "THE CAFÉ RÉSUMÉ WAS NAÏVE"])
    assert plain @ accented == pytest.approx(1.0, abs=1e-5)


def test_text_without_known_pieces_gets_a_zero_vector(model) -> None:  # type: ignore[no-untyped-def]
    vectors = model.embed(["", "   ", "ok"])
    assert not vectors[0].any() and not vectors[1].any() and vectors[2].any()


def test_missing_or_damaged_model_files_give_none(tmp_path: Path) -> None:
    assert load_embeddings(tmp_path) is None
    (tmp_path / "model.safetensors").write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{not json}")
    (tmp_path / "vocabulary.txt").write_text("a\nb", encoding="utf-8")
    assert load_embeddings(tmp_path) is None


def test_a_long_book_is_embedded_in_bounded_chunks(model) -> None:  # type: ignore[no-untyped-def]
    texts = ["The river rose above the old stone bridge at dawn."] * 5_000
    vectors = model.embed(texts)
    assert vectors.shape == (5_000, model.dimensions)
    assert np.allclose(vectors, vectors[0], atol=1e-5)
