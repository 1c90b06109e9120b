"""German, French and Spanish pairs (tests/fixtures/languages): the same story told two
ways, with a changed figure, the same amount written another way, a reworded quotation in
the language's marks, a changed surname and common nouns that differ. Each gives exactly
the rows an editor expects, and nothing for the wording."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import load_document
from compareapp.core.text.language import detect_language
from tests.helpers.documents import document
from tests.helpers.fact_rows import Row, table_rows

PAIRS = Path(__file__).resolve().parents[2] / "fixtures" / "languages"


EXPECTED: dict[str, list[Row]] = {
    "de": [
        ("number", "8.000", "9.000"),
        (
            "quotation",
            "Wir schätzen die Unterstützung unserer Partner sehr und werden jede Hilfe"
            " sinnvoll einsetzen",
            "Wir schätzen die Unterstützung unserer Partner hoch und werden jede Hilfe"
            " sinnvoll nutzen",
        ),
        ("name", "Peskow", "Uschakow"),
    ],
    "fr": [
        ("number", "8 000", "9\u00a0000"),
        (
            "quotation",
            "Nous apprécions hautement le soutien de nos partenaires et nous utiliserons"
            " chaque aide à bon escient",
            "Nous valorisons hautement le soutien de nos partenaires et nous utiliserons"
            " chaque aide avec discernement",
        ),
        ("name", "Peskov", "Ouchakov"),
    ],
    "es": [
        ("number", "8.000", "9.000"),
        (
            "quotation",
            "Apreciamos mucho el apoyo de nuestros socios y utilizaremos cada ayuda de forma"
            " responsable",
            "Valoramos mucho el apoyo de nuestros socios y usaremos cada ayuda de forma"
            " responsable",
        ),
        ("name", "Peskov", "Ushakov"),
    ],
}
"""Rows as (kind, the first text's words, the second's)."""

SAME_AMOUNT = {
    "de": ("600 Millionen Dollar", "0,6 Milliarden Dollar"),
    "fr": ("600 millions de dollars", "0,6 milliard de dollars"),
    "es": ("600 millones de dólares", "0,6 mil millones de dólares"),
}


def pair(language: str) -> tuple[Document, Document]:
    return load_document(PAIRS / f"{language}_a.txt"), load_document(PAIRS / f"{language}_b.txt")


@pytest.mark.parametrize("language", EXPECTED)
def test_each_pair_is_read_in_its_language(language: str) -> None:
    assert [detect_language(d.text) for d in pair(language)] == [language, language]


@pytest.mark.parametrize("language", EXPECTED)
def test_each_pair_gives_exactly_the_rows_an_editor_expects(language: str) -> None:
    assert table_rows(list(pair(language))) == EXPECTED[language]


@pytest.mark.parametrize("language", EXPECTED)
def test_the_other_text_as_base_gives_the_same_rows_mirrored(language: str) -> None:
    a, b = pair(language)
    assert table_rows([b, a]) == [(kind, y, x) for kind, x, y in EXPECTED[language]]


@pytest.mark.parametrize("language", SAME_AMOUNT)
def test_the_amount_written_another_way_is_there_and_not_a_row(language: str) -> None:
    a, b = pair(language)
    first, second = SAME_AMOUNT[language]
    assert first in a.text and second in b.text
    assert not [row for row in table_rows([a, b]) if first in (row[1] or "")]


@pytest.mark.parametrize("language", SAME_AMOUNT)
def test_a_changed_amount_is_always_a_row(language: str) -> None:
    a, b = pair(language)
    first, second = SAME_AMOUNT[language]
    changed = second.replace("0,6", "0,7")
    other = document(b.text.replace(second, changed), f"{language}_c.txt")
    assert ("number", first, changed) in table_rows([a, other])


@pytest.mark.parametrize("language", EXPECTED)
def test_a_second_changed_surname_is_a_second_name_row(language: str) -> None:
    a, b = pair(language)
    kuleba = "Kouleba" if language == "fr" else "Kuleba"
    other = document(b.text.replace(kuleba, "Sybiha"), f"{language}_c.txt")
    assert ("name", kuleba, "Sybiha") in table_rows([a, other])


@pytest.mark.parametrize(
    ("language", "tuesday", "thursday"),
    [("de", "Dienstag", "Donnerstag"), ("fr", "mardi", "jeudi"), ("es", "martes", "jueves")],
)
def test_another_day_of_the_week_is_a_date_row(language: str, tuesday: str, thursday: str) -> None:
    a, b = pair(language)
    other = document(b.text.replace(tuesday, thursday), f"{language}_c.txt")
    assert ("date or time", tuesday, thursday) in table_rows([a, other])
    assert [row for row in table_rows([a, b]) if tuesday in (row[1] or "")] == []


@pytest.mark.parametrize(
    ("language", "extra", "claim"),
    [
        ("de", "Die Lage an der Front bleibt nach Einschätzung von Beobachtern weiterhin sehr"
         " unübersichtlich und schwer zu beurteilen.", False),
        ("de", "Nach Ansicht von Verteidigungsminister Boris Pistorius ist eine schnelle Lösung"
         " nicht in Sicht.", True),
        ("fr", "La situation reste très confuse sur le terrain, selon plusieurs observateurs"
         " présents dans la région.", False),
        ("fr", "Selon la ministre Élisabeth Borne, aucune solution rapide n'est en vue.", True),
        ("es", "Según la ministra, unas 3.000 familias han perdido su casa.", True),
    ],
)  # fmt: skip
def test_a_paragraph_one_source_adds_is_a_claim_when_it_names_or_counts(
    language: str, extra: str, claim: bool
) -> None:
    a, _b = pair(language)
    other = document(a.text + "\n" + extra + "\n", f"{language}_c.txt")
    expected = [("only in one source", None, extra)] if claim else []
    assert table_rows([a, other]) == expected


def test_the_language_chosen_for_a_document_is_the_one_its_numbers_are_read_in() -> None:
    """Read as German, "600 Millionen" and "0,6 Milliarden" are one amount; read as English
    (the user's choice for both documents), "0,6" is another number, and a row."""
    german = list(pair("de"))
    assert [d.language for d in german] == ["de", "de"]
    english = [replace(d, language_override="en") for d in german]

    def amounts(documents: list[Document]) -> list[Row]:
        return [row for row in table_rows(documents) if row[0] == "number" and "0,6" in str(row)]

    assert amounts(german) == []
    assert amounts(english)
