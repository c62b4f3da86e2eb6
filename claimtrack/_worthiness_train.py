"""A small pure-Python trainer and scorer for the check-worthiness model.

Used both by ``scripts/train_worthiness.py``, which writes the shipped weights, and by
:mod:`claimtrack._evaluate_claims`, which cross-validates at run time; both featurise
with :func:`claimtrack._worthiness.features`, so training and scoring cannot drift.

The model is a logistic regression fitted by stochastic gradient descent with per-feature
AdaGrad steps, L2 shrinkage on the features a sentence touches, classes weighted to
balance, a seeded shuffle and averaged weights: the same data and settings always give
the same weights.

>>> samples = [{"w:rose": 1.0, "bias": 1.0}, {"w:thanks": 1.0, "bias": 1.0}] * 20
>>> weights = train(samples, [True, False] * 20)
>>> weights["w:rose"] > 0 > weights["w:thanks"]
True
>>> predict(weights, samples[:2])[0] > 0.5 > predict(weights, samples[:2])[1]
True
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence

import attrs

__all__ = [
    "Scores",
    "average_precision",
    "best_threshold",
    "cross_validate",
    "group_folds",
    "precision_recall_f1",
    "predict",
    "prune",
    "train",
]

#: Training settings shared by the training script and the run-time evaluation.
EPOCHS = 8
LEARNING_RATE = 0.2
L2 = 1e-4
MIN_COUNT = 3
#: Weights smaller than this in absolute value are dropped (see :func:`prune`).
MINIMUM_WEIGHT = 0.1
SEED = 20240601


def train(
    samples: Sequence[Mapping[str, float]],
    labels: Sequence[bool],
    *,
    epochs: int = EPOCHS,
    learning_rate: float = LEARNING_RATE,
    l2: float = L2,
    min_count: int = MIN_COUNT,
    seed: int = SEED,
) -> dict[str, float]:
    """Fit logistic-regression weights, classes weighted to balance.

    Args:
        samples: The feature mappings, one per sentence.
        labels: Whether each sentence is positive (check-worthy).
        epochs: Passes over the data.
        learning_rate: The AdaGrad step size.
        l2: The L2 shrinkage applied to the features of each sentence seen.
        min_count: Features found in fewer samples than this are not learned: rare
            words and pairs would only be memorised, and would bloat the weights.
        seed: Seeds the shuffle of each pass.

    Returns:
        The averaged weights by feature name (a ``bias`` feature carries the intercept).

    Raises:
        ValueError: If samples and labels differ in length.
    """
    if len(samples) != len(labels):
        raise ValueError(
            f"train: {len(samples)} samples but {len(labels)} labels; give one label per sample"
        )
    positives = sum(1 for label in labels if label)
    negatives = len(labels) - positives
    total = len(labels)
    weight_of = {
        True: total / (2.0 * positives) if positives else 1.0,
        False: total / (2.0 * negatives) if negatives else 1.0,
    }
    counts: dict[str, int] = {}
    for sample in samples:
        for name in sample:
            counts[name] = counts.get(name, 0) + 1
    kept = [
        [(name, value) for name, value in sample.items() if counts[name] >= min_count]
        for sample in samples
    ]
    weights: dict[str, float] = {}
    summed: dict[str, float] = {}  # sum of step number times update, for averaging
    squares: dict[str, float] = {}
    order = list(range(len(samples)))
    shuffle = random.Random(seed)  # noqa: S311  # a reproducible shuffle, not a secret
    step = 1
    for _ in range(epochs):
        shuffle.shuffle(order)
        for index in order:
            pairs = kept[index]
            label = labels[index]
            logit = 0.0
            for name, value in pairs:
                logit += weights.get(name, 0.0) * value
            error = (_sigmoid(logit) - (1.0 if label else 0.0)) * weight_of[bool(label)]
            for name, value in pairs:
                current = weights.get(name, 0.0)
                gradient = error * value + l2 * current
                if gradient == 0.0:
                    continue
                accumulated = squares.get(name, 0.0) + gradient * gradient
                squares[name] = accumulated
                update = -learning_rate * gradient / math.sqrt(accumulated)
                weights[name] = current + update
                summed[name] = summed.get(name, 0.0) + step * update
            step += 1
    return {name: weight - summed[name] / step for name, weight in weights.items()}


def predict(weights: Mapping[str, float], samples: Sequence[Mapping[str, float]]) -> list[float]:
    """Scores in [0, 1] of samples under weights.

    Args:
        weights: Feature weights, as :func:`train` returns.
        samples: The feature mappings.

    Returns:
        One score per sample.
    """
    scores = []
    for sample in samples:
        logit = math.fsum(value * weights.get(name, 0.0) for name, value in sample.items())
        scores.append(_sigmoid(logit))
    return scores


def group_folds(groups: Sequence[str], folds: int) -> list[int]:
    """Assign each sample a fold so that no group is split across folds.

    Groups go, largest first (ties by name), to the fold with the fewest samples so far
    (ties to the lowest fold), as scikit-learn's ``GroupKFold`` does.

    Args:
        groups: The group (e.g. debate) of each sample.
        folds: How many folds.

    Returns:
        The fold index of each sample.

    Raises:
        ValueError: If there are fewer distinct groups than folds, or folds < 2.

    >>> group_folds(["a", "a", "b", "c", "c", "c"], 2)
    [1, 1, 1, 0, 0, 0]
    """
    sizes: dict[str, int] = {}
    for group in groups:
        sizes[group] = sizes.get(group, 0) + 1
    if folds < 2 or len(sizes) < folds:
        raise ValueError(
            f"group_folds: cannot make {folds} folds from {len(sizes)} groups; "
            "use at least 2 folds and no more folds than groups"
        )
    load = [0] * folds
    fold_of: dict[str, int] = {}
    for group in sorted(sizes, key=lambda name: (-sizes[name], name)):
        fold = min(range(folds), key=lambda index: (load[index], index))
        fold_of[group] = fold
        load[fold] += sizes[group]
    return [fold_of[group] for group in groups]


def cross_validate(
    samples: Sequence[Mapping[str, float]],
    labels: Sequence[bool],
    groups: Sequence[str],
    *,
    folds: int = 5,
) -> list[float]:
    """Out-of-fold scores: each sample scored by a model trained without its group.

    Each fold's model is trained and pruned exactly as the shipped one is.

    Args:
        samples: The feature mappings.
        labels: Whether each sample is positive.
        groups: The group of each sample; a group is never in both training and test.
        folds: How many folds.

    Returns:
        One held-out score per sample.
    """
    fold_of = group_folds(groups, folds)
    scores = [0.0] * len(samples)
    for fold in range(folds):
        train_idx = [i for i, f in enumerate(fold_of) if f != fold]
        test_idx = [i for i, f in enumerate(fold_of) if f == fold]
        weights = prune(
            train([samples[i] for i in train_idx], [labels[i] for i in train_idx]),
            MINIMUM_WEIGHT,
        )
        for i, score in zip(
            test_idx, predict(weights, [samples[i] for i in test_idx]), strict=True
        ):
            scores[i] = score
    return scores


@attrs.frozen
class Scores:
    """Precision, recall and F1 of the positive class at a threshold.

    Attributes:
        threshold: Scores at or above it count as positive.
        precision: Of those predicted positive, the share that are.
        recall: Of the positives, the share predicted.
        f1: The harmonic mean of precision and recall.
    """

    threshold: float
    precision: float
    recall: float
    f1: float


def precision_recall_f1(
    scores: Sequence[float], labels: Sequence[bool], threshold: float
) -> Scores:
    """Precision, recall and F1 of the positive class at a threshold.

    >>> precision_recall_f1([0.9, 0.8, 0.2, 0.1], [True, False, True, False], 0.5)
    Scores(threshold=0.5, precision=0.5, recall=0.5, f1=0.5)
    """
    tp = fp = fn = 0
    for score, label in zip(scores, labels, strict=True):
        if score >= threshold:
            if label:
                tp += 1
            else:
                fp += 1
        elif label:
            fn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(threshold=threshold, precision=precision, recall=recall, f1=f1)


def best_threshold(scores: Sequence[float], labels: Sequence[bool]) -> Scores:
    """The threshold among 0.05, 0.06, … 0.95 that maximises F1 (the lowest on ties).

    >>> best_threshold([0.9, 0.7, 0.2, 0.1], [True, True, False, False]).f1
    1.0
    """
    best = precision_recall_f1(scores, labels, 0.05)
    for hundredths in range(6, 96):
        candidate = precision_recall_f1(scores, labels, hundredths / 100)
        if candidate.f1 > best.f1:
            best = candidate
    return best


def average_precision(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Average precision of a ranking by score (ties broken by position), as CLEF uses.

    >>> average_precision([0.9, 0.8, 0.7], [True, False, True])
    0.8333333333333333
    """
    ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    hits = 0
    total = 0.0
    for rank, index in enumerate(ranked, start=1):
        if labels[index]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def prune(
    weights: Mapping[str, float], minimum: float = MINIMUM_WEIGHT, *, digits: int = 4
) -> dict[str, float]:
    """Drop weights smaller than minimum in absolute value and round the rest.

    Cues and the bias are always kept, so that every cue stays documented in the file.

    >>> prune({"w:a": 0.00001, "w:b": -0.123456, "bias": 0.0}, 0.001)
    {'bias': 0.0, 'w:b': -0.1235}
    """
    kept = {
        name: round(weight, digits)
        for name, weight in weights.items()
        if abs(weight) >= minimum or name == "bias" or name.startswith("cue:")
    }
    return dict(sorted(kept.items()))


def _sigmoid(logit: float) -> float:
    if logit >= 0:
        return 1.0 / (1.0 + math.exp(-logit))
    exp = math.exp(logit)
    return exp / (1.0 + exp)
