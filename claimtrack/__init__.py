"""claimtrack: typed, dated factual claims with exact provenance, from transcripts.

Read a transcript, extract its claims, write them as JSON Lines:

>>> import claimtrack
>>> transcript = claimtrack.read_transcript("examples/lavrov-interfax-2017-12-28.txt")
>>> claims = claimtrack.extract_claims(transcript)
>>> four = next(c for c in claims if c.text.startswith("Four de-escalation"))
>>> (four.kind.value, four.quantities[0].value, four.time.value, four.speaker)
('quantity', 4, '2017-12-28', 'Sergey Lavrov')
>>> transcript.text[four.start:four.end] == four.text
True
"""

from claimtrack._claims import DEFAULT_THRESHOLD, extract_claims
from claimtrack._model import (
    Actor,
    Claim,
    ClaimKind,
    Provenance,
    Quantity,
    Reference,
    Role,
    Status,
    TimeValue,
    Transcript,
    Turn,
)
from claimtrack._read import parse_transcript, read_transcript
from claimtrack._sentences import Sentence, split_sentences
from claimtrack._serialize import claim_from_dict, claim_to_dict, read_jsonl, write_jsonl
from claimtrack._version import __version__ as __version__
from claimtrack.batch import DocumentResult, extract_corpus
from claimtrack.exceptions import ClaimtrackError
from claimtrack.mentions._actors import find_actors
from claimtrack.mentions._quantities import find_quantities
from claimtrack.mentions._references import find_references
from claimtrack.mentions._times import find_times
from claimtrack.store import (
    Appearance,
    ClaimStore,
    Evidence,
    RatingScale,
    TrackedClaim,
    Verification,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "Actor",
    "Appearance",
    "Claim",
    "ClaimKind",
    "ClaimStore",
    "ClaimtrackError",
    "DocumentResult",
    "Evidence",
    "Provenance",
    "Quantity",
    "RatingScale",
    "Reference",
    "Role",
    "Sentence",
    "Status",
    "TimeValue",
    "TrackedClaim",
    "Transcript",
    "Turn",
    "Verification",
    "claim_from_dict",
    "claim_to_dict",
    "extract_claims",
    "extract_corpus",
    "find_actors",
    "find_quantities",
    "find_references",
    "find_times",
    "parse_transcript",
    "read_jsonl",
    "read_transcript",
    "split_sentences",
    "write_jsonl",
]
