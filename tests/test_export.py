"""Tests of the exports: ClaimReview, Web Annotation, JSON Lines and CSV, and import."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import pathlib
from collections.abc import Iterator

import pytest

import claimtrack
from claimtrack.exceptions import ExportError, SerializationError
from claimtrack.export import (
    ANNOTATION_CONTEXT,
    CSV_COLUMNS,
    SCHEMA_ORG,
    annotation,
    annotations,
    claim_review,
    claim_reviews,
    import_jsonl,
    tracked_to_dict,
    write_claims_csv,
    write_claims_jsonl,
)
from claimtrack.store import ClaimStore, Evidence, TrackedClaim

ROOT = pathlib.Path(__file__).resolve().parent.parent
BRIEFING = ROOT / "examples" / "briefing-2018-01-15.txt"
RATED_AT = dt.datetime(2018, 1, 20, 10, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(name="store")
def fixture_store(example: claimtrack.Transcript) -> Iterator[ClaimStore]:
    """The interview and the briefing, the zones claim rated mostly true by Ann Checker."""
    with ClaimStore(":memory:") as store:
        store.ingest_transcript(example)
        store.ingest_transcript(claimtrack.read_transcript(BRIEFING))
        (zones,) = store.claims(text="de-escalation zones", kind="quantity")
        store.review(zones.id, reviewer="Ann Checker", now=RATED_AT)
        store.rate(
            zones.id,
            "mostly true",
            reviewer="Ann Checker",
            note="Four zones were agreed in Astana in 2017.",
            url="https://factcheck.example/zones",
            evidence=[Evidence("https://example.org/astana", quote="four de-escalation areas")],
            now=RATED_AT,
        )
        yield store


def _zones(store: ClaimStore) -> TrackedClaim:
    (zones,) = store.claims(status="rated")
    return zones


class TestClaimReview:
    """schema.org ClaimReview of rated claims."""

    def test_every_field(self, store: ClaimStore) -> None:
        """A verified claim's ClaimReview has every field fact-checkers publish."""
        review = claim_review(_zones(store), scale=store.scale)
        assert json.loads(json.dumps(review)) == review
        assert (SCHEMA_ORG, "ClaimReview") == (review["@context"], review["@type"])
        assert (
            "Four de-escalation zones are operating effectively in Syria."
            == review["claimReviewed"]
        )
        assert {
            "@type": "Rating",
            "alternateName": "mostly true",
            "ratingValue": 4,
            "bestRating": 5,
            "worstRating": 1,
        } == review["reviewRating"]
        assert "https://factcheck.example/zones" == review["url"]
        assert {"@type": "Person", "name": "Ann Checker"} == review["author"]
        assert "2018-01-20" == review["datePublished"]
        assert "Four zones were agreed in Astana in 2017." == review["reviewBody"]
        item = review["itemReviewed"]
        assert "Claim" == item["@type"]
        assert {"@type": "Person", "name": "Sergey Lavrov"} == item["author"]
        assert "2017-12-28" == item["datePublished"]
        assert ["2017-12-28", "2018-01-15"] == [a["datePublished"] for a in item["appearance"]]
        assert ["Sergey Lavrov", "Maria Zakharova"] == [
            a["author"]["name"] for a in item["appearance"]
        ]
        assert item["appearance"][0] == item["firstAppearance"]
        assert item["firstAppearance"]["url"].endswith("lavrov-interfax-2017-12-28.txt")
        assert item["appearance"][1]["url"].endswith("briefing-2018-01-15.txt")

    def test_unrated(self, store: ClaimStore) -> None:
        """An unrated claim has no ClaimReview; claim_reviews skips it."""
        everything = list(store)
        unrated = next(t for t in everything if t.rating is None)
        with pytest.raises(ExportError, match="not rated"):
            claim_review(unrated)
        assert [_zones(store).text] == [r["claimReviewed"] for r in claim_reviews(everything)]

    def test_url_without_one_recorded(self, store: ClaimStore) -> None:
        """With no url recorded, the review's url is base_url and the id, else a URN."""
        other = next(t for t in store if t.rating is None)
        store.review(other.id)
        store.rate(other.id, "unverifiable")
        rated = store.get(other.id)
        assert (
            f"https://fc.example/{other.id}"
            == (claim_review(rated, base_url="https://fc.example/")["url"])
        )
        review = claim_review(rated, publisher="Fact Desk")
        assert f"urn:claimtrack:{other.id}" == review["url"]
        assert {"@type": "Rating", "alternateName": "unverifiable"} == review["reviewRating"]
        assert {"@type": "Organization", "name": "Fact Desk"} == review["author"]
        assert review["author"] == review["publisher"]


class TestAnnotation:
    """W3C Web Annotations of every appearance."""

    def test_selectors_point_at_the_quote(
        self, store: ClaimStore, example: claimtrack.Transcript
    ) -> None:
        """Both selectors find the quote in the transcript; the target is its source."""
        zones = _zones(store)
        note = annotation(zones.first_appearance, tracked=zones)
        assert (ANNOTATION_CONTEXT, "Annotation", "assessing") == (
            note["@context"],
            note["type"],
            note["motivation"],
        )
        assert pathlib.Path(example.source).absolute().as_uri() == note["target"]["source"]
        quote, position = note["target"]["selector"]
        assert "TextQuoteSelector" == quote["type"]
        assert "TextPositionSelector" == position["type"]
        assert quote["exact"] == example.text[position["start"] : position["end"]]
        assert example.text[: position["start"]].endswith(quote["prefix"])
        assert example.text[position["end"] :].startswith(quote["suffix"])
        assert quote["prefix"]
        assert quote["suffix"]
        assert {"type": "TextualBody", "purpose": "assessing", "value": "mostly true"} in note[
            "body"
        ]

    def test_one_per_appearance(self, store: ClaimStore) -> None:
        """There is one annotation per appearance, each with its own id."""
        everything = list(store)
        notes = annotations(everything)
        assert sum(len(t.appearances) for t in everything) == len(notes)
        assert len(notes) == len({n["id"] for n in notes})
        assert {"classifying", "assessing"} == {n["motivation"] for n in notes}


class TestTables:
    """JSON Lines and CSV of claims, and JSON Lines back in."""

    def test_jsonl_round_trip(self, store: ClaimStore) -> None:
        """Claims written as JSON Lines read back with read_jsonl and import into a new store."""
        everything = list(store)
        out = io.StringIO()
        count = write_claims_jsonl(everything, out)
        assert sum(len(t.appearances) for t in everything) == count
        lines = [json.loads(line) for line in out.getvalue().splitlines()]
        assert {"tracked_id", "rating", "id", "text", "status"} <= set(lines[0])
        back = list(claimtrack.read_jsonl(io.StringIO(out.getvalue())))
        assert [a.claim for t in everything for a in t.appearances] == back
        with ClaimStore(":memory:") as fresh:
            results = import_jsonl(fresh, io.StringIO(out.getvalue()))
            assert count == sum(r.claims for r in results)
            assert [len(t.appearances) for t in everything] == [len(t.appearances) for t in fresh]
            again = import_jsonl(fresh, io.StringIO(out.getvalue()))
            assert 0 == sum(r.claims for r in again)

    def test_import_bad_line(self) -> None:
        """A line that is not a claim is a SerializationError with its line number."""
        with ClaimStore(":memory:") as store:
            with pytest.raises(SerializationError, match=r"x\.jsonl:2"):
                import_jsonl(store, io.StringIO("\n{}\n"), source="x.jsonl")
            assert 0 == store.claims().total

    def test_csv(self, store: ClaimStore) -> None:
        """One CSV row an appearance, under the documented columns."""
        everything = list(store)
        out = io.StringIO()
        count = write_claims_csv(everything, out)
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert count == len(rows)
        assert list(CSV_COLUMNS) == list(rows[0])
        zones = [r for r in rows if r["rating"] == "mostly true"]
        assert ["Sergey Lavrov", "Maria Zakharova"] == [r["speaker"] for r in zones]
        assert {"4 de-escalation zones"} == {r["quantities"] for r in zones}
        assert {"Syria"} == {r["actors"] for r in zones}
        cited = [r for r in rows if "2254" in r["references"]]
        assert cited
        assert all("resolution 2254" in r["references"] for r in cited)

    def test_tracked_to_dict(self, store: ClaimStore) -> None:
        """A tracked claim as a dict, with its verification history when asked."""
        data = tracked_to_dict(_zones(store), history=True)
        assert ("rated", "mostly true") == (data["status"], data["rating"])
        assert data["appearances"][0] == data["first_appearance"]
        steps = data["verification"]["history"]
        assert ["in_review", "rated"] == [s["status"] for s in steps]
        assert [
            {
                "url": "https://example.org/astana",
                "quote": "four de-escalation areas",
                "accessed": "2018-01-20",
                "note": None,
            }
        ] == steps[1]["evidence"]
        assert json.loads(json.dumps(data)) == data
