"""The store's commands for the ``claimtrack`` command line.

``ingest``, ``claims``, ``show``, ``verify``, ``merge``, ``split``, ``export`` and
``import`` work on one store: ``--db PATH``, else ``$CLAIMTRACK_DB``, else ``claims.db``
in the working directory.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

from claimtrack import export
from claimtrack._cli_common import add_reading_options, check_threshold, read_input
from claimtrack._model import ClaimKind, Status
from claimtrack.exceptions import StoreError
from claimtrack.store._store import DEFAULT_DB, ClaimStore
from claimtrack.store._types import Evidence, TrackedClaim
from claimtrack.store._verify import check_rating

__all__ = ["DB_ENV", "register"]

#: The environment variable naming the default store.
DB_ENV = "CLAIMTRACK_DB"


def register(commands: argparse._SubParsersAction[Any]) -> None:
    """Adds the store's subcommands to the command line's parser."""
    for add in (
        _add_ingest,
        _add_claims,
        _add_show,
        _add_verify,
        _add_corrections,
        _add_export,
        _add_import,
    ):
        add(commands)


def _add_ingest(commands: argparse._SubParsersAction[Any]) -> None:
    ingest = commands.add_parser(
        "ingest",
        help="store transcripts and their claims",
        description="Extract the claims of transcripts and store them, tracked across "
        "transcripts. A transcript stored already changes nothing; a corrected one (same "
        "file, new text) is stored as its next version.",
    )
    ingest.add_argument("files", nargs="+", metavar="FILE", help="transcripts; - for stdin")
    add_reading_options(ingest)
    _db(ingest)
    ingest.set_defaults(handler=_ingest)


def _add_claims(commands: argparse._SubParsersAction[Any]) -> None:
    claims = commands.add_parser(
        "claims",
        help="list tracked claims",
        description="List the tracked claims matching every filter, in the order first made.",
    )
    claims.add_argument("--speaker", help="said by this speaker")
    claims.add_argument("--kind", choices=[k.value for k in ClaimKind], help="of this kind")
    claims.add_argument("--actor", help="naming this country, organisation or person")
    claims.add_argument("--reference", help="citing this document (2254, 'Resolution 2254')")
    claims.add_argument("--status", choices=[s.value for s in Status], help="in this status")
    claims.add_argument("--rating", help="with this rating")
    claims.add_argument("--text", help="containing these words")
    claims.add_argument("--since", help="said on or after this date (ISO)")
    claims.add_argument("--until", help="said on or before this date (ISO)")
    claims.add_argument("--about-since", help="about a time ending on or after this date")
    claims.add_argument("--about-until", help="about a time starting on or before this date")
    claims.add_argument(
        "--all-versions", action="store_true", help="also search superseded transcripts"
    )
    claims.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    claims.add_argument("--offset", type=int, default=0, help="skip this many first")
    claims.add_argument(
        "--format",
        choices=("jsonl", "table"),
        default="jsonl",
        help="one JSON object a tracked claim (default), or a table for reading",
    )
    _db(claims)
    claims.set_defaults(handler=_claims)


def _add_show(commands: argparse._SubParsersAction[Any]) -> None:
    show = commands.add_parser(
        "show",
        help="show a tracked claim with its verification history",
        description="Print a tracked claim (by its id, or one of its claims' ids) as JSON.",
    )
    show.add_argument("id", help="a tracked claim's id (tc-...) or a claim's id (cl-...)")
    _db(show)
    show.set_defaults(handler=_show)


def _add_verify(commands: argparse._SubParsersAction[Any]) -> None:
    verify = commands.add_parser(
        "verify",
        help="review, rate, or add evidence to a tracked claim",
        description="Move a tracked claim through verification: --review puts it in "
        "review, --rating rates it (after a review; both may be given at once), --withdraw "
        "withdraws a review; --evidence adds evidence. Every step is kept.",
    )
    verify.add_argument("id", help="a tracked claim's id (tc-...) or a claim's id (cl-...)")
    step = verify.add_mutually_exclusive_group()
    step.add_argument("--withdraw", action="store_true", help="withdraw the review")
    step.add_argument(
        "--rating", help="the rating, from the store's scale (opens the review if need be)"
    )
    verify.add_argument("--review", action="store_true", help="put the claim in review")
    verify.add_argument(
        "--evidence", action="append", default=[], metavar="URL", help="evidence (repeatable)"
    )
    verify.add_argument("--quote", help="what the evidence says")
    verify.add_argument("--note", help="the reviewer's note")
    verify.add_argument("--reviewer", help="who reviews")
    verify.add_argument("--url", help="where the review is published (with --rating)")
    _db(verify)
    verify.set_defaults(handler=_verify)


def _add_corrections(commands: argparse._SubParsersAction[Any]) -> None:
    merge = commands.add_parser(
        "merge",
        help="make two tracked claims one",
        description="Join the second tracked claim's appearances to the first's.",
    )
    merge.add_argument("id", help="the tracked claim to keep")
    merge.add_argument("other", help="the tracked claim to merge into it")
    _correction(merge)
    merge.set_defaults(handler=_merge)

    split = commands.add_parser(
        "split",
        help="take a claim out of its tracked claim",
        description="Make a claim (cl-...) a tracked claim of its own; later ingests keep "
        "it apart.",
    )
    split.add_argument("claim_id", help="the claim's id (cl-...)")
    _correction(split)
    split.set_defaults(handler=_split)


def _add_export(commands: argparse._SubParsersAction[Any]) -> None:
    export = commands.add_parser(
        "export",
        help="export tracked claims",
        description="Export: ClaimReview JSON-LD of the rated claims, Web Annotation "
        "JSON-LD of every appearance, or JSON Lines or CSV of every claim.",
    )
    export.add_argument(
        "--format", choices=("claimreview", "annotation", "jsonl", "csv"), required=True
    )
    export.add_argument("--out", help="write to this file (default standard output)")
    export.add_argument("--base-url", help="ClaimReview url: this, then the tracked claim's id")
    export.add_argument("--publisher", help="the organisation publishing the ClaimReviews")
    _db(export)
    export.set_defaults(handler=_export)


def _add_import(commands: argparse._SubParsersAction[Any]) -> None:
    load = commands.add_parser(
        "import",
        help="store claims from JSON Lines",
        description="Store the claims of a JSON Lines file (claimtrack extract or export).",
    )
    load.add_argument("file", help="the JSON Lines file; - for standard input")
    _db(load)
    load.set_defaults(handler=_import)


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", help=f"the store (default ${DB_ENV}, else {DEFAULT_DB} in this directory)"
    )


def _correction(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reviewer", help="who makes the correction")
    parser.add_argument("--note", help="why")
    _db(parser)


def _store(args: argparse.Namespace) -> ClaimStore:
    return ClaimStore(args.db or os.environ.get(DB_ENV) or DEFAULT_DB)


def _ingest(args: argparse.Namespace) -> int:
    threshold = check_threshold(args.threshold)
    transcripts = [read_input(path, args) for path in args.files]
    with _store(args) as store:
        for transcript in transcripts:
            result = store.ingest_transcript(transcript, threshold=threshold)
            if not result.changed:
                what = "unchanged (stored already)"
            else:
                what = (
                    f"{result.claims} claims, {result.new_tracked} new tracked, "
                    f"{result.matched} matched"
                )
                if result.supersedes:
                    what += f"; corrects {result.supersedes}"
            sys.stdout.write(f"{transcript.source}: {result.transcript_id}: {what}\n")
    return 0


def _claims(args: argparse.Namespace) -> int:
    with _store(args) as store:
        page = store.claims(
            speaker=args.speaker,
            kind=args.kind,
            actor=args.actor,
            reference=args.reference,
            status=args.status,
            rating=args.rating,
            text=args.text,
            said_since=args.since,
            said_until=args.until,
            about_since=args.about_since,
            about_until=args.about_until,
            include_superseded=args.all_versions,
            limit=args.limit,
            offset=args.offset,
        )
    if args.format == "jsonl":
        for tracked in page:
            sys.stdout.write(json.dumps(export.tracked_to_dict(tracked), ensure_ascii=False) + "\n")
    else:
        _table(page.claims, sys.stdout)
        if page.next_offset is not None:
            sys.stdout.write(f"... {page.total} in all; next page: --offset {page.next_offset}\n")
    return 0


def _table(claims: tuple[TrackedClaim, ...], out: IO[str]) -> None:
    out.write(f"{'id':<20}{'status':<12}{'rating':<14}{'seen':>4}  {'speaker':<18}text\n")
    for tracked in claims:
        speaker = (tracked.first_appearance.speaker or "")[:17]
        out.write(
            f"{tracked.id:<20}{tracked.status.value:<12}{tracked.rating or '':<14}"
            f"{len(tracked.appearances):>4}  {speaker:<18}{' '.join(tracked.text.split())}\n"
        )


def _show(args: argparse.Namespace) -> int:
    with _store(args) as store:
        tracked = store.get(args.id, include_superseded=True)
    data = export.tracked_to_dict(tracked, history=True)
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return 0


def _verify(args: argparse.Namespace) -> int:
    if not (args.review or args.rating or args.withdraw or args.evidence):
        msg = "verify needs a step: --review, --rating R, --withdraw or --evidence URL"
        raise StoreError(msg)
    evidence = [Evidence(url, quote=args.quote) for url in args.evidence]
    with _store(args) as store:
        if args.withdraw:
            store.withdraw(args.id, reviewer=args.reviewer, note=args.note)
        # Rating an unverified claim opens its review first: both steps are recorded.
        if args.rating:
            check_rating(store.scale, args.rating, where=f"{args.id} ({store.path})")
        opening = args.rating and store.get(args.id).status is Status.UNVERIFIED
        if args.review or opening:
            store.review(
                args.id,
                reviewer=args.reviewer,
                note=None if args.rating else args.note,
                evidence=() if args.rating else evidence,
            )
        if args.rating:
            store.rate(
                args.id,
                args.rating,
                reviewer=args.reviewer,
                note=args.note,
                url=args.url,
                evidence=evidence,
            )
        elif evidence and not args.review:
            store.add_evidence(args.id, evidence, reviewer=args.reviewer, note=args.note)
        tracked = store.get(args.id)
    verification, tracked_id = tracked.verification, tracked.id
    state = verification.status.value.replace("_", " ")
    if verification.rating:
        state += f": {verification.rating}"
    sys.stdout.write(f"{tracked_id}: {state}\n")
    return 0


def _merge(args: argparse.Namespace) -> int:
    with _store(args) as store:
        tracked = store.merge(args.id, args.other, reviewer=args.reviewer, note=args.note)
    sys.stdout.write(f"{tracked.id}: {len(tracked.appearances)} appearances\n")
    return 0


def _split(args: argparse.Namespace) -> int:
    with _store(args) as store:
        tracked = store.split(args.claim_id, reviewer=args.reviewer, note=args.note)
    sys.stdout.write(f"{args.claim_id}: now {tracked.id}\n")
    return 0


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            yield handle
    except OSError as err:
        msg = f"{path}: cannot be written ({err.strerror}); give a writable path to --out"
        raise StoreError(msg) from None


def _export(args: argparse.Namespace) -> int:
    with _store(args) as store:
        tracked = list(store)
        scale = store.scale
    with _output(args.out) as out:
        if args.format == "claimreview":
            data: list[dict[str, Any]] = export.claim_reviews(
                tracked, scale=scale, base_url=args.base_url, publisher=args.publisher
            )
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        elif args.format == "annotation":
            data = export.annotations(tracked)
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        elif args.format == "jsonl":
            export.write_claims_jsonl(tracked, out)
        else:
            export.write_claims_csv(tracked, out)
    return 0


def _import(args: argparse.Namespace) -> int:
    with _store(args) as store:
        if args.file == "-":
            results = export.import_jsonl(store, sys.stdin, source="<stdin>")
        else:
            try:
                with open(args.file, encoding="utf-8") as handle:
                    results = export.import_jsonl(store, handle, source=args.file)
            except OSError as err:
                msg = f"{args.file}: cannot be read ({err.strerror}); give a JSON Lines file"
                raise StoreError(msg) from None
    stored = sum(r.claims for r in results)
    sys.stdout.write(f"{args.file}: {stored} claims stored from {len(results)} transcripts\n")
    return 0
