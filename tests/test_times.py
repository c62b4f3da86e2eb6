"""Tests of the temporal tagger (claimtrack.mentions._times) and its evaluation command."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import pathlib
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.evaluate import main as evaluate_main
from claimtrack.evaluate import score
from claimtrack.exceptions import ClaimtrackError, InvalidAnchorError
from claimtrack.mentions import _times, _times_en
from claimtrack.mentions._times import coerce_anchor, find_times
from claimtrack.mentions._times_core import (
    _CUE,
    Candidate,
    Context,
    Rule,
    Scanner,
    _merge,
    case_folded,
    folded_text,
    optional_as_branch,
)

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REFERENCE_GOLD = SHARED / "gold" / "lavrov-interfax-2017-12-28.timex.jsonl"
TIMEML = SHARED / "data" / "timeml"
ANCHOR = dt.date(2017, 12, 28)


def _one(text: str, anchor: dt.date | str = ANCHOR, language: str = "en") -> tuple[str, str]:
    """The (text, value) of the only expression found."""
    found = find_times(text, anchor=anchor, language=language)
    assert 1 == len(found), found
    return (found[0].text or "", found[0].value)


def _values(text: str, anchor: dt.date | str = ANCHOR, language: str = "en") -> list[str]:
    return [t.value for t in find_times(text, anchor=anchor, language=language)]


def _pairs(text: str, anchor: dt.date | str = ANCHOR) -> list[tuple[str, str]]:
    return [(t.text or "", t.value) for t in find_times(text, anchor=anchor)]


def _texts(text: str, anchor: dt.date | str = ANCHOR) -> list[str]:
    return [t.text or "" for t in find_times(text, anchor=anchor)]


_WORDS_SCAN = st.sampled_from(
    [
        "last", "next", "this", "year", "weekend", "May", "march", "Mar.", "Monday's", "since",
        "summer", "early", "the", "1990s", "2017", "November", "8", "8th", "of", "ago", "two",
        "twenty-one", "years", "days", "will", "now", "soon", "quarter", "third", "fiscal",
        "every", "other", "daily", "mid-", "Q3", "2017Q1", "28.12.2017", "2017-12-28", "\n",
        "a", "an", "one", "o'clock", "noon", "midday", "10:30", "p.m.", "EST", "hundred",
        "centuries", "century", "the day before", "yesterday", "Christmas", "Day", "and",
        "nineteen", "ninety", "thousand", "recent", "at", "present", "more than", "couple",
        "and a half", "-long", "half", "first", "the year", "that", "following", "1/2", ",",
        "market", "Mondays", "Monday's", "yearly", "year-end", "year-ago", "daylight", "seconds",
        "Sept.", "Dec.", "decade", "centuries", "weekends", "fiscal", "FY", "FY2017", "currently",
        "currents", "nowhere", "one", "3pm", "pm", "every", "percent", "per", "Thanksgiving",
        "Day", "Eve", "Valentine's", "quarterly", "nights", "tonight's", "bi-weekly", "springs",
        "fall", "Christmases", "ı", "ſ", "\u212a", "İ", "Σ", "é", "’", "\u00a0",
    ]
)  # fmt: skip


class TestCoerceAnchor:
    def test_date_passes_through(self) -> None:
        """A date is returned as it is."""
        assert ANCHOR == coerce_anchor(ANCHOR)

    def test_datetime_loses_time(self) -> None:
        """A date-time gives its date."""
        assert ANCHOR == coerce_anchor(dt.datetime(2017, 12, 28, 16, 8))

    @pytest.mark.parametrize(
        "raw", ["2017-12-28", "2017-12-28T16:08", "2017-12-28 16:08:00", "28 December 2017"]
    )
    def test_strings(self, raw: str) -> None:
        """ISO strings, with or without a time, and written-out dates are parsed."""
        assert ANCHOR == coerce_anchor(raw)

    @pytest.mark.parametrize("raw", ["", "   ", "yesterday", "2017-13-45", "not a date"])
    def test_bad_strings_raise(self, raw: str) -> None:
        """A string that is no date raises InvalidAnchorError, which is a ValueError."""
        with pytest.raises(InvalidAnchorError) as info:
            coerce_anchor(raw)
        assert isinstance(info.value, ValueError)
        assert isinstance(info.value, ClaimtrackError)
        assert "2017-12-28" in str(info.value)

    def test_wrong_type_raises(self) -> None:
        """A number is not an anchor, and the message names the accepted types."""
        with pytest.raises(InvalidAnchorError, match=r"datetime\.date"):
            coerce_anchor(20171228)  # type: ignore[arg-type]

    def test_find_times_checks_anchor(self) -> None:
        """find_times raises InvalidAnchorError on a bad anchor, even for empty text."""
        with pytest.raises(InvalidAnchorError):
            find_times("", anchor="someday")


class TestReference:
    def test_gold(self) -> None:
        """The reference interview's gold is found exactly, with every value."""
        if not REFERENCE_GOLD.exists():
            pytest.skip(f"{REFERENCE_GOLD} is absent")
        doc = json.loads(REFERENCE_GOLD.read_text(encoding="utf-8").splitlines()[0])
        found = find_times(doc["text"], anchor=doc["dct"])
        expected = [(g["start"], g["end"], g["type"], g["value"]) for g in doc["timexes"]]
        assert expected == [(t.start, t.end, t.type, t.value) for t in found]

    def test_header_date_glued_to_time(self) -> None:
        """A date glued to a clock time in a page header is found without the time."""
        assert ("28 December 2017", "2017-12-28") == _one("28 December 201716:08\n\nForeign")

    def test_early_next_year(self) -> None:
        """`early next year` is the start of the next year, with its interval."""
        (t,) = find_times("the planned publication early next year?", anchor=ANCHOR)
        expected = ("early next year", "2018", "START", dt.date(2018, 1, 1), dt.date(2018, 4, 30))
        assert expected == (t.text, t.value, t.mod, t.earliest, t.latest)

    def test_since_last_summer(self) -> None:
        """`since last summer` runs from the start of that summer to the anchor."""
        (t,) = find_times("which has been functioning there since last summer", anchor=ANCHOR)
        expected = ("last summer", "2017-SU", dt.date(2017, 6, 1), ANCHOR)
        assert expected == (t.text, t.value, t.earliest, t.latest)
        assert "since" in (t.reason or "")


class TestValues:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("It happened on December 28, 2017.", ("December 28, 2017", "2017-12-28")),
            ("It happened on 8 November 2016.", ("8 November 2016", "2016-11-08")),
            ("It happened in March 2015.", ("March 2015", "2015-03")),
            ("It happened in 1999.", ("1999", "1999")),
            ("It happened in the 1990s.", ("the 1990s", "199")),
            ("It happened in the 20th century.", ("the 20th century", "19")),
            ("Sales rose in the third quarter.", ("the third quarter", "2017-Q3")),
            ("Sales rose in the first half of 2018.", ("the first half of 2018", "2018-H1")),
            ("We met in the summer of 2017.", ("the summer of 2017", "2017-SU")),
            ("The report is due 2018-01-07.", ("2018-01-07", "2018-01-07")),
            ("It lasted three days.", ("three days", "P3D")),
            ("It lasted the last three days.", ("the last three days", "P3D")),
            ("in the last year", ("the last year", "P1Y")),
            ("It took two and a half years.", ("two and a half years", "P2Y6M")),
            ("a 10-year plan", ("10-year", "P10Y")),
            ("Currently, we are focused", ("Currently", "PRESENT_REF")),
            ("So far, we have been unable", ("So far", "PRESENT_REF")),
            ("which will happen very soon.", ("very soon", "FUTURE_REF")),
            ("as we said recently", ("recently", "PAST_REF")),
            ("It is published daily.", ("daily", "P1D")),
            ("They meet every two weeks.", ("every two weeks", "P2W")),
            ("It happened two years ago.", ("two years ago", "2015")),
            ("Just several hours ago, he left.", ("several hours ago", "2017-12-28")),
            ("Hours ago, he left.", ("Hours ago", "2017-12-28")),
            ("Years ago, he left.", ("Years ago", "PAST_REF")),
            ("We spoke yesterday.", ("yesterday", "2017-12-27")),
            ("We spoke last week.", ("last week", "2017-W51")),
            ("We meet this week.", ("this week", "2017-W52")),
            ("It rained last night.", ("last night", "2017-12-27TNI")),
            ("We meet at 10:30 a.m. tomorrow.", ("10:30 a.m. tomorrow", "2017-12-29T10:30")),
            ("Sales fell in fiscal 2016.", ("fiscal 2016", "2016")),
            ("in nineteen ninety-six", ("nineteen ninety-six", "1996")),
            ("on Christmas Day 2016", ("Christmas Day 2016", "2016-12-25")),
            ("the 2018Q1 results", ("2018Q1", "2018-Q1")),
        ],
    )
    def test_value(self, text: str, expected: tuple[str, str]) -> None:
        """Each form of expression gets its ISO-TimeML value and extent."""
        assert expected == _one(text)

    def test_types(self) -> None:
        """Durations, sets, times and dates are typed as TimeML says."""
        found = find_times("For three days, daily, at 5 p.m. on Monday, we met.", anchor=ANCHOR)
        assert ["DURATION", "SET", "TIME"] == [t.type for t in found]

    @pytest.mark.parametrize(
        ("text", "value", "mod"),
        [
            ("in late November", "2017-11", "END"),
            ("in mid-1996", "1996", "MID"),
            ("in the early 1980s", "198", "START"),
            ("at the end of 1990", "1990", "END"),
            ("earlier this year", "2017", "START"),
            ("for more than four hours", "PT4H", "MORE_THAN"),
            ("for about two weeks", "P2W", "APPROX"),
            ("for nearly forty years", "P40Y", "LESS_THAN"),
            ("up to 180 days", "P180D", "EQUAL_OR_LESS"),
            ("at least 20 more years", "P20Y", "EQUAL_OR_MORE"),
        ],
    )
    def test_mod(self, text: str, value: str, mod: str) -> None:
        """Modifiers are part of the extent and set the TimeML mod."""
        (t,) = find_times(text, anchor=ANCHOR)
        assert (value, mod) == (t.value, t.mod)
        assert text.endswith(t.text or "")

    @pytest.mark.parametrize(
        ("value", "earliest", "latest"),
        [
            ("2017-SU", dt.date(2017, 6, 1), dt.date(2017, 8, 31)),
            ("2018-Q1", dt.date(2018, 1, 1), dt.date(2018, 3, 31)),
            ("199", dt.date(1990, 1, 1), dt.date(1999, 12, 31)),
        ],
    )
    def test_intervals(self, value: str, earliest: dt.date, latest: dt.date) -> None:
        """Every date value carries the days it covers."""
        texts = {"2017-SU": "last summer", "2018-Q1": "Q1 2018", "199": "the 1990s"}
        (t,) = find_times(texts[value], anchor=ANCHOR)
        assert (value, earliest, latest) == (t.value, t.earliest, t.latest)

    def test_present_ref_interval(self) -> None:
        """PRESENT_REF covers the anchor day; durations and PAST_REF cover nothing."""
        found = find_times("Now it has lasted three days, as recently noted.", anchor=ANCHOR)
        assert [(ANCHOR, ANCHOR), (None, None), (None, None)] == [
            (t.earliest, t.latest) for t in found
        ]


class TestReferenceTime:
    def test_year_ago_quarter(self) -> None:
        """After a quarter, `a year ago` is the same quarter a year before."""
        text = "Profit rose in the third quarter, from $5 million a year ago."
        assert ["2017-Q3", "2016-Q3"] == _values(text)

    def test_that_year(self) -> None:
        """`that year` and `the following year` count from the last year written out."""
        text = "He arrived in 1995 and left that year; the following year he returned."
        assert ["1995", "1995", "1996"] == _values(text)


class TestTense:
    def test_weekday_past(self) -> None:
        """A weekday in a past-tense sentence is the one before the anchor."""
        (t,) = find_times("The minister said on Monday that talks had failed.", anchor=ANCHOR)
        assert ("2017-12-25", "tense=past") == (t.value, t.reason)

    def test_weekday_future(self) -> None:
        """A weekday after `will` is the one after the anchor."""
        (t,) = find_times("The minister will travel to Paris on Monday.", anchor=ANCHOR)
        assert ("2018-01-01", "tense=future") == (t.value, t.reason)

    def test_yearless_date_past(self) -> None:
        """`November 8` in a past sentence is the last November 8."""
        assert ("November 8", "2017-11-08") == _one("On November 8, they signed a memorandum.")

    def test_yearless_date_future(self) -> None:
        """A year-less date after `will` is the next such date."""
        assert ["2018-03-01"] == _values("The talks will resume on March 1.")

    def test_going_to(self) -> None:
        """`going to` points to the future too."""
        assert ["2018-02"] == _values("We are going to publish it in February.")

    def test_present_perfect(self) -> None:
        """The present perfect points to the past."""
        assert ["2017-02"] == _values("We have published it in February.")

    def test_ambiguous_has_alternative(self) -> None:
        """Without any tense cue the nearest reading wins and the other is kept."""
        (t,) = find_times("Friday: talks in Geneva.", anchor=ANCHOR)
        assert ("2017-12-29", "2017-12-22", "tense=none") == (t.value, t.alternative, t.reason)

    def test_last_and_next_weekday(self) -> None:
        """`last Friday` and `next Friday` ignore the tense."""
        found = find_times("last Friday we said we will next Friday", anchor=ANCHOR)
        assert [("2017-12-22", None), ("2017-12-29", "2018-01-05")] == [
            (t.value, t.alternative) for t in found
        ]

    def test_direction_per_expression(self) -> None:
        """Each expression reads the verb nearest to it, not a global preference."""
        text = "We met on Monday. We will meet again on Monday."
        assert ["2017-12-25", "2018-01-01"] == _values(text)


class TestIntent:
    """Words of plan and arrangement point ahead even in a past-tense sentence."""

    def test_planned_for(self) -> None:
        """`was planned for early March`, said in February, is this year's March."""
        (t,) = find_times("The opening was planned for early March.", anchor="2019-02-10")
        assert ("early March", "2019-03", "START") == (t.text, t.value, t.mod)

    def test_planned_far_back_stays_past(self) -> None:
        """Said in April, the same words mean the March just gone, not one eleven months off."""
        assert ["2019-03"] == _values("The opening was planned for early March.", "2019-04-10")

    def test_planned_an_event(self) -> None:
        """`planned a rally on Saturday`, said on a Friday, is the next day."""
        text = "Farmers planned a big rally on Saturday."
        assert ["2019-02-16"] == _values(text, anchor="2019-02-15")

    def test_were_planning(self) -> None:
        """`were planning`: the intent, not the past auxiliary, decides."""
        text = "Nurses were planning a vigil outside the hospital on Sunday."
        assert ["2019-02-17"] == _values(text, anchor="2019-02-15")

    def test_invited(self) -> None:
        """An invitation is to something still to come."""
        text = "The mayor invited residents to a concert on March 12 to celebrate the bridge."
        assert ["2019-03-12"] == _values(text, anchor="2019-02-16")

    @pytest.mark.parametrize(
        "text",
        [
            "The hearing is due on March 4.",
            "The vote is slated for March 4.",
            "The verdict was expected on March 4.",
            "The meeting was set for March 4.",
            "The hearing was scheduled for March 4.",
        ],
    )
    def test_arrangement_words(self, text: str) -> None:
        """`due`, `slated`, `expected`, `set for` and `scheduled` point ahead."""
        assert ["2019-03-04"] == _values(text, anchor="2019-02-16")

    @pytest.mark.parametrize(
        "text",
        [
            "We mourn the death of three U.S. service members on Sunday in Jordan.",
            "China expresses condolences over the earthquake on Sunday.",
        ],
    )
    def test_a_happening_over_before_a_weekday(self, text: str) -> None:
        """A death, an attack or an earthquake before a weekday, with no tense to go by,
        happened: the weekday gone."""
        assert ["2024-01-28"] == _values(text, anchor="2024-02-01")

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The President will have a meeting on Tuesday.", "2023-03-14"),
            ("We will have a vote in June.", "2023-06"),
            ("Unemployment fell to 4 percent in January.", "2023-01"),
            ("The ministers met in May.", "2022-05"),
            ("The summit will be held on April 24.", "2023-04-24"),
            ("He gave no reason for the May 14 deadline.", "2023-05-14"),
            ("On April 4, Russia, Turkey and Iran signed the memorandum.", "2022-04-04"),
            ("On March 4, Russia, Turkey and Iran signed the memorandum.", "2023-03-04"),
            ("The US imposed sanctions in May.", "2022-05"),
        ],
    )
    def test_auxiliaries_and_irregular_pasts(self, text: str, expected: str) -> None:
        """`will have` is future, not perfect; an irregular past (`fell`, `met`) is as sure
        as an auxiliary, unless passive (`will be held`); a deadline keeps the nearest."""
        assert [expected] == _values(text, anchor="2023-03-10")

    def test_the_next_day_after_a_day_named(self) -> None:
        """`the next day`, `that same morning`, `the day before,` count from the day last
        named, wherever it is; `the day before the vote` is no expression of its own."""
        text = (
            "On November 8, the memorandum was signed. The next day, the talks began."
            " Later that night they left. The day before the vote, he called."
        )
        found = find_times(text, anchor="2017-12-28")
        assert [
            ("November 8", "2017-11-08"),
            ("The next day", "2017-11-09"),
            ("Later that night", "2017-11-09"),
        ] == [(t.text, t.value) for t in found]

    def test_the_next_day_without_a_day_named(self) -> None:
        """With no day named before, `the next day` counts from the anchor."""
        assert ["2017-12-29"] == _values("The next day, the talks began.", "2017-12-28")

    def test_weekday_after_a_sentence_about_a_happening(self) -> None:
        """The happening must be in the weekday's own sentence."""
        assert ["2024-02-04"] == _values("After the attack. We meet on Sunday.", "2024-02-01")

    def test_until_with_past_perfect(self) -> None:
        """`Until Tuesday, ... had not ...` speaks of the Tuesday gone."""
        text = "Until Tuesday, the police had not named a suspect."
        assert ["2019-02-12"] == _values(text, anchor="2019-02-15")

    def test_until_alone_points_ahead(self) -> None:
        """Without a past perfect, `until` bounds a time still to come."""
        assert ["2019-02-19"] == _values("The exhibition stays open until Tuesday.", "2019-02-15")

    @pytest.mark.parametrize(
        "text",
        [
            "The alliance has decided to admit three members in early March.",
            "The ministers agreed to meet again in early March.",
            "The company promised to pay the workers in early March.",
            "The talks might resume in early March.",
            "The dispute that has divided the family may be settled in early March.",
        ],
    )
    def test_decision_to_act(self, text: str) -> None:
        """A decision, agreement or promise to act, or what may happen, is still to come."""
        assert ["2019-03"] == _values(text, anchor="2019-02-10")

    def test_reporting_clause_after_comma(self) -> None:
        """`..., an official said`: the reporting verb dates the saying, not what was said."""
        text = "The vote will be held in early March, an official said on Wednesday."
        assert ["2019-03", "2019-02-06"] == _values(text, anchor="2019-02-10")
        text = "The army had left the town in early March, an official said on Wednesday."
        assert ["2018-03", "2019-02-06"] == _values(text, anchor="2019-02-10")


class TestPrecision:
    @pytest.mark.parametrize(
        "text",
        [
            "We must act together, we said.",
            "It may be that we may do it.",
            "They march to the square and march back.",
            "From one to another, to and fro.",
            "a a a a an a",
            "This is the second time; the second attempt.",
            "based on UN Security Council Resolution 2254",
            "under Resolution No. 1998 and article 2001",
            "It cost $2017 and 2018 dollars.",
            "A rise of 2017% was reported.",
            "The score was 3-2 and then 2-1.",
            "About 1,500 troops and 1500 people arrived.",
            "the future-oriented agenda",
            "as soon as possible",
            "at the same time, many times",
            "the fall of the Berlin Wall",
            "Prices fall in spring-loaded markets.",
            "the Arab Spring protests",
            "a 6-year-old boy",
        ],
    )
    def test_no_expression(self, text: str) -> None:
        """Words and numbers that only look temporal give nothing."""
        assert [] == [(t.text, t.value) for t in find_times(text, anchor=ANCHOR)]

    def test_we_and_now(self) -> None:
        """`we` is never a weekday, while `now` is the present."""
        assert [("now", "PRESENT_REF")] == [
            (t.text, t.value) for t in find_times("We must act now, we said.", anchor=ANCHOR)
        ]

    def test_phone_number(self) -> None:
        """No year is read from inside a phone number."""
        assert [] == _values("Call +7 495 2017 1234 for details.")

    def test_may_month_with_context(self) -> None:
        """`in May` is a month while the modal `may` is not."""
        assert ["2017-05"] == _values("It happened in May, but it may happen again.")

    def test_age_is_no_duration(self) -> None:
        """An age (`37 years old`, `a 6-year-old`) is not a duration."""
        assert [] == _values("Howes, 37 years old, and a 6-year-old boy.")

    def test_rate_is_no_set(self) -> None:
        """`a week` in a rate is not a time, while `twice a week` is a set."""
        assert [("twice a week", "P1W")] == [
            (t.text, t.value)
            for t in find_times("four flights a week, meeting twice a week", anchor=ANCHOR)
        ]

    def test_so_far_mid_sentence(self) -> None:
        """`So far,` opening a sentence is the present; `has so far` qualifies the verb."""
        assert ["PRESENT_REF"] == _values("So far, we have failed. It has so far held.")

    def test_title_this_week(self) -> None:
        """A capitalised title such as ABC's "This Week" is no date."""
        assert [] == _values('He spoke on ABC\'s "This Week" program.')

    def test_year_range(self) -> None:
        """A bare 4-digit number is a year only in a plausible range and context."""
        assert ["2017"] == _values("2017 was a difficult year with 2300 incidents.")


class TestTenseCues:
    def test_next_to_is_a_place(self) -> None:
        """`next to` names a place, so it does not send a weekday into the future."""
        text = "Bombs exploded next to the embassies on Friday."
        assert ["2017-12-22"] == _values(text)

    def test_possessive_weekday_is_past(self) -> None:
        """`Wednesday's ruling` is the last Wednesday, even beside a future verb."""
        text = "They would look for ways to get around Wednesday's ruling."
        assert [("Wednesday", "2017-12-27", "possessive")] == [
            (t.text, t.value, t.reason) for t in find_times(text, anchor=ANCHOR)
        ]

    def test_would_is_weak(self) -> None:
        """`would` is a future seen from the past: a date just gone is not sent a year ahead."""
        text = "He said they would return the boy by Dec. 20."
        assert ["2017-12-20"] == _values(text)

    def test_quotation_bounds_the_cue(self) -> None:
        """The reporting verb after a quotation does not date what the quotation says."""
        text = "``He will leave at 4 a.m. Friday,'' Castro said."
        assert ["2017-12-29T04:00"] == _values(text)


class TestClockAndDays:
    def test_midday(self) -> None:
        """`midday` is noon."""
        assert ("midday", "2017-12-28T12:00") == _one("They appear in court at midday.")

    def test_high_noon(self) -> None:
        """`high noon` is a figure of speech, not a time."""
        assert [] == _values("For Poland, high noon has come.")

    def test_second_day(self) -> None:
        """`April 24 and 25`: the second day takes the first one's month and year."""
        found = find_times("The summit is held on April 24 and 25, 2018.", anchor=ANCHOR)
        assert [("April 24", "2018-04-24"), ("25", "2018-04-25"), ("2018", "2018")] == [
            (t.text, t.value) for t in found
        ]

    def test_clock_dated_by_day_named(self) -> None:
        """A clock time without a day takes the day just named, when that is near the anchor."""
        text = "The bomb exploded on Wednesday. It went off at about 10:35 a.m."
        assert ["2017-12-27", "2017-12-27T10:35"] == _values(text)

    def test_clock_ignores_far_day(self) -> None:
        """A day named months away does not date a later clock time."""
        text = "He was shot on October 23, 2016. Police came at 10 p.m."
        assert ["2016-10-23", "2017-12-28T22:00"] == _values(text)


def _full_scan() -> Scanner:
    """The English rules without triggers: every pattern runs over the whole text."""
    return Scanner(
        tuple(
            Rule(r.name, r.pattern.pattern, r.handler, flags=r.pattern.flags)
            for r in _times._scanner("en").rules
        )
    )


def _candidates(scanner: Scanner, text: str) -> list[tuple[int, int, str, str, int]]:
    found = _times._collect(scanner, Context(text, ANCHOR))
    return sorted(
        (start, end, tmpl[2], tmpl[3], priority) for _, priority, start, _, end, tmpl in found
    )


class TestScanner:
    @given(words=st.lists(_WORDS_SCAN, max_size=40))
    @settings(max_examples=300, deadline=None)
    def test_windows_find_what_a_full_scan_finds(self, words: list[str]) -> None:
        """Scanning only the windows around triggers finds what scanning all the text finds."""
        text = " ".join(words)
        assert _candidates(_full_scan(), text) == _candidates(_times._scanner("en"), text)

    def test_reference_and_corpus(self) -> None:
        """On real text too, the windows lose nothing a full scan finds."""
        if not REFERENCE_GOLD.exists():
            pytest.skip(f"{REFERENCE_GOLD} is absent")
        text = json.loads(REFERENCE_GOLD.read_text(encoding="utf-8").splitlines()[0])["text"]
        assert _candidates(_full_scan(), text) == _candidates(_times._scanner("en"), text)

    def test_prefix_trigger(self) -> None:
        """A trigger word reported as its longest form (`weekend`) still serves `week` rules."""
        assert ["2017-W51-WE", "2017-W51"] == _values("last weekend and last week")

    def test_whole_trigger_words(self) -> None:
        """A trigger word running on into letters (`mar` in `market`) opens no window."""
        scanner = Scanner((Rule("m", "mar", _no_candidate, triggers=("mar",), whole=True),))
        assert [[(0, 3)]] == scanner.windows("Mar market")

    def test_window_end_does_not_cut_a_word(self) -> None:
        """A window ending inside a word reaches to its end: `now` in `nowhere` is no time."""
        assert [] == _values("other  fiscal  ı  nowhere")

    def test_quarter_code_before_its_digit(self) -> None:
        """`Q3` begins a letter before the digit that triggers it, and is found."""
        assert ["2017-Q3", "2016-Q1"] == _values("in Q3 and in 2016Q1")

    def test_anchored_rule_tried_at_triggers(self) -> None:
        """Clock times, tried only where a number begins, are all found; a bare number is none."""
        assert ["2017-12-28T10:30", "2017-12-28T22:00"] == _values("10:30 and 2 and 10 p.m.")

    def test_unicode_lower_case_longer(self) -> None:
        """A character whose lower case is longer does not shift what is found."""
        text = "İstanbul, March 3, 2016 and 2017"
        assert [("March 3, 2016", "2016-03-03"), ("2017", "2017")] == [
            (t.text, t.value) for t in find_times(text, anchor=ANCHOR)
        ]


def _no_candidate(m: re.Match[str], ctx: Context) -> Candidate | None:
    return None


def _handler_calls(text: str) -> int:
    """How often a rule's handler runs while ``text`` is scanned."""
    calls = []

    def handler(m: re.Match[str], ctx: Context) -> Candidate | None:
        calls.append(m.start())
        return Candidate(m.start(), m.end(), "2017-12-25")

    scanner = Scanner((Rule("weekday", r"\bMonday\b", handler),))
    _times._collect(scanner, Context(text, ANCHOR))
    return len(calls)


_FOLD_WORDS = st.sampled_from(
    ["May", "MAY", "may", "Monday", "Mondays", "Sept.", "last", "year", "years", "2017", "10:30",
     "p.m.", "P.M.", "FY2017", "Q3", "ago", "two", "days", "Christmas", "the", "now", "nowhere",
     "ı", "ſ", "\u212a", "K", "Σ", "ς", "é", "É", "Ä", "’", "\u00a0", "\u1c80", "de", "İ"]
)  # fmt: skip


def _found(text: str, *, fold: bool) -> list[tuple[int, int, str, str, int]]:
    """The English candidates of ``text``, found over the lower-cased text or not."""
    ctx = Context(text, ANCHOR)
    if not fold:
        ctx.folded = None
    found = _times._collect(_times._scanner("en"), ctx)
    return sorted(
        (start, end, tmpl[2], tmpl[3], priority) for _, priority, start, _, end, tmpl in found
    )


class TestFolding:
    def test_case_folded(self) -> None:
        """Letters are lowered, escapes and group names are kept."""
        assert r"(?P<Am>[ap]\.m\.)\s(?P=Am)" == case_folded(r"(?P<Am>[AP]\.M\.)\s(?P=Am)")

    @pytest.mark.parametrize(
        "source", ["(?i)x", r"\x41", "[À-Ö]", "ı", r"\N{LATIN SMALL LETTER A}"]
    )
    def test_case_folded_refuses(self, source: str) -> None:
        """Inline flags, cased characters written as codes or ranges, and ``ı`` are not folded."""
        assert None is case_folded(source)

    @pytest.mark.parametrize("text", ["Pıd", "ſo", "İstanbul", "\u1c80"])
    def test_unsafe_text_is_not_folded(self, text: str) -> None:
        """A text with a character that lowering does not fold like the regex engine is refused."""
        assert None is folded_text(text)

    def test_safe_text_is_folded(self) -> None:
        """Other text, ASCII or not, is simply lower-cased."""
        assert "ärger im mai, k" == folded_text("ÄRGER im Mai, \u212a")

    @given(words=st.lists(_FOLD_WORDS, max_size=30), sep=st.sampled_from([" ", "", ", "]))
    @settings(max_examples=300, deadline=None)
    def test_folded_scan_finds_the_same(self, words: list[str], sep: str) -> None:
        """Scanning the lower-cased text finds exactly what scanning the text itself finds."""
        text = sep.join(words)
        assert _found(text, fold=False) == _found(text, fold=True)

    def test_optional_as_branch(self) -> None:
        """Optional groups become alternations; lazy ones and look-arounds stay."""
        source = r"(?:a)?(?P<b>b)?(c)?(?:d)??(?=e)?[(?:f)?]"
        assert r"(?:a|)(?:(?P<b>b)|)(?:(c)|)(?:d)??(?=e)?[(?:f)?]" == optional_as_branch(source)

    @given(words=st.lists(_WORDS_SCAN, max_size=30))
    @settings(max_examples=100, deadline=None)
    def test_rewritten_patterns_match_alike(self, words: list[str]) -> None:
        """Every English rule's rewritten pattern matches where and as its source does."""
        text = " ".join(words)
        for rule in _times._scanner("en").rules:
            expected = [(m.span(), m.groups()) for m in rule.pattern.finditer(text)]
            assert expected == [(m.span(), m.groups()) for m in rule.plain.finditer(text)]


_DURATION_SOUP = st.sampled_from(
    [
        *sorted(set(re.findall(r"[a-z]+", _times_en._DURATION_BODY))),
        *["2", "1,000", "2.5", "½", "1/2", "-", "-long", "-old", "Years", "DAYS", "dayſ", "12"],
    ]
)


class TestDurationLookAhead:
    @given(words=st.lists(_DURATION_SOUP, max_size=25), sep=st.sampled_from([" ", "-", "\t"]))
    @settings(max_examples=300, deadline=None)
    def test_first_word_look_ahead_drops_nothing(self, words: list[str], sep: str) -> None:
        """The look-ahead on a duration's first word leaves the pattern's matches as they are."""
        text = sep.join(words)
        full = re.compile(_times_en._B + _times_en._DURATION_BODY, re.IGNORECASE)
        quick = re.compile(_times_en._DURATION, re.IGNORECASE)
        expected = [(m.span(), m.groups()) for m in full.finditer(text)]
        assert expected == [(m.span(), m.groups()) for m in quick.finditer(text)]


class TestResolvedOnce:
    def test_repeats_cost_a_look_up(self) -> None:
        """An expression repeated in identical surroundings is resolved once, however often."""
        assert _handler_calls("Monday " * 1000) == _handler_calls("Monday " * 3000)

    def test_every_repeat_is_found(self) -> None:
        """Text made of one expression yields every occurrence, each with its own offsets."""
        text = "We met on Monday. " * 400
        expected = [(18 * i + 10, 18 * i + 16, "2017-12-25", "tense=past") for i in range(400)]
        assert expected == [
            (t.start, t.end, t.value, t.reason) for t in find_times(text, anchor=ANCHOR)
        ]

    def test_context_still_decides(self) -> None:
        """The same words in other surroundings are resolved afresh: the tense still counts."""
        text = "We met on Monday. " * 300 + "We will meet on Monday. " * 300
        expected = ["2017-12-25"] * 300 + ["2018-01-01"] * 300
        assert expected == _values(text)

    def test_modifiers_and_since_repeated(self) -> None:
        """Modifiers and `since` are taken in for every repeat, not only the first."""
        text = "It grew since early 2016. " * 200
        expected = [("early 2016", "START", dt.date(2016, 1, 1), ANCHOR)] * 200
        assert expected == [
            (t.text, t.mod, t.earliest, t.latest) for t in find_times(text, anchor=ANCHOR)
        ]


class TestWindowMerge:
    def test_cut_where_triggers_are_far_apart(self) -> None:
        """Windows around triggers merge when close and are cut where the gap exceeds the reach."""
        assert [(-5, 20), (195, 210)] == _merge([[(0, 5), (10, 15)], [(200, 205)]], 5, 5)

    def test_no_triggers(self) -> None:
        """A group whose triggers the text lacks gets no window."""
        assert [] == _merge([], 5, 5)


_CUE_WORDS = st.sampled_from(
    ["was", "will", "going to", "from now", "played", "needed", "is", "a", "b" * 30 + "ed",
     "c" * 40 + "edx", "won't", "'ll", "ended.", "\n", "x" * 25, "Planned", "planned a",
     "expected to", "is to", "IS", "due", "set\tfor", "ı", "S", "\u00a0"]
)  # fmt: skip


class TestCueBlocks:
    def test_long_word_across_block_end(self) -> None:
        """A long word cut by the end of a block's scan is not read as a past-tense cue."""
        text = "a " * 255 + "b" * 24 + "edxyz was"
        ctx = Context(text, ANCHOR)
        expected = [(m.start(), m.end()) for m in _CUE.finditer(text)]
        assert expected == [(c[0], c[1]) for c in ctx._cue_list(0, len(text))]

    @given(words=st.lists(_CUE_WORDS, max_size=200))
    @settings(max_examples=200, deadline=None)
    def test_blocks_agree_with_a_whole_scan(self, words: list[str]) -> None:
        """Cues found a block at a time are those a scan of the whole text finds."""
        text = " ".join(words)
        ctx = Context(text, ANCHOR)
        expected = [
            (m.start(), m.end(), m.lastgroup, m.group().lower()) for m in _CUE.finditer(text)
        ]
        assert expected == ctx._cue_list(0, len(text))

    @given(
        words=st.lists(_CUE_WORDS, max_size=120),
        bounds=st.tuples(st.integers(0, 2000), st.integers(0, 600)),
    )
    @settings(max_examples=200, deadline=None)
    def test_sentences_agree_with_a_whole_scan(
        self, words: list[str], bounds: tuple[int, int]
    ) -> None:
        """The cues of any stretch, short or long, are those a whole scan finds there."""
        text = " ".join(words)
        left = min(bounds[0], len(text))
        right = min(left + bounds[1], len(text))
        expected = [
            (m.start(), m.end(), m.lastgroup, m.group().lower())
            for m in _CUE.finditer(text)
            if m.start() >= left and m.end() <= right
        ]
        assert expected == Context(text, ANCHOR)._cue_list(left, right)


class TestLanguages:
    @pytest.mark.parametrize(
        ("text", "language", "expected"),
        [
            ("Am 8. November 2017 trafen sie sich.", "de", ("8. November 2017", "2017-11-08")),
            ("Sie trafen sich am 8. November.", "de", ("8. November", "2017-11-08")),
            (
                "El 8 de noviembre de 2017 se reunieron.",
                "es",
                ("8 de noviembre de 2017", "2017-11-08"),
            ),
            ("Se reunieron el 8 de noviembre.", "es", ("8 de noviembre", "2017-11-08")),
            ("Le 8 novembre 2017, ils se sont réunis.", "fr", ("8 novembre 2017", "2017-11-08")),
            ("Ils se sont réunis le 1er décembre.", "fr", ("1er décembre", "2017-12-01")),
            ("8 ноября они встретились.", "ru", ("8 ноября", "2017-11-08")),
            ("8 ноября 2016 года они встретились.", "ru", ("8 ноября 2016 года", "2016-11-08")),
        ],
    )
    def test_dates(self, text: str, language: str, expected: tuple[str, str]) -> None:
        """Absolute and year-less dates in German, Spanish, French and Russian."""
        assert expected == _one(text, language=language)

    @pytest.mark.parametrize(
        ("text", "language", "value"),
        [
            ("Wir treffen uns im Dezember.", "de", "2017-12"),
            ("Nos vemos en diciembre.", "es", "2017-12"),
            ("On se voit en décembre.", "fr", "2017-12"),
            ("Увидимся в декабре.", "ru", "2017-12"),
            ("Wir sprachen gestern.", "de", "2017-12-27"),
            ("Hablamos ayer.", "es", "2017-12-27"),
            ("Nous avons parlé hier.", "fr", "2017-12-27"),
            ("Мы говорили вчера.", "ru", "2017-12-27"),
            ("Das geschah im Jahr 2016.", "de", "2016"),
            ("Это случилось в 2016 году.", "ru", "2016"),
        ],
    )
    def test_months_and_days(self, text: str, language: str, value: str) -> None:
        """Month names after a preposition, relative day words and years."""
        assert [value] == _values(text, language=language)

    @pytest.mark.parametrize(
        ("text", "language", "expected"),
        [
            ("Letztes Jahr stieg der Preis.", "de", ("Letztes Jahr", "2016")),
            ("Wir sehen uns nächsten Monat.", "de", ("nächsten Monat", "2018-01")),
            ("Diese Woche ist ruhig.", "de", ("Diese Woche", "2017-W52")),
            ("Das war im vergangenen Jahr.", "de", ("vergangenen Jahr", "2016")),
            ("Er kam vor zwei Jahren.", "de", ("vor zwei Jahren", "2015")),
            ("Er kam vor 3 Tagen.", "de", ("vor 3 Tagen", "2017-12-25")),
            ("El año pasado subió.", "es", ("El año pasado", "2016")),
            ("Volverá el próximo año.", "es", ("el próximo año", "2018")),
            ("Lo veremos la semana que viene.", "es", ("la semana que viene", "2018-W01")),
            ("Llegó hace dos años.", "es", ("hace dos años", "2015")),
            ("Llegó hace un mes.", "es", ("hace un mes", "2017-11")),
            ("L'année dernière, il a plu.", "fr", ("L'année dernière", "2016")),
            ("Il reviendra l'an prochain.", "fr", ("l'an prochain", "2018")),
            ("On se voit la semaine prochaine.", "fr", ("la semaine prochaine", "2018-W01")),
            ("Il est arrivé il y a deux ans.", "fr", ("il y a deux ans", "2015")),
            ("Цены выросли в прошлом году.", "ru", ("прошлом году", "2016")),
            ("Он вернётся в следующем году.", "ru", ("следующем году", "2018")),
            ("Встреча будет на этой неделе.", "ru", ("этой неделе", "2017-W52")),
            ("Он приехал два года назад.", "ru", ("два года назад", "2015")),
            ("Он приехал неделю назад.", "ru", ("неделю назад", "2017-W51")),
        ],
    )
    def test_relative(self, text: str, language: str, expected: tuple[str, str]) -> None:
        """Last, this and next year, month and week, and counts ago, in four languages."""
        assert expected == _one(text, language=language)

    @pytest.mark.parametrize(
        ("text", "language", "expected"),
        [
            ("Morgen kommt er.", "de", [("Morgen", "2017-12-29")]),
            ("Der Morgen war kalt.", "de", []),
            ("Heute Morgen regnete es.", "de", [("Heute Morgen", "2017-12-28TMO")]),
            ("Mañana llega.", "es", [("Mañana", "2017-12-29")]),
            ("Llegó por la mañana.", "es", []),
            ("Llegó esta mañana.", "es", [("esta mañana", "2017-12-28TMO")]),
            ("Il est venu avant-hier.", "fr", [("avant-hier", "2017-12-26")]),
            ("Il viendra demain soir.", "fr", [("demain soir", "2017-12-29TEV")]),
            ("Он пришёл вчера вечером.", "ru", [("вчера вечером", "2017-12-27TEV")]),
            ("Он придёт послезавтра.", "ru", [("послезавтра", "2017-12-30")]),
        ],
    )
    def test_days_and_mornings(
        self, text: str, language: str, expected: list[tuple[str, str]]
    ) -> None:
        """`morgen` and `mañana` are tomorrow unless a determiner makes them the morning."""
        found = find_times(text, anchor=ANCHOR, language=language)
        assert expected == [(t.text, t.value) for t in found]

    @pytest.mark.parametrize(
        ("text", "language", "expected"),
        [
            ("Es geschah im letzten März.", "de", ("März", "2017-03")),
            ("Sucedió el pasado marzo.", "es", ("marzo", "2017-03")),
            ("C'est arrivé en mars dernier.", "fr", ("mars dernier", "2017-03")),
            ("Это было в марте прошлого года.", "ru", ("марте прошлого года", "2016-03")),
            ("Am 8. März letzten Jahres.", "de", ("8. März letzten Jahres", "2016-03-08")),
        ],
    )
    def test_month_of_a_relative_year(
        self, text: str, language: str, expected: tuple[str, str]
    ) -> None:
        """An adjective or a relative year chooses a month's year instead of the nearest."""
        assert expected == _one(text, language=language)

    def test_vague_count_ago(self) -> None:
        """A count ago given neither in figures nor in words is no date."""
        assert [] == _values("Это было несколько лет назад.", language="ru")

    def test_weekday_names(self) -> None:
        """Weekday names resolve to the nearest such day."""
        assert ["2017-12-25"] == _values("Wir trafen uns am Montag.", language="de")

    def test_unknown_language_numeric_only(self) -> None:
        """An unsupported language still gets numeric dates."""
        assert ["2017-11-08"] == _values("Tarehe 08.11.2017 tulikutana.", language="sw")

    def test_language_tag(self) -> None:
        """A regional tag such as en-GB selects the language's rules."""
        assert ["2017-11-08"] == _values("on 8 November", language="en-GB")


class TestRobustness:
    @pytest.mark.parametrize(
        "text",
        [
            "1" * 200_000,
            "May " * 50_000,
            "(" * 100_000,
            "the last " * 30_000,
            "December 28, " * 20_000,
            "2017 " * 40_000,
            "a" * 1_000_000,
            "- " * 100_000,
            "\x00\xff\ufffd" * 50_000,
            "every other " * 20_000,
            "8. " * 50_000,
            "Monday " * 30_000,
            "now " * 50_000,
        ],
    )
    def test_adversarial_input_completes(self, text: str) -> None:
        """Long hostile strings are processed without an exception."""
        found = find_times(text, anchor=ANCHOR)
        assert all(text[t.start : t.end] == t.text for t in found)

    def test_empty(self) -> None:
        """Empty text gives nothing."""
        assert [] == find_times("", anchor=ANCHOR)

    def test_sorted_and_disjoint(self) -> None:
        """Results are sorted by start and never overlap."""
        found = find_times(
            "Since early 2016, and until late next year, in the 1990s and last week.", anchor=ANCHOR
        )
        starts = [t.start or 0 for t in found]
        assert sorted(starts) == starts
        assert all((a.end or 0) <= (b.start or 0) for a, b in itertools.pairwise(found))

    @pytest.mark.parametrize("language", ["de", "es", "fr", "ru", "xx"])
    def test_other_languages_hostile(self, language: str) -> None:
        """The other languages' rules are linear on hostile input too."""
        find_times("8 " * 50_000 + "ноября " * 20_000, anchor=ANCHOR, language=language)


_WORDS = st.sampled_from(
    [
        "last", "next", "this", "year", "week", "May", "march", "Monday", "since", "summer",
        "early", "late", "the", "1990s", "2017", "November", "8", "8th", "of", "ago", "two",
        "years", "days", "will", "was", "now", "soon", "quarter", "third", "-", ",", ".",
        "10:30", "p.m.", "fiscal", "every", "daily", "mid-", "Q3", "28.12.2017", "\n", "a",
    ]
)  # fmt: skip


class TestProperties:
    @given(text=st.text(max_size=300))
    @settings(max_examples=200, deadline=None)
    def test_spans_slice_to_text(self, text: str) -> None:
        """For any text, every span slices back to its text and spans never overlap."""
        found = find_times(text, anchor=ANCHOR)
        for t in found:
            assert text[t.start : t.end] == t.text
        assert all((a.end or 0) <= (b.start or 0) for a, b in itertools.pairwise(found))

    @given(words=st.lists(_WORDS, max_size=30), language=st.sampled_from(["en", "de", "ru"]))
    @settings(max_examples=300, deadline=None)
    def test_temporal_soup_never_raises(self, words: list[str], language: str) -> None:
        """Text made of temporal words in any order is processed and sliced exactly."""
        text = " ".join(words)
        for t in find_times(text, anchor=ANCHOR, language=language):
            assert text[t.start : t.end] == t.text
            assert t.earliest is None or t.latest is None or t.earliest <= t.latest

    @given(anchor=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
    @settings(max_examples=200, deadline=None)
    def test_any_anchor(self, anchor: dt.date) -> None:
        """Any anchor date at all, even at the calendar's ends, is handled."""
        text = "last week, next year, last summer, Monday, November 8, two years ago, this quarter"
        find_times(text, anchor=anchor)


class TestEvaluate:
    def test_score(self) -> None:
        """Relaxed matches count toward type and value, strict ones need equal extents."""
        gold = [{"start": 0, "end": 9, "type": "DATE", "value": "2018"}]
        system = [{"start": 4, "end": 9, "type": "DATE", "value": "2017"}]
        result = score([(gold, system)])
        assert (0.0, 1.0, 0.0) == (
            result["strict"]["F1"],
            result["relaxed"]["F1"],
            result["value"]["F1"],
        )

    def test_missing_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing file gives a one-line error and exit status 2."""
        assert 2 == evaluate_main(["times", "no/such/file.jsonl"])
        err = capsys.readouterr().err
        assert 1 == len(err.strip().splitlines())
        assert "no/such/file.jsonl" in err

    def test_runs_on_a_file(
        self, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The times command prints the four figures of a corpus."""
        doc = {
            "doc_id": "d",
            "dct": "2017-12-28",
            "text": "We met last summer.",
            "timexes": [{"start": 7, "end": 18, "type": "DATE", "value": "2017-SU"}],
        }
        path = tmp_path / "corpus.jsonl"
        path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
        assert 0 == evaluate_main(["times", str(path)])
        out = capsys.readouterr().out
        assert "value    P=1.000 R=1.000 F1=1.000" in out

    def test_module_entry_point(self) -> None:
        """`python -m claimtrack.evaluate` exits 2 on a missing file."""
        proc = subprocess.run(
            [sys.executable, "-m", "claimtrack.evaluate", "times", "missing.jsonl"],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )
        assert 2 == proc.returncode
        assert "missing.jsonl" in proc.stderr


class TestCorpora:
    @pytest.mark.parametrize("name", ["tbaq_timebank.jsonl", "tbaq_aquaint.jsonl"])
    def test_tempeval_figures(self, name: str) -> None:
        """The TempEval-3 training corpora reach relaxed F1 0.90 and value F1 0.74 at least."""
        path = TIMEML / name
        if not path.exists():
            pytest.skip(f"{path} is absent (research data beside the repository)")
        pairs = []
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            found = find_times(doc["text"], anchor=doc["dct"])
            system = [
                {"start": t.start, "end": t.end, "value": t.value, "type": t.type} for t in found
            ]
            pairs.append((doc["timexes"], system))
        result = score(pairs)
        assert result["relaxed"]["F1"] >= 0.90
        assert result["value"]["F1"] >= 0.74


class TestQuarterCodes:
    def test_item_number_is_no_quarter(self) -> None:
        """A question number at the start of a line, `Q1.`, is no quarter."""
        assert [] == _values("Q1. Does the Minister agree that the talks have failed?\nQ2. Why?")

    def test_code_after_a_preposition(self) -> None:
        """`in Q3` is the third quarter of the anchor's year."""
        assert ["2017-Q3"] == _values("Exports grew in Q3.")

    def test_code_with_a_year(self) -> None:
        """`Q3 2016` needs no word before it: the year makes it a quarter."""
        assert ["2016-Q3"] == _values("Q3 2016 was weak.")


class TestSetAdverbs:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The forum is held annually in St Petersburg.", ("annually", "P1Y")),
            ("The commission meets semi-annually.", ("semi-annually", "P6M")),
            ("The reports are published monthly.", ("monthly", "P1M")),
            ("The ministers talk weekly.", ("weekly", "P1W")),
            ("The figures are updated yearly.", ("yearly", "P1Y")),
        ],
    )
    def test_adverb(self, text: str, expected: tuple[str, str]) -> None:
        """A frequency adverb is a set."""
        assert expected == _one(text)

    def test_newspaper_is_no_set(self) -> None:
        """`daily` before a newspaper's name names the newspaper."""
        assert [] == _values("The Communist Party daily Granma published the letter.")

    def test_rate_is_no_set(self) -> None:
        """`annually` after an amount gives a rate, not a time."""
        assert [] == _values("Trade grew by 20% annually, or 10,000 units annually.")

    def test_growth_is_no_set(self) -> None:
        """`annually` after a verb of change in its clause gives a rate of change."""
        assert [] == _values("The company has been doubling its profits annually.")

    def test_change_in_another_clause(self) -> None:
        """A verb of change in an earlier clause leaves `annually` a time."""
        assert ["P1Y"] == _values("The summit, which has been growing, is held annually.")


class TestRanges:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The plan covers 2018-2019.", ["2018", "2019"]),
            ("a programme for 2018–2020", ["2018", "2020"]),
            ("Prices rose in 1995-96.", ["1995", "1996"]),
            ("the 1999-00 season", ["1999", "2000"]),
        ],
    )
    def test_year_range(self, text: str, expected: list[str]) -> None:
        """A range of years is its two ends, each a year of its own."""
        assert expected == _values(text)

    @pytest.mark.parametrize(
        "text",
        ["Some 1800-2000 troops were there.", "Call 1995-2000-3456.", "Resolution 2018-2019"],
    )
    def test_numbers_are_no_range(self, text: str) -> None:
        """Counts, number chains and document numbers joined by a hyphen are no years."""
        assert [] == _values(text)

    def test_day_range(self) -> None:
        """The end of `April 20-21` is a day of the same month."""
        assert [("April 20", "2018-04-20"), ("21", "2018-04-21")] == _pairs(
            "The ministers will meet in Astana on April 20-21."
        )

    def test_day_range_before_month(self) -> None:
        """The beginning of `14-18 October 2018` is a day of the same month."""
        assert [("14", "2018-10-14"), ("18 October 2018", "2018-10-18")] == _pairs(
            "The forum will be held on 14-18 October 2018."
        )

    def test_month_range(self) -> None:
        """`January-October` is two months of the same year, the year of the last."""
        assert ["2017-01", "2017-10"] == _values("In January-October, trade grew.")

    def test_month_range_across_new_year(self) -> None:
        """`November-February` begins in the year before its last month."""
        assert ["2016-11", "2017-02"] == _values("In November-February 2017, trade grew.")


class TestHolidays:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("We met last Thanksgiving.", ("last Thanksgiving", "2017-11-23")),
            ("We will meet after Orthodox Christmas.", ("Orthodox Christmas", "2018-01-07")),
            ("before the New Year holidays", ("New Year", "2018-01-01")),
            ("The parade on Victory Day will be held.", ("Victory Day", "2018-05-09")),
            ("The results will be known after Election Day.", ("Election Day", "2018-11-06")),
            ("the reception on Russia Day", ("Russia Day", "2018-06-12")),
            ("He spoke on Veterans' Day 2016.", ("Veterans' Day 2016", "2016-11-11")),
            ("We will gather on Flag Day.", ("Flag Day", "2018-06-14")),
            ("Well, happy April Fool's Day.", ("April Fool's Day", "2018-04-01")),
            ("They met on Mother’s Day.", ("Mother’s Day", "2017-05-14")),
            (
                "He will speak on Martin Luther King Jr. Day.",
                ("Martin Luther King Jr. Day", "2018-01-15"),
            ),
            ("The parade on St. Patrick's Day was loud.", ("St. Patrick's Day", "2017-03-17")),
            (
                "Flowers sell well before International Women's Day.",
                ("International Women's Day", "2018-03-08"),
            ),
            ("We rested on Memorial Day.", ("Memorial Day", "2017-05-29")),
        ],
    )
    def test_holiday(self, text: str, expected: tuple[str, str]) -> None:
        """A holiday is its day, in the year the words or the tense point to."""
        assert expected == _one(text)

    def test_greeting_is_no_date(self) -> None:
        """`Happy New Year` greets; it names no day."""
        assert [] == _values("Happy New Year to all of you!")

    def test_holiday_week_at_hand(self) -> None:
        """A holiday's week near the anchor is that week, whatever the tense."""
        assert ["2000-W16"] == _values("Protesters prayed as Easter week began.", "2000-04-17")

    def test_eve_of_an_event_is_no_date(self) -> None:
        """`on the eve of the summit` names no day, as TimeBank leaves it."""
        assert [] == _values("He spoke on the eve of the summit.")

    def test_anniversary_is_no_date(self) -> None:
        """An anniversary counts years; it is no time."""
        assert [] == _values("We marked the 75th anniversary of the Victory.")


class TestDiplomaticPhrases:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("It happened a year and a half ago.", ("a year and a half ago", "2016-06")),
            ("We will know in two weeks' time.", ("two weeks' time", "2018-W02")),
            ("We will know in a month’s time.", ("a month’s time", "2018-01")),
            ("the results of the outgoing year", ("the outgoing year", "2017")),
            (
                "In the second half of the year, trade grew.",
                ("the second half of the year", "2017-H2"),
            ),
            ("the pre-2014 borders", ("2014", "2014")),
            ("the post-1991 order", ("1991", "1991")),
        ],
    )
    def test_phrase(self, text: str, expected: tuple[str, str]) -> None:
        """Expressions of diplomatic speech get their ISO-TimeML value and extent."""
        assert expected == _one(text)

    def test_title_year_is_no_date(self) -> None:
        """`the Year` with a capital is part of a title."""
        assert [] == _values("This is the Results of the Year with Vladimir Putin.")

    def test_running_is_no_time(self) -> None:
        """`the second year running` counts, as TimeBank's `the third consecutive month`."""
        assert [] == _values("Trade grew for the second year running.")


class TestTimeStamps:
    def test_stamp_keeps_anchor_day(self) -> None:
        """A time stamp on a line of its own dates the transcript, not the day last named."""
        text = "The ministers met yesterday.\n\n        END        2:58 P.M. EST\n"
        assert ["2017-12-27", "2017-12-28T14:58"] == _values(text)

    def test_time_in_a_sentence_takes_day_named(self) -> None:
        """A clock time inside a sentence still takes the day just named."""
        text = "The ministers met yesterday. They parted at 2:58 p.m.\n"
        assert ["2017-12-27", "2017-12-27T14:58"] == _values(text)

    def test_mid_afternoon(self) -> None:
        """`mid-afternoon` is the afternoon of the day named with it or before it."""
        assert [("yesterday", "2017-12-27"), ("mid afternoon", "2017-12-27TAF")] == _pairs(
            "The vote was yesterday. By mid afternoon, the count was over."
        )

    def test_mid_afternoon_with_its_day(self) -> None:
        """`midmorning tomorrow` is tomorrow's morning."""
        assert ("midmorning tomorrow", "2017-12-29TMO") == _one("We leave at midmorning tomorrow.")


class TestEventMonths:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The OSCE March report was published.", ("March", "2017-03")),
            ("Its May review was published.", ("May", "2017-05")),
            ("Turnout in the June elections was low.", ("June", "2017-06")),
        ],
    )
    def test_month_before_event_noun(self, text: str, expected: tuple[str, str]) -> None:
        """A month's name that is also a word is a month where it qualifies an event noun."""
        assert expected == _one(text)

    @pytest.mark.parametrize(
        "text",
        [
            "The Women's March report was published.",
            "He met Theresa May review teams.",
            "May review the text before signing.",
        ],
    )
    def test_names_and_verbs_are_no_month(self, text: str) -> None:
        """After a name, or opening a sentence, such a word is no month."""
        assert [] == _values(text)


class TestPossessiveDays:
    def test_possessive_outside_extent(self) -> None:
        """The `'s` of `yesterday's` is no part of the expression, as TimeBank marks it."""
        assert ("yesterday", "2017-12-27") == _one("He criticised yesterday's vote.")

    def test_today_s_world_is_the_present(self) -> None:
        """`today's world` is the present age, not the anchor's day."""
        assert ("today", "PRESENT_REF") == _one("In today’s world, nobody can hide.")

    def test_today_s_meeting_is_the_day(self) -> None:
        """`today's meeting` is held on the anchor's day."""
        assert ("today", "2017-12-28") == _one("At today’s meeting we spoke of trade.")


class TestVagueStretches:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Our ties have grown over the years.", ("the years", "PXY")),
            ("Through the years we stayed friends.", ("the years", "PXY")),
            ("The troops will stay there for a while.", ("a while", "PXX")),
        ],
    )
    def test_stretch(self, text: str, expected: tuple[str, str]) -> None:
        """A stretch of unknown length is a duration, without its preposition."""
        assert expected == _one(text)

    def test_how_many_hours_is_no_duration(self) -> None:
        """`how many hours` asks for a duration; it names none."""
        assert [] == _values("Nobody knows how many hours are left.")


class TestThisPast:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("This past weekend, we rested.", ("This past weekend", "2017-W51-WE")),
            ("Over the past weekend, shelling went on.", ("the past weekend", "2017-W51-WE")),
            ("We spoke this past Sunday.", ("this past Sunday", "2017-12-24")),
            ("Prices rose this past week.", ("this past week", "P1W")),
        ],
    )
    def test_this_past(self, text: str, expected: tuple[str, str]) -> None:
        """`this past` and `the past` point back as `last` does, the word kept in the extent."""
        assert expected == _one(text)

    def test_weekday_possessive_outside_extent(self) -> None:
        """The `'s` of `Last Thursday's` is no part of the expression."""
        assert ("Last Thursday", "2017-12-21") == _one("Last Thursday’s meeting was useful.")
