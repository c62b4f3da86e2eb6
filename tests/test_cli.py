"""Tests of the command line."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import subprocess
import sys

import attrs
import pytest

from claimtrack.cli import main

from .strategies import CLAIM_FIELDS


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "claimtrack.cli", *args],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=120,
    )


class TestVersion:
    """`claimtrack --version`."""

    def test_version(self) -> None:
        """Prints the package's version, the one the installed metadata has too."""
        from importlib.metadata import version

        import claimtrack

        done = _run("--version")
        assert 0 == done.returncode
        assert f"claimtrack {claimtrack.__version__}\n" == done.stdout.decode()
        assert version("claimtrack") == claimtrack.__version__


class TestExtract:
    """`claimtrack extract`."""

    def test_jsonl(self, example_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
        """JSON Lines by default, one claim a line, with the documented fields."""
        assert 0 == main(["extract", str(example_path)])
        lines = capsys.readouterr().out.splitlines()
        assert lines
        first = json.loads(lines[0])
        assert CLAIM_FIELDS <= set(first)

    def test_json_array(
        self, example_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`--format json` prints one array."""
        assert 0 == main(["extract", str(example_path), "--format", "json"])
        assert isinstance(json.loads(capsys.readouterr().out), list)

    def test_table(self) -> None:
        """The table has one line a claim, a quote's line breaks as spaces, columns aligned."""
        import io

        from claimtrack import Claim, ClaimKind, Provenance, TimeValue
        from claimtrack.cli import _write

        quote = "On March 27, the\nsenate passed it."
        provenance = Provenance("tr-1", "<string>", 0, len(quote), quote, speaker="Mr. Lee")
        when = TimeValue("1996-03-27", "DATE", dt.date(1996, 3, 28))
        claims = [
            Claim("cl-1", ClaimKind.EVENT, provenance, time=when),
            Claim("cl-2", ClaimKind.STATE, attrs.evolve(provenance, speaker=None)),
        ]
        out = io.StringIO()
        _write(claims, "table", out)
        assert [
            "kind   time        speaker  text",
            "event  1996-03-27  Mr. Lee  On March 27, the senate passed it.",
            "state                       On March 27, the senate passed it.",
        ] == out.getvalue().splitlines()

    def test_stdin_with_date_and_speaker(self) -> None:
        """`-` reads standard input; --date and --speaker apply."""
        done = _run(
            "extract",
            "-",
            "--date",
            "2019-03-01",
            "--speaker",
            "Ann Lee",
            stdin=b"On February 2, we signed a treaty with Norway.",
        )
        assert 0 == done.returncode, done.stderr
        claim = json.loads(done.stdout.splitlines()[0])
        assert (
            "Ann Lee",
            "2019-02-02",
            "<stdin>",
        ) == (claim["speaker"], claim["time"]["value"], claim["source"])


class TestErrors:
    """Errors are one line on standard error and exit status 2, never a traceback."""

    @pytest.mark.parametrize(
        ("args", "stdin", "message"),
        [
            (("extract", "/no/such/file.txt"), b"", "no such file"),
            (("extract", "-"), b"", "empty"),
            (("extract", "-"), b"Question: Why?\n\nAnn: Because.", "no publication date"),
            (("extract", "-"), b"\xff\xfe\x00\x01", "binary"),
            (("extract", "-", "--date", "someday"), b"Words.", "not an ISO date"),
            (("extract", "-", "--threshold", "3"), b"Words.", "outside 0 to 1"),
            (("extract",), b"", "required"),
            (("frobnicate",), b"", "invalid choice"),
        ],
    )
    def test_one_line(self, args: tuple[str, ...], stdin: bytes, message: str) -> None:
        """The message says what is wrong; there is no traceback."""
        done = _run(*args, stdin=stdin)
        err = done.stderr.decode()
        assert 2 == done.returncode
        assert 1 == len(err.strip().splitlines()), err
        assert message in err
        assert "Traceback" not in err
