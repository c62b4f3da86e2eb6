"""Tests of the JSON format."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given

import claimtrack
from claimtrack import claim_from_dict, claim_to_dict, read_jsonl, write_jsonl
from claimtrack.exceptions import SerializationError

from .strategies import CLAIM_FIELDS, claims


class TestRoundTrip:
    """A claim written and read back is equal to the original."""

    @given(claims())
    def test_dict_through_json(self, claim: claimtrack.Claim) -> None:
        """Through json.dumps and json.loads, any claim comes back equal."""
        assert claim == claim_from_dict(json.loads(json.dumps(claim_to_dict(claim))))

    def test_reference_claims(self, example_claims: list[claimtrack.Claim]) -> None:
        """The reference transcript's claims survive JSON Lines."""
        out = io.StringIO()
        assert len(example_claims) == write_jsonl(example_claims, out)
        assert example_claims == list(read_jsonl(io.StringIO(out.getvalue())))

    def test_required_fields(self, example_claims: list[claimtrack.Claim]) -> None:
        """Each line has the fields the format documents."""
        data = claim_to_dict(example_claims[0])
        for name in sorted(CLAIM_FIELDS):
            assert name in data
        if data["time"] is not None:
            for name in (
                "text",
                "start",
                "end",
                "value",
                "type",
                "mod",
                "earliest",
                "latest",
                "explicit",
            ):
                assert name in data["time"]


class TestErrors:
    """Malformed input is a SerializationError that says where."""

    def test_not_json(self) -> None:
        """A line that is not JSON names its line number."""
        with pytest.raises(SerializationError, match=r"claims\.jsonl:2: not JSON"):
            list(read_jsonl(io.StringIO("\n{oops\n"), source="claims.jsonl"))

    def test_not_an_object(self) -> None:
        """A JSON value that is not an object is refused."""
        with pytest.raises(SerializationError, match="must be a JSON object"):
            claim_from_dict([1, 2])

    def test_bad_kind(self, example_claims: list[claimtrack.Claim]) -> None:
        """An unknown kind is refused with the reason."""
        data = claim_to_dict(example_claims[0]) | {"kind": "rumour"}
        with pytest.raises(SerializationError, match="rumour"):
            claim_from_dict(data)

    def test_bad_date(self, example_claims: list[claimtrack.Claim]) -> None:
        """A malformed date inside the time is refused."""
        data = claim_to_dict(example_claims[0])
        data["time"] = dict(data["time"], anchor="28/12/2017")
        with pytest.raises(SerializationError, match="invalid claim"):
            claim_from_dict(data)
