"""Speed and memory of claimtrack end to end: one document, hostile inputs, a corpus.

Run ``python benchmarks/bench_corpus.py`` (all sections but memory), or pick sections::

    python benchmarks/bench_corpus.py --only peers scaling hostile jobs
    python benchmarks/bench_corpus.py --only memory --memory-mb 200

Every figure is a ratio measured in the same run, so the machine's speed cancels out:

- ``peers``: claimtrack end to end (read a file, extract its claims) against
  ``dateparser.search.search_dates`` and ``datefinder.find_dates`` on the same text, in
  characters per second: the reference transcript (once), and ``--chars`` of
  TempEval-3 documents from ``../shared/data/timeml`` (skipped with a message when
  absent; the data are read there, never copied).
- ``scaling``: ten times the text against once the text (distinct TempEval-3 text).
- ``hostile``: long digit runs, repeated month names, 1 MB without a sentence end,
  deeply nested brackets, against ordinary text.
- ``jobs``: ``claimtrack batch --jobs 2`` against ``--jobs 1`` on a generated corpus;
  the outputs must be byte for byte the same.
- ``memory``: ``claimtrack batch --jobs 2`` on a generated corpus of ``--memory-mb``
  megabytes; peak resident memory of the whole process tree (main process, workers),
  sampled with psutil, and the largest single process (``getrusage``).
"""

from __future__ import annotations

import argparse
import filecmp
import functools
import importlib
import json
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "examples" / "lavrov-interfax-2017-12-28.txt"
TIMEML = ROOT.parent / "shared" / "data" / "timeml"
ANCHOR = "2017-12-28"
SECTIONS = ("peers", "scaling", "hostile", "jobs", "memory")


def _timed(run: Callable[[], object], repeat: int) -> float:
    """The best of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _claimtrack_file(path: pathlib.Path, published: str | None = None) -> int:
    import claimtrack

    transcript = claimtrack.read_transcript(path, published=published)
    return len(claimtrack.extract_claims(transcript))


def _find_times(text: str, anchor: str) -> int:
    from claimtrack.mentions._times import find_times

    return len(find_times(text, anchor=anchor))


def _dateparser(text: str) -> int:
    from dateparser.search import search_dates

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return len(search_dates(text, languages=["en"]) or [])


def _datefinder(text: str) -> int:
    import datefinder

    return len(list(datefinder.find_dates(text)))


def _repeated(text: str, chars: int) -> str:
    """The transcript with its body repeated to about ``chars`` characters."""
    header, body = text.split("\n", 1)
    copies = max(1, round((chars - len(header)) / len(body)))
    return header + "\n" + body * copies


def _timeml_text(chars: int) -> tuple[str, str] | None:
    files = sorted(TIMEML.glob("*.jsonl"))
    if not files:
        print(f"  skipped TempEval-3: {TIMEML} is absent (the data live beside the repository)")
        return None
    parts: list[str] = []
    dct = None
    for path in files:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                doc = json.loads(line)
                dct = dct or doc["dct"]
                parts.append(doc["text"].strip())
                if sum(map(len, parts)) >= chars:
                    return "\n\n".join(parts)[:chars], dct
    return "\n\n".join(parts), dct or ANCHOR


def peers(work: pathlib.Path, chars: int, repeat: int) -> None:
    """claimtrack end to end against dateparser and datefinder on the same text."""
    # The transcript once: repeated, its sentences would hit extract_claims' per-call
    # caches and flatter claimtrack.
    texts: list[tuple[str, str, str | None]] = [
        ("reference transcript", REFERENCE.read_text("utf-8"), None)
    ]
    timeml = _timeml_text(chars)
    if timeml is not None:
        texts.append(("TempEval-3 TimeBank+AQUAINT", timeml[0], timeml[1]))
    for name, text, published in texts:
        path = work / "peers.txt"
        path.write_text(text, encoding="utf-8")
        print(f"  {name}: {len(text):,} characters")
        runs = max(repeat, chars // len(text))  # a short text is timed more often
        seconds = _timed(functools.partial(_claimtrack_file, path, published), runs)
        ours = len(text) / seconds
        print(f"    {'claimtrack read+extract_claims':34s} {ours:>10,.0f} chars/s")
        times = _timed(functools.partial(_find_times, text, published or ANCHOR), runs)
        print(f"      of which find_times alone        {times / seconds:>10.0%} of the time")
        for other, run in (
            ("dateparser.search.search_dates", _dateparser),
            ("datefinder.find_dates", _datefinder),
        ):
            try:
                run("On 5 May 2010 we met.")  # loads its data: not the text's time
                speed = len(text) / _timed(functools.partial(run, text), max(1, runs // 10))
            except ImportError as err:
                print(f"    {other:34s} skipped ({err})")
                continue
            print(f"    {other:34s} {speed:>10,.0f} chars/s   claimtrack {ours / speed:6.1f}x")


def scaling(work: pathlib.Path, chars: int, repeat: int) -> None:
    """Ten times the text against once the text.

    Distinct text (TempEval-3 documents, 10% of ``chars`` and all of it), so that no
    sentence recurs; the reference transcript repeated when the data are absent.
    """
    timeml = _timeml_text(chars)
    if timeml is not None:
        text, published = timeml
        sizes = {1: text[: chars // 10], 10: text}
    else:
        reference = REFERENCE.read_text("utf-8")
        published = None
        sizes = {n: _repeated(reference, len(reference) * n) for n in (1, 10)}
        print("  (the transcript repeated: recurring sentences hit caches, so 10x is flattered)")
    seconds = {}
    for times, sample in sizes.items():
        path = work / f"scaling-{times}.txt"
        path.write_text(sample, encoding="utf-8")
        seconds[times] = _timed(functools.partial(_claimtrack_file, path, published), repeat)
        print(f"  {times:>2}x the text: {path.stat().st_size:>9,} bytes  {seconds[times]:7.3f} s")
    print(f"  10x the text takes {seconds[10] / seconds[1]:.1f}x the time (goal <= 11x)")


def _hostile_texts(chars: int) -> list[tuple[str, str]]:
    reference = REFERENCE.read_text("utf-8")
    flat = " ".join(reference.split("\n", 1)[1].split())
    for end in ".?!":
        flat = flat.replace(end, ",")
    months = "January February March April May June July August September October November "
    return [
        ("ordinary text (reference repeated)", _repeated(reference, chars).split("\n", 1)[1]),
        ("long digit runs", " ".join(["1234567890" * 100] * (chars // 1001 + 1))),
        ("repeated month names", (months * (chars // len(months) + 1))[:chars]),
        ("1 MB without a sentence end", (flat * (1_000_000 // len(flat) + 1))[:1_000_000]),
        ("deeply nested brackets", "(" * (chars // 2) + ")" * (chars // 2)),
        ("nested mixed brackets", "([{" * (chars // 6) + "}])" * (chars // 6)),
    ]


def hostile(work: pathlib.Path, chars: int, repeat: int) -> None:
    """Hostile inputs against ordinary text, in characters per second."""
    ordinary = None
    for name, text in _hostile_texts(chars):
        path = work / "hostile.txt"
        path.write_text(text, encoding="utf-8")
        seconds = _timed(functools.partial(_claimtrack_file, path, ANCHOR), repeat)
        speed = len(text) / seconds
        ordinary = ordinary or speed
        print(
            f"  {name:36s} {len(text):>9,} chars {seconds:7.3f} s {speed:>10,.0f} chars/s"
            f"  {ordinary / speed:5.2f}x slower than ordinary (goal <= 2x)"
        )


def write_corpus(directory: pathlib.Path, *, megabytes: float, document_chars: int = 10_000) -> int:
    """Writes distinct transcripts made from the reference one; returns how many."""
    reference = REFERENCE.read_text("utf-8")
    header, body = reference.split("\n", 1)
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    copies = max(1, round(document_chars / len(body)))
    total = int(megabytes * 1_000_000)
    written = 0
    count = 0
    while written < total:
        turn = count % len(paragraphs)
        rotated = paragraphs[turn:] + paragraphs[:turn]
        text = f"{header}\n\n" + "\n\n".join(rotated * copies) + f"\n\nArchive item {count}.\n"
        sub = directory / f"{count // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"doc-{count:06d}.txt").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        count += 1
    return count


def _batch(corpus: pathlib.Path, out: pathlib.Path, jobs: int) -> list[str]:
    return [
        sys.executable, "-m", "claimtrack.cli", "batch", str(corpus),
        "--out", str(out), "--jobs", str(jobs), "--no-progress",
    ]  # fmt: skip


def _run_batch(command: list[str]) -> tuple[float, float]:
    """Runs ``claimtrack batch`` afresh; its wall-clock and CPU seconds (0 without psutil).

    The CPU seconds are those of the whole process tree (main process and workers),
    sampled every 20 ms, so a worker's last moments may be missed.
    """
    psutil = _psutil()
    for stale in (pathlib.Path(command[6]), pathlib.Path(command[6] + ".done")):
        stale.unlink(missing_ok=True)
    cpu: dict[int, float] = {}
    start = time.perf_counter()
    # The command line this repository ships, with arguments made here.
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    while process.poll() is None:
        if psutil is not None:
            try:
                root = psutil.Process(process.pid)
                for each in [root, *root.children(recursive=True)]:
                    times = each.cpu_times()
                    cpu[each.pid] = times.user + times.system
            except psutil.Error:
                pass
        time.sleep(0.02)
    wall = time.perf_counter() - start
    if process.returncode not in (0, 1):
        raise subprocess.CalledProcessError(process.returncode, command)
    return wall, sum(cpu.values())


def jobs(work: pathlib.Path, megabytes: float, repeat: int) -> None:
    """``batch --jobs 2`` against ``--jobs 1``: same output, and how much faster."""
    corpus = work / "corpus"
    count = write_corpus(corpus, megabytes=megabytes)
    print(f"  corpus: {count} documents, {megabytes} MB; {os.cpu_count()} CPUs")
    print(f"  load average before: {_load()}")
    seconds = {1: (float("inf"), 0.0), 2: (float("inf"), 0.0)}
    for _ in range(repeat):  # alternated, best kept: other load hits both alike
        for n in (1, 2):
            command = _batch(corpus, work / f"jobs{n}.jsonl", n)
            seconds[n] = min(seconds[n], _run_batch(command))
    for n in (1, 2):
        wall, cpu = seconds[n]
        shown = " ".join(_batch(corpus, work / f"jobs{n}.jsonl", n)[1:])
        print(f"  {shown}: {wall:.2f} s ({cpu:.2f} CPU seconds)")
    print(f"  load average after: {_load()}")
    if seconds[2][1]:
        # What two idle CPUs would give, were the CPU seconds spread evenly on them.
        estimate = seconds[1][1] / (seconds[2][1] / 2)
        print(f"  CPU seconds, --jobs 1 / (--jobs 2 / 2): {estimate:.2f}x (on idle CPUs)")
    same = filecmp.cmp(work / "jobs1.jsonl", work / "jobs2.jsonl", shallow=False)
    print(f"  outputs byte for byte the same: {same}")
    print(f"  --jobs 2 is {seconds[1][0] / seconds[2][0]:.2f}x as fast as --jobs 1 (goal >= 1.7x)")


def memory(work: pathlib.Path, megabytes: float) -> None:
    """Peak resident memory of ``batch --jobs 2`` on a corpus of ``megabytes``."""
    psutil = _psutil()
    if psutil is None:
        print("  psutil is absent: only the largest single process is measured")
    corpus = work / "corpus"
    count = write_corpus(corpus, megabytes=megabytes)
    out = work / "memory.jsonl"
    command = _batch(corpus, out, 2)
    print(f"  corpus: {count} documents, {megabytes} MB; load average {_load()}")
    print(f"  {' '.join(command[1:])}")
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    peak_tree = 0
    while process.poll() is None:
        if psutil is not None:
            try:
                root = psutil.Process(process.pid)
                tree = [root, *root.children(recursive=True)]
                peak_tree = max(peak_tree, sum(_rss(p) for p in tree))
            except psutil.NoSuchProcess:
                pass
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  {seconds:.1f} s, {out.stat().st_size / 1e6:.1f} MB of claims written")
    # Children this script ran before count too: run `--only memory` for this figure.
    print(f"  largest single process (getrusage, main process): {largest:.0f} MB peak resident")
    if psutil is not None:
        print(f"  whole process tree (psutil, sampled every 50 ms): {peak_tree / 1e6:.0f} MB peak")


def _psutil() -> Any:
    """The psutil module, or None when it is not installed."""
    try:
        return importlib.import_module("psutil")
    except ImportError:
        return None


def _load() -> str:
    """The load averages over 1, 5 and 15 minutes; this machine runs other work too."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover - not available
        return "unknown"


def _rss(process: object) -> int:
    try:
        return int(process.memory_info().rss)  # type: ignore[attr-defined]
    except Exception:  # the process ended between listing and measuring
        return 0


def main(argv: list[str] | None = None) -> int:
    """Runs the chosen sections and prints their figures; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", nargs="+", choices=SECTIONS, help="sections to run")
    parser.add_argument("--chars", type=int, default=100_000, help="length of the texts")
    parser.add_argument("--repeat", type=int, default=3, help="runs of claimtrack (best kept)")
    parser.add_argument("--jobs-mb", type=float, default=1.0, help="corpus size for jobs")
    parser.add_argument("--memory-mb", type=float, default=20.0, help="corpus size for memory")
    args = parser.parse_args(argv)
    chosen = args.only or [s for s in SECTIONS if s != "memory"]
    print("command: python " + " ".join([sys.argv[0], *(argv or sys.argv[1:])]))
    _claimtrack_file(REFERENCE)  # compile patterns outside the timing
    with tempfile.TemporaryDirectory(prefix="claimtrack-bench-") as tmp:
        work = pathlib.Path(tmp)
        for section in chosen:
            print(f"{section}:")
            if section == "peers":
                peers(work, args.chars, args.repeat)
            elif section == "scaling":
                scaling(work, args.chars, args.repeat)
            elif section == "hostile":
                hostile(work, args.chars, args.repeat)
            elif section == "jobs":
                jobs(work, args.jobs_mb, args.repeat)
            else:
                memory(work, args.memory_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
