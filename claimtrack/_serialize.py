"""Claims to and from JSON: one flat object a claim, JSON Lines for many.

The format is documented field by field in ``docs/format.md``. A claim written and read
back is equal to the original.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

import cattrs

from claimtrack._model import (
    Actor,
    Claim,
    ClaimKind,
    Provenance,
    Quantity,
    Reference,
    Status,
    TimeValue,
)
from claimtrack.exceptions import SerializationError

__all__ = ["claim_from_dict", "claim_to_dict", "read_jsonl", "write_jsonl"]

_converter = cattrs.Converter(omit_if_default=False)
_converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
_converter.register_structure_hook(dt.date, lambda s, _: dt.date.fromisoformat(s))


def _number(value: object, _: object) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        msg = f"{value!r} is not a number"
        raise TypeError(msg)
    return value


_converter.register_structure_hook(int | float, _number)

# Provenance fields written at the top level of a claim's object, by their JSON names.
_PROVENANCE_FIELDS = (
    "start",
    "end",
    "speaker",
    "turn",
    "source",
    "transcript_id",
    "sentence_start",
    "sentence_end",
    "context_before",
    "context_after",
    "extractor",
    "extractor_version",
)


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """A claim as a JSON-ready dict (the fields of ``docs/format.md``).

    >>> import datetime as dt
    >>> from claimtrack import Claim, ClaimKind, Provenance
    >>> p = Provenance("tr-1", "x.txt", 0, 5, "Hello", speaker="Ann", turn=0)
    >>> d = claim_to_dict(Claim("cl-1", ClaimKind.STATE, p))
    >>> (d["id"], d["kind"], d["text"], d["start"], d["end"], d["status"])
    ('cl-1', 'state', 'Hello', 0, 5, 'unverified')
    """
    provenance = claim.provenance
    out: dict[str, Any] = {"id": claim.id, "kind": claim.kind.value, "text": provenance.quote}
    for name in _PROVENANCE_FIELDS:
        out[name] = getattr(provenance, name)
    out["time"] = None if claim.time is None else _time_to_dict(claim.time)
    out["quantities"] = [_converter.unstructure(q) for q in claim.quantities]
    out["references"] = [_converter.unstructure(r) for r in claim.references]
    out["actors"] = [_converter.unstructure(a) for a in claim.actors]
    out["attributed_to"] = claim.attributed_to
    out["status"] = claim.status.value
    out["score"] = claim.score
    out["features"] = dict(claim.features)
    return out


def _time_to_dict(time: TimeValue) -> dict[str, Any]:
    out: dict[str, Any] = _converter.unstructure(time)
    out["explicit"] = time.explicit
    return out


def claim_from_dict(data: object, *, where: str = "claim") -> Claim:
    """The claim a dict from :func:`claim_to_dict` (or JSON) describes.

    Args:
        data: The dict.
        where: Where it came from, for error messages (``claims.jsonl:3``).

    Raises:
        SerializationError: A required field is missing or a value is invalid.

    >>> import datetime as dt
    >>> from claimtrack import Claim, ClaimKind, Provenance
    >>> c = Claim("cl-1", ClaimKind.STATE, Provenance("tr-1", "x.txt", 0, 5, "Hello"))
    >>> claim_from_dict(claim_to_dict(c)) == c
    True
    >>> claim_from_dict({"id": "cl-1"}, where="claims.jsonl:3")
    Traceback (most recent call last):
    ...
    claimtrack.exceptions.SerializationError: claims.jsonl:3: missing field 'text'; ...
    """
    if not isinstance(data, dict):
        msg = f"{where}: a claim must be a JSON object, not {type(data).__name__}"
        raise SerializationError(msg)
    try:
        provenance = Provenance(
            quote=data["text"], **{name: data[name] for name in _PROVENANCE_FIELDS}
        )
        time = data["time"]
        if time is not None:
            time = dict(time)
            time.pop("explicit", None)
            time = _converter.structure(time, TimeValue)
        return Claim(
            id=data["id"],
            kind=ClaimKind(data["kind"]),
            provenance=provenance,
            time=time,
            quantities=[_converter.structure(q, Quantity) for q in data["quantities"]],
            references=[_converter.structure(r, Reference) for r in data["references"]],
            actors=[_converter.structure(a, Actor) for a in data["actors"]],
            attributed_to=data["attributed_to"],
            score=float(data["score"]),
            features=dict(data["features"]).items(),
            status=Status(data["status"]),
        )
    except KeyError as err:
        msg = (
            f"{where}: missing field {err.args[0]!r}; "
            "write claims with claimtrack (claim_to_dict or --format jsonl)"
        )
        raise SerializationError(msg) from None
    except (TypeError, ValueError, cattrs.BaseValidationError) as err:
        msg = f"{where}: invalid claim ({_reason(err)}); check the field named"
        raise SerializationError(msg) from None


def _reason(err: Exception) -> str:
    if isinstance(err, cattrs.BaseValidationError):
        return "; ".join(str(e) for e in err.exceptions) or str(err)
    return str(err)


def write_jsonl(claims: Iterable[Claim], stream: IO[str]) -> int:
    """Writes claims as JSON Lines, one claim a line; returns how many were written.

    >>> import io
    >>> from claimtrack import Claim, ClaimKind, Provenance
    >>> out = io.StringIO()
    >>> write_jsonl([Claim("cl-1", ClaimKind.STATE, Provenance("t", "s", 0, 1, "x"))], out)
    1
    >>> out.getvalue().startswith('{"id": "cl-1", "kind": "state"')
    True
    """
    count = 0
    for claim in claims:
        stream.write(json.dumps(claim_to_dict(claim), ensure_ascii=False) + "\n")
        count += 1
    return count


def read_jsonl(stream: IO[str], *, source: str = "<stream>") -> Iterator[Claim]:
    """Reads claims written by :func:`write_jsonl`; blank lines are skipped.

    Raises:
        SerializationError: A line is not JSON or not a claim; the message gives its
            line number.

    >>> import io
    >>> from claimtrack import Claim, ClaimKind, Provenance
    >>> c = Claim("cl-1", ClaimKind.STATE, Provenance("t", "s", 0, 1, "x"))
    >>> out = io.StringIO()
    >>> _ = write_jsonl([c], out)
    >>> list(read_jsonl(io.StringIO(out.getvalue()))) == [c]
    True
    """
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            msg = f"{where}: not JSON ({err.msg} at column {err.colno}); one claim a line"
            raise SerializationError(msg) from None
        yield claim_from_dict(data, where=where)
