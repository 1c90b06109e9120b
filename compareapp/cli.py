"""The ``compareapp`` command: ``compareapp [FILES...]`` opens the window,
``compareapp compare FILES...`` compares without one and prints the result."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from compareapp import __version__
from compareapp.resources import sample_paths

if TYPE_CHECKING:
    from compareapp.core.diff.comparison import Comparison
    from compareapp.core.documents.document import Document
    from compareapp.core.facts.discrepancies import Discrepancy
    from compareapp.core.review.marks import MarkStatus
    from compareapp.core.review.session import Session

DESCRIPTION = "Compare versions of a news story: aligned paragraphs, changed facts."


def build_window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="compareapp",
        description=DESCRIPTION,
        epilog="Without a window: compareapp compare FILE FILE..., compareapp discrepancies "
        "FILE FILE... and compareapp export FILE FILE... -o OUT.pdf (see their -h)",
    )
    parser.add_argument("--version", action="version", version=f"compareapp {__version__}")
    parser.add_argument("files", nargs="*", metavar="FILE", help="documents to compare")
    parser.add_argument("--sample", action="store_true", help="open the bundled sample comparison")
    parser.add_argument(
        "--new-instance",
        action="store_true",
        help="start a separate app instead of handing the files to the running one",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The headless ``compare`` command."""
    compare = argparse.ArgumentParser(
        prog="compareapp compare",
        description="Align two or more documents and print links and differences.",
    )
    _add_input_arguments(compare)
    compare.add_argument("--format", choices=("text", "json"), default="text")
    compare.add_argument(
        "--typographic",
        action="store_true",
        help="also report typographic-only differences (quotes, dashes, spaces)",
    )
    _add_furniture_argument(compare, "the JSON's discrepancies")
    return compare


def build_discrepancies_parser() -> argparse.ArgumentParser:
    """The headless ``discrepancies`` command: the window's discrepancy table."""
    table = argparse.ArgumentParser(
        prog="compareapp discrepancies",
        description="List the facts that differ between the documents: one row per fact, "
        "each source's wording (schema of the JSON in docs/discrepancies-json.md).",
    )
    _add_input_arguments(table)
    table.add_argument("--format", choices=("text", "json", "csv"), default="text")
    _add_furniture_argument(table, "the table")
    return table


def build_export_parser() -> argparse.ArgumentParser:
    """The headless ``export`` command."""
    export = argparse.ArgumentParser(
        prog="compareapp export",
        description="Write the comparison, with a session's review marks, as an annotated PDF.",
        epilog="A review mark whose words cannot be found where the PDF shows them (or no "
        "longer in its source) is listed in the PDF's summary as not placed and named on "
        "stderr, one line each; the PDF is still written and the exit status is 0.",
    )
    _add_input_arguments(export)
    export.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the PDF to write")
    export.add_argument("--page-size", choices=("A4", "Letter"), help="default: from the locale")
    export.add_argument("--reviewer", help="the name on the summary page (default: login name)")
    export.add_argument(
        "--layout",
        choices=("side-by-side", "redline"),
        default="side-by-side",
        help="side-by-side: each document in a column beside its counterparts (default); "
        "redline: the base against each other document in one column, deleted words "
        "struck through, inserted ones underlined, moved paragraphs marked",
    )
    _add_furniture_argument(export, "the summary's discrepancy table")
    return export


def _add_furniture_argument(command: argparse.ArgumentParser, where: str) -> None:
    """``--include-furniture``, as the window's View > Show Page Furniture."""
    command.add_argument(
        "--include-furniture",
        action="store_true",
        help=f"also list in {where} the rows whose every wording is page furniture "
        '(photo captions, video durations, "3 months ago", sign-up prompts, credits and '
        "trust lines), left out by default",
    )


def _add_input_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("files", nargs="*", metavar="FILE", help="two or more text files")
    command.add_argument(
        "--base",
        type=int,
        default=0,
        metavar="N",
        help="index of the base document the others align to (default 0)",
    )
    command.add_argument(
        "--sample", action="store_true", help="compare the bundled sample articles"
    )
    command.add_argument(
        "--session",
        metavar="FILE",
        help="a saved session: its review marks (re-anchored if a source changed) are "
        "included, and its sources are compared when no FILE is given",
    )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # a file name that is not UTF-8 prints escaped
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    headless = HEADLESS.get(arguments[0]) if arguments else None
    if headless is not None:
        from compareapp.core.collector import fewer_collections  # (the window starts without)

        build, command = headless
        parser = build()
        try:
            with fewer_collections():  # the whole command: its reports make millions too
                return command(parser, parser.parse_args(arguments[1:]))
        except BrokenPipeError:  # a reader that stopped early (| head): no traceback
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
    args = build_window_parser().parse_args(arguments)
    from compareapp.ui.app import run_window

    return run_window(args.files, sample=args.sample, new_instance=args.new_instance)


@dataclass
class _Inputs:
    documents: list[Document]
    session: Session | None


def _inputs(parser: argparse.ArgumentParser, args: argparse.Namespace) -> _Inputs | int:
    """The documents (and session) the command line names, or an exit status."""
    from compareapp.core.diff.comparison_size import TooLongToCompare, check_comparison_size
    from compareapp.core.documents.loading import LoadError, load_document
    from compareapp.core.review.session import SessionError
    from compareapp.core.review.session_file import load_session
    from compareapp.core.review.session_sources import find_sources, open_source

    session = None
    if args.session:
        try:
            session = load_session(args.session)
        except SessionError as error:
            print(f"compareapp: cannot open session {error.path}: {error.reason}", file=sys.stderr)
            return 2
    files = [*args.files, *(sample_paths() if args.sample else [])]
    # Without files, the session's sources: files, and pasted texts it keeps itself.
    sources = session.sources if session is not None and not files else ()
    count = len(sources) or len(files)
    if count < 2:
        parser.error("needs at least two files (or --sample, or --session)")
    if not 0 <= args.base < count:
        parser.error(f"--base must be between 0 and {count - 1}")
    if session is not None and sources:
        for source in find_sources(session).missing:
            print(
                f"compareapp: cannot read {source.path}: no such file "
                f"(source {source.name} of the session {args.session})",
                file=sys.stderr,
            )
            return 2
    try:
        if sources:
            documents = [open_source(source) for source in sources]
        else:
            documents = [load_document(path) for path in files]
        check_comparison_size(documents)
    except TooLongToCompare as error:
        print(f"compareapp: cannot compare {error.path}: {error.reason}", file=sys.stderr)
        return 2
    except LoadError as error:
        print(f"compareapp: cannot read {error.path}: {error.reason}", file=sys.stderr)
        return 2
    return _Inputs(documents, session)


def _compare(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from compareapp.core.diff.comparison import Comparison
    from compareapp.core.reports.comparison_json import comparison_to_json
    from compareapp.core.reports.comparison_text import comparison_to_text
    from compareapp.core.reports.discrepancy_json import discrepancy_rows
    from compareapp.core.reports.review_json import review_to_json
    from compareapp.core.reports.review_text import review_to_text

    inputs = _inputs(parser, args)
    if isinstance(inputs, int):
        return inputs
    documents, session = inputs.documents, inputs.session
    comparison = Comparison(documents, base=args.base)
    if args.format == "json":
        data = comparison_to_json(comparison, typographic=args.typographic)
        table = _table(comparison, session, args.include_furniture)
        data["discrepancies"] = discrepancy_rows(documents, *table)
        if session is not None:
            data["review"] = review_to_json(session, args.session, documents)
        _print_json(data)
    else:
        print(_terminal_safe(comparison_to_text(comparison)))
        if session is not None:
            print(_terminal_safe(review_to_text(session, documents)))
    return 0


def _discrepancies(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from compareapp.core.diff.comparison import Comparison
    from compareapp.core.reports.discrepancy_csv import discrepancies_to_csv
    from compareapp.core.reports.discrepancy_json import discrepancies_to_json
    from compareapp.core.reports.discrepancy_text import discrepancies_to_text

    inputs = _inputs(parser, args)
    if isinstance(inputs, int):
        return inputs
    documents = inputs.documents
    comparison = Comparison(documents, base=args.base)
    rows, statuses = _table(comparison, inputs.session, args.include_furniture)
    if args.format == "json":
        data = discrepancies_to_json(documents, args.base, rows, statuses)
        _print_json(data)
    elif args.format == "csv":
        sys.stdout.write(discrepancies_to_csv(documents, rows, statuses))
    else:
        print(_terminal_safe(discrepancies_to_text(documents, args.base, rows, statuses)))
    return 0


def _table(
    comparison: Comparison, session: Session | None, include_furniture: bool
) -> tuple[list[Discrepancy], list[set[MarkStatus]] | None]:
    """The discrepancy table's rows (those of page furniture alone only with
    ``include_furniture``) and, with a session, the review statuses of each."""
    from compareapp.core.facts.discrepancies import find_discrepancies
    from compareapp.core.present.row_statuses import row_statuses
    from compareapp.core.review.session_sources import placed_marks

    rows = find_discrepancies(comparison, include_furniture=include_furniture)
    if session is None:
        return rows, None
    documents = list(comparison.documents)
    marks = [mark for mark, _index in placed_marks(session, documents)]
    return rows, [row_statuses(row, documents, marks) for row in rows]


def _print_json(data: dict[str, Any]) -> None:
    """``data`` as compact JSON, then a newline, written a list item at a time: each item
    goes through the standard library's C encoder (many times faster than its streaming
    Python one), and the whole text is never held at once (6.5 GB for the 50,000-verse
    pair, whose text is 70 MB). The same text as ``json.dumps`` of the whole."""
    write = sys.stdout.write
    write("{")
    for number, (key, value) in enumerate(data.items()):
        write(("," if number else "") + _compact_json(key) + ":")
        if isinstance(value, list):
            write("[")
            for index, item in enumerate(value):
                write(("," if index else "") + _compact_json(item))
            write("]")
        else:
            write(_compact_json(value))
    write("}\n")


def _compact_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_CONTROLS = {code: f"\\x{code:02x}" for code in [*range(0x20), 0x7F] if chr(code) not in "\n\t"}


def _terminal_safe(text: str) -> str:
    """``text`` with control characters from the files shown as escapes: an escape
    sequence in an article must not drive the reader's terminal."""
    return text.translate(_CONTROLS)


def _export(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from compareapp.core.diff.comparison import Comparison
    from compareapp.core.present.report_model import build_report
    from compareapp.core.present.view_model import ComparisonViewModel, DifferenceFilter
    from compareapp.core.review.session_sources import placed_marks

    inputs = _inputs(parser, args)
    if isinstance(inputs, int):
        return inputs
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from compareapp.export.pdf_export import ExportOptions, default_page_size, export_pdf
    from compareapp.ui.settings import reviewer

    _application = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    documents = inputs.documents
    marks = [m for m, _i in placed_marks(inputs.session, documents)] if inputs.session else []
    shown = DifferenceFilter(furniture=args.include_furniture)
    model = ComparisonViewModel(Comparison(documents, base=args.base), shown)
    options = ExportOptions(
        reviewer=args.reviewer or reviewer(),
        page_size=args.page_size or default_page_size(),
        layout=args.layout,
    )
    report = build_report(model, marks)
    try:
        result = export_pdf(report, args.output, options)
    except OSError as error:
        print(f"compareapp: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"{result.path}: {result.pages} pages, {result.annotations} annotation(s)")
    quotes = {mark.id: mark.quote for mark in report.marks}
    for mark_id in result.not_placed:
        print(_not_placed(quotes[mark_id], "its words are not shown as marked"), file=sys.stderr)
    for mark in report.unplaced:
        print(_not_placed(mark.quote, "its words are not in the compared text"), file=sys.stderr)
    return 0


def _not_placed(quote: str, reason: str, limit: int = 80) -> str:
    """The line naming a mark the PDF could not draw on its words."""
    quote = " ".join(quote.split())
    if len(quote) > limit:
        quote = quote[: limit - 1] + "…"
    return _terminal_safe(f"compareapp: mark not placed in the PDF: “{quote}” ({reason})")


Command = Callable[[argparse.ArgumentParser, argparse.Namespace], int]
HEADLESS: dict[str, tuple[Callable[[], argparse.ArgumentParser], Command]] = {
    "compare": (build_parser, _compare),
    "discrepancies": (build_discrepancies_parser, _discrepancies),
    "export": (build_export_parser, _export),
}
"""The commands that need no window: their parser and what runs them."""
