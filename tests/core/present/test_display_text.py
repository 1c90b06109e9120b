"""The text a view shows: one line per paragraph, positions in UTF-16 code units."""

from __future__ import annotations

import pytest

from compareapp.core.documents.document import Document
from compareapp.core.documents.loading import document_from_text
from compareapp.core.present.display_text import DisplayText

WRAPPED = (
    "  Floods hit Marrowby\n"
    "\n"
    "Around 1,200 households were evacuated from the river town\n"
    "of Marrowby early on Tuesday, officials said.\n"
    "\n"
    "\n"
    "  • Low-lying streets evacuated\n"
    "  • Bridge shut\n"
    "\n"
    "Register now  \n"
)
WRAPPED_LINES = [
    "Floods hit Marrowby",
    "Around 1,200 households were evacuated from the river town "
    "of Marrowby early on Tuesday, officials said.",
    "• Low-lying streets evacuated",
    "• Bridge shut",
    "Register now",
]
ASTRAL = "Smile 😀 here.\n\nNext 😀😀 line 𝄞.\n\nPlain end."


def _doc(text: str) -> Document:
    return document_from_text(
        text, path="/tmp/doc.txt", name="doc", sha256="0" * 64, encoding="utf-8"
    )


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _inside_offsets(document: Document) -> list[int]:
    """Every offset from a paragraph's start to its end, both included."""
    return [o for p in document.paragraphs for o in range(p.start, p.end + 1)]


@pytest.mark.parametrize("text", [WRAPPED, ASTRAL], ids=["wrapped", "astral"])
def test_one_line_per_paragraph_joined_by_newlines(text: str) -> None:
    document = _doc(text)
    display = DisplayText.of(document)
    lines = display.text.split("\n")
    assert len(lines) == len(document.paragraphs)
    for line, paragraph in zip(lines, document.paragraphs, strict=True):
        assert len(line) == len(paragraph.text)
        assert line.split() == paragraph.text.split()


def test_wrapped_paragraph_is_one_line_with_spaces_for_its_line_breaks() -> None:
    document = _doc(WRAPPED)
    assert len(document.paragraphs) == len(WRAPPED_LINES)
    assert "\n" in document.paragraphs[1].text  # the source paragraph is hard-wrapped
    assert DisplayText.of(document).text == "\n".join(WRAPPED_LINES)


@pytest.mark.parametrize("line_break", ["\r", "\u2028", "\u2029"])
def test_other_line_breaks_inside_a_paragraph_become_spaces(line_break: str) -> None:
    document = _doc(f"Alpha{line_break}beta\n\nGamma")
    assert DisplayText.of(document).text == "Alpha beta\nGamma"


@pytest.mark.parametrize("text", [WRAPPED, ASTRAL], ids=["wrapped", "astral"])
def test_position_and_offset_round_trip_inside_paragraphs(text: str) -> None:
    display = DisplayText.of(_doc(text))
    for offset in _inside_offsets(display.document):
        assert display.offset(display.position(offset)) == offset, offset


@pytest.mark.parametrize("text", [WRAPPED, ASTRAL], ids=["wrapped", "astral"])
def test_positions_of_paragraph_ends_are_the_ends_of_their_lines(text: str) -> None:
    display = DisplayText.of(_doc(text))
    for index, paragraph in enumerate(display.document.paragraphs):
        assert display.position(paragraph.start) == display.starts[index]
        assert display.position(paragraph.end) == display.paragraph_span(index)[1]


def test_positions_inside_a_paragraph_keep_their_distance() -> None:
    display = DisplayText.of(_doc(WRAPPED))
    for index, paragraph in enumerate(display.document.paragraphs):
        positions = [display.position(o) for o in range(paragraph.start, paragraph.end + 1)]
        first = display.starts[index]
        assert positions == list(range(first, first + len(paragraph.text) + 1))


@pytest.mark.parametrize("text", [WRAPPED, ASTRAL], ids=["wrapped", "astral"])
def test_offsets_between_paragraphs_go_to_the_next_paragraph_start(text: str) -> None:
    display = DisplayText.of(_doc(text))
    paragraphs = display.document.paragraphs
    checked = 0
    for index in range(1, len(paragraphs)):
        for offset in range(paragraphs[index - 1].end + 1, paragraphs[index].start + 1):
            assert display.position(offset) == display.starts[index], offset
            checked += 1
    assert checked >= len(paragraphs) - 1


def test_leading_space_before_the_first_paragraph_goes_to_the_start() -> None:
    display = DisplayText.of(_doc(WRAPPED))
    assert display.document.paragraphs[0].start == 2
    assert [display.position(o) for o in range(3)] == [0, 0, 0]


@pytest.mark.parametrize("text", [WRAPPED, ASTRAL], ids=["wrapped", "astral"])
def test_end_of_text_is_the_end_of_the_shown_text(text: str) -> None:
    display = DisplayText.of(_doc(text))
    end = _utf16(display.text)
    last = display.document.paragraphs[-1]
    assert display.position(last.end) == end
    for offset in range(last.end, len(text) + 3):  # trailing space and beyond
        assert display.position(offset) == end
    assert display.offset(end) == last.end
    assert display.offset(end + 10) == last.end


def test_astral_characters_count_two_positions_after_them() -> None:
    display = DisplayText.of(_doc(ASTRAL))
    text = ASTRAL
    emoji = text.index("😀")
    assert display.position(emoji) == emoji
    assert display.position(emoji + 1) == emoji + 2
    here = text.index("here")
    assert display.position(here) == here + 1
    # Paragraph 1 starts after a line one code unit longer than its character count.
    assert display.starts[1] == len("Smile 😀 here.") + 1 + 1
    line = text.index("line")
    assert display.position(line) == display.starts[1] + line - text.index("Next") + 2
    clef = text.index("𝄞")
    assert display.position(clef + 1) - display.position(clef) == 2
    assert display.position(len(text)) == len(display.text) + 4  # four astral characters


def test_positions_are_utf16_indexes_into_the_shown_text() -> None:
    display = DisplayText.of(_doc(ASTRAL))
    units = display.text.encode("utf-16-le")
    for index, paragraph in enumerate(display.document.paragraphs):
        start, end = display.paragraph_span(index)
        assert units[2 * start : 2 * end].decode("utf-16-le") == paragraph.text
    for word in ("here", "line", "end"):
        offset = ASTRAL.index(word)
        position = display.position(offset)
        assert units[2 * position : 2 * (position + len(word))].decode("utf-16-le") == word


def test_offset_never_goes_back_as_the_position_grows() -> None:
    display = DisplayText.of(_doc(ASTRAL))
    offsets = [display.offset(position) for position in range(-2, _utf16(display.text) + 3)]
    assert offsets == sorted(offsets)
    assert offsets[0] == display.document.paragraphs[0].start
    paragraph_of = display.document.paragraph_at
    assert all(paragraph_of(o) or paragraph_of(o - 1) for o in offsets)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (WRAPPED, [(0, 19), (20, 124), (125, 154), (155, 168), (169, 181)]),
        (ASTRAL, [(0, 14), (15, 33), (34, 44)]),
        ("Only one paragraph.", [(0, 19)]),
    ],
)
def test_paragraph_span(text: str, spans: list[tuple[int, int]]) -> None:
    display = DisplayText.of(_doc(text))
    assert [display.paragraph_span(i) for i in range(len(spans))] == spans
    assert list(display.starts) == [start for start, _ in spans]
    assert spans[-1][1] == _utf16(display.text)
