"""Measure claimtrack against annotated corpora.

Run as ``python -m claimtrack.evaluate claims FILE.jsonl [--format claimbuster|clef]`` for
the check-worthiness scores on labelled sentences (see docs/worthiness.md), or as
``python -m claimtrack.evaluate times FILE.jsonl [FILE.jsonl ...]``. For ``times``, each file
holds one document a line: ``{"doc_id", "dct", "text", "timexes": [{"start", "end",
"type", "value", ...}]}``. The figures are those of TempEval-3 Task A: strict and relaxed
extent match, and type and value accuracy counted over relaxed matches, as precision,
recall and F1.

>>> gold = [{"start": 0, "end": 4, "type": "DATE", "value": "2018"}]
>>> system = [{"start": 0, "end": 4, "type": "DATE", "value": "2018"}]
>>> score([(gold, system)])["value"]
{'P': 1.0, 'R': 1.0, 'F1': 1.0}
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from claimtrack.mentions._times import find_times

__all__ = ["main", "match", "score"]

Span = dict[str, Any]


def match(gold: Sequence[Span], system: Sequence[Span]) -> list[tuple[Span, Span]]:
    """Pair gold and system expressions that overlap, largest overlap first, each used once.

    >>> match([{"start": 0, "end": 10}], [{"start": 5, "end": 12}, {"start": 0, "end": 3}])
    [({'start': 0, 'end': 10}, {'start': 5, 'end': 12})]
    """
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if overlap > 0:
                candidates.append((-overlap, gi, si))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _overlap, gi, si in candidates:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append((gold[gi], system[si]))
    return pairs


def _prf(hits: int, n_system: int, n_gold: int) -> dict[str, float]:
    precision = hits / n_system if n_system else 0.0
    recall = hits / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"P": round(precision, 4), "R": round(recall, 4), "F1": round(f1, 4)}


def score(documents: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> dict[str, Any]:
    """TempEval-3 figures over (gold, system) pairs of span lists.

    Returns:
        ``gold`` and ``system`` counts, and ``strict``, ``relaxed``, ``type`` and
        ``value`` each as ``{"P", "R", "F1"}``.

    >>> gold = [{"start": 0, "end": 10, "type": "DATE", "value": "2017-11-08"}]
    >>> system = [{"start": 3, "end": 10, "type": "DATE", "value": "2017-11-08"}]
    >>> figures = score([(gold, system)])
    >>> figures["strict"]["F1"], figures["relaxed"]["F1"], figures["value"]["F1"]
    (0.0, 1.0, 1.0)
    """
    n_gold = n_system = strict = relaxed = value = type_ = 0
    for gold, system in documents:
        n_gold += len(gold)
        n_system += len(system)
        for g, s in match(gold, system):
            relaxed += 1
            strict += g["start"] == s["start"] and g["end"] == s["end"]
            value += str(g.get("value")) == str(s.get("value"))
            type_ += str(g.get("type")).upper() == str(s.get("type")).upper()
    result: dict[str, Any] = {"gold": n_gold, "system": n_system}
    for name, hits in (("strict", strict), ("relaxed", relaxed), ("type", type_), ("value", value)):
        result[name] = _prf(hits, n_system, n_gold)
    return result


def _times_file(path: pathlib.Path, language: str) -> dict[str, Any]:
    pairs = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                text, dct, gold = doc["text"], doc["dct"], doc["timexes"]
            except (ValueError, KeyError, TypeError) as exc:
                msg = f"{path}:{number}: not a TIMEX3 document ({exc}); expected text, dct, timexes"
                raise ValueError(msg) from exc
            found = find_times(text, anchor=dct, language=doc.get("language", language))
            system = [
                {"start": t.start, "end": t.end, "value": t.value, "type": t.type} for t in found
            ]
            pairs.append((gold, system))
    result = score(pairs)
    result["documents"] = len(pairs)
    return result


def _print_times(path: pathlib.Path, result: dict[str, Any]) -> None:
    print(
        f"{path}: documents {result['documents']}  gold {result['gold']}  system {result['system']}"
    )
    for name in ("strict", "relaxed", "type", "value"):
        figures = result[name]
        print(f"  {name:8s} P={figures['P']:.3f} R={figures['R']:.3f} F1={figures['F1']:.3f}")


def _run_times(args: argparse.Namespace) -> int:
    paths = [pathlib.Path(p) for p in args.files]
    for path in paths:
        if not path.is_file():
            print(f"error: {path}: no such file; give TIMEX3 JSON Lines files", file=sys.stderr)
            return 2
    for path in paths:
        try:
            result = _times_file(path, args.language)
        except (ValueError, OSError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        _print_times(path, result)
    return 0


def _run_claims(args: argparse.Namespace) -> int:
    # Imported here: the claims evaluation loads the models, which `times` does not need.
    from claimtrack import _evaluate_claims  # noqa: PLC0415
    from claimtrack.exceptions import SerializationError  # noqa: PLC0415

    path = pathlib.Path(args.file)
    if not path.is_file():
        print(
            f"error: {path}: no such file; give a JSON Lines file of labelled sentences",
            file=sys.stderr,
        )
        return 2
    try:
        file_format = args.format
        if file_format is None:
            file_format, _ = _evaluate_claims.read_sentences(path)
        if file_format == "claimbuster":
            result = _evaluate_claims.evaluate_claimbuster(path, folds=args.folds)
        else:
            result = _evaluate_claims.evaluate_clef(path, folds=0)
    except (SerializationError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    _print_claims(file_format, result)
    return 0


def _print_claims(file_format: str, result: dict[str, Any]) -> None:
    print(
        f"{result['data']}: {file_format}, {result['sentences']} sentences,"
        f" {result['positives']} positive, {result['documents']} debates"
    )
    if file_format == "claimbuster":
        print(f"  {result['folds']}-fold cross-validation grouped by debate (nested)")
        rows = [
            ("bag-of-words", result["bag_of_words"]["best_threshold"]),
            ("learned stacker", result["learned_stacker"]["best_threshold"]),
            ("claim score", result["claim_score_with_prior"]["best_threshold"]),
            ("claim score, default", result["claim_score_with_prior"]["at_shipped_threshold"]),
        ]
        for name, figures in rows:
            print(f"  {name:22s} {_claim_figures(figures)}")
        return
    for name, key in (("bag-of-words", "shipped_model"), ("claim score", "claim_score")):
        part = result[key]
        print(
            f"  {name:13s} shipped threshold {_claim_figures(part['at_shipped_threshold'])}"
            f"  MAP={part['mean_average_precision']:.3f}"
        )
        print(f"  {'':13s} best threshold    {_claim_figures(part['best_threshold'])}")


def _claim_figures(figures: dict[str, float]) -> str:
    return (
        f"t={figures['threshold']:.2f} P={figures['precision']:.3f}"
        f" R={figures['recall']:.3f} F1={figures['f1']:.3f}"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m claimtrack.evaluate",
        description="Measure claimtrack against annotated corpora.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    times = commands.add_parser(
        "times",
        help="TempEval-3 figures of the temporal tagger on TIMEX3 JSON Lines files",
        description="Print strict/relaxed/type/value precision, recall and F1 per file.",
    )
    times.add_argument("files", nargs="+", metavar="FILE.jsonl", help="TIMEX3 JSON Lines corpus")
    times.add_argument("--language", default="en", help="language of the documents (default en)")
    times.set_defaults(run=_run_times)
    claims = commands.add_parser(
        "claims",
        help="check-worthiness figures on ClaimBuster or CLEF 2019 JSON Lines",
        description=(
            "ClaimBuster: precision, recall and F1 of the CFS class, cross-validated with"
            " folds grouped by debate. CLEF 2019: the shipped models' precision, recall,"
            " F1 and mean average precision over debates."
        ),
    )
    claims.add_argument("file", metavar="FILE.jsonl", help="labelled sentences, one a line")
    claims.add_argument(
        "--format",
        choices=("claimbuster", "clef"),
        default=None,
        help="the file's format (default: told by the fields of its first line)",
    )
    claims.add_argument("--folds", type=int, default=5, help="cross-validation folds (>= 3)")
    claims.set_defaults(run=_run_claims)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation command line; returns the exit status.

    >>> main(["times", "no-such-file.jsonl"])
    2
    >>> main(["claims", "no-such-file.jsonl"])
    2
    """
    args = _parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
