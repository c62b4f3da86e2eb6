"""Train the check-worthiness model and write ``claimtrack/data/worthiness.json``.

Run from the repository root, with the research data beside it in ``../shared/data``::

    .venv/bin/python scripts/train_worthiness.py
    .venv/bin/python scripts/train_worthiness.py --check-sklearn   # also compare scikit-learn

It cross-validates on the ClaimBuster crowdsourced sentences (5 folds, grouped by debate,
so no debate is in both training and test), picks the threshold that maximises the F1 of
the check-worthy factual class (CFS) on the held-out scores, prints precision, recall and
F1 there and at 0.5, trains on all the sentences, prunes small weights, writes the JSON,
and scores the CLEF 2019 task 1 training debates with the result.

Training itself is pure Python (:mod:`claimtrack._worthiness_train`, the same code the
run-time evaluation uses), so the shipped weights need nothing but this repository. The
optional ``--check-sklearn`` comparison was run with Python 3.11.7, numpy 2.4.6 and
scikit-learn 1.9.1 (``.venv/bin/pip install scikit-learn numpy``); neither is a dependency
of claimtrack. The data are research-only: they are read from ``../shared/data`` and no
sentence of them is written to the repository, only weights of words and word pairs.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimtrack import _evaluate_claims, _worthiness  # noqa: E402
from claimtrack import _worthiness_train as trainer  # noqa: E402
from claimtrack._worthiness import features  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "claims"
CLAIMBUSTER = DATA / "claimbuster_crowdsourced.jsonl"
CLEF = DATA / "clef2019_task1_en_train.jsonl"
OUTPUT = ROOT / "claimtrack" / "data" / "worthiness.json"


def main(argv: list[str] | None = None) -> int:
    """Train, report and write the weights; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claimbuster", type=pathlib.Path, default=CLAIMBUSTER)
    parser.add_argument("--clef", type=pathlib.Path, default=CLEF)
    parser.add_argument("--output", type=pathlib.Path, default=OUTPUT)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--check-sklearn", action="store_true")
    args = parser.parse_args(argv)

    texts, labels, groups = _evaluate_claims.read_labelled(args.claimbuster)
    started = time.perf_counter()
    samples = [features(text) for text in texts]
    scores = trainer.cross_validate(samples, labels, groups, folds=args.folds)
    best = trainer.best_threshold(scores, labels)
    fixed = trainer.precision_recall_f1(scores, labels, 0.5)
    print(f"ClaimBuster: {len(texts)} sentences, {sum(labels)} CFS, {len(set(groups))} debates")
    print(f"{args.folds}-fold CV grouped by debate ({time.perf_counter() - started:.0f} s):")
    print(f"  at the picked threshold {_line(best)}")
    print(f"  at 0.50                 {_line(fixed)}")
    if args.check_sklearn:
        _check_sklearn(samples, labels, groups, args.folds)

    weights = trainer.train(samples, labels)
    kept = trainer.prune(weights)
    model = {
        "format": 1,
        "about": (
            "claimtrack check-worthiness: logistic regression over claimtrack._worthiness."
            "features; score = sigmoid(sum of value * weight); trained by"
            " scripts/train_worthiness.py on the ClaimBuster crowdsourced sentences"
            " (label CFS positive)"
        ),
        "threshold": best.threshold,
        "cross_validation": {
            "folds": args.folds,
            "grouped_by": "doc_id",
            "precision": round(best.precision, 4),
            "recall": round(best.recall, 4),
            "f1": round(best.f1, 4),
        },
        "weights": kept,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(model, indent=0, ensure_ascii=False, sort_keys=False) + "\n"
    args.output.write_text(text, encoding="utf-8")
    print(
        f"wrote {args.output.relative_to(ROOT)}: {len(kept)} of {len(weights)} weights,"
        f" {len(text.encode()) / 1e6:.2f} MB"
    )

    if args.clef.exists():
        _worthiness._model.cache_clear()
        clef = _evaluate_claims.evaluate_clef(str(args.clef))
        print(json.dumps(clef, indent=2))
    return 0


def _line(scores: trainer.Scores) -> str:
    return (
        f"{scores.threshold:.2f}: precision {scores.precision:.3f}"
        f" recall {scores.recall:.3f} F1 {scores.f1:.3f}"
    )


def _check_sklearn(
    samples: list[dict[str, float]], labels: list[bool], groups: list[str], folds: int
) -> None:
    """The same features and folds through scikit-learn's LogisticRegression."""
    # Imported here: scikit-learn and numpy are optional, needed for this comparison only.
    import numpy as np  # type: ignore[import-not-found,unused-ignore]  # noqa: PLC0415
    import sklearn  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415
    from sklearn.feature_extraction import DictVectorizer  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415

    fold_of = trainer.group_folds(groups, folds)
    scores = [0.0] * len(samples)
    target = np.array(labels, dtype=int)
    for fold in range(folds):
        train_idx = [i for i, f in enumerate(fold_of) if f != fold]
        test_idx = [i for i, f in enumerate(fold_of) if f == fold]
        vectorizer = DictVectorizer()
        matrix = vectorizer.fit_transform([samples[i] for i in train_idx])
        model = LogisticRegression(C=3.0, class_weight="balanced", max_iter=3000)
        model.fit(matrix, target[train_idx])
        held = model.predict_proba(vectorizer.transform([samples[i] for i in test_idx]))[:, 1]
        for i, score in zip(test_idx, held, strict=True):
            scores[i] = float(score)
    print(f"  scikit-learn {sklearn.__version__} LogisticRegression(C=3, balanced):")
    print(f"    {_line(trainer.best_threshold(scores, labels))}")


if __name__ == "__main__":
    raise SystemExit(main())
