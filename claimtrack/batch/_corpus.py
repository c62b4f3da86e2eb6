"""Many transcripts at once: a corpus run on any :class:`concurrent.futures.Executor`.

The work is streamed: at most a few documents per worker are in flight, so memory stays
flat however large the corpus. Workers read the files themselves (only paths travel to
them) and send back claims already serialised by :func:`~claimtrack.claim_to_dict`,
which keeps pickling cheap and lets the same code run on a local process pool, a thread
pool or a Dask cluster (``Client.get_executor()``).
"""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import hashlib
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Generator, Iterable
from typing import Any

import attrs
from attrs import validators as v

from claimtrack._claims import DEFAULT_THRESHOLD, extract_claims
from claimtrack._model import Claim
from claimtrack._read import coerce_published, decode, parse_transcript, read_bytes
from claimtrack._serialize import claim_from_dict, claim_to_dict
from claimtrack.exceptions import (
    ClaimtrackError,
)

__all__ = ["DocumentResult", "default_jobs", "extract_corpus", "file_hash"]

# Documents in flight per worker: enough to keep every worker busy while the caller
# handles a result, few enough that memory does not grow with the corpus.
_PENDING_PER_WORKER = 4
# In flight on an executor whose size is unknown (a Dask cluster, a caller's pool).
_DEFAULT_PENDING = 32
_CHUNK = 1 << 20


@attrs.frozen
class DocumentResult:
    """What became of one document of a corpus run.

    Attributes:
        source: The document's path, as given.
        content_hash: SHA-256 of the file's bytes (hex); ``None`` if it could not be read.
        transcript_id: :attr:`~claimtrack.Transcript.id` of the transcript; ``None`` if
            the document failed before it was parsed.
        jsonl: The claims as JSON Lines (the lines ``claimtrack extract`` writes), in
            text order; empty when the document failed. One string pickles and writes
            far faster than the objects it describes.
        error: Why the document failed (one line: what, where, what to do); ``None``
            when it succeeded.
        seconds: How long the worker spent on it (reading, extracting, serialising).
        chars: The length of its text in characters (0 if it was not decoded).

    >>> r = DocumentResult("a.txt", None, error="a.txt: no such file; ...")
    >>> (r.ok, r.claims)
    (False, ())
    """

    source: str = attrs.field(validator=v.instance_of(str))
    content_hash: str | None = attrs.field(validator=v.optional(v.instance_of(str)))
    transcript_id: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    jsonl: str = attrs.field(default="", validator=v.instance_of(str))
    error: str | None = attrs.field(default=None, validator=v.optional(v.instance_of(str)))
    seconds: float = attrs.field(default=0.0, validator=v.instance_of(float))
    chars: int = attrs.field(default=0, validator=v.and_(v.instance_of(int), v.ge(0)))

    @property
    def ok(self) -> bool:
        """Whether the document was read and its claims extracted."""
        return self.error is None

    @property
    def records(self) -> tuple[dict[str, Any], ...]:
        """The claims as dicts (:func:`~claimtrack.claim_to_dict`), in text order."""
        return tuple(json.loads(line) for line in self.jsonl.split("\n") if line)

    @property
    def count(self) -> int:
        """How many claims the document gave."""
        return self.jsonl.count("\n")

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The claims as :class:`~claimtrack.Claim` values (rebuilt from the records)."""
        return tuple(
            claim_from_dict(record, where=f"{self.source}: claim {i}")
            for i, record in enumerate(self.records)
        )


@attrs.frozen
class _Options:
    """What every worker needs besides the path; small, so it pickles cheaply."""

    threshold: float
    published: dt.datetime | None
    speaker: str | None
    language: str


def extract_corpus(
    sources: Iterable[str | os.PathLike[str]],
    *,
    executor: cf.Executor | None = None,
    jobs: int | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    published: dt.datetime | dt.date | str | None = None,
    speaker: str | None = None,
    language: str = "en",
    max_pending: int | None = None,
    ordered: bool = False,
) -> Generator[DocumentResult, None, None]:
    """Extracts the claims of many transcript files, in parallel, yielding each result.

    Sources are consumed lazily and at most ``max_pending`` documents are in flight (or,
    with ``ordered``, waiting to be yielded), so a corpus of any size runs in flat
    memory. A document that fails (missing, undecodable, without a date, ...) gives a
    result with its :attr:`~DocumentResult.error`, and the run goes on.

    Args:
        sources: Paths of transcript files (UTF-8). Workers open them, so on a cluster
            they must be readable at the same path on every worker.
        executor: Where the work runs: any :class:`concurrent.futures.Executor`, such
            as a :class:`~concurrent.futures.ThreadPoolExecutor` or a Dask client's
            ``get_executor()``. It is left open. By default a process pool of ``jobs``
            workers is made (and shut down), or with ``jobs=1`` the work runs here.
        jobs: Worker processes of the default pool; all usable CPUs when not given.
        threshold: The least check-worthiness score of a claim, in [0, 1].
        published: The publication date of every document; by default each
            document's own date is found in its first lines.
        speaker: Who speaks where a document has no speaker labels.
        language: The documents' language (ISO 639-1).
        max_pending: Most documents in flight; by default four per worker.
        ordered: Yield in the order of ``sources`` (buffering results that finish
            early) rather than as they finish.

    Raises:
        ValueError: ``threshold`` is outside [0, 1] or ``jobs`` or ``max_pending`` is
            below 1.
        NoDateError: ``published`` is not an ISO date.
        ClaimtrackError: A worker process died (killed, out of memory); the results
            yielded so far stand.

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(2) as pool:
    ...     results = list(extract_corpus(
    ...         ["examples/lavrov-interfax-2017-12-28.txt", "examples/none.txt"],
    ...         executor=pool, ordered=True,
    ...     ))
    >>> [(r.ok, len(r.records) > 10) for r in results]
    [(True, True), (False, False)]
    >>> results[1].error
    'examples/none.txt: no such file; give the path of a transcript text file'
    """
    if not 0.0 <= threshold <= 1.0:
        msg = f"threshold {threshold!r} is outside [0, 1]; give a score between 0 and 1"
        raise ValueError(msg)
    if jobs is not None and jobs < 1:
        msg = f"jobs {jobs!r} is below 1; give how many worker processes to run"
        raise ValueError(msg)
    if max_pending is not None and max_pending < 1:
        msg = f"max_pending {max_pending!r} is below 1; give how many documents may be in flight"
        raise ValueError(msg)
    when = None if published is None else coerce_published(published, None)
    options = _Options(threshold, when, speaker, language)
    workers = default_jobs() if jobs is None else jobs
    if max_pending is None:
        max_pending = _DEFAULT_PENDING if executor is not None else _PENDING_PER_WORKER * workers
    if executor is None and workers == 1:
        return _inline(sources, options)
    return _stream(sources, options, executor, workers, max_pending, ordered=ordered)


def default_jobs() -> int:
    """How many worker processes a run uses by default: the CPUs this process may use.

    >>> default_jobs() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def file_hash(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of a file's bytes (hex), read in chunks; how a run knows a document.

    Raises:
        OSError: The file cannot be read.

    >>> len(file_hash("examples/lavrov-interfax-2017-12-28.txt"))
    64
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _inline(
    sources: Iterable[str | os.PathLike[str]], options: _Options
) -> Generator[DocumentResult, None, None]:
    for source in sources:
        yield _extract_one(os.fspath(source), options)


def _stream(
    sources: Iterable[str | os.PathLike[str]],
    options: _Options,
    executor: cf.Executor | None,
    workers: int,
    max_pending: int,
    *,
    ordered: bool,
) -> Generator[DocumentResult, None, None]:
    own = executor is None
    pool = _process_pool(workers) if executor is None else executor
    pending: dict[cf.Future[DocumentResult], tuple[int, str]] = {}
    waiting: dict[int, DocumentResult] = {}
    upcoming = enumerate(sources)
    exhausted = False
    next_index = 0
    try:
        while True:
            while not exhausted and len(pending) + len(waiting) < max_pending:
                item = next(upcoming, None)
                if item is None:
                    exhausted = True
                    break
                index, source = item
                path = os.fspath(source)
                pending[_submit(pool, path, options)] = (index, path)
            if not pending:
                break
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: pending[f][0]):
                index, path = pending.pop(future)
                result = _outcome(future, path)
                if not ordered:
                    yield result
                    continue
                waiting[index] = result
                while next_index in waiting:
                    yield waiting.pop(next_index)
                    next_index += 1
    finally:
        for future in pending:
            future.cancel()
        if own:
            pool.shutdown(wait=True, cancel_futures=True)


def _process_pool(workers: int) -> cf.ProcessPoolExecutor:
    context = multiprocessing.get_context(_start_method())
    pool = cf.ProcessPoolExecutor(workers, mp_context=context, initializer=_ignore_interrupts)
    # Start the workers now, while the start method chosen is still safe (forked workers
    # all start at the first submission, before the caller can start a thread).
    pool.submit(os.getpid)
    return pool


def _ignore_interrupts() -> None:
    """Ctrl-C reaches the whole process group: the caller stops the run, not the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _start_method() -> str:
    """How workers start: forked (at once, claimtrack already imported) where that is safe.

    Fork is unsafe in a process that runs threads (a progress bar's, a Dask client's;
    Python 3.12+ warns about it) and on macOS; there workers start from a fork server,
    or are spawned, and import claimtrack themselves (a fraction of a second).
    """
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and _threads() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _threads() -> int:
    """The threads of this process, those of C libraries too (as Python 3.12+ counts)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:  # pragma: no cover - no /proc
        return threading.active_count() + 1


def _submit(pool: cf.Executor, path: str, options: _Options) -> cf.Future[DocumentResult]:
    try:
        return pool.submit(_extract_one, path, options)
    except cf.BrokenExecutor as err:
        raise _broken(path, err) from err


def _outcome(future: cf.Future[DocumentResult], path: str) -> DocumentResult:
    """The future's result; an executor's failure (not claimtrack's) as a failed result."""
    try:
        return future.result()
    except cf.BrokenExecutor as err:
        raise _broken(path, err) from err
    except Exception as err:  # the executor's, not claimtrack's: KilledWorker, ...
        return DocumentResult(path, None, error=f"{path}: the executor failed: {_brief(err)}")


def _broken(path: str, err: BaseException) -> ClaimtrackError:
    return ClaimtrackError(
        f"a worker process died while {path} or a document beside it was in flight "
        f"({_brief(err)}); it may have run out of memory: use fewer jobs, or rerun to resume"
    )


def _brief(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


def _extract_one(path: str, options: _Options) -> DocumentResult:
    """Reads, parses and extracts one document; runs in a worker."""
    started = time.perf_counter()
    digest: str | None = None
    chars = 0
    try:
        data = read_bytes(path)
        digest = hashlib.sha256(data).hexdigest()
        text = decode(data, path)
        del data
        chars = len(text)
        transcript = parse_transcript(
            text,
            source=path,
            published=options.published,
            speaker=options.speaker,
            language=options.language,
        )
        jsonl = "".join(
            json.dumps(claim_to_dict(c), ensure_ascii=False) + "\n"
            for c in extract_claims(transcript, threshold=options.threshold)
        )
        transcript_id = transcript.id
    except ClaimtrackError as err:
        error = str(err)
    except Exception as err:  # a bug on one document must not stop a corpus run
        error = f"{path}: claimtrack failed on it ({_brief(err)}); please report this"
    else:
        return DocumentResult(
            path,
            digest,
            transcript_id,
            jsonl,
            seconds=time.perf_counter() - started,
            chars=chars,
        )
    return DocumentResult(
        path, digest, error=error, seconds=time.perf_counter() - started, chars=chars
    )
