"""A fingerprint of compareapp's results, to show a speed-up changed none of them.

    python benchmarks/fingerprint.py [--cases] [--bible N ...]

Runs ``compareapp compare A B --format json`` (in this process, through ``cli.main``) on
every gold case of ``shared/corpus/alignment-dev`` (beside the clone), the seed pair and
the bundled sample, and with ``--bible N`` on the benchmark's N-paragraph Bible pair too.
Each output is parsed and written again canonically (sorted keys, no spaces) without what
depends on where and when the files were read (each document's ``path`` and
``loaded_at``): every link, score, difference, unique paragraph and discrepancy remains.
Prints the SHA-256 of the whole and, with ``--cases``, one line per pair before it. Run it
before and after a change: the same last line means the same results.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus  # noqa: E402
from compareapp import cli  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
SAMPLE = ROOT / "compareapp" / "assets" / "sample"
VOLATILE = ("path", "loaded_at")
"""Document fields that depend on where and when a file was read, not on the result."""


def pairs(bible_sizes: list[int]) -> Iterator[tuple[str, Path, Path]]:
    """Each pair to compare: its name and its two files."""
    for case in sorted((SHARED / "alignment-dev").iterdir()):
        if (case / "a.txt").is_file():
            yield case.name, case / "a.txt", case / "b.txt"
    seed = sorted((SHARED / "seed-pair").glob("*.txt"))
    yield "seed-pair", seed[0], seed[1]
    yield "sample", SAMPLE / "wire-report.txt", SAMPLE / "outlet-rewrite.txt"
    for size in bible_sizes:
        path_a, path_b = corpus.pair_files(size)
        yield f"bible-{size}", Path(path_a), Path(path_b)


def compare_output(path_a: Path, path_b: Path) -> str:
    """What ``compareapp compare A B --format json`` prints."""
    captured = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    with contextlib.redirect_stdout(captured):
        status = cli.main(["compare", str(path_a), str(path_b), "--format", "json"])
    if status != 0:
        raise SystemExit(f"compare {path_a} {path_b} exited with {status}")
    captured.flush()
    buffer = captured.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8")


def canonical(output: str) -> bytes:
    """The compare JSON without its volatile fields, serialised with sorted keys."""
    data: dict[str, Any] = json.loads(output)
    for document in data["documents"]:
        for field in VOLATILE:
            document.pop(field)
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", action="store_true", help="also print each pair's digest")
    parser.add_argument(
        "--bible", type=int, nargs="*", default=[], metavar="N", help="Bible pair sizes"
    )
    args = parser.parse_args()
    whole = hashlib.sha256()
    count = 0
    for name, path_a, path_b in pairs(args.bible):
        digest = hashlib.sha256(canonical(compare_output(path_a, path_b))).hexdigest()
        whole.update(f"{name} {digest}\n".encode())
        count += 1
        if args.cases:
            print(name, digest)
    print(f"{count} pairs {whole.hexdigest()}")


if __name__ == "__main__":
    main()
