"""Issue 22: how a document is read can be chosen. A legacy file whose bytes read as well
in another code page is reopened in the encoding the user chooses; each document knows
its language (detected at load, or chosen)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from compareapp.core.documents import loading
from compareapp.core.documents.encoding import SAMPLE_BYTES, UndecodableError
from compareapp.core.documents.encoding_choice import (
    EncodingChoice,
    decode_as,
    encoding_choices,
    encoding_label,
)
from compareapp.core.documents.loading import LoadError, file_encoding_choices, load_document

ROOT = Path(__file__).resolve().parents[3]
LANGUAGES = ROOT / "tests" / "fixtures" / "languages"
AMBIGUOUS = "The chef served a crème brûlée at the café on Friday.\n\nGuests loved it.\n"
"""Windows-1252 bytes that Windows-1250 reads as well: "crčme brűlée"."""


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_ambiguous_bytes_list_both_readings_with_the_assumed_one_first() -> None:
    choices = encoding_choices(AMBIGUOUS.encode("cp1252"))
    encodings = [choice.encoding for choice in choices]
    assert encodings[0] == "cp1252" and choices[0].detected
    assert "cp1250" in encodings and "iso8859-2" in encodings
    assert [choice.encoding for choice in choices if choice.detected] == ["cp1252"]
    assert "utf-8" not in encodings  # these bytes are not UTF-8
    assert choices[encodings.index("cp1250")].label == "Windows-1250 (Central European)"


def test_utf8_offers_unicode_first_and_the_common_code_pages() -> None:
    text = "A naïve reading of Zoë’s café menu, in plain words that anyone can follow."
    choices = encoding_choices(text.encode())
    encodings = [choice.encoding for choice in choices]
    assert encodings[0] == "utf-8" and choices[0].detected
    assert "cp1252" in encodings  # it decodes (as mojibake): the user may insist
    assert "utf-16-le" not in encodings  # Latin bytes as UTF-16: no line, no text


def test_a_text_file_is_reopened_in_the_chosen_encoding(tmp_path: Path) -> None:
    path = _write(tmp_path, "menu.txt", AMBIGUOUS.encode("cp1252"))
    assumed = load_document(path)
    assert (assumed.encoding, assumed.encoding_chosen) == ("cp1252", False)
    assert "crème brûlée" in assumed.text
    chosen = load_document(path, encoding="cp1250")
    assert (chosen.encoding, chosen.encoding_chosen) == ("cp1250", True)
    assert "crčme brűlée" in chosen.text
    assert chosen.sha256 == assumed.sha256  # the same bytes
    assert [p.text for p in chosen.paragraphs][1] == "Guests loved it."
    assert [c.encoding for c in file_encoding_choices(path)][:1] == ["cp1252"]


def test_a_markdown_file_is_reopened_in_the_chosen_encoding(tmp_path: Path) -> None:
    path = _write(tmp_path, "menu.md", ("# Menu\n\n" + AMBIGUOUS).encode("cp1252"))
    assert "crème" in load_document(path).text
    chosen = load_document(path, encoding="cp1250")
    assert (chosen.format, chosen.encoding, chosen.encoding_chosen) == ("Markdown", "cp1250", True)
    assert "crčme" in chosen.text


def test_bytes_the_chosen_encoding_does_not_define_are_refused_clearly(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.txt", b"caf\xe9 \x81 ok\n")  # 0x81: undefined in cp1252
    with pytest.raises(LoadError, match=r"cannot be decoded as text .*Windows-1252.*byte 5"):
        load_document(path, encoding="cp1252")
    with pytest.raises(UndecodableError, match="not an encoding"):
        decode_as(b"abc", "no-such-codec")


def test_utf8_and_utf16_choices_read_their_bytes() -> None:
    text = "Zoë’s café\n"
    assert decode_as(text.encode("utf-16-le"), "utf-16-le") == text
    assert decode_as("\ufeff".encode() + text.encode(), "utf-8") == text  # BOM left out
    assert decode_as(b"caf\xc3\xa9 \xff", "utf-8") == "café \ufffd"  # damaged, as decoded
    assert encoding_label("mac-roman") == "Mac Roman"
    assert encoding_label("x-unknown") == "x-unknown"


@pytest.mark.parametrize(
    ("name", "language"),
    [("de_a.txt", "de"), ("fr_a.txt", "fr"), ("es_a.txt", "es")],
)
def test_the_language_is_detected_at_load(name: str, language: str) -> None:
    document = load_document(LANGUAGES / name)
    assert "detected_language" in vars(document), "detected at load, not when first asked"
    assert (document.detected_language, document.language) == (language, language)
    assert document.language_override == ""


def test_too_little_text_has_no_language_and_a_chosen_one_wins(tmp_path: Path) -> None:
    path = _write(tmp_path, "short.txt", b"Berlin, 14 March.\n")
    document = load_document(path)
    assert (document.detected_language, document.language) == ("", "")
    assert load_document(path, language="de").language == "de"
    german = load_document(LANGUAGES / "de_a.txt", language="fr")
    assert (german.detected_language, german.language_override, german.language) == (
        "de",
        "fr",
        "fr",
    )
    assert dataclasses.replace(german, language_override="").language == "de"


def test_the_encodings_of_a_long_file_are_judged_on_its_start_read_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the whole file's bytes would be judged (on their first 4 MB), reading 4 MB and
    one byte, which says the file goes on."""
    line = AMBIGUOUS.encode("cp1252") + b"\n"
    path = _write(tmp_path, "long menu.txt", line * (2 * SAMPLE_BYTES // len(line)))
    whole = encoding_choices(path.read_bytes())
    read: list[int] = []

    def judged(data: bytes) -> list[EncodingChoice]:
        read.append(len(data))
        return encoding_choices(data)

    monkeypatch.setattr(loading, "encoding_choices", judged)
    assert file_encoding_choices(path) == whole
    assert read == [SAMPLE_BYTES + 1]
    short = _write(tmp_path, "menu.txt", line)
    assert file_encoding_choices(short) == encoding_choices(line)
