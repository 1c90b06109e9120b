"""Issue 22, decoding: real text saved in a legacy encoding decodes to exactly that text.

The texts are the seed pair (the shared corpus), the bundled sample, and news stories
written for these tests in French, German, Spanish, Polish, Czech, Russian and Greek
(tests/fixtures/encodings). Each is encoded at run time in each encoding of
:data:`ENCODINGS` that has its letters. Typographic characters an encoding lacks (“ ” ’ –
… € £ ½ • œ) are first replaced by what a writer on such a system types (" ' - ... EUR GBP
1/2 * oe), as in real legacy files; letters are never replaced, so Polish is not tested
in Windows-1252. :data:`COVERAGE` is the table of the cells this gives.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

import pytest

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.encoding import LEGACY_ENCODINGS, decode_text, rank_legacy_readings
from compareapp.core.documents.encoding_plausibility import plausibility
from compareapp.core.documents.loading import load_document

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "encodings"
SEED = ROOT.parent / "shared" / "corpus" / "seed-pair"
SAMPLE = ROOT / "compareapp" / "assets" / "sample"
TEXT_FILES = {
    "seed-reuters": SEED / "000_6da4784a313262bc.txt",
    "seed-rewrite": SEED / "001_4f349c41aa68770c.txt",
    "sample-wire": SAMPLE / "wire-report.txt",
    "sample-outlet": SAMPLE / "outlet-rewrite.txt",
    **{path.stem: path for path in sorted(FIXTURES.glob("*.txt"))},
}

UNICODE = ("utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom")
LEGACY = (
    "cp1252",
    "iso8859-1",
    "iso8859-15",
    "cp1250",
    "iso8859-2",
    "cp1251",
    "mac-roman",
    "koi8-r",
    "cp1253",
    "iso8859-7",
)
ENCODINGS = UNICODE + LEGACY

_ENGLISH = "cp1252 iso8859-1 iso8859-15 cp1250 iso8859-2 cp1251 mac-roman koi8-r cp1253 iso8859-7"
COVERAGE = {
    # Every text is also tested in UTF-8, UTF-8 with a BOM and UTF-16 LE/BE with a BOM.
    "seed-reuters": _ENGLISH,
    "seed-rewrite": _ENGLISH,
    "sample-wire": _ENGLISH,
    "sample-outlet": _ENGLISH,
    "french": "cp1252 iso8859-1 iso8859-15 mac-roman",
    "german": "cp1252 iso8859-1 iso8859-15 cp1250 iso8859-2 mac-roman",
    "spanish": "cp1252 iso8859-1 iso8859-15 mac-roman",
    "polish": "cp1250 iso8859-2",
    "czech": "cp1250 iso8859-2",
    "russian": "cp1251 koi8-r",
    "greek": "cp1253 iso8859-7",
}
"""The legacy encodings each text is tested in: those that have all its letters."""

FALLBACKS = {
    **dict.fromkeys("’‘", "'"),
    **dict.fromkeys("“”„«»", '"'),
    **dict.fromkeys("–—", "-"),
    "…": "...",
    "€": "EUR",
    "£": "GBP",
    "½": "1/2",
    "•": "*",
    "\xa0": " ",
    "œ": "oe",
    "¿": "",
    "¡": "",
}
"""What a writer types for a character the encoding lacks."""


def read_text(name: str) -> str:
    path = TEXT_FILES[name]
    assert path.is_file(), f"{path} is missing (the seed pair lives in shared/ beside the clone)"
    return path.read_text(encoding="utf-8")


def in_encoding(text: str, encoding: str) -> str | None:
    """``text`` as it is written in ``encoding`` (with :data:`FALLBACKS` for the characters
    it lacks), or None if the encoding lacks one of its letters."""
    written = "".join(char if _has(encoding, char) else FALLBACKS.get(char, char) for char in text)
    return written if _has(encoding, written) else None


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-8-bom":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if encoding.endswith("-bom"):
        codec = encoding.removesuffix("-bom")
        bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
        return bom + text.encode(codec)
    return text.encode(encoding)


def _has(encoding: str, text: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def assert_truthful(data: bytes, text: str, encoding: str) -> None:
    """The encoding reported turns the bytes into exactly the text returned."""
    assert data.decode(encoding).removeprefix("\ufeff") == text


CELLS = [
    pytest.param(name, encoding, id=f"{name}-{encoding}")
    for name in TEXT_FILES
    for encoding in ENCODINGS
    if encoding in UNICODE or encoding in COVERAGE[name].split()
]


def test_the_fixture_table_covers_what_each_text_can_be_written_in() -> None:
    assert set(TEXT_FILES) == set(COVERAGE)
    for name in TEXT_FILES:
        text = read_text(name)
        representable = [enc for enc in LEGACY if in_encoding(text, enc) is not None]
        assert representable == COVERAGE[name].split(), name
    assert set(LEGACY) <= set(LEGACY_ENCODINGS)


@pytest.mark.parametrize(("name", "encoding"), CELLS)
def test_each_text_decodes_to_exactly_itself(name: str, encoding: str) -> None:
    text = read_text(name) if encoding in UNICODE else in_encoding(read_text(name), encoding)
    assert text is not None
    data = encode(text, encoding)
    decoded, found = decode_text(data)
    assert decoded == text
    assert_truthful(data, decoded, found)


@pytest.mark.parametrize(
    ("name", "encoding", "expected"),
    [
        # Bytes that read the same in Windows-1252 are named Windows-1252 (it wins ties).
        ("seed-reuters", "cp1250", "cp1252"),
        ("german", "cp1250", "cp1252"),
        ("german", "iso8859-1", "cp1252"),
        ("french", "iso8859-15", "iso8859-15"),
        ("polish", "cp1250", "cp1250"),
        ("polish", "iso8859-2", "iso8859-2"),
        ("czech", "cp1250", "cp1250"),
        ("czech", "iso8859-2", "iso8859-2"),
        ("spanish", "mac-roman", "mac-roman"),
        ("russian", "cp1251", "cp1251"),
        ("russian", "koi8-r", "koi8-r"),
        ("greek", "cp1253", "cp1253"),
        ("greek", "iso8859-7", "iso8859-7"),
    ],
)
def test_the_encoding_named(name: str, encoding: str, expected: str) -> None:
    text = in_encoding(read_text(name), encoding)
    assert text is not None
    assert decode_text(encode(text, encoding))[1] == expected


def test_each_paragraph_alone_decodes_to_exactly_itself() -> None:
    """Shorter texts give the rule less to go on: each paragraph (a headline, a bullet, a
    quotation) of each text, alone, in each legacy encoding that has its letters."""
    wrong = []
    for name in TEXT_FILES:
        for paragraph in read_text(name).split("\n\n"):
            for encoding in LEGACY:
                text = in_encoding(paragraph.strip(), encoding)
                if text is None or text.isascii():
                    continue
                decoded, found = decode_text(text.encode(encoding))
                if decoded != text:
                    wrong.append(f"{name} in {encoding}, read as {found}: {decoded[:60]!r}")
    assert wrong == []


def test_the_seed_pair_saved_as_windows_1252_loads_like_its_utf8_twin(tmp_path: Path) -> None:
    originals, legacies = [], []
    for name in ("seed-reuters", "seed-rewrite"):
        original = load_document(TEXT_FILES[name])
        path = tmp_path / TEXT_FILES[name].name
        path.write_bytes(read_text(name).encode("cp1252"))
        legacy = load_document(path)
        assert legacy.encoding == "cp1252"
        assert legacy.text == original.text
        assert legacy.paragraphs == original.paragraphs
        assert legacy.language == original.language
        originals.append(original)
        legacies.append(legacy)
    # ... and compares exactly like it: the same links, the same differences.
    twin, windows = Comparison(originals).pair(0, 1), Comparison(legacies).pair(0, 1)
    assert windows.alignment.links == twin.alignment.links
    assert windows.differences() == twin.differences()


@dataclass(frozen=True)
class Snippet:
    text: str
    encoding: str
    ambiguous_as: str = ""
    """What the bytes decode to instead, where they are truly ambiguous."""
    why: str = ""


SNIPPETS = [
    # The examples, in a sentence each.
    Snippet("Putin acknowledges China’s concerns about Ukraine.", "cp1252"),
    Snippet("The deal is worth £45 million, officials said.", "cp1252"),
    Snippet("The deal is worth £45 million, officials said.", "iso8859-1"),
    Snippet("Turnout rose by 2½ points to 61½ per cent.", "cp1252"),
    Snippet("It was a naïve plan, the señor said on Monday.", "cp1252"),
    Snippet("It was a naïve plan, the señor said on Monday.", "iso8859-1"),
    Snippet("It was a naïve plan, the señor said on Monday.", "mac-roman"),
    Snippet("¿Qué pasará con el año que viene?", "cp1252"),
    Snippet("« Nous ne céderons pas », a déclaré le maire.", "mac-roman"),
    Snippet("Die Straße bleibt für Fußgänger gesperrt.", "iso8859-1"),
    Snippet("Le prix est de 45 €.", "iso8859-15"),
    Snippet("Wczoraj w Łodzi padał deszcz, a dziś świeci słońce.", "cp1250"),
    Snippet("Wczoraj w Łodzi padał deszcz, a dziś świeci słońce.", "iso8859-2"),
    Snippet("Że się nie uda, wiedział już wcześniej.", "cp1250"),
    Snippet("Że się nie uda, wiedział już wcześniej.", "iso8859-2"),
    Snippet("Řekl, že přijde až zítra.", "cp1250"),
    Snippet("Řekl, že přijde až zítra.", "iso8859-2"),
    Snippet("Сегодня в Москве идёт снег.", "cp1251"),
    Snippet("Сегодня в Москве идёт снег.", "koi8-r"),
    # Accepted ambiguities: one non-ASCII byte, plausible in two code pages.
    Snippet(
        "Die Landesregierung kündigte Soforthilfen an.",
        "mac-roman",
        ambiguous_as="Die Landesregierung kźndigte Soforthilfen an.",
        why="Mac 0x9F is ü, Windows-1250 0x9F is ź: a letter either way, one in the text",
    ),
    Snippet(
        "En Córdoba, varios municipios ya cortan el agua.",
        "mac-roman",
        ambiguous_as="En C—rdoba, varios municipios ya cortan el agua.",
        why="Mac 0x97 is ó, Windows-1252 0x97 an em dash, which may join two words",
    ),
    Snippet(
        "Ceny vzrostly za poslední století.",
        "mac-roman",
        ambiguous_as="Ceny vzrostly za posledn’ stolet’.",
        why="Mac 0x92 is í, Windows-1252 0x92 a closing quote, which may end a word",
    ),
]


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[f"{s.encoding}:{s.text[:24]}" for s in SNIPPETS])
def test_short_texts(snippet: Snippet) -> None:
    data = snippet.text.encode(snippet.encoding)
    decoded, found = decode_text(data)
    assert_truthful(data, decoded, found)
    assert decoded == (snippet.ambiguous_as or snippet.text), snippet.why


@pytest.mark.parametrize(
    ("plausible", "misread", "english"),
    [
        ("China’s", "Chinaĺs", True),  # Windows-1252 read as cp852: a letter in English text
        ("“We", "ôWe", False),  # a case change inside a word
        ("£45", "Ł45", False),  # a letter glued to a digit
        ("2½", "2˝", False),  # a rare spacing accent
        ("2½", "2œ", False),  # ISO-8859-15: a letter glued to a digit
        ("c\u0153ur", "c½ur", False),  # a symbol inside a word
        ("¿Qué", "żQué", False),  # a case change
        ("Łódź", "£ódŸ", False),  # a currency sign glued to a letter, a case change
        ("dziś", "dzi¶", False),  # a symbol glued to a letter
        ("“quoted”", "\x93quoted\x94", False),  # C1 controls: ISO-8859-1 for Windows-1252
        ("café", "cafй", False),  # two scripts in one word
        ("Sequía", "Sequ’a", False),  # an apostrophe where no language elides
        ("Česká republika, řekl, město", "Èeská republika, øekl, mìsto", False),  # no alphabet
        ("że się", "¿e siê", False),  # common Polish words
        ("Россия", "п÷ЯЯХЪ", False),  # a math sign inside a word, a case change
    ],
)
def test_the_plausible_reading_scores_better(plausible: str, misread: str, english: bool) -> None:
    def score(text: str) -> float:
        return plausibility(dict.fromkeys(text.split(), 1), english=english).score

    assert score(plausible) < score(misread)


def test_ties_go_to_windows_1252() -> None:
    """ "naïve" (Windows-1252) and "naďve" (Windows-1250) are equally plausible alone."""
    readings = rank_legacy_readings("Une idée naïve.".encode("cp1252"))
    assert readings[0].encoding == "cp1252"
    assert readings[0].plausibility.score == readings[1].plausibility.score


JAPANESE = "東京電力は十二日、処理水の海洋放出を始めたと発表した。「風評被害が心配だ」との声も。"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (JAPANESE, "cp932"),
        (JAPANESE, "euc_jp"),
        ("国家统计局周三公布的数据显示，今年前三个月居民人均可支配收入同比增长百分之六。", "gbk"),
        ("서울시는 12일 한강 다리 세 곳의 보수 공사를 다음 달부터 시작한다고 밝혔다.", "euc_kr"),
    ],
)
def test_east_asian_text_through_the_detector(text: str, encoding: str) -> None:
    """No single-byte reading is clean; charset-normalizer's multi-byte guess competes on
    the same score (and may name a superset of the encoding, such as GB18030 for GBK)."""
    data = text.encode(encoding)
    decoded, found = decode_text(data)
    assert decoded == text
    assert_truthful(data, decoded, found)


def test_binary_data_decodes_truthfully_and_is_refused_by_the_loader(tmp_path: Path) -> None:
    import random

    from compareapp.core.documents.loading import LoadError

    data = random.Random(22).randbytes(20_000)
    decoded, found = decode_text(data)
    assert_truthful(data, decoded, found)
    path = tmp_path / "noise.txt"
    path.write_bytes(data)
    with pytest.raises(LoadError, match="looks like a binary file, not text"):
        load_document(path)
