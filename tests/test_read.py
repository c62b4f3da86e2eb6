"""Tests of reading transcripts."""

from __future__ import annotations

import datetime as dt
import itertools
import pathlib
from typing import Any

import pytest
from hypothesis import given

import claimtrack
from claimtrack import Role, parse_transcript, read_transcript
from claimtrack.exceptions import (
    ClaimtrackError,
    NoDateError,
    TranscriptError,
    TranscriptNotFoundError,
)

from .strategies import any_text, prose


class TestReferenceTranscript:
    """The reference interview, in its web-export layout."""

    def test_published_from_glued_header(self, example: claimtrack.Transcript) -> None:
        """The date glued to the time in the first line gives the publication date-time."""
        assert dt.datetime(2017, 12, 28, 16, 8) == example.published

    def test_title(self, example: claimtrack.Transcript) -> None:
        """The title is the first line after the date."""
        expected = (
            "Foreign Minister Sergey Lavrov’s interview with Interfax news agency, "
            "December 28, 2017"
        )
        assert expected == example.title

    def test_language_links(self, example: claimtrack.Transcript) -> None:
        """The line of language links gives the other versions and is boilerplate."""
        assert ("de-DE", "en-GB", "es-ES", "ru-RU", "fr-FR") == example.languages
        assert "de-DE1" in example.text[slice(*example.boilerplate[0])]

    def test_turns_match_gold(self, example: claimtrack.Transcript, gold: dict[str, Any]) -> None:
        """Speakers and turn openings are those of the hand-made gold."""
        expected = [(t["speaker"], t["starts_with"]) for t in gold["turns"]]
        actual = [
            (turn.speaker, example.text[turn.start : turn.start + len(want)])
            for turn, (_, want) in zip(example.turns, expected, strict=False)
        ]
        assert expected == actual
        assert len(expected) == len(example.turns)

    def test_roles(self, example: claimtrack.Transcript) -> None:
        """Question turns are questions and Lavrov's turns answers."""
        assert [Role.QUESTION, Role.ANSWER] * 3 == [t.role for t in example.turns]

    def test_debris_in_no_turn(self, example: claimtrack.Transcript) -> None:
        """The trailing `Advanced settings` belongs to no turn."""
        where = example.text.index("Advanced settings")
        assert not any(t.start <= where < t.end for t in example.turns)
        assert example.text.rstrip().endswith("Advanced settings")


class TestLayouts:
    """Other transcript layouts."""

    def test_upper_case_labels(self) -> None:
        """`NAME:` labels in capitals are speakers, written in title case."""
        text = (
            "May 3, 2015\n\nJOHN DICKERSON: Did you raise taxes?\n\n"
            "JEB BUSH: No. We cut them by $19 billion.\n\n"
            "JOHN DICKERSON: Why?\n\nJEB BUSH: Because it worked."
        )
        t = parse_transcript(text)
        assert ("John Dickerson", "Jeb Bush") == t.speakers
        assert [Role.QUESTION, Role.ANSWER] * 2 == [turn.role for turn in t.turns]
        assert "No. We cut them by $19 billion." == t.text[t.turns[1].start : t.turns[1].end]

    def test_plain_speech(self) -> None:
        """A speech with no labels is one statement by the speaker the caller names."""
        t = parse_transcript(
            "Remarks on energy\n\nWe built four plants. They work.",
            published="2019-04-02",
            speaker="Ann Smith",
        )
        assert 1 == len(t.turns)
        assert ("Ann Smith", Role.STATEMENT) == (t.turns[0].speaker, t.turns[0].role)
        assert "We built four plants. They work." == t.text[t.turns[0].start : t.turns[0].end]

    def test_colon_in_prose_is_not_a_label(self) -> None:
        """A one-off capitalised phrase before a colon in a labelled text is prose."""
        text = (
            "Question: Is it true?\n\nAnn Lee: Yes.\nOne thing is clear: it is.\n\n"
            "Question: And?\n\nAnn Lee: No."
        )
        t = parse_transcript(text, published="2020-01-01")
        assert ("Question", "Ann Lee") == t.speakers
        assert 4 == len(t.turns)

    def test_date_given_wins(self) -> None:
        """A date the caller gives is used even where the text has one."""
        t = parse_transcript("1 May 2001\n\nSome words.", published=dt.date(2002, 2, 2))
        assert dt.datetime(2002, 2, 2) == t.published

    def test_crlf_offsets(self) -> None:
        """Windows line ends are kept and offsets index them."""
        text = "28 December 2017\r\n\r\nQuestion: Why?\r\n\r\nAnn: Because.\r\n"
        t = parse_transcript(text)
        assert ["Why?", "Because."] == [t.text[x.start : x.end] for x in t.turns]


class TestErrors:
    """Bad input gets a clear error from the one hierarchy."""

    def test_no_date(self) -> None:
        """No date in the text and none given is a NoDateError naming the remedy."""
        with pytest.raises(NoDateError, match="--date"):
            parse_transcript("Question: Why?\n\nAnn: Because.")

    def test_bad_date_given(self) -> None:
        """A date that is not ISO is an error saying how to write it."""
        with pytest.raises(NoDateError, match="YYYY-MM-DD"):
            parse_transcript("Words.", published="yesterday")

    def test_empty(self, tmp_path: pathlib.Path) -> None:
        """An empty file is an error naming the file."""
        path = tmp_path / "empty.txt"
        path.write_text(" \n")
        with pytest.raises(TranscriptError, match=r"empty\.txt: the transcript is empty"):
            read_transcript(path)

    def test_missing(self, tmp_path: pathlib.Path) -> None:
        """A missing file is a TranscriptNotFoundError, also a FileNotFoundError."""
        with pytest.raises(FileNotFoundError, match="no such file"):
            read_transcript(tmp_path / "nope.txt")

    def test_directory(self, tmp_path: pathlib.Path) -> None:
        """A directory is not a transcript."""
        with pytest.raises(TranscriptNotFoundError, match="is a directory"):
            read_transcript(tmp_path)

    def test_binary(self, tmp_path: pathlib.Path) -> None:
        """A binary file is refused."""
        path = tmp_path / "x.bin"
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
        with pytest.raises(TranscriptError, match="binary"):
            read_transcript(path)

    def test_undecodable(self, tmp_path: pathlib.Path) -> None:
        """Latin-1 text is refused with the offset of the first bad byte."""
        path = tmp_path / "latin.txt"
        path.write_bytes("1 May 2001\nCafé".encode("latin-1"))
        with pytest.raises(TranscriptError, match="byte 14 is not UTF-8"):
            read_transcript(path)

    def test_hierarchy(self) -> None:
        """Every reader error is a ClaimtrackError."""
        assert issubclass(TranscriptNotFoundError, ClaimtrackError)
        assert issubclass(NoDateError, ClaimtrackError)


class TestProperties:
    """Properties that hold for any text."""

    @given(any_text)
    def test_any_text_parses_or_fails_cleanly(self, text: str) -> None:
        """Any text with a date given parses, or is refused as empty."""
        try:
            t = parse_transcript(text, published="2020-01-01")
        except TranscriptError:
            assert not text.strip()
            return
        for turn in t.turns:
            assert 0 <= turn.start < turn.end <= len(text)
            assert text[turn.start : turn.end].strip() == text[turn.start : turn.end]

    @given(prose)
    def test_turns_in_order(self, text: str) -> None:
        """Turns never overlap and come in text order."""
        if not text.strip():
            return
        t = parse_transcript(text, published="2020-01-01")
        ends = [(turn.start, turn.end) for turn in t.turns]
        assert sorted(ends) == ends
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))
