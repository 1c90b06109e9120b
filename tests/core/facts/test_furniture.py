"""Page furniture is no claim, and a claim only one source makes is shown as its first
sentence (issue 21)."""

from __future__ import annotations

import hashlib

import pytest

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.loading import document_from_text, load_document
from compareapp.core.facts.discrepancies import FactKind, find_discrepancies
from compareapp.core.facts.furniture import furniture_paragraphs, is_furniture
from compareapp.resources import sample_paths
from tests.helpers.seed_marks import seed_paths

FURNITURE = [
    "Cars destroyed amid Russian attacks are seen on a street in Kharkiv on Thursday. "
    "(Leo Correa/The Associated Press)",
    "Water covers Quay Street in Marrowby on Tuesday morning. (Photo: Sam Teague/Gazette)",
    "3 months ago",
    "Duration 2:01",
    "1:48",
    "Register now to get free unlimited access to Reuters.com",
    "Sign up for our morning newsletter",
    "Our criteria: Thomson Reuters Trust Principles.",
    "Leave a Comment",
    "Reporting by Hanna Lidqvist in Marrowby; Editing by Paul Ferrant",
    "Covering by Reuters offices Additional reporting by Anthony Deutsch Writing by Andrew "
    "Osborne and Alexandra Hudson Editing by Peter Graf and Frank Jack Daniel",
    "WATCH | Putin meets with China's Xi as dissent grows in Russia:",
    "War Crimes Investigation",
    "Ukraine's fastest advance since Russian forces were expelled from the capital in March "
    "has changed the course of the six-month-old war",
]
CLAIMS = [
    "Kyiv says it has recovered more than 8,000 square kilometers (3,000 square miles).",
    "Pope Francis on Thursday said it was morally legitimate to supply weapons to Ukraine.",
    "Ukraine became a candidate to join the EU in June.",
    "  • The Russians in the East are digging – official",
]


@pytest.mark.parametrize("text", FURNITURE)
def test_page_furniture_is_recognised(text: str) -> None:
    assert is_furniture(text)


@pytest.mark.parametrize("text", CLAIMS)
def test_claims_are_not_furniture(text: str) -> None:
    assert not is_furniture(text)


def test_the_blurb_after_a_videos_duration_is_furniture() -> None:
    text = (
        "Putin meets Xi at a summit in Samarkand\n\nWATCH | Putin shores up support\n\n"
        "Putin shores up support from China\n\n3 months ago"
        "\n\nDuration 2:01\n\nRussian President Vladimir Putin met with China's President Xi"
        " Jinping at a summit in Uzbekistan.\n\nThe talks went on late into the night."
    )
    digest = hashlib.sha256(text.encode()).hexdigest()
    document = document_from_text(text, path="v.txt", name="v.txt", sha256=digest, encoding="utf-8")
    assert furniture_paragraphs(document) == {1, 2, 3, 4, 5}  # not the story's headline


def test_the_standfirst_under_the_headline_is_a_claim_not_a_link() -> None:
    text = (
        "Dam release floods Marrowby\n\nHundreds leave their homes as the River Lenn bursts its"
        " banks\n\nAround 1,200 households were evacuated on Tuesday.\n\nMore from the valley"
        " flood coverage and the dam inquiry"
    )
    digest = hashlib.sha256(text.encode()).hexdigest()
    document = document_from_text(text, path="v.txt", name="v.txt", sha256=digest, encoding="utf-8")
    assert furniture_paragraphs(document) == {3}  # the related-story line, not the standfirst


@pytest.mark.parametrize("which", ["seed", "sample"])
def test_only_in_one_rows_are_claims_as_their_first_sentence(which: str) -> None:
    paths = seed_paths() if which == "seed" else list(sample_paths())
    documents = [load_document(path) for path in paths]
    rows = [
        row for row in find_discrepancies(Comparison(documents)) if row.kind is FactKind.ONLY_IN_ONE
    ]
    furniture = 0
    for row in rows:
        (document, version), *others = [(k, v) for k, v in enumerate(row.versions) if v]
        assert not others
        text = documents[document].text
        assert text[version.start : version.end] == version.text  # offsets are the sentence's
        paragraph = documents[document].paragraph_at(version.start)
        assert paragraph is not None and version.end <= paragraph.end
        assert paragraph.text.startswith(version.text)
        assert version.text.rstrip("\"”’'").endswith((".", "?", "!")) or version.end == (
            paragraph.start + len(paragraph.text.rstrip())
        )
        furniture += is_furniture(paragraph.text)
    assert furniture <= 1
