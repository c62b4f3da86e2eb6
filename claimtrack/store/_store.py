"""The claim store: transcripts and their claims in SQLite, tracked and verified.

Every write is one ``BEGIN IMMEDIATE`` transaction, retried while another process holds
the lock; a process killed in the middle of one leaves the store as it was. Every read
of more than one table reads one snapshot. No SQL is built from what a caller gives:
values are always parameters, and the query's conditions are chosen from fixed
fragments.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pathlib
import re
import sqlite3
import time
import types
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import attrs

from claimtrack._claims import DEFAULT_THRESHOLD, extract_claims
from claimtrack._model import Claim, ClaimKind, Status, Transcript
from claimtrack._serialize import claim_from_dict, claim_to_dict
from claimtrack.exceptions import (
    CorrectionError,
    IngestError,
    QueryError,
    StoreError,
    UnknownClaimError,
)
from claimtrack.store import _schema, _verify
from claimtrack.store._tracking import (
    DEFAULT_SIMILARITY,
    Content,
    content,
    least_overlap,
    same_content,
    similarity,
    tokens,
)
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

__all__ = ["DEFAULT_DB", "ClaimStore", "utcnow"]

#: The store's file when none is named.
DEFAULT_DB = "claims.db"

#: Tests only: a file path; an ingest touches it inside its transaction, then sleeps.
PAUSE_ENV = "CLAIMTRACK_TEST_PAUSE_IN_INGEST"

_T = TypeVar("_T")
_PSEUDO_SOURCE = re.compile(r"^<.*>$")
# The words of a text search, and what LIKE would read as a wildcard or escape in one.
_SEARCH_WORD = re.compile(r"\w+")
_LIKE_SPECIAL = re.compile(r"([\\%_])")


def utcnow() -> dt.datetime:
    """The current time in UTC: the one place the store reads the clock.

    >>> utcnow().tzinfo
    datetime.timezone.utc
    """
    return dt.datetime.now(dt.timezone.utc)


def _pause_for_tests() -> None:
    flag = os.environ.get(PAUSE_ENV)
    if flag:
        pathlib.Path(flag).touch()
        time.sleep(60)


def _iso_date(value: dt.date | str | None, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        msg = f"{name}={value!r} is not an ISO date; write it as YYYY-MM-DD"
        raise QueryError(msg) from None


def _new_id(prefix: str, seed: str) -> str:
    return prefix + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]


# The conditions a query may use, each a fixed fragment with its parameters' places.
_ON_APPEARANCE = types.MappingProxyType(
    {
        "speaker": "c.speaker = ? COLLATE NOCASE",
        "kind": "c.kind = ?",
        "actor": "EXISTS (SELECT 1 FROM claim_actors a WHERE a.claim_id = c.id AND a.name = ?)",
        "reference": (
            "EXISTS (SELECT 1 FROM claim_references r WHERE r.claim_id = c.id AND "
            "(r.identifier = ? OR (r.kind || ' ' || r.identifier) = ? COLLATE NOCASE "
            "OR r.text = ?))"
        ),
        "fts5": "c.id IN (SELECT claim_id FROM claim_search WHERE claim_search MATCH ?)",
        "like": "c.text LIKE ? ESCAPE '\\'",
        "said_since": "substr(tr.published, 1, 10) >= ?",
        "said_until": "substr(tr.published, 1, 10) <= ?",
        "about_since": "c.time_latest >= ?",
        "about_until": "c.time_earliest <= ?",
        "current": "tr.superseded_by IS NULL",
    }
)
_LAST_REVIEW = "(SELECT r.{} FROM reviews r WHERE r.tracked_id = t.id ORDER BY r.seq DESC LIMIT 1)"
_ON_TRACKED = types.MappingProxyType(
    {
        "status": f"COALESCE({_LAST_REVIEW.format('status')}, 'unverified') = ?",
        "rating": f"{_LAST_REVIEW.format('rating')} = ?",
    }
)
_TRANSCRIPT_COLUMNS = (
    "SELECT id, source, published, title, language, text, version, supersedes, superseded_by, "
    "ingested FROM transcripts"
)
_TRANSCRIPTS_BY = types.MappingProxyType(
    {
        "id": _TRANSCRIPT_COLUMNS + " WHERE id = ?",
        "source": _TRANSCRIPT_COLUMNS + " WHERE source = ? ORDER BY version, rowid",
    }
)
_EXISTS_APPEARANCE = (
    "EXISTS (SELECT 1 FROM claims c JOIN transcripts tr ON tr.id = c.transcript_id WHERE {})"
)
_FIRST_SAID = (
    "(SELECT MIN(tr.published) FROM claims c JOIN transcripts tr ON tr.id = c.transcript_id "
    "WHERE c.tracked_id = t.id)"
)


class ClaimStore:
    """Claims kept across transcripts and carried through verification, in SQLite.

    Claims that say the same thing are one :class:`TrackedClaim` with all their
    appearances (the rule is in docs/tutorial.md, "How claims are matched"). Each tracked
    claim has a verification history: unverified, in review, rated on the store's
    :class:`RatingScale`.

    Args:
        path: The store's file (created if missing), or ``":memory:"``.
        scale: The ratings reviewers may give; fixed when the store is created
            (default :data:`DEFAULT_SCALE`).
        similarity: Least text similarity (Jaccard of normalised words) for two claims
            with the same content to be one tracked claim.
        timeout: Seconds to wait for another process's lock before giving up.
        clock: Gives the current time when a method is not given ``now=``.

    Raises:
        StoreCorruptError: ``path`` is not a claimtrack store.
        StoreError: It cannot be opened, or its scale differs from ``scale``.

    >>> import claimtrack
    >>> from claimtrack.store import ClaimStore
    >>> t = claimtrack.read_transcript("examples/lavrov-interfax-2017-12-28.txt")
    >>> with ClaimStore(":memory:") as store:
    ...     first, again = store.ingest_transcript(t), store.ingest_transcript(t)
    ...     total = store.claims().total
    >>> (first.changed, again.changed, first.claims == len(claimtrack.extract_claims(t)))
    (True, False, True)
    >>> (again.claims, total == first.new_tracked)
    (0, True)
    """

    def __init__(
        self,
        path: str | os.PathLike[str] = DEFAULT_DB,
        *,
        scale: RatingScale | None = None,
        similarity: float = DEFAULT_SIMILARITY,
        timeout: float = 30.0,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        if not 0.0 < similarity <= 1.0:
            msg = f"similarity={similarity!r} is outside (0, 1]; give a threshold such as 0.6"
            raise ValueError(msg)
        self._path = os.fspath(path)
        self._clock = clock
        self._similarity = similarity
        self._connection: sqlite3.Connection | None = _schema.connect(self._path, timeout=timeout)
        try:
            self._connection.execute(
                "CREATE TEMP TABLE IF NOT EXISTS query_words (word TEXT PRIMARY KEY)"
            )
            self._scale = self._settle_scale(scale)
            self._search = self._read(lambda c: self._meta(c, "search")) or "like"
        except BaseException:
            self.close()
            raise

    # -- the connection ---------------------------------------------------------------

    @property
    def path(self) -> str:
        """The store's file, as given."""
        return self._path

    @property
    def scale(self) -> RatingScale:
        """The ratings this store's reviewers may give."""
        return self._scale

    @property
    def search(self) -> str:
        """How full text is searched: ``fts5``, or ``like`` where FTS5 is missing."""
        return self._search

    def close(self) -> None:
        """Closes the store; closing it again does nothing."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"ClaimStore({self._path!r})"

    def _live(self) -> sqlite3.Connection:
        if self._connection is None:
            msg = f"the store {self._path} is closed; open it again with ClaimStore(path)"
            raise StoreError(msg)
        return self._connection

    def _write(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        return self._transaction("BEGIN IMMEDIATE", work)

    def _read(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        return self._transaction("BEGIN", work)

    def _transaction(self, begin: str, work: Callable[[sqlite3.Connection], _T]) -> _T:
        connection = self._live()
        try:
            return _schema.retry_busy(lambda: self._attempt(connection, begin, work))
        except sqlite3.Error as err:
            _schema.raise_for(err, self._path)

    @staticmethod
    def _attempt(
        connection: sqlite3.Connection, begin: str, work: Callable[[sqlite3.Connection], _T]
    ) -> _T:
        connection.execute(begin)
        try:
            result = work(connection)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        return result

    def _now(self, now: dt.datetime | None) -> dt.datetime:
        value = self._clock() if now is None else now
        return value if value.tzinfo is not None else value.replace(tzinfo=dt.timezone.utc)

    @staticmethod
    def _meta(connection: sqlite3.Connection, key: str) -> str | None:
        row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _settle_scale(self, scale: RatingScale | None) -> RatingScale:
        def settle(connection: sqlite3.Connection) -> RatingScale:
            stored = self._meta(connection, "scale")
            if stored is not None:
                return self._kept_scale(stored, scale)
            chosen = scale or DEFAULT_SCALE
            data = {"ratings": list(chosen.ratings), "unrated": list(chosen.unrated)}
            connection.execute(
                "INSERT INTO meta (key, value) VALUES ('scale', ?)", (json.dumps(data),)
            )
            return chosen

        stored = self._read(lambda c: self._meta(c, "scale"))
        return self._write(settle) if stored is None else self._kept_scale(stored, scale)

    def _kept_scale(self, stored: str, scale: RatingScale | None) -> RatingScale:
        data = json.loads(stored)
        kept = RatingScale(data["ratings"], unrated=data["unrated"])
        if scale is not None and scale != kept:
            msg = (
                f"{self._path} rates on its own scale ({', '.join(kept.names)}); "
                "open it without scale= or make a new store for another scale"
            )
            raise StoreError(msg)
        return kept

    # -- ingest -----------------------------------------------------------------------

    def ingest(
        self, transcript: Transcript, claims: Iterable[Claim], *, now: dt.datetime | None = None
    ) -> IngestResult:
        """Stores a transcript and its claims, each joined to its tracked claim.

        The same transcript again (the same text) changes nothing. A transcript from the
        same ``source`` as one stored but with another text is a corrected version: it is
        stored as the next version, linked to the one it corrects, which is kept; its
        claims that read as before stay with their tracked claims.

        Args:
            transcript: The transcript.
            claims: Its claims, as :func:`claimtrack.extract_claims` gives them.
            now: When it is stored (default: the store's clock).

        Raises:
            IngestError: A claim is not from this transcript.

        >>> import claimtrack
        >>> t = claimtrack.parse_transcript(
        ...     "ANN LEE: Four de-escalation zones operate in Syria.", published="2018-01-15"
        ... )
        >>> with ClaimStore(":memory:") as store:
        ...     result = store.ingest(t, claimtrack.extract_claims(t))
        >>> (result.changed, result.claims, result.new_tracked)
        (True, 1, 1)
        """
        claims = list(claims)
        for claim in claims:
            provenance = claim.provenance
            if provenance.transcript_id != transcript.id:
                msg = (
                    f"claim {claim.id} is from transcript {provenance.transcript_id}, "
                    f"not {transcript.id} ({transcript.source}); "
                    "give each transcript with its own claims"
                )
                raise IngestError(msg)
            if transcript.text[provenance.start : provenance.end] != provenance.quote:
                msg = (
                    f"claim {claim.id}: its quote is not at {provenance.start}:{provenance.end} "
                    f"of {transcript.source}; give the claims extracted from this transcript"
                )
                raise IngestError(msg)
        at = self._now(now)
        row = _TranscriptRow(
            id=transcript.id,
            source=transcript.source,
            published=transcript.published.isoformat(),
            title=transcript.title,
            language=transcript.language,
            text=transcript.text,
        )
        return self._write(lambda c: self._ingest(c, row, claims, at))

    def ingest_transcript(
        self,
        transcript: Transcript,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        now: dt.datetime | None = None,
    ) -> IngestResult:
        """Extracts a transcript's claims (:func:`claimtrack.extract_claims`) and stores them.

        >>> import claimtrack
        >>> t = claimtrack.read_transcript("examples/briefing-2018-01-15.txt")
        >>> with ClaimStore(":memory:") as store:
        ...     store.ingest_transcript(t).claims > 0
        True
        """
        return self.ingest(transcript, extract_claims(transcript, threshold=threshold), now=now)

    def import_claims(
        self, claims: Iterable[Claim], *, now: dt.datetime | None = None
    ) -> list[IngestResult]:
        """Stores claims without their transcripts (read from JSON Lines, say).

        Each transcript the claims come from is recorded by its id, source and date (the
        anchor of the claims' times) without its text; claims the store has already are
        skipped. Returns one result a transcript, in the order first seen.

        Raises:
            IngestError: A claim has no time, so its transcript's date is unknown.

        >>> import claimtrack
        >>> t = claimtrack.parse_transcript(
        ...     "ANN LEE: Four de-escalation zones operate in Syria.", published="2018-01-15"
        ... )
        >>> with ClaimStore(":memory:") as store:
        ...     [(r.claims, r.changed) for r in store.import_claims(claimtrack.extract_claims(t))]
        ...     store.transcript(t.id).text is None
        [(1, True)]
        True
        """
        at = self._now(now)
        groups: dict[str, list[Claim]] = {}
        for claim in claims:
            groups.setdefault(claim.provenance.transcript_id, []).append(claim)
        rows = []
        for transcript_id, group in groups.items():
            anchors = [c.time.anchor for c in group if c.time is not None]
            if not anchors:
                msg = (
                    f"claim {group[0].id} has no time, so the date of transcript "
                    f"{transcript_id} is unknown; give claims written by claimtrack"
                )
                raise IngestError(msg)
            day = min(anchors)
            published = dt.datetime(day.year, day.month, day.day).isoformat()
            source = group[0].provenance.source
            rows.append(
                (_TranscriptRow(transcript_id, source, published, None, "und", None), group)
            )

        def work(connection: sqlite3.Connection) -> list[IngestResult]:
            return [self._ingest(connection, row, group, at) for row, group in rows]

        return self._write(work)

    def _ingest(
        self,
        connection: sqlite3.Connection,
        row: _TranscriptRow,
        claims: list[Claim],
        at: dt.datetime,
    ) -> IngestResult:
        stored = connection.execute(
            "SELECT text FROM transcripts WHERE id = ?", (row.id,)
        ).fetchone()
        previous = None
        changed = False
        if stored is None:
            previous = self._insert_transcript(connection, row, at)
            changed = True
        elif stored[0] is None and row.text is not None:
            # Known from imported claims only; now the transcript itself has come.
            connection.execute(
                "UPDATE transcripts SET text = ?, title = ?, language = ?, published = ? "
                "WHERE id = ?",
                (row.text, row.title, row.language, row.published, row.id),
            )
            changed = True
        carried: dict[str, str] = {}
        if previous is not None:
            carried = dict(
                connection.execute(
                    "SELECT words, tracked_id FROM claims WHERE transcript_id = ? ORDER BY rowid",
                    (previous,),
                ).fetchall()[::-1]
            )
        tracked: list[str] = []
        new_tracked = 0
        for claim in claims:
            if connection.execute("SELECT 1 FROM claims WHERE id = ?", (claim.id,)).fetchone():
                continue
            words = tokens(claim.text)
            said = content(claim)
            key = " ".join(sorted(words))
            tracked_id = carried.get(key) or self._match(connection, words, said)
            if tracked_id is None:
                tracked_id = self._new_tracked(connection, claim.id, at)
                new_tracked += 1
            self._insert_claim(connection, claim, tracked_id, key, said)
            tracked.append(tracked_id)
        if claims:
            _pause_for_tests()
        return IngestResult(
            transcript_id=row.id,
            changed=changed or bool(tracked),
            claims=len(tracked),
            tracked=tracked,
            new_tracked=new_tracked,
            supersedes=previous,
        )

    @staticmethod
    def _insert_transcript(
        connection: sqlite3.Connection, row: _TranscriptRow, at: dt.datetime
    ) -> str | None:
        previous = None
        version = 1
        if row.text is not None and not _PSEUDO_SOURCE.match(row.source):
            found = connection.execute(
                "SELECT id, version FROM transcripts WHERE source = ? AND superseded_by IS NULL "
                "ORDER BY rowid DESC LIMIT 1",
                (row.source,),
            ).fetchone()
            if found is not None:
                previous, version = found[0], found[1] + 1
        connection.execute(
            "INSERT INTO transcripts (id, source, published, title, language, text, version, "
            "supersedes, ingested) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row.id,
                row.source,
                row.published,
                row.title,
                row.language,
                row.text,
                version,
                previous,
                at.isoformat(),
            ),
        )
        if previous is not None:
            connection.execute(
                "UPDATE transcripts SET superseded_by = ? WHERE id = ?", (row.id, previous)
            )
        return previous

    def _match(
        self, connection: sqlite3.Connection, words: frozenset[str], said: Content
    ) -> str | None:
        if not words:
            return None
        # Prefix filtering: a claim sharing at least `overlap` of the n words holds one of
        # any n - overlap + 1 of them; look up by the rarest, so few claims come back
        # however large the store grows. Similarity is then checked on each candidate.
        overlap = least_overlap(len(words), self._similarity)
        connection.execute("DELETE FROM temp.query_words")
        connection.executemany(
            "INSERT INTO temp.query_words (word) VALUES (?)", ((w,) for w in words)
        )
        counts = dict(
            connection.execute(
                "SELECT q.word, COALESCE(n.claims, 0) FROM temp.query_words q "
                "LEFT JOIN word_counts n ON n.word = q.word"
            ).fetchall()
        )
        rarest = sorted(words, key=lambda w: (counts.get(w, 0), w))[: len(words) - overlap + 1]
        connection.execute("DELETE FROM temp.query_words")
        connection.executemany(
            "INSERT INTO temp.query_words (word) VALUES (?)", ((w,) for w in rarest)
        )
        # DISTINCT: a claim said again and again (a talking point in every briefing) is
        # one candidate, not one per appearance, however many transcripts repeat it.
        candidates = connection.execute(
            "SELECT DISTINCT c.tracked_id, c.words, c.content, t.rowid FROM claims c "
            "JOIN tracked t ON t.id = c.tracked_id "
            # CROSS JOIN keeps SQLite from scanning every claim's words: it looks each
            # query word up in claim_words' primary key instead.
            "WHERE c.id IN (SELECT w.claim_id FROM temp.query_words q "
            "               CROSS JOIN claim_words w ON w.word = q.word)"
        )
        best: tuple[float, int, str] | None = None
        for tracked_id, other_words, other_content, order in candidates:
            score = similarity(words, frozenset(other_words.split()))
            if score < self._similarity:
                continue
            if not same_content(said, Content.from_json(json.loads(other_content))):
                continue
            if best is None or (score, -order) > (best[0], -best[1]):
                best = (score, order, tracked_id)
        return None if best is None else best[2]

    @staticmethod
    def _new_tracked(connection: sqlite3.Connection, seed: str, at: dt.datetime) -> str:
        for n in range(1000):
            tracked_id = _new_id("tc-", f"{seed}:{n}" if n else seed)
            exists = connection.execute("SELECT 1 FROM tracked WHERE id = ?", (tracked_id,))
            if exists.fetchone() is None:
                connection.execute(
                    "INSERT INTO tracked (id, created) VALUES (?, ?)", (tracked_id, at.isoformat())
                )
                return tracked_id
        raise AssertionError  # pragma: no cover - 1000 collisions of sha256

    def _insert_claim(
        self,
        connection: sqlite3.Connection,
        claim: Claim,
        tracked_id: str,
        words: str,
        said: Content,
    ) -> None:
        time_ = claim.time
        connection.execute(
            "INSERT INTO claims (id, transcript_id, tracked_id, kind, speaker, text, "
            "start_offset, end_offset, time_value, time_earliest, time_latest, words, "
            "content, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                claim.id,
                claim.provenance.transcript_id,
                tracked_id,
                claim.kind.value,
                claim.speaker,
                claim.text,
                claim.start,
                claim.end,
                None if time_ is None else time_.value,
                None if time_ is None or time_.earliest is None else time_.earliest.isoformat(),
                None if time_ is None or time_.latest is None else time_.latest.isoformat(),
                words,
                json.dumps(said.to_json()),
                json.dumps(claim_to_dict(claim), ensure_ascii=False),
            ),
        )
        connection.executemany(
            "INSERT INTO claim_words (word, claim_id) VALUES (?, ?)",
            ((word, claim.id) for word in words.split()),
        )
        connection.executemany(
            "INSERT INTO word_counts (word, claims) VALUES (?, 1) "
            "ON CONFLICT (word) DO UPDATE SET claims = claims + 1",
            ((word,) for word in set(words.split())),
        )
        connection.executemany(
            "INSERT OR IGNORE INTO claim_actors (claim_id, name, type) VALUES (?, ?, ?)",
            ((claim.id, a.name, a.type) for a in claim.actors),
        )
        connection.executemany(
            "INSERT INTO claim_references (claim_id, kind, identifier, text) VALUES (?, ?, ?, ?)",
            ((claim.id, r.kind, r.identifier, r.text) for r in claim.references),
        )
        if self._search == "fts5":
            connection.execute(
                "INSERT INTO claim_search (text, claim_id) VALUES (?, ?)", (claim.text, claim.id)
            )

    # -- reading ----------------------------------------------------------------------

    def get(self, identifier: str, *, include_superseded: bool = False) -> TrackedClaim:
        """The tracked claim with this id, or holding the claim with this id.

        A tracked claim merged into another gives the one it was merged into.

        Args:
            identifier: A tracked claim's id (``tc-...``) or a claim's id (``cl-...``).
            include_superseded: Also list appearances in transcripts a corrected version
                replaced (they are listed anyway when there are no others).

        Raises:
            UnknownClaimError: No tracked claim or claim has this id.

        >>> import claimtrack
        >>> store = ClaimStore(":memory:")
        >>> briefing = claimtrack.read_transcript("examples/briefing-2018-01-15.txt")
        >>> tc = store.ingest_transcript(briefing).tracked[0]
        >>> tracked = store.get(tc)
        >>> tracked.first_appearance.speaker, store.get(tracked.appearances[0].claim_id) == tracked
        ('Maria Zakharova', True)
        >>> store.close()
        """
        return self._read(lambda c: self._load(c, self._resolve(c, identifier), include_superseded))

    def claim(self, claim_id: str) -> Claim:
        """A stored claim, its status that of its tracked claim.

        Raises:
            UnknownClaimError: No claim has this id.

        >>> import claimtrack
        >>> store = ClaimStore(":memory:")
        >>> briefing = claimtrack.read_transcript("examples/briefing-2018-01-15.txt")
        >>> tc = store.ingest_transcript(briefing).tracked[0]
        >>> claim_id = store.get(tc).first_appearance.claim_id
        >>> store.claim(claim_id).speaker, store.claim(claim_id).status.value
        ('Maria Zakharova', 'unverified')
        >>> store.close()
        """
        appearances = self.get(claim_id, include_superseded=True).appearances
        return next(a.claim for a in appearances if a.claim_id == claim_id)

    def transcript(self, transcript_id: str) -> StoredTranscript:
        """A stored transcript, with its place among corrected versions.

        Raises:
            UnknownClaimError: No transcript has this id.

        >>> import claimtrack
        >>> store = ClaimStore(":memory:")
        >>> briefing = claimtrack.read_transcript("examples/briefing-2018-01-15.txt")
        >>> tc = store.ingest_transcript(briefing).tracked[0]
        >>> stored = store.transcript(briefing.id)
        >>> stored.published.date().isoformat(), stored.version, stored.text == briefing.text
        ('2018-01-15', 1, True)
        >>> store.close()
        """
        rows = self._read(lambda c: self._transcripts(c, "id", transcript_id))
        if not rows:
            msg = (
                f"{transcript_id}: no transcript in {self._path} has this id; "
                "ingest it first (claimtrack ingest FILE)"
            )
            raise UnknownClaimError(msg)
        return rows[0]

    def versions(self, source: str) -> tuple[StoredTranscript, ...]:
        """Every stored version of the transcript from ``source``, oldest first.

        >>> import claimtrack
        >>> store = ClaimStore(":memory:")
        >>> briefing = claimtrack.read_transcript("examples/briefing-2018-01-15.txt")
        >>> tc = store.ingest_transcript(briefing).tracked[0]
        >>> fixed = claimtrack.parse_transcript(
        ...     briefing.text.replace("afternoon", "morning"), source=briefing.source
        ... )
        >>> store.ingest_transcript(fixed).supersedes == briefing.id
        True
        >>> [(v.version, v.superseded_by) for v in store.versions(briefing.source)]
        [(1, 'tr-...'), (2, None)]
        >>> store.close()
        """
        return tuple(self._read(lambda c: self._transcripts(c, "source", source)))

    @staticmethod
    def _transcripts(
        connection: sqlite3.Connection, column: str, value: str
    ) -> list[StoredTranscript]:
        rows = connection.execute(_TRANSCRIPTS_BY[column], (value,)).fetchall()
        return [
            StoredTranscript(
                id=r[0],
                source=r[1],
                published=dt.datetime.fromisoformat(r[2]),
                title=r[3],
                language=r[4],
                text=r[5],
                version=r[6],
                supersedes=r[7],
                superseded_by=r[8],
                ingested=dt.datetime.fromisoformat(r[9]),
            )
            for r in rows
        ]

    def _resolve(self, connection: sqlite3.Connection, identifier: str) -> str:
        row = connection.execute(
            "SELECT tracked_id FROM claims WHERE id = ?", (identifier,)
        ).fetchone()
        tracked_id = identifier if row is None else row[0]
        for _ in range(10_000):
            found = connection.execute(
                "SELECT merged_into FROM tracked WHERE id = ?", (tracked_id,)
            ).fetchone()
            if found is None:
                msg = (
                    f"{identifier}: no tracked claim or claim in {self._path} has this id; "
                    "list them with `claimtrack claims`"
                )
                raise UnknownClaimError(msg)
            if found[0] is None:
                return str(tracked_id)
            tracked_id = found[0]
        msg = f"{identifier}: its merges in {self._path} form a loop; the store is damaged"
        raise StoreError(msg)  # pragma: no cover - merges never form a loop

    def _load(
        self, connection: sqlite3.Connection, tracked_id: str, include_superseded: bool
    ) -> TrackedClaim:
        rows = connection.execute(
            "SELECT c.data, tr.published, tr.title, tr.superseded_by IS NOT NULL "
            "FROM claims c JOIN transcripts tr ON tr.id = c.transcript_id "
            "WHERE c.tracked_id = ? ORDER BY tr.published, tr.rowid, c.start_offset",
            (tracked_id,),
        ).fetchall()
        verification = self._verification(connection, tracked_id)
        status = verification.status
        appearances = [
            Appearance(
                claim=attrs.evolve(claim_from_dict(json.loads(data)), status=status),
                published=dt.datetime.fromisoformat(published),
                title=title,
                superseded=bool(superseded),
            )
            for data, published, title, superseded in rows
        ]
        if not include_superseded and any(not a.superseded for a in appearances):
            appearances = [a for a in appearances if not a.superseded]
        first = appearances[0].claim
        return TrackedClaim(
            id=tracked_id,
            text=first.text,
            kind=first.kind,
            appearances=appearances,
            verification=verification,
        )

    @staticmethod
    def _verification(connection: sqlite3.Connection, tracked_id: str) -> Verification:
        evidence: dict[int, list[Evidence]] = {}
        for seq, url, quote, accessed, note in connection.execute(
            "SELECT e.review_seq, e.url, e.quote, e.accessed, e.note FROM evidence e "
            "JOIN reviews r ON r.seq = e.review_seq WHERE r.tracked_id = ? ORDER BY e.seq",
            (tracked_id,),
        ):
            day = None if accessed is None else dt.date.fromisoformat(accessed)
            evidence.setdefault(seq, []).append(Evidence(url, quote, day, note))
        return Verification(
            VerificationRecord(
                seq=seq,
                status=Status(status),
                at=dt.datetime.fromisoformat(at),
                rating=rating,
                reviewer=reviewer,
                note=note,
                url=url,
                evidence=evidence.get(seq, ()),
            )
            for seq, status, rating, reviewer, note, url, at in connection.execute(
                "SELECT seq, status, rating, reviewer, note, url, at FROM reviews "
                "WHERE tracked_id = ? ORDER BY seq",
                (tracked_id,),
            )
        )

    def claims(
        self,
        *,
        speaker: str | None = None,
        kind: ClaimKind | str | None = None,
        actor: str | None = None,
        reference: str | None = None,
        status: Status | str | None = None,
        rating: str | None = None,
        text: str | None = None,
        said_since: dt.date | str | None = None,
        said_until: dt.date | str | None = None,
        about_since: dt.date | str | None = None,
        about_until: dt.date | str | None = None,
        include_superseded: bool = False,
        limit: int | None = 50,
        offset: int = 0,
    ) -> Page:
        """One page of the tracked claims that match every filter given.

        A tracked claim matches when one of its appearances matches all the filters on
        appearances (speaker, kind, actor, reference, text, dates) and its verification
        matches ``status`` and ``rating``. Claims come in the order first made.

        Args:
            speaker: Who said it (any case).
            kind: Its kind.
            actor: A country, organisation or person it names (canonical name, any case).
            reference: A document it cites: its identifier (``2254``), kind and
                identifier (``Resolution 2254``) or text as written.
            status: Where it stands in verification.
            rating: Its current rating.
            text: Words it contains, all of them (full-text search).
            said_since: Said in a transcript published on or after this date.
            said_until: Said in a transcript published on or before this date.
            about_since: About a time that ends on or after this date.
            about_until: About a time that starts on or before this date.
            include_superseded: Also search transcripts replaced by a corrected version.
            limit: The most claims on the page; ``None`` for all.
            offset: How many matching claims to skip.

        Raises:
            QueryError: A date is not ISO, or a kind or status is unknown.

        >>> import claimtrack
        >>> t = claimtrack.read_transcript("examples/lavrov-interfax-2017-12-28.txt")
        >>> with ClaimStore(":memory:") as store:
        ...     _ = store.ingest_transcript(t)
        ...     cited = store.claims(reference="Resolution 2254")
        ...     memo = store.claims(
        ...         kind="event", about_since="2017-11-01", about_until="2017-11-09"
        ...     )
        >>> cited.total, [c.first_appearance.speaker for c in cited]
        (2, ['Sergey Lavrov', 'Sergey Lavrov'])
        >>> [c.text[:40] for c in memo]
        ['In addition, on November 8, Russia, the ']
        """
        if (limit is not None and limit < 0) or offset < 0:
            msg = f"limit={limit} and offset={offset} must not be negative"
            raise QueryError(msg)
        on_appearance: list[tuple[str, tuple[Any, ...]]] = []
        on_tracked: list[tuple[str, tuple[Any, ...]]] = []
        if speaker is not None:
            on_appearance.append(("speaker", (speaker,)))
        if kind is not None:
            on_appearance.append(("kind", (_enum(ClaimKind, kind, "kind").value,)))
        if actor is not None:
            on_appearance.append(("actor", (actor.strip(),)))
        if reference is not None:
            ref = " ".join(reference.split())
            on_appearance.append(("reference", (ref, ref, ref)))
        if text is not None:
            on_appearance.extend(self._text_conditions(text))
        for name, value in (
            ("said_since", said_since),
            ("said_until", said_until),
            ("about_since", about_since),
            ("about_until", about_until),
        ):
            day = _iso_date(value, name)
            if day is not None:
                on_appearance.append((name, (day,)))
        if not include_superseded:
            on_appearance.append(("current", ()))
        if status is not None:
            on_tracked.append(("status", (_enum(Status, status, "status").value,)))
        if rating is not None:
            on_tracked.append(("rating", (self._scale.canonical(rating) or rating,)))
        # Every fragment comes from _ON_TRACKED or _ON_APPEARANCE; values are parameters.
        appearing = " AND ".join(
            ["c.tracked_id = t.id", *(_ON_APPEARANCE[n] for n, _ in on_appearance)]
        )
        where = " AND ".join(
            [
                "t.merged_into IS NULL",
                *(_ON_TRACKED[name] for name, _ in on_tracked),
                _EXISTS_APPEARANCE.format(appearing),
            ]
        )
        params = [
            *(p for _, ps in on_tracked for p in ps),
            *(p for _, ps in on_appearance for p in ps),
        ]
        count_sql = f"SELECT COUNT(*) FROM tracked t WHERE {where}"  # noqa: S608
        page_sql = (
            f"SELECT t.id FROM tracked t WHERE {where} "  # noqa: S608
            f"ORDER BY {_FIRST_SAID}, t.rowid LIMIT ? OFFSET ?"
        )

        def work(connection: sqlite3.Connection) -> Page:
            total = connection.execute(count_sql, params).fetchone()[0]
            ids = [
                row[0]
                for row in connection.execute(
                    page_sql, [*params, -1 if limit is None else limit, offset]
                )
            ]
            return Page(
                [self._load(connection, i, include_superseded) for i in ids],
                total=total,
                offset=offset,
            )

        return self._read(work)

    def __iter__(self) -> Iterator[TrackedClaim]:
        """Every tracked claim, in the order first made.

        >>> with ClaimStore(":memory:") as store:
        ...     list(store)
        []
        """
        return iter(self.claims(limit=None))

    def _text_conditions(self, text: str) -> list[tuple[str, tuple[Any, ...]]]:
        words = _SEARCH_WORD.findall(text)
        if not words:
            return []
        if self._search == "fts5":
            query = " ".join('"' + word.replace('"', '""') + '"' for word in words)
            return [("fts5", (query,))]
        return [("like", ("%" + _LIKE_SPECIAL.sub(r"\\\1", word) + "%",)) for word in words]

    # -- corrections ------------------------------------------------------------------

    def merge(
        self,
        into: str,
        other: str,
        *,
        reviewer: str | None = None,
        note: str | None = None,
        now: dt.datetime | None = None,
    ) -> TrackedClaim:
        """Makes two tracked claims one: ``other``'s appearances join ``into``.

        The merged claim keeps ``into``'s verification; ``other``'s id goes on naming
        it. The correction is recorded, with who made it and why.

        Raises:
            UnknownClaimError: Either id is unknown.
            CorrectionError: They are one tracked claim already.

        >>> import claimtrack
        >>> store = ClaimStore(":memory:")
        >>> briefing = claimtrack.read_transcript("examples/briefing-2018-01-15.txt")
        >>> tc = store.ingest_transcript(briefing).tracked[0]
        >>> other = store.claims(kind="event").claims[0].id
        >>> merged = store.merge(tc, other, reviewer="Ann", note="one claim")
        >>> merged.id == tc, len(merged.appearances), store.get(other) == merged
        (True, 2, True)
        >>> store.close()
        """
        at = self._now(now)

        def work(connection: sqlite3.Connection) -> TrackedClaim:
            keep, gone = self._resolve(connection, into), self._resolve(connection, other)
            if keep == gone:
                msg = f"{into} and {other} are one tracked claim already ({keep}); nothing to merge"
                raise CorrectionError(msg)
            connection.execute(
                "UPDATE claims SET tracked_id = ? WHERE tracked_id = ?", (keep, gone)
            )
            connection.execute("UPDATE tracked SET merged_into = ? WHERE id = ?", (keep, gone))
            connection.execute(
                "INSERT INTO corrections (action, tracked_id, other_id, reviewer, note, at) "
                "VALUES ('merge', ?, ?, ?, ?, ?)",
                (keep, gone, reviewer, note, at.isoformat()),
            )
            return self._load(connection, keep, False)

        return self._write(work)

    def split(
        self,
        claim_id: str,
        *,
        reviewer: str | None = None,
        note: str | None = None,
        now: dt.datetime | None = None,
    ) -> TrackedClaim:
        """Takes a claim out of its tracked claim into a new one of its own; returns it.

        The split is kept: later ingests only ever add new claims to tracked claims and
        never join two, and a corrected transcript's claim follows its earlier
        version's tracked claim.

        Raises:
            UnknownClaimError: No claim has this id.
            CorrectionError: The claim is its tracked claim's only appearance.

        >>> import claimtrack
        >>> store = ClaimStore(":memory:")
        >>> briefing = claimtrack.read_transcript("examples/briefing-2018-01-15.txt")
        >>> tc = store.ingest_transcript(briefing).tracked[0]
        >>> other = store.claims(kind="event").claims[0].id
        >>> merged = store.merge(tc, other)
        >>> alone = store.split(merged.appearances[1].claim_id, note="two claims after all")
        >>> len(store.get(tc).appearances), len(alone.appearances), alone.id != tc
        (1, 1, True)
        >>> store.close()
        """
        at = self._now(now)

        def work(connection: sqlite3.Connection) -> TrackedClaim:
            row = connection.execute(
                "SELECT tracked_id FROM claims WHERE id = ?", (claim_id,)
            ).fetchone()
            if row is None:
                msg = (
                    f"{claim_id}: no claim in {self._path} has this id; split takes a claim's "
                    "id (cl-...), as listed in a tracked claim's appearances"
                )
                raise UnknownClaimError(msg)
            old = row[0]
            others = connection.execute(
                "SELECT COUNT(*) FROM claims WHERE tracked_id = ? AND id != ?", (old, claim_id)
            ).fetchone()[0]
            if not others:
                msg = f"{claim_id} is the only appearance of {old}; there is nothing to split"
                raise CorrectionError(msg)
            new = self._new_tracked(connection, f"split:{claim_id}", at)
            connection.execute("UPDATE claims SET tracked_id = ? WHERE id = ?", (new, claim_id))
            connection.execute(
                "INSERT INTO corrections (action, tracked_id, other_id, claim_id, reviewer, note, "
                "at) VALUES ('split', ?, ?, ?, ?, ?, ?)",
                (old, new, claim_id, reviewer, note, at.isoformat()),
            )
            return self._load(connection, new, True)

        return self._write(work)

    def corrections(self) -> list[dict[str, Any]]:
        """Every merge and split a person made, oldest first, as recorded.

        Each is a dict with ``action`` (``merge`` or ``split``), ``tracked_id`` (the
        claim kept, or split from), ``other_id`` (the claim merged in, or split off),
        ``claim_id`` (for a split), ``reviewer``, ``note`` and ``at``.

        >>> with ClaimStore(":memory:") as store:
        ...     store.corrections()
        []
        """
        names = ("action", "tracked_id", "other_id", "claim_id", "reviewer", "note", "at")
        rows = self._read(
            lambda c: c.execute(
                "SELECT action, tracked_id, other_id, claim_id, reviewer, note, at "
                "FROM corrections ORDER BY seq"
            ).fetchall()
        )
        return [dict(zip(names, row, strict=True)) for row in rows]

    # -- verification -----------------------------------------------------------------

    def verification(self, identifier: str) -> Verification:
        """Where a tracked claim stands in verification, with its whole history.

        >>> import claimtrack
        >>> store = ClaimStore(":memory:")
        >>> briefing = claimtrack.read_transcript("examples/briefing-2018-01-15.txt")
        >>> tc = store.ingest_transcript(briefing).tracked[0]
        >>> store.verification(tc).status.value
        'unverified'
        >>> store.close()
        """
        return self._read(lambda c: self._verification(c, self._resolve(c, identifier)))

    def review(
        self,
        identifier: str,
        *,
        reviewer: str | None = None,
        note: str | None = None,
        evidence: Iterable[Evidence] = (),
        now: dt.datetime | None = None,
    ) -> Verification:
        """Puts a tracked claim in review (from unverified, or reopening a rated one).

        Raises:
            VerificationError: It is in review already.

        >>> import claimtrack
        >>> store = ClaimStore(":memory:")
        >>> briefing = claimtrack.read_transcript("examples/briefing-2018-01-15.txt")
        >>> tc = store.ingest_transcript(briefing).tracked[0]
        >>> store.review(tc, reviewer="Ann", note="numbers to check").status.value
        'in_review'
        >>> store.close()
        """
        return self._step(
            identifier,
            target=Status.IN_REVIEW,
            reviewer=reviewer,
            note=note,
            evidence=evidence,
            now=now,
        )

    def rate(
        self,
        identifier: str,
        rating: str,
        *,
        reviewer: str | None = None,
        note: str | None = None,
        url: str | None = None,
        evidence: Iterable[Evidence] = (),
        now: dt.datetime | None = None,
    ) -> Verification:
        """Rates a tracked claim in review on the store's scale.

        Args:
            identifier: The tracked claim (or one of its claims).
            rating: A rating of :attr:`scale` (any case).
            reviewer: Who rated it.
            note: Why.
            url: Where the review is published (ClaimReview's ``url``).
            evidence: What the rating rests on.
            now: When (default: the store's clock).

        Raises:
            VerificationError: The claim is not in review, or the rating is unknown.

        >>> import datetime as dt, claimtrack
        >>> t = claimtrack.parse_transcript(
        ...     "ANN LEE: Four de-escalation zones operate in Syria.", published="2018-01-15"
        ... )
        >>> when = dt.datetime(2020, 5, 2, tzinfo=dt.timezone.utc)
        >>> with ClaimStore(":memory:") as store:
        ...     tc = store.ingest_transcript(t).tracked[0]
        ...     _ = store.review(tc, reviewer="Bo", now=when)
        ...     done = store.rate(tc, "Mostly true", reviewer="Bo", now=when)
        >>> done.status.value, done.rating, len(done.history)
        ('rated', 'mostly true', 2)
        """
        where = f"{identifier} ({self._path})"
        name = _verify.check_rating(self._scale, rating, where=where)
        return self._step(
            identifier,
            target=Status.RATED,
            rating=name,
            reviewer=reviewer,
            note=note,
            url=url,
            evidence=evidence,
            now=now,
        )

    def withdraw(
        self,
        identifier: str,
        *,
        reviewer: str | None = None,
        note: str | None = None,
        now: dt.datetime | None = None,
    ) -> Verification:
        """Withdraws a review: the tracked claim is unverified again.

        Raises:
            VerificationError: It is not in review.

        >>> import claimtrack
        >>> store = ClaimStore(":memory:")
        >>> briefing = claimtrack.read_transcript("examples/briefing-2018-01-15.txt")
        >>> tc = store.ingest_transcript(briefing).tracked[0]
        >>> _ = store.review(tc)
        >>> [r.status.value for r in store.withdraw(tc, note="not worth it").history]
        ['in_review', 'unverified']
        >>> store.close()
        """
        return self._step(
            identifier, target=Status.UNVERIFIED, reviewer=reviewer, note=note, now=now
        )

    def add_evidence(
        self,
        identifier: str,
        evidence: Evidence | Iterable[Evidence],
        *,
        reviewer: str | None = None,
        note: str | None = None,
        now: dt.datetime | None = None,
    ) -> Verification:
        """Adds evidence to a tracked claim in review or rated, as a new step.

        Raises:
            VerificationError: The claim is unverified (start a review first).

        >>> import claimtrack
        >>> store = ClaimStore(":memory:")
        >>> briefing = claimtrack.read_transcript("examples/briefing-2018-01-15.txt")
        >>> tc = store.ingest_transcript(briefing).tracked[0]
        >>> _ = store.review(tc)
        >>> found = store.add_evidence(tc, Evidence("https://example.org/zones", quote="four"))
        >>> [e.url for e in found.evidence], found.status.value
        (['https://example.org/zones'], 'in_review')
        >>> store.close()
        """
        items = (evidence,) if isinstance(evidence, Evidence) else tuple(evidence)
        return self._step(
            identifier, target=None, reviewer=reviewer, note=note, evidence=items, now=now
        )

    def _step(
        self,
        identifier: str,
        *,
        target: Status | None,
        rating: str | None = None,
        reviewer: str | None,
        note: str | None,
        url: str | None = None,
        evidence: Iterable[Evidence] = (),
        now: dt.datetime | None,
    ) -> Verification:
        at = self._now(now)
        items = [
            item if item.accessed is not None else attrs.evolve(item, accessed=at.date())
            for item in evidence
        ]

        def work(connection: sqlite3.Connection) -> Verification:
            tracked_id = self._resolve(connection, identifier)
            current = self._verification(connection, tracked_id)
            where = f"{identifier} ({self._path})"
            if target is None:
                _verify.check_evidence(current.status, where=where)
                status, kept = current.status, current.rating
            else:
                _verify.check_transition(current.status, target, where=where)
                status, kept = target, rating
            seq = connection.execute(
                "INSERT INTO reviews (tracked_id, status, rating, reviewer, note, url, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (tracked_id, status.value, kept, reviewer, note, url, at.isoformat()),
            ).lastrowid
            connection.executemany(
                "INSERT INTO evidence (review_seq, url, quote, accessed, note) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    (seq, e.url, e.quote, e.accessed.isoformat() if e.accessed else None, e.note)
                    for e in items
                ),
            )
            return self._verification(connection, tracked_id)

        return self._write(work)


@attrs.frozen
class _TranscriptRow:
    id: str
    source: str
    published: str
    title: str | None
    language: str
    text: str | None


_E = TypeVar("_E", ClaimKind, Status)


def _enum(kind: type[_E], value: _E | str, name: str) -> _E:
    if isinstance(value, kind):
        return value
    try:
        return kind(str(value).strip().lower().replace(" ", "_"))
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        msg = f"{name}={value!r} is unknown; give one of: {choices}"
        raise QueryError(msg) from None
