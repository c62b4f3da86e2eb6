"""Tests of sentence splitting."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given

from claimtrack import split_sentences

from .strategies import any_text, prose


class TestSplit:
    """Where sentences end and where they do not."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Mr Lavrov spoke. Then he left.", ["Mr Lavrov spoke.", "Then he left."]),
            ("The U.S. Army came. It left.", ["The U.S. Army came.", "It left."]),
            ("It fell to No. 3 in Dec. last year.", ["It fell to No. 3 in Dec. last year."]),
            ("It cost $3.5 million. Why?", ["It cost $3.5 million.", "Why?"]),
            ("James M. Smith said so. Yes!", ["James M. Smith said so.", "Yes!"]),
            ("He said: “We won.” They cheered.", ["He said: “We won.”", "They cheered."]),
            ("Wait... what? No.", ["Wait... what?", "No."]),
            ("One line\nAnother line", ["One line", "Another line"]),
            ("It grew (by 4%). Good.", ["It grew (by 4%).", "Good."]),
            ("It is done in the U.S. The end.", ["It is done in the U.S.", "The end."]),
            ("The Post 9/11 G.I. Bill. I wrote it.", ["The Post 9/11 G.I. Bill.", "I wrote it."]),
            ("No. We cut them.", ["No.", "We cut them."]),
            ("We met at 3 p.m. The talks ended.", ["We met at 3 p.m.", "The talks ended."]),
            ("At 2:46 p.m. EST we met.", ["At 2:46 p.m. EST we met."]),
            ("1. If he will list them.", ["1. If he will list them."]),
            ("Q1. If he will list them.", ["Q1. If he will list them."]),
            (
                "Am 8. November kam er. Wir zählten 12. Dann",
                ["Am 8. November kam er.", "Wir zählten 12.", "Dann"],
            ),
            (
                "Sens. Graham and Reed came. Rt. Hon. Ann Lee left.",
                ["Sens. Graham and Reed came.", "Rt. Hon. Ann Lee left."],
            ),
        ],
    )
    def test_split(self, text: str, expected: list[str]) -> None:
        """Sentences end at terminal punctuation, not after abbreviations or decimals."""
        assert expected == [s.text for s in split_sentences(text)]

    def test_hard_wrapped(self) -> None:
        """In text wrapped at a width, a line break inside a sentence does not end it."""
        text = (
            "We still don't have one for a large part\nof the government. As I indicated to\n"
            "some of you, the Chief of Staff met with Speaker\nGingrich last night.\n\nNext one."
        )
        assert [
            "We still don't have one for a large part\nof the government.",
            (
                "As I indicated to\nsome of you, the Chief of Staff met with Speaker\n"
                "Gingrich last night."
            ),
            "Next one.",
        ] == [s.text for s in split_sentences(text)]

    def test_lines_of_sentences_are_not_wrapped(self) -> None:
        """Lines that each end a sentence, with short lines between, are not wrapped text."""
        text = "Thank you.\nRhode Island had the biggest drop in the country.\nGovernor?\nYes"
        assert 4 == len(split_sentences(text))

    def test_offsets_into_whole_text(self) -> None:
        """Offsets of a sub-range index the whole text."""
        text = "Skip me. Take this. And this."
        assert [
            (9, 19),
            (20, 29),
        ] == [(s.start, s.end) for s in split_sentences(text, 9, len(text))]

    def test_long_sentence_is_linear(self) -> None:
        """A megabyte with no sentence end is one sentence, split in linear time."""
        text = "word " * 200_000
        assert 1 == len(split_sentences(text))

    def test_hostile_dots(self) -> None:
        """Long runs of dots and abbreviations complete."""
        assert split_sentences("." * 100_000 + " A")
        assert split_sentences("Mr. " * 50_000)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Thank you. (Applause) We won.", ["Thank you.", "(Applause)", "We won."]),
            ("Yes. [Laughter.] [Applause] No.", ["Yes.", "[Laughter.]", "[Applause]", "No."]),
            ("Yes. (Applause)\nNext.", ["Yes.", "(Applause)", "Next."]),
            ("Done. (Inaudible) remarks followed.", ["Done.", "(Inaudible) remarks followed."]),
            ("We won (laughter) and left.", ["We won (laughter) and left."]),
        ],
    )
    def test_stage_directions_between_sentences(self, text: str, expected: list[str]) -> None:
        """A bracketed direction between sentences is a sentence of its own, not a start."""
        assert expected == [s.text for s in split_sentences(text)]

    def test_hostile_stage_directions(self) -> None:
        """Long runs of bracketed words after sentence ends complete."""
        assert split_sentences("A. (B) " * 50_000)
        assert split_sentences("A. (" + "B" * 100_000)


class TestWrappedLines:
    def test_line_broken_before_a_lower_case_word(self) -> None:
        """A line without a closing mark, the next opening in lower case, goes on."""
        text = "MR. SMITH said that the plant\nwill be closed in June.\nThe end."
        assert ["MR. SMITH said that the plant\nwill be closed in June.", "The end."] == [
            s.text for s in split_sentences(text)
        ]

    def test_line_ending_a_sentence_ends_it(self) -> None:
        """A closing mark, or a capital on the next line, ends the line's sentence."""
        text = "We met.\nthen we left\nAnd we came back"
        assert ["We met.", "then we left", "And we came back"] == [
            s.text for s in split_sentences(text)
        ]


class TestProperties:
    """Properties for any text."""

    @given(any_text)
    def test_spans_slice_to_text(self, text: str) -> None:
        """Every sentence's span slices back to its text, with no outer whitespace."""
        for s in split_sentences(text):
            assert text[s.start : s.end] == s.text
            assert s.text == s.text.strip()

    @given(prose)
    def test_sentences_cover_words_in_order(self, text: str) -> None:
        """Sentences come in order, do not overlap, and drop no words."""
        sentences = split_sentences(text)
        assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))
        assert text.split() == " ".join(s.text for s in sentences).split()


class TestSentence:
    """A sentence's fields are checked as attrs checks them."""

    @pytest.mark.parametrize(
        ("args", "error"),
        [((-1, 2, "x"), ValueError), ((1.0, 2, "x"), TypeError), ((1, 2, 3), TypeError)],
    )
    def test_bad_fields(self, args: tuple[object, object, object], error: type) -> None:
        """A negative offset is a ValueError, a wrong type a TypeError."""
        from claimtrack._sentences import Sentence

        with pytest.raises(error):
            Sentence(*args)  # type: ignore[arg-type]
