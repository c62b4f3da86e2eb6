"""Tests of the store's safety, with real processes: concurrency, kills, corrupt files."""

from __future__ import annotations

import ast
import contextlib
import os
import pathlib
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

import claimtrack
from claimtrack.exceptions import StoreCorruptError, StoreError, UnknownClaimError
from claimtrack.store import ClaimStore
from claimtrack.store._store import PAUSE_ENV

ROOT = pathlib.Path(__file__).resolve().parent.parent
INTERVIEW = ROOT / "examples" / "lavrov-interfax-2017-12-28.txt"
BRIEFING = ROOT / "examples" / "briefing-2018-01-15.txt"

# A worker: ingests its own transcripts into the store, each repeating the zones claim.
_WORKER = """
import sys
import claimtrack
from claimtrack.store import ClaimStore

path, worker, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with ClaimStore(path, timeout=float(sys.argv[4])) as store:
    for n in range(count):
        text = (
            f"SPEAKER {chr(65 + worker)}{chr(97 + n)}: Four de-escalation zones operate in Syria. "
            f"On March {n + 1}, worker {worker} signed treaty {worker * 100 + n} with Norway."
        )
        transcript = claimtrack.parse_transcript(
            text, published="2018-01-15", source=f"worker-{worker}-{n}.txt"
        )
        result = store.ingest_transcript(transcript)
        assert result.changed and result.claims == 2, result
"""

# Holds the store's write lock for a while, saying when it has it.
_LOCKER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("COMMIT")
connection.close()
"""


def _python(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )


def _integrity(path: pathlib.Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as raw:
        return str(raw.execute("PRAGMA integrity_check").fetchone()[0])


class TestConcurrency:
    """Several processes writing one store lose nothing."""

    @pytest.mark.parametrize("timeout", [30.0, 0.001])
    def test_processes_ingest_at_once(self, tmp_path: pathlib.Path, timeout: float) -> None:
        """Four processes ingesting five transcripts each store all twenty, the zones claim once."""
        path = tmp_path / "claims.db"
        ClaimStore(path).close()
        workers = [
            _python("-c", _WORKER, str(path), str(worker), "5", str(timeout)) for worker in range(4)
        ]
        for worker in workers:
            _, err = worker.communicate(timeout=300)
            assert 0 == worker.returncode, err
        with ClaimStore(path) as store:
            zones = store.claims(text="de-escalation zones")
            assert 1 == zones.total
            assert 20 == len(zones.claims[0].appearances)
            assert 20 == store.claims(text="treaty Norway").total
            assert 21 == store.claims(limit=None).total
        assert "ok" == _integrity(path)

    def test_waits_for_a_held_lock(self, tmp_path: pathlib.Path) -> None:
        """A write waits, retrying, while another process holds the lock longer than the timeout."""
        path = tmp_path / "claims.db"
        ClaimStore(path).close()
        locker = _python("-c", _LOCKER, str(path), "1.5")
        assert locker.stdout is not None
        assert "locked" == locker.stdout.readline().strip()
        started = time.monotonic()
        with ClaimStore(path, timeout=0.05) as store:
            result = store.ingest_transcript(claimtrack.read_transcript(BRIEFING))
        assert result.changed
        assert time.monotonic() - started > 0.5
        locker.communicate(timeout=60)
        assert 0 == locker.returncode


class TestKilled:
    """A process killed in the middle of an ingest leaves the store as it was."""

    def test_sigkill_inside_the_transaction(self, tmp_path: pathlib.Path) -> None:
        """An ingest killed inside its transaction stores nothing, and the store is intact."""
        path = tmp_path / "claims.db"
        flag = tmp_path / "inside-transaction"
        with ClaimStore(path) as store:
            store.ingest_transcript(claimtrack.read_transcript(INTERVIEW))
            before = [(t.id, len(t.appearances)) for t in store.claims(limit=None)]
        env = {**os.environ, PAUSE_ENV: str(flag)}
        ingest = _python(
            "-m", "claimtrack.cli", "ingest", str(BRIEFING), "--db", str(path), env=env
        )
        deadline = time.monotonic() + 120
        while not flag.exists():
            assert ingest.poll() is None, ingest.communicate()
            assert time.monotonic() < deadline, "the ingest never reached its transaction"
            time.sleep(0.02)
        os.kill(ingest.pid, signal.SIGKILL)
        ingest.communicate(timeout=60)
        assert -signal.SIGKILL == ingest.returncode
        assert "ok" == _integrity(path)
        briefing = claimtrack.read_transcript(BRIEFING)
        with ClaimStore(path) as store:
            assert before == [(t.id, len(t.appearances)) for t in store.claims(limit=None)]
            with pytest.raises(UnknownClaimError):
                store.transcript(briefing.id)
            assert store.ingest_transcript(briefing).changed
        assert "ok" == _integrity(path)


class TestCorrupt:
    """Files that are not claimtrack stores are refused, clearly."""

    def test_text_file(self, tmp_path: pathlib.Path) -> None:
        """A text file is not a store: the message says so and what to do."""
        path = tmp_path / "x.db"
        path.write_text("Question: is this a database?\n" * 200, encoding="utf-8")
        with pytest.raises(StoreCorruptError) as caught:
            ClaimStore(path)
        assert (
            f"{path} is not a claimtrack store (file is not a database); "
            "give a store made by claimtrack or a new path"
        ) == str(caught.value)

    def test_foreign_database(self, tmp_path: pathlib.Path) -> None:
        """Another application's SQLite database is refused and left untouched."""
        path = tmp_path / "other.db"
        with contextlib.closing(sqlite3.connect(path)) as raw:
            raw.execute("CREATE TABLE songs (title TEXT)")
            raw.commit()
        with pytest.raises(StoreCorruptError, match="another application: tables songs"):
            ClaimStore(path)
        with contextlib.closing(sqlite3.connect(path)) as raw:
            assert 0 == raw.execute("PRAGMA user_version").fetchone()[0]

    def test_damaged_store(self, tmp_path: pathlib.Path) -> None:
        """A store whose pages were overwritten is a StoreCorruptError, not a crash."""
        path = tmp_path / "claims.db"
        with ClaimStore(path) as store:
            store.ingest_transcript(claimtrack.read_transcript(INTERVIEW))
        data = bytearray(path.read_bytes())
        page = int.from_bytes(data[16:18], "big")
        data[page * 2 :] = b"\xa5" * (len(data) - page * 2)
        path.write_bytes(bytes(data))
        with (
            pytest.raises(StoreCorruptError, match="is not a claimtrack store"),
            ClaimStore(path) as store,
        ):
            list(store)

    def test_empty_file_is_a_new_store(self, tmp_path: pathlib.Path) -> None:
        """An empty file (as `touch` makes) becomes a new store."""
        path = tmp_path / "claims.db"
        path.touch()
        with ClaimStore(path) as store:
            assert 0 == store.claims().total

    def test_directory(self, tmp_path: pathlib.Path) -> None:
        """A directory is a StoreError naming a file to give instead."""
        with pytest.raises(StoreError, match="is a directory"):
            ClaimStore(tmp_path)

    def test_missing_directory(self, tmp_path: pathlib.Path) -> None:
        """A store in a directory that does not exist is a StoreError."""
        with pytest.raises(StoreError, match="writable"):
            ClaimStore(tmp_path / "no" / "such" / "claims.db")


class TestNoSqlFromUserText:
    """The store's SQL is fixed text; what callers give travels as parameters."""

    def test_no_formatted_sql(self) -> None:
        """No execute() call in the store is given an f-string, % or .format() of user text."""
        allowed = {"PRAGMA application_id", "PRAGMA user_version"}
        for module in (ROOT / "claimtrack" / "store").glob("*.py"):
            tree = ast.parse(module.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in {"execute", "executemany"}
                    and node.args
                ):
                    continue
                sql = node.args[0]
                if isinstance(sql, ast.JoinedStr):
                    text = ast.unparse(sql)
                    assert any(p in text for p in allowed), f"{module.name}:{node.lineno}"
                else:
                    assert not isinstance(sql, ast.BinOp | ast.Call), f"{module.name}:{node.lineno}"
