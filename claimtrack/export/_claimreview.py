"""schema.org ClaimReview JSON-LD of rated tracked claims.

The form fact-checkers publish their verdicts in (https://schema.org/ClaimReview): the
claim reviewed, its rating on the store's scale, who made the claim and where, who
reviewed it and when.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimtrack._model import Status
from claimtrack.exceptions import ExportError
from claimtrack.export._uri import source_uri
from claimtrack.store._types import DEFAULT_SCALE, Appearance, RatingScale, TrackedClaim

__all__ = ["claim_review", "claim_reviews"]

SCHEMA_ORG = "https://schema.org"


def _person(name: str | None) -> dict[str, Any] | None:
    return None if name is None else {"@type": "Person", "name": name}


def _work(appearance: Appearance) -> dict[str, Any]:
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "url": source_uri(appearance.source, appearance.transcript_id),
        "datePublished": appearance.published.date().isoformat(),
    }
    if appearance.title:
        work["headline"] = appearance.title
    if appearance.speaker:
        work["author"] = _person(appearance.speaker)
    return work


def _dropping_none(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None}


def claim_review(
    tracked: TrackedClaim,
    *,
    scale: RatingScale = DEFAULT_SCALE,
    base_url: str | None = None,
    publisher: str | None = None,
) -> dict[str, Any]:
    """The ClaimReview of a rated tracked claim, as JSON-LD ready for ``json.dumps``.

    The review's ``url`` is the one recorded with the rating, else ``base_url`` followed
    by the tracked claim's id, else the URN ``urn:claimtrack:<id>``. Its ``author`` is
    the reviewer (a Person); its ``datePublished`` the day of the rating. The claim's
    ``author`` is the speaker of its first appearance and its ``datePublished`` that
    transcript's date; ``appearance`` lists every transcript it was made in.

    Args:
        tracked: A rated tracked claim (from :class:`~claimtrack.store.ClaimStore`).
        scale: The store's rating scale (``store.scale``), for ``ratingValue``.
        base_url: Where reviews are published, when the rating recorded no ``url``.
        publisher: The fact-checking organisation, if any.

    Raises:
        ExportError: The claim is not rated.

    >>> import datetime as dt, claimtrack
    >>> from claimtrack.store import ClaimStore
    >>> t = claimtrack.parse_transcript(
    ...     "ANN LEE: Four de-escalation zones operate in Syria.", published="2018-01-15"
    ... )
    >>> when = dt.datetime(2018, 1, 20, tzinfo=dt.timezone.utc)
    >>> with ClaimStore(":memory:") as store:
    ...     tc = store.ingest_transcript(t).tracked[0]
    ...     _ = store.review(tc, reviewer="Bo", now=when)
    ...     _ = store.rate(tc, "true", reviewer="Bo", url="https://fc.example/zones", now=when)
    ...     review = claim_review(store.get(tc), scale=store.scale)
    >>> review["reviewRating"]["alternateName"], review["reviewRating"]["ratingValue"]
    ('true', 5)
    >>> review["itemReviewed"]["author"]["name"], review["itemReviewed"]["datePublished"]
    ('Ann Lee', '2018-01-15')
    >>> review["url"], review["author"]["name"], review["datePublished"]
    ('https://fc.example/zones', 'Bo', '2018-01-20')
    """
    verification = tracked.verification
    rated = verification.rated
    if rated is None or rated.rating is None:
        msg = (
            f"{tracked.id} is {tracked.status.value.replace('_', ' ')}, not rated; "
            "only rated claims have a ClaimReview (rate it first: claimtrack verify ID --rating R)"
        )
        raise ExportError(msg)
    url = verification.url or (
        base_url.rstrip("/") + "/" + tracked.id if base_url else f"urn:claimtrack:{tracked.id}"
    )
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": rated.rating}
    value = scale.value(rated.rating)
    if value is not None:
        rating |= {"ratingValue": value, "bestRating": scale.best, "worstRating": scale.worst}
    first = tracked.first_appearance
    item = _dropping_none(
        {
            "@type": "Claim",
            "author": _person(first.speaker),
            "datePublished": first.published.date().isoformat(),
            "appearance": [_work(a) for a in tracked.appearances],
            "firstAppearance": _work(first),
        }
    )
    author = _person(rated.reviewer or verification.reviewer)
    if author is None and publisher is not None:
        author = {"@type": "Organization", "name": publisher}
    return _dropping_none(
        {
            "@context": SCHEMA_ORG,
            "@type": "ClaimReview",
            "url": url,
            "claimReviewed": tracked.text,
            "datePublished": rated.at.date().isoformat(),
            "author": author,
            "publisher": None
            if publisher is None
            else {"@type": "Organization", "name": publisher},
            "reviewRating": rating,
            "reviewBody": rated.note,
            "itemReviewed": item,
        }
    )


def claim_reviews(
    tracked: Iterable[TrackedClaim],
    *,
    scale: RatingScale = DEFAULT_SCALE,
    base_url: str | None = None,
    publisher: str | None = None,
) -> list[dict[str, Any]]:
    """The ClaimReviews of the rated claims among ``tracked``; the others are skipped.

    >>> claim_reviews([])
    []
    """
    return [
        claim_review(claim, scale=scale, base_url=base_url, publisher=publisher)
        for claim in tracked
        if claim.status is Status.RATED
    ]
