"""Claims: the checkable sentences of a transcript, typed, dated and located.

For each sentence of each turn, the mentions found in it (times, quantities, references,
actors), a few cues of its wording (tense, reported speech, pledges, opinion), the
learned bag-of-words log-odds of :mod:`claimtrack._worthiness` and the sentence's place
in its transcript (its turn's role, the previous sentence, its position) make one feature
dict, :func:`analyse`. A logistic model learned from the ClaimBuster debates
(``claimtrack/data/claim_score.json``, written by ``scripts/train_claim_score.py``) turns
it into a check-worthiness score; the wording decides the kind. Sentences that score at
or above the threshold are claims.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
import math
import operator
import re
from collections.abc import Callable
from importlib.resources import files
from typing import Any, TypeVar

import attrs

from claimtrack._grammar import main_clause
from claimtrack._model import (
    Actor,
    Claim,
    ClaimKind,
    Quantity,
    Reference,
    Role,
    Status,
    TimeValue,
    Transcript,
    Turn,
    _trusted_claim,
    _trusted_provenance,
    claim_id,
)
from claimtrack._sentences import Sentence, split_sentences
from claimtrack._version import __version__
from claimtrack._worthiness import logit as worthiness_logit
from claimtrack.mentions._actors import find_actors
from claimtrack.mentions._quantities import SMALL_COUNTS, _find_quantities
from claimtrack.mentions._references import DOCUMENT_WORDS as _DOCUMENT_WORDS
from claimtrack.mentions._references import find_references
from claimtrack.mentions._times import find_times

__all__ = [
    "DEFAULT_THRESHOLD",
    "Analysis",
    "Context",
    "Mentions",
    "analyse",
    "combined_score",
    "extract_claims",
    "sentence_mentions",
]
EXTRACTOR = "claimtrack.rules"
_CONTEXT = 60


@attrs.frozen
class _ScoreModel:
    weights: dict[str, float]  # learned, by scripts/train_claim_score.py
    prior: dict[str, float]  # claimtrack's definition of a claim, set by hand
    learned_share: float
    threshold: float


@functools.cache
def _score_model() -> _ScoreModel:
    resource = files("claimtrack") / "data" / "claim_score.json"
    data: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return _ScoreModel(
        weights={str(name): float(weight) for name, weight in data["weights"].items()},
        prior={str(name): float(weight) for name, weight in data["prior"]["weights"].items()},
        learned_share=float(data["learned_share"]),
        threshold=float(data["threshold"]),
    )


#: Sentences scoring at or above this are claims (0.5: where the learned model's and
#: the structural prior's log-odds balance; see docs/worthiness.md).
DEFAULT_THRESHOLD: float = _score_model().threshold

_ATTRIBUTION = re.compile(
    # The verb in lower case: "the United States, Russia and China" reports nothing.
    r"\b(?:has|have|had)?\s?(?P<verb>(?-i:said|stated|announced|claimed|declared|insisted|"
    r"reported|argued|warned|promised|confirmed|denied|admitted|suggested|alleged|asserted|"
    r"stressed|emphasi[sz]ed|noted|acknowledged|added|explained|"
    r"told(?=\s(?:reporters|journalists|the\spress|parliament|lawmakers|me|us|him|her|them)\b)|"
    r"says|states|claims|insists|argues|warns|alleges|asserts|reports|"
    r"claim|insist|argue|allege|assert|report))\b"
    # Whom it was told to: "told reporters that", "has told me that".
    r"(?:\s(?:reporters|journalists|the\spress|parliament|lawmakers|me|us|him|her|them))?"
    # A time or manner adverb may come between the verb and what it reports: "said
    # yesterday that", "stated publicly:".
    r"(?:\s(?:yesterday|today|earlier|recently|again|publicly|repeatedly|also|then|"
    r"(?:last|this)\s(?:night|morning|week|month|year)|on\s[A-Z][a-z]{2,8}day|"
    r"on\s\d{1,2}\s[A-Z][a-z]{2,8}|on\s[A-Z][a-z]{2,8}\.?\s\d{1,2}|"
    r"in\s(?:a|an|his|her|their|its)\s(?:statement|interview|speech|letter|report))\b)?"
    # What follows: "that", "it", a comma or a colon before the words, or a stance
    # the verb reports ("stated his interest in", "confirmed its readiness to").
    r"(?:\s(?:that|it)\b|,|:|\s(?:his|her|their|its)\s(?:interest|intention|readiness|"
    r"willingness|desire|position|support|opposition|concern|hope|wish|view|commitment|"
    r"determination)\b)",
    re.I,
)
# What a document says: "Resolution 2254 says that", "the Minsk agreements stipulate that".
_SAYS = re.compile(
    r"\b(?:says|say|states|state|stipulates|stipulate|provides|provide|envisages|envisage|"
    r"requires|require)\s(?:that|for)\b"
)
_SAYS_WORDS = frozenset(
    "says say states state stipulates stipulate provides provide envisages envisage requires "
    "require".split()
)
_FIRST_PERSON_SAID = re.compile(
    r"\b(?:we|i)(?:['’]ve|['’]d)?\s(?:have\s|had\s)?(?:repeatedly\s|always\s)?(?:said|stated)\b",
    re.I,
)
# What "I will ..." announces of the speaker's own speech, no pledge: "I will say that".
_SPEAKING = (
    r"(?:say|tell|add|note|emphasi[sz]e|highlight|stress|repeat|point|mention|answer|"
    r"reiterate|underline|underscore|comment|take|leave|turn|start|begin|end|close|read|"
    r"quote|cite|fulfil|fulfill|give\sthe\sfloor|be\s(?:frank|honest|brief|candid|direct)|"
    r"make\s(?:a|one|another)\s(?:small\s|brief\s|short\s)?(?:digression|remark|comment|"
    r"point|observation))\b"
)
# An exhortation or an appeal, no claim: "Let's pass the PRO Act", "I call on the Senate".
_EXHORTATION = re.compile(
    r"^(?:(?:and|so|now|but)\s)?(?:let['’]s|let\sus|(?:i|we)\s(?:call\son|urge|ask|appeal\sto))\b",
    re.I,
)
# Front matter of a page: "modified_time: 2023-03-10", "source_url: https://...".
_FRONT_MATTER = re.compile(r"[a-z]{1,20}(?:_[a-z]{1,20}){1,4}\s?:\s")
# A pledge reported of anyone: "has committed to", "pledged to", "vowed to".
_PLEDGED = re.compile(
    r"\b(?:committed|pledged|promised|vowed|undertaken|undertook)\s(?:itself\s|themselves\s)?to\s"
    r"(?!the\b|a\b|an\b|this\b|that\b|its\b|their\b)[a-z]",
)
_COMMITMENT = re.compile(
    r"\b(?:we|i)\s(?:(?:will|shall)(?!\s" + _SPEAKING + r")|intend|plan|are going to|"
    r"am going to|pledge|promise)\b"
    r"|\b(?:we['’]ll|i['’]ll)\b(?!\s" + _SPEAKING + r")",
    re.I,
)
# Past-tense verbs anywhere in the sentence (lower-case, so `United` is not one).
_PAST = re.compile(
    r"\b(?:was|were|had|did|adopted|signed|held|took|made|met|agreed|approved|launched|"
    r"killed|won|lost|built|sent|paid|passed|began|became|rose|fell|grew|went|came|"
    r"left|saw|gave|told|[a-z]{3,}ed)\b(?![\-’'])"
)
_SINCE = re.compile(r"\bsince\b", re.I)
# A first-person frame around the claim: "I would like to point out that ...".
_FRAME = re.compile(
    # "What I will say (to it) is (that) ...", "But what we want to stress is ...".
    r"^(?:(?:But|And|So)\s)?[Ww]hat\s(?:I|we)\s(?:will\s|would\s|want\sto\s|can\s|must\s)?"
    r"(?:say|tell\syou|emphasi[sz]e|stress|note|point\sout)(?:\sto\sit)?\sis(?:\sthat)?\s|"
    r"^(?:I|We)\s(?:would like to\s|want to\s|must\s|should\s|can\s|regularly\s)?"
    r"(?:point out|note|stress|emphasi[sz]e|say|repeat|recall|remind\s\w+(?:\s\w+)?)\s"
    r"(?:once again\s)?that\s"
)
# A definite nominalised event, as questions presuppose it: "the planned publication of".
# Other questions that take their event as given: "Why did the US withdraw ... in 2019?",
# "How do you assess the talks on December 6?", "the decision taken last week".
_PRESUPPOSING = re.compile(
    r"^(?:why|how\scome)\b|\bthe\s(?:[a-z\-]+\s){0,2}(?:talks|meeting|visit|decision|summit|"
    r"statement|attack|elections?|vote|referendum|negotiations|consultations|strikes?|"
    r"incident|sanctions|results?)\b",
    re.I,
)
_NOMINAL_EVENT = re.compile(
    r"\bthe\s(?:[a-z\-]+\s){0,2}[a-z]{3,}(?:tion|sion|ment|ance|ence|ing)\s(?:of|on|into|to)\b"
)
_OPINION = re.compile(
    r"\b(?:i|we)\s(?:think|believe|hope|feel|expect|want|wish|are glad|are surprised|"
    r"are convinced|are sure|(?:do not|don['’]t)\s(?:think|believe|entertain|want|like|wish|"
    r"expect|see|understand|agree|accept))\b|\b(?:should|ought|illusions?|"
    r"in my (?:view|opinion)|perhaps|maybe|disappoint\w*|expectations?)\b",
    re.I,
)
# Courtesies that state nothing: greetings, thanks, welcomes, farewells.
_COURTESY = re.compile(
    r"(?:good\s(?:morning|afternoon|evening|day)|thank\syou|thanks(?!\sto\b)|hello|welcome|"
    r"ladies\sand\sgentlemen|dear\s(?:friends|colleagues)|goodbye|all\sthe\sbest)\b",
    re.I,
)
# What a page or its editor says of the transcript itself: "Following is a transcript of",
# "Below is the text of the statement", "The rush transcript was updated on October 26",
# "Last updated 21-Nov-2019 10:03", "IE 11 is not supported".
_EDITORIAL = re.compile(
    r"^(?:[•·*]\s?)?(?:editor['’]s\snote:?\s|note:\s)?"
    r"(?:(?:the\s)?following\sis|below\sis|here\sis|above\sis)\s(?:a|an|the)\s"
    r"(?:[\w-]+\s){0,4}(?:transcript|text|readout|record|translation|excerpt|recording)\b"
    r"|\b(?:this|the|a|our)\s(?:[\w-]+\s)?transcripts?\s(?:was|is|has\sbeen|may|will)\b"
    r"|^an?\s(?:[\w-]+\s)?(?:transcript|recording|video)\sof\b"
    r"|^(?:title|date|source|url|tags|categories|author|layout|description)\s?:\s"
    r"|\b(?:full|complete|rush|official)\stranscripts?\sof\b"
    r"|^(?:[•·*]\s?)?(?:last\s)?(?:updated|modified|published|posted)(?::|\s(?:on\s)?\d)"
    r"|^(?:ie|internet\sexplorer)\s?\d{0,2}\sis\snot\ssupported\b"
    r"|\b(?:your|another|a\sdifferent|this)\sbrowser\b"
    r"|^(?:table\sof\s)?contents:?$|^answers\sto\s(?:media\s)?questions:?$",
    re.I,
)
# The words an unanchored branch of _EDITORIAL needs, and how its anchored ones open.
_EDITORIAL_WORDS = frozenset({"transcript", "transcripts", "browser"})
_EDITORIAL_OPENINGS = (
    "following", "the following", "below", "here", "above", "editor", "note", "last",
    "updated", "modified", "published", "posted", "ie", "internet", "table", "contents",
    "answers", "title", "date", "source", "url", "tags", "categories", "author", "layout",
    "description", "•", "·", "*",
)  # fmt: skip
# A list's item number opening a line: "1. Statements by ...", "12) Developments in Niger".
_ITEM_NUMBER = re.compile(r"[ \t]{0,8}\d{1,3}[.)](?:\s|$)")
# A host's patter: "Now please welcome ...", "Joining me tonight are ...", "With us, ...",
# "Senator Ann Lee joins me next", "... is coming up", "I'm Jake Tapper in Washington".
_INTRODUCTION = re.compile(
    r"^(?:(?:and|now|so)\s)?(?:please\s)?(?:welcome|join\s(?:me|us))\b|^joining\s(?:me|us)\b"
    r"|^with\sus\b|\bjoins?\s(?:me|us)\b|\b(?:is|are)\scoming\sup\b"
    r"|^(?:(?:hello|hi|good\s(?:morning|afternoon|evening))[.,!]?\s)?(?-i:I['’]m\s[A-Z])"
    r"|^i\s(?:have|had|just\shave)\s(?:a|one|two|three|a\scouple\sof|a\sfew)\s(?:quick\s|"
    r"follow-up\s|brief\s)?questions?\b",
    re.I,
)
_INTRODUCTION_WORDS = frozenset("welcome join joining joins coming question questions".split())
# How the other kinds of patter open (matched case-sensitively before the pattern runs).
_INTRODUCTION_OPENINGS = ("With", "I'm", "I’m", "Hello", "Hi", "Good", "And", "Now", "So")
_RHETORIC = re.compile(r"^(?:this|that|it) is (?:not )?(?:how|what|why)\b", re.I)
# A condition on anyone at all: "If a country is attacked, it defends itself."
_HYPOTHETICAL = re.compile(
    r"^(?:if|unless)\s(?:a|an|one|someone|somebody|anyone|anybody|you|any)\s", re.I
)
_COPULA_OPINION = re.compile(
    r"\b(?:was|is|are|were)\s(?:a\s)?(?:very\s)?(?:difficult|good|bad|great|important|"
    r"necessary|obvious|clear|wrong|right|effective|useful|interesting)\b",
    re.I,
)
# Verbs of a single happening: in the future they schedule an event, dated or not.
_SCHEDULED = frozenset(
    """meet hold discuss visit sign attend host travel arrive open launch present adopt
    conclude start begin deliver participate chair convene address receive""".split()
)
# Units of quantities that are measurements (shares, sums of money), not counts of things.
_MEASURES = frozenset({"percent", "percentage points", "USD", "EUR", "GBP", "JPY", "RUB"})
# Units of measure after a number ("20 tonnes of aid", "300 km of road"), lower-cased:
# an amount measured, as a share or a sum is, is the point of its sentence.
_MEASURE_NOUNS = frozenset(
    """tonnes tonne tons ton kilometres kilometers kilometre kilometer km miles mile
    metres meters hectares acres barrels litres liters gallons kilograms kg megawatts
    gigawatts""".split()
)
# Reference kinds that are named documents, strong enough to make a reference claim.
_DOCUMENT_KINDS = frozenset({"resolution", "law", "treaty", "charter", "agreement"})


def extract_claims(transcript: Transcript, *, threshold: float = DEFAULT_THRESHOLD) -> list[Claim]:
    """The check-worthy claims of a transcript, in text order.

    Args:
        transcript: The transcript, as :func:`~claimtrack.read_transcript` gives it.
        threshold: The least check-worthiness score a claim needs, in [0, 1].

    >>> from claimtrack import parse_transcript
    >>> t = parse_transcript(
    ...     "ANN LEE: On March 3, we signed a treaty with Norway. We are happy.",
    ...     published="2020-05-01",
    ... )
    >>> [(c.kind.value, c.text, c.time.value) for c in extract_claims(t)]
    [('event', 'On March 3, we signed a treaty with Norway.', '2020-03-03')]
    """
    if not 0.0 <= threshold <= 1.0:
        msg = f"threshold {threshold!r} is outside [0, 1]; give a score between 0 and 1"
        raise ValueError(msg)
    anchor = transcript.published.date()
    times = [
        t
        for t in find_times(transcript.text, anchor=anchor, language=transcript.language)
        if t.start is not None
    ]
    all_actors = find_actors(transcript.text)
    persons = _person_names(all_actors)
    bow = functools.cache(worthiness_logit)  # each sentence is also the next one's previous
    implicit = _implicit_time(anchor)
    starts = ([t.start or 0 for t in times], [a.start or 0 for a in all_actors])
    text = transcript.text
    claims = []
    for turn in transcript.turns:
        previous: str | None = None
        antecedent: str | None = None
        for position, sentence in enumerate(split_sentences(text, turn.start, turn.end)):
            quote = sentence.text
            words = _words(quote)
            mentions = _mentions(
                text,
                sentence.start,
                sentence.end,
                times=times,
                persons=persons,
                actors=all_actors,
                words=words,
                starts=starts,
            )
            kind, features, attributed_to, score = _analysed(
                quote,
                mentions,
                words,
                role=turn.role,
                previous=previous,
                position=position,
                bow=bow,
                antecedent=antecedent,
            )
            previous = quote
            for actor in mentions.actors:
                if actor.type == "person":
                    antecedent = actor.name  # the last person named, for "he" or "she"
            if kind is not None and score >= threshold:
                claims.append(
                    _claim(
                        transcript,
                        turn=turn,
                        sentence=sentence,
                        mentions=mentions,
                        analysis=(kind, features, attributed_to, score),
                        implicit=implicit,
                    )
                )
    return claims


def _person_names(actors: list[Actor]) -> dict[str, str]:
    """Surname → full name, for persons named in full among the actors of a text."""
    full: dict[str, str] = {}
    for actor in actors:
        if actor.type == "person" and " " in actor.name:
            full.setdefault(actor.name.split()[-1], actor.name)
    return full


@attrs.frozen
class Mentions:
    """The mentions found in one sentence, as :func:`sentence_mentions` finds them.

    Attributes:
        times: Its time expressions that have offsets.
        quantities: Its quantities (not counting numbers inside times or references).
        references: Its references to documents.
        actors: Its actors, each once; a lone surname is the full name found elsewhere.
    """

    times: list[TimeValue]
    quantities: list[Quantity]
    references: list[Reference]
    actors: list[Actor]


def sentence_mentions(
    text: str,
    start: int,
    end: int,
    *,
    times: list[TimeValue],
    persons: dict[str, str] | None = None,
    actors: list[Actor] | None = None,
) -> Mentions:
    """The mentions of the sentence ``text[start:end]``.

    Args:
        text: The whole text (a transcript, or the sentence alone).
        start: Where the sentence starts in text.
        end: Where it ends.
        times: The times found in text by :func:`~claimtrack.mentions._times.find_times`,
            anchored at the text's date; those inside the sentence are kept.
        persons: Surname → full name, for persons named in full elsewhere in text.
        actors: The actors found in the whole text by
            :func:`~claimtrack.mentions._actors.find_actors`, if already found; those
            inside the sentence are kept. Found in the sentence when not given.

    >>> from claimtrack.mentions._times import find_times
    >>> s = "In 2010, Ann Lee paid $3 million."
    >>> m = sentence_mentions(s, 0, len(s), times=find_times(s, anchor="2011-01-01"))
    >>> [t.value for t in m.times], [q.value for q in m.quantities]
    (['2010'], [3000000])
    """
    return _mentions(
        text,
        start,
        end,
        times=times,
        persons=persons,
        actors=actors,
        words=_words(text[start:end]),
    )


def _mentions(
    text: str,
    start: int,
    end: int,
    *,
    times: list[TimeValue],
    persons: dict[str, str] | None,
    actors: list[Actor] | None,
    words: frozenset[str] | None,
    starts: tuple[list[int], list[int]] | None = None,
) -> Mentions:
    """:func:`sentence_mentions`, given the sentence's :func:`_words` and, if known,
    the starts of the times and of the actors."""
    if starts is None:
        own_times = [t for t in _inside(times, start, end) if (t.end or 0) <= end]
    else:
        first = bisect.bisect_left(starts[0], start)
        last = bisect.bisect_left(starts[0], end, lo=first)
        own_times = [t for t in times[first:last] if (t.end or 0) <= end]
    if words is not None and _DOCUMENT_WORDS.isdisjoint(words):
        references = []  # find_references would look no further
    else:
        references = find_references(text, start, end)
    skip = (
        tuple((t.start or 0, t.end or 0) for t in own_times)
        + tuple((r.start or 0, r.end or 0) for r in references)
        if own_times or references
        else ()
    )
    quantities = _find_quantities(text, start, end, skip, words)
    if actors is None:
        found = find_actors(text, start, end)
    elif starts is None:
        found = _inside(actors, start, end)
    else:
        found = actors[bisect.bisect_left(starts[1], start) : bisect.bisect_left(starts[1], end)]
    if found:
        found = _unique_actors([a for a in found if (a.end or 0) <= end], persons or {})
    return Mentions(times=own_times, quantities=quantities, references=references, actors=found)


_Located = TypeVar("_Located", TimeValue, Actor)


def _inside(items: list[_Located], start: int, end: int) -> list[_Located]:
    """The items (sorted by start) that start in ``[start, end)``, found by bisection."""
    first = bisect.bisect_left(items, start, key=lambda item: item.start or 0)
    last = bisect.bisect_left(items, end, lo=first, key=lambda item: item.start or 0)
    return items[first:last]


@attrs.frozen
class Context:
    """Where a sentence stands in its transcript: what is known of it at run time.

    Attributes:
        role: The role of its turn; a questioner's (moderator's, interviewer's) turn is
            :attr:`~claimtrack.Role.QUESTION`.
        previous: The sentence before it in the same turn, if any.
        position: Its index in its turn, from 0.
        antecedent: The person last named before it in its turn, whom ``he`` or
            ``she`` reporting speech refers to (``She stressed that ...``).
    """

    role: Role = Role.STATEMENT
    previous: str | None = None
    position: int = attrs.field(default=0, validator=attrs.validators.ge(0))
    antecedent: str | None = None


@attrs.frozen
class Analysis:
    """What :func:`analyse` makes of a sentence.

    Attributes:
        kind: The kind of claim it would be; ``None`` for a pure question, an opinion
            or rhetoric with nothing checkable in it.
        features: The features the score is computed from, by name.
        attributed_to: Whose words it reports, if it reports anyone's.
        score: The check-worthiness score in [0, 1]; 0 where ``kind`` is ``None``.
    """

    kind: ClaimKind | None
    features: dict[str, float]
    attributed_to: str | None
    score: float


def analyse(
    sentence: str,
    mentions: Mentions,
    *,
    context: Context = Context(),  # a frozen value, safe to share
    bow: Callable[[str], float] = worthiness_logit,
    weights: dict[str, float] | None = None,
) -> Analysis:
    """The features, kind and score of a sentence: the one function that both
    :func:`extract_claims` and the training and evaluation of the score use.

    Args:
        sentence: The sentence's text.
        mentions: Its mentions, from :func:`sentence_mentions`.
        context: Its turn's role, the previous sentence of the turn, its position.
        bow: The bag-of-words log-odds of a sentence: by default the shipped model's;
            in cross-validation, a model that never saw the sentence.
        weights: The weights of the score; by default the shipped ones.

    >>> from claimtrack.mentions._times import find_times
    >>> s = "On March 3, 2019, we signed a treaty with Norway."
    >>> a = analyse(s, sentence_mentions(s, 0, len(s), times=find_times(s, anchor="2020-01-01")))
    >>> a.kind.value, a.features["date"], a.score > DEFAULT_THRESHOLD
    ('event', 1.0, True)
    """
    kind, features, attributed_to, score = _analysed(
        sentence,
        mentions,
        _words(sentence),
        role=context.role,
        previous=context.previous,
        position=context.position,
        bow=bow,
        weights=weights,
        antecedent=context.antecedent,
    )
    return Analysis(kind=kind, features=features, attributed_to=attributed_to, score=score)


def _analysed(
    sentence: str,
    mentions: Mentions,
    words: frozenset[str] | None,
    *,
    role: Role,
    previous: str | None,
    position: int,
    bow: Callable[[str], float],
    weights: dict[str, float] | None = None,
    antecedent: str | None = None,
) -> tuple[ClaimKind | None, dict[str, float], str | None, float]:
    """:func:`analyse`'s kind, features, attribution and score, given the :func:`_words`."""
    kind, features, attributed_to = _classify(
        sentence,
        role=role,
        times=mentions.times,
        quantities=mentions.quantities,
        references=mentions.references,
        actors=mentions.actors,
        words=words,
        antecedent=antecedent,
    )
    features["bow"] = _clip(bow(sentence))
    features["previous_bow"] = _clip(bow(previous)) if previous else 0.0
    features["first"] = float(position == 0)
    features["question_turn"] = float(role is Role.QUESTION)
    features["quantity_past"] = features["quantity"] * features["past"]
    features["date_past"] = features["date"] * features["past"]
    if kind is None:
        return None, features, attributed_to, 0.0  # no claim at all (a pure question, ...)
    if weights is not None:
        return kind, features, attributed_to, combined_score(_log_odds(features, weights), features)
    # combined_score(_log_odds(features, shipped weights), features), with the weights in
    # the order of the features: the same products, summed exactly (math.fsum), so the
    # same score to the last bit.
    shipped = _shipped()
    values = features.values()
    learned = shipped.bias + math.fsum(map(operator.mul, shipped.weights, values))
    prior = shipped.prior_bias + math.fsum(map(operator.mul, shipped.prior, values))
    z = shipped.share * learned + (1.0 - shipped.share) * prior
    return kind, features, attributed_to, _sigmoid(z)


def combined_score(learned: float, features: dict[str, float]) -> float:
    """The claim score: the learned log-odds pooled with the structural prior's.

    The score is ``sigmoid(s * learned + (1 - s) * prior)``, a weighted geometric pooling
    of two experts' odds: the model learned from ClaimBuster (``learned``) and the
    structural prior, claimtrack's own definition of a claim (dated events, quantities,
    named documents and reported speech count; opinion, rhetoric and pure questions do
    not). ``s`` and the prior's weights are stored in ``claimtrack/data/claim_score.json``.

    Args:
        learned: The learned log-odds of the sentence.
        features: Its features, from :func:`analyse`.

    >>> combined_score(0.0, {}) == combined_score(0.0, {"opinion": 0.0})
    True
    """
    model = _score_model()
    share = model.learned_share
    return _sigmoid(share * learned + (1.0 - share) * _log_odds(features, model.prior))


def _sigmoid(z: float) -> float:
    """The logistic function of log-odds, rounded to four places."""
    if z >= 0:
        return round(1.0 / (1.0 + math.exp(-z)), 4)
    exp = math.exp(z)
    return round(exp / (1.0 + exp), 4)


def _clip(logit: float, limit: float = 10.0) -> float:
    return round(max(-limit, min(limit, logit)), 4)


def _claim(
    transcript: Transcript,
    *,
    turn: Turn,
    sentence: Sentence,
    mentions: Mentions,
    analysis: tuple[ClaimKind, dict[str, float], str | None, float],
    implicit: TimeValue,
) -> Claim:
    # Made of validated parts, as the converters would give them: built without either.
    text = transcript.text
    s0, s1 = sentence.start, sentence.end
    kind, features, attributed_to, score = analysis
    provenance = _trusted_provenance(
        transcript_id=transcript.id,
        source=transcript.source,
        start=s0,
        end=s1,
        quote=sentence.text,
        speaker=turn.speaker,
        turn=turn.index,
        sentence_start=s0,
        sentence_end=s1,
        context_before=text[max(0, s0 - _CONTEXT) : s0],
        context_after=text[s1 : s1 + _CONTEXT],
        extractor=EXTRACTOR,
        extractor_version=__version__,
    )
    return _trusted_claim(
        id=claim_id(transcript.id, s0, s1),
        kind=kind,
        provenance=provenance,
        time=_governing_time(mentions.times) or implicit,
        quantities=tuple(mentions.quantities),
        references=tuple(mentions.references),
        actors=tuple(mentions.actors),
        attributed_to=attributed_to,
        score=score,
        features=tuple(sorted(zip(features, map(float, features.values()), strict=True))),
        status=Status.UNVERIFIED,
    )


def _unique_actors(actors: list[Actor], persons: dict[str, str]) -> list[Actor]:
    seen: dict[tuple[str, str], Actor] = {}
    for found in actors:
        actor = found
        if actor.type == "person" and " " not in actor.name and actor.name in persons:
            actor = attrs.evolve(actor, name=persons[actor.name])
        seen.setdefault((actor.name, actor.type), actor)
    return list(seen.values())


def _log_odds(features: dict[str, float], weights: dict[str, float]) -> float:
    """The bias plus each feature times its weight."""
    return weights.get("bias", 0.0) + math.fsum(
        weights.get(name, 0.0) * value for name, value in features.items()
    )


# The features :func:`_analysed` makes, in order.
_FEATURE_NAMES = (
    "date",
    "quantity",
    "reference",
    "actors",
    "past",
    "perfect",
    "present_state",
    "attribution",
    "commitment",
    "pledge",
    "opinion",
    "rhetoric",
    "question",
    "presupposed",
    "short",
    "bow",
    "previous_bow",
    "first",
    "question_turn",
    "quantity_past",
    "date_past",
)


@attrs.frozen
class _Shipped:
    """The shipped score's weights in the order of :data:`_FEATURE_NAMES`."""

    bias: float
    weights: tuple[float, ...]
    prior_bias: float
    prior: tuple[float, ...]
    share: float


@functools.cache
def _shipped() -> _Shipped:
    model = _score_model()
    return _Shipped(
        bias=model.weights.get("bias", 0.0),
        weights=tuple(model.weights.get(name, 0.0) for name in _FEATURE_NAMES),
        prior_bias=model.prior.get("bias", 0.0),
        prior=tuple(model.prior.get(name, 0.0) for name in _FEATURE_NAMES),
        share=model.learned_share,
    )


# Characters that ``re.IGNORECASE`` matches to ASCII letters but ``str.lower`` does not
# turn into them; a sentence with one is read without the word prefilters below.
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")
_LOWER_WORD = re.compile(r"[a-z]+")
# Words one of which each cue needs (as a whole run of letters, after ``str.lower``).
_ATTRIBUTION_VERBS = frozenset(
    """said stated announced claimed declared insisted reported argued warned promised
    confirmed denied admitted suggested alleged asserted says states claims insists argues
    warns alleges asserts claim insist argue allege assert stressed emphasised emphasized
    noted acknowledged added explained told reports report""".split()
)
# The verb's run of letters, with the auxiliary glued on where no space parts them.
_ATTRIBUTION_WORDS = _ATTRIBUTION_VERBS | frozenset(
    aux + verb for aux in ("has", "have", "had") for verb in _ATTRIBUTION_VERBS
)
_COMMITMENT_WORDS = frozenset({"we", "i"})
_PLEDGE_WORDS = frozenset("committed pledged promised vowed undertaken undertook".split())
# The word after "we" or "I" in a commitment; "ll" is what a run of letters keeps of "'ll".
_COMMITMENT_VERBS = frozenset(
    "will shall intend plan are am pledge promise ll".split()  # "are going to"
)
_FIRST_PERSON = frozenset({"i", "we"})
_OPINION_VERBS = frozenset(
    "think believe hope feel expect want wish are do don".split()  # "are glad", "do not"
)
_OPINION_WORDS = frozenset(
    """should ought illusion illusions my perhaps maybe expectation expectations""".split()
)
_COPULA_WORDS = frozenset({"was", "is", "are", "were"})
_COPULA_ADJECTIVES = frozenset(
    """difficult good bad great important necessary obvious clear wrong right effective
    useful interesting""".split()
)


def _words(sentence: str) -> frozenset[str] | None:
    """The lower-cased runs of ASCII letters of a sentence; ``None`` when not reliable."""
    if not sentence.isascii() and _ODD_CASE.search(sentence):
        return None
    return frozenset(_LOWER_WORD.findall(sentence.lower()))


def _classify(
    sentence: str,
    *,
    role: Role = Role.STATEMENT,
    times: list[TimeValue],
    quantities: list[Quantity],
    references: list[Reference],
    actors: list[Actor],
    words: frozenset[str] | None,
    antecedent: str | None = None,
) -> tuple[ClaimKind | None, dict[str, float], str | None]:
    # Each cue pattern runs only where the words it needs are there: a word of a match
    # in ``\b``-delimited ASCII letters is one run of letters of the lower-cased text.
    dated = [t for t in times if _is_dated(t)]
    since = (words is None or "since" in words) and bool(_SINCE.search(sentence))
    documents = [r for r in references if r.kind in _DOCUMENT_KINDS]
    cited = bool(references) and _document_says(sentence, references, words)
    attributed_to = None if cited else _attributed_to(sentence, actors, words)
    reported = attributed_to is not None
    if attributed_to == _PRONOUN_SPEAKER:  # "She stressed that": the person named before
        attributed_to = antecedent
    elif attributed_to in _BARE_TITLES and antecedent:
        attributed_to = antecedent  # "The President noted that": the President named before
    framed = _FRAME.sub("", sentence, count=1)  # "I want to say that ..." framed nothing
    clause = main_clause(framed)
    # A questioner's statement said as a question is the questioner's claim.
    question = sentence.rstrip().endswith("?") and (role is not Role.QUESTION or _asks(sentence))
    # A question presupposes a dated event it names ("the planned publication of lists
    # early next year"), or one before the anchor it asks about ("Why did they ... in
    # August?"); "Will they attend the summit in May?" presupposes nothing.
    presupposed = (
        question
        and bool(dated)
        and bool(
            _NOMINAL_EVENT.search(sentence)
            or (
                any(t.latest is not None and t.latest < t.anchor for t in dated)
                and _PRESUPPOSING.search(sentence)
            )
        )
    )
    committed = (
        words is None
        or not (_COMMITMENT_WORDS.isdisjoint(words) or _COMMITMENT_VERBS.isdisjoint(words))
    ) and bool(_COMMITMENT.search(sentence))
    # Anyone's pledge: "The UK has committed to reach net zero by 2050".
    committed = committed or (
        (words is None or not _PLEDGE_WORDS.isdisjoint(words))
        and bool(_PLEDGED.search(sentence))
        and not _FIRST_PERSON_SAID.search(sentence)
    )
    features: dict[str, float] = {
        "date": float(bool(dated)),
        "quantity": float(min(len(quantities), 2)),
        "reference": float(bool(references)) + float(bool(documents)) * 0.5,
        "actors": float(min(len(actors), 3)) / 2,
        "past": float(clause.tense == "past" or bool(_PAST.search(sentence))),
        "perfect": float(clause.tense == "perfect"),
        "present_state": float(clause.tense == "present"),
        "attribution": float(reported),
        "commitment": float(committed and bool(dated)),
        "pledge": float(committed and not dated),
        "opinion": float(
            not reported and _all_opinion(framed, words if framed is sentence else None)
        ),
        "rhetoric": float(
            bool(_RHETORIC.search(sentence))
            or (
                not dated
                and (words is None or not words.isdisjoint(_CONDITIONS))
                and bool(_HYPOTHETICAL.search(sentence))
            )
        ),
        "question": float(question and not presupposed),
        "presupposed": float(presupposed),
        "short": float(len(sentence.split()) < 5),
    }
    if question and not presupposed:
        return None, features, None
    if _says_nothing(sentence, words, bool(dated or quantities or references)):
        return None, features, None
    evidence = quantities or documents or cited or reported or presupposed
    if (features["opinion"] or features["rhetoric"]) and not evidence:
        return None, features, None  # an opinion or a figure of speech, not a claim
    past_or_perfect = bool(features["past"] or features["perfect"])
    kind: ClaimKind
    if presupposed:
        kind = ClaimKind.EVENT
    elif cited:
        kind = ClaimKind.REFERENCE  # what a document says
    elif reported:
        kind = ClaimKind.ATTRIBUTION
    elif features["commitment"]:
        kind = ClaimKind.COMMITMENT
    elif any(r.identifier for r in documents):
        kind = ClaimKind.REFERENCE
    elif any(_is_measure(q) or q.mod for q in quantities):
        # A share, a sum, an amount measured ("20 tonnes") or a bounded number ("more
        # than 30") is the point, dated or not.
        kind = ClaimKind.QUANTITY
    elif any(_is_large_count(q) for q in quantities):
        kind = ClaimKind.QUANTITY  # "443 people were admitted on 7 June": the count's the point
    elif dated and (clause.tense == "future" or (not since and past_or_perfect)):
        kind = ClaimKind.EVENT
    elif documents:
        kind = ClaimKind.REFERENCE
    elif quantities and not (clause.tense == "past" and not clause.durative):
        kind = ClaimKind.QUANTITY
    elif clause.tense == "past" and not clause.durative:
        # A happening, its small count a detail: "Three CNN employees resigned."
        kind = ClaimKind.EVENT
    elif clause.tense == "future" and (clause.verb or "").lower() in _SCHEDULED:
        kind = ClaimKind.EVENT  # scheduled, if undated: "The ministers will discuss ..."
    else:
        kind = ClaimKind.STATE
    return kind, features, attributed_to


def _says_nothing(sentence: str, words: frozenset[str] | None, checkable: bool) -> bool:
    """Whether a sentence states nothing, whatever its score: a courtesy with nothing
    ``checkable`` in it, a speaker's introduction, no content of the transcript, a host's
    patter, an exhortation.

    >>> _says_nothing("Good afternoon.", None, False), _says_nothing("Let's vote.", None, False)
    (True, True)
    """
    return bool(
        (_COURTESY.match(sentence) and not checkable)  # "Thank you for your question."
        or _EXHORTATION.match(sentence)  # "Let's pass the PRO Act": a call, not a claim
        or _not_content(sentence, words)  # a note on the page, a list's heading
        or _patter(sentence, words)  # "Joining me tonight are ..."
        or _name_only(sentence)  # "Former Secretary of State Ann Lee."
    )


def _patter(sentence: str, words: frozenset[str] | None) -> bool:
    """Whether a sentence is a host's patter (:data:`_INTRODUCTION`).

    >>> _patter("Joining me tonight are Ann Lee and Bo Dee.", None)
    True
    >>> _patter("I'm proud of what we built.", None)
    False
    """
    if (
        words is not None
        and _INTRODUCTION_WORDS.isdisjoint(words)
        and not sentence.startswith(_INTRODUCTION_OPENINGS)
    ):
        return False
    return _INTRODUCTION.search(sentence) is not None


_LETTER = re.compile(r"[^\W\d_]")
# Telephone numbers and e-mail addresses (or their masks), as a page's contacts list them.
_CONTACT = re.compile(
    r"\+\d{1,3}[ \t]?\(0\)|\+\d{1,3}[ \t]\d{2,4}[ \t]\d{3,4}[ \t]?\d{3,4}"
    r"|\b[\w.+-]{1,64}@[\w-]{1,63}\.[a-z]{2,10}\b|\[email[ \t]protected\]"
)
# A sentence broken off: its last word before a closing dash.
_CUT_OFF = re.compile(r"(?<!\w)(\w{1,30})[.,]?\s?(?:--|[—–-]){1,4}\s{0,8}$")
# The most words of a sentence broken off that holds no claim before the break.
_SHORT_FRAGMENT = 15
# Words a claim cannot end on: the number, noun or clause they open is missing.
_DANGLING = frozenset(
    "the a an that this these those of in on to for with by from at and or but about".split()
)


def _not_content(sentence: str, words: frozenset[str] | None) -> bool:
    """Whether a sentence is no content of the transcript: a note on the page or the
    transcript, a list item's heading (no final stop), or no words at all (``9.``,
    ``1541-02-08-2023``).

    >>> _not_content("Following is a transcript of the press conference.", None)
    True
    >>> _not_content("2. Expanding Russia's diplomatic presence in Africa", None)
    True
    >>> _not_content("The transcript of the call shows that he asked.", None)
    False
    >>> _not_content("The government said on Monday that 40 --", None)
    True
    """
    first = sentence[:1]
    if not first.isalpha() and _LETTER.search(sentence) is None:
        return True  # no word at all
    if first.islower() and _FRONT_MATTER.match(sentence):
        return True
    if ("@" in sentence or "+" in sentence or "[email" in sentence) and _CONTACT.search(sentence):
        return True  # a page's contacts: "+44 (0) 203 668 7474", "info@..."
    cut = _CUT_OFF.search(sentence) if sentence.rstrip()[-1:] in "-—–" else None
    if (
        cut is not None
        and (cut.group(1).lower() in _DANGLING or cut.group(1)[0].isdigit())
        and len(sentence.split()) <= _SHORT_FRAGMENT
    ):
        return True  # cut off mid-claim: "The government said on Monday that 40 --"
    if (
        (first.isdigit() or first in " \t")
        and _ITEM_NUMBER.match(sentence)
        and sentence.rstrip()[-1:] not in ".!?…\"”'’)"
    ):
        return True
    return (
        words is None
        or not _EDITORIAL_WORDS.isdisjoint(words)
        or sentence[:17].lower().startswith(_EDITORIAL_OPENINGS)
    ) and bool(_EDITORIAL.search(sentence))


def _is_large_count(quantity: Quantity) -> bool:
    """Whether a quantity counts a hundred or more of something (``443 people``)."""
    return (
        quantity.unit is not None
        and isinstance(quantity.value, int | float)
        and quantity.value >= _LARGE_COUNT
    )


# A count this large is the point of its sentence, dated or not.
_LARGE_COUNT = 100


def _is_measure(quantity: Quantity) -> bool:
    """Whether a quantity is a share, a sum of money or an amount in a unit of measure."""
    unit = quantity.unit
    return unit is not None and (unit in _MEASURES or unit.lower() in _MEASURE_NOUNS)


_CONDITIONS = frozenset({"if", "unless"})
_WORD = re.compile(r"[A-Za-z]+")
# The words that open a question: interrogatives, auxiliaries and modals (as runs of
# letters: "don't" is "don").
_INTERROGATIVES = frozenset(
    """what when where why who whom whose which how is are am was were do does did have
    has had will would shall should can could may might must isn aren wasn weren don
    doesn didn haven hasn won wouldn shouldn couldn any anything or""".split()
)
# Words that open a statement: a subject ("It appears that ...?", "You said ...?").
_DECLARATIVE_OPENERS = frozenset("it there you he she they the this that these those so".split())


def _asks(question: str) -> bool:
    """Whether a sentence ending in ``?`` asks, rather than states with a question mark.

    A statement said as a question ("It appears that they have withdrawn?", "You said
    that the talks failed?") claims what it says; a question opens with an interrogative
    or an auxiliary, in its first clause or in one after a comma ("Mr Lee, what ...?").

    >>> _asks("Mr Lee, what about the treaty?"), _asks("You signed it in May?")
    (True, False)
    """
    opening = _WORD.findall(question[:40])[:3]
    if not opening or opening[0].lower() not in _DECLARATIVE_OPENERS:
        return True
    if any(word.lower() in _INTERROGATIVES for word in opening):
        return True
    return any(
        _first_word(clause) in _INTERROGATIVES for clause in _CLAUSE_BREAK_SPACE.split(question)[1:]
    )


def _first_word(text: str) -> str | None:
    found = _WORD.search(text)
    return found.group().lower() if found else None


_RELATIVE_SUBJECT = re.compile(r",?\s(?:who|which|that)\s*$")
_CLAUSE_BREAK_SPACE = re.compile(r"[,;:–—]\s")
_NAME_RUN = re.compile(r"[A-Z][\w'’.\-]*(?:\s(?:of\s)?[A-Z][\w'’.\-]*)*")
# A collective noun after a name: who speaks for a country ("the Russian side").
_BODY = re.compile(
    r"\s(?:side|government|authorities|leadership|delegation|administration|military|"
    r"embassy|ministry|parliament|media|press|officials|diplomats|sources|lawmakers)\b"
)
# Subjects that name nobody: pronouns, and what is left of "As noted, ..." or "So said".
# An office alone as a reporting verb's subject: the person holding it, named before.
_BARE_TITLES = frozenset(
    (
        *"President Minister Secretary Chancellor Ambassador Spokesperson Spokesman Spokeswoman"
        " Senator Governor Speaker Chairman Chairwoman".split(),
        *("Prime Minister", "Foreign Minister", "Secretary of State", "Secretary-General"),
    )
)
# The speaker's own note that opens a sentence: "We noted that", "I have noticed that".
_WE_NOTED = re.compile(r"(?:we|i)\s(?:have\s)?(?:also\s)?[a-z]+\s(?:that\s)?", re.I)
# The most words of a reporting verb's subject named by no capitalised word ("critics",
# "my opponent") given as its source.
_COMMON_SUBJECT_WORDS = 4
_AUXILIARIES = frozenset("has have had also just already again ever never always".split())
# Capitalised words that open a sentence without naming anyone.
_NOT_SOURCES = frozenset(
    "And But So Or Yet Then Now Also My Our Your His Her Their Its For All Well Because "
    "Both Each".split()
)
_CONTRACTION = re.compile(r"['’](?:ve|d|s|ll|re|m)$", re.I)
# A reporting verb's subject that refers to a person named before: "He also noted that".
_HE_OR_SHE = re.compile(
    r"(?:(?:and|but|so)\s)?(?:he|she)(?:\s(?:also|again|then|later|further|once\sagain))?", re.I
)
#: What :func:`_speaker_of` gives for such a subject, resolved by :func:`_classify`.
_PRONOUN_SPEAKER = ""
_PRONOUN = re.compile(
    r"^(?:i|we|you|he|she|it|they|this|that|as|so|and|but|also|there|one|some|many|"
    r"others|people|everyone|everybody|nobody|someone)$",
    re.I,
)


_ACCORDING_TO = re.compile(
    r"\b[Aa]ccording to\s(?:the\s)?(?P<source>[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*)*)"
)


def _attributed_to(
    sentence: str, actors: list[Actor], words: frozenset[str] | None = None
) -> str | None:
    """Whose words a sentence reports, if it reports anyone's.

    ``words`` are the sentence's :func:`_words`, if known.
    """
    if words is None or "according" in words:
        according = _ACCORDING_TO.search(sentence)
        if according is not None:
            return _without_full_stop(according.group("source"))
    # The reporting verb is matched in lower case; a sentence in capitals is read lowered.
    probe = sentence.lower() if sentence.isascii() and sentence.isupper() else sentence
    if words is None:
        attribution = _ATTRIBUTION.search(probe)
    elif _ATTRIBUTION_WORDS.isdisjoint(words):
        return None  # no reporting verb
    else:
        attribution = _first_attribution(probe)
    if attribution is None:
        return _said_after(sentence, actors)
    if _FIRST_PERSON_SAID.search(sentence[: attribution.end()]):
        return None
    speaker = _speaker_of(sentence, attribution, actors)
    if speaker is None and _WE_NOTED.match(sentence, 0, attribution.end()):
        # "We noted that FBI Director Christopher Wray said that ...": whom we report.
        inner = _ATTRIBUTION.search(probe, attribution.end())
        if inner is not None:
            return _speaker_of(sentence, inner, actors)
    return speaker


def _said_after(sentence: str, actors: list[Actor]) -> str | None:
    """Whose words a sentence ending in its reporting clause reports: "..., Lavrov said.",
    "..., said Sergey Lavrov.", "..., she said." (the person named before).

    >>> _said_after("The talks failed, Ann Lee said.", [])
    'Ann Lee'
    >>> _said_after("It was a mistake, I said.", []) is None
    True
    """
    tail = _SAID_AFTER.search(sentence, max(0, len(sentence) - _SAID_AFTER_REACH))
    if tail is None:
        return None
    who = _without_full_stop((tail["who"] or tail["who2"]).strip())
    if _HE_OR_SHE.fullmatch(who):
        return _PRONOUN_SPEAKER
    if _PRONOUN.match(who):
        return None  # "..., I said.": the speaker's own
    persons = [a for a in actors if a.type == "person" and a.text and a.text in who]
    if persons:
        return persons[-1].name
    return who[4:] if who.startswith(("the ", "The ")) else who


# A reporting clause closing a sentence, after a comma.
_NAMES_AFTER = r"[\w.'’\-]{0,30}(?:[ \t][A-Z][\w.'’\-]{0,30}){0,3}"
_SAID_AFTER = re.compile(
    rf",[ \t](?:(?P<who>(?:the[ \t])?[A-Za-z]{_NAMES_AFTER})"
    r"[ \t](?:said|says|added|noted|stressed|explained|recalled)"
    rf"|(?:said|says|added|noted)[ \t](?P<who2>[A-Z]{_NAMES_AFTER}))"
    r"[ \t]?[.!]?[\"”'’]?[ \t]*$"
)
_SAID_AFTER_REACH = 160


def _document_says(
    sentence: str, references: list[Reference], words: frozenset[str] | None
) -> bool:
    """Whether the sentence reports what a document it cites says: the subject of
    ``says that`` (the words after the last clause break before it) names the document.

    >>> from claimtrack.mentions._references import find_references
    >>> s = "Resolution 2254 says that the Syrians decide."
    >>> _document_says(s, find_references(s), None)
    True
    >>> s = "Under Resolution 2254, the Syrians say that they decide."
    >>> _document_says(s, find_references(s), None)
    False
    """
    if words is not None and _SAYS_WORDS.isdisjoint(words):
        return False
    says = _SAYS.search(sentence)
    if says is None:
        return False
    subject = _last_clause(sentence[: says.start()])
    return any(r.text in subject for r in references)


def _first_attribution(sentence: str) -> re.Match[str] | None:
    """``_ATTRIBUTION.search(sentence)``, trying only where a match can start.

    A match starts at most five characters (``have`` and a space) before its reporting
    verb, found as a substring of the lower-cased sentence (for a sentence whose
    :func:`_words` are known: no odd case, so the offsets are the sentence's).
    """
    lowered = sentence.lower()
    candidates: set[int] = set()
    for verb in _ATTRIBUTION_VERBS:
        found = lowered.find(verb)
        while found >= 0:
            candidates.add(found)
            # Before the verb, a match starts only at "has"/"have"/"had" or a space.
            candidates.update(
                p
                for p in range(max(0, found - 5), found)
                if lowered[p] == "h" or lowered[p].isspace()
            )
            found = lowered.find(verb, found + 1)
    for position in sorted(candidates):
        match = _ATTRIBUTION.match(sentence, position)
        if match is not None:
            return match
    return None


_CLAUSE_BREAK = re.compile(r"\s[–—]\s|;\s|:\s")


def _all_opinion(sentence: str, words: frozenset[str] | None = None) -> bool:
    """Whether every clause of a sentence voices an opinion (so no clause is factual).

    ``words`` are the sentence's :func:`_words`, if known.
    """
    if (
        words is not None
        and (_FIRST_PERSON.isdisjoint(words) or _OPINION_VERBS.isdisjoint(words))
        and _OPINION_WORDS.isdisjoint(words)
        and "disappoint" not in sentence.lower()
        and (_COPULA_WORDS.isdisjoint(words) or _COPULA_ADJECTIVES.isdisjoint(words))
    ):
        return False  # no clause can match either pattern
    return all(
        _OPINION.search(clause) or _COPULA_OPINION.search(clause)
        for clause in _CLAUSE_BREAK.split(sentence)
    )


def _speaker_of(sentence: str, match: re.Match[str], actors: list[Actor]) -> str | None:
    """Whose words a reporting verb reports: the subject of the verb.

    ``James Mattis, who has said`` reports Mattis; ``the Russian Defence Ministry
    reported`` the ministry; ``we have said`` nobody else.
    """
    before = sentence[: match.start()].rstrip()
    relative = _RELATIVE_SUBJECT.search(before)
    if relative is not None:
        before = before[: relative.start()].rstrip(" ,")
        # The antecedent: the last person or name just before the relative pronoun.
        named = [a for a in actors if a.text and before.endswith(a.text)]
        if named:
            return named[-1].name if named[-1].type == "person" else named[-1].text
        # "Governor Ron DeSantis, in Iowa today, who said": the last person named before.
        persons = [a for a in actors if a.type == "person" and a.text and a.text in before]
        if persons:
            return persons[-1].name
    subject = _CONTRACTION.sub("", _last_clause(before).strip())  # "I’ve", "She's"
    if _HE_OR_SHE.fullmatch(subject):
        return _PRONOUN_SPEAKER
    if not subject or _PRONOUN.match(subject):
        return None
    persons = [a for a in actors if a.type == "person" and a.text and a.text in subject]
    if persons:
        return persons[-1].name
    # Capitalised runs, without the words that open a sentence naming nobody ("And the
    # CEO", "My opponent", "But critics").
    runs = [
        m for m in _NAME_RUN.finditer(subject) if m.group().split(" ", 1)[0] not in _NOT_SOURCES
    ]
    if not runs:
        words = subject.split()
        while words and words[0] in _NOT_SOURCES:
            del words[0]
        while words and (words[-1].lower() in _AUXILIARIES or words[-1].endswith("ly")):
            del words[-1]  # "opponent has also previously said"
        return " ".join(words) if 0 < len(words) <= _COMMON_SUBJECT_WORDS else None
    if runs:
        run = max(runs, key=lambda m: len(m.group()))
        name = run.group()
        first, _, rest = name.partition(" ")
        if rest and first.lower() in SMALL_COUNTS:  # "Two U.S. officials said"
            name = rest
        if name in ("The", "A", "An"):  # "The minister told reporters": a common noun
            return subject if len(subject.split()) <= 4 else None
        if name.startswith(("The ", "A ", "An ")):  # "The Council of Europe said"
            name = name.split(" ", 1)[1]
        holder = _after_title(name, actors)
        if holder is not None:
            return holder
        body = _BODY.match(subject, run.end())  # "the Russian side", "the US authorities"
        return name + body.group() if body else _without_full_stop(name)
    return None


def _after_title(name: str, actors: list[Actor]) -> str | None:
    """The person a title of a country or body introduces: ``President of the Republic
    of Belarus Ann Lee`` is Ann Lee; ``None`` where no such title opens the name."""
    for actor in actors:
        title = f"of {actor.text} "
        found = name.find(title) if actor.type != "person" and actor.text else -1
        if found >= 0:
            holder = name[found + len(title) :]
            if len(holder.split()) >= 2:
                return _without_full_stop(holder)
    return None


_NAME_JOINERS = frozenset({"of", "the", "and", "for", "de", "van", "von", "al", "bin", "la", "le"})


def _name_only(sentence: str) -> bool:
    """Whether a sentence is only a name and its titles, as a moderator introduces one.

    >>> _name_only("Former Secretary of State Hillary Clinton.")
    True
    >>> _name_only("Four zones work.")
    False
    >>> _name_only("WE SIGNED THE TREATY.")  # a transcript in capitals says something
    False
    """
    if len(sentence) > 120:
        return False
    words = sentence.rstrip(" .!").split()  # most sentences fail at their second word
    if len(words) < 2 or not all(w[0].isupper() or w in _NAME_JOINERS for w in words):
        return False
    return not (sentence.isupper() or _ANY_DIGIT.search(sentence))


_ANY_DIGIT = re.compile(r"\d")


def _last_clause(text: str) -> str:
    """What follows the last clause break (a comma, colon, dash and a space) of a text.

    Found in one pass: a pattern such as ``.*[,;:]\\s`` would try again from every
    position of a long text without a break, in quadratic time.

    >>> _last_clause("In 2017, as we said: Ann Lee")
    'Ann Lee'
    """
    last = 0
    for found in _CLAUSE_BREAK_SPACE.finditer(text):
        last = found.end()
    return text[last:]


def _without_full_stop(name: str) -> str:
    """``New York Times.`` is ``New York Times``; ``U.S.`` keeps its dots."""
    last = name.rsplit(" ", 1)[-1]
    return name[:-1] if last.endswith(".") and last.count(".") == 1 else name


def _governing_time(times: list[TimeValue]) -> TimeValue | None:
    """The time a sentence's claim is about: its first point in time, if any."""
    for preferred in (_is_dated, _is_reference):
        for time in times:
            if preferred(time):
                return time
    return None


def _is_dated(time: TimeValue) -> bool:
    return time.type in {"DATE", "TIME"} and time.value[:1].isdigit()


def _is_reference(time: TimeValue) -> bool:
    return time.type == "DATE"


def _implicit_time(anchor: dt.date) -> TimeValue:
    return TimeValue(
        anchor.isoformat(),
        "DATE",
        anchor,
        earliest=anchor,
        latest=anchor,
        reason="implicit: as of the transcript's date",
    )
