"""Tracked claims as plain data: JSON objects, JSON Lines and CSV of claims, and back.

``write_claims_jsonl`` writes every appearance as the claim format of ``docs/format.md``
(read back by :func:`claimtrack.read_jsonl`) with two fields more, ``tracked_id`` and
``rating``; ``import_jsonl`` stores such a file (or any claimtrack JSON Lines) in a store.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from claimtrack._serialize import claim_to_dict, read_jsonl
from claimtrack.store._store import ClaimStore
from claimtrack.store._types import (
    Appearance,
    IngestResult,
    TrackedClaim,
    Verification,
)

__all__ = [
    "CSV_COLUMNS",
    "import_jsonl",
    "tracked_to_dict",
    "write_claims_csv",
    "write_claims_jsonl",
]

#: The columns of :func:`write_claims_csv`, in order.
CSV_COLUMNS = (
    "tracked_id",
    "claim_id",
    "kind",
    "status",
    "rating",
    "speaker",
    "published",
    "source",
    "transcript_id",
    "start",
    "end",
    "time",
    "quantities",
    "references",
    "actors",
    "text",
)


def _appearance(appearance: Appearance) -> dict[str, Any]:
    return {
        "claim_id": appearance.claim_id,
        "transcript_id": appearance.transcript_id,
        "source": appearance.source,
        "published": appearance.published.isoformat(),
        "title": appearance.title,
        "speaker": appearance.speaker,
        "start": appearance.provenance.start,
        "end": appearance.provenance.end,
        "text": appearance.text,
        "superseded": appearance.superseded,
    }


def _verification(verification: Verification) -> dict[str, Any]:
    return {
        "status": verification.status.value,
        "rating": verification.rating,
        "reviewer": verification.reviewer,
        "updated": None if verification.updated is None else verification.updated.isoformat(),
        "url": verification.url,
        "history": [
            {
                "seq": r.seq,
                "status": r.status.value,
                "rating": r.rating,
                "reviewer": r.reviewer,
                "note": r.note,
                "url": r.url,
                "at": r.at.isoformat(),
                "evidence": [
                    {
                        "url": e.url,
                        "quote": e.quote,
                        "accessed": None if e.accessed is None else e.accessed.isoformat(),
                        "note": e.note,
                    }
                    for e in r.evidence
                ],
            }
            for r in verification.history
        ],
    }


def tracked_to_dict(tracked: TrackedClaim, *, history: bool = False) -> dict[str, Any]:
    """A tracked claim as a JSON-ready dict, one line of ``claimtrack claims``.

    Args:
        tracked: The tracked claim.
        history: Also give its whole verification history, with evidence.

    >>> import claimtrack
    >>> from claimtrack.store import ClaimStore
    >>> t = claimtrack.parse_transcript(
    ...     "ANN LEE: Four de-escalation zones operate in Syria.", published="2018-01-15"
    ... )
    >>> with ClaimStore(":memory:") as store:
    ...     data = tracked_to_dict(store.get(store.ingest_transcript(t).tracked[0]))
    >>> sorted(data)
    ['appearances', 'first_appearance', 'id', 'kind', 'rating', 'status', 'text']
    >>> data["appearances"][0]["speaker"], data["status"]
    ('Ann Lee', 'unverified')
    """
    out: dict[str, Any] = {
        "id": tracked.id,
        "text": tracked.text,
        "kind": tracked.kind.value,
        "status": tracked.status.value,
        "rating": tracked.rating,
        "appearances": [_appearance(a) for a in tracked.appearances],
        "first_appearance": _appearance(tracked.first_appearance),
    }
    if history:
        out["verification"] = _verification(tracked.verification)
    return out


def write_claims_jsonl(tracked: Iterable[TrackedClaim], stream: IO[str]) -> int:
    """Writes every appearance as a claim line (``docs/format.md``); returns how many.

    Each line also has ``tracked_id`` and ``rating``; its ``status`` is the tracked
    claim's. :func:`claimtrack.read_jsonl` reads the lines back as claims.

    >>> import io
    >>> write_claims_jsonl([], io.StringIO())
    0
    """
    count = 0
    for claim in tracked:
        for appearance in claim.appearances:
            line = claim_to_dict(appearance.claim)
            line["tracked_id"] = claim.id
            line["rating"] = claim.rating
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
            count += 1
    return count


def _joined(items: Iterable[str]) -> str:
    return "; ".join(items)


def write_claims_csv(tracked: Iterable[TrackedClaim], stream: IO[str]) -> int:
    """Writes every appearance as a CSV row of :data:`CSV_COLUMNS`; returns how many.

    Quantities are written ``value unit``, references ``kind identifier``, actors by
    name, several of each separated by ``; ``.

    >>> import io
    >>> out = io.StringIO()
    >>> write_claims_csv([], out), out.getvalue().split(",")[:3]
    (0, ['tracked_id', 'claim_id', 'kind'])
    """
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for claim in tracked:
        for appearance in claim.appearances:
            said = appearance.claim
            writer.writerow(
                (
                    claim.id,
                    said.id,
                    said.kind.value,
                    claim.status.value,
                    claim.rating or "",
                    said.speaker or "",
                    appearance.published.isoformat(),
                    appearance.source,
                    appearance.transcript_id,
                    said.start,
                    said.end,
                    "" if said.time is None else said.time.value,
                    _joined(f"{q.value} {q.unit or ''}".strip() for q in said.quantities),
                    _joined(f"{r.kind} {r.identifier or r.text}" for r in said.references),
                    _joined(a.name for a in said.actors),
                    said.text,
                )
            )
            count += 1
    return count


def import_jsonl(
    store: ClaimStore, stream: IO[str], *, source: str = "<stream>"
) -> list[IngestResult]:
    """Stores the claims of a JSON Lines stream (:func:`claimtrack.read_jsonl`) in a store.

    Claims are matched to tracked claims as on ingest; claims the store has are
    skipped; verification is not imported. Returns one result a transcript.

    Raises:
        SerializationError: A line is not a claim (its number is in the message).

    >>> import io, claimtrack
    >>> from claimtrack.store import ClaimStore
    >>> t = claimtrack.parse_transcript(
    ...     "ANN LEE: Four de-escalation zones operate in Syria.", published="2018-01-15"
    ... )
    >>> lines = io.StringIO()
    >>> _ = claimtrack.write_jsonl(claimtrack.extract_claims(t), lines)
    >>> with ClaimStore(":memory:") as store:
    ...     [r.claims for r in import_jsonl(store, io.StringIO(lines.getvalue()))]
    [1]
    """
    return store.import_claims(read_jsonl(stream, source=source))
