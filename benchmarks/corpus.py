"""Benchmark inputs: two English translations of the Bible, paragraph by paragraph.

Where the text comes from (both public domain, both Debian packages, nothing downloaded):

- King James Version: Debian's ``bible-kjv`` (the ``bible`` program; its text is in
  ``bible-kjv-text``), dumped with ``bible -l100000 Gen1:1-Rev22:21``.
- World English Bible (2020 stable text): Debian's ``sword-text-web``, a SWORD "zText"
  module read here directly (zlib blocks and a verse index; no SWORD library needed), its
  OSIS markup stripped, footnotes and headings dropped.

Only verses both translations have are used (31,000-odd, ~790,000 words in the KJV). A
paragraph is a run of consecutive verses of one chapter with at least ``MIN_WORDS`` words
(27 words on average): version A is the KJV's text of those verses, version B the WEB's,
so every pair of paragraphs is a real paraphrase. B is then perturbed, with a
seeded random generator: numbers changed in ~2% of paragraphs, ~1.5% split and ~1.5%
merged with the next, ~1.5% deleted and ~1.5% inserted (verses from elsewhere), and
blocks of 1-4 paragraphs making up ~5% of the document moved elsewhere.

Sizes beyond the Bible (about 30,000 paragraphs a pass) go through it again, A still the
KJV and B the WEB, with paragraphs that straddle verses: each verse is cut at the clause
end nearest its middle in both translations, and a paragraph runs from the second half of
one verse to the first half of a later one. The second pass thus repeats the first's
verses but none of its paragraphs; a third pass would repeat the first.

Pairs are cached as ``bible-vVERSION-sSEED-N-a.txt`` and ``-b.txt`` (paragraphs between
blank lines) in ``$COMPAREAPP_BENCH_CACHE`` or ``~/.cache/compareapp-benchmarks``.
"""

from __future__ import annotations

import html
import json
import os
import random
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

GENERATOR_VERSION = 2
"""Part of every cache name: bump it when the generated text changes."""
SEED = 11
MIN_WORDS = 10

SWORD_MODULE = Path("/usr/share/sword/modules/texts/ztext/engWEB2015eb")
MISSING_HELP = (
    "the benchmark's text comes from Debian's public-domain Bible packages; install them "
    "with: apt-get install bible-kjv sword-text-web"
)

BOOKS = (
    "Gen Exod Lev Num Deut Josh Judg Ruth 1Sam 2Sam 1Kgs 2Kgs 1Chr 2Chr Ezra Neh Esth Job Ps "
    "Prov Eccl Song Isa Jer Lam Ezek Dan Hos Joel Amos Obad Jonah Mic Nah Hab Zeph Hag Zech Mal "
    "Matt Mark Luke John Acts Rom 1Cor 2Cor Gal Eph Phil Col 1Thess 2Thess 1Tim 2Tim Titus Phlm "
    "Heb Jas 1Pet 2Pet 1John 2John 3John Jude Rev"
).split()
"""The 66 books, as OSIS names, in the order the KJV dump gives them."""

Verse = tuple[str, int, int]
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred thousand"
).split()
_NUMBER = re.compile(r"\b(?:\d+|" + "|".join(NUMBER_WORDS) + r")\b")


class CorpusMissing(RuntimeError):
    """The Debian packages the text comes from are not installed."""


def cache_dir() -> Path:
    folder = os.environ.get("COMPAREAPP_BENCH_CACHE")
    if folder:
        path = Path(folder)
    else:
        path = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        path /= "compareapp-benchmarks"
    path.mkdir(parents=True, exist_ok=True)
    return path


def kjv_verses() -> dict[Verse, str]:
    """The King James Version, from the ``bible`` program of Debian's bible-kjv."""
    program = shutil.which("bible") or (
        "/usr/games/bible" if Path("/usr/games/bible").exists() else None
    )
    if program is None:
        raise CorpusMissing(f"no 'bible' program; {MISSING_HELP}")
    dump = subprocess.run(
        [program, "-l100000", "Gen1:1-Rev22:21"],
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    ).stdout
    verses: dict[Verse, str] = {}
    book, chapter, names = -1, 0, []
    for line in dump.splitlines():
        heading = re.fullmatch(r"(\S.*) (\d+)", line)
        if heading:
            if heading.group(1) not in names:
                names.append(heading.group(1))
                book += 1
            chapter = int(heading.group(2))
            continue
        verse = re.fullmatch(r"\s+(\d+) (.*)", line)
        if verse and book >= 0:
            verses[(BOOKS[book], chapter, int(verse.group(1)))] = " ".join(verse.group(2).split())
    if len(names) != len(BOOKS):
        raise CorpusMissing(f"the KJV dump has {len(names)} books, not 66; {MISSING_HELP}")
    return verses


def web_verses(module: Path = SWORD_MODULE) -> dict[Verse, str]:
    """The World English Bible, read from Debian's sword-text-web module.

    The verse index (``*.bzv``: block, offset, size) lists, per book, an introduction
    entry, then per chapter a heading entry (holding ``<chapter osisID="Gen.1">``) and the
    chapter's verses in order, empty where the translation has no such verse."""
    if not (module / "ot.bzv").exists():
        raise CorpusMissing(f"no World English Bible in {module}; {MISSING_HELP}")
    verses: dict[Verse, str] = {}
    for testament in ("ot", "nt"):
        blocks = (module / f"{testament}.bzs").read_bytes()
        index = (module / f"{testament}.bzv").read_bytes()
        data = (module / f"{testament}.bzz").read_bytes()
        cache: dict[int, bytes] = {}
        chapter: tuple[str, int] | None = None
        number = 0
        for entry in range(len(index) // 10):
            block, offset, size = struct.unpack_from("<IIH", index, entry * 10)
            if size == 0:
                number += 1
                continue
            if block not in cache:
                start, length, _ = struct.unpack_from("<III", blocks, block * 12)
                cache = {block: zlib.decompress(data[start : start + length])}
            markup = cache[block][offset : offset + size].decode("utf-8")
            heading = re.search(r'<chapter\b(?=[^>]*\ssID=)[^>]*\sosisID="([^".]+)\.(\d+)"', markup)
            if heading:
                chapter, number = (heading.group(1), int(heading.group(2))), 0
                continue
            if re.search(r'<div [^>]*\ssID="[^"]*" type="book"', markup):
                chapter = None  # the next book's introduction
                continue
            number += 1
            closing = re.search(r'<div [^>]*\seID="[^"]*"[^>]*type="book"', markup)
            text = _plain(markup[: closing.start()] if closing else markup)
            if chapter is not None and text:
                verses[(chapter[0], chapter[1], number)] = text
    return verses


def _plain(markup: str) -> str:
    """OSIS markup to plain text: notes, headings and speaker labels dropped."""
    markup = re.sub(r"<(note|title|speaker)\b[^>]*?(?<!/)>.*?</\1>", " ", markup, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", markup))
    return " ".join(text.split())


def parallel_verses() -> list[tuple[Verse, str, str]]:
    """Every verse both translations have, in canonical order: (verse, KJV, WEB). Cached."""
    cached = cache_dir() / f"parallel-v{GENERATOR_VERSION}.json"
    if cached.exists():
        return [(tuple(v), k, w) for v, k, w in json.loads(cached.read_text("utf-8"))]
    kjv, web = kjv_verses(), web_verses()
    rows = [(verse, text, web[verse]) for verse, text in kjv.items() if verse in web]
    if len(rows) < 30_000:
        raise CorpusMissing(f"only {len(rows)} verses in both translations; {MISSING_HELP}")
    temporary = cached.with_suffix(".tmp")
    temporary.write_text(json.dumps(rows), "utf-8")
    temporary.replace(cached)
    return rows


def parallel_paragraphs(count: int) -> tuple[list[str], list[str], list[str]]:
    """``count`` paragraphs of side A (KJV), the same verses in the WEB for side B, and a
    pool of further B-side paragraphs (later verses) to insert. Past the end of the Bible
    it starts again with paragraphs that straddle verses (see the module's text)."""
    rows = parallel_verses()
    side_a: list[str] = []
    side_b: list[str] = []
    cycle = 0
    while len(side_a) < count + count // 10 + 1:
        straddle = cycle % 2 == 1
        run_a: list[str] = []
        run_b: list[str] = []
        words = 0
        previous: tuple[str, int] | None = None

        def close() -> None:
            nonlocal run_a, run_b, words
            side_a.append(" ".join(run_a))
            side_b.append(" ".join(run_b))
            run_a, run_b, words = [], [], 0

        for verse, kjv, web in rows:
            if run_a and verse[:2] != previous:
                close()
            previous = verse[:2]
            units = _halves(kjv, web) if straddle else [(kjv, web)]
            for unit, (part_a, part_b) in enumerate(units):
                run_a.append(part_a)
                run_b.append(part_b)
                words += len(part_a.split())
                # straddling paragraphs end after the first half of a verse
                if words >= MIN_WORDS and (not straddle or (unit == 0 and len(units) == 2)):
                    close()
        if run_a:
            close()
        cycle += 1
    return side_a[:count], side_b[:count], side_b[count:]


def _halves(text_a: str, text_b: str) -> list[tuple[str, str]]:
    """Both translations of a verse cut at the clause end nearest their middles, or the
    verse whole when either has no such end."""
    parts_a, parts_b = _split(text_a, clauses_only=True), _split(text_b, clauses_only=True)
    if len(parts_a) == 2 and len(parts_b) == 2:
        return [(parts_a[0], parts_b[0]), (parts_a[1], parts_b[1])]
    return [(text_a, text_b)]


def make_pair(count: int, seed: int = SEED) -> tuple[list[str], list[str]]:
    """Paragraphs of version A and of version B (perturbed), ``count`` in A."""
    side_a, side_b, spare = parallel_paragraphs(count)
    rng = random.Random(seed * 1_000_003 + count)

    def how_many(rate: float) -> int:
        return max(1, round(count * rate))

    for index in rng.sample(range(len(side_b)), min(len(side_b), how_many(0.02))):
        side_b[index] = _change_number(side_b[index], rng)
    for index in sorted(rng.sample(range(len(side_b)), how_many(0.015)), reverse=True):
        side_b[index : index + 1] = _split(side_b[index])
    for index in sorted(rng.sample(range(len(side_b) - 1), how_many(0.015)), reverse=True):
        side_b[index : index + 2] = [side_b[index] + " " + side_b[index + 1]]
    for index in sorted(rng.sample(range(len(side_b)), how_many(0.015)), reverse=True):
        del side_b[index]
    for text in spare[: how_many(0.015)]:
        side_b.insert(rng.randrange(len(side_b) + 1), text)
    moved = 0
    while moved < how_many(0.05):
        size = min(rng.randint(1, 4), len(side_b) - 1)
        start = rng.randrange(len(side_b) - size + 1)
        block = side_b[start : start + size]
        del side_b[start : start + size]
        side_b[rng.randrange(len(side_b) + 1) : 0] = block
        moved += size
    return side_a, side_b


def _change_number(text: str, rng: random.Random) -> str:
    """One number changed: a figure to another figure, a number word to another word; a
    paragraph with none gets a figure in place of its first word of three letters or more."""
    found = list(_NUMBER.finditer(text))
    if not found:
        word = re.search(r"\b[a-z]{3,}\b", text)
        if word is None:
            return text
        figure = f"{rng.randint(2, 9)},{rng.randint(100, 999)}"
        return f"{text[: word.start()]}{figure} {text[word.start() :]}"
    match = rng.choice(found)
    old = match.group(0)
    if old.isdigit():
        new = str(int(old) + rng.randint(1, 9))
    else:
        new = rng.choice([word for word in NUMBER_WORDS if word != old])
    return text[: match.start()] + new + text[match.end() :]


def _split(text: str, clauses_only: bool = False) -> list[str]:
    """A paragraph in two, at the sentence or clause end nearest its middle (else, unless
    ``clauses_only``, at the space nearest it)."""
    middle = len(text) // 2
    ends = [m.end() for m in re.finditer(r"[.,;:?!][”’\"']?\s", text)]
    if not ends and not clauses_only:
        ends = [m.end() for m in re.finditer(r"\s", text)]
    if not ends:
        return [text]
    cut = min(ends, key=lambda end: abs(end - middle))
    return [text[:cut].strip(), text[cut:].strip()]


def pair_files(count: int, seed: int = SEED) -> tuple[Path, Path]:
    """The two files of the ``count``-paragraph pair, generated once and cached."""
    folder = cache_dir()
    stem = f"bible-v{GENERATOR_VERSION}-s{seed}-{count}"
    path_a, path_b = folder / f"{stem}-a.txt", folder / f"{stem}-b.txt"
    if not (path_a.exists() and path_b.exists()):
        side_a, side_b = make_pair(count, seed)
        for path, paragraphs in ((path_a, side_a), (path_b, side_b)):
            temporary = path.with_suffix(".tmp")
            temporary.write_text("\n\n".join(paragraphs) + "\n", "utf-8")
            temporary.replace(path)
    return path_a, path_b


if __name__ == "__main__":
    import sys

    for size in [int(argument) for argument in sys.argv[1:]] or [50]:
        a, b = pair_files(size)
        words = len(a.read_text("utf-8").split()) + len(b.read_text("utf-8").split())
        print(f"{size:>6} paragraphs: {a} {b} ({words:,} words)")
