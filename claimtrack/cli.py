"""The ``claimtrack`` command line.

Errors are one line on standard error and exit status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import IO, NoReturn

from claimtrack._claims import extract_claims
from claimtrack._cli_common import add_reading_options, check_threshold, read_input
from claimtrack._model import Claim
from claimtrack._serialize import claim_to_dict, write_jsonl
from claimtrack._version import __version__
from claimtrack.batch._cli import register as register_batch_commands
from claimtrack.exceptions import ClaimtrackError
from claimtrack.store._cli import register as register_store_commands

__all__ = ["main"]

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="claimtrack",
        description="Typed, dated factual claims with exact provenance, from transcripts.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    extract = commands.add_parser(
        "extract",
        help="extract the claims of a transcript",
        description=("Extract the check-worthy claims of a transcript and print them."),
    )
    extract.add_argument("file", help="the transcript, UTF-8 text; - for standard input")
    add_reading_options(extract)
    extract.add_argument(
        "--format",
        choices=("jsonl", "json", "table"),
        default="jsonl",
        help="JSON Lines (default), one JSON array, or a table for reading",
    )
    extract.set_defaults(handler=_extract)
    register_store_commands(commands)
    register_batch_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line; returns the exit status.

    >>> import contextlib, io
    >>> out = io.StringIO()
    >>> with contextlib.redirect_stdout(out):
    ...     status = main(["extract", "examples/lavrov-interfax-2017-12-28.txt"])
    >>> status, json.loads(out.getvalue().splitlines()[0])["speaker"]
    (0, 'Sergey Lavrov')
    """
    args = _parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except ClaimtrackError as err:
        _fail(str(err))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1


def _extract(args: argparse.Namespace) -> int:
    threshold = check_threshold(args.threshold)
    claims = extract_claims(read_input(args.file, args), threshold=threshold)
    _write(claims, args.format, sys.stdout)
    return 0


def _write(claims: list[Claim], form: str, out: IO[str]) -> None:
    if form == "jsonl":
        write_jsonl(claims, out)
    elif form == "json":
        json.dump([claim_to_dict(c) for c in claims], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _write_table(claims, out)


def _write_table(claims: list[Claim], out: IO[str]) -> None:
    """One claim a line, for reading: the columns as wide as their longest value (the
    speaker's at most 24 characters), the quote with its line breaks as spaces."""
    rows = [
        (
            claim.kind.value,
            claim.time.value if claim.time else "",
            (claim.speaker or "")[:24],
            " ".join(claim.text.split()),
        )
        for claim in claims
    ]
    header = ("kind", "time", "speaker", "text")
    widths = [max(len(row[i]) for row in [header, *rows]) + 2 for i in range(3)]
    for row in [header, *rows]:
        cells = (cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
        out.write("".join(cells) + row[3] + "\n")


def _fail(message: str) -> NoReturn:
    sys.stderr.write(f"claimtrack: error: {message}\n")
    raise SystemExit(EXIT_USAGE)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
