"""The store's SQLite schema, its versions and the migrations between them.

A claimtrack store is an SQLite file whose ``application_id`` is :data:`APPLICATION_ID`
and whose ``user_version`` is its schema version. Opening a store brings it to
:data:`LATEST` by running the missing steps of :data:`MIGRATIONS` in order, in one
transaction. A file that is not SQLite, or is another application's database, is
refused with :class:`~claimtrack.exceptions.StoreCorruptError`; a store made by a newer
claimtrack with :class:`~claimtrack.exceptions.StoreError`.

Full-text search uses SQLite's FTS5 where this Python's sqlite3 has it; where it does
not, the store records ``search = like`` in its ``meta`` table and searches with
``LIKE`` over the claims' text instead (slower, same results for plain words).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from typing import NoReturn, TypeVar

import attrs

from claimtrack.exceptions import StoreCorruptError, StoreError

__all__ = [
    "APPLICATION_ID",
    "LATEST",
    "MIGRATIONS",
    "Migration",
    "connect",
    "fts5_available",
    "is_busy",
    "migrate",
    "raise_for",
    "retry_busy",
]

_T = TypeVar("_T")

#: The ``application_id`` of a claimtrack store ("ClTk").
APPLICATION_ID = 0x436C546B

_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6

_V1 = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE transcripts (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        published TEXT NOT NULL,
        title TEXT,
        language TEXT NOT NULL,
        text TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        supersedes TEXT REFERENCES transcripts(id),
        superseded_by TEXT REFERENCES transcripts(id),
        ingested TEXT NOT NULL
    )""",
    "CREATE INDEX transcripts_source ON transcripts(source)",
    """CREATE TABLE tracked (
        id TEXT PRIMARY KEY,
        merged_into TEXT REFERENCES tracked(id),
        created TEXT NOT NULL
    )""",
    """CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        transcript_id TEXT NOT NULL REFERENCES transcripts(id),
        tracked_id TEXT NOT NULL REFERENCES tracked(id),
        kind TEXT NOT NULL,
        speaker TEXT,
        text TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        time_value TEXT,
        time_earliest TEXT,
        time_latest TEXT,
        words TEXT NOT NULL,
        content TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    "CREATE INDEX claims_tracked ON claims(tracked_id)",
    "CREATE INDEX claims_transcript ON claims(transcript_id)",
    "CREATE INDEX claims_speaker ON claims(speaker COLLATE NOCASE)",
    """CREATE TABLE claim_words (
        word TEXT NOT NULL,
        claim_id TEXT NOT NULL REFERENCES claims(id),
        PRIMARY KEY (word, claim_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE claim_actors (
        claim_id TEXT NOT NULL REFERENCES claims(id),
        name TEXT NOT NULL COLLATE NOCASE,
        type TEXT NOT NULL,
        PRIMARY KEY (claim_id, name)
    )""",
    "CREATE INDEX claim_actors_name ON claim_actors(name)",
    """CREATE TABLE claim_references (
        claim_id TEXT NOT NULL REFERENCES claims(id),
        kind TEXT NOT NULL COLLATE NOCASE,
        identifier TEXT COLLATE NOCASE,
        text TEXT NOT NULL COLLATE NOCASE
    )""",
    "CREATE INDEX claim_references_claim ON claim_references(claim_id)",
    "CREATE INDEX claim_references_identifier ON claim_references(identifier)",
    """CREATE TABLE corrections (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
        tracked_id TEXT NOT NULL REFERENCES tracked(id),
        other_id TEXT NOT NULL REFERENCES tracked(id),
        claim_id TEXT REFERENCES claims(id),
        reviewer TEXT,
        note TEXT,
        at TEXT NOT NULL
    )""",
    """CREATE TABLE reviews (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tracked_id TEXT NOT NULL REFERENCES tracked(id),
        status TEXT NOT NULL CHECK (status IN ('unverified', 'in_review', 'rated')),
        rating TEXT,
        reviewer TEXT,
        note TEXT,
        url TEXT,
        at TEXT NOT NULL
    )""",
    "CREATE INDEX reviews_tracked ON reviews(tracked_id, seq)",
    """CREATE TABLE evidence (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        review_seq INTEGER NOT NULL REFERENCES reviews(seq),
        url TEXT NOT NULL,
        quote TEXT,
        accessed TEXT,
        note TEXT
    )""",
    "CREATE INDEX evidence_review ON evidence(review_seq)",
    *(
        f"""CREATE TRIGGER {table}_append_only_{event.lower()} BEFORE {event} ON {table}
        BEGIN SELECT RAISE(ABORT, 'the {table} history is append-only'); END"""
        for table in ("reviews", "evidence", "corrections")
        for event in ("UPDATE", "DELETE")
    ),
)


def fts5_available(connection: sqlite3.Connection) -> bool:
    """Whether this Python's SQLite has FTS5 (tried on a temporary table).

    >>> import sqlite3, contextlib
    >>> with contextlib.closing(sqlite3.connect(":memory:")) as c:
    ...     isinstance(fts5_available(c), bool)
    True
    """
    try:
        connection.execute("CREATE VIRTUAL TABLE temp.claimtrack_fts5_probe USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    connection.execute("DROP TABLE temp.claimtrack_fts5_probe")
    return True


def _v2(connection: sqlite3.Connection) -> None:
    if fts5_available(connection):
        connection.execute("CREATE VIRTUAL TABLE claim_search USING fts5(text, claim_id UNINDEXED)")
        connection.execute("INSERT INTO claim_search (text, claim_id) SELECT text, id FROM claims")
        search = "fts5"
    else:
        search = "like"
    connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search', ?)", (search,))


def _statements(*sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(connection: sqlite3.Connection) -> None:
        for statement in sql:
            connection.execute(statement)

    return run


@attrs.frozen
class Migration:
    """One step of the schema: what it does, and the version it brings a store to.

    Attributes:
        version: The schema version after the step.
        summary: What the step adds.
        apply: Runs the step on a connection inside the migration's transaction.
    """

    version: int
    summary: str
    apply: Callable[[sqlite3.Connection], None]


#: The schema's steps, in order; a store at version N has had the first N applied.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "transcripts, claims, tracked claims, corrections, reviews", _statements(*_V1)),
    Migration(2, "full-text search of claims (FTS5, or LIKE where it is missing)", _v2),
    Migration(
        3,
        "how many claims hold each word, to look up matches by their rarest words",
        _statements(
            "CREATE TABLE word_counts (word TEXT PRIMARY KEY, claims INTEGER NOT NULL) "
            "WITHOUT ROWID",
            "INSERT INTO word_counts (word, claims) "
            "SELECT word, COUNT(*) FROM claim_words GROUP BY word",
        ),
    ),
)

#: The schema version this claimtrack writes.
LATEST = MIGRATIONS[-1].version


def is_busy(error: sqlite3.Error) -> bool:
    """Whether an SQLite error means another connection holds the lock (SQLITE_BUSY)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    text = str(error)  # pragma: no cover - Python 3.10 has no error codes
    return "locked" in text or "busy" in text  # pragma: no cover


def _is_corrupt(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    return type(error) is sqlite3.DatabaseError  # pragma: no cover - Python 3.10


def raise_for(error: sqlite3.Error, path: str) -> NoReturn:
    """Raises the claimtrack error an SQLite error stands for (always raises)."""
    if _is_corrupt(error):
        msg = (
            f"{path} is not a claimtrack store ({error}); "
            "give a store made by claimtrack or a new path"
        )
        raise StoreCorruptError(msg) from None
    if is_busy(error):
        msg = (
            f"{path} stayed locked by another process ({error}); "
            "try again when it has finished, or give a longer timeout"
        )
        raise StoreError(msg) from None
    msg = f"{path}: the store failed ({error}); check the file and its directory are writable"
    raise StoreError(msg) from None


def connect(path: str, *, timeout: float) -> sqlite3.Connection:
    """Opens (or creates) the store at ``path`` and brings it to :data:`LATEST`.

    The connection is in autocommit mode: the store issues ``BEGIN IMMEDIATE`` and
    ``COMMIT`` itself. Files use write-ahead logging (WAL).

    Raises:
        StoreCorruptError: The file is not SQLite, is damaged, or is another
            application's database.
        StoreError: It cannot be opened, or was made by a newer claimtrack.
    """
    if path != ":memory:" and os.path.isdir(path):
        msg = f"{path} is a directory; give the path of a store file (e.g. {path}/claims.db)"
        raise StoreError(msg)
    try:
        connection = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    except sqlite3.Error as err:
        raise_for(err, path)
    try:
        retry_busy(lambda: _prepare(connection, path))
    except BaseException as err:
        connection.close()
        if isinstance(err, sqlite3.Error):
            raise_for(err, path)
        raise
    return connection


def _prepare(connection: sqlite3.Connection, path: str) -> None:
    _check_identity(connection, path)
    if path != ":memory:":
        connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA foreign_keys = ON")
    migrate(connection)


def retry_busy(work: Callable[[], _T], *, retries: int = 12) -> _T:
    """Runs ``work``, again after a growing pause while SQLite says another holds the lock.

    Each attempt already waits up to the connection's timeout; this covers locks held
    longer, and the cases where SQLite reports SQLITE_BUSY without waiting. Other
    errors, and the last busy one, are raised as they are.

    >>> retry_busy(lambda: 42)
    42
    """
    delay = 0.01
    attempt = 0
    while True:
        try:
            return work()
        except sqlite3.Error as err:
            if not is_busy(err) or attempt >= retries:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 1.0)
        attempt += 1


def _check_identity(connection: sqlite3.Connection, path: str) -> None:
    application = connection.execute("PRAGMA application_id").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if application == APPLICATION_ID:
        if version > LATEST:
            msg = (
                f"{path} has schema version {version}, made by a newer claimtrack "
                f"(this one knows up to {LATEST}); upgrade claimtrack to open it"
            )
            raise StoreError(msg)
        return
    tables = [
        row[0] for row in connection.execute("SELECT name FROM sqlite_master ORDER BY name LIMIT 4")
    ]
    if application != 0 or version != 0 or tables:
        what = f"tables {', '.join(tables)}" if tables else f"application id {application:#x}"
        msg = (
            f"{path} is not a claimtrack store (an SQLite database of another application: "
            f"{what}); give a store made by claimtrack or a new path"
        )
        raise StoreCorruptError(msg)


def migrate(connection: sqlite3.Connection, *, target: int = LATEST) -> int:
    """Brings a store to schema version ``target`` in one transaction; returns the old version.

    The version is read again once the write lock is held, so two processes opening a
    new or old store at once migrate it once.

    >>> import sqlite3, contextlib
    >>> with contextlib.closing(sqlite3.connect(":memory:", isolation_level=None)) as c:
    ...     before = (migrate(c, target=1), migrate(c))
    ...     after = c.execute("PRAGMA user_version").fetchone()[0]
    >>> before, after == LATEST
    ((0, 1), True)
    """
    version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    if version >= target:
        return version
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        for step in MIGRATIONS:
            if version < step.version <= target:
                step.apply(connection)
        if version < target:
            # PRAGMA takes no parameters; both values are integers from this module.
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")
            connection.execute(f"PRAGMA user_version = {int(target):d}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return version
