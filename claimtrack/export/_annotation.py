"""W3C Web Annotation JSON-LD: each appearance of a claim, anchored in its transcript.

One annotation an appearance (https://www.w3.org/TR/annotation-model/). Its target is
the transcript's source with two selectors: a ``TextQuoteSelector`` (the quote, with the
text just before and after it) and a ``TextPositionSelector`` (code-point offsets, as
claimtrack's offsets are). Its body gives the claim's kind, its tracked claim and, once
rated, the rating.
"""

# No `from __future__ import annotations` here: it would clash with annotations() below.
from collections.abc import Iterable
from typing import Any

from claimtrack._model import Status
from claimtrack.export._uri import source_uri
from claimtrack.store._types import Appearance, TrackedClaim

__all__ = ["annotation", "annotations"]

ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def annotation(appearance: Appearance, *, tracked: TrackedClaim) -> dict[str, Any]:
    """The Web Annotation of one appearance of a tracked claim.

    >>> import claimtrack
    >>> from claimtrack.store import ClaimStore
    >>> t = claimtrack.parse_transcript(
    ...     "ANN LEE: Four de-escalation zones operate in Syria.", published="2018-01-15"
    ... )
    >>> with ClaimStore(":memory:") as store:
    ...     tracked = store.get(store.ingest_transcript(t).tracked[0])
    >>> note = annotation(tracked.first_appearance, tracked=tracked)
    >>> note["type"], note["target"]["source"]
    ('Annotation', 'urn:claimtrack:tr-...')
    >>> [s["type"] for s in note["target"]["selector"]]
    ['TextQuoteSelector', 'TextPositionSelector']
    >>> note["target"]["selector"][1]
    {'type': 'TextPositionSelector', 'start': 9, 'end': 51}
    """
    provenance = appearance.provenance
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "classifying", "value": appearance.claim.kind.value},
        {"type": "TextualBody", "purpose": "identifying", "value": tracked.id},
    ]
    if tracked.status is Status.RATED and tracked.rating is not None:
        body.append({"type": "TextualBody", "purpose": "assessing", "value": tracked.rating})
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": f"urn:claimtrack:{appearance.claim_id}",
        "type": "Annotation",
        "motivation": "assessing" if tracked.status is Status.RATED else "classifying",
        "body": body,
        "target": {
            "source": source_uri(appearance.source, appearance.transcript_id),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": provenance.quote,
                    "prefix": provenance.context_before,
                    "suffix": provenance.context_after,
                },
                {
                    "type": "TextPositionSelector",
                    "start": provenance.start,
                    "end": provenance.end,
                },
            ],
        },
    }


def annotations(tracked: Iterable[TrackedClaim]) -> list[dict[str, Any]]:
    """The Web Annotations of every appearance of every tracked claim given.

    >>> annotations([])
    []
    """
    return [annotation(a, tracked=claim) for claim in tracked for a in claim.appearances]
