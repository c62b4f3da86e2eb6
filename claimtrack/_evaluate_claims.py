"""Measure the check-worthiness scores on labelled sentences (ClaimBuster, CLEF 2019).

The files are JSON Lines with one sentence a line: ``doc_id`` (the debate), ``text``
and ``label``, and where given ``date`` and ``speaker``. A label is positive
(check-worthy) when it is ``"CFS"`` (ClaimBuster's *check-worthy factual sentence*) or
``1`` (CLEF's check-worthy).

Two scores are measured: the bag-of-words model of :mod:`claimtrack._worthiness`, and
the claim score of :mod:`claimtrack._claims`, a logistic model stacked on the
bag-of-words log-odds, the claim pipeline's features (:func:`~claimtrack._claims.analyse`)
and each sentence's context. A sentence's context is rebuilt from the file: a turn is
a run of consecutive lines of one speaker in one debate, and a speaker whose turns
mostly end in a question is a questioner, as :func:`~claimtrack.parse_transcript`
decides for transcripts.

:func:`evaluate_claimbuster` cross-validates, folds grouped by debate: since the shipped
models were learned from that file, scoring it there would be meaningless. Stacking is
cross-validated honestly: in each outer fold, the bag-of-words log-odds the stacker is
trained on are themselves out-of-fold (an inner cross-validation over the training
debates), and the test debates' log-odds come from a model trained on the training
debates only. :func:`evaluate_clef` scores the shipped models on data they never saw.
"""

from __future__ import annotations

import functools
import json
import math
import pathlib
import time
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from claimtrack import _worthiness_train as trainer
from claimtrack._claims import Context, Mentions, analyse, combined_score, sentence_mentions
from claimtrack._model import Role
from claimtrack._read import _questioners
from claimtrack._worthiness import _model, features, logit, worthiness
from claimtrack.exceptions import SerializationError
from claimtrack.mentions._times import find_times

__all__ = [
    "Labelled",
    "detect_format",
    "evaluate_claimbuster",
    "evaluate_clef",
    "read_labelled",
    "read_sentences",
    "stack_samples",
    "stacked_cross_validate",
]


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
    _, sentences = read_sentences(path)
    return (
        [s.text for s in sentences],
        [s.positive for s in sentences],
        [s.group for s in sentences],
    )


@attrs.frozen
class Labelled:
    """One labelled sentence.

    Attributes:
        text: The sentence.
        positive: Whether it is check-worthy.
        group: Its debate (``doc_id``).
        date: The debate's date (ISO), if given: the anchor of its times.
        speaker: Who said it, if given.
    """

    text: str
    positive: bool
    group: str
    date: str | None = None
    speaker: str | None = None


def detect_format(row: dict[str, Any]) -> str:
    """``claimbuster`` or ``clef``, by the fields of a row.

    >>> detect_format({"speaker_title": "Senator", "label": "CFS"}), detect_format({"label": 1})
    ('claimbuster', 'clef')
    """
    if "speaker_title" in row or "sentence_id" in row or row.get("label") in ("NFS", "UFS", "CFS"):
        return "claimbuster"
    return "clef"


def read_sentences(
    path: str | pathlib.Path, *, file_format: str | None = None
) -> tuple[str, list[Labelled]]:
    """Read labelled sentences and tell their format.

    Args:
        path: A JSON Lines file of objects with ``doc_id``, ``text`` and ``label``.
        file_format: ``claimbuster`` or ``clef``; by default told by the first line's
            fields (:func:`detect_format`).

    Returns:
        The format and the sentences, in file order.

    Raises:
        SerializationError: If a line is not a JSON object with those fields.
        FileNotFoundError: If the file does not exist.
    """
    found = file_format
    sentences: list[Labelled] = []
    with pathlib.Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text, label, group = row["text"], row["label"], row["doc_id"]
                date, speaker = row.get("date"), row.get("speaker")
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                raise SerializationError(
                    f"{path}:{number}: not a JSON object with doc_id, text and label"
                    f" ({error}); give one labelled sentence per line"
                ) from error
            if found is None:
                found = detect_format(row)
            sentences.append(
                Labelled(
                    text=str(text),
                    positive=label in ("CFS", 1, "1", True),
                    group=str(group),
                    date=str(date) if date else None,
                    speaker=str(speaker) if speaker else None,
                )
            )
    return found or "clef", sentences


def contexts(sentences: Sequence[Labelled]) -> list[Context]:
    """Each sentence's context, rebuilt from the order of the file.

    A turn is a run of consecutive sentences of one speaker in one debate; a speaker
    whose turns mostly end in a question is a questioner (the rule transcripts use).

    >>> rows = [Labelled("Why?", False, "d", speaker="Q"), Labelled("Jobs rose.", True, "d",
    ...     speaker="A"), Labelled("Taxes fell.", True, "d", speaker="A")]
    >>> [(c.role.value, c.previous, c.position) for c in contexts(rows)]
    [('question', None, 0), ('answer', None, 0), ('answer', 'Jobs rose.', 1)]
    """
    turns: list[list[int]] = []
    for index, sentence in enumerate(sentences):
        last = sentences[turns[-1][-1]] if turns else None
        if last is not None and (last.group, last.speaker) == (sentence.group, sentence.speaker):
            turns[-1].append(index)
        else:
            turns.append([index])
    by_group: dict[str, list[list[int]]] = {}
    for turn in turns:
        by_group.setdefault(sentences[turn[0]].group, []).append(turn)
    result: list[Context] = [Context()] * len(sentences)
    for group_turns in by_group.values():
        raw = []
        text = ""
        for turn in group_turns:
            body = " ".join(sentences[i].text for i in turn)
            speaker = sentences[turn[0]].speaker or ""
            raw.append((speaker, speaker, len(text), len(text) + len(body)))
            text += body + "\n"
        questioners = _questioners(text, raw)
        role_of_others = Role.ANSWER if questioners else Role.STATEMENT
        for turn in group_turns:
            speaker = sentences[turn[0]].speaker or ""
            role = Role.QUESTION if speaker in questioners else role_of_others
            for position, index in enumerate(turn):
                previous = sentences[turn[position - 1]].text if position else None
                result[index] = Context(role=role, previous=previous, position=position)
    return result


def mentions(sentences: Sequence[Labelled]) -> list[Mentions]:
    """Each sentence's mentions, its times anchored at its debate's date."""
    found = []
    for sentence in sentences:
        text = sentence.text
        times = find_times(text, anchor=sentence.date) if sentence.date else []
        found.append(sentence_mentions(text, 0, len(text), times=times))
    return found


def stack_samples(
    sentences: Sequence[Labelled],
    found: Sequence[Mentions],
    context_of: Sequence[Context],
    bow: Callable[[int, str], float],
) -> list[dict[str, float]]:
    """The stacker's samples: :func:`~claimtrack._claims.analyse`'s features and a bias.

    Args:
        sentences: The sentences.
        found: Their mentions.
        context_of: Their contexts.
        bow: The bag-of-words log-odds of a text of the debate of sentence i.
    """
    samples = []
    for index, sentence in enumerate(sentences):
        analysis = analyse(
            sentence.text,
            found[index],
            context=context_of[index],
            bow=functools.partial(bow, index),
            weights={},
        )
        samples.append({**analysis.features, "bias": 1.0})
    return samples


@attrs.frozen
class Stacked:
    """Out-of-fold scores of the bag-of-words model and of the stacked claim score.

    Attributes:
        bow: The bag-of-words model's held-out scores.
        stacked: The learned stacker's held-out scores.
        combined: The claim score's: the stacker pooled with the structural prior
            (:func:`~claimtrack._claims.combined_score`), as :func:`extract_claims`
            scores.
        thresholds: For each sentence, the threshold its fold's stacker picked on its
            own training debates (the F1-best one there).
    """

    bow: list[float]
    stacked: list[float]
    combined: list[float]
    thresholds: list[float]


def out_of_fold_logits(
    texts: Sequence[str],
    bow_samples: Sequence[dict[str, float]],
    labels: Sequence[bool],
    groups: Sequence[str],
    folds: int,
) -> list[float]:
    """Bag-of-words log-odds of each text from a model trained without its group."""
    fold_of = trainer.group_folds(groups, folds)
    result = [0.0] * len(texts)
    for fold in range(folds):
        train_idx = [i for i, f in enumerate(fold_of) if f != fold]
        weights = trainer.prune(
            trainer.train([bow_samples[i] for i in train_idx], [labels[i] for i in train_idx])
        )
        for i, f in enumerate(fold_of):
            if f == fold:
                result[i] = logit(texts[i], weights)
    return result


def _by_debate(
    sentences: Sequence[Labelled], logits: dict[int, float]
) -> Callable[[int, str], float]:
    """A look-up of a text's log-odds within the debate of sentence i."""
    table: dict[tuple[str, str], float] = {}
    for i, value in logits.items():
        table[sentences[i].group, sentences[i].text] = value

    def look_up(i: int, text: str) -> float:
        return table[sentences[i].group, text]

    return look_up


def stacked_cross_validate(sentences: Sequence[Labelled], *, folds: int = 5) -> Stacked:
    """Cross-validate the bag-of-words model and the stacked score, grouped by debate.

    In each outer fold, the bag-of-words log-odds of the training debates come from an
    inner cross-validation over them (``folds - 1`` folds, grouped by debate), the
    stacker is trained on those, and the test debates are scored with a bag-of-words
    model trained on all the training debates: no score ever comes from a model that
    saw the sentence's debate.
    """
    texts = [s.text for s in sentences]
    labels = [s.positive for s in sentences]
    groups = [s.group for s in sentences]
    bow_samples = [features(text) for text in texts]
    found = mentions(sentences)
    context_of = contexts(sentences)
    fold_of = trainer.group_folds(groups, folds)
    bow_scores = [0.0] * len(texts)
    stacked = [0.0] * len(texts)
    combined = [0.0] * len(texts)
    thresholds = [0.0] * len(texts)
    for fold in range(folds):
        train_idx = [i for i, f in enumerate(fold_of) if f != fold]
        test_idx = [i for i, f in enumerate(fold_of) if f == fold]
        inner = out_of_fold_logits(
            [texts[i] for i in train_idx],
            [bow_samples[i] for i in train_idx],
            [labels[i] for i in train_idx],
            [groups[i] for i in train_idx],
            folds - 1,
        )
        train_logits = dict(zip(train_idx, inner, strict=True))
        train_samples = stack_samples(
            [sentences[i] for i in train_idx],
            [found[i] for i in train_idx],
            [context_of[i] for i in train_idx],
            _local(_by_debate(sentences, train_logits), train_idx),
        )
        train_labels = [labels[i] for i in train_idx]
        weights = trainer.train(train_samples, train_labels)
        picked = trainer.best_threshold(trainer.predict(weights, train_samples), train_labels)
        bow_weights = trainer.prune(
            trainer.train([bow_samples[i] for i in train_idx], train_labels)
        )
        test_logits = {i: logit(texts[i], bow_weights) for i in test_idx}
        test_samples = stack_samples(
            [sentences[i] for i in test_idx],
            [found[i] for i in test_idx],
            [context_of[i] for i in test_idx],
            _local(_by_debate(sentences, test_logits), test_idx),
        )
        scored = zip(test_idx, test_samples, trainer.predict(weights, test_samples), strict=True)
        for i, sample, score in scored:
            stacked[i] = score
            features_of = {name: value for name, value in sample.items() if name != "bias"}
            combined[i] = combined_score(_logit(score), features_of)
            bow_scores[i] = _sigmoid(test_logits[i])
            thresholds[i] = picked.threshold
    return Stacked(bow=bow_scores, stacked=stacked, combined=combined, thresholds=thresholds)


def _local(
    look_up: Callable[[int, str], float], indices: Sequence[int]
) -> Callable[[int, str], float]:
    """A look-up by position in a subset, for one by position in the whole."""
    return lambda position, text: look_up(indices[position], text)


def at_thresholds(
    scores: Sequence[float], labels: Sequence[bool], thresholds: Sequence[float]
) -> trainer.Scores:
    """Precision, recall and F1 with each score held to its own threshold.

    The reported threshold is their mean.

    >>> at_thresholds([0.6, 0.6], [True, False], [0.5, 0.7]).f1
    1.0
    """
    flags = [score >= limit for score, limit in zip(scores, thresholds, strict=True)]
    scored = trainer.precision_recall_f1([float(f) for f in flags], labels, 0.5)
    mean = sum(thresholds) / len(thresholds) if thresholds else 0.0
    return attrs.evolve(scored, threshold=round(mean, 4))


def _logit(probability: float) -> float:
    bounded = min(max(probability, 1e-12), 1.0 - 1e-12)
    return math.log(bounded / (1.0 - bounded))


def _sigmoid(value: float) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exp = math.exp(value)
    return exp / (1.0 + exp)


def evaluate_claimbuster(path: str | pathlib.Path, *, folds: int = 5) -> dict[str, Any]:
    """Cross-validated precision, recall and F1 of the check-worthy class (CFS).

    Folds are grouped by ``doc_id``, so no debate is in both training and test; see
    :func:`stacked_cross_validate`. Each score's figures are given at the threshold that
    maximises F1 on the held-out scores (as the training scripts pick the shipped
    thresholds) and at 0.5; the stacked score's also with each fold held to the
    threshold its stacker picked on its own training debates.

    Args:
        path: The ClaimBuster crowdsourced sentences as JSON Lines.
        folds: How many folds (at least 3: the inner cross-validation needs 2).

    Returns:
        A JSON-ready summary.
    """
    _, sentences = read_sentences(path, file_format="claimbuster")
    labels = [s.positive for s in sentences]
    groups = [s.group for s in sentences]
    started = time.perf_counter()
    result = stacked_cross_validate(sentences, folds=folds)
    return {
        "data": str(path),
        "sentences": len(sentences),
        "positives": sum(labels),
        "documents": len(set(groups)),
        "folds": folds,
        "grouped_by": "doc_id",
        # The bag-of-words figures, also at the top level as before the claim score.
        "best_threshold": _figures(trainer.best_threshold(result.bow, labels)),
        "at_0.5": _figures(trainer.precision_recall_f1(result.bow, labels, 0.5)),
        "bag_of_words": {
            "best_threshold": _figures(trainer.best_threshold(result.bow, labels)),
            "at_0.5": _figures(trainer.precision_recall_f1(result.bow, labels, 0.5)),
        },
        "learned_stacker": {
            "best_threshold": _figures(trainer.best_threshold(result.stacked, labels)),
            "at_0.5": _figures(trainer.precision_recall_f1(result.stacked, labels, 0.5)),
            "threshold_of_each_fold": _figures(
                at_thresholds(result.stacked, labels, result.thresholds)
            ),
        },
        "claim_score_with_prior": {
            "best_threshold": _figures(trainer.best_threshold(result.combined, labels)),
            "at_shipped_threshold": _figures(
                trainer.precision_recall_f1(result.combined, labels, _claims_threshold())
            ),
        },
        "seconds": round(time.perf_counter() - started, 1),
    }


def evaluate_clef(path: str | pathlib.Path, *, folds: int = 5) -> dict[str, Any]:
    """The shipped models on CLEF 2019 task 1, and a CLEF-trained cross-validation.

    The shipped bag-of-words model and claim score (both trained on ClaimBuster only)
    are scored at their own thresholds and at the threshold best for CLEF, with CLEF's
    own measure, the mean over debates of the average precision of the ranking. Then,
    unless folds is 0, a bag-of-words model is trained and tested on CLEF itself, folds
    grouped by ``doc_id``.

    Args:
        path: CLEF 2019 check-worthiness sentences as JSON Lines (label 1 = check-worthy).
        folds: Folds of the CLEF cross-validation; 0 skips it.

    Returns:
        A JSON-ready summary.
    """
    _, sentences = read_sentences(path, file_format="clef")
    texts = [s.text for s in sentences]
    labels = [s.positive for s in sentences]
    groups = [s.group for s in sentences]
    shipped = [worthiness(text).score for text in texts]
    context_of = contexts(sentences)
    found = mentions(sentences)
    claim_scores = [
        analyse(s.text, found[i], context=context_of[i]).score for i, s in enumerate(sentences)
    ]
    claim_threshold = _claims_threshold()
    result: dict[str, Any] = {
        "data": str(path),
        "sentences": len(texts),
        "positives": sum(labels),
        "documents": len(set(groups)),
        "questioners_sentences": sum(c.role is Role.QUESTION for c in context_of),
        "shipped_model": {
            "at_shipped_threshold": _figures(
                trainer.precision_recall_f1(shipped, labels, _model().threshold)
            ),
            "best_threshold": _figures(trainer.best_threshold(shipped, labels)),
            "mean_average_precision": round(_mean_average_precision(shipped, labels, groups), 4),
        },
        "claim_score": {
            "at_shipped_threshold": _figures(
                trainer.precision_recall_f1(claim_scores, labels, claim_threshold)
            ),
            "best_threshold": _figures(trainer.best_threshold(claim_scores, labels)),
            "mean_average_precision": round(
                _mean_average_precision(claim_scores, labels, groups), 4
            ),
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


def _claims_threshold() -> float:
    # Read at call time, not import time: the training script rewrites the weights.
    from claimtrack._claims import _score_model  # noqa: PLC0415

    return _score_model().threshold


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
