"""The typed values claimtrack produces: transcripts, mentions and claims.

All are frozen attrs classes with validated fields; make changed copies with
:func:`attrs.evolve`. Offsets are code-point offsets into the transcript's text exactly
as read, so ``text[start:end]`` is always the quoted text.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from collections.abc import Iterable
from typing import Any

import attrs
from attrs import validators as v

__all__ = [
    "TIMEX_TYPES",
    "Actor",
    "Claim",
    "ClaimKind",
    "Provenance",
    "Quantity",
    "Reference",
    "Role",
    "Status",
    "TimeValue",
    "Transcript",
    "Turn",
]

#: The four TIMEX3 types of ISO-TimeML.
TIMEX_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})

# Validators: one plain function a field, as they run for every mention and claim made.


def _fail(
    instance: Any, attribute: attrs.Attribute[Any], value: Any, wanted: str, kind: type
) -> None:
    """Raises ``ValueError`` for a bad value of type ``kind``, else ``TypeError``."""
    msg = f"{type(instance).__name__}.{attribute.name} must be {wanted}, not {value!r}"
    raise (ValueError if isinstance(value, kind) else TypeError)(msg)


class _NeverAValue:
    """A type no value has: what :func:`_fail` is given where any mismatch is a type error."""


def _non_negative(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, int) or value < 0:
        _fail(instance, attribute, value, "an int >= 0", int)


def _optional_offset(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _non_negative(instance, attribute, value)


def _non_empty_str(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value:
        _fail(instance, attribute, value, "a non-empty str", str)


def _optional_str(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, str):
        _fail(instance, attribute, value, "a str or None", str)


def _end_after_start(instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    start = instance.start
    if value is not None and start is not None and value < start:
        msg = f"{type(instance).__name__}.{attribute.name} ({value}) is before start ({start})"
        raise ValueError(msg)


def _optional_end(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _optional_offset(instance, attribute, value)
    _end_after_start(instance, attribute, value)


def _end(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _non_negative(instance, attribute, value)
    _end_after_start(instance, attribute, value)


def _instance(*types: type) -> Any:
    """A validator: the value is an instance of one of ``types``."""
    wanted = " or ".join(t.__name__ for t in types)

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, types):
            _fail(instance, attribute, value, f"a {wanted}", _NeverAValue)

    return validate


def _score(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, float) or not 0.0 <= value <= 1.0:
        _fail(instance, attribute, value, "a float in [0, 1]", float)


_STR = _instance(str)


class ClaimKind(enum.Enum):
    """What sort of checkable statement a claim is.

    >>> ClaimKind("quantity")
    <ClaimKind.QUANTITY: 'quantity'>
    """

    #: Something that happened, usually dated.
    EVENT = "event"
    #: A number is the point of the claim.
    QUANTITY = "quantity"
    #: An ongoing fact (``has been functioning since last summer``).
    STATE = "state"
    #: What a resolution, law or treaty says, or that it was adopted.
    REFERENCE = "reference"
    #: Reported speech: someone else said it.
    ATTRIBUTION = "attribution"
    #: A dated pledge (``In 2018, we will ...``).
    COMMITMENT = "commitment"


class Role(enum.Enum):
    """What a turn does in its transcript.

    >>> Role("answer") is Role.ANSWER
    True
    """

    QUESTION = "question"
    ANSWER = "answer"
    STATEMENT = "statement"


class Status(enum.Enum):
    """Where a claim stands in verification; every claim starts unverified.

    >>> Status.UNVERIFIED.value
    'unverified'
    """

    UNVERIFIED = "unverified"
    IN_REVIEW = "in_review"
    RATED = "rated"


@attrs.frozen
class TimeValue:
    """A time a text speaks of, normalised to ISO-TimeML.

    ``text``, ``start`` and ``end`` locate the expression in the text it was found in;
    they are ``None`` for an implicit time (a claim dated by its transcript).

    Attributes:
        value: The TIMEX3 value: ``2017-11-08``, ``2017-SU``, ``P3D``, ``PRESENT_REF``,
            ``XXXX-11-08`` where a part cannot be known.
        type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``.
        anchor: The date the value was resolved against.
        text: The expression as written, or ``None`` when implicit.
        start: Offset of the expression's first character.
        end: Offset just past its last character.
        mod: The TIMEX3 modifier (``START``, ``END``, ``APPROX``, ``BEFORE``, ...).
        earliest: The first day the value can mean, where it is a point in time.
        latest: The last day the value can mean.
        reason: Why the value was resolved the way it was (``tense=past``).
        alternative: Another reading, where the text is genuinely ambiguous.

    >>> import datetime as dt
    >>> t = TimeValue("2017-11-08", "DATE", dt.date(2017, 12, 28), text="November 8")
    >>> (t.value, t.explicit)
    ('2017-11-08', True)
    """

    value: str = attrs.field(validator=_non_empty_str)
    type: str = attrs.field(validator=v.in_(TIMEX_TYPES))
    anchor: dt.date = attrs.field(validator=v.instance_of(dt.date))
    text: str | None = attrs.field(default=None, validator=_optional_str)
    start: int | None = attrs.field(default=None, validator=_optional_offset)
    end: int | None = attrs.field(default=None, validator=_optional_end)
    mod: str | None = attrs.field(default=None, validator=_optional_str)
    earliest: dt.date | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(dt.date))
    )
    latest: dt.date | None = attrs.field(default=None, validator=v.optional(v.instance_of(dt.date)))
    reason: str | None = attrs.field(default=None, validator=_optional_str)
    alternative: str | None = attrs.field(default=None, validator=_optional_str)

    @property
    def explicit(self) -> bool:
        """Whether the time is written in the text (not inferred from the transcript)."""
        return self.text is not None


@attrs.frozen
class Quantity:
    """A number a claim states, with what it counts.

    >>> Quantity("Four", 4, unit="de-escalation zones").value
    4

    Attributes:
        text: The number as written (``Four``, ``3.5 million``, ``40%``).
        value: Its numeric value.
        unit: The counted noun or unit (``de-escalation zones``, ``percent``, ``USD``).
        mod: Approximation or bound as written (``about``, ``more than``), if any.
        start: Offset of ``text`` in the transcript, if known.
        end: Offset just past ``text``.
    """

    text: str = attrs.field(validator=_non_empty_str)
    value: int | float = attrs.field(validator=v.instance_of((int, float)))
    unit: str | None = attrs.field(default=None, validator=_optional_str)
    mod: str | None = attrs.field(default=None, validator=_optional_str)
    start: int | None = attrs.field(default=None, validator=_optional_offset)
    end: int | None = attrs.field(default=None, validator=_optional_end)


@attrs.frozen
class Reference:
    """A document a claim cites: a resolution, law, treaty, agreement, memorandum, ...

    >>> Reference("UN Security Council Resolution 2254", "resolution", identifier="2254").kind
    'resolution'

    Attributes:
        text: The reference as written.
        kind: ``resolution``, ``law``, ``treaty``, ``agreement``, ``memorandum``,
            ``statement``, ``charter`` or ``document``.
        identifier: The document's number or normalised name (``2254``, ``71/190``).
        issuer: The body that issued it, where named (``UN Security Council``).
        start: Offset of ``text`` in the transcript, if known.
        end: Offset just past ``text``.
    """

    text: str = attrs.field(validator=_non_empty_str)
    kind: str = attrs.field(validator=_non_empty_str)
    identifier: str | None = attrs.field(default=None, validator=_optional_str)
    issuer: str | None = attrs.field(default=None, validator=_optional_str)
    start: int | None = attrs.field(default=None, validator=_optional_offset)
    end: int | None = attrs.field(default=None, validator=_optional_end)


@attrs.frozen
class Actor:
    """A country, organisation or person a claim is about.

    >>> Actor("United States", "country", text="Washington").name
    'United States'

    Attributes:
        name: The canonical name (``United States`` for ``US`` or ``Washington``).
        type: ``country``, ``organisation`` or ``person``.
        text: The mention as written, if it differs or is known.
        start: Offset of the mention in the transcript, if known.
        end: Offset just past the mention.
    """

    name: str = attrs.field(validator=_non_empty_str)
    type: str = attrs.field(validator=_non_empty_str)
    text: str | None = attrs.field(default=None, validator=_optional_str)
    start: int | None = attrs.field(default=None, validator=_optional_offset)
    end: int | None = attrs.field(default=None, validator=_optional_end)


@attrs.frozen
class Turn:
    """One speaker's turn in a transcript.

    ``start`` and ``end`` delimit what the speaker said, without the label
    (``Question:``) and without trailing blank lines.

    >>> Turn(0, "Question", Role.QUESTION, 10, 42).role.value
    'question'
    """

    index: int = attrs.field(validator=_non_negative)
    speaker: str | None = attrs.field(validator=_optional_str)
    role: Role = attrs.field(validator=v.instance_of(Role))
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_end)


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _turns(items: Iterable[Turn]) -> tuple[Turn, ...]:
    return tuple(items)


def _spans(items: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in items)


@attrs.frozen
class Transcript:
    """A transcript as read, with its turns.

    Attributes:
        text: The full text exactly as read (decoded UTF-8, newlines untouched).
        published: When it was published or spoken; the anchor of relative times.
        source: Where it came from (a path, ``<stdin>`` or ``<string>``).
        title: Its title, if it has one.
        language: Its language, as an ISO 639-1 code.
        languages: Other language versions it links to (``de-DE``, ...).
        turns: The speaker turns, in order.
        boilerplate: Spans of web debris that belong to no turn.

    >>> import datetime as dt
    >>> t = Transcript("Hello.", dt.datetime(2017, 12, 28))
    >>> t.id
    'tr-2d8bd7d9bb5f85ba'
    """

    text: str = attrs.field(validator=v.instance_of(str))
    published: dt.datetime = attrs.field(validator=v.instance_of(dt.datetime))
    source: str = attrs.field(default="<string>", validator=v.instance_of(str))
    title: str | None = attrs.field(default=None, validator=_optional_str)
    language: str = attrs.field(default="en", validator=_non_empty_str)
    languages: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    turns: tuple[Turn, ...] = attrs.field(default=(), converter=_turns)
    boilerplate: tuple[tuple[int, int], ...] = attrs.field(default=(), converter=_spans)

    #: A stable identifier derived from the text alone (computed once, on creation).
    id: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        digest = hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()
        object.__setattr__(self, "id", "tr-" + digest[:16])

    @property
    def speakers(self) -> tuple[str, ...]:
        """The distinct speakers, in order of first appearance."""
        return tuple(dict.fromkeys(t.speaker for t in self.turns if t.speaker is not None))


@attrs.frozen
class Provenance:
    """Exactly where a claim came from.

    ``quote == transcript.text[start:end]`` always holds.

    Attributes:
        transcript_id: :attr:`Transcript.id` of the source transcript.
        source: Where the transcript came from.
        start: Offset of the quote's first character.
        end: Offset just past its last character.
        quote: The claim's text exactly as in the transcript.
        speaker: Who said it, if known.
        turn: Index of the turn it is in.
        sentence_start: Start of the sentence (or sentences) holding the claim.
        sentence_end: End of that sentence.
        context_before: A little of the text just before the quote.
        context_after: A little of the text just after it.
        extractor: Name of what found the claim.
        extractor_version: Its version.

    >>> text = "Q: Why? A: Four zones work."
    >>> p = Provenance("tr-1", "<string>", 11, 27, text[11:27], speaker="A", turn=1)
    >>> text[p.start : p.end] == p.quote
    True
    """

    transcript_id: str = attrs.field(validator=_non_empty_str)
    source: str = attrs.field(validator=_STR)
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_end)
    quote: str = attrs.field(validator=_STR)
    speaker: str | None = attrs.field(default=None, validator=_optional_str)
    turn: int | None = attrs.field(default=None, validator=_optional_offset)
    sentence_start: int | None = attrs.field(default=None, validator=_optional_offset)
    sentence_end: int | None = attrs.field(default=None, validator=_optional_offset)
    context_before: str = attrs.field(default="", validator=_STR)
    context_after: str = attrs.field(default="", validator=_STR)
    extractor: str = attrs.field(default="claimtrack", validator=_STR)
    extractor_version: str = attrs.field(default="", validator=_STR)


def _quantities(items: Iterable[Quantity]) -> tuple[Quantity, ...]:
    return tuple(items)


def _references(items: Iterable[Reference]) -> tuple[Reference, ...]:
    return tuple(items)


def _actors(items: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(items)


def _sorted_pairs(pairs: Any) -> tuple[tuple[str, float], ...]:
    return tuple(sorted((str(name), float(value)) for name, value in pairs))


def claim_id(transcript_id: str, start: int, end: int) -> str:
    """The stable identifier of the claim at ``start:end`` of a transcript.

    >>> claim_id("tr-2d8bd7d9bb5f85ba", 0, 6)
    'cl-cbc305bc6bf13144'
    """
    digest = hashlib.sha256(f"{transcript_id}:{start}:{end}".encode()).hexdigest()
    return "cl-" + digest[:16]


@attrs.frozen
class Claim:
    """A checkable factual claim, typed, dated and located.

    Attributes:
        id: A stable identifier (same transcript and span, same id).
        kind: What sort of claim it is.
        provenance: Where exactly it came from.
        time: When the claim is about: the expression that governs it, or the
            transcript's date as an implicit "as of" time.
        quantities: The numbers it states.
        references: The documents it cites.
        actors: The countries, organisations and persons it is about.
        attributed_to: Whose words it reports, for an attribution.
        score: Check-worthiness in [0, 1].
        features: What produced the score, by name.
        status: Where it stands in verification.

    >>> p = Provenance("tr-1", "<string>", 0, 16, "Four zones work.", speaker="Ann")
    >>> c = Claim(claim_id("tr-1", 0, 16), ClaimKind.QUANTITY, p, score=0.8)
    >>> c.text, c.speaker, c.status.value
    ('Four zones work.', 'Ann', 'unverified')
    """

    id: str = attrs.field(validator=_non_empty_str)
    kind: ClaimKind = attrs.field(validator=_instance(ClaimKind))
    provenance: Provenance = attrs.field(validator=_instance(Provenance))
    time: TimeValue | None = attrs.field(
        default=None,
        validator=_instance(TimeValue, type(None)),
    )
    quantities: tuple[Quantity, ...] = attrs.field(default=(), converter=_quantities)
    references: tuple[Reference, ...] = attrs.field(default=(), converter=_references)
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=_actors)
    attributed_to: str | None = attrs.field(default=None, validator=_optional_str)
    score: float = attrs.field(default=0.5, validator=_score)
    features: tuple[tuple[str, float], ...] = attrs.field(default=(), converter=_sorted_pairs)
    status: Status = attrs.field(default=Status.UNVERIFIED, validator=_instance(Status))

    @property
    def text(self) -> str:
        """The claim exactly as in the transcript."""
        return self.provenance.quote

    @property
    def start(self) -> int:
        """Offset of the claim in its transcript."""
        return self.provenance.start

    @property
    def end(self) -> int:
        """Offset just past the claim."""
        return self.provenance.end

    @property
    def speaker(self) -> str | None:
        """Who made the claim."""
        return self.provenance.speaker


# Constructors without validators or converters, for values claimtrack builds itself from
# validated parts in the form the converters give (tuples; features as sorted pairs of str
# and float): made for each claim, they set the fields as attrs' ``__init__`` does. The
# public constructors validate all that users give them.


def _trusted_provenance(
    *,
    transcript_id: str,
    source: str,
    start: int,
    end: int,
    quote: str,
    speaker: str | None,
    turn: int | None,
    sentence_start: int | None,
    sentence_end: int | None,
    context_before: str,
    context_after: str,
    extractor: str,
    extractor_version: str,
) -> Provenance:
    """A :class:`Provenance` of trusted values, every field given.

    >>> p = Provenance("tr-1", "<string>", 0, 3, "Hi.", speaker="Ann", turn=0)
    >>> _trusted_provenance(**attrs.asdict(p, recurse=False)) == p
    True
    """
    provenance = object.__new__(Provenance)
    set_field = object.__setattr__
    set_field(provenance, "transcript_id", transcript_id)
    set_field(provenance, "source", source)
    set_field(provenance, "start", start)
    set_field(provenance, "end", end)
    set_field(provenance, "quote", quote)
    set_field(provenance, "speaker", speaker)
    set_field(provenance, "turn", turn)
    set_field(provenance, "sentence_start", sentence_start)
    set_field(provenance, "sentence_end", sentence_end)
    set_field(provenance, "context_before", context_before)
    set_field(provenance, "context_after", context_after)
    set_field(provenance, "extractor", extractor)
    set_field(provenance, "extractor_version", extractor_version)
    return provenance


def _trusted_claim(
    *,
    id: str,
    kind: ClaimKind,
    provenance: Provenance,
    time: TimeValue | None,
    quantities: tuple[Quantity, ...],
    references: tuple[Reference, ...],
    actors: tuple[Actor, ...],
    attributed_to: str | None,
    score: float,
    features: tuple[tuple[str, float], ...],
    status: Status,
) -> Claim:
    """A :class:`Claim` of trusted values, every field given.

    >>> p = Provenance("tr-1", "<string>", 0, 16, "Four zones work.")
    >>> c = Claim(claim_id("tr-1", 0, 16), ClaimKind.QUANTITY, p, features=[("b", 1.0), ("a", 0)])
    >>> _trusted_claim(**attrs.asdict(c, recurse=False)) == c
    True
    """
    claim = object.__new__(Claim)
    set_field = object.__setattr__
    set_field(claim, "id", id)
    set_field(claim, "kind", kind)
    set_field(claim, "provenance", provenance)
    set_field(claim, "time", time)
    set_field(claim, "quantities", quantities)
    set_field(claim, "references", references)
    set_field(claim, "actors", actors)
    set_field(claim, "attributed_to", attributed_to)
    set_field(claim, "score", score)
    set_field(claim, "features", features)
    set_field(claim, "status", status)
    return claim
