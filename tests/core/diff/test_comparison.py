"""Comparisons of two and more documents: base choice, pairwise questions, groups, JSON."""

from __future__ import annotations

import pytest

from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text
from compareapp.core.reports.comparison_json import SCHEMA_VERSION, comparison_to_json

WIRE = """Floods hit Marrowby

Around 1,200 households were evacuated from Marrowby early on Tuesday, officials said.

“We acted within hours,” said Mayor Ingrid Sallow.

Register now for unlimited access to the Wire"""

REWRITE = """Floods hit Marrowby

"We acted within the hour," said Mayor Ingrid Sallowe.

Around 1,400 households were evacuated from Marrowby early on Tuesday, officials said.

Sign up for our morning newsletter"""

THIRD = """Marrowby floods

Around 1,200 households were evacuated from Marrowby early on Tuesday, officials said."""


def _doc(text: str, name: str) -> Document:
    return document_from_text(
        text, path=f"/tmp/{name}", name=name, sha256="0" * 64, encoding="utf-8"
    )


@pytest.fixture
def comparison() -> Comparison:
    return Comparison([_doc(WIRE, "wire"), _doc(REWRITE, "rewrite"), _doc(THIRD, "third")])


def test_every_document_is_aligned_to_the_base(comparison: Comparison) -> None:
    pairs = comparison.against_base()
    assert [(pair.a, pair.b) for pair in pairs] == [(0, 1), (0, 2)]
    links = {(p.link.a, p.link.b) for p in pairs[0].pairs}
    assert links == {(0, 0), (1, 2), (2, 1)}


def test_facts_that_differ_are_classified(comparison: Comparison) -> None:
    changes = {
        (d.a_text, d.b_text, d.kind)
        for d in comparison.pair(0, 1).differences()
        if d.kind is not DifferenceClass.TYPOGRAPHIC
    }
    assert ("1,200", "1,400", DifferenceClass.NUMBER) in changes
    assert ("Sallow", "Sallowe", DifferenceClass.NAME) in changes
    assert any(kind is DifferenceClass.QUOTATION for _, _, kind in changes)


def test_pairwise_question_between_two_non_base_documents(comparison: Comparison) -> None:
    pair = comparison.pair(1, 2)
    assert {(p.link.a, p.link.b) for p in pair.pairs} >= {(2, 1)}
    assert comparison.pair(1, 2) is pair  # cached


def test_unique_paragraphs_relative_to_the_base(comparison: Comparison) -> None:
    assert comparison.unique_paragraphs(0) == [3]
    assert comparison.unique_paragraphs(1) == [3]
    assert comparison.unique_paragraphs(2) == []


def test_base_can_be_another_document() -> None:
    docs = [_doc(WIRE, "wire"), _doc(REWRITE, "rewrite")]
    comparison = Comparison(docs, base=1)
    assert [(pair.a, pair.b) for pair in comparison.against_base()] == [(1, 0)]
    with pytest.raises(ValueError, match="base 2"):
        Comparison(docs, base=2)
    with pytest.raises(ValueError, match="at least two"):
        Comparison(docs[:1])


def test_json_report_has_the_documented_shape(comparison: Comparison) -> None:
    report = comparison_to_json(comparison)
    assert report["schema_version"] == SCHEMA_VERSION
    assert [d["name"] for d in report["documents"]] == ["wire", "rewrite", "third"]
    paragraph = report["documents"][0]["paragraphs"][1]
    assert WIRE[paragraph["start"] : paragraph["end"]] == paragraph["text"]
    link = next(link for link in report["links"] if link["a"]["para"] == 1)
    assert link["b"] == {"doc": 1, "para": 2}
    crossing = [link["kind"] for link in report["links"] if link["a"]["para"] in (1, 2)]
    assert sorted(crossing)[-1] == "moved" and crossing.count("moved") == 1
    [number] = [d for d in link["differences"] if d["class"] == "number"]
    assert WIRE[number["a"]["start"] : number["a"]["end"]] == "1,200"
    assert REWRITE[number["b"]["start"] : number["b"]["end"]] == "1,400"
    all_classes = {d["class"] for link in report["links"] for d in link["differences"]}
    assert "typographic" not in all_classes
    with_typography = comparison_to_json(comparison, typographic=True)
    classes = {d["class"] for link in with_typography["links"] for d in link["differences"]}
    assert "typographic" in classes


class _Stop(Exception):
    pass


def _long_pair() -> list[Document]:
    paragraphs = [f"Paragraph {n} tells of the harbour wall number {n}." for n in range(2_500)]
    return [_doc("\n\n".join(paragraphs), "a"), _doc("\n\n".join(reversed(paragraphs)), "b")]


def test_a_long_comparison_reports_its_steps() -> None:
    steps: list[str] = []
    Comparison(_long_pair(), progress=steps.append).pair(0, 1)
    assert steps[0] == "Indexing the words of 2,500 and 2,500 paragraphs"
    assert "Linking 2,500 and 2,500 paragraphs" in steps
    assert "Comparing the wording: 1,000 of 2,500 passages" in steps


def test_a_progress_report_can_stop_the_comparison() -> None:
    seen: list[str] = []

    def stop_when_diffing(step: str) -> None:
        seen.append(step)
        if step.startswith("Comparing the wording"):
            raise _Stop

    comparison = Comparison(_long_pair(), progress=stop_when_diffing)
    with pytest.raises(_Stop):
        comparison.pair(0, 1)
    assert seen[-1] == "Comparing the wording: 0 of 2,500 passages"
    assert not comparison._pairs
