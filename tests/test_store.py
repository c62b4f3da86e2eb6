"""Tests of the claim store: opening, migrations, ingest, tracking and queries."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import pathlib
import sqlite3
from collections.abc import Iterator

import pytest

import claimtrack
from claimtrack import ClaimKind, Status, parse_transcript
from claimtrack.exceptions import (
    CorrectionError,
    IngestError,
    QueryError,
    StoreError,
    UnknownClaimError,
)
from claimtrack.store import SCHEMA_VERSION, ClaimStore, RatingScale, TrackedClaim, _schema
from claimtrack.store._tracking import Content, content, same_content, similarity, tokens

ROOT = pathlib.Path(__file__).resolve().parent.parent
BRIEFING = ROOT / "examples" / "briefing-2018-01-15.txt"
WHEN = dt.datetime(2018, 2, 1, 12, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(name="briefing", scope="session")
def fixture_briefing() -> claimtrack.Transcript:
    """The made-up briefing that repeats the reference interview's zones claim."""
    return claimtrack.read_transcript(BRIEFING)


@pytest.fixture(name="store")
def fixture_store() -> Iterator[ClaimStore]:
    """An empty store in memory, closed after the test."""
    with ClaimStore(":memory:") as store:
        yield store


@pytest.fixture(name="both")
def fixture_both(
    store: ClaimStore, example: claimtrack.Transcript, briefing: claimtrack.Transcript
) -> ClaimStore:
    """The store with the reference interview and the briefing ingested."""
    store.ingest_transcript(example, now=WHEN)
    store.ingest_transcript(briefing, now=WHEN)
    return store


def _zones(store: ClaimStore) -> TrackedClaim:
    (zones,) = store.claims(text="de-escalation zones", kind="quantity")
    return zones


def _said(
    text: str, published: str = "2018-01-15", source: str = "<string>"
) -> tuple[claimtrack.Transcript, list[claimtrack.Claim]]:
    transcript = parse_transcript(text, published=published, source=source)
    return transcript, claimtrack.extract_claims(transcript)


class TestOpen:
    """Opening and closing a store."""

    def test_context_manager_closes(self) -> None:
        """A store used after its `with` block raises StoreError."""
        with ClaimStore(":memory:") as store:
            assert 0 == store.claims().total
        with pytest.raises(StoreError, match="closed"):
            store.claims()
        store.close()

    def test_file_is_wal(self, tmp_path: pathlib.Path) -> None:
        """A store file uses write-ahead logging and carries claimtrack's application id."""
        path = tmp_path / "claims.db"
        with ClaimStore(path) as store:
            assert str(path) == store.path
            with contextlib.closing(sqlite3.connect(path)) as raw:
                assert "wal" == raw.execute("PRAGMA journal_mode").fetchone()[0]
                assert _schema.APPLICATION_ID == raw.execute("PRAGMA application_id").fetchone()[0]
                assert SCHEMA_VERSION == raw.execute("PRAGMA user_version").fetchone()[0]

    def test_scale_is_kept(self, tmp_path: pathlib.Path) -> None:
        """The scale a store is made with is kept; another one is refused."""
        path = tmp_path / "claims.db"
        scale = RatingScale(("correct", "wrong"))
        with ClaimStore(path, scale=scale):
            pass
        with ClaimStore(path) as store:
            assert scale == store.scale
        with ClaimStore(path, scale=scale) as store:
            assert scale == store.scale
        with pytest.raises(StoreError, match="own scale"):
            ClaimStore(path, scale=RatingScale(("yes", "no")))

    def test_similarity_range(self) -> None:
        """A similarity threshold outside (0, 1] is a ValueError."""
        with pytest.raises(ValueError, match="outside"):
            ClaimStore(":memory:", similarity=0.0)


class TestMigrations:
    """The schema's versions and the steps between them."""

    def test_steps_in_order(self) -> None:
        """The steps are numbered 1, 2, ... in order, the last being the latest."""
        assert list(range(1, SCHEMA_VERSION + 1)) == [m.version for m in _schema.MIGRATIONS]

    def test_old_store_is_upgraded(
        self, tmp_path: pathlib.Path, example: claimtrack.Transcript
    ) -> None:
        """A store made at version 1, with a claim in it, opens at the latest version."""
        path = tmp_path / "old.db"
        claim = next(c for c in claimtrack.extract_claims(example) if "Four de-escal" in c.text)
        said = content(claim)
        words = " ".join(sorted(tokens(claim.text)))
        with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
            _schema.migrate(raw, target=1)
            raw.execute(
                "INSERT INTO transcripts (id, source, published, title, language, text, "
                "ingested) VALUES (?, ?, ?, ?, 'en', ?, ?)",
                (
                    example.id,
                    example.source,
                    example.published.isoformat(),
                    example.title,
                    example.text,
                    WHEN.isoformat(),
                ),
            )
            raw.execute(
                "INSERT INTO tracked (id, created) VALUES ('tc-old', ?)", (WHEN.isoformat(),)
            )
            raw.execute(
                "INSERT INTO claims (id, transcript_id, tracked_id, kind, speaker, text, "
                "start_offset, end_offset, words, content, data) "
                "VALUES (?, ?, 'tc-old', ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    claim.id,
                    example.id,
                    claim.kind.value,
                    claim.speaker,
                    claim.text,
                    claim.start,
                    claim.end,
                    words,
                    json.dumps(said.to_json()),
                    json.dumps(claimtrack.claim_to_dict(claim)),
                ),
            )
            raw.executemany(
                "INSERT INTO claim_words (word, claim_id) VALUES (?, ?)",
                [(w, claim.id) for w in words.split()],
            )
            assert 1 == raw.execute("PRAGMA user_version").fetchone()[0]
        with ClaimStore(path) as store:
            (found,) = store.claims(text="escalation")
            assert ("tc-old", claim.text) == (found.id, found.text)
            assert claim.id == store.get(claim.id).first_appearance.claim_id
            again = store.ingest_transcript(example)
            assert len(claimtrack.extract_claims(example)) - 1 == again.claims
            assert [claim.id] == [a.claim_id for a in store.get("tc-old").appearances]
        with contextlib.closing(sqlite3.connect(path)) as raw:
            assert SCHEMA_VERSION == raw.execute("PRAGMA user_version").fetchone()[0]
            counted = dict(raw.execute("SELECT word, claims FROM word_counts").fetchall())
            assert all(counted[w] >= 1 for w in words.split())

    def test_newer_store_refused(self, tmp_path: pathlib.Path) -> None:
        """A store from a newer claimtrack is a StoreError saying to upgrade."""
        path = tmp_path / "new.db"
        ClaimStore(path).close()
        with contextlib.closing(sqlite3.connect(path)) as raw:
            raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        with pytest.raises(StoreError, match="newer claimtrack"):
            ClaimStore(path)

    def test_migrate_twice_is_nothing(self) -> None:
        """Migrating a store at the latest version changes nothing."""
        with contextlib.closing(sqlite3.connect(":memory:", isolation_level=None)) as raw:
            assert 0 == _schema.migrate(raw)
            assert SCHEMA_VERSION == _schema.migrate(raw)


class TestIngest:
    """Storing transcripts and their claims."""

    def test_twice_changes_nothing(self, store: ClaimStore, example: claimtrack.Transcript) -> None:
        """The reference transcript ingested twice yields its claims once."""
        claims = claimtrack.extract_claims(example)
        first = store.ingest(example, claims, now=WHEN)
        again = store.ingest(example, claims, now=WHEN)
        assert (True, len(claims)) == (first.changed, first.claims)
        assert (False, 0) == (again.changed, again.claims)
        assert len(claims) == sum(len(t.appearances) for t in store.claims(limit=None))

    def test_transcript_stored(self, store: ClaimStore, example: claimtrack.Transcript) -> None:
        """The transcript's text, source, date and title are stored under its id."""
        store.ingest_transcript(example, now=WHEN)
        stored = store.transcript(example.id)
        assert (example.text, example.source, example.published, example.title) == (
            stored.text,
            stored.source,
            stored.published,
            stored.title,
        )
        assert (1, None, None, WHEN) == (
            stored.version,
            stored.supersedes,
            stored.superseded_by,
            stored.ingested,
        )

    def test_unknown_transcript(self, store: ClaimStore) -> None:
        """An unknown transcript id is an UnknownClaimError."""
        with pytest.raises(UnknownClaimError, match="tr-nope"):
            store.transcript("tr-nope")

    def test_claims_of_another_transcript(
        self, store: ClaimStore, example: claimtrack.Transcript, briefing: claimtrack.Transcript
    ) -> None:
        """Claims given with the wrong transcript are an IngestError, and nothing is stored."""
        with pytest.raises(IngestError, match="give each transcript with its own claims"):
            store.ingest(example, claimtrack.extract_claims(briefing))
        assert 0 == store.claims().total

    def test_quote_not_in_transcript(self, store: ClaimStore) -> None:
        """A claim whose quote is not at its offsets is an IngestError."""
        transcript, claims = _said("ANN LEE: Four de-escalation zones operate in Syria.")
        moved = claimtrack.Claim(
            claims[0].id,
            claims[0].kind,
            claimtrack.Provenance(transcript.id, "<string>", 0, 4, "Four"),
        )
        with pytest.raises(IngestError, match="quote"):
            store.ingest(transcript, [moved])

    def test_corrected_version(self, store: ClaimStore) -> None:
        """A corrected transcript from the same source is version 2, linked; the old is kept."""
        text = (
            "ANN LEE: Four de-escalation zones operate in Syria. "
            "We signed a treaty with Norway on March 3."
        )
        old, old_claims = _said(text, source="brief.txt")
        new, new_claims = _said(text.replace("March 3", "March 4"), source="brief.txt")
        store.ingest(old, old_claims, now=WHEN)
        result = store.ingest(new, new_claims, now=WHEN)
        assert (True, old.id) == (result.changed, result.supersedes)
        first, second = store.versions("brief.txt")
        assert (old.id, new.id, 1, 2) == (first.id, second.id, first.version, second.version)
        assert (new.id, old.id) == (first.superseded_by, second.supersedes)
        assert old.text == store.transcript(old.id).text
        zones = _zones(store)
        assert [new.id] == [a.transcript_id for a in zones.appearances]
        everywhere = store.get(zones.id, include_superseded=True)
        assert [old.id, new.id] == [a.transcript_id for a in everywhere.appearances]
        assert [True, False] == [a.superseded for a in everywhere.appearances]
        treaties = store.claims(text="treaty", include_superseded=True)
        assert 2 == treaties.total

    def test_strings_are_not_versions(self, store: ClaimStore) -> None:
        """Transcripts from strings (`<string>`) are never versions of each other."""
        store.ingest(*_said("ANN LEE: Four de-escalation zones operate in Syria."))
        result = store.ingest(*_said("BO LI: We signed a treaty with Norway on March 3."))
        assert result.supersedes is None

    def test_import_then_ingest(self, store: ClaimStore, briefing: claimtrack.Transcript) -> None:
        """Claims imported without their transcript are not stored again when it comes."""
        claims = claimtrack.extract_claims(briefing)
        (imported,) = store.import_claims(claims, now=WHEN)
        assert (len(claims), None) == (imported.claims, store.transcript(briefing.id).text)
        result = store.ingest(briefing, claims, now=WHEN)
        assert (True, 0) == (result.changed, result.claims)
        assert briefing.text == store.transcript(briefing.id).text
        assert [] == store.import_claims(iter(()))
        assert (False, 0) == (
            store.import_claims(claims)[0].changed,
            store.import_claims(claims)[0].claims,
        )

    def test_import_without_time(self, store: ClaimStore) -> None:
        """An imported claim without a time leaves its transcript's date unknown: an error."""
        claim = claimtrack.Claim(
            "cl-1", ClaimKind.STATE, claimtrack.Provenance("tr-1", "x.txt", 0, 1, "x")
        )
        with pytest.raises(IngestError, match="date"):
            store.import_claims([claim])


class TestTracking:
    """Claims that say the same thing are one tracked claim."""

    def test_repeated_claim_has_two_appearances(self, both: ClaimStore) -> None:
        """The briefing's zones claim joins the interview's: one claim, two appearances."""
        zones = _zones(both)
        assert ["Sergey Lavrov", "Maria Zakharova"] == [a.speaker for a in zones.appearances]
        assert ("Sergey Lavrov", dt.date(2017, 12, 28)) == (
            zones.first_appearance.speaker,
            zones.first_appearance.published.date(),
        )
        assert zones.text == zones.first_appearance.text
        assert ("Sergey Lavrov", "Maria Zakharova") == zones.speakers
        assert zones == both.get(zones.appearances[1].claim_id)

    def test_other_claims_stay_apart(
        self, both: ClaimStore, briefing: claimtrack.Transcript
    ) -> None:
        """Only the repeated claim joins; the briefing's others are tracked claims of their own."""
        said_in_briefing = [
            t
            for t in both.claims(limit=None)
            if briefing.id in {a.transcript_id for a in t.appearances}
        ]
        assert [_zones(both).id] == [t.id for t in said_in_briefing if len(t.appearances) > 1]

    def test_different_number_is_another_claim(self, store: ClaimStore) -> None:
        """Four zones and five zones are two claims, however alike the words."""
        store.ingest(*_said("ANN LEE: Four de-escalation zones operate in Syria."))
        result = store.ingest(*_said("BO LI: Five de-escalation zones operate in Syria."))
        assert 1 == result.new_tracked

    def test_implicit_dates_do_not_separate(self, store: ClaimStore) -> None:
        """The same claim on two days (dated by each transcript only) is one claim."""
        store.ingest(*_said("ANN LEE: Four de-escalation zones operate in Syria.", "2018-01-15"))
        result = store.ingest(
            *_said("BO LI: Four de-escalation zones operate in Syria!", "2018-03-01")
        )
        assert (1, 0) == (result.claims, result.new_tracked)

    def test_explicit_dates_separate(self, store: ClaimStore) -> None:
        """The same event on two stated dates is two claims."""
        store.ingest(*_said("ANN LEE: On March 3, we signed a treaty with Norway."))
        result = store.ingest(*_said("BO LI: On March 9, we signed a treaty with Norway."))
        assert 1 == result.new_tracked

    def test_threshold_is_the_stores(self) -> None:
        """A store with similarity 1.0 joins only claims with the same words."""
        with ClaimStore(":memory:", similarity=1.0) as strict:
            strict.ingest(
                *_said("ANN LEE: Four de-escalation zones are operating successfully in Syria.")
            )
            result = strict.ingest(*_said("BO LI: Four de-escalation zones operate in Syria."))
            assert 1 == result.new_tracked

    def test_normalised_words(self) -> None:
        """Numbers become digits, function words go, suffixes are stripped."""
        assert tokens("Four zones operate") == tokens("4 ZONE operating.")
        assert 1.0 == similarity(tokens("the zones"), tokens("zone"))
        assert frozenset() == tokens("it is what it is")

    def test_content_rules(self) -> None:
        """Kinds must be equal; references and actors must be equal where both have some."""
        one = Content("reference", references=frozenset({("resolution", "2254")}))
        assert not same_content(one, Content("state", references=one.references))
        assert not same_content(one, Content("reference", references=frozenset({("law", "1")})))
        assert same_content(one, Content("reference"))
        assert not same_content(
            Content("state", actors=frozenset({"syria"})),
            Content("state", actors=frozenset({"iran"})),
        )


class TestCorrections:
    """A person merges and splits tracked claims; the store keeps the correction."""

    def test_merge(self, store: ClaimStore) -> None:
        """Merging makes one tracked claim; the merged id names it too; the merge is kept."""
        first = store.ingest(*_said("ANN LEE: Four de-escalation zones operate in Syria."))
        second = store.ingest(*_said("BO LI: Russia has four de-escalation zones in the region."))
        (keep,), (gone,) = first.tracked, second.tracked
        assert keep != gone
        merged = store.merge(keep, gone, reviewer="Cy", note="same zones", now=WHEN)
        assert (keep, 2) == (merged.id, len(merged.appearances))
        assert merged == store.get(gone)
        assert 1 == store.claims().total
        assert [
            {
                "action": "merge",
                "tracked_id": keep,
                "other_id": gone,
                "claim_id": None,
                "reviewer": "Cy",
                "note": "same zones",
                "at": WHEN.isoformat(),
            }
        ] == store.corrections()
        with pytest.raises(CorrectionError, match="one tracked claim already"):
            store.merge(gone, keep)

    def test_split_is_respected_by_later_ingests(
        self, both: ClaimStore, briefing: claimtrack.Transcript
    ) -> None:
        """A split claim stays apart when said again and when its transcript is corrected."""
        zones = _zones(both)
        said_in_briefing = zones.appearances[1].claim_id
        alone = both.split(said_in_briefing, reviewer="Cy", note="different zones", now=WHEN)
        assert [said_in_briefing] == [a.claim_id for a in alone.appearances]
        assert 1 == len(both.get(zones.id).appearances)
        assert "split" == both.corrections()[-1]["action"]
        # The same claim again, in a third transcript: it joins one of them, never both.
        third = both.ingest(
            *_said("VLADIMIR LI: Four de-escalation zones operate in Syria.", "2018-02-01")
        )
        assert third.tracked[0] in {zones.id, alone.id}
        assert 2 == len(both.claims(text="de-escalation zones", kind="quantity"))
        # The briefing corrected: its zones claim follows the split-off tracked claim.
        corrected = parse_transcript(
            briefing.text.replace("Good afternoon.", "Good afternoon to all."),
            source=briefing.source,
        )
        result = both.ingest_transcript(corrected)
        assert briefing.id == result.supersedes
        alone_now = both.get(alone.id)
        assert [corrected.id] == [a.transcript_id for a in alone_now.appearances]
        everywhere = both.get(zones.id, include_superseded=True).appearances
        assert "Maria Zakharova" not in {a.speaker for a in everywhere}

    def test_split_alone_claim(self, store: ClaimStore) -> None:
        """Splitting a tracked claim's only appearance is a CorrectionError."""
        result = store.ingest(*_said("ANN LEE: Four de-escalation zones operate in Syria."))
        claim_id = store.get(result.tracked[0]).first_appearance.claim_id
        with pytest.raises(CorrectionError, match="only appearance"):
            store.split(claim_id)

    def test_unknown_ids(self, store: ClaimStore) -> None:
        """Unknown ids are UnknownClaimErrors, KeyErrors whose message reads plainly."""
        with pytest.raises(UnknownClaimError) as caught:
            store.get("tc-nope")
        assert isinstance(caught.value, KeyError)
        assert str(caught.value).startswith("tc-nope: no tracked claim")
        with pytest.raises(UnknownClaimError):
            store.split("cl-nope")
        with pytest.raises(UnknownClaimError):
            store.claim("cl-nope")


class TestQueries:
    """Finding tracked claims by what they say, who said them and when."""

    def test_speaker(self, both: ClaimStore) -> None:
        """By speaker, in any case: each of the briefing's claims is Zakharova's."""
        page = both.claims(speaker="maria zakharova")
        assert page.total > 0
        assert all("Maria Zakharova" in t.speakers for t in page)

    def test_kind(self, both: ClaimStore) -> None:
        """By kind, as an enum or its value."""
        assert both.claims(kind=ClaimKind.QUANTITY) == both.claims(kind="quantity")
        assert {ClaimKind.QUANTITY} == {t.kind for t in both.claims(kind="quantity")}

    def test_actor(self, both: ClaimStore) -> None:
        """By actor: every claim naming Jordan."""
        (jordan,) = both.claims(actor="jordan")
        assert "Jordan" in jordan.text

    def test_reference(self, both: ClaimStore) -> None:
        """All claims citing Resolution 2254, however it is named."""
        by_number = both.claims(reference="2254")
        assert 3 == by_number.total
        assert by_number == both.claims(reference="resolution  2254")
        assert by_number == both.claims(reference="UN Security Council Resolution 2254")
        assert 0 == both.claims(reference="2253").total

    def test_status(self, both: ClaimStore) -> None:
        """By verification status."""
        zones = _zones(both)
        both.review(zones.id, now=WHEN)
        assert [zones.id] == [t.id for t in both.claims(status=Status.IN_REVIEW)]
        assert [zones.id] == [t.id for t in both.claims(status="in review")]
        assert zones.id not in {t.id for t in both.claims(status="unverified", limit=None)}

    def test_text(self, both: ClaimStore) -> None:
        """Full text: every word given, in any order."""
        assert {t.id for t in both.claims(text="zones Syria de-escalation")} >= {_zones(both).id}
        assert 0 == both.claims(text="zones Atlantis").total
        assert both.claims() == both.claims(text="!!!")

    def test_text_without_fts5(
        self, monkeypatch: pytest.MonkeyPatch, example: claimtrack.Transcript
    ) -> None:
        """Where FTS5 is missing, full text falls back to LIKE with the same results."""
        with ClaimStore(":memory:") as fts:
            fts.ingest_transcript(example)
            expected = [t.id for t in fts.claims(text="de-escalation Syria", limit=None)]
        monkeypatch.setattr(_schema, "fts5_available", lambda connection: False)
        with ClaimStore(":memory:") as like:
            like.ingest_transcript(example)
            assert "like" == like.search
            assert expected == [t.id for t in like.claims(text="de-escalation Syria", limit=None)]
            assert 0 == like.claims(text="100%_").total

    def test_dates_said(self, both: ClaimStore, briefing: claimtrack.Transcript) -> None:
        """By the transcript's date: said in January 2018 is said in the briefing."""
        page = both.claims(said_since="2018-01-01", said_until=dt.date(2018, 1, 31), limit=None)
        assert len(claimtrack.extract_claims(briefing)) == page.total
        assert all(any(a.published.year == 2018 for a in t.appearances) for t in page)
        assert 0 == both.claims(said_until="2017-12-27").total

    def test_dates_about(self, both: ClaimStore) -> None:
        """By the claim's own time: events of 1 to 9 November 2017."""
        (memo,) = both.claims(kind="event", about_since="2017-11-01", about_until="2017-11-09")
        assert "memorandum" in memo.text
        assert "2017-11-08" == memo.first_appearance.claim.time.value  # type: ignore[union-attr]

    def test_paging(self, both: ClaimStore) -> None:
        """Pages follow each other without gaps or repeats, in the order claims were first made."""
        everything = both.claims(limit=None)
        seen: list[str] = []
        offset: int | None = 0
        while offset is not None:
            page = both.claims(limit=7, offset=offset)
            assert everything.total == page.total
            seen.extend(t.id for t in page)
            offset = page.next_offset
        assert [t.id for t in everything] == seen
        firsts = [t.first_appearance.published for t in everything]
        assert sorted(firsts) == firsts
        assert 0 == len(both.claims(limit=0))
        assert [t.id for t in everything] == [t.id for t in both]

    def test_bad_filters(self, store: ClaimStore) -> None:
        """A date that is not ISO, an unknown kind or status, or a negative page is a QueryError."""
        for bad in (
            {"said_since": "28/12/2017"},
            {"kind": "rumour"},
            {"status": "done"},
            {"limit": -1},
        ):
            with pytest.raises(QueryError):
                store.claims(**bad)  # type: ignore[arg-type]

    def test_user_text_is_never_sql(self, both: ClaimStore) -> None:
        """Filters that look like SQL are values: they match nothing and break nothing."""
        total = both.claims().total
        for nasty in ("x' OR '1'='1", "'; DROP TABLE claims; --", '" OR 1=1 --'):
            assert 0 == both.claims(speaker=nasty).total
            assert 0 == both.claims(actor=nasty).total
            assert 0 == both.claims(reference=nasty).total
            assert 0 == both.claims(text=nasty + " Atlantis").total
            with pytest.raises(UnknownClaimError):
                both.get(nasty)
        assert total == both.claims().total
