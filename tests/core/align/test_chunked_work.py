"""Work done by chunks or with shortcuts gives exactly what the whole, plain computation
gives: the candidate lookups by blocks of paragraphs, the embedding dot products by chunks,
the sentence matches that skip sentences too short or too long to matter."""

from __future__ import annotations

import random

import numpy as np
import pytest

from compareapp.core.align import embeddings, features, sentences, similarity
from compareapp.core.align.embeddings import load_embeddings
from compareapp.core.align.similarity import ParagraphSimilarity

WORDS = (
    "river bridge council budget mayor station flood repair engineer harbour ferry "
    "schedule tunnel ministry inspector railway closure traffic detour contract"
).split()


def _paragraphs(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 30))) + f" {k}."
        for k in range(count)
    ]


@pytest.fixture(scope="module")
def texts() -> tuple[list[str], list[str]]:
    return _paragraphs(1, 60), _paragraphs(2, 55)


def test_lookups_by_blocks_of_paragraphs_find_the_same_pairs(
    texts: tuple[list[str], list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = ParagraphSimilarity(*texts)._shared_term_pairs()
    monkeypatch.setattr(similarity, "LOOKUP_ROWS", 7)
    blocks = ParagraphSimilarity(*texts)._shared_term_pairs()
    assert len(whole[0]) > 100
    for once, by_blocks in zip(whole, blocks, strict=True):
        assert by_blocks.dtype == once.dtype
        assert np.array_equal(by_blocks, once)


def test_embedding_dots_by_chunks_equal_the_dots_of_all_pairs(
    texts: tuple[list[str], list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    embeddings = load_embeddings()
    if embeddings is None:
        pytest.fail("the embedding model ships with the package")
    found = ParagraphSimilarity(*texts, embeddings)
    assert found.meaning is not None
    rng = np.random.default_rng(3)
    ia = rng.integers(0, len(texts[0]), 1000)
    jb = rng.integers(0, len(texts[1]), 1000)
    monkeypatch.setattr(similarity, "DOT_CHUNK", 64)
    chunked = similarity._row_dots(*found.meaning, ia, jb)
    plain = np.einsum("ij,ij->i", found.meaning[0][ia], found.meaning[1][jb])
    assert chunked.dtype == plain.dtype
    assert np.array_equal(chunked, plain)


def _dice(x: frozenset[str], y: frozenset[str]) -> float:
    return 2 * len(x & y) / (len(x) + len(y))


def _sentence_sets(rng: random.Random) -> list[frozenset[str]]:
    return [frozenset(rng.sample(WORDS, rng.randint(1, 12))) for _ in range(rng.randint(1, 5))]


def test_best_sentence_match_is_the_first_best_pair_whatever_it_skips() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        own_a, own_b = _sentence_sets(rng), _sentence_sets(rng)
        threshold = rng.choice([0.3, 0.5, 0.7])
        plain = max(((_dice(x, y), x, y) for x in own_a for y in own_b), key=lambda m: m[0])
        found = sentences._best_match(own_a, own_b, threshold)
        if plain[0] >= threshold:
            assert found == plain
        else:
            assert found[0] < threshold


def test_a_sentence_matched_as_well_elsewhere_is_found_whatever_it_skips() -> None:
    rng = random.Random(7)
    texts = [
        ". ".join(
            " ".join(rng.sample(WORDS, rng.randint(1, 9))).capitalize()
            for _ in range(rng.randint(1, 4))
        )
        + "."
        for _ in range(40)
    ]
    terms = sentences.SentenceTerms(texts, texts)
    for _ in range(2000):
        sentence = frozenset(rng.sample(WORDS, rng.randint(1, 10)))
        dice = rng.choice([0.2, 0.4, 0.6, 0.8, 1.0])
        others = rng.sample(range(len(texts)), 3)
        plain = any(_dice(sentence, s) >= dice for k in others for s in terms.of(1, k))
        assert sentences._matched_as_well(sentence, dice, terms, 1, others) is plain


def test_a_paragraph_has_at_least_as_many_pieces_as_sentences_with_terms() -> None:
    """The sentence pass skips a pair when both paragraphs have fewer than two pieces,
    before it reads their terms: a piece without terms only ever makes fewer."""
    texts = [
        "The mayor spoke. The bridge opens in May.",
        "Yes. No. The council met.",  # pieces without informative terms
        "One sentence about the harbour ferry",
        "",
    ]
    terms = sentences.SentenceTerms(texts, texts, ("en", "en"))
    counts = [(len(terms.pieces(0, k)), len(terms.of(0, k))) for k in range(len(texts))]
    assert all(pieces >= with_terms for pieces, with_terms in counts)
    assert counts[1][0] > counts[1][1]  # "Yes." and "No." say nothing the pass can match


def _same_entries(x: features.Entries, y: features.Entries) -> bool:
    arrays = ("rows", "features", "counts")
    return x.names == y.names and all(np.array_equal(getattr(x, a), getattr(y, a)) for a in arrays)


def test_grams_counted_by_blocks_of_paragraphs_are_those_of_one_block(
    texts: tuple[list[str], list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    letters = [features.letters_only(text) for text in [*texts[0], "", "éß東京", *texts[1]]]
    whole = features.gram_entries(letters)
    for block in (1, 5, 300):
        monkeypatch.setattr(features, "GRAM_BLOCK_CHARS", block)
        assert _same_entries(features.gram_entries(letters), whole)
    assert features.gram_entries([]).rows.size == 0


def test_terms_counted_by_blocks_of_paragraphs_are_those_of_one_block(
    texts: tuple[list[str], list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    mixed = [*texts[0], "Die Brücke über den Fluss", *texts[1], "Le pont sur la rivière"]
    languages = ["en"] * len(texts[0]) + ["de"] + ["en"] * len(texts[1]) + ["fr"]
    whole = features.term_entries(mixed, languages)
    for block in (1, 3, 50):
        monkeypatch.setattr(features, "TERM_BLOCK_TEXTS", block)
        assert _same_entries(features.term_entries(mixed, languages), whole)


def _shared_terms_one_pair(scorer: ParagraphSimilarity, i: int, j: int, limit: int) -> list[str]:
    """The plain way: intersect the two rows' terms, most informative first."""
    shared = np.intersect1d(scorer.words[0].row(i)[0], scorer.words[1].row(j)[0], True)
    shared = shared[np.argsort(-scorer.term_idf[shared], kind="stable")][:limit]
    return [scorer.surfaces[term] for term in shared.tolist()]


def test_shared_terms_by_chunks_of_pairs_are_those_of_each_pair(
    texts: tuple[list[str], list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    scorer = ParagraphSimilarity(*texts)
    pairs = [(i, j) for i in range(0, 60, 3) for j in range(0, 55, 4)] + [(5, 5), (5, 5)]
    for limit in (1, 6, 40):
        plain = [_shared_terms_one_pair(scorer, i, j, limit) for i, j in pairs]
        assert scorer.shared_terms(pairs, limit) == plain
        monkeypatch.setattr(similarity, "SHARED_CHUNK", 7)
        assert scorer.shared_terms(pairs, limit) == plain
        monkeypatch.undo()
    assert any(len(terms) == 6 for terms in scorer.shared_terms(pairs))  # the limit bites
    assert scorer.shared_terms([]) == []


def test_texts_embedded_by_blocks_of_words_are_embedded_as_at_once(
    texts: tuple[list[str], list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    found = load_embeddings()
    assert found is not None, "the embedding model ships with the package"
    mixed = [*texts[0], "", "Zelensky met Xi in Beijing.", *texts[1]]
    whole = found.embed(mixed)
    for block in (1, 7, 100):
        monkeypatch.setattr(embeddings, "WORD_BLOCK", block)
        by_blocks = found.embed(mixed)
        assert by_blocks.dtype == whole.dtype
        assert np.array_equal(by_blocks, whole)


def test_group_meanings_added_row_by_row_are_the_sums_of_their_rows(
    texts: tuple[list[str], list[str]],
) -> None:
    """The group score adds its paragraphs' vectors one at a time, not with numpy's sum
    (a reduction, which hands the interpreter's lock to other threads and back): the same
    float32 sums, bit for bit."""
    found = ParagraphSimilarity(*texts, load_embeddings())
    assert found.meaning is not None
    rng = random.Random(11)
    scored = 0
    for _ in range(300):
        a_group = sorted(rng.sample(range(len(texts[0])), rng.randint(1, 6)))
        b_group = sorted(rng.sample(range(len(texts[1])), rng.randint(1, 6)))
        left, right = found.meaning[0][a_group].sum(0), found.meaning[1][b_group].sum(0)
        meaning = float(left @ right / (float(np.sqrt(left @ left) * np.sqrt(right @ right))))
        lexical = 0.5 * found._word_products.cosine(a_group, b_group)
        lexical += 0.5 * found._char_products.cosine(a_group, b_group)
        assert found.score(a_group, b_group, 0.5, 0.25) == min(1.0, 0.75 * lexical + 0.25 * meaning)
        scored += len(a_group) > 1 and len(b_group) > 1
    assert scored > 100


def test_sentence_terms_let_go_leave_nothing_and_are_made_again_alike() -> None:
    texts = ["The mayor spoke. The bridge opens in May.", "The council met the ferry crew."]
    terms = sentences.SentenceTerms(texts, texts, ("en", "en"))
    made = [terms.of(side, k) for side in (0, 1) for k in range(len(texts))]
    cut = [terms.pieces(side, k) for side in (0, 1) for k in range(len(texts))]
    terms.release()
    assert terms._made == ({}, {}) and terms._cut == ({}, {})
    assert [terms.of(side, k) for side in (0, 1) for k in range(len(texts))] == made
    assert [terms.pieces(side, k) for side in (0, 1) for k in range(len(texts))] == cut
