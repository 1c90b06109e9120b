"""Issue 24: the exported PDF is a faithful record. The seed pair (and three documents)
exported with marks on a split paragraph, a merged one, the repeated lead and a moved
one, read back with poppler and pypdf: every linked paragraph beside its counterpart,
every highlight over exactly its words, the disputed passages first, the links and the
outline resolving."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.document import Document
from compareapp.core.present.report_model import ReportModel, build_report
from compareapp.core.present.view_model import ComparisonViewModel
from compareapp.export import comparison_pages, pdf_export
from compareapp.export.pdf_export import ExportOptions, ExportResult, export_pdf
from tests.helpers.pdf_reading import (
    annotations,
    check_links,
    outline,
    page_texts,
    pages_with,
    pdftotext,
    text_under_quads,
    words,
)
from tests.helpers.seed_marks import MISPLACED_QUOTE, make_marks, seed_pair, third_version

Exported = tuple[ReportModel, Path, ExportResult]


def export(documents: list[Document], target: Path) -> Exported:
    QApplication.instance() or QApplication([])
    report = build_report(ComparisonViewModel(Comparison(documents)), make_marks(documents))
    result = export_pdf(report, target, ExportOptions(reviewer="ed"))
    return report, target, result


@pytest.fixture(
    scope="module", params=[2, 3, 4], ids=["seed pair", "three documents", "four documents"]
)
def exported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Exported:
    documents = seed_pair()
    if request.param >= 3:
        documents.append(third_version(documents[1]))
    if request.param == 4:  # more than fit side by side: the base beside each other in turn
        documents.append(third_version(documents[2], "fourth.txt"))
    return export(documents, tmp_path_factory.mktemp("record") / "record.pdf")


def opening(text: str, count: int = 7) -> str:
    return " ".join(text.split()[:count])


def paragraph_pages(path: Path, text: str) -> list[int]:
    """The pages where a paragraph's opening words are, the fewer words the closer its
    first line comes to a page's foot."""
    for count in (7, 5, 3):
        if found := pages_with(path, opening(text, count)):
            return found
    return []


def test_every_linked_pair_stands_on_the_same_or_the_next_page(exported: Exported) -> None:
    report, path, _result = exported
    comparison = report.model.comparison
    assert report.sections and all(section.rows for section in report.sections)
    checked = 0
    for other in comparison.others():
        for pair in comparison.pairs(comparison.base, other):
            a = comparison.documents[comparison.base].paragraphs[pair.link.a].text
            b = comparison.documents[other].paragraphs[pair.link.b].text
            pages_a, pages_b = paragraph_pages(path, a), paragraph_pages(path, b)
            assert pages_a and pages_b, (opening(a), opening(b))
            assert min(abs(x - y) for x in pages_a for y in pages_b) <= 1, (a[:60], b[:60])
            checked += 1
    assert checked >= 12  # not vacuous: the seed pair has 16 or more links (19 before issue 20)


def test_nothing_is_left_for_the_end(exported: Exported) -> None:
    """The one-to-two paragraphs that used to be printed after the tables are in them."""
    _report, path, _result = exported
    last = page_texts(path)[-1]
    for quote in ("The last time Putin and Xi met", "Russia denies that its forces"):
        assert pages_with(path, quote)
        assert words(quote) not in last or last.count("only in this source") > 0


def test_under_each_highlight_lies_exactly_the_marked_text(exported: Exported) -> None:
    report, path, result = exported
    highlights = annotations(path, "/Highlight")
    by_mark: dict[str, list[str]] = {}
    for highlight in highlights:
        name = str(highlight.data["/NM"])
        by_mark.setdefault(name.split("-")[0], []).append(text_under_quads(path, highlight))
    quotes = {mark.id.split("-")[0]: mark.quote for mark in report.marks if mark.id != "stale"}
    assert set(by_mark) == set(quotes)
    for mark_id, found in by_mark.items():
        assert " ".join(found) == words(quotes[mark_id])
    assert result.not_placed == ()
    assert [mark.id for mark in report.unplaced] == ["stale"]


def test_the_summary_comes_first_and_lists_the_mark_it_could_not_place(exported: Exported) -> None:
    report, path, _result = exported
    texts = page_texts(path)
    disputed = next(n for n, text in enumerate(texts) if "Disputed passages (" in text)
    assert disputed <= 1
    verified = next(n for n, text in enumerate(texts) if "Verified passages (" in text)
    table = next(n for n, text in enumerate(texts) if "Discrepancies (" in text)
    summary = " ".join(texts[: table + 1])
    assert summary.index("Disputed passages") < summary.index("Verified passages")
    assert disputed <= verified <= table
    assert re.search(f"“{MISPLACED_QUOTE}” split ed \\S+ \\S+ not placed", summary)
    first_page = pdftotext(path, "-f", "1", "-l", "1").splitlines()
    for document in report.documents:
        assert f"SHA-256 {document.sha256}" in first_page, "a hash is whole on one line"


def test_the_discrepancy_table_has_one_line_per_row(exported: Exported) -> None:
    report, path, _result = exported
    text = " ".join(page_texts(path))
    start = text.index("Discrepancies (")
    table = text[start : text.index(report.documents[0].name, start + 40) + 4000]
    claims = [row for row in report.discrepancies if row.kind.value == "only in one source"]
    assert claims
    longest = max((v for row in claims for v in row.versions if v), key=lambda v: len(v.text))
    assert words(longest.text) not in table, "a one-source claim is not printed whole"


def test_links_and_outline_resolve(exported: Exported) -> None:
    report, path, _result = exported
    check_links(path, at_least=len(report.marks) - 1)
    entries = outline(path)
    assert entries[0] == ("Summary", 0)
    assert len(entries) == 1 + len(report.sections)
    texts = page_texts(path)
    for (title, page), section in zip(entries[1:], report.sections, strict=True):
        names = [report.documents[index].name for index in section.documents]
        assert title == " ↔ ".join(names)
        assert words(title) in texts[page]
    assert len(pypdf.PdfReader(path).pages) == len(texts)


def test_moved_and_split_paragraphs_say_where_they_stand(exported: Exported) -> None:
    report, path, _result = exported
    cbc = report.documents[1]
    total = len(cbc.paragraphs)
    moved = next(p for p in cbc.paragraphs if p.text.startswith("Since Russia invaded"))
    assert pages_with(path, f"moved: paragraph {moved.index + 1} of {total} · Since Russia")
    lead = [p.index for p in cbc.paragraphs if p.text.startswith("Russian President Vladimir")]
    for index in lead[:2]:
        assert pages_with(path, f"paragraph {index + 1} of {total} · Russian President")


def test_a_mark_not_found_where_it_is_drawn_is_listed_not_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the text laid out under a mark ever differ from its words, the mark is
    left out of the annotations and the summary says it was not placed."""
    real = comparison_pages.text_between

    def garbled(document: QTextDocument, first: int, last: int) -> str:
        text = real(document, first, last)
        return "something else" if text == '"no limits"' else text

    monkeypatch.setattr(comparison_pages, "text_between", garbled)
    report, path, result = export(seed_pair(), tmp_path / "garbled.pdf")
    (limits,) = [mark for mark in report.marks if mark.quote == '"no limits"']
    assert result.not_placed == (limits.id,)
    assert limits.id not in {str(h.data["/NM"]) for h in annotations(path, "/Highlight")}
    summary = " ".join(page_texts(path)[:2])
    assert re.search(r'“"no limits"” the phrase the wires used ed \S+ \S+ not placed', summary)


def test_a_label_is_on_the_page_of_its_paragraph(exported: Exported) -> None:
    """ "only in this source" and "moved: …" open the paragraph's first line, so a page
    can never end with a label whose paragraph is on the next."""
    report, path, _result = exported
    checked = 0
    for section in report.sections:
        for row in section.rows:
            for document, cell in zip(section.documents, row.cells, strict=True):
                labels = list(cell.labels or [""] * len(cell.paragraphs))
                if cell.unique:
                    labels[0] = "only in this source" + (f", {labels[0]}" if labels[0] else "")
                for paragraph, label in zip(cell.paragraphs, labels, strict=True):
                    if label:
                        text = report.documents[document].paragraphs[paragraph].text
                        assert pages_with(path, f"{label} · {opening(text, 1)}"), label
                        checked += 1
    assert checked > 20


def test_the_annotations_are_an_incremental_update(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The drawn PDF's bytes are kept as they are; the annotations, outline and
    destinations are appended (the pages are not parsed and written again)."""
    drawn: list[bytes] = []
    real = pdf_export.add_highlights

    def keep(source: bytes, *args: Any) -> None:
        drawn.append(source)
        real(source, *args)

    monkeypatch.setattr(pdf_export, "add_highlights", keep)
    _report, path, _result = export(seed_pair(), tmp_path / "incremental.pdf")
    written = path.read_bytes()
    assert written.startswith(drawn[0]) and len(written) > len(drawn[0])


def test_review_marks_are_boxed_solid_or_dashed(exported: Exported) -> None:
    """A mark differs from the differences' tints and underlines in shape: its appearance
    strokes a box round each line, solid when disputed, dashed when verified, so that
    the two tell apart in grey-scale print too."""
    _report, path, _result = exported
    for highlight in annotations(path, "/Highlight"):
        stream = highlight.data["/AP"]["/N"].get_object().get_data().decode()
        lines = len(highlight.data["/QuadPoints"]) // 8
        assert stream.count(" S") == lines
        dashed = "[3 1.5] 0 d" in stream
        assert dashed == (str(highlight.data["/Subj"]) == "Verified")
