"""Tests of corpus runs: extract_corpus and `claimtrack batch`."""

from __future__ import annotations

import concurrent.futures as cf
import json
import os
import pathlib
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import claimtrack
from claimtrack.batch import DocumentResult, extract_corpus, file_hash
from claimtrack.cli import main
from claimtrack.exceptions import NoDateError

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"
BRIEFING = EXAMPLES / "briefing-2018-01-15.txt"


def _variant(text: str, number: int) -> str:
    """A distinct transcript made from another: its paragraphs rotated, a line added."""
    header, body = text.split("\n", 1)
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    turn = number % len(paragraphs)
    rotated = paragraphs[turn:] + paragraphs[:turn]
    return f"{header}\n\n" + "\n\n".join(rotated) + f"\n\nArchive item {number}.\n"


def _write_corpus(directory: pathlib.Path, reference: str, *, count: int) -> list[pathlib.Path]:
    paths = []
    for number in range(count):
        path = directory / f"{number // 3}" / f"doc-{number:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_variant(reference, number), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(name="corpus", scope="module")
def fixture_corpus(
    tmp_path_factory: pytest.TempPathFactory, example_path: pathlib.Path
) -> pathlib.Path:
    """A small corpus: five distinct transcripts, a duplicate and three that fail."""
    directory = tmp_path_factory.mktemp("corpus")
    _write_corpus(directory, example_path.read_text(encoding="utf-8"), count=5)
    (directory / "briefing.txt").write_bytes(BRIEFING.read_bytes())
    (directory / "copy-of-briefing.txt").write_bytes(BRIEFING.read_bytes())
    (directory / "undecodable.txt").write_bytes(b"\xff\xfe not UTF-8")
    (directory / "undated.txt").write_text("We built 4 schools in 2016.\n", encoding="utf-8")
    (directory / "notes.md").write_text("not a transcript: not *.txt\n", encoding="utf-8")
    return directory


def _batch(*args: str) -> int:
    return main(["batch", *args, "--no-progress"])


def _inline(paths: list[str]) -> list[DocumentResult]:
    return list(extract_corpus(paths, jobs=1))


class _Reversing(cf.Executor):
    """An executor that runs its tasks, once ``expected`` are submitted, last first."""

    def __init__(self, expected: int) -> None:
        self._expected = expected
        self._tasks: list[tuple[cf.Future[Any], Callable[..., Any], tuple[Any, ...]]] = []
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._work)
        self._thread.start()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future[Any]:
        future: cf.Future[Any] = cf.Future()
        self._tasks.append((future, fn, args))
        if len(self._tasks) == self._expected:
            self._ready.set()
        return future

    def _work(self) -> None:
        self._ready.wait(timeout=60)
        for future, fn, args in reversed(self._tasks):
            future.set_result(fn(*args))

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._ready.set()
        self._thread.join()


class _Counting(cf.ThreadPoolExecutor):
    """A thread pool that records the most futures in flight at once."""

    def __init__(self) -> None:
        super().__init__(2)
        self.in_flight = 0
        self.most = 0
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future[Any]:
        with self._lock:
            self.in_flight += 1
            self.most = max(self.most, self.in_flight)

        def run() -> Any:
            # Counted out before the future completes: a done-callback runs after the
            # waiters wake, so a caller could submit the next one before it counts out.
            try:
                return fn(*args, **kwargs)
            finally:
                with self._lock:
                    self.in_flight -= 1

        return super().submit(run)


class TestExtractCorpus:
    """extract_corpus on executors."""

    def test_as_they_finish(self, corpus: pathlib.Path) -> None:
        """Results come as they finish, not in the order of the sources."""
        paths = sorted(str(p) for p in corpus.glob("*/doc-*.txt"))
        with _Reversing(len(paths)) as pool:
            results = list(extract_corpus(paths, executor=pool, max_pending=len(paths)))
        assert paths[::-1] == [r.source for r in results]

    def test_ordered(self, corpus: pathlib.Path) -> None:
        """With ordered=True, results come in the order of the sources whatever finishes first."""
        paths = sorted(str(p) for p in corpus.glob("*/doc-*.txt"))
        with _Reversing(len(paths)) as pool:
            results = list(
                extract_corpus(paths, executor=pool, max_pending=len(paths), ordered=True)
            )
        assert paths == [r.source for r in results]

    def test_failures_recorded(self, corpus: pathlib.Path) -> None:
        """Undecodable, undated and missing documents give results with errors; the run goes on."""
        names = ["0/doc-000.txt", "undecodable.txt", "undated.txt", "missing.txt", "briefing.txt"]
        with cf.ThreadPoolExecutor(2) as pool:
            results = list(extract_corpus([corpus / n for n in names], executor=pool, ordered=True))
        assert [True, False, False, False, True] == [r.ok for r in results]
        assert "not UTF-8" in (results[1].error or "")
        assert "no publication date" in (results[2].error or "")
        assert "no such file" in (results[3].error or "")
        assert (None, ()) == (results[3].content_hash, results[3].records)
        assert file_hash(corpus / "undated.txt") == results[2].content_hash

    def test_claims_as_extract(self, example_path: pathlib.Path) -> None:
        """A result's claims are those extract_claims gives for the file."""
        (result,) = extract_corpus([example_path], jobs=1)
        transcript = claimtrack.read_transcript(example_path)
        assert claimtrack.extract_claims(transcript) == list(result.claims)
        assert (transcript.id, len(transcript.text)) == (result.transcript_id, result.chars)

    def test_options_reach_workers(self, corpus: pathlib.Path) -> None:
        """published, speaker and threshold apply to every document."""
        (result,) = extract_corpus(
            [corpus / "undated.txt"], jobs=1, published="2017-01-05", speaker="Ann", threshold=0.0
        )
        assert ("Ann", "2016") == (result.records[0]["speaker"], result.records[0]["time"]["value"])

    def test_process_pool_same_as_inline(self, corpus: pathlib.Path) -> None:
        """Two worker processes give the results one process gives."""
        paths = sorted(str(p) for p in corpus.glob("**/*.txt"))
        pooled = list(extract_corpus(paths, jobs=2, ordered=True))
        expected = _inline(paths)
        assert [r.records for r in expected] == [r.records for r in pooled]
        assert [r.error for r in expected] == [r.error for r in pooled]

    def test_bounded(self, corpus: pathlib.Path) -> None:
        """No more than max_pending documents are in flight, and sources are read lazily."""
        paths = sorted(str(p) for p in corpus.glob("**/*.txt")) * 3
        pulled = []

        def sources() -> Iterator[str]:
            for path in paths:
                pulled.append(path)
                yield path

        with _Counting() as pool:
            results = extract_corpus(sources(), executor=pool, max_pending=3)
            next(results)
            assert 4 >= len(pulled)
            assert len(paths) == 1 + sum(1 for _ in results)
        assert 3 >= pool.most

    def test_result_pickles(self, example_path: pathlib.Path) -> None:
        """A result survives pickling, as it must to come back from a worker."""
        (result,) = extract_corpus([example_path], jobs=1)
        assert result == pickle.loads(pickle.dumps(result))  # noqa: S301 - our own bytes
        assert isinstance(hash(result), int)

    @pytest.mark.parametrize(
        ("options", "error"),
        [
            ({"threshold": 2.0}, ValueError),
            ({"jobs": 0}, ValueError),
            ({"max_pending": 0}, ValueError),
            ({"published": "someday"}, NoDateError),
        ],
    )
    def test_invalid_options(self, options: dict[str, Any], error: type[Exception]) -> None:
        """Invalid options raise at the call, before any work."""
        with pytest.raises(error):
            extract_corpus(["x.txt"], **options)


def _dask_cluster(*, processes: bool) -> Any:
    distributed = pytest.importorskip(
        "dask.distributed",
        reason="dask.distributed is not installed (pip install 'claimtrack[dask]')",
    )
    return distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=processes,
        dashboard_address=None,
        silence_logs=40,
    )


class TestDask:
    """Runs on a Dask cluster give the local run's output."""

    def test_extract_corpus_on_client_executor(self, corpus: pathlib.Path) -> None:
        """extract_corpus on Client.get_executor() of a LocalCluster gives the local results."""
        from dask.distributed import Client

        paths = sorted(str(p) for p in corpus.glob("**/*.txt"))
        with _dask_cluster(processes=False) as cluster, Client(cluster) as client:
            results = list(extract_corpus(paths, executor=client.get_executor(), ordered=True))
        expected = _inline(paths)
        assert [(r.source, r.records, r.error) for r in expected] == [
            (r.source, r.records, r.error) for r in results
        ]

    def test_batch_scheduler_same_output(
        self, corpus: pathlib.Path, tmp_path: pathlib.Path
    ) -> None:
        """`batch --scheduler` on a two-process LocalCluster writes what `--jobs 1` writes."""
        local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
        assert 1 == _batch(str(corpus), "--out", str(local), "--jobs", "1")
        with _dask_cluster(processes=True) as cluster:
            assert 1 == _batch(
                str(corpus), "--out", str(remote), "--scheduler", cluster.scheduler_address
            )
        assert local.read_bytes() == remote.read_bytes()


class TestBatch:
    """`claimtrack batch`."""

    def test_jobs_same_output(self, corpus: pathlib.Path, tmp_path: pathlib.Path) -> None:
        """`--jobs 2` writes byte for byte what `--jobs 1` writes, in sorted path order."""
        one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
        assert 1 == _batch(str(corpus), "--out", str(one), "--jobs", "1")
        assert 1 == _batch(str(corpus), "--out", str(two), "--jobs", "2")
        assert one.read_bytes() == two.read_bytes()
        sources = [json.loads(line)["source"] for line in one.read_text("utf-8").splitlines()]
        assert sorted(sources) == sources
        assert 6 == len(set(sources))

    def test_same_as_extract(self, example_path: pathlib.Path, tmp_path: pathlib.Path) -> None:
        """For one file, batch writes what `extract` prints."""
        out = tmp_path / "claims.jsonl"
        assert 0 == _batch(str(example_path), "--out", str(out), "--jobs", "1")
        done = subprocess.run(
            [sys.executable, "-m", "claimtrack.cli", "extract", str(example_path)],
            capture_output=True,
            check=True,
        )
        assert done.stdout == out.read_bytes()

    def test_failures_and_summary(
        self, corpus: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Failing documents are in the manifest and the summary; the others are done; exit 1."""
        out = tmp_path / "claims.jsonl"
        assert 1 == _batch(str(corpus), "--out", str(out), "--jobs", "2")
        err = capsys.readouterr().err
        assert "9 documents: 6 ok, 2 failed, 1 skipped (1 same text as another)" in err
        assert f"failed: {corpus / 'undated.txt'}: no publication date" in err
        lines = [
            json.loads(x) for x in (tmp_path / "claims.jsonl.done").read_text("utf-8").splitlines()
        ]
        assert "claimtrack-batch/1" == lines[0]["format"]
        statuses = {pathlib.Path(e["source"]).name: e["status"] for e in lines[1:]}
        assert "failed" == statuses["undecodable.txt"] == statuses["undated.txt"]
        assert 6 == sum(s == "ok" for s in statuses.values())
        assert out.stat().st_size == lines[-1]["end"]

    def test_resume_skips_done(
        self, corpus: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A stopped run resumes: done documents are skipped; the output is as if never stopped."""
        whole = tmp_path / "whole.jsonl"
        _batch(str(corpus), "--out", str(whole), "--jobs", "1")
        out = tmp_path / "claims.jsonl"
        manifest = tmp_path / "claims.jsonl.done"
        _batch(str(corpus), "--out", str(out), "--jobs", "2")
        # Stop after the third document: its entry half written, a fourth's claims
        # written but not recorded.
        lines = manifest.read_bytes().splitlines(keepends=True)
        fourth = json.loads(lines[4])["end"]
        manifest.write_bytes(b"".join(lines[:4]) + lines[4][:10])
        with out.open("r+b") as handle:
            handle.truncate(fourth)
        capsys.readouterr()
        assert 1 == _batch(str(corpus), "--out", str(out), "--jobs", "2")
        assert "4 skipped (3 done before, 1 same text as another)" in capsys.readouterr().err
        assert whole.read_bytes() == out.read_bytes()
        assert 1 == _batch(str(corpus), "--out", str(out), "--jobs", "2")
        assert "0 ok, 2 failed, 7 skipped" in capsys.readouterr().err
        assert whole.read_bytes() == out.read_bytes()

    def test_resume_other_options(self, corpus: pathlib.Path, tmp_path: pathlib.Path) -> None:
        """Resuming with other options is refused: the output would mix them."""
        out = tmp_path / "claims.jsonl"
        _batch(str(corpus / "briefing.txt"), "--out", str(out), "--jobs", "1")
        with pytest.raises(SystemExit) as stop:
            _batch(str(corpus / "briefing.txt"), "--out", str(out), "--threshold", "0.9")
        assert 2 == stop.value.code

    def test_db(self, corpus: pathlib.Path, tmp_path: pathlib.Path) -> None:
        """With --db, each transcript and its claims also go into the claim store."""
        from claimtrack.store import ClaimStore

        out, db = tmp_path / "claims.jsonl", tmp_path / "claims.db"
        names = ("briefing.txt", "undated.txt")
        assert 1 == _batch(*(str(corpus / n) for n in names), "--out", str(out), "--db", str(db))
        written = out.read_text("utf-8").splitlines()
        transcript = claimtrack.read_transcript(corpus / "briefing.txt")
        with ClaimStore(db) as store:
            assert transcript.text == store.transcript(transcript.id).text
            assert {json.loads(line)["id"] for line in written} == {
                store.claim(json.loads(line)["id"]).id for line in written
            }

    def test_glob(self, corpus: pathlib.Path, tmp_path: pathlib.Path) -> None:
        """A glob picks its files; a directory means its *.txt files, recursively."""
        out = tmp_path / "claims.jsonl"
        assert 0 == _batch(str(corpus / "*" / "doc-00[01].txt"), "--out", str(out), "--jobs", "1")
        sources = {json.loads(line)["source"] for line in out.read_text("utf-8").splitlines()}
        assert {str(corpus / "0" / "doc-000.txt"), str(corpus / "0" / "doc-001.txt")} == sources

    def test_progress_line(
        self,
        corpus: pathlib.Path,
        tmp_path: pathlib.Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """Without tqdm, --progress shows documents done, claims a second and the time left."""
        monkeypatch.setitem(sys.modules, "tqdm", None)
        out = tmp_path / "claims.jsonl"
        main(["batch", str(corpus / "0"), "--out", str(out), "--jobs", "1", "--progress"])
        err = capsys.readouterr().err
        assert "3/3 documents" in err
        assert "claims/s, ETA 0:00:00" in err

    def test_progress_bar(
        self, corpus: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With tqdm, --progress shows its bar."""
        pytest.importorskip(
            "tqdm", reason="tqdm is not installed (pip install 'claimtrack[progress]')"
        )
        out = tmp_path / "claims.jsonl"
        main(["batch", str(corpus / "0"), "--out", str(out), "--jobs", "1", "--progress"])
        assert "3/3" in capsys.readouterr().err


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimtrack.cli", *args],
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )


class TestBatchErrors:
    """Errors are one line on standard error and exit status 2."""

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (("/no/such/dir", "--out", "x.jsonl"), "/no/such/dir: no such directory or file"),
            (("/no/such/dir/*.txt", "--out", "x.jsonl"), "no transcript files in"),
            (("examples", "--out", "x.jsonl", "--jobs", "0"), "--jobs 0 is below 1"),
            (("examples", "--out", "x.jsonl", "--threshold", "3"), "outside 0 to 1"),
            (("examples", "--out", "x.jsonl", "--date", "someday"), "not an ISO date"),
            (("examples",), "required: --out"),
            (("examples", "--out", "/no/such/dir/x.jsonl"), "x.jsonl: cannot be written"),
            (
                ("examples", "--out", "x.jsonl", "--jobs", "2", "--scheduler", "tcp://x:1"),
                "not allowed",
            ),
        ],
    )
    def test_one_line(self, args: tuple[str, ...], message: str, tmp_path: pathlib.Path) -> None:
        """The message says what is wrong; there is no traceback."""
        where = {"x.jsonl": str(tmp_path / "x.jsonl"), "examples": str(EXAMPLES)}
        done = _run("batch", *(where.get(a, a) for a in args))
        assert 2 == done.returncode
        assert 1 == len(done.stderr.strip().splitlines()), done.stderr
        assert message in done.stderr

    def test_empty_directory(self, tmp_path: pathlib.Path) -> None:
        """A directory without *.txt files is an error, not an empty output."""
        done = _run("batch", str(tmp_path), "--out", str(tmp_path / "claims.jsonl"))
        assert (2, f"claimtrack: error: no transcript files in {tmp_path}") == (
            done.returncode,
            done.stderr.split(";")[0],
        )


# The memory test's corpus, in megabytes; the suite keeps it small for speed, and
# `benchmarks/bench_corpus.py --only memory --memory-mb 200` runs the large one.
MEMORY_MB = float(os.environ.get("CLAIMTRACK_MEMORY_MB", "4"))
_MEASURE = """
import resource, subprocess, sys, time
try:
    import psutil
except ImportError:
    psutil = None
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
tree = 0
while process.poll() is None:
    if psutil is not None:
        try:
            root = psutil.Process(process.pid)
            tree = max(tree, sum(p.memory_info().rss for p in [root, *root.children(True)]))
        except psutil.Error:
            pass
    time.sleep(0.05)
assert process.returncode == 0, process.stderr.read()
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, tree)
"""


class TestMemory:
    """Corpus runs stream: memory stays flat however large the corpus."""

    def test_peak_resident(self, example_path: pathlib.Path, tmp_path: pathlib.Path) -> None:
        """On a generated corpus, the batch process peaks far below what holding it would take."""
        pytest.importorskip("resource", reason="getrusage is POSIX only")
        corpus = tmp_path / "corpus"
        reference = example_path.read_text(encoding="utf-8")
        count = int(MEMORY_MB * 1_000_000 / len(reference.encode("utf-8")))
        _write_corpus(corpus, reference, count=count)
        out = tmp_path / "claims.jsonl"
        command = [sys.executable, "-m", "claimtrack.cli", "batch", str(corpus)]
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, *command, "--out", str(out), "--jobs", "2"],
            capture_output=True,
            check=True,
            text=True,
            timeout=3600,
        )
        main_peak, tree_peak = map(int, done.stdout.split())
        written = out.stat().st_size
        # Holding the claims written would take several times their JSON size.
        assert written > 3 * MEMORY_MB * 1_000_000
        assert main_peak < 80_000_000, f"main process peaked at {main_peak / 1e6:.0f} MB"
        if tree_peak:  # psutil is installed: main process, fork server and workers
            assert tree_peak < 400_000_000, f"process tree peaked at {tree_peak / 1e6:.0f} MB"
