"""Markdown files: blocks without markup, soft line breaks as spaces, front matter."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from compareapp.core.documents.document import Document
from compareapp.core.documents.formats import ExtractionError
from compareapp.core.documents.formats.markdown import extract
from compareapp.core.documents.loading import LoadError, load_document

STORY = """\
# Harbour town votes to *rebuild* its storm wall

Councillors in **Port Ellery** voted 7 to 2 on Tuesday night to
rebuild the town’s storm wall, [the council said](https://council.example/minutes).

## What the plan costs

The works cost £6.2 million, paid for by:

- a levy of £38 a year on _harbour-front_ businesses;
- the sale of the net store on `Quay Lane`.
  1. Bids close on 1 March.

> “We have patched this wall eleven times,”
> said the engineer, Tomas Brink.

![The storm wall at high tide](wall.jpg)

Line one\\
line two{HARD_BREAK}
line three, with an escaped \\*star\\* &amp; an entity.
""".format(HARD_BREAK="  ")

STORY_PARAGRAPHS = [
    "Harbour town votes to rebuild its storm wall",
    "Councillors in Port Ellery voted 7 to 2 on Tuesday night to rebuild the town’s storm "
    "wall, the council said.",
    "What the plan costs",
    "The works cost £6.2 million, paid for by:",
    "a levy of £38 a year on harbour-front businesses;",
    "the sale of the net store on Quay Lane.",
    "Bids close on 1 March.",
    "“We have patched this wall eleven times,” said the engineer, Tomas Brink.",
    "The storm wall at high tide",
    "Line one line two line three, with an escaped *star* & an entity.",
]


def _load(tmp_path: Path, name: str, data: bytes | str) -> Document:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return load_document(path)


def _texts(document: Document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def test_markdown_story_becomes_plain_paragraphs(tmp_path: Path) -> None:
    document = _load(tmp_path, "story.md", STORY)
    assert _texts(document) == STORY_PARAGRAPHS
    assert document.text == "\n\n".join(STORY_PARAGRAPHS)
    assert document.format == "Markdown"
    assert document.encoding == "utf-8"
    assert (document.title, document.author, document.published) == ("", "", "")


def test_soft_line_break_is_a_space_not_nothing(tmp_path: Path) -> None:
    extracted = extract(b"The vote was on\nTuesday night.\n", Path("a.md"))
    assert extracted.blocks == ("The vote was on Tuesday night.",)


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends(tmp_path: Path, line_end: str) -> None:
    document = _load(tmp_path, "story.markdown", STORY.replace("\n", line_end))
    assert _texts(document) == STORY_PARAGRAPHS


def test_front_matter_gives_provenance_and_is_not_text(tmp_path: Path) -> None:
    text = (
        "---\n"
        'title: "Storm wall: the vote"\n'
        "author: Maren Okafor\n"
        "date: 2026-10-14\n"
        "tags: [council, harbour]\n"
        "---\n\n"
        "The council voted on Tuesday.\n"
    )
    document = _load(tmp_path, "story.md", text)
    assert _texts(document) == ["The council voted on Tuesday."]
    assert (document.title, document.author, document.published) == (
        "Storm wall: the vote",
        "Maren Okafor",
        "2026-10-14",
    )


def test_a_rule_later_in_the_text_is_not_front_matter() -> None:
    extracted = extract(b"Intro.\n\n---\n\ntitle: not front matter\n", Path("a.md"))
    assert extracted.blocks == ("Intro.", "title: not front matter")
    assert extracted.title == ""


def test_tables_code_and_raw_html(tmp_path: Path) -> None:
    text = (
        "| Year | Cost |\n|------|------|\n| 2027 | £6.2m |\n\n"
        "```\nprint('x')\n```\n\n"
        '<div align="center"><b>Port Ellery</b> &amp; district</div>\n\n'
        "<!-- an editor's note -->\n\n"
        "A <span>marked</span> word and a break<br>here, ~~struck~~.\n"
    )
    assert _texts(_load(tmp_path, "a.md", text)) == [
        "Year",
        "Cost",
        "2027",
        "£6.2m",
        "print('x')",
        "Port Ellery & district",
        "A marked word and a break here, struck.",
    ]


def test_legacy_encoding(tmp_path: Path) -> None:
    text = "# “Café” society\n\nThe café’s new owners — opened on Monday.\n"
    document = _load(tmp_path, "story.md", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert document.encoding == "utf-16-le"
    assert _texts(document) == ["“Café” society", "The café’s new owners — opened on Monday."]


@pytest.mark.parametrize("text", ["---\n---\n", "<!-- only a comment -->\n", "***\n"])
def test_markup_without_text_is_refused(tmp_path: Path, text: str) -> None:
    with pytest.raises(LoadError) as caught:
        _load(tmp_path, "empty.md", text)
    assert "empty.md" in str(caught.value)
    assert "no text" in caught.value.reason


def test_undecodable_markdown_is_refused() -> None:
    with pytest.raises(ExtractionError, match="cannot be decoded"):
        extract(codecs.BOM_UTF16_LE + b"\x00\xd8", Path("a.md"))
