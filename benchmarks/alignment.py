"""Score the paragraph aligner against human gold alignments, beside two baselines.

    python benchmarks/alignment.py

Cases: ``shared/corpus/alignment-dev/*`` (beside the clone) and the project's own gold in
``benchmarks/gold`` (the seed pair, LGPL 2 -> 2.1 from Debian's common-licenses). A predicted
pair is right when it is sure or possible; recall is over sure pairs.
"""

from __future__ import annotations

import difflib
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compareapp.core.align.aligner import LEXICAL_PARAMS, AlignParams, align_paragraphs  # noqa: E402
from compareapp.core.documents.loading import load_document  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "alignment-dev"
OWN_GOLD = ROOT / "benchmarks" / "gold"

Pairs = set[tuple[int, int]]
Aligner = Callable[[Sequence[str], Sequence[str]], Pairs]


@dataclass(frozen=True)
class Case:
    name: str
    a: list[str]
    b: list[str]
    sure: Pairs
    possible: Pairs
    in_target: bool
    """Part of the set the target is quoted on: the shared dev set and the seed pair."""


def _units(path: Path, unit: str) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if unit == "blank-line-separated block":
        blocks = re.split(r"\n[^\S\n]*\n", text.replace("\r\n", "\n"))
        return [block.strip() for block in blocks if block.strip()]
    return [line.strip() for line in text.splitlines() if line.strip()]


def _case(name: str, gold_path: Path, base: Path, in_target: bool) -> Case:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    unit = gold.get("unit", "non-blank line")
    a = _units((base / gold["a"]).resolve(), unit)
    b = _units((base / gold["b"]).resolve(), unit)
    return Case(
        name,
        a,
        b,
        {tuple(pair) for pair in gold["sure"]},  # type: ignore[misc]
        {tuple(pair) for pair in gold.get("possible", [])},  # type: ignore[misc]
        in_target,
    )


def load_cases() -> Iterator[Case]:
    """Every gold case whose texts are present on this machine."""
    for folder in sorted(CORPUS.glob("*/")):
        yield _case(folder.name, folder / "gold.json", folder, in_target=True)
    for gold_path in sorted(OWN_GOLD.glob("*.json")):
        if "sure" not in json.loads(gold_path.read_text(encoding="utf-8")):
            continue  # gold of another kind (word differences), not an alignment
        yield _case(gold_path.stem, gold_path, ROOT, in_target=gold_path.stem == "seed_pair")


def corpus_of(name: str) -> str:
    """The corpus a case belongs to, for reports per corpus (one of :data:`CORPORA`)."""
    if name.startswith("aesop_"):
        return "Aesop"
    if name.startswith("argrewrite_"):
        return "ArgRewrite"
    return {"seed_pair": "seed pair", "lgpl_2_to_2_1": "licence"}.get(name, name)


CORPORA = ("Aesop", "ArgRewrite", "seed pair", "licence")


def aligned_pairs(a: Sequence[str], b: Sequence[str], params: AlignParams | None = None) -> Pairs:
    """The (A, B) index pairs compareapp links with ``params`` (its defaults if none)."""
    return {(link.a, link.b) for link in align_paragraphs(a, b, params).links}


def compareapp_aligner(a: Sequence[str], b: Sequence[str]) -> Pairs:
    return aligned_pairs(a, b)


def lexical_aligner(a: Sequence[str], b: Sequence[str]) -> Pairs:
    """compareapp without the embedding model: what the meaning signal adds."""
    return aligned_pairs(a, b, replace(AlignParams(), **LEXICAL_PARAMS))


def difflib_aligner(a: Sequence[str], b: Sequence[str]) -> Pairs:
    """SequenceMatcher over the paragraph sequence; replaced blocks paired in order."""
    matcher = difflib.SequenceMatcher(None, list(a), list(b), autojunk=False)
    pairs: Pairs = set()
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag in ("equal", "replace"):
            pairs.update(zip(range(a0, a1), range(b0, b1), strict=False))
    return pairs


def jaccard_aligner(a: Sequence[str], b: Sequence[str], threshold: float = 0.3) -> Pairs:
    """Greedy one-to-one word-set Jaccard >= 0.3."""
    sets_a = [set(re.findall(r"\w+", text.lower())) for text in a]
    sets_b = [set(re.findall(r"\w+", text.lower())) for text in b]
    scored = sorted(
        (
            (len(x & y) / len(x | y), i, j)
            for i, x in enumerate(sets_a)
            for j, y in enumerate(sets_b)
            if x | y
        ),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: Pairs = set()
    for score, i, j in scored:
        if score >= threshold and i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.add((i, j))
    return pairs


@dataclass
class Score:
    right: int = 0
    predicted: int = 0
    found: int = 0
    sure: int = 0

    @property
    def counts(self) -> tuple[int, int, int, int]:
        """right, predicted, found, sure: what micro averages add up."""
        return self.right, self.predicted, self.found, self.sure

    def add(self, predicted: Pairs, case: Case) -> Score:
        self.right += len(predicted & (case.sure | case.possible))
        self.predicted += len(predicted)
        self.found += len(predicted & case.sure)
        self.sure += len(case.sure)
        return self

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.sure if self.sure else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"


ALIGNERS: dict[str, Aligner] = {
    "compareapp": compareapp_aligner,
    "compareapp, lexical only": lexical_aligner,
    "difflib": difflib_aligner,
    "jaccard>=0.3": jaccard_aligner,
}


def evaluate(cases: Sequence[Case], aligner: Aligner) -> tuple[dict[str, Score], Score]:
    per_case = {}
    total = Score()
    for case in cases:
        predicted = aligner(case.a, case.b)
        per_case[case.name] = Score().add(predicted, case)
        total.add(predicted, case)
    return per_case, total


def main() -> None:
    cases = list(load_cases())
    print(f"{'case':24} {'units':>9}  " + "  ".join(f"{name:^32}" for name in ALIGNERS))
    results = {name: evaluate(cases, aligner) for name, aligner in ALIGNERS.items()}
    for case in cases:
        cells = "  ".join(f"{results[name][0][case.name]!s:^32}" for name in ALIGNERS)
        print(f"{case.name:24} {len(case.a):>4}/{len(case.b):<4}  {cells}")
    print(
        f"{'micro, all cases':24} {'':9}  " + "  ".join(f"{results[n][1]!s:^32}" for n in ALIGNERS)
    )
    target = [case for case in cases if case.in_target]
    target_results = {name: evaluate(target, aligner)[1] for name, aligner in ALIGNERS.items()}
    cells = "  ".join(f"{target_results[n]!s:^32}" for n in ALIGNERS)
    print(f"{'micro, dev set + seed':24} {'':9}  {cells}")
    print()
    print(time_large_pair())


def time_large_pair(paragraphs: int = 5_000) -> str:
    """Align two 5,000-paragraph documents (licence prose, shuffled and edited)."""
    from benchmarks.window_load import make_pair  # the pair the window benchmark loads

    with tempfile.TemporaryDirectory() as folder:
        paths = make_pair(paragraphs, Path(folder))
        texts = [[p.text for p in load_document(path).paragraphs] for path in paths]
    times = []
    for _ in range(3):
        start = time.perf_counter()
        alignment = align_paragraphs(*texts)
        times.append(time.perf_counter() - start)
    words = sum(len(text.split()) for side in texts for text in side)
    return (
        f"{paragraphs:,} paragraphs a side ({words:,} words): align median "
        f"{statistics.median(times):.2f} s over 3 runs, {len(alignment.links):,} links"
    )


if __name__ == "__main__":
    main()
