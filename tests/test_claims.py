"""Tests of claim extraction."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack import ClaimKind, Status, extract_claims, parse_transcript

from .strategies import any_text, prose


def _claim_at(claims: list[claimtrack.Claim], start: int, end: int) -> claimtrack.Claim | None:
    """The claim overlapping most of the span start:end, as the gold scorer matches."""
    best = None
    for claim in claims:
        overlap = min(end, claim.end) - max(start, claim.start)
        half = overlap * 2 >= end - start or overlap * 2 >= claim.end - claim.start
        if overlap > 0 and half and (best is None or overlap > best[0]):
            best = (overlap, claim)
    return None if best is None else best[1]


class TestReferenceTranscript:
    """The gold claims marked `must` of the reference interview."""

    def test_must_claims(
        self, example_claims: list[claimtrack.Claim], gold: dict[str, Any]
    ) -> None:
        """Each must-claim is found with its kind, speaker, time, quantity and references."""
        for want in (g for g in gold["claims"] if g["must"]):
            got = _claim_at(example_claims, want["start"], want["end"])
            assert got is not None, want["key"]
            assert (want["kind"], want["speaker"]) == (got.kind.value, got.speaker)
            if want.get("time"):
                assert want["time"]["value"] == (got.time.value if got.time else None)
            if want.get("quantity"):
                q = want["quantity"]
                assert (q["value"], q["unit"]) in [(x.value, x.unit) for x in got.quantities]
            for ref in want.get("references", []):
                assert any(ref in r.text or r.text in ref for r in got.references), ref

    def test_exact_quotes(
        self, example: claimtrack.Transcript, example_claims: list[claimtrack.Claim]
    ) -> None:
        """Every claim's offsets slice the transcript to its quote."""
        assert example_claims
        for claim in example_claims:
            assert example.text[claim.start : claim.end] == claim.text
            assert claim.provenance.transcript_id == example.id

    def test_dated_event(self, example_claims: list[claimtrack.Claim]) -> None:
        """`on November 8` in a 2017-12-28 interview is 2017-11-08, read from the text."""
        claim = next(c for c in example_claims if "trilateral memorandum" in c.text)
        assert claim.time is not None
        assert (
            "November 8",
            "2017-11-08",
            True,
        ) == (claim.time.text, claim.time.value, claim.time.explicit)
        assert {"Russia", "United States", "Jordan"} <= {a.name for a in claim.actors}

    def test_implicit_time(self, example_claims: list[claimtrack.Claim]) -> None:
        """A claim with no time of its own is dated by the transcript, marked implicit."""
        claim = next(c for c in example_claims if c.text.startswith("Four de-escalation"))
        assert claim.time is not None
        assert ("2017-12-28", False) == (claim.time.value, claim.time.explicit)

    def test_no_claims_from_questions(self, example_claims: list[claimtrack.Claim]) -> None:
        """Pure questions are not claims; a question's presupposed dated event is one."""
        questions = [c for c in example_claims if c.text.endswith("?")]
        assert ["Question"] == list({c.speaker for c in questions})
        assert all(dict(c.features)["presupposed"] == 1.0 for c in questions)
        assert [("event", "2018", "START")] == [
            (c.kind.value, c.time.value, c.time.mod) for c in questions if c.time
        ]

    def test_status_starts_unverified(self, example_claims: list[claimtrack.Claim]) -> None:
        """Every new claim is unverified, with a score in [0, 1]."""
        assert {Status.UNVERIFIED} == {c.status for c in example_claims}
        assert all(0.0 <= c.score <= 1.0 for c in example_claims)

    def test_ids_are_stable(
        self, example: claimtrack.Transcript, example_claims: list[claimtrack.Claim]
    ) -> None:
        """Extracting twice gives the same ids."""
        assert [c.id for c in example_claims] == [c.id for c in extract_claims(example)]


class TestKinds:
    """Kinds of claims in small transcripts."""

    def _one(self, sentence: str) -> claimtrack.Claim:
        t = parse_transcript(sentence, published="2017-12-28", speaker="Ann Lee")
        (claim,) = extract_claims(t)
        return claim

    def test_commitment(self) -> None:
        """A dated pledge in the first person is a commitment."""
        claim = self._one("In 2018, we will continue to fight terrorism with Iran.")
        assert (
            ClaimKind.COMMITMENT,
            "2018",
        ) == (claim.kind, claim.time.value if claim.time else None)

    def test_attribution(self) -> None:
        """Reported speech is an attribution to the one who said it."""
        claim = self._one("US Defence Secretary James Mattis has said that US forces will remain.")
        assert (ClaimKind.ATTRIBUTION, "James Mattis") == (claim.kind, claim.attributed_to)

    def test_reference(self) -> None:
        """What a resolution says is a reference claim, with its identifier."""
        claim = self._one("Under UN Security Council Resolution 2254, the Syrians must decide.")
        assert ClaimKind.REFERENCE == claim.kind
        assert ["2254"] == [r.identifier for r in claim.references]

    @pytest.mark.parametrize(
        ("sentence", "identifier"),
        [
            ("Resolution 2254 says that the Syrians must decide.", "2254"),
            ("The Minsk agreements stipulate that Kiev must talk to Donetsk.", "Minsk agreements"),
            (
                "We act because the Statute of the Council of Europe says that all are equal.",
                "Statute of the Council of Europe",
            ),
        ],
    )
    def test_what_a_document_says(self, sentence: str, identifier: str) -> None:
        """What a cited document says is a reference claim, not reported speech."""
        claim = self._one(sentence)
        assert (ClaimKind.REFERENCE, None, [identifier]) == (
            claim.kind,
            claim.attributed_to,
            [r.identifier for r in claim.references],
        )

    def test_organisation_said(self) -> None:
        """An organisation that said something is named without its article."""
        claim = self._one("The Council of Europe said that the Statute of the Council is binding.")
        assert (ClaimKind.ATTRIBUTION, "Council of Europe") == (claim.kind, claim.attributed_to)

    def test_long_subject_without_a_break(self) -> None:
        """A reporting verb after a long run without a comma is read in linear time."""
        sentence = "Ann " + "and Ann " * 50_000 + "said that it rained."
        t = parse_transcript(sentence, published="2017-12-28", speaker="Bo")
        assert [ClaimKind.ATTRIBUTION] == [c.kind for c in extract_claims(t)]

    def test_courtesies_are_not_claims(self) -> None:
        """Greetings and thanks state nothing, whatever the threshold."""
        t = parse_transcript(
            "Good afternoon, ladies and gentlemen. Thank you for your question.",
            published="2017-12-28",
            speaker="Ann Lee",
        )
        assert [] == extract_claims(t, threshold=0.0)

    @pytest.mark.parametrize(
        "sentence",
        [
            "Of course, the government cut taxes in 2019.",
            "The European Commission clearly violated its own rules when it banned RT in 2019.",
            "Obviously, the talks in Geneva failed on March 3.",
            "I want to say that the previous government built 200 schools.",
            "We don't supply weapons to Venezuela.",
        ],
    )
    def test_hedges_are_not_opinions(self, sentence: str) -> None:
        """`of course`, `clearly`, a frame (`I want to say that`) or a denial leave the
        sentence a candidate claim."""
        t = parse_transcript(sentence, published="2019-12-28", speaker="Ann Lee")
        assert [sentence] == [c.text for c in extract_claims(t, threshold=0.0)]

    @pytest.mark.parametrize(
        "sentence",
        ["I don't think they will come.", "We don't want war.", "I think Ann Lee is right."],
    )
    def test_opinions_are_not_claims(self, sentence: str) -> None:
        """A sentence whose only clause voices an opinion is no claim at all."""
        t = parse_transcript(sentence, published="2019-12-28", speaker="Ann Lee")
        assert [] == extract_claims(t, threshold=0.0)

    @pytest.mark.parametrize(
        "text",
        [
            "Following is a transcript of the press conference by Secretary-General Ann Lee.",
            "Below is the text of the statement made by the Prime Minister.",
            "The rush transcript was updated on October 26 to reflect the statements.",
            "We also have a full transcript of the debates, night 2, on our site.",
            "Last updated 21-Nov-2019 10:03",
            "IE 11 is not supported. For an optimal experience visit our site on another browser",
            "1541-02-08-2023",
            (
                "Table of contents:\n\n  1. The III BRICS Youth Camp\n  9. Developments in Niger\n"
                "  10. The EU's reaction to amendments to the law on NGOs"
            ),
        ],
    )
    def test_notes_on_the_page_are_not_claims(self, text: str) -> None:
        """What a page or its editor says of the transcript, list headings and numbers
        without words are not the speaker's claims."""
        t = parse_transcript(text, published="2019-12-28", speaker="Ann Lee")
        assert [] == extract_claims(t, threshold=0.0)

    @pytest.mark.parametrize(
        "sentence",
        [
            "Now please welcome to Drake University the candidates.",
            "Joining me in the questioning tonight are Kevin Cooney and Nancy Cordes.",
            "With us, Republican strategist Mike Murphy and Democrat Paul Begala.",
            "I'm Jake Tapper in Washington, where the race is in a sprint, 100 days out.",
            "Senator Elizabeth Warren joins me exclusively next.",
            "Minnesota Governor Tim Walz is coming up after the break.",
        ],
    )
    def test_a_hosts_patter_is_no_claim(self, sentence: str) -> None:
        """Introductions of guests and of the host are no claims."""
        t = parse_transcript(sentence, published="2019-12-28", speaker="Ann Lee")
        assert [] == extract_claims(t, threshold=0.0)

    def test_large_dated_count_is_the_point(self) -> None:
        """A count of a hundred or more makes a quantity claim even when dated; a small
        one leaves the event."""
        t = parse_transcript(
            "On 7 June, 443 people were admitted to hospital. Three officials resigned on"
            " Monday. The UK will reach net zero emissions by 2050.",
            published="2019-06-12",
            speaker="Ann Lee",
        )
        assert [
            (ClaimKind.QUANTITY, "2019-06-07", [443]),
            (ClaimKind.EVENT, "2019-06-10", [3]),
            (ClaimKind.EVENT, "2050", []),
        ] == [
            (c.kind, c.time.value if c.time else None, [q.value for q in c.quantities])
            for c in extract_claims(t, threshold=0.0)
        ]

    @pytest.mark.parametrize(
        "sentence",
        [
            "The UK has committed to reach net zero emissions by 2050.",
            "Russia pledged to deliver 30 million doses to Africa in 2021.",
            "The minister vowed to resign in 2020.",
        ],
    )
    def test_anyones_dated_pledge_is_a_commitment(self, sentence: str) -> None:
        """A dated pledge reported of a country or a person is a commitment too."""
        assert ClaimKind.COMMITMENT == self._one(sentence).kind

    @pytest.mark.parametrize(
        ("sentence", "kind", "source"),
        [
            (
                "Two U.S. officials said that Iran launched 30 drones.",
                "attribution",
                "U.S. officials",
            ),
            ("I’ve said repeatedly that the program is lawful.", "event", None),
            (
                "We noted that on April 27, FBI Director Chris Wray said that China hacked us.",
                "attribution",
                "Chris Wray",
            ),
            ("All told, we created 369,000 new manufacturing jobs.", "quantity", None),
            ("And the CEO said that profits fell.", "attribution", "CEO"),
            ("My opponent has also previously said that taxes rose.", "attribution", "opponent"),
            ("But critics argue that the law failed.", "attribution", "critics"),
            ("Both sides confirmed that the talks would resume.", "attribution", "sides"),
            ("Russia will not expel anyone, Lavrov said.", "attribution", "Lavrov"),
            ("The talks failed, said Sergey Lavrov.", "attribution", "Sergey Lavrov"),
            ("Prices rose 5 percent in May, the ministry said.", "attribution", "ministry"),
            ("It was a mistake, I said.", "event", None),
            (
                "The Justice Department said that 40 people were charged.",
                "attribution",
                "Justice Department",
            ),
        ],
    )
    def test_who_reports(self, sentence: str, kind: str, source: str | None) -> None:
        """A count is no part of the source; the speaker's own `I’ve said` reports
        nobody else; `We noted that X said that` reports X; `All told` reports nothing."""
        t = parse_transcript(sentence, published="2023-04-28", speaker="Bo Dee")
        (claim,) = extract_claims(t, threshold=0.0)
        assert (kind, source) == (claim.kind.value, claim.attributed_to)

    @pytest.mark.parametrize(
        "text",
        [
            "The government of Canada said on Monday that 40 --",
            "It talks about a Chinese base in --",
            "A transcript of Attorney General Ann Lee's testimony on June 13, 2017.",
            'title: "Press Briefing by Press Secretary Ann Lee, March 10, 2023"',
            "I have two questions for Director Young.",
            "And let's pass the PRO Act to protect workers.",
            "I call on the Senate to pass the Freedom to Vote Act.",
            "modified_time: 2023-03-10 19:07:58-05:00",
            "Consular queries: +44 (0) 203 668 7474, info@example.org",
        ],
    )
    def test_fragments_and_page_notes(self, text: str) -> None:
        """A short sentence broken off before its point, a page's title or front matter,
        and a questioner announcing questions are no claims."""
        t = parse_transcript(text, published="2023-04-28", speaker="Bo Dee")
        assert [] == extract_claims(t, threshold=0.0)

    @pytest.mark.parametrize(
        "sentence",
        [
            "I will be frank: in 2017 I met with my colleagues in Geneva.",
            "The reason – I'll make a small digression – was the agreement of 2014.",
        ],
    )
    def test_a_speakers_aside_is_no_pledge(self, sentence: str) -> None:
        """`I will be frank`, `I'll make a digression`: asides, no commitments."""
        t = parse_transcript(sentence, published="2017-12-28", speaker="Ann Lee")
        (claim,) = extract_claims(t, threshold=0.0)
        assert ClaimKind.EVENT == claim.kind

    def test_an_office_reports_the_person_named_before(self) -> None:
        """`The President noted that`: the President named before in the turn."""
        t = parse_transcript(
            "President Vladimir Putin met Emmanuel Macron on Monday. The President noted that"
            " the talks were useful.",
            published="2019-06-18",
            speaker="Bo Dee",
        )
        assert [None, "Vladimir Putin"] == [
            c.attributed_to for c in extract_claims(t, threshold=0.0)
        ]

    def test_speaking_is_no_pledge(self) -> None:
        """`I will say that ...` announces speech, not a commitment; `we will continue`
        is one."""
        t = parse_transcript(
            "What I will say is that our banks are safe and sound in 2023. In 2024,"
            " we will continue to fight terrorism.",
            published="2023-03-10",
            speaker="Bo Dee",
        )
        assert [ClaimKind.STATE, ClaimKind.COMMITMENT] == [
            c.kind for c in extract_claims(t, threshold=0.0)
        ]

    def test_broken_off_after_its_point(self) -> None:
        """A sentence broken off after a complete claim keeps it."""
        sentence = (
            "Unlike the $2 trillion tax cut that benefited the top 1 percent of Americans,"
            " the American Rescue Plan——"
        )
        t = parse_transcript(sentence, published="2022-03-01", speaker="Bo Dee")
        assert [sentence] == [c.text for c in extract_claims(t, threshold=0.0)]

    def test_she_said_closing_a_sentence(self) -> None:
        """`..., she said.` reports the person named before in the turn."""
        t = parse_transcript(
            "Baroness Valerie Amos briefed the Council. The situation is dire, she said.",
            published="2014-04-24",
            speaker="Ann Lee",
        )
        assert [None, "Valerie Amos"] == [c.attributed_to for c in extract_claims(t, threshold=0.0)]

    def test_he_or_she_reports_the_person_named_before(self) -> None:
        """`She stressed that` is reported speech of the person last named in the turn;
        with nobody named before, it is still reported speech, of someone unknown."""
        t = parse_transcript(
            "Baroness Valerie Amos briefed the Council on Syria in April. She stressed that"
            " there is no humanitarian solution.\n\nBo Dee: He also noted that 9 million"
            " people need aid.",
            published="2014-04-24",
            speaker="Ann Lee",
        )
        assert [
            (ClaimKind.EVENT, None),
            (ClaimKind.ATTRIBUTION, "Valerie Amos"),
            (ClaimKind.ATTRIBUTION, None),
        ] == [(c.kind, c.attributed_to) for c in extract_claims(t, threshold=0.0)]

    def test_small_count_of_a_happening_is_an_event(self) -> None:
        """`three employees resigned`: the happening is the point, undated too; a count
        in the present stays a quantity claim."""
        t = parse_transcript(
            "Three CNN employees resigned after the article. Three of the seven sites are open.",
            published="2017-06-29",
            speaker="Ann Lee",
        )
        assert [ClaimKind.EVENT, ClaimKind.QUANTITY] == [
            c.kind for c in extract_claims(t, threshold=0.0)
        ]

    def test_a_transcript_as_evidence_is_content(self) -> None:
        """A transcript spoken of as evidence is no note on the page."""
        claim = self._one("The transcript of the call shows that he asked for 300 files.")
        assert ClaimKind.QUANTITY == claim.kind

    def test_counts_of_a_known_set_are_no_quantities(self) -> None:
        """`the two sides` names a pair; `two planes` and `the two million` count."""
        t = parse_transcript(
            "The two sides agreed to send four experts. The two million refugees need help.",
            published="2019-12-28",
            speaker="Ann Lee",
        )
        assert [[4], [2_000_000]] == [
            [q.value for q in c.quantities] for c in extract_claims(t, threshold=0.0)
        ]

    @pytest.mark.parametrize(
        ("sentence", "source"),
        [
            ("RBS Group announced on 23 November that it would keep lending.", "RBS Group"),
            ("Sergey Lavrov said on Tuesday that Russia would not expel anyone.", "Sergey Lavrov"),
            ("Ann Lee said in a statement that 9 million people need aid.", "Ann Lee"),
            ("UN agencies report that more than 220,000 people have fled.", "UN"),
            ("The minister told reporters that the talks had failed.", "The minister"),
        ],
    )
    def test_reported_with_a_date_or_an_audience(self, sentence: str, source: str) -> None:
        """A date, a medium or an audience between the reporting verb and `that`."""
        t = parse_transcript(sentence, published="2008-12-11", speaker="Bo Dee")
        (claim,) = extract_claims(t, threshold=0.0)
        assert (ClaimKind.ATTRIBUTION, source) == (claim.kind, claim.attributed_to)

    def test_thanks_to_is_no_courtesy(self) -> None:
        """`Thanks to ...` opens a claim, not a thank-you."""
        claim = self._one("Thanks to Russia's efforts, the ceasefire has held since July.")
        assert ClaimKind.STATE == claim.kind

    def test_plural_reporting_verb(self) -> None:
        """`The Americans claim that` reports the Americans' words."""
        claim = self._one("The Americans claim that Russia interfered in their elections.")
        assert (ClaimKind.ATTRIBUTION, "Americans") == (claim.kind, claim.attributed_to)

    def test_measured_quantity_is_the_point(self) -> None:
        """A share or a sum of money makes a quantity claim even when dated."""
        claim = self._one("Trade grew by 20 percent last year and reached $84 billion.")
        assert (ClaimKind.QUANTITY, "2016", [20, 84_000_000_000]) == (
            claim.kind,
            claim.time.value if claim.time else None,
            [q.value for q in claim.quantities],
        )

    def test_according_to_opening_a_sentence(self) -> None:
        """`According to the UN, ...` reports the UN's words."""
        claim = self._one("According to the UN, 13 million Syrians need humanitarian aid.")
        assert (ClaimKind.ATTRIBUTION, "UN") == (claim.kind, claim.attributed_to)

    def test_bounded_number_is_the_point(self) -> None:
        """`more than 30 agreements` makes a quantity claim even when dated."""
        claim = self._one("Russia and China have signed more than 30 agreements this year.")
        assert (ClaimKind.QUANTITY, "more than") == (claim.kind, claim.quantities[0].mod)

    def test_measured_amount_is_the_point(self) -> None:
        """An amount in a unit of measure makes a quantity claim even when dated."""
        claim = self._one("We have delivered 40 tonnes of grain to Chad this year.")
        assert (ClaimKind.QUANTITY, "2017", [(40, "tonnes")]) == (
            claim.kind,
            claim.time.value if claim.time else None,
            [(q.value, q.unit) for q in claim.quantities],
        )

    @pytest.mark.parametrize(
        ("sentence", "source"),
        [
            ("Ann Lee said yesterday, quote, “The border is open.”", "Ann Lee"),
            ("Bo Chen stated publicly: the border is open.", "Bo Chen"),
            ("We heard that Bo Chen publicly stated his interest in a visit to Oslo.", "Bo Chen"),
            ("Ann Lee has confirmed her readiness to sign the treaty.", "Ann Lee"),
            ("ANN LEE SAID THAT THE BORDER IS OPEN.", "ANN LEE"),
        ],
    )
    def test_reported_speech_forms(self, sentence: str, source: str) -> None:
        """An adverb or a colon after the verb, a stance reported, capitals: all report."""
        t = parse_transcript(sentence, published="2017-12-28", speaker="Kim Park")
        (claim,) = extract_claims(t, threshold=0.0)
        assert (ClaimKind.ATTRIBUTION, source) == (claim.kind, claim.attributed_to)

    def test_proper_noun_is_no_reporting_verb(self) -> None:
        """`the United States, Norway and Sweden` reports nobody's words."""
        t = parse_transcript(
            "The United States, Norway and Sweden signed the treaty in May.",
            published="2017-12-28",
            speaker="Kim Park",
        )
        (claim,) = extract_claims(t, threshold=0.0)
        assert claim.attributed_to is None

    def test_holder_of_a_title(self) -> None:
        """`President of the Republic of Belarus Ann Lee said` reports Ann Lee."""
        claim = self._one(
            "Yesterday, President of the Republic of Belarus Ann Lee confirmed that she "
            "will attend the parade on June 24."
        )
        assert (ClaimKind.ATTRIBUTION, "Ann Lee") == (claim.kind, claim.attributed_to)

    def test_condition_on_anyone_is_not_a_claim(self) -> None:
        """A condition on anyone at all (`If a country is attacked, ...`) is rhetoric."""
        t = parse_transcript(
            "If a country is attacked, it naturally defends itself.",
            published="2017-12-28",
            speaker="Ann Lee",
        )
        assert [] == extract_claims(t, threshold=0.0)

    def test_statement_asked_as_a_question(self) -> None:
        """A questioner's statement said as a question is the questioner's claim."""
        t = parse_transcript(
            "Question: It appears that Norway has recalled its ambassador from Oslo?\n\n"
            "Ann Lee: Yes.\n\nQuestion: Mr Lee, what about the treaty?",
            published="2017-12-28",
        )
        claims = extract_claims(t, threshold=0.0)
        assert [("Question", ClaimKind.STATE)] == [
            (c.speaker, c.kind) for c in claims if c.speaker == "Question"
        ]

    def test_rhetorical_question_is_not_a_claim(self) -> None:
        """Outside a questioner's turn, a statement said as a question is rhetoric."""
        t = parse_transcript("You want jobs in Oslo?", published="2017-12-28", speaker="Ann Lee")
        assert [] == extract_claims(t, threshold=0.0)

    @pytest.mark.parametrize(
        ("sentence", "source"),
        [
            ("The Russian side has repeatedly stressed that the agreements stand.", "Russian side"),
            ("Sergey Lavrov noted that the talks were constructive.", "Sergey Lavrov"),
            ("As noted, we are ready to talk to the Americans.", None),
        ],
    )
    def test_reporting_verbs(self, sentence: str, source: str | None) -> None:
        """`stressed`, `noted` report their subject's words; `As noted` reports nobody's."""
        t = parse_transcript(sentence, published="2017-12-28", speaker="Ann Lee")
        (claim,) = extract_claims(t, threshold=0.0)
        assert source == claim.attributed_to

    @pytest.mark.parametrize(
        "question",
        [
            "Why did the US impose the sanctions in August?",
            "How do you assess the talks with Rex Tillerson on December 6?",
            "What is your view of the decision taken by the US last week to recognise Jerusalem?",
        ],
    )
    def test_question_presupposing_a_dated_event(self, question: str) -> None:
        """A question that takes a dated event as given is the questioner's event claim."""
        t = parse_transcript(f"Question: {question}\n\nAnn Lee: Yes.", published="2017-12-28")
        claims = extract_claims(t, threshold=0.0)  # the kind, whatever the learned score
        assert [ClaimKind.EVENT] == [c.kind for c in claims if c.speaker == "Question"]

    def test_pure_question_is_not_a_claim(self) -> None:
        """A question that takes nothing as given is no claim."""
        t = parse_transcript(
            "Question: Will Russia attend the summit in May?\n\nAnn Lee: Yes.",
            published="2017-12-28",
        )
        assert [] == [c for c in extract_claims(t, threshold=0.0) if c.speaker == "Question"]

    @pytest.mark.parametrize(
        ("sentence", "kind"),
        [
            ("The ministers will discuss bilateral relations.", ClaimKind.EVENT),
            ("Sergey Lavrov will meet Rex Tillerson in Paris.", ClaimKind.EVENT),
            ("Russia will never accept the expansion of NATO.", ClaimKind.STATE),
        ],
    )
    def test_undated_future(self, sentence: str, kind: ClaimKind) -> None:
        """A future happening is a scheduled event even undated; a future stance a state."""
        t = parse_transcript(sentence, published="2017-12-28", speaker="Ann Lee")
        assert [kind] == [c.kind for c in extract_claims(t, threshold=0.0)]

    def test_introduction_is_not_a_claim(self) -> None:
        """A name with its titles, as a moderator introduces a speaker, is not a claim."""
        t = parse_transcript(
            "COOPER: Former Secretary of State Hillary Clinton. Governor Martin O'Malley.",
            published="2015-10-13",
        )
        assert [] == extract_claims(t, threshold=0.0)

    def test_opinion_is_not_a_claim(self) -> None:
        """Opinion and rhetoric are not claims."""
        t = parse_transcript(
            "We do not entertain any illusions. This is not how it is done.",
            published="2017-12-28",
            speaker="Ann Lee",
        )
        assert [] == extract_claims(t)

    def test_threshold(self) -> None:
        """A threshold of 0 keeps every sentence that is not a question; 1 keeps none."""
        t = parse_transcript("It rained. Four zones work.", published="2017-12-28")
        assert 2 == len(extract_claims(t, threshold=0.0))
        assert [] == extract_claims(t, threshold=1.0)

    def test_bad_threshold(self) -> None:
        """A threshold outside [0, 1] is a clear error."""
        t = parse_transcript("It rained.", published="2017-12-28")
        with pytest.raises(ValueError, match="outside"):
            extract_claims(t, threshold=2.0)


DEBATE = """October 9, 2016

Presidential debate

RADDATZ: Good evening. Secretary Clinton, the first question goes to you.

CLINTON: Thank you. Well, I think it's very important for us to be good. We have created \
15 million new jobs since the Great Recession. The unemployment rate fell to 4.9 percent in August.

TRUMP: Well, I actually agree with that. Our inner cities are a disaster.

RADDATZ: Mr. Trump, will you release your tax returns?

TRUMP: I will release them when the audit is finished. I paid hundreds of millions of \
dollars in taxes.

CLINTON: He paid zero in federal income taxes, according to the New York Times.
"""

BRIEFING = """Press briefing by the Foreign Ministry spokeswoman, 15 January 2018

Maria Zakharova: Good afternoon. On January 12, the Russian Defence Ministry reported that 37 \
militants were killed near Idlib. About 1.2 million refugees have returned since 2016.

Question: Will the ministers meet next week?

Maria Zakharova: Sergey Lavrov will meet Rex Tillerson on January 23 in Paris. The UN General \
Assembly adopted resolution 72/191 on December 19.
"""


class TestLayouts:
    """Transcripts in other layouts: a debate with capitals, a press briefing."""

    def test_debate(self) -> None:
        """Speakers in capitals; opinion, greetings and questions are left out."""
        claims = extract_claims(parse_transcript(DEBATE))
        assert [
            ("Clinton", "quantity", 15_000_000, "2016-10-09"),
            ("Clinton", "quantity", 4.9, "2016-08"),
            ("Trump", "quantity", 200_000_000, "2016-10-09"),
            ("Clinton", "attribution", 0, "2016-10-09"),
        ] == [
            (
                c.speaker,
                c.kind.value,
                c.quantities[0].value if c.quantities else None,
                c.time.value if c.time else None,
            )
            for c in claims
        ]
        assert "New York Times" == claims[-1].attributed_to

    def test_briefing(self) -> None:
        """A press briefing: attribution to a ministry, a scheduled event, a resolution."""
        claims = extract_claims(parse_transcript(BRIEFING))
        found = [(c.kind.value, c.attributed_to, c.time.value if c.time else None) for c in claims]
        assert [
            ("attribution", "Russian Defence Ministry", "2018-01-12"),
            ("quantity", None, "2016"),
            ("event", None, "2018-01-23"),
            ("reference", None, "2017-12-19"),
        ] == found
        assert ["72/191"] == [r.identifier for r in claims[-1].references]


class TestProperties:
    """Extraction never raises and always slices."""

    @settings(max_examples=200)
    @given(any_text | prose)
    def test_any_text(self, text: str) -> None:
        """Any text at all is processed without an exception; spans slice to quotes."""
        if not text.strip():
            return
        t = parse_transcript(text, published="2017-12-28")
        for claim in extract_claims(t, threshold=0.0):
            assert text[claim.start : claim.end] == claim.text
            if claim.time is not None and claim.time.explicit:
                assert text[claim.time.start : claim.time.end] == claim.time.text
            for q in claim.quantities:
                assert text[q.start : q.end] == q.text


class TestScore:
    """The learned claim score and the one feature function it shares with training."""

    TEXT = "Ann Lee: Thank you. On March 3, 2019, we signed a treaty with Norway."

    def test_same_features_both_paths(self) -> None:
        """`extract_claims` and the training path compute the same features for a sentence."""
        from claimtrack._evaluate_claims import Labelled, contexts, mentions, stack_samples
        from claimtrack._worthiness import logit

        sentence = "On March 3, 2019, we signed a treaty with Norway."
        (claim,) = extract_claims(parse_transcript(self.TEXT, published="2020-01-01"))
        rows = [
            Labelled("Thank you.", False, "d", date="2020-01-01", speaker="Ann Lee"),
            Labelled(sentence, True, "d", date="2020-01-01", speaker="Ann Lee"),
        ]
        (_, sample) = stack_samples(
            rows, mentions(rows), contexts(rows), lambda _index, text: logit(text)
        )
        assert dict(claim.features) == {k: v for k, v in sample.items() if k != "bias"}

    def test_analyse_gives_claim_score(self) -> None:
        """The score `analyse` gives is the claim's score."""
        from claimtrack._claims import Context, analyse, sentence_mentions
        from claimtrack.mentions._times import find_times

        t = parse_transcript(self.TEXT, published="2020-01-01")
        (claim,) = extract_claims(t)
        s = claim.text
        found = sentence_mentions(s, 0, len(s), times=find_times(s, anchor="2020-01-01"))
        context = Context(role=claimtrack.Role.STATEMENT, previous="Thank you.", position=1)
        assert claim.score == analyse(s, found, context=context).score

    def test_previous_sentence_is_a_feature(self) -> None:
        """The previous sentence's learned log-odds are a feature; a turn's first has none."""
        (claim,) = extract_claims(parse_transcript(self.TEXT, published="2020-01-01"))
        features = dict(claim.features)
        assert (0.0, 1.0) == (features["first"], float(features["previous_bow"] < 0))

    def test_question_turn_feature(self) -> None:
        """A sentence in a questioner's turn is marked so; the answer's is not."""
        t = parse_transcript(
            "Question: In 2019, taxes rose by 3 percent. Why?\n\n"
            "Ann Lee: In 2019, taxes rose by 3 percent.",
            published="2020-01-01",
        )
        roles = [dict(c.features)["question_turn"] for c in extract_claims(t, threshold=0.0)]
        assert [1.0, 0.0] == roles

    def test_default_threshold(self) -> None:
        """The default threshold is the one stored with the learned weights."""
        from claimtrack._claims import _score_model

        assert _score_model().threshold == claimtrack.DEFAULT_THRESHOLD


class TestFastPaths:
    """The word prefilters and shortcuts of the classification change nothing."""

    SENTENCES = (
        "Smith hadsaid, that it was so.",
        "According to the New York Times, we will sign it.",
        "The minister ſaid that it is good.",
        "We’ll see; I think it is clear – the planned publication of it?",
        "James Mattis, who has said that, was right.",
        "Exports were disappointing since 2010, in my view.",
    )

    @pytest.mark.parametrize("sentence", SENTENCES)
    def test_attribution(self, sentence: str) -> None:
        """The first reporting verb is found where a full search finds it."""
        from claimtrack._claims import _ATTRIBUTION, _ATTRIBUTION_WORDS, _first_attribution, _words

        expected = _ATTRIBUTION.search(sentence)
        words = _words(sentence)
        if words is not None and not _ATTRIBUTION_WORDS.isdisjoint(words):
            actual = _first_attribution(sentence)
            assert (expected and expected.span()) == (actual and actual.span())
        else:
            assert expected is None or words is None

    @pytest.mark.parametrize("sentence", SENTENCES)
    def test_classify_without_words(self, sentence: str) -> None:
        """Classifying with the prefilters gives what classifying without them gives."""
        from claimtrack._claims import _classify, _words

        kwargs: dict[str, Any] = {"times": [], "quantities": [], "references": [], "actors": []}
        expected = _classify(sentence, words=None, **kwargs)
        assert expected == _classify(sentence, words=_words(sentence), **kwargs)

    @given(
        st.lists(st.sampled_from(["we ", "I ", "said", "had", " ", ",", "that", "will", "ſ"])).map(
            "".join
        )
    )
    def test_classify_any_text(self, sentence: str) -> None:
        """On any text of cue words the prefilters change nothing."""
        from claimtrack._claims import _classify, _words

        kwargs: dict[str, Any] = {"times": [], "quantities": [], "references": [], "actors": []}
        expected = _classify(sentence, words=None, **kwargs)
        assert expected == _classify(sentence, words=_words(sentence), **kwargs)

    def test_feature_order(self) -> None:
        """The features come in the order the shipped weights are aligned to."""
        from claimtrack._claims import _FEATURE_NAMES, analyse, sentence_mentions

        s = "On March 3, 2019, we signed a treaty with Norway."
        assert _FEATURE_NAMES == tuple(
            analyse(s, sentence_mentions(s, 0, len(s), times=[])).features
        )
