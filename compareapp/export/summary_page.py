"""The report's first page(s), as HTML for a ``QTextDocument``, in the order an editor reads
them: who exported it and when, each source with its fingerprint (the SHA-256 whole on one
line, monospaced, so that it can be copied and searched), the counts, every disputed
passage and every verified one with its note and a link to its page (or "not placed"),
then the discrepancy table with one line per row, each linked to its page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from compareapp.core.facts.discrepancies import Discrepancy
from compareapp.core.facts.fact_kind import FactKind
from compareapp.core.present.report_model import ReportModel
from compareapp.core.present.row_statuses import row_statuses
from compareapp.core.review.anchors import AnchorState
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.export.comparison_pages import mark_anchor, paragraph_anchor
from compareapp.export.page_layout import report_font

QUOTE_LIMIT = 300
TABLE_POINTS = 8.0
"""The discrepancy table's font size."""
MONOSPACE = "DejaVu Sans Mono"
SUMMARY_ANCHOR = "summary"
_SCALE = 100
"""The table's font is measured at this many pixels a point, whatever the screen."""
_MARK_COLUMNS = ("Source", "Passage", "Note", "By", "Page")
_KIND_LABELS = {
    FactKind.ONLY_IN_ONE: "one source",
    FactKind.NOT_IN_EVERY: "some sources",
    FactKind.DATE: "date, time",
}


@dataclass(frozen=True)
class SummaryPages:
    """What the summary points to, as 1-based page numbers of the whole PDF."""

    marks: Mapping[str, int] = field(default_factory=dict)
    """Each placed mark, by id; a mark of the report missing here was not placed."""
    paragraphs: Mapping[tuple[int, int], int] = field(default_factory=dict)
    """Each cited (document, paragraph)."""


def summary_html(
    report: ReportModel,
    *,
    exported_at: datetime,
    reviewer: str,
    pages: SummaryPages,
    text_width: float = 510.0,
) -> str:
    """The summary; ``text_width`` is the width of the page's text in points (the
    discrepancy table's cells are cut to fit it on one line)."""
    names = " ↔ ".join(document.name for document in report.documents)
    parts = [
        "<style>h1 { font-size: 14pt; } h2 { font-size: 11pt; margin-top: 10px; }"
        " p.source { margin-top: 2px; margin-bottom: 4px; }</style>",
        f"<h1><a name='{SUMMARY_ANCHOR}'></a>Comparison report: {escape(names)}</h1>",
        f"<p>Exported {escape(exported_at.isoformat(timespec='seconds'))} by "
        f"{escape(reviewer)} with compareapp.</p>",
        "<h2>Sources</h2>",
        _sources(report),
        "<h2>Counts</h2>",
        _counts(report),
    ]
    for status in (MarkStatus.DISPUTED, MarkStatus.VERIFIED):
        marks = [m for m in (*report.marks, *report.unplaced) if m.status is status]
        parts.append(f"<h2>{status.value.capitalize()} passages ({len(marks)})</h2>")
        parts.append(_marks_table(report, marks, pages.marks) if marks else "<p>None.</p>")
    parts.append(f"<h2>Discrepancies ({len(report.discrepancies)})</h2>")
    parts.append(
        _discrepancies(report, pages.paragraphs, text_width)
        if report.discrepancies
        else "<p>None found.</p>"
    )
    return "\n".join(parts)


def _table(header: list[str] | None, rows: list[list[str]], style: str = "") -> str:
    cells = "".join(f"<th align='left'>{escape(cell)}</th>" for cell in header or [])
    head = f"<thead><tr>{cells}</tr></thead>" if header else ""
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        f"<table border='0.5' cellspacing='0' cellpadding='3' width='100%' style='{style}'>"
        f"{head}{body}</table>"
    )


def _sources(report: ReportModel) -> str:
    """A paragraph per source: name, role and what the file says of itself, its path, and
    its SHA-256 on a line of its own."""
    parts = []
    for index, document in enumerate(report.documents):
        role = " (base)" if index == report.model.base else ""
        facts = [
            f"“{document.title}”" if document.title else "",
            f"by {document.author}" if document.author else "",
            document.published,
            document.format,
            document.encoding,
            f"{document.word_count:,} words",
            f"loaded {document.loaded_at.isoformat(timespec='seconds')}",
        ]
        parts.append(
            f"<p class='source'><b>{escape(document.name)}</b>{role} · "
            f"{escape(' · '.join(part for part in facts if part))}<br/>"
            f"{escape(document.path)}<br/>"
            f"<span style=\"font-family:'{MONOSPACE}'; font-size:8pt\">"
            f"SHA-256 {document.sha256}</span></p>"
        )
    return "\n".join(parts)


def _counts(report: ReportModel) -> str:
    counts = report.counts()
    unique = ", ".join(
        f"{escape(document.name)} {count}"
        for document, count in zip(report.documents, counts.unique, strict=True)
    )
    classes = ", ".join(f"{kind.value} {count}" for kind, count in counts.by_class.items())
    marks = report.marks_by_status()
    rows = [
        ["Paragraphs linked", f"{counts.linked} ({counts.changed} changed, {counts.moved} moved)"],
        ["Unique paragraphs", unique],
        ["Differences by class", escape(classes) or "none"],
        [
            "Review marks",
            f"{marks[MarkStatus.DISPUTED]} disputed, {marks[MarkStatus.VERIFIED]} verified",
        ],
    ]
    return _table(None, rows)


def _marks_table(report: ReportModel, marks: list[ReviewMark], pages: Mapping[str, int]) -> str:
    names = {document.source_id: document.name for document in report.documents}
    rows = []
    for mark in marks:
        quote = " ".join(mark.quote.split())
        if len(quote) > QUOTE_LIMIT:
            quote = quote[: QUOTE_LIMIT - 1] + "…"
        if mark.id in pages:
            page = f"<a href='#{mark_anchor(mark.id)}'>{pages[mark.id]}</a>"
        else:
            page = "<b>not placed</b>" + (
                " (orphaned)" if mark.state is AnchorState.ORPHANED else ""
            )
        rows.append(
            [
                escape(names.get(mark.source, "source not compared")),
                f"“{escape(quote)}”",
                escape(mark.note).replace("\n", "<br/>"),
                f"{escape(mark.reviewer)}<br/>{mark.modified:%Y-%m-%d %H:%M}",
                page,
            ]
        )
    header = "".join(
        f"<th align='left' width='{width}%'>{name}</th>"
        for name, width in zip(_MARK_COLUMNS, (19, 33, 26, 12, 10), strict=True)
    )
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        "<table border='0.5' cellspacing='0' cellpadding='3' width='100%' "
        f"style='font-size:{TABLE_POINTS}pt'><thead><tr>{header}</tr></thead>{body}</table>"
    )


def _discrepancies(
    report: ReportModel, pages: Mapping[tuple[int, int], int], text_width: float
) -> str:
    """The discrepancy table, one line per row: the fact's kind, each source's wording
    (a one-source claim's first sentence) cut to its column, the pages, the review."""
    marks = [*report.marks, *report.unplaced]
    names = [document.name for document in report.documents]
    fixed = {"kind": 0.14, "pages": 0.1, "review": 0.1}
    share = (1 - sum(fixed.values())) / len(names)
    widths = [fixed["kind"], *[share] * len(names), fixed["pages"], fixed["review"]]
    header = "".join(
        f"<th align='left' width='{round(width * 100)}%'>{escape(name)}</th>"
        for name, width in zip(["Fact", *names, "Pages", "Review"], widths, strict=True)
    )
    column = share * text_width - 8  # less the cell's padding
    rows = []
    for row in report.discrepancies:
        statuses = row_statuses(row, report.documents, marks)
        cells = [
            escape(_fit(_wording(row, index), column)) if version else "<i>—</i>"
            for index, version in enumerate(row.versions)
        ]
        review = ", ".join(status.value for status in MarkStatus if status in statuses)
        label = _KIND_LABELS.get(row.kind, row.kind.value)
        kind = escape(_fit(label, fixed["kind"] * text_width - 8))
        rows.append([kind, *cells, _page_links(report, row, pages), review or "—"])
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        "<table border='0.5' cellspacing='0' cellpadding='3' width='100%' "
        f"style='font-size:{TABLE_POINTS}pt'><thead><tr>{header}</tr></thead>{body}</table>"
    )


def _wording(row: Discrepancy, index: int) -> str:
    """A source's wording on one line (a one-source claim's is already its first sentence,
    cut by the fact finder, which knows "U.S." ends no sentence)."""
    version = row.versions[index]
    assert version is not None
    return " ".join(version.text.split())


def _page_links(report: ReportModel, row: Discrepancy, pages: Mapping[tuple[int, int], int]) -> str:
    """A link to each page the row's wordings are on (the first wording on each page)."""
    links: dict[int, str] = {}
    for index, version in enumerate(row.versions):
        if version is None:
            continue
        paragraph = report.documents[index].paragraph_at(version.start)
        if paragraph is None or (index, paragraph.index) not in pages:
            continue
        page = pages[(index, paragraph.index)]
        anchor = paragraph_anchor(index, paragraph.index)
        links.setdefault(page, f"<a href='#{anchor}'>{page}</a>")
    return ", ".join(links.values()) or "—"


def _fit(text: str, points: float) -> str:
    """``text`` cut with an ellipsis to ``points`` wide in the table's font."""
    return _metrics().elidedText(text, Qt.TextElideMode.ElideRight, points * _SCALE)


@cache
def _metrics() -> QFontMetricsF:
    font = report_font(TABLE_POINTS)
    font.setPixelSize(round(TABLE_POINTS * _SCALE))
    return QFontMetricsF(font)
