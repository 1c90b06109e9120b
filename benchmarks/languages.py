"""How the app reads stories outside English: language detection, and the aligner's word
terms and semantic signal on the German, French and Spanish pairs.

    python benchmarks/languages.py

1. Detection: each fixture story, each of its paragraphs and each paragraph's first
   sentence (tests/fixtures/languages and encodings, the English samples), told by
   :func:`detect_language` and by its function-word fallback alone. A story in a language
   the app does not read (Polish, Czech, Russian, Greek) is right when told as "".
2. Alignment: the de/fr/es pairs (tests/fixtures/languages), whose paragraphs correspond
   one to one; the first text against the story retold in other words; and the retelling
   shuffled among the paragraphs of another story of the same language (the encodings
   fixture). Link precision and recall against the
   expected links, with the English word rules or the language's (Snowball stems, stop
   words), with and without the embedding.
3. Semantic signal: the embedding cosine of each expected link against the best wrong
   candidate of its paragraph, in each language and on the English development cases.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.alignment import load_cases
from compareapp.core.align.aligner import align_paragraphs
from compareapp.core.align.embeddings import StaticEmbeddings, load_embeddings
from compareapp.core.align.links import LEXICAL_PARAMS, AlignParams
from compareapp.core.text.language import by_function_words, detect_language
from compareapp.resources import sample_paths

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
RETOLD = Path(__file__).resolve().parent / "gold" / "languages"
PAIR_LANGUAGES = ("de", "fr", "es")
CASES = ("written", "retold", "shuffled")
OTHER_STORY = {"de": "german", "fr": "french", "es": "spanish"}
STORIES = {
    **{f"languages/{code}_{side}.txt": code for code in PAIR_LANGUAGES for side in "ab"},
    "encodings/german.txt": "de",
    "encodings/french.txt": "fr",
    "encodings/spanish.txt": "es",
    "encodings/polish.txt": "",
    "encodings/czech.txt": "",
    "encodings/russian.txt": "",
    "encodings/greek.txt": "",
}
"""Fixture story -> the language the app should tell ("" for one it does not read)."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")

Pairs = set[tuple[int, int]]


def paragraphs(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def detection() -> None:
    texts: list[tuple[str, str, str]] = []  # (what, expected, text)
    stories = [(FIXTURES / name, code) for name, code in STORIES.items()]
    stories += [(Path(path), "en") for path in sample_paths()]
    for path, code in stories:
        texts.append(("stories", code, path.read_text(encoding="utf-8")))
        for paragraph in paragraphs(path):
            if len(paragraph) >= 25:
                texts.append(("paragraphs", code, paragraph))
                texts.append(("first sentences", code, _SENTENCE_END.split(paragraph)[0]))
    print("1. Language detection (right / all)")
    print(f"  {'':30} {'stories':>9} {'paragraphs':>11} {'first sentences':>16}")
    for name, detect in (
        ("py3langid, fallback if unsure", detect_language),
        ("function words alone", by_function_words),
    ):
        cells = []
        for what in ("stories", "paragraphs", "first sentences"):
            items = [(code, text) for kind, code, text in texts if kind == what]
            right = sum(detect(text) == code for code, text in items)
            cells.append(f"{right}/{len(items)}")
        print(f"  {name:30} {cells[0]:>9} {cells[1]:>11} {cells[2]:>16}")


def pair_cases(language: str) -> list[tuple[str, list[str], list[str], Pairs]]:
    """The pair as written; A against the story retold in other words (benchmarks/gold/
    languages, paragraph for paragraph); and the retelling shuffled among the paragraphs of
    another story of the language."""
    a = paragraphs(FIXTURES / "languages" / f"{language}_a.txt")
    b = paragraphs(FIXTURES / "languages" / f"{language}_b.txt")
    retold = paragraphs(RETOLD / f"{language}_retold.txt")
    other = paragraphs(FIXTURES / "encodings" / f"{OTHER_STORY[language]}.txt")
    mixed = [(text, j) for j, text in enumerate(retold)] + [(text, -1) for text in other]
    random.Random(7).shuffle(mixed)
    shuffled_gold = {(j, k) for k, (_text, j) in enumerate(mixed) if j >= 0}
    same = {(i, i) for i in range(len(a))}
    return [
        ("written", a, b, same),
        ("retold", a, retold, same),
        ("shuffled", a, [text for text, _ in mixed], shuffled_gold),
    ]


def links(a: list[str], b: list[str], params: AlignParams) -> Pairs:
    return {(link.a, link.b) for link in align_paragraphs(a, b, params).links}


def alignment() -> None:
    print("\n2. Alignment of the pairs: precision / recall of the expected links")
    settings = {
        "English rules, embedding": AlignParams(),
        "own language, embedding": AlignParams(),
        "English rules, lexical only": AlignParams(**LEXICAL_PARAMS),
        "own language, lexical only": AlignParams(**LEXICAL_PARAMS),
    }
    print(f"  {'':30}" + "".join(f"{code + ' ' + case:>12}" for code in PAIR_LANGUAGES
                                 for case in CASES) + "  all: P R F1")  # fmt: skip
    for name, params in settings.items():
        cells = []
        right_all = found_all = gold_all = 0
        for language in PAIR_LANGUAGES:
            read_in = (language, language) if name.startswith("own") else ("", "")
            for _case, a, b, gold in pair_cases(language):
                found = links(a, b, replace(params, languages=read_in))
                right = len(found & gold)
                cells.append(f"{right}/{len(found)} {right}/{len(gold)}")
                right_all, found_all, gold_all = (
                    right_all + right,
                    found_all + len(found),
                    gold_all + len(gold),
                )
        f1 = 2 * right_all / (found_all + gold_all)
        cells.append(f"{right_all / found_all:.3f} {right_all / gold_all:.3f} {f1:.3f}")
        print(f"  {name:30}" + "".join(f"{cell:>12}" for cell in cells[:-1]) + f"  {cells[-1]}")


def separation(
    embeddings: StaticEmbeddings, a: list[str], b: list[str], gold: Pairs
) -> tuple[float, float, int]:
    """Mean cosine of the expected links, mean of each one's best wrong candidate in B, and
    how many links beat every wrong candidate."""
    cosines = embeddings.embed(a) @ embeddings.embed(b).T
    linked, wrong, ahead = [], [], 0
    for i, j in sorted(gold):
        others = [cosines[i, k] for k in range(len(b)) if (i, k) not in gold]
        linked.append(cosines[i, j])
        wrong.append(max(others, default=0.0))
        ahead += bool(cosines[i, j] > wrong[-1])
    return float(np.mean(linked)), float(np.mean(wrong)), ahead


def semantic_signal() -> None:
    embeddings = load_embeddings()
    print("\n3. Semantic signal: mean cosine of expected links / of the best wrong candidate")
    if embeddings is None:
        print("  (no embedding model: nothing to measure)")
        return
    for language in PAIR_LANGUAGES:
        for case, a, b, gold in pair_cases(language):
            linked, wrong, ahead = separation(embeddings, a, b, gold)
            print(
                f"  {language} {case:9} links {linked:.3f}  best wrong {wrong:.3f}"
                f"  gap {linked - wrong:+.3f}  ahead {ahead}/{len(gold)}"
            )
    totals = np.zeros(3)
    count = 0
    for case in load_cases():
        if case.sure and case.in_target:
            linked, wrong, ahead = separation(embeddings, case.a, case.b, set(case.sure))
            totals += (linked * len(case.sure), wrong * len(case.sure), ahead)
            count += len(case.sure)
    linked, wrong = totals[0] / count, totals[1] / count
    print(
        f"  en dev cases  links {linked:.3f}  best wrong {wrong:.3f}  gap {linked - wrong:+.3f}"
        f"  ahead {int(totals[2])}/{count}"
    )


def main() -> None:
    detection()
    alignment()
    semantic_signal()


if __name__ == "__main__":
    main()
