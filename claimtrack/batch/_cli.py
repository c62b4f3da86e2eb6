"""The batch command for the ``claimtrack`` command line.

``claimtrack batch DIR_OR_GLOB --out claims.jsonl`` extracts the claims of every
transcript of a corpus into one JSON Lines file, in the order of the sorted paths
whatever the number of jobs. Beside the output, ``claims.jsonl.done`` records each
document done (its content hash, status and where its claims end in the output),
appended and synced one document at a time; a second run with the same options
resumes where the first stopped and skips documents already done.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import glob
import importlib
import json
import os
import sys
import time
from collections.abc import Iterator
from typing import IO, Any

import attrs

from claimtrack._cli_common import add_reading_options, check_threshold
from claimtrack._read import read_transcript
from claimtrack.batch._corpus import DocumentResult, default_jobs, extract_corpus, file_hash
from claimtrack.exceptions import ClaimtrackError
from claimtrack.store import ClaimStore

__all__ = ["register"]

MANIFEST_SUFFIX = ".done"
_MANIFEST_FORMAT = "claimtrack-batch/1"
# Failed documents listed in the summary; the manifest has them all.
_LISTED_FAILURES = 20


def register(commands: argparse._SubParsersAction[Any]) -> None:
    """Adds the batch subcommand to the command line's parser."""
    batch = commands.add_parser(
        "batch",
        help="extract the claims of every transcript of a corpus, resumably",
        description=(
            "Extract the claims of every transcript in a directory (its *.txt files, "
            "recursively) or matching a glob, into one JSON Lines file, in the order of "
            "the sorted paths. Documents done are recorded beside the output "
            f"(OUT{MANIFEST_SUFFIX}); run the same command again to resume. Exit status "
            "0 when every document succeeded, 1 when some failed (listed at the end), "
            "2 on errors."
        ),
    )
    batch.add_argument(
        "inputs",
        nargs="+",
        metavar="DIR_OR_GLOB",
        help="a directory (its *.txt files, recursively), a glob such as 'corpus/**/*.txt', "
        "or a file",
    )
    batch.add_argument("--out", required=True, help="the JSON Lines file to write")
    batch.add_argument(
        "--db",
        metavar="PATH",
        help="also store each transcript and its claims in this claim store (SQLite)",
    )
    where = batch.add_mutually_exclusive_group()
    where.add_argument(
        "--jobs",
        type=int,
        help=f"worker processes (default: the CPUs usable, here {default_jobs()})",
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster, e.g. tcp://10.0.0.5:8786 (pip install 'claimtrack[dask]'); "
        "the workers must see the files at the same paths",
    )
    add_reading_options(batch)
    batch.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        help="show a progress bar on standard error (default: when it is a terminal)",
    )
    batch.set_defaults(handler=_batch)


@attrs.frozen
class _Entry:
    """One line of the manifest: a document done."""

    sha256: str | None
    source: str
    status: str
    claims: int
    end: int
    seconds: float
    error: str | None = None


@attrs.define
class _Tally:
    """Counts for the summary."""

    ok: int = 0
    failed: int = 0
    done_before: int = 0
    duplicates: int = 0
    claims: int = 0
    failures: list[str] = attrs.Factory(list)


def _batch(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    _check(args)
    out = os.path.abspath(args.out)
    manifest = out + MANIFEST_SUFFIX
    paths = [p for p in _inputs(args.inputs) if os.path.abspath(p) not in {out, manifest}]
    if not paths:
        named = " ".join(args.inputs)
        msg = f"no transcript files in {named}; give a directory of *.txt files or a glob"
        raise ClaimtrackError(msg)
    header = _header(args)
    tally = _Tally()
    progress = _Progress(len(paths), enabled=_wants_progress(args.progress))
    done: dict[str, _Entry] = {}
    store: ClaimStore | None = None
    client: Any = None
    try:
        executor, client = _executor(args.scheduler)
        # Checks the options before the output is touched; the work starts lazily.
        results = extract_corpus(
            _to_do(paths, done, tally, progress),
            executor=executor,
            jobs=args.jobs,
            threshold=args.threshold,
            published=args.date,
            speaker=args.speaker,
            language=args.language,
            max_pending=_pending(client),
            ordered=True,
        )
        claims, log = _open(args.out, manifest, header, done)
        store = None if args.db is None else ClaimStore(args.db)
        with claims, log:
            if log.tell() == 0:
                _append(log, header)
            try:
                for result in results:
                    _record(_stored(result, store, args), claims, log, tally)
                    progress.update(1, result.count)
            finally:
                results.close()  # stops the workers at once on an error or interrupt
    except KeyboardInterrupt:
        progress.close()
        _summary(tally, time.perf_counter() - started, args.out, sys.stderr)
        sys.stderr.write("claimtrack batch: interrupted; run the same command to resume\n")
        raise
    finally:
        progress.close()
        if client is not None:
            client.close()
        if store is not None:
            store.close()
    _summary(tally, time.perf_counter() - started, args.out, sys.stderr)
    return 1 if tally.failed else 0


def _check(args: argparse.Namespace) -> None:
    check_threshold(args.threshold)
    if args.jobs is not None and args.jobs < 1:
        msg = f"--jobs {args.jobs} is below 1; give how many worker processes to run"
        raise ClaimtrackError(msg)


def _open(
    out: str, manifest: str, header: dict[str, Any], done: dict[str, _Entry]
) -> tuple[IO[bytes], IO[str]]:
    """The output and the manifest, open to append, after a resume has filled ``done``."""
    try:
        done.update(_resume(out, manifest, header))
        claims = open(out, "ab")  # noqa: SIM115 - the caller closes both
        try:
            return claims, open(manifest, "a", encoding="utf-8")
        except OSError:
            claims.close()
            raise
    except OSError as err:
        msg = f"{err.filename}: cannot be written ({err.strerror}); check its directory"
        raise ClaimtrackError(msg) from None


def _inputs(patterns: list[str]) -> list[str]:
    """The sorted, distinct regular files the command line names."""
    found: set[str] = set()
    for pattern in patterns:
        if os.path.isdir(pattern):
            matches = glob.glob(os.path.join(glob.escape(pattern), "**", "*.txt"), recursive=True)
        elif os.path.isfile(pattern):
            matches = [pattern]
        elif any(c in pattern for c in "*?["):
            matches = glob.glob(pattern, recursive=True)
        else:
            msg = (
                f"{pattern}: no such directory or file; give a directory of transcripts "
                "or a glob such as 'corpus/**/*.txt'"
            )
            raise ClaimtrackError(msg)
        found.update(os.path.normpath(m) for m in matches if os.path.isfile(m))
    return sorted(found)


def _header(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "format": _MANIFEST_FORMAT,
        "options": {
            "date": args.date,
            "speaker": args.speaker,
            "language": args.language,
            "threshold": args.threshold,
            "db": None if args.db is None else os.path.abspath(args.db),
        },
    }


def _resume(out: str, manifest: str, header: dict[str, Any]) -> dict[str, _Entry]:
    """Documents done in an earlier run, by content hash; the output cut back to match.

    Without a manifest the run starts afresh and the output is emptied. With one, the
    output is truncated where the last document recorded ends (a document written but
    not recorded is done again), and a torn last line of the manifest is dropped.
    """
    if not os.path.exists(manifest):
        _truncate(out, 0)
        return {}
    entries: list[_Entry] = []
    good = 0
    with open(manifest, "rb") as handle:
        lines = handle.readlines()
    for number, raw in enumerate(lines, start=1):
        try:
            data = json.loads(raw)
        except ValueError:
            if number == len(lines):  # torn by a crash while it was written
                break
            msg = f"{manifest}:{number}: not JSON; delete it and {out} to start over"
            raise ClaimtrackError(msg) from None
        if number == 1:
            if data != header:
                msg = (
                    f"{manifest} was written with other options ({_describe(data)}); "
                    f"rerun with those, or delete it and {out} to start over"
                )
                raise ClaimtrackError(msg)
        else:
            try:
                entries.append(_Entry(**data))
            except TypeError:
                msg = (
                    f"{manifest}:{number}: not a document entry; delete it and {out} to start over"
                )
                raise ClaimtrackError(msg) from None
        good += len(raw) if raw.endswith(b"\n") else 0
    if good < sum(map(len, lines)):
        _truncate(manifest, good)
    end = entries[-1].end if entries else 0
    size = os.path.getsize(out) if os.path.exists(out) else 0
    if size < end:
        msg = (
            f"{out} is shorter ({size} bytes) than {manifest} records ({end}); "
            "it was changed since: delete both to start over"
        )
        raise ClaimtrackError(msg)
    _truncate(out, end)
    return {e.sha256: e for e in entries if e.status == "ok" and e.sha256 is not None}


def _describe(header: object) -> str:
    if not isinstance(header, dict) or header.get("format") != _MANIFEST_FORMAT:
        return "not a claimtrack batch manifest"
    options = header.get("options")
    if not isinstance(options, dict):
        return "no options"
    return ", ".join(f"--{k} {v}" for k, v in options.items() if v is not None)


def _truncate(path: str, size: int) -> None:
    with open(path, "ab") as handle:
        handle.truncate(size)


def _to_do(
    paths: list[str], done: dict[str, _Entry], tally: _Tally, progress: _Progress
) -> Iterator[str]:
    """The paths still to do: neither done before nor the same text as one seen."""
    seen: set[str] = set()
    for path in paths:
        try:
            digest: str | None = file_hash(path)
        except OSError:
            digest = None  # the worker reports why
        if digest in done:
            tally.done_before += 1
            progress.update(1, 0)
            continue
        if digest in seen:
            tally.duplicates += 1
            progress.update(1, 0)
            continue
        if digest is not None:
            seen.add(digest)
        yield path


def _stored(
    result: DocumentResult, store: ClaimStore | None, args: argparse.Namespace
) -> DocumentResult:
    """The result, its transcript and claims stored with ``--db``; failed if they cannot be.

    The transcript is read again here (workers send back only claims); reading is a
    small part of the work, and the store checks that the claims belong to it.
    """
    if store is None or not result.ok:
        return result
    try:
        transcript = read_transcript(
            result.source, published=args.date, speaker=args.speaker, language=args.language
        )
        store.ingest(transcript, result.claims)
    except ClaimtrackError as err:
        return attrs.evolve(result, jsonl="", error=f"{result.source}: not stored: {err}")
    return result


def _record(result: DocumentResult, claims: IO[bytes], log: IO[str], tally: _Tally) -> None:
    """Writes a document's claims, then its manifest entry, each synced to disk."""
    if result.ok:
        claims.write(result.jsonl.encode("utf-8"))
        claims.flush()
        os.fsync(claims.fileno())
        tally.ok += 1
        tally.claims += result.count
    else:
        tally.failed += 1
        tally.failures.append(result.error or result.source)
    entry = _Entry(
        sha256=result.content_hash,
        source=result.source,
        status="ok" if result.ok else "failed",
        claims=result.count,
        end=claims.tell(),
        seconds=round(result.seconds, 4),
        error=result.error,
    )
    _append(log, attrs.asdict(entry))


def _append(log: IO[str], data: dict[str, Any]) -> None:
    log.write(json.dumps(data, ensure_ascii=False) + "\n")
    log.flush()
    os.fsync(log.fileno())


def _executor(address: str | None) -> tuple[cf.Executor | None, Any]:
    """A Dask cluster's executor and client for ``--scheduler``; none without it."""
    if address is None:
        return None, None
    try:
        distributed: Any = importlib.import_module("dask.distributed")  # optional, untyped
    except ImportError:
        msg = "--scheduler needs dask.distributed; pip install 'claimtrack[dask]'"
        raise ClaimtrackError(msg) from None
    try:
        client = distributed.Client(address, timeout=30)
    except (OSError, ValueError) as err:
        msg = f"cannot reach the Dask scheduler at {address} ({err}); check the address"
        raise ClaimtrackError(msg) from None
    return client.get_executor(), client


def _pending(client: Any) -> int | None:
    if client is None:
        return None
    threads = int(sum(client.nthreads().values()))
    return max(8, 4 * threads)


def _wants_progress(flag: bool | None) -> bool:
    return sys.stderr.isatty() if flag is None else flag


class _Progress:
    """Documents done, claims a second and time left on standard error."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self._total = total
        self._enabled = enabled
        self._done = 0
        self._claims = 0
        self._started = time.perf_counter()
        self._shown = 0.0
        self._bar: Any = None
        if enabled:
            try:
                tqdm: Any = importlib.import_module("tqdm")  # optional, and untyped
            except ImportError:
                return
            self._bar = tqdm.tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)

    def update(self, documents: int, claims: int) -> None:
        """Counts documents done (or skipped) and their claims."""
        self._done += documents
        self._claims += claims
        if not self._enabled:
            return
        rate = self._claims / max(time.perf_counter() - self._started, 1e-9)
        if self._bar is not None:
            self._bar.set_postfix_str(f"{self._claims} claims, {rate:.0f} claims/s", refresh=False)
            self._bar.update(documents)
            return
        now = time.perf_counter()
        if now - self._shown < 0.5 and self._done < self._total:
            return
        self._shown = now
        elapsed = now - self._started
        left = elapsed / self._done * (self._total - self._done) if self._done else 0.0
        sys.stderr.write(
            f"\r{self._done}/{self._total} documents, {self._claims} claims, "
            f"{rate:.0f} claims/s, ETA {_clock(left)}"
        )
        sys.stderr.flush()

    def close(self) -> None:
        """Ends the bar (or line); once."""
        if self._bar is not None:
            self._bar.close()
        elif self._enabled and self._done:
            sys.stderr.write("\n")
        self._enabled = False
        self._bar = None


def _clock(seconds: float) -> str:
    minutes, second = divmod(round(seconds), 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02d}:{second:02d}"


def _summary(tally: _Tally, seconds: float, out: str, stream: IO[str]) -> None:
    documents = tally.ok + tally.failed + tally.done_before + tally.duplicates
    skipped = tally.done_before + tally.duplicates
    why = []
    if tally.done_before:
        why.append(f"{tally.done_before} done before")
    if tally.duplicates:
        why.append(f"{tally.duplicates} same text as another")
    reasons = f" ({', '.join(why)})" if why else ""
    rate = tally.claims / seconds if seconds > 0 else 0.0
    stream.write(
        f"claimtrack batch: {documents} documents: {tally.ok} ok, {tally.failed} failed, "
        f"{skipped} skipped{reasons}; {tally.claims} claims in {seconds:.1f} s "
        f"({rate:.1f} claims/s) to {out}\n"
    )
    for message in tally.failures[:_LISTED_FAILURES]:
        stream.write(f"  failed: {message}\n")
    if len(tally.failures) > _LISTED_FAILURES:
        more = len(tally.failures) - _LISTED_FAILURES
        stream.write(f"  ... and {more} more failed: see {out}{MANIFEST_SUFFIX}\n")
