"""The aligner's word terms in each side's language: Snowball stems and the language's stop
words, chosen by Document.language through Comparison."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from compareapp.core.align.features import term_entries, terms_of
from compareapp.core.align.links import LEXICAL_PARAMS, AlignParams, for_languages
from compareapp.core.align.similarity import ParagraphSimilarity
from compareapp.core.diff.comparison import compare_pair
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text

GERMAN = (
    "Die Soldaten der russischen Armee wurden an die Grenze verlegt, sagte der Sprecher.",
    "Ein russischer Soldat sei an der Grenzen verlegt worden, sagte ein Sprecher.",
)


def test_german_terms_are_german_stems_without_german_function_words() -> None:
    assert terms_of(GERMAN[0], "de") == {"soldat", "russisch", "arme", "grenz", "verlegt", "sprech"}
    english_rules = terms_of(GERMAN[0])
    assert {"die", "der", "sagte"} <= english_rules


def test_inflected_german_paragraphs_share_more_terms_read_as_german() -> None:
    german = terms_of(GERMAN[0], "de") & terms_of(GERMAN[1], "de")
    english = terms_of(GERMAN[0]) & terms_of(GERMAN[1]) - {"die", "der", "an", "sagte", "ein"}
    assert german == {"soldat", "russisch", "grenz", "verlegt", "sprech"}
    assert len(english) < len(german)


def test_each_side_is_read_in_its_own_language() -> None:
    entries = term_entries(["Le ministre a dit", "The minister said"], ["fr", "en"])
    assert sorted(entries.names) == ["minister", "ministre"]
    assert entries.rows.tolist() == [0, 1]


def test_similarity_of_an_inflected_paraphrase_rises_with_the_language() -> None:
    def score(languages: tuple[str, str]) -> float:
        similarity = ParagraphSimilarity(GERMAN[:1], GERMAN[1:], None, languages)
        return similarity.score([0], [0])

    assert score(("de", "de")) > score(("", "")) + 0.1


def document(text: str, language: str) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    made = document_from_text(text, path="", name="pasted", sha256=digest, encoding="utf-8")
    return replace(made, language_override=language)


def test_a_comparison_aligns_with_its_documents_languages() -> None:
    assert for_languages(AlignParams(), ("en", "")) == replace(AlignParams(), languages=("en", ""))
    a = document("\n\n".join(GERMAN[:1]) + "\n", "de")
    b = document("\n\n".join(GERMAN[1:]) + "\n", "de")
    as_german = compare_pair(a, b).alignment.links
    as_english = compare_pair(replace(a, language_override="en"), b).alignment.links
    assert as_german[0].shared_terms != as_english[0].shared_terms
    assert "Soldaten" in as_german[0].shared_terms or "soldaten" in as_german[0].shared_terms


def test_a_story_in_another_language_is_aligned_without_the_english_embedding() -> None:
    for languages in (("de", "de"), ("fr", "en"), ("", "es")):
        params = for_languages(AlignParams(), languages)
        assert params == AlignParams(**LEXICAL_PARAMS, languages=languages)
        assert not params.use_meaning
    lexical = AlignParams(**LEXICAL_PARAMS)
    assert for_languages(lexical, ("de", "de")) == replace(lexical, languages=("de", "de"))
