"""Hostile and broken inputs (issue 10), built at run time: nothing is downloaded.

Each :class:`HostileCase` makes one file (or folder, link, pipe…) in a folder and says
what must come of opening it: :class:`Loaded` (how many paragraphs, what the text holds
and must not hold) or :class:`Refused` (what the reason says; the message also names the
file). The same cases go through the loader (``tests/core/test_hostile_loader.py``), the
headless ``compareapp compare`` (``tests/e2e/test_hostile_cli.py``) and the window
(``tests/ui/test_hostile_window.py``).

Word and PDF files come from the format tests' own builders (``tests/core/docx_fixtures``,
``tests/core/pdf_fixtures``), imported when a case needs them.
"""

from __future__ import annotations

import codecs
import os
import random
import struct
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from compareapp.cli import sample_paths

STORY = (
    "Harbour tunnel reopens after two-year repair\n"
    "\n"
    "The tunnel under the Ebb river reopened on Sunday, two years after water seeped "
    "through a cracked joint.\n"
    "\n"
    "“We lost the lunchtime trade almost overnight,” said Dora Quint, who runs a bakery "
    "near the southern portal.\n"
    "\n"
    "The repair cost 61.5 million euros — about 9 million more than the budget.\n"
)
"""A short story in four paragraphs, with curly quotes and a dash (non-ASCII on purpose)."""
STORY_PARAGRAPHS = 4

GOOD_FILES = [Path(path) for path in sample_paths()]
"""The two good documents every case is opened beside (the bundled sample)."""

SLOW_TEXT_MB = 60
HUGE_SPARSE_MB = 201


@dataclass(frozen=True)
class Loaded:
    """The file opens as a document."""

    paragraphs: int | Callable[[int], bool]
    """The exact number of paragraphs, or a test of it."""
    text_contains: tuple[str, ...] = ()
    text_lacks: tuple[str, ...] = ()
    """What must not reach the document (scripts, entity expansions, markup)."""
    encoding: str | None = None
    format: str | None = None

    def paragraphs_ok(self, count: int) -> bool:
        if isinstance(self.paragraphs, int):
            return count == self.paragraphs
        return self.paragraphs(count)


@dataclass(frozen=True)
class Refused:
    """The file is refused; the message names it and gives this reason."""

    reason_contains: str


@dataclass(frozen=True)
class HostileCase:
    name: str
    make: Callable[[Path], Path]
    """Builds the input in the given (empty, existing) folder; returns the path to open."""
    expect: Loaded | Refused
    slow: bool = False
    """Large inputs (tens of MB, 100,000 paragraphs): marked ``pytest.mark.slow``."""
    unavailable: str = ""
    """Why the case cannot be built on this system (no named pipes, no symbolic links)."""
    root_reads_it: bool = False
    """Only an unprivileged user sees the refusal: run as root, the tests run such a case
    again without root's privileges (:func:`rerun_without_root_privileges`)."""
    note: str = field(default="", compare=False)

    def __str__(self) -> str:
        return self.name


# Builders -------------------------------------------------------------------------------


def _write(name: str | bytes, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = _child(folder, name)
        path.write_bytes(data)
        return path

    return make


def _child(folder: Path, name: str | bytes) -> Path:
    if isinstance(name, bytes):  # a name that is not valid UTF-8, as POSIX allows
        return Path(os.fsdecode(os.path.join(os.fsencode(folder), name)))
    return folder / name


def _lazy(name: str, build: Callable[[], bytes]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(build())
        return path

    return make


def png_image() -> bytes:
    """A real 2×2 grey PNG, built chunk by chunk."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        checksum = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + checksum

    header = struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)  # 8-bit greyscale
    pixels = zlib.compress(b"\x00\x80\x80" * 2)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def random_blob(size: int = 64 * 1024, seed: int = 10) -> bytes:
    return random.Random(seed).randbytes(size)


def invalid_utf8_in_the_middle() -> bytes:
    """The story in UTF-8 with one stray byte (a Windows-1252 "é") in its second paragraph."""
    data = STORY.encode("utf-8")
    middle = data.index(b"reopened")
    return data[:middle] + b"\xe9" + data[middle:]


def mixed_line_ends() -> bytes:
    return b"First line\r\nsecond line\rthird line\n\r\nNext paragraph\n\n\r\rLast one\r\n"


MIXED_LINE_END_PARAGRAPHS = 5
"""``First line`` / ``second line`` / ``third line`` (single breaks split paragraphs in
plain text, see :mod:`compareapp.core.paragraphs`), ``Next paragraph``, ``Last one``."""


def one_long_line(size: int = 5 * 2**20) -> bytes:
    words = b"the council voted to rebuild the storm wall after the surge of 2023 "
    return (words * (size // len(words) + 1))[:size].rstrip() + b"."


def one_word_paragraphs(count: int = 100_000) -> bytes:
    return b"\n\n".join(b"word%d" % index for index in range(count)) + b"\n"


LARGE_TEXT_PARAGRAPHS = STORY_PARAGRAPHS * (SLOW_TEXT_MB * 2**20 // len((STORY + "\n").encode()))


def _write_large(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        block = (STORY + "\n").encode("utf-8")
        repeats = SLOW_TEXT_MB * 2**20 // len(block)
        with path.open("wb") as out:
            for _ in range(repeats // 1000):
                out.write(block * 1000)
            out.write(block * (repeats % 1000))
        return path

    return make


def _sparse(name: str, megabytes: int) -> Callable[[Path], Path]:
    """A file of ``megabytes`` MB that takes no disk space (a hole after one line)."""

    def make(folder: Path) -> Path:
        path = folder / name
        with path.open("wb") as out:
            out.write(b"A story that goes on and on.\n")
            out.truncate(megabytes * 2**20)
        return path

    return make


CONTROL_TEXT = (
    STORY.replace("Harbour tunnel", "Harbour\x07 tunnel", 1)
    .replace("61.5 million", "\x1b[1m61.5\x08 million\x1b[0m")
    .replace("bakery", "bakery\x0c")
    + "\n"
    + STORY
)
"""The story twice, with a bell, a backspace, a bold-on and a bold-off terminal sequence
and a form feed: four control characters in 700 (text, not binary)."""
TERMINAL_LOG = "".join(f"\x1b[32m{n:03}\x1b[0m \x1b[1mok\x1b[0m\r\n" for n in range(40)).encode()
"""A coloured terminal log: every fourth character is an escape."""
BIDI_TEXT = (
    "Invoice \u202eexe.txt\u202c attached, says the email.\n\n"
    "Price: \u2066100\u2069 euros \u200fright-to-left mark, \u061c Arabic letter mark.\n\n"
    "שלום ועד העיר voted 7 to 2 (גלעד).\n"
)
COMBINING_TEXT = (
    "Cafe\u0301 owner Zoe\u0308 Ma\u0301rquez welcomed 👩‍👩‍👧‍👦 families and 🇺🇦 visitors.\n\n"
    "Ẓ̶̧̛̤͓̳̬̞̟͔̹͔̈́͑̏̋a̸̢̧̩̝͖̫̙̐̈̀̈́͐͑̚͜l̵̛͍̻̖̮̗̼̝̈́̏̒̈́͜g̴̛̝̼̺̻̲̯̈́̇̓̐̀̀ö̷̮́̕ text 👍🏽 and the keycap 1️⃣.\n"
)
NUL_TEXT = b"The mayor\x00 said the wall\x00 would be rebuilt.\n\nThe vote was 7 to 2.\n"
PUNCTUATION = "... !!! ??? — – ;;; ***\n\n«» „“ ‚‘ …\n"

SCRIPT_AND_ENTITY_PAGE = """<?xml version="1.0"?>
<!DOCTYPE html [
  <!ENTITY secret SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "http://127.0.0.1:9/entity">
  <!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<html><head><title>Storm wall vote</title>
<script>document.write("SCRIPT RAN"); fetch("http://127.0.0.1:9/beacon");</script>
</head><body><article>
<h1>Storm wall vote</h1>
<p>Councillors in Port Ellery voted 7 to 2 on Tuesday night to rebuild the town's storm
wall, ending a dispute that has run since the surge of 2023. Entity: &secret; &remote; &lol2;</p>
<p>The new wall will rise 1.4 metres above the old one and run 820 metres from the ferry
slip to the lifeboat station.</p>
<script>alert("SCRIPT RAN AGAIN")</script>
<img src="http://127.0.0.1:9/pixel.gif" onerror="alert('ONERROR RAN')">
</article></body></html>
"""

DEEP_HTML = "<html><body>" + "<div>" * 100_000 + "<p>Deep inside.</p>" + "</div>" * 100_000


def _docx(build: str) -> Callable[[], bytes]:
    def make() -> bytes:
        from tests.core import docx_fixtures

        result: bytes = getattr(docx_fixtures, build)()
        return result

    return make


def truncated_docx() -> bytes:
    from tests.core import docx_fixtures

    data = docx_fixtures.article_docx()
    return data[: len(data) // 2]


def zip_bomb_docx() -> bytes:
    from tests.core import docx_fixtures

    return docx_fixtures.zip_bomb(2047)


def lying_zip_bomb_docx() -> bytes:
    """A bomb whose ZIP directory says its big member is 1 MB (it inflates to 2 GB)."""
    from tests.core import docx_fixtures

    return docx_fixtures.zip_bomb(2047, declared_mb=1)


def _entity_docx(entities: str, reference: str) -> bytes:
    """A Word document whose body and title (core properties) declare ``entities`` in a
    DTD and read "Said: ``reference`` end."."""
    from tests.core import docx_fixtures as d

    said = "PLACEHOLDER"
    parts = d.docx_parts(d.paragraph(f"<w:r><w:t>{said}</w:t></w:r>"), title=said)
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    roots = {"word/document.xml": "w:document", "docProps/core.xml": "cp:coreProperties"}
    for part, root in roots.items():
        xml = str(parts[part]).replace(said, f"Said: {reference} end.")
        parts[part] = xml.replace(declaration, f"{declaration}<!DOCTYPE {root} [{entities}]>\n")
    return d.package(parts)


def external_entity_docx() -> bytes:
    return _entity_docx('<!ENTITY secret SYSTEM "file:///etc/passwd">', "&secret;")


def billion_laughs_docx() -> bytes:
    entities = '<!ENTITY e0 "lol">' + "".join(
        f'<!ENTITY e{n} "{("&e" + str(n - 1) + ";") * 10}">' for n in range(1, 10)
    )
    return _entity_docx(entities, "&e9;")


def encrypted_pdf() -> bytes:
    from tests.core import pdf_fixtures

    return pdf_fixtures.encrypted_pdf()


def truncated_pdf() -> bytes:
    from tests.core import pdf_fixtures

    data = pdf_fixtures.simple_pdf(["The ferry will run twice a day from Monday."])
    return data[: len(data) // 2]


def _fifo(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        os.mkfifo(path)
        return path

    return make


def _link_to(name: str, target: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.symlink_to(target)
        return path

    return make


def _symlink_loop(folder: Path) -> Path:
    first, second = folder / "loop-a.txt", folder / "loop-b.txt"
    first.symlink_to(second)
    second.symlink_to(first)
    return first


def _folder(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.mkdir()
        (path / "inside.txt").write_text(STORY, encoding="utf-8")
        return path

    return make


def _unreadable(folder: Path) -> Path:
    path = folder / "no-permission.txt"
    path.write_text(STORY, encoding="utf-8")
    path.chmod(0)
    return path


def _deleted(folder: Path) -> Path:
    """Chosen (it existed), then deleted before it is loaded."""
    path = folder / "deleted-after-choosing.txt"
    path.write_text(STORY, encoding="utf-8")
    path.unlink()
    return path


def _same_file(folder: Path) -> Path:
    """The first good document itself: opened again beside itself."""
    return GOOD_FILES[0]


SAME_FILE_PARAGRAPHS = 22
"""The wire report: headline, three bullet lines, dateline paragraph and 17 more."""

_NO_FIFO = "" if hasattr(os, "mkfifo") else "no named pipes on this system"
_NO_PROC = "" if os.path.exists("/proc/self/status") else "no /proc on this system"
_NO_DEVICE = "" if os.path.exists("/dev/zero") else "no /dev/zero on this system"
_NO_LINKS = "" if os.name == "posix" else "symbolic links need privileges on this system"
_NO_BYTE_NAMES = "" if sys.platform.startswith("linux") else "file names must be Unicode here"


CASES: list[HostileCase] = [
    # Empty and blank
    HostileCase("empty-0-bytes", _write("empty.txt", b""), Refused("the file is empty")),
    HostileCase("empty-docx", _write("empty.docx", b""), Refused("the file is empty")),
    HostileCase("empty-pdf", _write("empty.pdf", b""), Refused("the file is empty")),
    HostileCase(
        "only-whitespace",
        _write("blank.txt", " \n\t\r\n \u00a0\u3000\u2028\n".encode()),
        Refused("the file holds only whitespace"),
    ),
    HostileCase("only-a-bom", _write("bom.txt", codecs.BOM_UTF8), Refused("only whitespace")),
    HostileCase(
        "only-punctuation",
        _write("punctuation.txt", PUNCTUATION.encode()),
        Loaded(paragraphs=2, text_contains=("!!!", "«»")),
    ),
    # Not text at all
    HostileCase(
        "binary-blob",
        _write("blob.txt", random_blob()),
        Refused("looks like a binary file, not text"),
    ),
    HostileCase(
        "image-renamed-txt", _write("photo.txt", png_image()), Refused("is a PNG image, not text")
    ),
    HostileCase(
        "jpeg-renamed-txt",
        _write("photo2.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200)),
        Refused("is a JPEG image, not text"),
    ),
    HostileCase(
        "gzip-renamed-txt",
        _write("story.txt.txt", b"\x1f\x8b\x08\x00" + zlib.compress(STORY.encode())),
        Refused("is a gzip archive, not text"),
    ),
    HostileCase(
        "program-renamed-txt",
        _write("program.txt", b"\x7fELF\x02\x01\x01" + bytes(300)),
        Refused("is a program, not text"),
    ),
    # Encodings
    HostileCase(
        "invalid-utf8-in-the-middle",
        _write("bad-utf8.txt", invalid_utf8_in_the_middle()),
        Loaded(
            paragraphs=STORY_PARAGRAPHS,
            text_contains=("river \ufffdreopened", "“We lost", "euros —"),
            encoding="utf-8",
        ),
    ),
    HostileCase(
        "utf16-le-with-bom",
        _write("utf16-bom.txt", codecs.BOM_UTF16_LE + STORY.encode("utf-16-le")),
        Loaded(paragraphs=STORY_PARAGRAPHS, text_contains=("“We lost",), encoding="utf-16-le"),
    ),
    HostileCase(
        "utf16-be-with-bom",
        _write("utf16-be-bom.txt", codecs.BOM_UTF16_BE + STORY.encode("utf-16-be")),
        Loaded(paragraphs=STORY_PARAGRAPHS, text_contains=("“We lost",), encoding="utf-16-be"),
    ),
    HostileCase(
        "utf16-le-without-bom",
        _write("utf16.txt", STORY.encode("utf-16-le")),
        Loaded(paragraphs=STORY_PARAGRAPHS, text_contains=("“We lost",), encoding="utf-16-le"),
    ),
    HostileCase(
        "utf16-be-without-bom",
        _write("utf16-be.txt", STORY.encode("utf-16-be")),
        Loaded(paragraphs=STORY_PARAGRAPHS, text_contains=("“We lost",), encoding="utf-16-be"),
    ),
    HostileCase(
        "utf16-broken-surrogate",
        _write("utf16-broken.txt", codecs.BOM_UTF16_LE + "Story".encode("utf-16-le") + b"\x00\xd8"),
        Refused("cannot be decoded as text (invalid utf-16-le at byte 10)"),
    ),
    HostileCase(
        "utf32-with-bom",
        _write("utf32.txt", codecs.BOM_UTF32_LE + STORY.encode("utf-32-le")),
        Loaded(paragraphs=STORY_PARAGRAPHS, text_contains=("“We lost",), encoding="utf-32-le"),
    ),
    HostileCase(
        "mixed-line-ends",
        _write("mixed.txt", mixed_line_ends()),
        Loaded(paragraphs=MIXED_LINE_END_PARAGRAPHS, text_contains=("third line\n\nNext",)),
        note="\\r\\n, \\r and \\n become \\n",
    ),
    HostileCase(
        "nul-bytes-in-text",
        _write("nul.txt", NUL_TEXT),
        Loaded(paragraphs=2, text_contains=("The mayor",)),
    ),
    HostileCase(
        "control-characters",
        _write("controls.txt", CONTROL_TEXT.encode()),
        Loaded(paragraphs=8, text_contains=("Harbour\x07 tunnel", "\x1b[1m61.5\x08 million")),
    ),
    HostileCase(
        "control-characters-dense",
        _write("terminal.log", TERMINAL_LOG),
        Refused("looks like a binary file, not text"),
        note="one character in four is a control: read as binary",
    ),
    HostileCase(
        "bidi-override-characters",
        _write("bidi.txt", BIDI_TEXT.encode()),
        Loaded(paragraphs=3, text_contains=("\u202eexe.txt\u202c", "שלום")),
    ),
    HostileCase(
        "combining-marks-and-emoji",
        _write("emoji.txt", COMBINING_TEXT.encode()),
        Loaded(paragraphs=2, text_contains=("Cafe\u0301", "👩‍👩‍👧‍👦", "🇺🇦")),
    ),
    # Big
    HostileCase(
        "single-5mb-line",
        _lazy("one-line.txt", one_long_line),
        Loaded(paragraphs=1, text_contains=("storm wall",)),
        slow=True,
    ),
    HostileCase(
        "very-long-word",
        _write("long-word.txt", b"Before " + b"x" * 1_000_000 + b" after.\n"),
        Loaded(paragraphs=1, text_contains=("Before x", "x after.")),
    ),
    HostileCase(
        "100000-one-word-paragraphs",
        _lazy("many.txt", one_word_paragraphs),
        Loaded(paragraphs=100_000, text_contains=("word0\n", "word99999")),
        slow=True,
    ),
    HostileCase(
        "60mb-text",
        _write_large("sixty.txt"),
        Loaded(paragraphs=LARGE_TEXT_PARAGRAPHS, text_contains=("Dora Quint",)),
        slow=True,
    ),
    HostileCase(
        "over-the-size-limit",
        _sparse("huge.txt", HUGE_SPARSE_MB),
        Refused(f"is {HUGE_SPARSE_MB} MB, over the 200 MB limit"),
        note="a sparse file: refused by its size, never read",
    ),
    # Word documents
    HostileCase(
        "truncated-docx",
        _lazy("truncated.docx", truncated_docx),
        Refused("is a damaged Word document (its ZIP data is broken)"),
    ),
    HostileCase(
        "docx-zip-bomb",
        _lazy("bomb.docx", zip_bomb_docx),
        Refused("is a ZIP bomb: it would inflate to 2047 MB"),
    ),
    HostileCase(
        "docx-zip-bomb-lying-directory",
        _lazy("lying-bomb.docx", lying_zip_bomb_docx),
        Refused("is damaged (the ZIP container is truncated or corrupt)"),
    ),
    HostileCase(
        "docx-external-entity",
        _lazy("entity.docx", external_entity_docx),
        Refused("declares an XML document type in word/document.xml"),
        note="refused before any parser sees the entity",
    ),
    HostileCase(
        "docx-billion-laughs",
        _lazy("laughs.docx", billion_laughs_docx),
        Refused("declares an XML document type in"),
    ),
    HostileCase(
        "encrypted-docx",
        _lazy("encrypted.docx", _docx("ole_file")),
        Refused("is a password-protected Office document"),
    ),
    HostileCase(
        "text-named-docx",
        _write("story.docx", STORY.encode()),
        Refused("is named .docx but is not a Word document (not a ZIP file)"),
    ),
    # Web pages
    HostileCase(
        "html-script-and-external-entity",
        _write("page.html", SCRIPT_AND_ENTITY_PAGE.encode()),
        Loaded(
            paragraphs=3,
            text_contains=("Storm wall vote", "Entity: &secret; &remote; &lol2;", "820 metres"),
            text_lacks=("SCRIPT RAN", "ONERROR", "root:", "lollol", "fetch"),
            format="Web page",
        ),
    ),
    HostileCase(
        "html-nested-100000-deep",
        _write("deep.html", DEEP_HTML.encode()),
        Refused("has no article text that could be extracted"),
    ),
    HostileCase(
        "mhtml-without-a-page",
        _write(
            "empty.mht",
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n"
            b"--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n",
        ),
        Refused("is an MHTML file without a web page in it"),
    ),
    # PDFs
    HostileCase(
        "encrypted-pdf",
        _lazy("encrypted.pdf", encrypted_pdf),
        Refused("is encrypted; remove the password and try again"),
    ),
    HostileCase(
        "truncated-pdf",
        _lazy("truncated.pdf", truncated_pdf),
        Refused("is damaged and could not be read as a PDF"),
    ),
    HostileCase(
        "html-named-pdf",
        _write("page.pdf", SCRIPT_AND_ENTITY_PAGE.encode()),
        Refused("is named .pdf but is not a PDF (it lacks the %PDF signature)"),
    ),
    # Not a file
    HostileCase("directory", _folder("folder.txt"), Refused("is a folder, not a file")),
    HostileCase(
        "symlink-loop",
        _symlink_loop,
        Refused("is a symbolic link that loops"),
        unavailable=_NO_LINKS,
    ),
    HostileCase(
        "dangling-symlink",
        _link_to("dangling.txt", "nowhere.txt"),
        Refused("no such file"),
        unavailable=_NO_LINKS,
    ),
    HostileCase(
        "named-pipe",
        _fifo("pipe.txt"),
        Refused("is not a regular file (it is a named pipe)"),
        unavailable=_NO_FIFO,
    ),
    HostileCase(
        "device-renamed-txt",
        _link_to("zeros.txt", "/dev/zero"),
        Refused("is not a regular file (it is a device)"),
        unavailable=_NO_DEVICE or _NO_LINKS,
    ),
    HostileCase(
        "proc-file-that-says-it-is-empty",
        _link_to("status.txt", "/proc/self/status"),
        Loaded(paragraphs=lambda count: count > 10, text_contains=("Name:", "Pid:")),
        unavailable=_NO_PROC or _NO_LINKS,
        note="its size is 0 until it is read: read to its end all the same",
    ),
    HostileCase(
        "no-read-permission",
        _unreadable,
        Refused("permission denied"),
        unavailable="" if os.name == "posix" else "no POSIX permissions on this system",
        root_reads_it=True,
    ),
    HostileCase("deleted-before-loading", _deleted, Refused("no such file")),
    # Names and duplicates
    HostileCase(
        "unicode-file-name",
        _write("Ünïcødé — 新闻 📰 ‮txt.exe.txt", STORY.encode()),
        Loaded(paragraphs=STORY_PARAGRAPHS, text_contains=("Dora Quint",)),
    ),
    HostileCase(
        "non-utf8-file-name",
        _write(b"caf\xe9-latin1.txt", STORY.encode()),
        Loaded(paragraphs=STORY_PARAGRAPHS, text_contains=("Dora Quint",)),
        unavailable=_NO_BYTE_NAMES,
    ),
    HostileCase(
        "same-file-twice",
        _same_file,
        Loaded(paragraphs=SAME_FILE_PARAGRAPHS, text_contains=("Marrowby",)),
        note="the first good document opened again beside itself",
    ),
]

BY_NAME = {case.name: case for case in CASES}


def case_params(skip: Mapping[str, str] | None = None) -> list[object]:
    """A ``pytest.param`` per case, named after it: slow ones marked, unavailable ones and
    those in ``skip`` (name → reason) skipped."""
    import pytest

    params = []
    for case in CASES:
        marks: list[pytest.MarkDecorator] = []
        if case.slow:
            marks.append(pytest.mark.slow)
        reason = case.unavailable or (skip or {}).get(case.name, "")
        if reason:
            marks.append(pytest.mark.skip(reason=reason))
        params.append(pytest.param(case, id=case.name, marks=marks))
    return params


def must_drop_root(case: HostileCase) -> bool:
    """Whether the case means anything only without root's privileges, and we have them."""
    return (
        case.root_reads_it
        and hasattr(os, "geteuid")
        and os.geteuid() == 0
        and not os.environ.get(HOSTILE_RERUN)
    )


PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2
"""From <linux/prctl.h> and <linux/capability.h>."""


def capability_dropper() -> Callable[[], None]:
    """A ``preexec_fn`` that starts a child process as root without the capabilities that
    let root read and search whatever the permissions say: a file's mode then counts for
    it as for any user (Linux only; skips the test elsewhere)."""
    import ctypes

    if not sys.platform.startswith("linux"):
        import pytest

        pytest.skip("root's file capabilities are dropped with Linux's prctl")
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up before the fork

    def drop_capabilities() -> None:
        for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
            if prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")

    return drop_capabilities


def rerun_without_root_privileges(
    nodeid: str, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """Run the test ``nodeid`` again, in a pytest of its own, without root's privileges
    over files (:func:`capability_dropper`)."""
    root = Path(__file__).resolve().parent.parent
    drop_capabilities = capability_dropper()
    with tempfile.TemporaryDirectory(prefix="hostile-rerun-") as folder:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
             "--basetemp", f"{folder}/basetemp", nodeid],
            cwd=root,
            env={**os.environ, HOSTILE_RERUN: "1"},
            preexec_fn=drop_capabilities,
            capture_output=True,
            text=True,
            timeout=timeout,
        )  # fmt: skip


HOSTILE_RERUN = "COMPAREAPP_HOSTILE_RERUN"
"""Set in a rerun, which must not rerun itself again should dropping privileges fail."""
