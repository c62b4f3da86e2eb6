"""When two claims say the same thing: normalised content and text similarity.

Two claims are the same tracked claim when

1. their kinds are equal;
2. their *content* agrees: the same quantities (value and unit), the same references
   (kind and identifier) where both cite some, the same actors where both name some,
   and the same time value where both state a time explicitly (a time implied by the
   transcript's date never separates two claims: the same statement made on two days
   is one claim with two appearances);
3. their texts are similar: the Jaccard index of their normalised word sets (lower
   case, numbers as digits, function words dropped, simple suffixes stripped) is at
   least :data:`DEFAULT_SIMILARITY` (0.6), or a store's own threshold.

Matching is conservative on purpose; a person merges what it misses and splits what it
wrongly joins (:meth:`ClaimStore.merge`, :meth:`ClaimStore.split`). No network, no model.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

import attrs

from claimtrack._model import Claim

__all__ = [
    "DEFAULT_SIMILARITY",
    "Content",
    "content",
    "least_overlap",
    "same_content",
    "similarity",
    "tokens",
]

#: Least Jaccard similarity of two claims' normalised words for them to be one claim.
DEFAULT_SIMILARITY = 0.6

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_NUMBERS = {
    word: str(number)
    for number, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_STOPWORDS = frozenset(
    "a an the and or but nor of in on at to for from by with as into onto than that this "
    "these those there here it its is are was were be been being am do does did has have "
    "had will would shall should can could may might must not no so such then also which "
    "who whom whose what when where while we our us i my me you your he his him she her "
    "they their them very just only about over under up down out all any some each more "
    "most other own same too again further once effectively largely really".split()
)
# Suffixes stripped, longest first, leaving a stem of at least three letters.
_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ies", "ied", "es", "ed", "ly", "e", "s")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> frozenset[str]:
    """The normalised words of a text, the unit of text similarity.

    >>> sorted(tokens("Four de-escalation zones are operating effectively in Syria."))
    ['4', 'de-escal', 'operat', 'syria', 'zon']
    >>> tokens("Four zones operate.") == tokens("4 zone operating")
    True
    """
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    out = set()
    for word in _WORD.findall(folded):
        if word in _STOPWORDS:
            continue
        out.add(_NUMBERS.get(word) or (word if word.isdigit() else _stem(word)))
    return frozenset(out)


def similarity(first: frozenset[str], second: frozenset[str]) -> float:
    """The Jaccard index of two word sets: shared words over all words, 0 to 1.

    >>> similarity(frozenset("abc"), frozenset("abd"))
    0.5
    >>> similarity(frozenset(), frozenset())
    0.0
    """
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def least_overlap(size: int, threshold: float) -> int:
    """How many words a claim of ``size`` words must share with another to reach ``threshold``.

    Jaccard(A, B) ≥ t needs ``|A ∩ B| ≥ t·|A ∪ B| ≥ t·|A|``, so candidates can be found
    by counting shared words before any similarity is computed.

    >>> least_overlap(5, 0.6)
    3
    """
    return max(1, math.ceil(threshold * size - 1e-9))


def _unit(unit: str | None) -> str:
    return " ".join(sorted(tokens(unit))) if unit else ""


@attrs.frozen
class Content:
    """What a claim says, normalised: the parts two claims must agree on to be one.

    Attributes:
        kind: The claim's kind.
        time: The time value, when stated explicitly.
        quantities: (value, normalised unit) pairs.
        references: (kind, identifier) pairs; the normalised text stands in for a
            missing identifier.
        actors: Canonical actor names, case-folded.
    """

    kind: str
    time: str | None = None
    quantities: frozenset[tuple[float, str]] = frozenset()
    references: frozenset[tuple[str, str]] = frozenset()
    actors: frozenset[str] = frozenset()

    def to_json(self) -> dict[str, Any]:
        """The content as JSON-ready data, as the store keeps it."""
        return {
            "kind": self.kind,
            "time": self.time,
            "quantities": sorted([value, unit] for value, unit in self.quantities),
            "references": sorted([kind, ident] for kind, ident in self.references),
            "actors": sorted(self.actors),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Content:
        """The content :meth:`to_json` wrote.

        >>> c = Content("quantity", quantities=frozenset({(4.0, "zon")}))
        >>> Content.from_json(c.to_json()) == c
        True
        """
        return cls(
            kind=data["kind"],
            time=data["time"],
            quantities=frozenset((float(value), unit) for value, unit in data["quantities"]),
            references=frozenset((kind, ident) for kind, ident in data["references"]),
            actors=frozenset(data["actors"]),
        )


def content(claim: Claim) -> Content:
    """The normalised content of a claim.

    >>> import claimtrack
    >>> t = claimtrack.parse_transcript(
    ...     "ANN LEE: Four de-escalation zones are operating in Syria.", published="2017-12-28"
    ... )
    >>> c = content(claimtrack.extract_claims(t)[0])
    >>> c.kind, c.time, sorted(c.quantities), sorted(c.actors)
    ('quantity', None, [(4.0, 'de-escal zon')], ['syria'])
    """
    time = claim.time.value if claim.time is not None and claim.time.explicit else None
    return Content(
        kind=claim.kind.value,
        time=time,
        quantities=frozenset((float(q.value), _unit(q.unit)) for q in claim.quantities),
        references=frozenset(
            (r.kind.casefold(), (r.identifier or " ".join(sorted(tokens(r.text)))).casefold())
            for r in claim.references
        ),
        actors=frozenset(a.name.casefold() for a in claim.actors),
    )


def same_content(first: Content, second: Content) -> bool:
    """Whether two claims' contents agree (rules 1 and 2 of the module's docstring).

    >>> four = Content("quantity", quantities=frozenset({(4.0, "zon")}))
    >>> five = Content("quantity", quantities=frozenset({(5.0, "zon")}))
    >>> same_content(four, four), same_content(four, five)
    (True, False)
    >>> same_content(four, attrs.evolve(four, actors=frozenset({"syria"})))
    True
    """
    if first.kind != second.kind or first.quantities != second.quantities:
        return False
    if first.time is not None and second.time is not None and first.time != second.time:
        return False
    for mine, theirs in (
        (first.references, second.references),
        (first.actors, second.actors),
    ):
        if mine and theirs and mine != theirs:
            return False
    return True
