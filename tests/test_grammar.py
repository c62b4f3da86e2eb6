"""Tests of the main-clause reader."""

from __future__ import annotations

import pytest

from claimtrack._grammar import main_clause


class TestMainClause:
    """Tense, verb and aspect of a sentence's main clause."""

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            ("The agreement was signed on May 5.", ("past", "signed", False)),
            ("The meeting was held in Sochi.", ("past", "held", False)),
            ("They were killed in 2016.", ("past", "killed", False)),
            ("We were concerned about it.", ("past", "were", True)),
            ("It was based on trust.", ("past", "was", True)),
            ("The main task was to protect national interests.", ("past", "was", True)),
            ("It was different.", ("past", "was", True)),
            ("The situation in Syria remains complicated.", ("present", "remains", True)),
            ("We continue to work on it.", ("present", "continue", True)),
            ("Putin held talks with Erdogan.", ("past", "held", False)),
            ("They held a joint meeting.", ("past", "held", False)),
            ("Russia held the rotating chairmanship.", ("past", "held", True)),
        ],
    )
    def test_clause(self, sentence: str, expected: tuple[str, str, bool]) -> None:
        """Passives of a happening are past events; linking verbs and states are not."""
        clause = main_clause(sentence)
        assert expected == (clause.tense, clause.verb, clause.durative)

    def test_long_sentence(self) -> None:
        """A very long sentence is read in one pass."""
        assert "past" == main_clause("It " + "was " * 100_000 + "signed.").tense
