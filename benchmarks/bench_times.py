"""Speed of claimtrack's temporal tagger against dateparser and datefinder.

Run ``python benchmarks/bench_times.py [--chars N] [--repeat R]``. The text is the
reference transcript plus TempEval-3 documents read from ``../shared/data`` (skipped with
a message when absent); the three taggers run on the same text in the same process, and
the figures are characters per second, best of ``R`` runs, with the ratios of
claimtrack's speed to the others'. ``--hostile`` adds claimtrack's speed on the
adversarial inputs of the tests (long digit runs, repeated month names, text without a
sentence end, text made of nothing but expressions ...), each with how many times
slower than on the ordinary prose it is (the prose rate divided by its own). ``--sizes``
adds claimtrack's speed on 100 kB of TempEval-3 news (TimeBank, then AQUAINT) and on the
reference transcript repeated to 100 kB.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time
import warnings
from collections.abc import Callable

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REFERENCE = (
    ROOT / "examples" / "lavrov-interfax-2017-12-28.txt",
    SHARED / "corpus" / "lavrov-interfax-2017-12-28.txt",
)
TIMEML = SHARED / "data" / "timeml" / "tbaq_timebank.jsonl"
AQUAINT = SHARED / "data" / "timeml" / "tbaq_aquaint.jsonl"
SIZE = 100_000
ANCHOR = "2017-12-28"


def _text(limit: int) -> str | None:
    parts: list[str] = []
    for path in REFERENCE:
        if path.exists():
            parts.append(path.read_text(encoding="utf-8"))
            break
    if not TIMEML.exists():
        print(f"skipped: {TIMEML} is absent (TempEval-3 data lives beside the repository)")
        return None
    with TIMEML.open(encoding="utf-8") as lines:
        for line in lines:
            parts.append(json.loads(line)["text"])
            if sum(map(len, parts)) >= limit:
                break
    return "\n\n".join(parts)[:limit]


def _best(run: Callable[[str], object], text: str, repeat: int) -> tuple[float, int]:
    best = float("inf")
    found = 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = run(text)
        best = min(best, time.perf_counter() - start)
        found = len(result) if isinstance(result, list) else 0
    return best, found


def _claimtrack(text: str) -> object:
    from claimtrack.mentions._times import find_times

    return find_times(text, anchor=ANCHOR)


def _dateparser(text: str) -> object:
    from dateparser.search import search_dates

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return search_dates(text, languages=["en"]) or []


def _datefinder(text: str) -> object:
    import datefinder

    return list(datefinder.find_dates(text))


HOSTILE = {
    "200k digits": "1" * 200_000,
    "'May ' x 50k": "May " * 50_000,
    "'(' x 100k": "(" * 100_000,
    "'the last ' x 30k": "the last " * 30_000,
    "'December 28, ' x 20k": "December 28, " * 20_000,
    "'2017 ' x 40k": "2017 " * 40_000,
    "1 MB, no sentence end": "a" * 1_000_000,
    "'every other ' x 20k": "every other " * 20_000,
    "'8. ' x 50k": "8. " * 50_000,
    "'Monday ' x 30k": "Monday " * 30_000,
}


def _sized() -> dict[str, str]:
    """100 kB of TempEval-3 news and the reference transcript repeated to 100 kB."""
    texts: dict[str, str] = {}
    news = [
        json.loads(line)["text"]
        for path in (TIMEML, AQUAINT)
        if path.exists()
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    if news:
        texts["100 kB of TempEval-3 news"] = "\n\n".join(news)[:SIZE]
    for path in REFERENCE:
        if path.exists():
            transcript = path.read_text(encoding="utf-8")
            texts["transcript repeated to 100 kB"] = (transcript * (SIZE // len(transcript) + 1))[
                :SIZE
            ]
            break
    return texts


def _hostile(repeat: int, ordinary: float | None) -> None:
    for name, text in HOSTILE.items():
        seconds, found = _best(_claimtrack, text, repeat)
        speed = len(text) / seconds
        slower = f"  prose rate / this: {ordinary / speed:4.2f}" if ordinary else ""
        print(f"  {name:24s} {speed:>12,.0f} chars/s  {found:6d} found{slower}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print chars/s and ratios; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--chars", type=int, default=60_000, help="length of the text")
    parser.add_argument("--repeat", type=int, default=5, help="runs per tagger (best is kept)")
    parser.add_argument("--hostile", action="store_true", help="also time adversarial inputs")
    parser.add_argument("--sizes", action="store_true", help="also time two texts of 100 kB")
    args = parser.parse_args(argv)
    text = _text(args.chars)
    if text is None:
        return 0
    _claimtrack("warm up: December 28, 2017")  # compile patterns outside the timing
    print(f"text: {len(text):,} characters (reference transcript + TempEval-3 TimeBank)")
    speeds: dict[str, float] = {}
    for name, run in (
        ("claimtrack.find_times", _claimtrack),
        ("dateparser.search.search_dates", _dateparser),
        ("datefinder.find_dates", _datefinder),
    ):
        try:
            seconds, found = _best(run, text, args.repeat)
        except ImportError as exc:
            print(f"{name:32s} skipped ({exc})")
            continue
        speeds[name] = len(text) / seconds
        print(f"{name:32s} {speeds[name]:>12,.0f} chars/s  {found:5d} found  {seconds:8.3f} s")
    ours = speeds.get("claimtrack.find_times")
    if ours:
        for name, speed in speeds.items():
            if name != "claimtrack.find_times":
                print(f"claimtrack is {ours / speed:6.1f}x as fast as {name}")
    if args.sizes:
        print("claimtrack.find_times on 100 kB texts:")
        for name, sized in _sized().items():
            seconds, found = _best(_claimtrack, sized, args.repeat)
            print(f"  {name:32s} {len(sized) / seconds:>12,.0f} chars/s  {found:5d} found")
    if args.hostile:
        print("claimtrack.find_times on adversarial inputs:")
        _hostile(args.repeat, ours)
    return 0


if __name__ == "__main__":
    sys.exit(main())
