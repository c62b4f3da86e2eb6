"""Tests of verification: statuses, ratings, evidence and the append-only history."""

from __future__ import annotations

import contextlib
import datetime as dt
import pathlib
import sqlite3
from collections.abc import Iterator

import pytest

import claimtrack
from claimtrack import Status
from claimtrack.exceptions import ClaimtrackError, VerificationError
from claimtrack.store import DEFAULT_SCALE, ClaimStore, Evidence, RatingScale, Verification
from claimtrack.store._verify import TRANSITIONS, check_transition

UTC = dt.timezone.utc
MONDAY = dt.datetime(2018, 1, 22, 9, 30, tzinfo=UTC)
TUESDAY = dt.datetime(2018, 1, 23, 16, 0, tzinfo=UTC)


def _ingest(
    store: ClaimStore, text: str = "ANN LEE: Four de-escalation zones operate in Syria."
) -> str:
    transcript = claimtrack.parse_transcript(text, published="2018-01-15")
    return store.ingest_transcript(transcript).tracked[0]


@pytest.fixture(name="store")
def fixture_store() -> Iterator[ClaimStore]:
    """An empty store in memory whose clock always says Monday."""
    with ClaimStore(":memory:", clock=lambda: MONDAY) as store:
        yield store


@pytest.fixture(name="zones")
def fixture_zones(store: ClaimStore) -> str:
    """The id of a tracked claim in the store: four de-escalation zones operate in Syria."""
    return _ingest(store)


class TestTransitions:
    """Unverified, in review, rated: which may follow which."""

    def test_review_then_rate(self, store: ClaimStore, zones: str) -> None:
        """Unverified, then in review, then rated: each step a record with its time."""
        assert Status.UNVERIFIED == store.get(zones).status
        reviewed = store.review(zones, reviewer="Ann", note="checking", now=MONDAY)
        assert (Status.IN_REVIEW, None) == (reviewed.status, reviewed.rating)
        rated = store.rate(zones, "False", reviewer="Ann", note="five", now=TUESDAY)
        assert (Status.RATED, "false", "Ann", TUESDAY) == (
            rated.status,
            rated.rating,
            rated.reviewer,
            rated.updated,
        )
        assert [Status.IN_REVIEW, Status.RATED] == [r.status for r in rated.history]
        assert [MONDAY, TUESDAY] == [r.at for r in rated.history]
        tracked = store.get(zones)
        assert (Status.RATED, "false") == (tracked.status, tracked.rating)
        assert Status.RATED == tracked.first_appearance.claim.status

    def test_rating_unverified_claim(self, store: ClaimStore, zones: str) -> None:
        """Rating a claim nobody reviewed is a VerificationError saying to start a review."""
        with pytest.raises(
            VerificationError, match="unverified and cannot be rated; start a review"
        ):
            store.rate(zones, "true")
        assert () == store.verification(zones).history

    def test_rating_twice(self, store: ClaimStore, zones: str) -> None:
        """A rated claim is rated again only after it is reopened."""
        store.review(zones)
        store.rate(zones, "true")
        with pytest.raises(VerificationError, match="rated again"):
            store.rate(zones, "false")
        store.review(zones, note="new figures")
        again = store.rate(zones, "half true")
        assert ["true", "half true"] == [r.rating for r in again.history if r.rating]
        assert "half true" == again.rating

    def test_review_twice(self, store: ClaimStore, zones: str) -> None:
        """Reviewing a claim in review is refused."""
        store.review(zones)
        with pytest.raises(VerificationError, match="put in review again"):
            store.review(zones)

    def test_withdraw(self, store: ClaimStore, zones: str) -> None:
        """A review withdrawn leaves the claim unverified, with both steps kept."""
        with pytest.raises(VerificationError, match="cannot be withdrawn"):
            store.withdraw(zones)
        store.review(zones)
        done = store.withdraw(zones, note="not check-worthy")
        assert Status.UNVERIFIED == done.status
        assert 2 == len(done.history)

    @pytest.mark.parametrize("current", list(Status))
    @pytest.mark.parametrize("target", list(Status))
    def test_table(self, current: Status, target: Status) -> None:
        """Every pair of statuses is allowed exactly when the table says so."""
        if target in TRANSITIONS[current]:
            check_transition(current, target, where="tc-1")
        else:
            with pytest.raises(VerificationError, match=r"^tc-1 is "):
                check_transition(current, target, where="tc-1")

    def test_errors_are_value_errors(self) -> None:
        """A VerificationError is a ClaimtrackError and a ValueError."""
        assert issubclass(VerificationError, ClaimtrackError)
        assert issubclass(VerificationError, ValueError)


class TestRatings:
    """Ratings come from the store's scale."""

    def test_unknown_rating(self, store: ClaimStore, zones: str) -> None:
        """An unknown rating is refused, naming the ratings there are."""
        store.review(zones)
        with pytest.raises(VerificationError, match="'pants on fire' is not a rating") as caught:
            store.rate(zones, "pants on fire")
        assert "true, mostly true, half true, misleading, false, unverifiable" in str(caught.value)
        assert Status.IN_REVIEW == store.get(zones).status

    def test_default_scale(self) -> None:
        """The default scale runs from true (5) to false (1); unverifiable is off it."""
        assert [5, 4, 3, 2, 1, None] == [DEFAULT_SCALE.value(n) for n in DEFAULT_SCALE.names]
        assert (5, 1) == (DEFAULT_SCALE.best, DEFAULT_SCALE.worst)
        assert DEFAULT_SCALE.value("no such rating") is None

    def test_store_scale(self) -> None:
        """A store rates on its own scale; the default ratings mean nothing there."""
        scale = RatingScale(("correct", "partly correct", "wrong"), unrated=("unclear",))
        with ClaimStore(":memory:", scale=scale) as store:
            zones = _ingest(store)
            store.review(zones)
            with pytest.raises(VerificationError, match="give one of: correct, partly correct"):
                store.rate(zones, "mostly true")
            assert "partly correct" == store.rate(zones, "Partly Correct").rating

    def test_scale_validation(self) -> None:
        """A scale needs a rating and names each once."""
        with pytest.raises(ValueError, match="Length"):
            RatingScale(())
        with pytest.raises(ValueError, match="named twice"):
            RatingScale(("true", "false"), unrated=("TRUE",))


class TestEvidence:
    """Evidence, reviewers and timestamps."""

    def test_evidence_with_rating(self, store: ClaimStore, zones: str) -> None:
        """Evidence given with a rating is kept with its step; its access date defaults to now."""
        store.review(zones, reviewer="Ann")
        source = Evidence("https://example.org/astana", quote="four zones", note="communiqué")
        dated = Evidence("https://example.org/un", accessed=dt.date(2018, 1, 2))
        done = store.rate(
            zones, "true", evidence=[source, dated], url="https://fc.example/1", now=TUESDAY
        )
        assert [
            Evidence(
                "https://example.org/astana", "four zones", dt.date(2018, 1, 23), "communiqué"
            ),
            dated,
        ] == list(done.evidence)
        assert "https://fc.example/1" == done.url
        assert done.rated is not None
        assert TUESDAY == done.rated.at

    def test_evidence_later(self, store: ClaimStore, zones: str) -> None:
        """Evidence added after the rating is a new step that keeps the rating."""
        store.review(zones)
        store.rate(zones, "misleading", url="https://fc.example/2", now=MONDAY)
        more = store.add_evidence(
            zones, Evidence("https://example.org/x"), reviewer="Bo", now=TUESDAY
        )
        assert (Status.RATED, "misleading", "Bo") == (more.status, more.rating, more.reviewer)
        assert 3 == len(more.history)
        assert more.rated is not None
        assert MONDAY == more.rated.at
        assert "https://fc.example/2" == more.url

    def test_evidence_needs_review(self, store: ClaimStore, zones: str) -> None:
        """Evidence for an unverified claim is refused: start a review first."""
        with pytest.raises(VerificationError, match="start a review"):
            store.add_evidence(zones, [Evidence("https://example.org/x")])

    def test_clock_is_injected(self, store: ClaimStore, zones: str) -> None:
        """Without now=, the store's clock gives the time; a naive now= is taken as UTC."""
        assert MONDAY == store.review(zones).updated
        naive = dt.datetime(2018, 1, 24, 8, 0)
        assert naive.replace(tzinfo=UTC) == store.rate(zones, "true", now=naive).updated

    def test_nothing_yet(self) -> None:
        """A claim with no history is unverified, unrated, unreviewed."""
        empty = Verification()
        assert (Status.UNVERIFIED, None, None, None, None, None, ()) == (
            empty.status,
            empty.rating,
            empty.reviewer,
            empty.updated,
            empty.rated,
            empty.url,
            empty.evidence,
        )


class TestHistory:
    """The history is append-only; the current state is derived from it."""

    def test_rows_cannot_change(self, tmp_path: pathlib.Path) -> None:
        """Updating or deleting a history row is refused by the store file itself."""
        path = tmp_path / "claims.db"
        with ClaimStore(path) as store:
            zones = _ingest(store)
            store.review(zones)
            store.rate(zones, "true", evidence=[Evidence("https://example.org")])
        with contextlib.closing(sqlite3.connect(path)) as raw:
            for sql in (
                "UPDATE reviews SET rating = 'false'",
                "DELETE FROM reviews",
                "UPDATE evidence SET url = 'x'",
                "DELETE FROM evidence",
            ):
                with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                    raw.execute(sql)
        with ClaimStore(path) as store:
            assert "true" == store.get(zones).rating

    def test_queries_by_status_and_rating(self, store: ClaimStore, zones: str) -> None:
        """Queries see the current state: the last step's status and rating."""
        other = _ingest(store, "BO LI: We signed a treaty with Norway on March 3.")
        store.review(zones)
        store.rate(zones, "false")
        store.review(other)
        assert [zones] == [t.id for t in store.claims(status="rated")]
        assert [zones] == [t.id for t in store.claims(rating="FALSE")]
        assert [other] == [t.id for t in store.claims(status="in_review")]
        store.review(zones)
        assert [] == [t.id for t in store.claims(rating="false")]

    def test_merge_keeps_the_kept_claims_verification(self, store: ClaimStore, zones: str) -> None:
        """A merged claim has the verification of the claim kept, under either id."""
        other = _ingest(store, "BO LI: Russia has four de-escalation zones in the region.")
        store.review(other)
        store.review(zones)
        store.rate(zones, "true")
        merged = store.merge(zones, other)
        assert (Status.RATED, "true") == (merged.status, merged.rating)
        assert merged.verification == store.verification(other)
