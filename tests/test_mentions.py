"""Tests of quantities, references and actors."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import find_actors, find_quantities, find_references

from .strategies import any_text, prose


class TestQuantities:
    """Numbers in digits and words, with their counted nouns."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Four de-escalation zones are open.", [("Four", 4, "de-escalation zones", None)]),
            ("two dozen people came", [("two dozen", 24, "people", None)]),
            ("3.5 million people", [("3.5 million", 3_500_000.0, "people", None)]),
            ("it fell 40% in May", [("40%", 40, "percent", None)]),
            ("about $2 billion", [("$2 billion", 2_000_000_000, "USD", "about")]),
            ("more than 1,500 soldiers", [("1,500", 1500, "soldiers", "more than")]),
            ("hundreds of troops died", [("hundreds", 200, "troops", "approx")]),
            ("twenty-one new schools", [("twenty-one", 21, "new schools", None)]),
            ("forty percent of voters", [("forty percent", 40, "percent", None)]),
        ],
    )
    def test_found(self, text: str, expected: list[tuple[object, ...]]) -> None:
        """Value, counted noun and approximation are read."""
        assert expected == [(q.text, q.value, q.unit, q.mod) for q in find_quantities(text)]

    @pytest.mark.parametrize(
        "text",
        [
            "UN Security Council Resolution 2254",
            "One of our priorities; one can say so",
            "the G20 and COVID-19",
            "Article 5 and No. 7",
            "at 2:46 p.m. EST, or 15:46",
            "the Post 9/11 G.I. Bill, open 24/7",
            "called to order at 10.10 a.m.",
            "the NFIB's 75th anniversary, 2nd and 3rd",
            "The two talked about ways; the three of us",
            "under rule 37 and in round 2",
            "a plan of consultations for 2020-2021",
        ],
    )
    def test_not_quantities(self, text: str) -> None:
        """Document numbers, names with digits and `one` as a pronoun are not quantities.

        Nor are clock times, dates and ratios with a colon or slash, ordinals, number words
        after `the` that count nothing, the numbers of rules and rounds, and years.
        """
        assert [] == find_quantities(text)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("on Wednesday 26 January", [("26", None)]),
            ("four people said so", [("four", "people")]),
            ("two injured people", [("two", "injured people")]),
            ("two talked about it", [("two", None)]),
        ],
    )
    def test_counted_noun(self, text: str, expected: list[tuple[object, ...]]) -> None:
        """A month, a verb or a preposition after a number is not what it counts."""
        assert expected == [(q.text, q.unit) for q in find_quantities(text)]

    def test_skip_spans(self) -> None:
        """Spans given to skip (times, for instance) are left out."""
        assert [] == find_quantities("In 2018 it rose", skip=((3, 7),))

    def test_dotted_abbreviation_in_the_counted_noun(self) -> None:
        """`three U.S. service members` counts service members; `5G` and `3D` count
        nothing."""
        text = "three U.S. service members on 5G and 3D networks"
        assert [("three", "U.S. service members")] == [
            (q.text, q.unit) for q in find_quantities(text)
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "COVID–19 killed many",
            "the G–7 met",
            "kids two and five years old",
            "the two sides agreed",
            "net zero emissions in zero-emission cars",
            "Contents:\n  1. Statements by the minister\n  10) The EU's reaction",
        ],
    )
    def test_no_count(self, text: str) -> None:
        """A number in a name after an en dash, two numbers joined by `and`, a small count
        of a known set, `net zero`, a list's item numbers: no count."""
        assert [] == find_quantities(text)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("a billion dollars in aid", [("a billion", 1_000_000_000, "USD")]),
            ("a million pills", [("a million", 1_000_000, "pills")]),
            ("half a dozen countries", [("half a dozen", 6, "countries")]),
            ("It was a good day.", []),
        ],
    )
    def test_a_scale(self, text: str, expected: list[tuple[object, ...]]) -> None:
        """`a` (or `half a`) before a scale word counts one (or half) of it."""
        assert expected == [(q.text, q.value, q.unit) for q in find_quantities(text)]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("growth was 6,4 percent", [(6.4, "percent")]),
            ("1,5 billion dollars", [(1_500_000_000, "USD")]),
            ("146,7 million people", [(146_700_000, "people")]),
            ("12,000 troops", [(12_000, "troops")]),
        ],
    )
    def test_decimal_comma(self, text: str, expected: list[tuple[object, ...]]) -> None:
        """A decimal comma before a share or a scale; a thousands comma otherwise."""
        assert expected == [(q.value, q.unit) for q in find_quantities(text)]

    def test_hundreds_joined_by_and(self) -> None:
        """`one hundred and five` is one number."""
        assert [105] == [q.value for q in find_quantities("one hundred and five people")]

    def test_counted_noun_stops_at_a_skipped_span(self) -> None:
        """`628 two weeks earlier`, the time skipped, counts no weeks."""
        text = "down from 628 two weeks earlier"
        assert [("628", None)] == [
            (q.text, q.unit) for q in find_quantities(text, skip=((14, 31),))
        ]

    @given(any_text)
    def test_spans_slice(self, text: str) -> None:
        """Every quantity's span slices back to its text."""
        for q in find_quantities(text):
            assert text[q.start : q.end] == q.text

    def test_hostile_digits(self) -> None:
        """Long runs of digits and number words complete."""
        assert [] == find_quantities("1" * 200_000)
        assert find_quantities("one two " * 30_000)


class TestReferences:
    """Cited documents."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "based on UN Security Council Resolution 2254, which",
                [("UN Security Council Resolution 2254", "resolution", "2254")],
            ),
            ("resolution 71/190 of the UN", [("resolution 71/190", "resolution", "71/190")]),
            (
                "The Countering America's Adversaries Through Sanctions Act bites",
                [
                    (
                        "Countering America's Adversaries Through Sanctions Act",
                        "law",
                        "Countering America's Adversaries Through Sanctions Act",
                    )
                ],
            ),
            ("the Minsk Agreements", [("Minsk Agreements", "agreement", "Minsk Agreements")]),
            ("the Minsk agreements", [("Minsk agreements", "agreement", "Minsk agreements")]),
            ("the Iran nuclear deal", [("Iran nuclear deal", "agreement", "Iran nuclear deal")]),
            ("the New START treaty", [("New START treaty", "treaty", "New START treaty")]),
            ("This agreement holds", []),
            ("the Rome Statute", [("Rome Statute", "law", "Rome Statute")]),
            (
                "the Statute of the Council of Europe says",
                [("Statute of the Council of Europe", "law", "Statute of the Council of Europe")],
            ),
            ("the joint statement, which", [("joint statement", "statement", None)]),
            (
                "the Treaty on the Non-Proliferation of Nuclear Weapons is",
                [
                    (
                        "Treaty on the Non-Proliferation of Nuclear Weapons",
                        "treaty",
                        "Treaty on the Non-Proliferation of Nuclear Weapons",
                    )
                ],
            ),
        ],
    )
    def test_found(self, text: str, expected: list[tuple[object, ...]]) -> None:
        """Text, kind and identifier are normalised."""
        assert expected == [(r.text, r.kind, r.identifier) for r in find_references(text)]

    def test_issuer(self) -> None:
        """The issuing body of a resolution is named."""
        (ref,) = find_references("General Assembly resolution 71/190")
        assert "UN General Assembly" == ref.issuer

    def test_organisation_named_after_a_treaty_is_no_reference(self) -> None:
        """`the Collective Security Treaty Organisation` names a body, not a treaty."""
        text = (
            "the Collective Security Treaty Organisation and the North Atlantic Treaty Organization"
        )
        assert [] == find_references(text)

    def test_bare_noun_is_not_a_reference(self) -> None:
        """`to reach agreement` cites no document."""
        assert [] == find_references("to help them reach agreement and stop")

    @given(prose)
    def test_spans_slice(self, text: str) -> None:
        """Every reference's span slices back to its text."""
        for r in find_references(text):
            assert text[r.start : r.end] == r.text

    def test_hostile_capitals(self) -> None:
        """Long runs of capitalised words complete."""
        assert [] == find_references("Big " * 50_000)


class TestActors:
    """Countries, organisations and persons."""

    def test_one_country_many_names(self) -> None:
        """`the United States`, `US`, `America` and `Washington` are one actor."""
        names = {a.name for a in find_actors("the United States, US, America and Washington")}
        assert {"United States"} == names

    def test_organisations(self) -> None:
        """Acronyms of international organisations are recognised."""
        found = [(a.name, a.type) for a in find_actors("the CSTO, the CIS and the G20")]
        assert [
            ("Collective Security Treaty Organisation", "organisation"),
            ("Commonwealth of Independent States", "organisation"),
            ("G20", "organisation"),
        ] == found

    def test_titled_person(self) -> None:
        """A person after a title is found by name, without the possessive."""
        found = [(a.name, a.type) for a in find_actors("President Vladimir Putin’s initiative")]
        assert [("Vladimir Putin", "person")] == found

    def test_gazetteer_country(self) -> None:
        """Countries come from the ISO 3166 data too."""
        assert ["Norway"] == [a.name for a in find_actors("with Norway")]

    def test_title_is_not_a_name(self) -> None:
        """`Mr President` addresses a person without naming one."""
        assert [] == find_actors("Thank you, Mr President. Mr. President, will you?")

    def test_place_holding_a_country_name(self) -> None:
        """`Northern Ireland` is not Ireland, nor `New Mexico` Mexico, nor `North America`
        or `The Washington Post` the United States."""
        assert [] == find_actors("Secretary of State for Northern Ireland, in New Mexico")
        assert [] == find_actors(
            "Troops from North America and Latin America, said The Washington Post"
        )

    def test_office_ending_a_sentence_names_nobody(self) -> None:
        """After `the Prime Minister.` a new sentence starts; only abbreviated titles take
        a full stop (`Gen. Mattis`, `Mr. Smith`)."""
        text = "It is to the Prime Minister. Section 5 applies. Gen. Mattis met Director Ann Lee."
        assert ["Mattis", "Ann Lee"] == [a.name for a in find_actors(text)]

    def test_companies_and_bodies_after_a_title(self) -> None:
        """`General Motors`, `the Justice Department`, a `General Assembly` name no
        person."""
        text = "General Motors, the Justice Department and the Virginia General Assembly"
        assert [] == [a for a in find_actors(text) if a.type == "person"]

    def test_names_with_an_inner_capital(self) -> None:
        """`McDonnell`, `MacArthur` and `DeSantis` are whole names."""
        text = "Governor Bob McDonnell, General Douglas MacArthur and Governor Ron DeSantis"
        assert ["Bob McDonnell", "Douglas MacArthur", "Ron DeSantis"] == [
            a.name for a in find_actors(text)
        ]

    def test_names_with_accents_and_hyphens(self) -> None:
        """Titled names with accents, apostrophes and hyphens are whole."""
        text = "Mr. António Guterres, Governor O'Malley and President Jean-Claude Juncker"
        assert ["António Guterres", "O'Malley", "Jean-Claude Juncker"] == [
            a.name for a in find_actors(text)
        ]

    def test_more_titles_and_organisations(self) -> None:
        """Peers, envoys and spokespeople are titles; the ICC and Hamas organisations."""
        found = [(a.name, a.type) for a in find_actors("Baroness Amos told the ICC and Hamas")]
        assert [
            ("Amos", "person"),
            ("International Criminal Court", "organisation"),
            ("Hamas", "organisation"),
        ] == found

    def test_lower_case_is_not_a_name(self) -> None:
        """`us` in lower case is the pronoun."""
        assert [] == find_actors("they told us so")

    @given(any_text)
    def test_spans_slice(self, text: str) -> None:
        """Every actor's span slices back to its text."""
        for a in find_actors(text):
            assert text[a.start : a.end] == a.text


class TestFastPaths:
    """The shortcuts that look only where a match can be find what a full scan finds."""

    TEXTS = (
        "about $5 million and 1,2345,678 of them",
        "sixty-five and twenty, hundreds of millions of people, dozens",
        "ſeven ONE Hundred, at least   5, approximately €3.5bn",
        "x1 a2 3b tone often money none, just under 7%",
        "G20 and COVID-19; Resolution 2254 and article 5",
    )

    @pytest.mark.parametrize("text", TEXTS)
    def test_numbers(self, text: str) -> None:
        """`_numbers` yields the matches of the number pattern over any slice."""
        from claimtrack._claims import _words
        from claimtrack.mentions._quantities import _NUMBER, _numbers

        for start in range(len(text)):
            expected = [m.span() for m in _NUMBER.finditer(text, start)]
            assert expected == [m.span() for m in _numbers(text, start, len(text))]
            words = _words(text[start:])
            assert expected == [m.span() for m in _numbers(text, start, len(text), words)]

    @given(
        st.lists(
            st.sampled_from(["one", "five", "about ", " ", "-", "$", "5", ",", "000", "."])
        ).map("".join)
    )
    def test_numbers_any_text(self, text: str) -> None:
        """On any text made of number parts the matches are the same."""
        from claimtrack._claims import _words
        from claimtrack.mentions._quantities import _NUMBER, _numbers

        expected = [m.span() for m in _NUMBER.finditer(text)]
        assert expected == [m.span() for m in _numbers(text, 0, len(text))]
        assert expected == [m.span() for m in _numbers(text, 0, len(text), _words(text))]

    def test_actors_beside_many_persons(self) -> None:
        """A name inside a titled person's name is the person's; the rest are found."""
        text = " ".join(f"President Ann Lee{i} met Mr Bo Li in Russia." for i in range(50))
        found = [(a.name, a.type) for a in find_actors(text)]
        assert 50 == found.count(("Russia", "country"))
        assert 100 == sum(kind == "person" for _, kind in found)
