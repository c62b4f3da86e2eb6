"""The claim store: claims kept across transcripts and carried through verification.

>>> import claimtrack
>>> from claimtrack.store import ClaimStore
>>> with ClaimStore(":memory:") as store:
...     for path in ("examples/lavrov-interfax-2017-12-28.txt", "examples/briefing-2018-01-15.txt"):
...         _ = store.ingest_transcript(claimtrack.read_transcript(path))
...     (zones,) = store.claims(text="de-escalation zones", kind="quantity")
>>> [(a.speaker, a.published.date().isoformat()) for a in zones.appearances]
[('Sergey Lavrov', '2017-12-28'), ('Maria Zakharova', '2018-01-15')]
"""

from claimtrack.store._schema import LATEST as SCHEMA_VERSION
from claimtrack.store._store import DEFAULT_DB, ClaimStore, utcnow
from claimtrack.store._tracking import DEFAULT_SIMILARITY
from claimtrack.store._types import (
    DEFAULT_SCALE,
    Appearance,
    Evidence,
    IngestResult,
    Page,
    RatingScale,
    StoredTranscript,
    TrackedClaim,
    Verification,
    VerificationRecord,
)

__all__ = [
    "DEFAULT_DB",
    "DEFAULT_SCALE",
    "DEFAULT_SIMILARITY",
    "SCHEMA_VERSION",
    "Appearance",
    "ClaimStore",
    "Evidence",
    "IngestResult",
    "Page",
    "RatingScale",
    "StoredTranscript",
    "TrackedClaim",
    "Verification",
    "VerificationRecord",
    "utcnow",
]
