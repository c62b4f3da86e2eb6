"""Verification's rules: which status may follow which, and which ratings a scale allows.

A tracked claim starts ``unverified``; a review puts it ``in_review``; a rating from the
store's scale makes it ``rated``. A rated claim is reopened by a new review (and then
rated again); a review can be withdrawn (back to ``unverified``). Evidence is added to a
claim in review or rated. Every step is a new record; nothing is ever overwritten.
"""

from __future__ import annotations

from claimtrack._model import Status
from claimtrack.exceptions import VerificationError
from claimtrack.store._types import RatingScale

__all__ = ["TRANSITIONS", "check_evidence", "check_rating", "check_transition"]

#: The statuses each status may move to.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.UNVERIFIED: frozenset({Status.IN_REVIEW}),
    Status.IN_REVIEW: frozenset({Status.RATED, Status.UNVERIFIED}),
    Status.RATED: frozenset({Status.IN_REVIEW}),
}

_HOW = {
    Status.IN_REVIEW: "start a review (ClaimStore.review, or claimtrack verify ID --review)",
    Status.RATED: "rate it (ClaimStore.rate, or claimtrack verify ID --rating R)",
    Status.UNVERIFIED: "withdraw the review (ClaimStore.withdraw)",
}


def check_transition(current: Status, target: Status, *, where: str) -> None:
    """Raises :class:`VerificationError` unless ``current`` may move to ``target``.

    >>> check_transition(Status.UNVERIFIED, Status.IN_REVIEW, where="tc-1")
    >>> check_transition(Status.UNVERIFIED, Status.RATED, where="tc-1")
    Traceback (most recent call last):
    ...
    claimtrack.exceptions.VerificationError: tc-1 is unverified and cannot be rated; ...
    """
    if target in TRANSITIONS[current]:
        return
    allowed = " or ".join(_HOW[s] for s in sorted(TRANSITIONS[current], key=lambda s: s.value))
    verb = {
        Status.IN_REVIEW: "put in review again" if current is target else "put in review",
        Status.RATED: "rated again" if current is target else "rated",
        Status.UNVERIFIED: "withdrawn",
    }[target]
    msg = f"{where} is {_said(current)} and cannot be {verb}; {allowed} first"
    raise VerificationError(msg)


def _said(status: Status) -> str:
    return status.value.replace("_", " ")


def check_evidence(current: Status, *, where: str) -> None:
    """Raises :class:`VerificationError` unless evidence may be added in ``current``.

    >>> check_evidence(Status.UNVERIFIED, where="tc-1")
    Traceback (most recent call last):
    ...
    claimtrack.exceptions.VerificationError: tc-1 is unverified; start a review ...
    """
    if current is Status.UNVERIFIED:
        msg = f"{where} is unverified; {_HOW[Status.IN_REVIEW]} before adding evidence"
        raise VerificationError(msg)


def check_rating(scale: RatingScale, rating: str, *, where: str) -> str:
    """The rating as the scale spells it; raises :class:`VerificationError` if unknown.

    >>> from claimtrack.store._types import DEFAULT_SCALE
    >>> check_rating(DEFAULT_SCALE, "Mostly True", where="tc-1")
    'mostly true'
    >>> check_rating(DEFAULT_SCALE, "pants on fire", where="tc-1")
    Traceback (most recent call last):
    ...
    claimtrack.exceptions.VerificationError: tc-1: 'pants on fire' is not a rating ...
    """
    name = scale.canonical(rating)
    if name is None:
        msg = (
            f"{where}: {rating!r} is not a rating of this store's scale; "
            f"give one of: {', '.join(scale.names)}"
        )
        raise VerificationError(msg)
    return name
