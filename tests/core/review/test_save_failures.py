"""Saving a session and exporting a PDF where the disk is full or the folder cannot be
written: the error says why, the previous file keeps its bytes and no temporary file is
left behind.

Each trouble is real where the machine allows it (a 1 MB tmpfs filled up or remounted
read-only, which needs root and ``mount``; a folder without write permission, which root
ignores) and is otherwise skipped; the simulated ones (the write or the creation of the
temporary file raising the error the system would) always run.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.loading import load_document
from compareapp.core.present.report_model import ReportModel, build_report
from compareapp.core.present.view_model import ComparisonViewModel
from compareapp.core.review.marks import MarkStatus, ReviewMark
from compareapp.core.review.session import SESSION_SUFFIX, Session, SessionSource
from compareapp.core.review.session_file import load_session, save_session
from compareapp.resources import sample_paths
from tests.fixtures.save_troubles import KINDS, Trouble


def check_error(error: OSError, trouble: Trouble) -> None:
    assert error.errno == trouble.expected.code, error
    assert error.strerror == trouble.expected.reason


# Sessions -----------------------------------------------------------------------------

WHEN = datetime(2026, 3, 11, 8, 0, tzinfo=timezone(timedelta(hours=1)))
TEXT = "Around 1,200 households were evacuated on Tuesday, officials said. " * 20


def big_session(marks: int) -> Session:
    """A session with ``marks`` marks, some 500 bytes each."""
    source = SessionSource("wire", "/news/wire.txt", "wire.txt", "a" * 64, "utf-8", WHEN)
    template = ReviewMark.create("wire", TEXT, 7, 23, MarkStatus.DISPUTED, "ana", when=WHEN)
    return Session(
        sources=(source,),
        marks=tuple(
            dataclasses.replace(template, id=f"mark-{n:05d}", note=f"note {n}")
            for n in range(marks)
        ),
        saved_at=WHEN,
    )


@pytest.mark.parametrize("kind", KINDS)
def test_a_session_that_cannot_be_saved_keeps_the_previous_file(kind: str, tmp_path: Path) -> None:
    with Trouble(kind, tmp_path) as trouble:
        path = trouble.folder / f"review{SESSION_SUFFIX}"
        save_session(path, big_session(3))
        previous = path.read_bytes()
        trouble.start()

        with pytest.raises(OSError) as caught:
            save_session(path, big_session(600))

        check_error(caught.value, trouble)
        assert path.read_bytes() == previous
        assert trouble.files() == [path.name], "no temporary file is left behind"
        trouble.stop()
        save_session(path, big_session(600))  # once there is room, it saves
        assert len(load_session(path).marks) == 600
        assert trouble.files() == [path.name]


# PDF export ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report() -> ReportModel:
    wire, outlet = (load_document(path) for path in sample_paths())
    start = wire.text.index("1,200 households")
    mark = ReviewMark.create(
        wire.source_id, wire.text, start, start + 16, MarkStatus.DISPUTED, "ana", "Check it"
    )
    return build_report(ComparisonViewModel(Comparison([wire, outlet])), [mark])


@pytest.mark.parametrize("kind", KINDS)
def test_a_pdf_that_cannot_be_exported_keeps_the_previous_file(
    kind: str, tmp_path: Path, report: ReportModel, qapp: Any
) -> None:
    from compareapp.export.pdf_export import ExportOptions, export_pdf

    with Trouble(kind, tmp_path) as trouble:
        target = trouble.folder / "report.pdf"
        target.write_bytes(b"%PDF the previous export")
        trouble.start()

        with pytest.raises(OSError) as caught:
            export_pdf(report, target, ExportOptions(reviewer="ana"))

        check_error(caught.value, trouble)
        assert target.read_bytes() == b"%PDF the previous export"
        assert trouble.files() == ["report.pdf"], "no draft or temporary file is left behind"
        trouble.stop()
        result = export_pdf(report, target, ExportOptions(reviewer="ana"))
        assert result.annotations == 1
        assert target.read_bytes().startswith(b"%PDF-")
        assert trouble.files() == ["report.pdf"]
