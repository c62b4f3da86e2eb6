"""Train the stacked claim score and write ``claimtrack/data/claim_score.json``.

Run from the repository root, after ``scripts/train_worthiness.py`` (whose bag-of-words
model the score stacks on), with the research data beside it in ``../shared/data``::

    .venv/bin/python scripts/train_claim_score.py

The claim score of :func:`claimtrack.extract_claims` is a logistic model over the
features :func:`claimtrack._claims.analyse` computes for a sentence: the claim
pipeline's mention and wording features, the bag-of-words log-odds of the sentence and
of the previous sentence of its turn, its position, its turn's role and two
interactions. This script

1. cross-validates it on the ClaimBuster crowdsourced sentences, 5 folds grouped by
   debate, with the bag-of-words log-odds themselves out-of-fold (nested; see
   :func:`claimtrack._evaluate_claims.stacked_cross_validate`), and prints precision,
   recall and F1 of the check-worthy class (CFS) beside the bag-of-words model's;
2. trains the shipped stacker on all the sentences, each with the log-odds of a
   bag-of-words model that did not see its debate (5-fold, grouped by debate), and
   stores the threshold that maximised F1 in step 1;
3. scores the CLEF 2019 task 1 training debates with the shipped models.

Training is pure Python (:mod:`claimtrack._worthiness_train`). The data are research-only:
they are read from ``../shared/data`` and no sentence of them is written anywhere.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimtrack import _claims, _evaluate_claims  # noqa: E402
from claimtrack import _worthiness_train as trainer  # noqa: E402
from claimtrack._worthiness import features  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "claims"
CLAIMBUSTER = DATA / "claimbuster_crowdsourced.jsonl"
CLEF = DATA / "clef2019_task1_en_train.jsonl"
OUTPUT = ROOT / "claimtrack" / "data" / "claim_score.json"
#: The structural prior: claimtrack's hand-set rule weights from before the learned score
#: (a dated event, a quantity, a named document, reported speech for; opinion, rhetoric,
#: pure questions against). Not fitted to any data, and not to the reference gold.
PRIOR = {
    "bias": -1.2,
    "date": 1.6,
    "quantity": 1.5,
    "reference": 1.6,
    "actors": 0.7,
    "past": 0.5,
    "perfect": 0.5,
    "present_state": 0.2,
    "attribution": 1.4,
    "commitment": 1.8,
    "pledge": -1.5,
    "opinion": -1.8,
    "rhetoric": -2.5,
    "question": -3.0,
    "presupposed": 1.0,
    "short": -1.0,
}
#: The learned model's share of the pooled log-odds: the two experts weigh equally.
LEARNED_SHARE = 0.5
#: Where the pooled log-odds are 0.
THRESHOLD = 0.5


def main(argv: list[str] | None = None) -> int:
    """Cross-validate, train, write the weights and report; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claimbuster", type=pathlib.Path, default=CLAIMBUSTER)
    parser.add_argument("--clef", type=pathlib.Path, default=CLEF)
    parser.add_argument("--output", type=pathlib.Path, default=OUTPUT)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)

    _seed(args.output)
    _, sentences = _evaluate_claims.read_sentences(args.claimbuster)
    labels = [s.positive for s in sentences]
    groups = [s.group for s in sentences]
    started = time.perf_counter()
    result = _evaluate_claims.stacked_cross_validate(sentences, folds=args.folds)
    best = trainer.best_threshold(result.stacked, labels)
    per_fold = _evaluate_claims.at_thresholds(result.stacked, labels, result.thresholds)
    print(f"ClaimBuster: {len(sentences)} sentences, {sum(labels)} CFS, {len(set(groups))} debates")
    print(f"{args.folds}-fold nested CV grouped by debate ({time.perf_counter() - started:.0f} s):")
    print(f"  bag-of-words, picked threshold   {_line(trainer.best_threshold(result.bow, labels))}")
    print(f"  stacked, picked threshold        {_line(best)}")
    print(f"  stacked, threshold of each fold  {_line(per_fold)}")
    combined_best = trainer.best_threshold(result.combined, labels)
    combined_shipped = trainer.precision_recall_f1(result.combined, labels, THRESHOLD)
    print(f"  with prior, picked threshold     {_line(combined_best)}")
    print(f"  with prior, shipped threshold    {_line(combined_shipped)}")

    texts = [s.text for s in sentences]
    logits = _evaluate_claims.out_of_fold_logits(
        texts, [features(t) for t in texts], labels, groups, args.folds
    )
    samples = _evaluate_claims.stack_samples(
        sentences,
        _evaluate_claims.mentions(sentences),
        _evaluate_claims.contexts(sentences),
        _evaluate_claims._by_debate(sentences, dict(enumerate(logits))),
    )
    weights = {name: round(w, 4) for name, w in sorted(trainer.train(samples, labels).items())}
    model = {
        "format": 1,
        "about": (
            "claimtrack claim score: logistic regression over the features of"
            " claimtrack._claims.analyse; score = sigmoid(bias + sum of value * weight);"
            " trained by scripts/train_claim_score.py on the ClaimBuster crowdsourced"
            " sentences (label CFS positive), the bag-of-words log-odds out-of-fold"
        ),
        "threshold": THRESHOLD,
        "learned_share": LEARNED_SHARE,
        "cross_validation": {
            "folds": args.folds,
            "grouped_by": "doc_id",
            "nested": True,
            "claim_score_at_threshold": _json(combined_shipped),
            "claim_score_best_threshold": _json(combined_best),
            "learned_best_threshold": _json(best),
            "learned_threshold_of_each_fold": _json(per_fold),
        },
        "prior": {
            "about": "claimtrack's structural definition of a claim, set by hand (not fitted)",
            "weights": PRIOR,
        },
        "weights": weights,
    }
    args.output.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output.relative_to(ROOT)}: {len(weights)} weights")
    for name, weight in sorted(weights.items(), key=lambda item: -abs(item[1])):
        print(f"  {name:14s} {weight:+.3f}")

    if args.clef.exists():
        _claims._score_model.cache_clear()
        clef = _evaluate_claims.evaluate_clef(str(args.clef), folds=0)
        print(json.dumps(clef, indent=2))
    return 0


def _seed(output: pathlib.Path) -> None:
    """Write the prior and share (keeping any learned weights) for the CV to pool with."""
    old = json.loads(output.read_text(encoding="utf-8")) if output.exists() else {}
    seed = {
        "format": 1,
        "threshold": THRESHOLD,
        "learned_share": LEARNED_SHARE,
        "prior": {"weights": PRIOR},
        "weights": old.get("weights", {}),
    }
    output.write_text(json.dumps(seed, indent=1) + "\n", encoding="utf-8")
    _claims._score_model.cache_clear()


def _json(scores: trainer.Scores) -> dict[str, float]:
    return {
        "threshold": scores.threshold,
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
    }


def _line(scores: trainer.Scores) -> str:
    return (
        f"{scores.threshold:.2f}: precision {scores.precision:.3f}"
        f" recall {scores.recall:.3f} F1 {scores.f1:.3f}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
