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


class TestWebLayouts:
    """Layouts of other publishers' transcripts, as their web pages export them."""

    def test_briefing_header(self) -> None:
        """Title, byline, place, date and time lines make a header that is no turn."""
        text = (
            "Department Press Briefing - March 8, 2018\n\nJane Roe\nDepartment Press Briefing\n"
            "Washington, DC\nMarch 8, 2018\n\n\n2:46 p.m. EST\n\n"
            "MS ROE: Hi, everybody.\n\nQUESTION: Is it true?\n\nMS ROE: It is."
        )
        t = parse_transcript(text)
        assert dt.datetime(2018, 3, 8, 14, 46) == t.published
        assert "Department Press Briefing - March 8, 2018" == t.title
        assert ("Ms Roe", "Question") == t.speakers
        assert "Hi, everybody." == t.text[t.turns[0].start : t.turns[0].end]

    def test_q_without_colon(self) -> None:
        """The White House's `Q` label without a colon marks the questions."""
        text = (
            "For Immediate Release April 1, 1997\n\n2:24 P.M. EST\n\nQ Is it true?\n\n"
            "MR. MCCURRY: It is.\n\nQ    And the budget?\n\nMR. MCCURRY: Not yet.\n\n"
            "                END                 2:58 P.M. EST\n"
        )
        t = parse_transcript(text)
        assert [("Q", Role.QUESTION), ("Mr. McCurry", Role.ANSWER)] * 2 == [
            (turn.speaker, turn.role) for turn in t.turns
        ]
        assert "Not yet." == t.text[t.turns[-1].start : t.turns[-1].end]
        assert "END                 2:58 P.M. EST" == t.text[slice(*t.boilerplate[-1])]

    def test_stage_directions(self) -> None:
        """Stage directions and separators on lines of their own end no turn's text."""
        text = (
            "May 3, 2015\nCOOPER: Welcome.\n(APPLAUSE)\nWEBB: Thank you.\n"
            "(CHEERING) (APPLAUSE)\n* * *\nCOOPER: Next."
        )
        t = parse_transcript(text)
        assert ["Welcome.", "Thank you.", "Next."] == [t.text[x.start : x.end] for x in t.turns]
        assert ["(APPLAUSE)", "(CHEERING) (APPLAUSE)", "* * *"] == [
            t.text[s:e] for s, e in t.boilerplate
        ]

    def test_hansard_labels(self) -> None:
        """Constituencies, parties and names in brackets after a label are not the speaker."""
        text = (
            "Wednesday 26 January 2022\n\nThe Prime Minister was asked—\n\n"
            "Kate Osamor (Edmonton) (Lab/Co-op): 1. If he will list his engagements.\n\n"
            "The Prime Minister (Boris Johnson): This morning I had meetings.\n\n"
            "Kate Osamor: Did he agree?\n\nThe Prime Minister: No, of course not."
        )
        t = parse_transcript(text)
        assert dt.datetime(2022, 1, 26) == t.published
        assert ("Kate Osamor", "The Prime Minister") == t.speakers
        assert 4 == len(t.turns)

    def test_apposition_and_surname(self) -> None:
        """`NAME, ROLE:` names the speaker, and the surname alone later is the same one."""
        text = (
            "ANDERSON COOPER, CNN ANCHOR: Good evening.\n"
            "CHAFEE: Thank you.\nCOOPER: Senator Webb?\nCHAFEE: Yes."
        )
        t = parse_transcript(text, published="2015-10-13")
        assert ["Anderson Cooper", "Chafee", "Anderson Cooper", "Chafee"] == [
            x.speaker for x in t.turns
        ]

    def test_party_and_office_in_capitals(self) -> None:
        """CNN's `NAME (PARTY), OFFICE:` and a long apposition in capitals are labels;
        initials keep their capitals."""
        text = (
            "JAKE TAPPER, CNN HOST: Welcome.\n\n"
            "SEN. J.D. VANCE (R-OH), VICE PRESIDENTIAL CANDIDATE: I have nothing against cats.\n\n"
            "TAPPER: And Trump?\n\n"
            "DONALD TRUMP, FORMER PRESIDENT OF THE UNITED STATES (R) AND CURRENT U.S. "
            "PRESIDENTIAL CANDIDATE: She laughs.\n\nTAPPER: Thanks."
        )
        t = parse_transcript(text, published="2024-07-28")
        assert ("Jake Tapper", "Sen. J.D. Vance", "Donald Trump") == t.speakers

    def test_name_and_office_labels(self) -> None:
        """`Name, Office:` in mixed case is a label (MEA, UN briefings); so is a one-off
        single name (a journalist's, an agency's), and acronyms keep their capitals."""
        text = (
            "April 6, 2023\n\nShri Arindam Bagchi, Official Spokesperson: Good afternoon.\n\n"
            "Sidhant: Sir, Canada?\n\nShri Arindam Bagchi, Official Spokesperson: We acted.\n\n"
            "Raza: Raza from the Hindu. China said no.\n\nCCTV: And Japan?\n\n"
            "Shri Arindam Bagchi, Official Spokesperson: No comment."
        )
        t = parse_transcript(text)
        assert ("Shri Arindam Bagchi", "Sidhant", "Raza", "CCTV") == t.speakers
        assert 6 == len(t.turns)

    @pytest.mark.parametrize("opening", ["Plus", "Remember", "However", "Note"])
    def test_a_word_of_prose_before_a_colon_is_no_label(self, opening: str) -> None:
        """A one-off word of prose opening a line before a colon is no speaker."""
        text = (
            f"May 1, 2020\n\nAnn Lee: Hi.\n\nBo Dee: Yes.\n\n{opening}: we agreed.\n\nAnn Lee: Ok."
        )
        t = parse_transcript(text)
        assert ("Ann Lee", "Bo Dee") == t.speakers

    def test_one_off_speaker_in_hard_wrapped_text(self) -> None:
        """A guest heard once, whose words wrap onto the next line, is a speaker, not a
        `Key: value` line."""
        text = (
            "March 10, 2023\n\nMS. JEAN-PIERRE:  Good afternoon.  The President signed 80\n"
            "bipartisan bills.\n\nMR. KIRBY:  Thanks, Karine.  The United States sent $1.7\n"
            "billion in aid to Ukraine in February.\n\nMS. JEAN-PIERRE:  Thank you, John."
        )
        t = parse_transcript(text)
        assert ["Ms. Jean-Pierre", "Mr. Kirby", "Ms. Jean-Pierre"] == [x.speaker for x in t.turns]

    @pytest.mark.parametrize(
        "turns",
        [
            "**SMITH:** We closed it.\n\n**JONES:** We did not.\n\n**SMITH:** We did.",
            "**SMITH**: We closed it.\n\n**JONES**: We did not.\n\n**SMITH**: We did.",
            (
                "**00:01:39 SMITH**\nWe closed it.\n\n**00:02:10 JONES**\nWe did not.\n\n"
                "**00:02:30 SMITH**\nWe did."
            ),
            (
                "[00:01:39] SMITH: We closed it.\n\n[00:02:10] JONES: We did not.\n\n"
                "[00:02:30] SMITH: We did."
            ),
        ],
    )
    def test_markdown_and_timestamped_labels(self, turns: str) -> None:
        """Labels in bold (with the colon inside or out, or on a line of their own after
        a timestamp) and labels after a bracketed timestamp."""
        t = parse_transcript("**Debate**\n*October 9, 2025*\n\n" + turns)
        assert ["Smith", "Jones", "Smith"] == [x.speaker for x in t.turns if x.speaker]
        assert "We closed it." == t.text[t.turns[-3].start : t.turns[-3].end]

    def test_labels_ending_in_a_full_stop(self) -> None:
        """The American Presidency Project's and the GPO's labels: `The President.`"""
        text = (
            "March 1, 2022\n\nThe President. Thank you. Our economy grew 5.7 percent.\n\n"
            "Audience members. Boo!\n\nThe President. Inflation rose 7 percent in 2021."
        )
        t = parse_transcript(text)
        assert ["The President", "Audience members", "The President"] == [
            x.speaker for x in t.turns
        ]

    @pytest.mark.parametrize("header", ["07 June / 2018", "07 июня / 2018", "07 июня | 2018"])
    def test_year_after_a_separator(self, header: str) -> None:
        """A header's day and month, then its year after a separator."""
        t = parse_transcript(header + "\n\nAnn Lee: We met.")
        assert dt.datetime(2018, 6, 7) == t.published

    def test_day_and_month_without_a_year_are_no_date(self) -> None:
        """A Russian day and month without a year is no date (never the year 2000), and
        29 February needs a leap year."""
        for header in ("07 июня", "29 февраля / 2019"):
            with pytest.raises(claimtrack.ClaimtrackError, match="no publication date"):
                parse_transcript(header + "\n\nAnn Lee: We met.")

    def test_date_beside_city_clocks_is_the_day_viewed(self) -> None:
        """A date above city clocks is when the page was viewed: the title's earlier date
        is the event's, however long before."""
        text = (
            "26 June 2022\nMoscow: 00:17\nLondon: 22:17\n\n"
            "Foreign Minister Lavrov's answers to TASS questions, Moscow, June 18, 2019\n\n"
            "Question: Why?\n\nSergey Lavrov: Because."
        )
        assert dt.datetime(2019, 6, 18) == parse_transcript(text).published

    def test_wrapped_line_is_not_a_label(self) -> None:
        """A hard-wrapped salutation's last line ending in a colon goes on the line above,
        and an editor's note (with either apostrophe) is no speaker."""
        text = (
            "February 24, 2009\n\nEditor’s Note: Here is the text of the speech:\n\n"
            "Madame Speaker, Mr. Vice President, Members of Congress, and the First\n"
            "Lady of the United States:\n\nI have come here tonight to speak frankly."
        )
        t = parse_transcript(text, speaker="Barack Obama")
        assert ("Barack Obama",) == t.speakers

    def test_long_labels(self) -> None:
        """Labels with joiners and a bracketed note, and a speaker heard once, are turns,
        each named without the offices before the name."""
        text = (
            "10 April 2020\n\nPresident of France Emmanuel Macron (retranslated): Welcome.\n\n"
            "President of Russia Vladimir Putin: Thank you.\n\nDmitry Peskov: Questions.\n\n"
            "Question (retranslated): Will you meet?\n\n"
            "President of Russia Vladimir Putin: We will."
        )
        t = parse_transcript(text)
        assert ("Emmanuel Macron", "Vladimir Putin", "Dmitry Peskov", "Question") == t.speakers

    def test_metadata_is_not_a_turn(self) -> None:
        """A one-off `Key: value` line in the header is metadata, not a speaker."""
        text = (
            "Full Debate: Read Full Debate\nDepartment: Wales Office\n"
            "Wednesday 17th November 2021\n\nAnn Lee: Will he list them?\n\nBo Ray: Yes."
        )
        t = parse_transcript(text)
        assert dt.datetime(2021, 11, 17) == t.published
        assert ("Ann Lee", "Bo Ray") == t.speakers

    def test_indented_labels(self) -> None:
        """Labels indented by the page's layout are labels."""
        text = "July 25, 2017\n\n    MS ROE: Hi.\n\n    QUESTION: Hot?\n\n    MS ROE: Yes."
        t = parse_transcript(text)
        assert ("Ms Roe", "Question") == t.speakers

    def test_words_on_the_next_line(self) -> None:
        """A label with a timestamp may have its words on the next line (rev.com)."""
        text = (
            "September 29, 2020\n\nChris Wallace: (01:20)\nGood evening.\n\n"
            "Joe Biden (02:49):\nHow are you?\n\nChris Wallace: (03:11)\nFine."
        )
        t = parse_transcript(text)
        assert [("Chris Wallace", "Good evening."), ("Joe Biden", "How are you?")] == [
            (x.speaker, t.text[x.start : x.end]) for x in t.turns[:2]
        ]

    def test_heading_with_colon_is_not_a_label(self) -> None:
        """A heading ending in a colon above a text is no speaker."""
        text = "FULL TRANSCRIPT:\nTHIS IS A RUSH TRANSCRIPT.\nCOOPER: Hi.\nWEBB: Yes.\nCOOPER: Ok."
        t = parse_transcript(text, published="2015-10-13")
        assert ("Cooper", "Webb") == t.speakers

    @pytest.mark.parametrize(
        ("header", "expected"),
        [
            ("Wednesday 17th November 2021", dt.datetime(2021, 11, 17)),
            ("Monday, January 15, 2018", dt.datetime(2018, 1, 15)),
            ("January 15th, 2018", dt.datetime(2018, 1, 15)),
            ("15.01.2018", dt.datetime(2018, 1, 15)),
            ("Briefing 5/22/18 [video]", dt.datetime(2018, 5, 22)),
            ("Briefing 22/5/2018", dt.datetime(2018, 5, 22)),
            ("2018-01-15 09:30", dt.datetime(2018, 1, 15, 9, 30)),
            ("15 January 2018\nMoscow\n3:16 P.M. EDT", dt.datetime(2018, 1, 15, 15, 16)),
            ("a\n\nb\n\nc\n\nd\n\ne\n\nf\n\n1 May 2001", dt.datetime(2001, 5, 1)),
        ],
    )
    def test_header_dates(self, header: str, expected: dt.datetime) -> None:
        """Dates are read in the forms publishers print them, in the first non-blank lines."""
        assert expected == parse_transcript(header + "\n\nAnn: Yes.").published

    @pytest.mark.parametrize(
        ("label", "expected"),
        [
            ("MR. MCCURRY", "Mr. McCurry"),
            ("MARTIN O'MALLEY", "Martin O'Malley"),
            ("THE PRESIDENT", "The President"),
            ("SECRETARY OF STATE", "Secretary of State"),
        ],
    )
    def test_names_in_capitals(self, label: str, expected: str) -> None:
        """Labels in capitals are written as names are."""
        text = f"{label}: We did.\n\nQ: Why?\n\n{label}: We could."
        assert expected == parse_transcript(text, published="2020-01-01").turns[0].speaker

    def test_hard_wrapped_header(self) -> None:
        """Header lines end at the first line that breaks off a sentence."""
        text = "March 28, 1996\nThank you, Secretary Cisneros, and\nAssistant Dellinger. Next."
        t = parse_transcript(text, speaker="Ann")
        assert text.index("Thank") == t.turns[0].start

    def test_no_header_of_unpunctuated_lines(self) -> None:
        """Many lines without punctuation are content (subtitles, say), not a header."""
        text = "we went home\n" * 200
        t = parse_transcript(text, published="2020-01-01", speaker="Ann")
        assert (0, len(text) - 1) == (t.turns[0].start, t.turns[0].end)

    def test_remarks_with_end_marks(self) -> None:
        """A speech's trailing `###` and a closing time are boilerplate."""
        text = (
            "Remarks by the President\nJanuary 15, 2018\n\n11:02 A.M. EST\n\n"
            "THE PRESIDENT: Thank you. (Applause.) We built 4 schools.\n\n(Applause.)\n\n"
            "END\n11:40 A.M. EST\n\n###"
        )
        t = parse_transcript(text)
        assert "Remarks by the President" == t.title
        assert dt.datetime(2018, 1, 15, 11, 2) == t.published
        (turn,) = t.turns
        assert "Thank you. (Applause.) We built 4 schools." == t.text[turn.start : turn.end]
        assert ["(Applause.)", "END", "11:40 A.M. EST", "###"] == [
            t.text[s:e] for s, e in t.boilerplate
        ]

    def test_hostile_labels(self) -> None:
        """Long runs of capitalised words, brackets and label-like lines complete."""
        for text in (
            "Ab " * 50_000,
            "Ab Cd (" * 30_000,
            "(A)" * 50_000,
            "Q\n" * 50_000,
            "Ann, " + "B " * 50_000 + ":",
            "AB: x\n" * 20_000,
        ):
            parse_transcript(text, published="2020-01-01")


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


class TestRoles:
    """Who asks and who answers."""

    def test_rhetorical_question_ends_a_speech(self) -> None:
        """A debater's long turn ending in a question, a short one following, is no question."""
        speech = "We built 40 schools and 12 hospitals in the state. " * 8
        text = (
            "ANN LEE: Senator Ray, what is your plan?\n\n"
            f"BO RAY: {speech}Can we afford to wait any longer?\n\n"
            "ANN LEE: Governor Fox, your plan?\n\nCY FOX: We will cut taxes by 5 percent."
        )
        t = parse_transcript(text, published="2015-10-13")
        assert [Role.QUESTION, Role.ANSWER] * 2 == [x.role for x in t.turns]

    def test_long_question_before_a_longer_answer(self) -> None:
        """A journalist's long question, a longer answer following, is a question."""
        question = "You said the economy grew in the first half of the year. " * 8
        answer = "It grew by 4.5 percent, and it will grow further next year. " * 10
        text = f"Ann Lee: {question}Will it grow?\n\nVladimir Putin: {answer}"
        t = parse_transcript(text, published="2021-12-23")
        assert [Role.QUESTION, Role.ANSWER] == [x.role for x in t.turns]


class TestOtherLanguages:
    """Transcripts in German, Spanish, French and Russian, read with their language."""

    @pytest.mark.parametrize(
        ("language", "text", "published", "speakers"),
        [
            (
                "ru",
                "28 декабря 201716:08\n\nВопрос: Как?\n\nС.В.Лавров: 8 ноября мы подписали.",
                dt.datetime(2017, 12, 28, 16, 8),
                ("Вопрос", "С.В.Лавров"),
            ),
            (
                "de",
                "28. Dezember 2017\n\nFrage: Wie?\n\nSergej Lawrow: Wir haben unterzeichnet.",
                dt.datetime(2017, 12, 28),
                ("Frage", "Sergej Lawrow"),
            ),
            (
                "es",
                "28 de diciembre de 2017\n\nPregunta: ¿Qué?\n\nSerguéi Lavrov: Firmamos.",
                dt.datetime(2017, 12, 28),
                ("Pregunta", "Serguéi Lavrov"),
            ),
            (
                "fr",
                "28 décembre 2017 16:08\n\nQuestion: Comment?\n\nSergueï Lavrov: Oui.",
                dt.datetime(2017, 12, 28, 16, 8),
                ("Question", "Sergueï Lavrov"),
            ),
        ],
    )
    def test_date_and_labels(
        self, language: str, text: str, published: dt.datetime, speakers: tuple[str, ...]
    ) -> None:
        """The header's date in the language, labels in its script, its question label."""
        t = parse_transcript(text, language=language)
        assert (published, speakers) == (t.published, t.speakers)
        assert Role.QUESTION == t.turns[0].role

    def test_date_without_the_language(self) -> None:
        """A Russian header date is found even when the language is not given."""
        t = parse_transcript("28 декабря 201716:08\n\nВопрос: Как?\n\nС.В.Лавров: Так.")
        assert (dt.datetime(2017, 12, 28, 16, 8), "en") == (t.published, t.language)


class TestEventDate:
    """The date of the event a title names, against the page's date."""

    def test_title_date_wins(self) -> None:
        """A page's clock above a title dated otherwise gives the title's date."""
        text = (
            "22 September 2020\nMoscow: 00:12\n\n"
            "Foreign Minister Ann Lee's remarks at a news conference, Minsk, June 19, 2020\n\n"
            "Ann Lee: Yesterday we signed a plan.\n\nQuestion: Why?\n\nAnn Lee: Because."
        )
        t = parse_transcript(text)
        assert dt.datetime(2020, 6, 19) == t.published
        (claim,) = [c for c in claimtrack.extract_claims(t) if "Yesterday" in c.text]
        assert "2020-06-18" == (claim.time.value if claim.time else None)

    def test_given_date_wins(self) -> None:
        """A date given by the caller is kept whatever the title says."""
        text = "Remarks, Minsk, June 19, 2020\n\nAnn Lee: We met."
        assert dt.datetime(2020, 7, 1) == parse_transcript(text, published="2020-07-01").published


class TestSpeakerOffices:
    """Speaker labels with offices before the name."""

    def test_offices_dropped(self) -> None:
        """`Foreign Minister of Belarus Vladimir Makei:` is Vladimir Makei speaking."""
        t = parse_transcript(
            "1 March 2020\n\nSergey Lavrov: We met today.\n\n"
            "Foreign Minister of the Republic of Belarus Vladimir Makei: We signed a plan.\n\n"
            "President of Turkey Recep Tayyip Erdogan: We agree.\n\nMs Lee: Thank you.",
        )
        assert ["Sergey Lavrov", "Vladimir Makei", "Recep Tayyip Erdogan", "Ms Lee"] == [
            turn.speaker for turn in t.turns
        ]


class TestOfficialLayouts:
    """Layouts of foreign-ministry and presidential transcripts: briefings, meetings."""

    BRIEFING = (
        "12 March 201815:20\n\n"
        "Briefing by Foreign Ministry Spokesperson Ann Lee, Moscow, March 12, 2018\n\n"
        "  • en-GB1 ru-RU1\n\n"
        "Table of contents\n\n  1. Talks with Ruritania\n  2. Update on Syria\n\n"
        "Talks with Ruritania\n\n"
        "On March 14, the Minister will hold talks with his Ruritanian counterpart.\n\n"
        "Update on Syria\n\n"
        "Over 2,000 refugees returned to Aleppo last week.\n\n"
        "Answers to media questions:\n\n"
        "Question: Will the talks take place?\n\n"
        "Ann Lee: They will. The dates are agreed.\n\n"
        "Situation on the Korean Peninsula\n\n"
        "Question: What about Korea?\n\n"
        "Ann Lee: We support dialogue.\n\n"
        "Advanced settings"
    )

    def test_topic_headings_are_no_sentences(self) -> None:
        """Topic headings between paragraphs are boilerplate that ends a section of a turn."""
        t = parse_transcript(self.BRIEFING)
        headings = ["Update on Syria", "Answers to media questions:"]
        headings.append("Situation on the Korean Peninsula")
        assert all(h in [t.text[s:e] for s, e in t.boilerplate] for h in headings)
        assert [
            "On March 14, the Minister will hold talks with his Ruritanian counterpart.",
            "Over 2,000 refugees returned to Aleppo last week.",
            "Will the talks take place?",
            "They will. The dates are agreed.",
            "What about Korea?",
            "We support dialogue.",
        ] == [t.text[x.start : x.end] for x in t.turns]
        assert list(range(6)) == [x.index for x in t.turns]

    def test_opening_is_the_title_authors(self) -> None:
        """Text before the first label is the labelled speaker whose briefing the title names."""
        t = parse_transcript(self.BRIEFING)
        assert ["Ann Lee", "Ann Lee", "Question", "Ann Lee", "Question", "Ann Lee"] == [
            x.speaker for x in t.turns
        ]
        assert [Role.STATEMENT] * 2 + [Role.QUESTION, Role.ANSWER] * 2 == [x.role for x in t.turns]

    @pytest.mark.parametrize(
        ("title", "expected"),
        [
            ("Foreign Minister Bo Ray’s remarks at talks with Ruritania, Sochi", "Bo Ray"),
            ("Remarks by US Secretary of State Ann Lee at a news conference", "Ann Lee"),
            ("Foreign Minister Bo Ray’s interview with a news agency", None),
            ("Meeting with President of Ruritania Ann Lee", None),
            ("Remarks by the President at a dinner", None),
        ],
    )
    def test_speaker_of_unlabelled_remarks(self, title: str, expected: str | None) -> None:
        """Unlabelled remarks are by the person whose remarks or statement the title names."""
        t = parse_transcript(f"{title}\n\nWe agreed on 3 points.", published="2018-03-12")
        assert expected == t.turns[0].speaker

    def test_banner_above_title_is_nobodys(self) -> None:
        """A banner line above a title that names the remarks' author is not the author's."""
        text = (
            "22 September 2020\nMoscow: 00:12\n\n"
            "933 days have passed since the incident. No response has come.\n\n"
            "Foreign Minister Bo Ray’s statement at a news conference, Minsk, June 19, 2020\n\n"
            "Ladies and gentlemen,\n\nWe signed 4 agreements.\n\nQuestion: And?\n\nBo Ray: No."
        )
        t = parse_transcript(text)
        assert "Foreign Minister Bo Ray’s statement at a news conference, Minsk, June 19, 2020" == (
            t.title
        )
        assert [None, "Bo Ray", "Question", "Bo Ray"] == [x.speaker for x in t.turns]

    def test_label_on_a_line_of_its_own(self) -> None:
        """A label on its own line above the words, a blank line between, is a label."""
        text = (
            "Investment Forum\n\nVladimir Putin took part in the forum.\n\n"
            "November 28, 2018 - 15:15 - Moscow\n\n"
            "President of Russia Vladimir Putin:\n\nGood afternoon, friends,\n\n"
            "The economy grew by 1.5 percent.\n\n"
            "President of Ruritania Ann Lee (retranslated):\n\nThank you."
        )
        t = parse_transcript(text)
        assert dt.datetime(2018, 11, 28, 15, 15) == t.published
        assert "Investment Forum" == t.title
        assert [None, "Vladimir Putin", "Ann Lee"] == [x.speaker for x in t.turns]
        assert "November 28, 2018 - 15:15 - Moscow" in [t.text[s:e] for s, e in t.boilerplate]

    def test_long_label_with_offices(self) -> None:
        """A label with offices joined by a dash is one speaker, named as in shorter labels."""
        text = (
            "December 14, 2023\n\n"
            "Deputy Chief of Staff of the Executive Office – Press Secretary Dmitry Peskov: "
            "Hello.\n\n"
            "President of Russia Vladimir Putin: Good afternoon, colleagues,\n\n"
            "Dmitry Peskov: Let us start.\n\nVladimir Putin: Yes."
        )
        t = parse_transcript(text)
        assert ["Dmitry Peskov", "Vladimir Putin"] * 2 == [x.speaker for x in t.turns]

    def test_address_is_no_metadata(self) -> None:
        """A one-off label before an address ending in a comma is a speaker."""
        text = (
            "January 21, 2020, Government House, Moscow\n\n"
            "President of Russia Vladimir Putin: Good afternoon, colleagues,\n\nWe met.\n\n"
            "Prime Minister Ann Lee: Mr President, colleagues,\n\nThank you."
        )
        t = parse_transcript(text)
        assert dt.datetime(2020, 1, 21) == t.published
        assert ("Vladimir Putin", "Ann Lee") == t.speakers

    def test_trailing_furniture(self) -> None:
        """Tags under `Additional materials`, credits, omissions and a dateline are debris."""
        text = (
            "1 July 2016 12:08\n\nRemarks\n\nQuestion: Why?\n\nBo Ray: Because.\n<…>\n\n"
            "July 1, 2016, Sochi\n\nThe source of information - http://example.org/1\n\n"
            "Additional materials\n\nCouncil of Europe (CoE)\n\nEuropean Union (EU)\n\n"
            "Advanced settings"
        )
        t = parse_transcript(text)
        assert "Because." == t.text[t.turns[-1].start : t.turns[-1].end]
        assert [
            "<…>",
            "July 1, 2016, Sochi",
            "The source of information - http://example.org/1",
            "Additional materials",
            "Council of Europe (CoE)",
            "European Union (EU)",
            "Advanced settings",
        ] == [t.text[s:e] for s, e in t.boilerplate]

    def test_unpunctuated_end_without_furniture_stays(self) -> None:
        """Short lines without punctuation at the end, no furniture above them, are content."""
        text = "May 1, 2020\n\nAnn: We won.\n\nThanks all"
        t = parse_transcript(text)
        assert "We won.\n\nThanks all" == t.text[t.turns[0].start : t.turns[0].end]

    @pytest.mark.parametrize(
        "text",
        [
            "Ann: We met the President\nof Ruritania today.",
            "Ann: We met.\n\nWe will meet again\n\nTomorrow.",
            "Ann: We met.\nThe talks were with President\nAnn Lee and others.\nAnd so on.",
        ],
    )
    def test_broken_sentences_are_no_headings(self, text: str) -> None:
        """A line broken off a sentence, or with a pronoun or verb, is not a heading."""
        t = parse_transcript(text, published="2020-01-01")
        assert 1 == len(t.turns)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Results of the Year\n\nMr Lee: Yes.\n\nMs Ray: No.", "Results of the Year"),
            ("1 May 2020\nMoscow: 15:46\n\nMr Lee: Yes.\n\nMs Ray: No.", None),
            ("1 May 2020\nFont size:\nNews\n\nMr Lee: Yes.\n\nMs Ray: No.", None),
        ],
    )
    def test_title_of_a_header_without_genre(self, text: str, expected: str | None) -> None:
        """Without a genre, the title is the header's last line of words, not a field or time."""
        assert expected == parse_transcript(text, published="2020-05-01").title

    @pytest.mark.parametrize(
        ("header", "expected"),
        [
            ("15 January 2018 - 13:25", dt.datetime(2018, 1, 15, 13, 25)),
            ("20 December 2018 15: 50 Moscow", dt.datetime(2018, 12, 20, 15, 50)),
            ("5-12-2014, 16:44", dt.datetime(2014, 12, 5, 16, 44)),
            ("Thursday, 02 July 2015 09:54", dt.datetime(2015, 7, 2, 9, 54)),
            (
                "Home\nNews\nVideo\nPhoto\nTopics\nArchive\nJuly\nMay\n\n5-12-2014, 16:44",
                (dt.datetime(2014, 12, 5, 16, 44)),
            ),
        ],
    )
    def test_header_dates(self, header: str, expected: dt.datetime) -> None:
        """Dates with a dashed or spaced time, and a date line below a menu, are found."""
        assert expected == parse_transcript(header + "\n\nAnn: Yes.").published

    def test_date_at_the_end(self) -> None:
        """Without a date at the top, a dateline among the last lines dates the text."""
        text = "Meeting\n\nAnn Lee: Good afternoon.\n\nBo Ray: Thanks.\n\nJuly 2, 2021, The Kremlin"
        t = parse_transcript(text)
        assert dt.datetime(2021, 7, 2) == t.published
        assert "Thanks." == t.text[t.turns[-1].start : t.turns[-1].end]

    def test_hostile_layouts(self) -> None:
        """Many labels on lines of their own, headings and datelines complete."""
        for text in (
            "".join(f"Aa B{i}:\n\nx.\n" for i in range(5_000)),
            "Ab Cd:\n\n\n\n" * 20_000,
            ("Ab " * 11 + "Cd:\n\n") * 5_000,
            "Ab – " * 30_000 + ":",
            "Topic line here\n\nText here.\n\n" * 10_000,
            "1 May 2001, " + "Moscow, " * 20_000,
            "<" * 50_000 + ">",
            "Remarks by " + "Ab " * 60 + "\n\nText.",
        ):
            parse_transcript(text, published="2020-01-01")
