"""Options and input shared by the ``claimtrack`` subcommands."""

from __future__ import annotations

import argparse
import sys

from claimtrack._claims import DEFAULT_THRESHOLD
from claimtrack._model import Transcript
from claimtrack._read import decode, parse_transcript, read_transcript
from claimtrack.exceptions import UsageError

__all__ = ["add_reading_options", "check_threshold", "read_input"]

STDIN = "-"


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """Adds ``--date``, ``--speaker``, ``--language`` and ``--threshold`` to a subcommand.

    >>> parser = argparse.ArgumentParser()
    >>> add_reading_options(parser)
    >>> parser.parse_args(["--date", "2017-12-28"]).date
    '2017-12-28'
    """
    parser.add_argument(
        "--date", help="publication date (ISO, e.g. 2017-12-28); found in the text if not given"
    )
    parser.add_argument("--speaker", help="who speaks where the text has no speaker labels")
    parser.add_argument("--language", default="en", help="the transcript's language (default en)")
    parser.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=f"least check-worthiness score of a claim, 0 to 1 (default {DEFAULT_THRESHOLD})",
    )


def check_threshold(value: float) -> float:
    """The threshold, if it is in [0, 1].

    Raises:
        UsageError: It is outside.

    >>> check_threshold(0.5)
    0.5
    >>> check_threshold(3.0)
    Traceback (most recent call last):
    ...
    claimtrack.exceptions.UsageError: --threshold 3.0 is outside 0 to 1; ...
    """
    if not 0.0 <= value <= 1.0:
        msg = f"--threshold {value} is outside 0 to 1; give a score between them"
        raise UsageError(msg)
    return value


def read_input(path: str, args: argparse.Namespace) -> Transcript:
    """Reads the transcript at ``path``, or standard input for ``-``, with the options.

    >>> args = argparse.Namespace(date=None, speaker=None, language="en")
    >>> read_input("examples/lavrov-interfax-2017-12-28.txt", args).speakers
    ('Question', 'Sergey Lavrov')
    """
    if path == STDIN:
        return parse_transcript(
            decode(sys.stdin.buffer.read(), "<stdin>"),
            source="<stdin>",
            published=args.date,
            speaker=args.speaker,
            language=args.language,
        )
    return read_transcript(path, published=args.date, speaker=args.speaker, language=args.language)
