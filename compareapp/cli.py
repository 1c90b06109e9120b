"""The ``compareapp`` command: ``compareapp [FILES...]`` opens the window,
``compareapp compare FILES...`` compares without one and prints the result."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib import resources

from compareapp import __version__

SAMPLE_FILES = ("wire-report.txt", "outlet-rewrite.txt")


def sample_paths() -> list[str]:
    """Paths of the bundled sample articles (written for the project, fictional)."""
    folder = resources.files("compareapp") / "assets" / "sample"
    return [str(folder / name) for name in SAMPLE_FILES]


DESCRIPTION = "Compare versions of a news story: aligned paragraphs, changed facts."


def build_window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="compareapp",
        description=DESCRIPTION,
        epilog="Without a window: compareapp compare FILE FILE... (see compareapp compare -h)",
    )
    parser.add_argument("--version", action="version", version=f"compareapp {__version__}")
    parser.add_argument("files", nargs="*", metavar="FILE", help="documents to compare")
    parser.add_argument("--sample", action="store_true", help="open the bundled sample comparison")
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The headless ``compare`` command."""
    compare = argparse.ArgumentParser(
        prog="compareapp compare",
        description="Align two or more documents and print links and differences.",
    )
    compare.add_argument("files", nargs="*", metavar="FILE", help="two or more text files")
    compare.add_argument(
        "--base",
        type=int,
        default=0,
        metavar="N",
        help="index of the base document the others align to (default 0)",
    )
    compare.add_argument("--format", choices=("text", "json"), default="text")
    compare.add_argument(
        "--typographic",
        action="store_true",
        help="also report typographic-only differences (quotes, dashes, spaces)",
    )
    compare.add_argument(
        "--sample", action="store_true", help="compare the bundled sample articles"
    )
    compare.add_argument(
        "--session",
        metavar="FILE",
        help="a saved session: its review marks (re-anchored if a source changed) join the "
        "output, and its sources are compared when no FILE is given",
    )
    return compare


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["compare"]:
        parser = build_parser()
        return _compare(parser, parser.parse_args(arguments[1:]))
    args = build_window_parser().parse_args(arguments)
    from compareapp.ui.app import run_window

    return run_window(args.files, sample=args.sample)


def _compare(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from compareapp.core.comparison import Comparison
    from compareapp.core.loading import LoadError, load_document
    from compareapp.core.report import comparison_to_json
    from compareapp.core.review_report import review_to_json, review_to_text
    from compareapp.core.session import SessionError, load_session
    from compareapp.core.text_report import comparison_to_text

    session = None
    if args.session:
        try:
            session = load_session(args.session)
        except SessionError as error:
            print(f"compareapp: cannot open session {error.path}: {error.reason}", file=sys.stderr)
            return 2
    files = [*args.files, *(sample_paths() if args.sample else [])]
    if not files and session is not None:
        files = [source.path for source in session.sources]
    if len(files) < 2:
        parser.error("compare needs at least two files (or --sample, or --session)")
    if not 0 <= args.base < len(files):
        parser.error(f"--base must be between 0 and {len(files) - 1}")
    try:
        documents = [load_document(path) for path in files]
    except LoadError as error:
        print(f"compareapp: cannot read {error.path}: {error.reason}", file=sys.stderr)
        return 2
    comparison = Comparison(documents, base=args.base)
    if args.format == "json":
        data = comparison_to_json(comparison, typographic=args.typographic)
        if session is not None:
            data["review"] = review_to_json(session, args.session, documents)
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(comparison_to_text(comparison))
        if session is not None:
            print(review_to_text(session, documents))
    return 0
