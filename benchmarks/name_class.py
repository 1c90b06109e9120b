"""Precision and recall of the ``name`` difference class on a hand-labelled list.

    python benchmarks/name_class.py [--gold benchmarks/gold/name_differences.json] [--list]

Compares the seed pair (/work/shared/corpus/seed-pair, or $COMPAREAPP_SEED) and the bundled
sample, classes every word difference, and scores the ones classed ``name`` against the
labels in benchmarks/gold/name_differences.json (issue 21): precision over the labelled
differences classed ``name``, recall over the labelled real name changes. A difference
classed ``name`` that the list does not label is counted and, with ``--list``, printed, so
that it can be labelled. To score another version of the code, put its folder first on
PYTHONPATH.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = Path(os.environ.get("COMPAREAPP_SEED", "/work/shared/corpus/seed-pair"))
if str(HERE.parent) not in sys.path:
    sys.path.append(str(HERE.parent))  # after PYTHONPATH: another version may come first


def classed(corpus: str) -> list[tuple[str, str, str]]:
    """Every difference of ``corpus`` ("seed" or "sample"): (a text, b text, class)."""
    from compareapp.core.diff.comparison import Comparison
    from compareapp.core.documents.loading import load_document
    from compareapp.resources import sample_paths

    paths = sorted(SEED.glob("*.txt"))[:2] if corpus == "seed" else list(sample_paths())
    comparison = Comparison([load_document(path) for path in paths])
    return [
        (d.a_text, d.b_text, d.kind.value)
        for pair in comparison.pairs(0, 1)
        for d in pair.differences
    ]


def score(gold_path: Path, show: bool) -> dict[str, float]:
    gold = json.loads(gold_path.read_text("utf-8"))["differences"]
    labels = {(item["corpus"], item["a"], item["b"]): bool(item["name"]) for item in gold}
    predicted: set[tuple[str, str, str]] = set()
    unlabelled: set[tuple[str, str, str]] = set()
    for corpus in ("seed", "sample"):
        for a, b, kind in classed(corpus):
            if kind == "name":
                (predicted if (corpus, a, b) in labels else unlabelled).add((corpus, a, b))
    true_positive = sum(labels[key] for key in predicted)
    positives = sum(labels.values())
    result = {
        "labelled": len(labels),
        "real name changes": positives,
        "classed name": len(predicted) + len(unlabelled),
        "unlabelled": len(unlabelled),
        "precision": true_positive / len(predicted) if predicted else 1.0,
        "recall": true_positive / positives if positives else 1.0,
    }
    if show:
        for key in sorted(predicted):
            print(f"  {'real' if labels[key] else 'NOT '}  {key[0]}: {key[1]!r} -> {key[2]!r}")
        for key in sorted(labels):
            if labels[key] and key not in predicted:
                print(f"  MISSED {key[0]}: {key[1]!r} -> {key[2]!r}")
        for key in sorted(unlabelled):
            print(f"  ??    {key[0]}: {key[1]!r} -> {key[2]!r}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=HERE / "gold" / "name_differences.json")
    parser.add_argument("--list", action="store_true", help="print each difference and label")
    arguments = parser.parse_args()
    result = score(arguments.gold, arguments.list)
    import compareapp

    print(f"code: {Path(compareapp.__file__).parent}")
    for key, value in result.items():
        print(f"{key:>18}: {value:.2f}" if isinstance(value, float) else f"{key:>18}: {value}")


if __name__ == "__main__":
    main()
