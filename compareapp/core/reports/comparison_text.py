"""The comparison for people reading a terminal: aligned pairs with inline changes.

Changes are written ``[-old-]{+new+}``; a change that alters a fact carries its class,
as in ``[-8,000-]{+9,000+}<number>``.
"""

from __future__ import annotations

from compareapp.core.diff.classify import DifferenceClass
from compareapp.core.diff.comparison import Comparison, PairComparison, link_groups
from compareapp.core.diff.inline_diff import Difference
from compareapp.core.documents.document import Document


def comparison_to_text(comparison: Comparison) -> str:
    return "\n".join(_pair_text(comparison, pair) for pair in comparison.against_base())


def _pair_text(comparison: Comparison, pair: PairComparison) -> str:
    doc_a, doc_b = comparison.documents[pair.a], comparison.documents[pair.b]
    lines = [f"=== {doc_a.name} (A) vs {doc_b.name} (B)", ""]
    by_link = {(linked.link.a, linked.link.b): linked for linked in pair.pairs}
    for group in link_groups(pair.alignment.links):
        differences = sorted(
            (
                d
                for link in group
                for d in by_link[(link.a, link.b)].differences
                if d.kind is not DifferenceClass.TYPOGRAPHIC
            ),
            key=lambda d: (d.a_start, d.b_start),
        )
        heading = ", ".join(
            f"A¶{link.a} ↔ B¶{link.b} {link.kind.value} {link.score:.2f}" for link in group
        )
        lines.append(f"--- {heading}")
        lines.append(_inline(doc_a, sorted({link.a for link in group}), differences))
        lines.append("")
    for index, document in ((pair.a, doc_a), (pair.b, doc_b)):
        unique = comparison.unique_paragraphs(index)
        if unique:
            lines.append(f"--- only in {document.name}:")
            lines += [f"  ¶{i}: {document.paragraphs[i].text}" for i in unique]
            lines.append("")
    return "\n".join(lines)


def _inline(doc_a: Document, a_paras: list[int], differences: list[Difference]) -> str:
    """Side A's paragraphs with each change written in place."""
    out = []
    for index in a_paras:
        paragraph = doc_a.paragraphs[index]
        cursor = paragraph.start
        chunks = []
        for difference in differences:
            if not paragraph.start <= difference.a_start <= paragraph.end:
                continue
            at_end = difference.a_end == difference.a_start == paragraph.end
            if at_end and index != a_paras[-1]:
                continue  # an insertion between two paragraphs is shown once, after the last
            chunks.append(doc_a.text[cursor : difference.a_start])
            mark = _mark(difference)
            if chunks[-1][-1:].isalnum():
                mark = " " + mark
            cursor = max(cursor, difference.a_end)
            if doc_a.text[cursor : cursor + 1].isalnum():
                mark += " "
            chunks.append(mark)
        chunks.append(doc_a.text[cursor : paragraph.end])
        out.append("".join(chunks))
    return "\n".join(out)


def _mark(difference: Difference) -> str:
    text = ""
    if difference.a_text:
        text += f"[-{difference.a_text}-]"
    if difference.b_text:
        text += f"{{+{difference.b_text}+}}"
    if difference.kind.significant or difference.kind is DifferenceClass.SPELLING:
        text += f"<{difference.kind.value}>"
    return text
