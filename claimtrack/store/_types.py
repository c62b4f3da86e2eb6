"""The values the claim store gives back: tracked claims, their appearances, verification.

All are frozen attrs classes with validated fields, built by the store from its tables;
nothing in them is live, so they can be kept, compared and passed around freely.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
from attrs import validators as v

from claimtrack._model import Claim, ClaimKind, Provenance, Status

__all__ = [
    "DEFAULT_SCALE",
    "Appearance",
    "Evidence",
    "IngestResult",
    "Page",
    "RatingScale",
    "StoredTranscript",
    "TrackedClaim",
    "Verification",
    "VerificationRecord",
]

_non_empty_str = v.and_(v.instance_of(str), v.min_len(1))
_optional_str = v.optional(v.instance_of(str))
_non_negative = v.and_(v.instance_of(int), v.ge(0))


def _aware(instance: Any, attribute: attrs.Attribute[Any], value: dt.datetime | None) -> None:
    if value is not None and value.tzinfo is None:
        msg = f"{type(instance).__name__}.{attribute.name} ({value}) has no time zone"
        raise ValueError(msg)


_timestamp = v.and_(v.instance_of(dt.datetime), _aware)
_optional_timestamp = v.optional(_timestamp)


def _names(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _distinct(instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    folded = [name.casefold() for name in (*instance.ratings, *value)]
    if len(set(folded)) != len(folded):
        msg = f"{type(instance).__name__}: a rating is named twice in {folded}; name each once"
        raise ValueError(msg)


@attrs.frozen
class RatingScale:
    """The ratings a store's reviewers may give, best first.

    Ratings on the scale get a number in ClaimReview (``ratingValue``, the best is
    ``len(ratings)``, the worst 1); ratings in ``unrated`` (``unverifiable``) are
    verdicts off the scale and get none. Names are matched without regard to case.

    Attributes:
        ratings: The ratings on the scale, best first.
        unrated: Verdicts off the scale.

    >>> scale = RatingScale(("correct", "wrong"), unrated=("unclear",))
    >>> scale.value("Wrong"), scale.value("unclear"), scale.best, scale.worst
    (1, None, 2, 1)
    >>> scale.canonical("CORRECT")
    'correct'
    """

    ratings: tuple[str, ...] = attrs.field(
        converter=_names,
        validator=v.and_(v.min_len(1), v.deep_iterable(_non_empty_str, v.instance_of(tuple))),
    )
    unrated: tuple[str, ...] = attrs.field(
        default=(),
        converter=_names,
        validator=v.and_(v.deep_iterable(_non_empty_str, v.instance_of(tuple)), _distinct),
    )

    @property
    def names(self) -> tuple[str, ...]:
        """Every rating, on the scale and off it."""
        return (*self.ratings, *self.unrated)

    @property
    def best(self) -> int:
        """The number of the best rating (``bestRating``)."""
        return len(self.ratings)

    @property
    def worst(self) -> int:
        """The number of the worst rating (``worstRating``)."""
        return 1

    def canonical(self, rating: str) -> str | None:
        """The rating as the scale spells it, or ``None`` if it is not on the scale."""
        folded = rating.strip().casefold()
        return next((name for name in self.names if name.casefold() == folded), None)

    def value(self, rating: str) -> int | None:
        """The rating's number (``ratingValue``), or ``None`` for a verdict off the scale."""
        name = self.canonical(rating)
        if name is None or name not in self.ratings:
            return None
        return len(self.ratings) - self.ratings.index(name)


#: The default scale: true, mostly true, half true, misleading, false; and unverifiable.
DEFAULT_SCALE = RatingScale(
    ("true", "mostly true", "half true", "misleading", "false"), unrated=("unverifiable",)
)


@attrs.frozen
class Evidence:
    """Something a reviewer relied on: a source, what it says, when it was read.

    >>> import datetime as dt
    >>> Evidence("https://example.org/r", quote="Four zones", accessed=dt.date(2018, 1, 20)).url
    'https://example.org/r'

    Attributes:
        url: Where the evidence is.
        quote: What it says, in its own words.
        accessed: When the reviewer read it.
        note: The reviewer's note on it.
    """

    url: str = attrs.field(validator=_non_empty_str)
    quote: str | None = attrs.field(default=None, validator=_optional_str)
    accessed: dt.date | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(dt.date))
    )
    note: str | None = attrs.field(default=None, validator=_optional_str)


def _evidence(items: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(items)


@attrs.frozen
class VerificationRecord:
    """One step in a tracked claim's verification history; records are never changed.

    Attributes:
        seq: The record's number, increasing in the order records were written.
        status: The status the step left the claim in.
        rating: The rating it left, when the status is ``rated``.
        reviewer: Who took the step.
        note: Their note.
        url: Where the rated review is published, if given.
        evidence: Evidence added in this step.
        at: When the step was taken.
    """

    seq: int = attrs.field(validator=_non_negative)
    status: Status = attrs.field(validator=v.instance_of(Status))
    at: dt.datetime = attrs.field(validator=_timestamp)
    rating: str | None = attrs.field(default=None, validator=_optional_str)
    reviewer: str | None = attrs.field(default=None, validator=_optional_str)
    note: str | None = attrs.field(default=None, validator=_optional_str)
    url: str | None = attrs.field(default=None, validator=_optional_str)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_evidence)


def _records(items: Iterable[VerificationRecord]) -> tuple[VerificationRecord, ...]:
    return tuple(items)


@attrs.frozen
class Verification:
    """Where a tracked claim stands in verification, derived from its history.

    Attributes:
        history: Every step, oldest first.

    >>> Verification().status
    <Status.UNVERIFIED: 'unverified'>
    """

    history: tuple[VerificationRecord, ...] = attrs.field(default=(), converter=_records)

    @property
    def status(self) -> Status:
        """The current status: the last step's, or unverified with no steps."""
        return self.history[-1].status if self.history else Status.UNVERIFIED

    @property
    def rating(self) -> str | None:
        """The current rating, when the status is ``rated``."""
        return self.history[-1].rating if self.history else None

    @property
    def reviewer(self) -> str | None:
        """Who took the last step that named a reviewer."""
        return next((r.reviewer for r in reversed(self.history) if r.reviewer), None)

    @property
    def updated(self) -> dt.datetime | None:
        """When the last step was taken."""
        return self.history[-1].at if self.history else None

    @property
    def rated(self) -> VerificationRecord | None:
        """The step that gave the current rating, if the claim is rated."""
        if self.status is not Status.RATED:
            return None
        return self._rated_run()[0]

    @property
    def url(self) -> str | None:
        """Where the current rating's review is published, if recorded."""
        if self.status is not Status.RATED:
            return None
        return next((r.url for r in reversed(self._rated_run()) if r.url), None)

    def _rated_run(self) -> tuple[VerificationRecord, ...]:
        # The steps since the current rating was given: it, then evidence added to it.
        start = len(self.history)
        while start and self.history[start - 1].status is Status.RATED:
            start -= 1
        return self.history[start:]

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """All evidence gathered, oldest first."""
        return tuple(item for record in self.history for item in record.evidence)


@attrs.frozen
class Appearance:
    """One place a tracked claim was made: a claim in a transcript.

    Attributes:
        claim: The claim as extracted there, its status that of the tracked claim.
        published: When the transcript was published.
        title: The transcript's title, if it has one.
        superseded: Whether a corrected version of the transcript replaced this one.
    """

    claim: Claim = attrs.field(validator=v.instance_of(Claim))
    published: dt.datetime = attrs.field(validator=v.instance_of(dt.datetime))
    title: str | None = attrs.field(default=None, validator=_optional_str)
    superseded: bool = attrs.field(default=False, validator=v.instance_of(bool))

    @property
    def claim_id(self) -> str:
        """The claim's id (:attr:`claimtrack.Claim.id`)."""
        return self.claim.id

    @property
    def transcript_id(self) -> str:
        """The transcript's id."""
        return self.claim.provenance.transcript_id

    @property
    def source(self) -> str:
        """Where the transcript came from."""
        return self.claim.provenance.source

    @property
    def speaker(self) -> str | None:
        """Who made the claim there."""
        return self.claim.speaker

    @property
    def provenance(self) -> Provenance:
        """Exactly where in the transcript."""
        return self.claim.provenance

    @property
    def text(self) -> str:
        """The claim exactly as said here."""
        return self.claim.text


def _appearances(items: Iterable[Appearance]) -> tuple[Appearance, ...]:
    return tuple(items)


@attrs.frozen
class TrackedClaim:
    """A claim followed across transcripts: every appearance of the same statement.

    Attributes:
        id: The tracked claim's id (``tc-`` and 16 hex digits).
        text: The claim as first made.
        kind: Its kind, as first made.
        appearances: Every place it was made, first appearance first.
        verification: Where it stands in verification, with the whole history.
    """

    id: str = attrs.field(validator=_non_empty_str)
    text: str = attrs.field(validator=v.instance_of(str))
    kind: ClaimKind = attrs.field(validator=v.instance_of(ClaimKind))
    appearances: tuple[Appearance, ...] = attrs.field(
        converter=_appearances, validator=v.min_len(1)
    )
    verification: Verification = attrs.field(
        factory=Verification, validator=v.instance_of(Verification)
    )

    @property
    def first_appearance(self) -> Appearance:
        """Where it was first made (the earliest transcript)."""
        return self.appearances[0]

    @property
    def status(self) -> Status:
        """Where it stands in verification."""
        return self.verification.status

    @property
    def rating(self) -> str | None:
        """Its current rating, when rated."""
        return self.verification.rating

    @property
    def speakers(self) -> tuple[str, ...]:
        """Who made it, in order of first appearance."""
        return tuple(dict.fromkeys(a.speaker for a in self.appearances if a.speaker))


@attrs.frozen
class StoredTranscript:
    """A transcript as the store keeps it, with its place among corrected versions.

    Attributes:
        id: Its id (:attr:`claimtrack.Transcript.id`, a hash of its text).
        source: Where it came from.
        published: When it was published.
        title: Its title, if any.
        language: Its language.
        text: Its text; ``None`` for a transcript known only from imported claims.
        version: 1 for the first version from its source, 2 for the first correction, ...
        supersedes: The id of the version it corrects.
        superseded_by: The id of the version that corrects it.
        ingested: When it was stored.
    """

    id: str = attrs.field(validator=_non_empty_str)
    source: str = attrs.field(validator=v.instance_of(str))
    published: dt.datetime = attrs.field(validator=v.instance_of(dt.datetime))
    title: str | None = attrs.field(validator=_optional_str)
    language: str = attrs.field(validator=_non_empty_str)
    text: str | None = attrs.field(validator=_optional_str)
    version: int = attrs.field(validator=v.and_(v.instance_of(int), v.ge(1)))
    supersedes: str | None = attrs.field(validator=_optional_str)
    superseded_by: str | None = attrs.field(validator=_optional_str)
    ingested: dt.datetime = attrs.field(validator=_timestamp)


def _ids(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@attrs.frozen
class IngestResult:
    """What an ingest did.

    Attributes:
        transcript_id: The transcript's id.
        changed: Whether anything was stored (``False``: the store had it already).
        claims: How many claims were stored.
        tracked: The tracked claim of each stored claim, in the claims' order.
        new_tracked: How many of those tracked claims the ingest created.
        supersedes: The id of the earlier version this transcript corrects, if any.
    """

    transcript_id: str = attrs.field(validator=_non_empty_str)
    changed: bool = attrs.field(validator=v.instance_of(bool))
    claims: int = attrs.field(default=0, validator=_non_negative)
    tracked: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    new_tracked: int = attrs.field(default=0, validator=_non_negative)
    supersedes: str | None = attrs.field(default=None, validator=_optional_str)

    @property
    def matched(self) -> int:
        """How many stored claims joined a tracked claim the store had already."""
        return self.claims - self.new_tracked


def _tracked(items: Iterable[TrackedClaim]) -> tuple[TrackedClaim, ...]:
    return tuple(items)


@attrs.frozen
class Page:
    """One page of a query's tracked claims; iterate it for the claims.

    Attributes:
        claims: The tracked claims on this page.
        total: How many tracked claims the query matches in all.
        offset: How many were skipped before this page.
    """

    claims: tuple[TrackedClaim, ...] = attrs.field(converter=_tracked)
    total: int = attrs.field(validator=_non_negative)
    offset: int = attrs.field(default=0, validator=_non_negative)

    @property
    def next_offset(self) -> int | None:
        """The ``offset`` of the next page, or ``None`` on the last page."""
        end = self.offset + len(self.claims)
        return end if end < self.total and self.claims else None

    def __iter__(self) -> Iterator[TrackedClaim]:
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)
