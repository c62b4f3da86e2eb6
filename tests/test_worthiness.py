"""Tests of the check-worthiness scorer, its trainer and its evaluation."""

from __future__ import annotations

import json
import math
import pathlib

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import _worthiness_train as trainer
from claimtrack._evaluate_claims import (
    detect_format,
    evaluate_claimbuster,
    evaluate_clef,
    read_labelled,
)
from claimtrack._worthiness import (
    TOP_FEATURES,
    Worthiness,
    features,
    logit,
    tokens,
    worthiness,
    worthiness_threshold,
)
from claimtrack.evaluate import main
from claimtrack.exceptions import SerializationError

CHECK_WORTHY = "Unemployment rose to 9.5 percent in 2010."

# Synthetic sentences, made up for the tests: none comes from the research data.
_FACTS = (
    "Taxes rose by {n} percent in {year}.",
    "We spent ${n} billion on roads in {year}.",
    "The deficit grew to {n} billion dollars in {year}.",
    "Exports fell {n} percent between {year} and 2001.",
)
_CHATTER = (
    "Thank you, {name}.",
    "I think {name} is a fine person.",
    "Good evening and welcome.",
    "Let me say something about {name}.",
)


class TestTokens:
    """Tokens: words lower-cased, numbers as shapes."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Taxes rose 3%.", ["taxes", "rose", "<pct>"]),
            ("In 1999 we paid $20.", ["in", "<year>", "we", "paid", "<money>"]),
            (
                "It's the 3rd time, 12 times?",
                ["it's", "the", "<ord>", "time", "<num>", "times", "?"],
            ),
            ("", []),
        ],
    )
    def test_tokens(self, text: str, expected: list[str]) -> None:
        """Numbers become shape tokens and words are lower-cased."""
        assert expected == tokens(text)

    def test_cues(self) -> None:
        """A dated percentage in the past has the quantity, year, percent and past cues."""
        names = {name for name in features(CHECK_WORTHY) if name.startswith("cue:")}
        assert {"cue:pct", "cue:year", "cue:quantity", "cue:past"} <= names


class TestWorthiness:
    """The shipped model's scores."""

    def test_check_worthy(self) -> None:
        """A dated statistic scores above the threshold."""
        result = worthiness(CHECK_WORTHY)
        assert True is (result.score > worthiness_threshold())
        assert True is result.check_worthy

    @pytest.mark.parametrize("text", ["Thank you very much.", "I think he is a good man."])
    def test_not_check_worthy(self, text: str) -> None:
        """Greetings and opinions score below the threshold."""
        assert False is worthiness(text).check_worthy

    def test_features_explain_score(self) -> None:
        """At most TOP_FEATURES named contributions, largest first."""
        result = worthiness(CHECK_WORTHY)
        sizes = [abs(contribution) for _, contribution in result.features]
        assert True is (0 < len(result.features) <= TOP_FEATURES)
        assert sorted(sizes, reverse=True) == sizes

    def test_deterministic(self) -> None:
        """The same sentence always gets the same result."""
        assert worthiness(CHECK_WORTHY) == worthiness(CHECK_WORTHY)

    def test_frozen(self) -> None:
        """Results are immutable values."""
        result = worthiness(CHECK_WORTHY)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            result.score = 0.0  # type: ignore[misc]

    @given(st.text(max_size=400))
    def test_any_text(self, text: str) -> None:
        """Any text at all gets a score in [0, 1] without an exception."""
        result = worthiness(text)
        assert isinstance(result, Worthiness)
        assert True is (0.0 <= result.score <= 1.0)


class TestTrainer:
    """The pure-Python trainer and measures."""

    def test_group_folds_keep_groups_whole(self) -> None:
        """No group is split between folds."""
        groups = ["a", "b", "c", "d", "e"] * 3
        folds = trainer.group_folds(groups, 5)
        assert 5 == len({(group, fold) for group, fold in zip(groups, folds, strict=True)})

    def test_too_few_groups(self) -> None:
        """Asking for more folds than groups is an error."""
        with pytest.raises(ValueError, match="cannot make 3 folds from 2 groups"):
            trainer.group_folds(["a", "b"], 3)

    def test_train_is_deterministic(self) -> None:
        """The same data give the same weights."""
        samples = [features(text) for text in _sentences(8)[0]]
        labels = _sentences(8)[1]
        assert trainer.train(samples, labels) == trainer.train(samples, labels)

    def test_mismatched_labels(self) -> None:
        """One label per sample is required."""
        with pytest.raises(ValueError, match="2 samples but 1 labels"):
            trainer.train([{}, {}], [True])


class TestEvaluate:
    """The evaluation entry points on a tiny synthetic file."""

    def test_claimbuster(self, tmp_path: pathlib.Path) -> None:
        """Cross-validation separates synthetic facts from chatter."""
        path = _write(tmp_path / "cb.jsonl", "CFS", "NFS")
        result = evaluate_claimbuster(str(path), folds=5)
        assert 80 == result["sentences"]
        assert 40 == result["positives"]
        assert 10 == result["documents"]
        assert 1.0 == result["best_threshold"]["f1"]

    def test_clef(self, tmp_path: pathlib.Path) -> None:
        """The shipped model and a CLEF cross-validation are both measured."""
        path = _write(tmp_path / "clef.jsonl", 1, 0)
        result = evaluate_clef(str(path))
        assert 40 == result["positives"]
        assert True is (result["shipped_model"]["mean_average_precision"] > 0.9)
        assert 1.0 == result["cross_validation"]["best_threshold"]["f1"]

    def test_bad_line(self, tmp_path: pathlib.Path) -> None:
        """A line without a label is reported with its file and line number."""
        path = tmp_path / "bad.jsonl"
        path.write_text('{"doc_id": "d", "text": "x"}\n', encoding="utf-8")
        with pytest.raises(SerializationError, match=r"bad\.jsonl:1:"):
            read_labelled(path)


def _sentences(per_kind: int) -> tuple[list[str], list[bool]]:
    texts: list[str] = []
    labels: list[bool] = []
    for i in range(per_kind):
        year = 1980 + i
        for template in _FACTS:
            texts.append(template.format(n=i + 2, year=year))
            labels.append(True)
        for template in _CHATTER:
            texts.append(template.format(name=("Jim", "Ann", "Bob", "Sue")[i % 4]))
            labels.append(False)
    return texts, labels


def _write(path: pathlib.Path, positive: object, negative: object) -> pathlib.Path:
    texts, labels = _sentences(10)
    with path.open("w", encoding="utf-8") as out:
        for index, (text, label) in enumerate(zip(texts, labels, strict=True)):
            row = {
                "doc_id": f"debate-{index // 8}",
                "text": text,
                "label": positive if label else negative,
            }
            out.write(json.dumps(row) + "\n")
    return path


class TestClaimsCommand:
    """`python -m claimtrack.evaluate claims` on tiny synthetic files."""

    def test_claimbuster(self, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A ClaimBuster-like file is told by its labels and cross-validated."""
        path = _write(tmp_path / "cb.jsonl", "CFS", "NFS")
        assert 0 == main(["claims", str(path)])
        out = capsys.readouterr().out
        assert "claimbuster, 80 sentences, 40 positive, 10 debates" in out
        assert "claim score" in out

    def test_clef(self, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A CLEF file is scored with the shipped models, with mean average precision."""
        path = _write(tmp_path / "clef.jsonl", 1, 0)
        assert 0 == main(["claims", str(path), "--format", "clef"])
        assert "MAP=" in capsys.readouterr().out

    def test_missing_file(self, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing file is a one-line error and exit status 2."""
        assert 2 == main(["claims", str(tmp_path / "none.jsonl")])
        assert 1 == len(capsys.readouterr().err.strip().splitlines())

    def test_stacked_beats_chance(self, tmp_path: pathlib.Path) -> None:
        """The nested stacked cross-validation separates synthetic facts from chatter."""
        result = evaluate_claimbuster(_write(tmp_path / "cb.jsonl", "CFS", "NFS"), folds=5)
        assert 1.0 == result["learned_stacker"]["best_threshold"]["f1"]
        assert True is (result["claim_score_with_prior"]["best_threshold"]["f1"] > 0.9)

    def test_detect_format(self) -> None:
        """ClaimBuster is told by its fields or labels, anything else is CLEF."""
        assert ["claimbuster", "claimbuster", "clef"] == [
            detect_format({"sentence_id": 1, "label": "NFS"}),
            detect_format({"label": "CFS"}),
            detect_format({"label": 0}),
        ]


class TestLogit:
    """The bag-of-words log-odds the claim score stacks on."""

    def test_matches_score(self) -> None:
        """The sigmoid of the log-odds is the worthiness score."""
        value = logit(CHECK_WORTHY)
        assert round(worthiness(CHECK_WORTHY).score, 9) == round(1 / (1 + math.exp(-value)), 9)

    def test_other_weights(self) -> None:
        """Given weights, the log-odds use them instead of the shipped ones."""
        assert 2.0 == round(logit("Taxes", {"bias": 1.0, "w:taxes": math.sqrt(3)}), 9)


class TestFastLogit:
    """The shipped model's fast log-odds equal the generic sum over named features."""

    SENTENCES = (
        "",
        "?",
        "I think so.",
        "We spent $ 3 billion, 45 % of it, 9 per cent and 7percent in the 1990s.",
        "On the 3rd, we'll say it: ſaid We’ll İstanbul ran, and we believe it?",
        "Taxes rose by 12 percent in 2010, the Senate said.",
        "Thank you very much. Thank you very much.",
    )

    @pytest.mark.parametrize("sentence", SENTENCES)
    def test_same_as_generic(self, sentence: str) -> None:
        """`logit` with the shipped weights is the same to the last bit either way."""
        from claimtrack._worthiness import _model

        assert logit(sentence, _model().weights) == logit(sentence)

    @given(st.text(alphabet="aeiouedrstIW$%?’'.,;: 0123456789\n", max_size=80) | st.text())
    def test_any_text(self, sentence: str) -> None:
        """Any text gets the same log-odds from both paths."""
        from claimtrack._worthiness import _model

        assert logit(sentence, _model().weights) == logit(sentence)
