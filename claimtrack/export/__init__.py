"""Exports of tracked claims: ClaimReview, Web Annotation, JSON Lines and CSV.

>>> import claimtrack
>>> from claimtrack.export import annotations, claim_reviews
>>> from claimtrack.store import ClaimStore
>>> t = claimtrack.read_transcript("examples/briefing-2018-01-15.txt")
>>> with ClaimStore(":memory:") as store:
...     _ = store.ingest_transcript(t)
...     tracked = list(store)
>>> len(annotations(tracked)) == len(tracked), claim_reviews(tracked)
(True, [])
"""

from claimtrack.export._annotation import ANNOTATION_CONTEXT, annotation, annotations
from claimtrack.export._claimreview import SCHEMA_ORG, claim_review, claim_reviews
from claimtrack.export._tables import (
    CSV_COLUMNS,
    import_jsonl,
    tracked_to_dict,
    write_claims_csv,
    write_claims_jsonl,
)

__all__ = [
    "ANNOTATION_CONTEXT",
    "CSV_COLUMNS",
    "SCHEMA_ORG",
    "annotation",
    "annotations",
    "claim_review",
    "claim_reviews",
    "import_jsonl",
    "tracked_to_dict",
    "write_claims_csv",
    "write_claims_jsonl",
]
