"""Measure the check-worthiness model on labelled sentences (ClaimBuster, CLEF 2019).

Both functions read JSON Lines with one sentence a line: ``doc_id`` (the debate),
``text`` and ``label``. A label is positive (check-worthy) when it is ``"CFS"``
(ClaimBuster's *check-worthy factual sentence*) or ``1`` (CLEF's check-worthy).

:func:`evaluate_claimbuster` cross-validates: since the shipped model was learned from
that file, scoring it there would be meaningless, so in each fold a model is trained
afresh by :mod:`claimtrack._worthiness_train` (pure Python, the same trainer and
features as the shipped model) on the other folds' debates. :func:`evaluate_clef`
scores the shipped model on data it never saw, and also cross-validates on CLEF itself.
"""

from __future__ import annotations

import json
import pathlib
import time
from typing import Any

from claimtrack import _worthiness_train as trainer
from claimtrack._worthiness import _model, features, worthiness
from claimtrack.exceptions import SerializationError

__all__ = ["evaluate_claimbuster", "evaluate_clef", "read_labelled"]


def read_labelled(path: str | pathlib.Path) -> tuple[list[str], list[bool], list[str]]:
    """Read labelled sentences: their texts, whether each is positive, and their debates.

    Args:
        path: A JSON Lines file of objects with ``doc_id``, ``text`` and ``label``.

    Returns:
        Texts, labels and groups, in file order.

    Raises:
        SerializationError: If a line is not a JSON object with those fields.
        FileNotFoundError: If the file does not exist.
    """
    texts: list[str] = []
    labels: list[bool] = []
    groups: list[str] = []
    with pathlib.Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text, label, group = row["text"], row["label"], row["doc_id"]
            except (ValueError, KeyError, TypeError) as error:
                raise SerializationError(
                    f"{path}:{number}: not a JSON object with doc_id, text and label"
                    f" ({error}); give one labelled sentence per line"
                ) from error
            texts.append(str(text))
            labels.append(label in ("CFS", 1, "1", True))
            groups.append(str(group))
    return texts, labels, groups


def evaluate_claimbuster(path: str, *, folds: int = 5) -> dict[str, Any]:
    """Cross-validated precision, recall and F1 of the check-worthy class (CFS).

    Folds are grouped by ``doc_id``, so no debate is in both training and test. The
    figures are given at the threshold that maximises F1 on the held-out scores (as the
    training script picks the shipped threshold), at 0.5, and at the shipped threshold.

    Args:
        path: The ClaimBuster crowdsourced sentences as JSON Lines.
        folds: How many folds.

    Returns:
        A JSON-ready summary.
    """
    texts, labels, groups = read_labelled(path)
    started = time.perf_counter()
    samples = [features(text) for text in texts]
    scores = trainer.cross_validate(samples, labels, groups, folds=folds)
    return {
        "data": str(path),
        "sentences": len(texts),
        "positives": sum(labels),
        "documents": len(set(groups)),
        "folds": folds,
        "grouped_by": "doc_id",
        "best_threshold": _figures(trainer.best_threshold(scores, labels)),
        "at_0.5": _figures(trainer.precision_recall_f1(scores, labels, 0.5)),
        "at_shipped_threshold": _figures(
            trainer.precision_recall_f1(scores, labels, _model().threshold)
        ),
        "seconds": round(time.perf_counter() - started, 1),
    }


def evaluate_clef(path: str, *, folds: int = 5) -> dict[str, Any]:
    """The shipped model on CLEF 2019 task 1, and a CLEF-trained cross-validation.

    The shipped model (trained on ClaimBuster) is scored at its own threshold and at the
    threshold best for CLEF, with CLEF's own measure, the mean over debates of the
    average precision of the ranking. Then, unless folds is 0, a model is trained and
    tested on CLEF itself, folds grouped by ``doc_id``.

    Args:
        path: CLEF 2019 check-worthiness sentences as JSON Lines (label 1 = check-worthy).
        folds: Folds of the CLEF cross-validation; 0 skips it.

    Returns:
        A JSON-ready summary.
    """
    texts, labels, groups = read_labelled(path)
    shipped = [worthiness(text).score for text in texts]
    result: dict[str, Any] = {
        "data": str(path),
        "sentences": len(texts),
        "positives": sum(labels),
        "documents": len(set(groups)),
        "shipped_model": {
            "at_shipped_threshold": _figures(
                trainer.precision_recall_f1(shipped, labels, _model().threshold)
            ),
            "best_threshold": _figures(trainer.best_threshold(shipped, labels)),
            "mean_average_precision": round(_mean_average_precision(shipped, labels, groups), 4),
        },
    }
    if folds:
        started = time.perf_counter()
        samples = [features(text) for text in texts]
        scores = trainer.cross_validate(samples, labels, groups, folds=folds)
        result["cross_validation"] = {
            "folds": folds,
            "grouped_by": "doc_id",
            "best_threshold": _figures(trainer.best_threshold(scores, labels)),
            "mean_average_precision": round(_mean_average_precision(scores, labels, groups), 4),
            "seconds": round(time.perf_counter() - started, 1),
        }
    return result


def _figures(scores: trainer.Scores) -> dict[str, float]:
    return {
        "threshold": round(scores.threshold, 4),
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
    }


def _mean_average_precision(scores: list[float], labels: list[bool], groups: list[str]) -> float:
    by_group: dict[str, list[int]] = {}
    for index, group in enumerate(groups):
        by_group.setdefault(group, []).append(index)
    precisions = [
        trainer.average_precision([scores[i] for i in members], [labels[i] for i in members])
        for members in by_group.values()
    ]
    return sum(precisions) / len(precisions) if precisions else 0.0
