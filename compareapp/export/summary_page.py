"""The report's first page(s), as HTML for a ``QTextDocument``: who exported it and when,
each source with its fingerprint, the counts, then every disputed passage and every
verified one with its note and the page where it appears."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from html import escape

from compareapp.core.present.report_model import ReportModel
from compareapp.core.present.row_statuses import row_statuses
from compareapp.core.review.marks import MarkStatus, ReviewMark

QUOTE_LIMIT = 300
NOT_HERE = "<i>not in this source</i>"


def summary_html(
    report: ReportModel,
    *,
    exported_at: datetime,
    reviewer: str,
    pages: Mapping[str, int],
) -> str:
    """The summary; ``pages`` gives the (1-based) page of each placed mark by id."""
    names = " ↔ ".join(document.name for document in report.documents)
    parts = [
        "<style>h1 { font-size: 15pt; } h2 { font-size: 11.5pt; margin-top: 14px; }</style>",
        f"<h1>Comparison report: {escape(names)}</h1>",
        f"<p>Exported {escape(exported_at.isoformat(timespec='seconds'))} by "
        f"{escape(reviewer)} with compareapp.</p>",
        "<h2>Sources</h2>",
        _sources(report),
        "<h2>Counts</h2>",
        _counts(report),
    ]
    parts.append(f"<h2>Discrepancies ({len(report.discrepancies)})</h2>")
    parts.append(_discrepancies(report) if report.discrepancies else "<p>None found.</p>")
    for status in (MarkStatus.DISPUTED, MarkStatus.VERIFIED):
        marks = [m for m in (*report.marks, *report.unplaced) if m.status is status]
        parts.append(f"<h2>{status.value.capitalize()} passages ({len(marks)})</h2>")
        parts.append(_marks_table(report, marks, pages) if marks else "<p>None.</p>")
    return "\n".join(parts)


def _table(header: list[str] | None, rows: list[list[str]]) -> str:
    cells = "".join(f"<th align='left'>{escape(cell)}</th>" for cell in header or [])
    head = f"<thead><tr>{cells}</tr></thead>" if header else ""
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table border='0.5' cellspacing='0' cellpadding='3' width='100%'>{head}{body}</table>"


def _sources(report: ReportModel) -> str:
    rows = []
    for index, document in enumerate(report.documents):
        role = " (base)" if index == report.model.base else ""
        declared = [
            f"“{document.title}”" if document.title else "",
            f"By {document.author}" if document.author else "",
            document.published,
        ]
        provenance = " · ".join(part for part in declared if part)
        rows.append(
            [
                f"<b>{escape(document.name)}</b>{role}<br/>{escape(document.path)}"
                + (f"<br/><i>{escape(provenance)}</i>" if provenance else ""),
                f"<span style='font-family:monospace'>{document.sha256}</span>",
                "<br/>".join(escape(part) for part in (document.format, document.encoding) if part),
                escape(document.loaded_at.isoformat(timespec="seconds")),
                f"{document.word_count:,}",
            ]
        )
    return _table(["Source", "SHA-256", "Format", "Loaded", "Words"], rows)


def _counts(report: ReportModel) -> str:
    counts = report.counts()
    unique = ", ".join(
        f"{escape(document.name)} {count}"
        for document, count in zip(report.documents, counts.unique, strict=True)
    )
    classes = ", ".join(f"{kind.value} {count}" for kind, count in counts.by_class.items())
    marks = report.marks_by_status()
    rows = [
        ["Paragraphs linked", str(counts.linked)],
        ["Changed", str(counts.changed)],
        ["Moved", str(counts.moved)],
        ["Unique", unique],
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
        page = str(pages[mark.id]) if mark.id in pages else f"not shown ({mark.state.value})"
        rows.append(
            [
                escape(names.get(mark.source, "source not compared")),
                f"“{escape(quote)}”",
                escape(mark.note).replace("\n", "<br/>"),
                escape(mark.reviewer),
                escape(mark.modified.isoformat(timespec="minutes")),
                page,
            ]
        )
    return _table(["Source", "Passage", "Note", "Reviewer", "Time", "Page"], rows)


def _discrepancies(report: ReportModel) -> str:
    """The discrepancy table: a row per fact, each source's wording, its review status."""
    marks = [*report.marks, *report.unplaced]
    rows = []
    for row in report.discrepancies:
        statuses = row_statuses(row, report.documents, marks)
        cells = [
            escape(" ".join(version.text.split())[:QUOTE_LIMIT])
            if version
            else "<i>not in this source</i>"
            for version in row.versions
        ]
        review = ", ".join(status.value for status in MarkStatus if status in statuses)
        rows.append([escape(row.kind.value), *cells, review or "—"])
    names = [document.name for document in report.documents]
    return _table(["Fact", *names, "Review"], rows)
