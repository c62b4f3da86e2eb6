"""Tests of the store's commands: ingest, claims, show, verify, merge, split, export, import."""

from __future__ import annotations

import csv
import io
import json
import pathlib
import subprocess
import sys
from typing import Any

import pytest

from claimtrack.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
INTERVIEW = str(ROOT / "examples" / "lavrov-interfax-2017-12-28.txt")
BRIEFING = str(ROOT / "examples" / "briefing-2018-01-15.txt")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Runs the command line in this process; returns status, stdout and stderr."""
    try:
        status = main(list(args))
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(name="db")
def fixture_db(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A store file with the interview and the briefing ingested."""
    path = str(tmp_path / "claims.db")
    assert 0 == _run(capsys, "ingest", INTERVIEW, BRIEFING, "--db", path)[0]
    return path


def _zones_id(capsys: pytest.CaptureFixture[str], db: str) -> str:
    status, out, _ = _run(
        capsys, "claims", "--text", "de-escalation zones", "--kind", "quantity", "--db", db
    )
    assert 0 == status
    (zones,) = _lines(out)
    return str(zones["id"])


class TestIngest:
    """`claimtrack ingest`."""

    def test_twice(self, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The second ingest of a transcript says it was stored already and stores nothing."""
        db = str(tmp_path / "x.db")
        status, out, _ = _run(capsys, "ingest", INTERVIEW, "--db", db)
        assert 0 == status
        assert "new tracked" in out
        status, out, _ = _run(capsys, "ingest", INTERVIEW, "--db", db)
        assert (0, True) == (status, "unchanged" in out)

    def test_default_store(
        self,
        tmp_path: pathlib.Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Without --db the store is $CLAIMTRACK_DB, else claims.db in the working directory."""
        monkeypatch.chdir(tmp_path)
        monkeypatch.delenv("CLAIMTRACK_DB", raising=False)
        assert 0 == _run(capsys, "ingest", BRIEFING)[0]
        assert (tmp_path / "claims.db").exists()
        monkeypatch.setenv("CLAIMTRACK_DB", str(tmp_path / "env.db"))
        assert 0 == _run(capsys, "ingest", BRIEFING)[0]
        assert (tmp_path / "env.db").exists()

    def test_stdin_and_bad_threshold(
        self,
        tmp_path: pathlib.Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """`-` reads standard input; a threshold outside 0 to 1 is an error."""
        db = str(tmp_path / "x.db")
        monkeypatch.setattr(
            sys,
            "stdin",
            io.TextIOWrapper(io.BytesIO(b"Four de-escalation zones operate in Syria.")),
        )
        status, out, _ = _run(
            capsys, "ingest", "-", "--date", "2018-01-15", "--speaker", "Ann", "--db", db
        )
        assert (0, True) == (status, out.startswith("<stdin>: tr-"))
        status, _, err = _run(capsys, "ingest", BRIEFING, "--threshold", "2", "--db", db)
        assert (2, 1) == (status, len(err.splitlines()))


class TestClaims:
    """`claimtrack claims`."""

    def test_jsonl(self, db: str, capsys: pytest.CaptureFixture[str]) -> None:
        """One tracked claim a line, with id, text, kind, status and appearances."""
        status, out, _ = _run(capsys, "claims", "--db", db, "--limit", "1000")
        assert 0 == status
        lines = _lines(out)
        assert {"id", "text", "kind", "status", "appearances"} <= set(lines[0])
        (zones,) = [t for t in lines if len(t["appearances"]) == 2]
        assert ["Sergey Lavrov", "Maria Zakharova"] == [a["speaker"] for a in zones["appearances"]]

    def test_filters(self, db: str, capsys: pytest.CaptureFixture[str]) -> None:
        """Filters narrow the list: speaker, reference, dates, actor, paging."""

        def ids(*args: str) -> list[str]:
            status, out, _ = _run(capsys, "claims", "--db", db, "--limit", "1000", *args)
            assert 0 == status
            return [t["id"] for t in _lines(out)]

        everything = ids()
        assert set(ids("--speaker", "Maria Zakharova")) == set(ids("--since", "2018-01-01"))
        assert 3 == len(ids("--reference", "Resolution 2254"))
        assert 1 == len(ids("--actor", "Jordan"))
        assert 1 == len(
            ids("--kind", "event", "--about-since", "2017-11-01", "--about-until", "2017-11-09")
        )
        assert everything == ids("--until", "2018-12-31")
        assert everything[2:4] == ids("--offset", "2", "--limit", "2")
        assert [] == ids("--status", "rated")

    def test_table(self, db: str, capsys: pytest.CaptureFixture[str]) -> None:
        """The table has a header, one row a claim, and says where the next page starts."""
        status, out, _ = _run(capsys, "claims", "--db", db, "--format", "table", "--limit", "3")
        lines = out.splitlines()
        assert (0, 5) == (status, len(lines))
        assert lines[0].startswith("id")
        assert "--offset 3" in lines[-1]

    def test_bad_date(self, db: str, capsys: pytest.CaptureFixture[str]) -> None:
        """A date that is not ISO is one line on stderr and status 2."""
        status, out, err = _run(capsys, "claims", "--db", db, "--since", "yesterday")
        assert (2, "", 1) == (status, out, len(err.splitlines()))
        assert "not an ISO date" in err


class TestVerify:
    """`claimtrack verify` and `claimtrack show`."""

    def test_rating_opens_the_review(self, db: str, capsys: pytest.CaptureFixture[str]) -> None:
        """--rating on an unverified claim records the review's opening, then the rating."""
        zones = _zones_id(capsys, db)
        status, out, _ = _run(capsys, "verify", zones, "--rating", "false", "--db", db)
        assert (0, f"{zones}: rated: false\n") == (status, out)
        _, out, _ = _run(capsys, "show", zones, "--db", db)
        steps = json.loads(out)["verification"]["history"]
        assert ["in_review", "rated"] == [s["status"] for s in steps]

    def test_flow(self, db: str, capsys: pytest.CaptureFixture[str]) -> None:
        """--review then --rating rate a claim with evidence and a note; bad ratings are refused."""
        zones = _zones_id(capsys, db)
        status, _, err = _run(capsys, "verify", zones, "--rating", "maybe", "--db", db)
        assert 2 == status
        assert err.startswith("claimtrack: error: ")
        assert "not a rating" in err
        status, out, _ = _run(capsys, "verify", zones, "--review", "--reviewer", "Ann", "--db", db)
        assert (0, f"{zones}: in review\n") == (status, out)
        status, out, _ = _run(
            capsys,
            "verify", zones, "--rating", "Mostly True", "--evidence", "https://example.org/a",
            "--quote", "four zones", "--note", "agreed in Astana", "--reviewer", "Ann",
            "--url", "https://fc.example/zones", "--db", db,
        )  # fmt: skip
        assert (0, f"{zones}: rated: mostly true\n") == (status, out)
        status, out, _ = _run(capsys, "show", zones, "--db", db)
        shown = json.loads(out)
        assert ("rated", "mostly true") == (shown["status"], shown["rating"])
        steps = shown["verification"]["history"]
        assert [("in_review", "Ann"), ("rated", "Ann")] == [
            (s["status"], s["reviewer"]) for s in steps
        ]
        assert "four zones" == steps[1]["evidence"][0]["quote"]
        status, out, _ = _run(
            capsys, "verify", zones, "--evidence", "https://example.org/b", "--db", db
        )
        assert (0, f"{zones}: rated: mostly true\n") == (status, out)
        status, out, _ = _run(capsys, "verify", zones, "--review", "--db", db)
        assert (0, f"{zones}: in review\n") == (status, out)
        status, out, _ = _run(capsys, "verify", zones, "--withdraw", "--db", db)
        assert (0, f"{zones}: unverified\n") == (status, out)

    def test_errors(self, db: str, capsys: pytest.CaptureFixture[str]) -> None:
        """No step, an unknown rating or an unknown id: one line on stderr, status 2."""
        zones = _zones_id(capsys, db)
        for args in (
            ("verify", zones),
            ("verify", zones, "--review", "--rating", "pants on fire"),
            ("verify", "tc-0000000000000000", "--review"),
            ("show", "cl-nope"),
        ):
            status, _, err = _run(capsys, *args, "--db", db)
            assert (2, 1) == (status, len(err.splitlines())), args


class TestCorrections:
    """`claimtrack split` and `claimtrack merge`."""

    def test_split_then_merge(self, db: str, capsys: pytest.CaptureFixture[str]) -> None:
        """A claim split off is a tracked claim of its own; merged back, the two are one."""
        zones = _zones_id(capsys, db)
        _, out, _ = _run(capsys, "show", zones, "--db", db)
        briefing_claim = json.loads(out)["appearances"][1]["claim_id"]
        status, out, _ = _run(capsys, "split", briefing_claim, "--note", "not the same", "--db", db)
        assert 0 == status
        alone = out.split("now ")[1].strip()
        status, out, _ = _run(capsys, "merge", zones, alone, "--reviewer", "Ann", "--db", db)
        assert (0, f"{zones}: 2 appearances\n") == (status, out)


class TestExportImport:
    """`claimtrack export` and `claimtrack import`."""

    def test_formats(
        self, db: str, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each format writes to --out; the JSON Lines import into another store."""
        zones = _zones_id(capsys, db)
        _run(
            capsys, "verify", zones, "--review", "--rating", "true", "--reviewer", "Ann", "--db", db
        )
        written = {}
        for form in ("claimreview", "annotation", "jsonl", "csv"):
            out = tmp_path / f"out.{form}"
            assert 0 == _run(capsys, "export", "--format", form, "--out", str(out), "--db", db)[0]
            written[form] = out.read_text(encoding="utf-8")
        (review,) = json.loads(written["claimreview"])
        assert ("ClaimReview", "true", "Ann") == (
            review["@type"],
            review["reviewRating"]["alternateName"],
            review["author"]["name"],
        )
        assert all(n["type"] == "Annotation" for n in json.loads(written["annotation"]))
        rows = list(csv.DictReader(io.StringIO(written["csv"])))
        assert len(rows) == len(written["jsonl"].splitlines())
        other = str(tmp_path / "other.db")
        status, out, _ = _run(capsys, "import", str(tmp_path / "out.jsonl"), "--db", other)
        assert (0, f"{len(rows)} claims stored from 2 transcripts") == (
            status,
            out.split(": ", 1)[1].strip(),
        )

    def test_export_to_stdout(self, db: str, capsys: pytest.CaptureFixture[str]) -> None:
        """Without --out the export goes to standard output."""
        status, out, _ = _run(capsys, "export", "--format", "claimreview", "--db", db)
        assert (0, []) == (status, json.loads(out))

    def test_import_errors(
        self, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A missing file or a line that is not a claim: one line on stderr, status 2."""
        db = str(tmp_path / "x.db")
        bad = tmp_path / "bad.jsonl"
        bad.write_text('{"id": 1}\n', encoding="utf-8")
        for path in (str(tmp_path / "missing.jsonl"), str(bad)):
            status, _, err = _run(capsys, "import", path, "--db", db)
            assert (2, 1) == (status, len(err.splitlines()))


class TestProcess:
    """The installed command, as a separate process."""

    def test_ingest_and_claims(self, tmp_path: pathlib.Path) -> None:
        """`python -m claimtrack.cli` ingests and lists, and a corrupt store is one error line."""
        db = tmp_path / "claims.db"

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [sys.executable, "-m", "claimtrack.cli", *args, "--db", str(db)],
                capture_output=True,
                text=True,
                check=False,
                timeout=120,
            )

        assert 0 == run("ingest", INTERVIEW, BRIEFING).returncode
        listed = run("claims", "--reference", "2254")
        assert (0, 3) == (listed.returncode, len(listed.stdout.splitlines()))
        db.unlink()
        for leftover in tmp_path.glob("claims.db-*"):
            leftover.unlink()
        db.write_text("not a database at all, just some text\n" * 100, encoding="utf-8")
        broken = run("claims")
        assert (2, "") == (broken.returncode, broken.stdout)
        assert [
            (
                f"claimtrack: error: {db} is not a claimtrack store (file is not a database); "
                "give a store made by claimtrack or a new path"
            )
        ] == broken.stderr.splitlines()
