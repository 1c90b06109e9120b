"""A passage's counterpart in another document is one passage: never the text between a
paragraph's two printings, nor between partners far apart."""

from __future__ import annotations

from compareapp.core.diff.comparison import Comparison
from compareapp.core.diff.counterpart_spans import counterpart_spans
from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text

LEAD = (
    "The harbour tunnel under the Ebb river reopened on Sunday, two years after water "
    "seeped through a cracked joint and flooded the southern approach."
)
MIDDLE = [
    "Dora Quint, who runs a bakery near the southern portal, said trade fell by half.",
    "The repair cost 61.5 million euros, about 9 million more than the budget.",
    "Engineers replaced forty metres of lining and sealed every joint with resin.",
    "The council will publish a report on the overspend in the spring.",
]


def _doc(paragraphs: list[str], name: str) -> Document:
    return document_from_text(
        "\n\n".join(paragraphs), path=f"/tmp/{name}", name=name, sha256="0" * 64, encoding="utf-8"
    )


def test_a_lead_printed_twice_maps_to_its_first_printing_only() -> None:
    wire = _doc([LEAD, *MIDDLE], "wire.txt")
    page = _doc([LEAD, *MIDDLE, LEAD], "page.txt")  # the page prints its lead again at the end
    comparison = Comparison([wire, page])
    links = {(p.link.a, p.link.b) for p in comparison.pair(0, 1).pairs}
    assert {(0, 0), (0, 5)} <= links  # the lead is linked to both printings
    lead = wire.paragraphs[0]
    spans = counterpart_spans(comparison, 0, lead.start, lead.end)
    first = page.paragraphs[0]
    assert spans == {1: (first.start, first.end)}
    assert page.text[slice(*spans[1])] == LEAD


def test_a_passage_split_in_two_maps_to_both_halves() -> None:
    half = len(MIDDLE[0]) // 2
    cut = MIDDLE[0].rfind(" ", 0, half)
    wire = _doc([LEAD, *MIDDLE], "wire.txt")
    page = _doc([LEAD, MIDDLE[0][:cut] + ".", MIDDLE[0][cut + 1 :], *MIDDLE[1:]], "page.txt")
    comparison = Comparison([wire, page])
    quint = wire.paragraphs[1]
    spans = counterpart_spans(comparison, 0, quint.start, quint.end)
    assert spans == {1: (page.paragraphs[1].start, page.paragraphs[2].end)}
