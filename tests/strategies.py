"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from claimtrack import (
    Actor,
    Claim,
    ClaimKind,
    Provenance,
    Quantity,
    Reference,
    Status,
    TimeValue,
)

#: The fields every claim's JSON object has (docs/format.md).
CLAIM_FIELDS = frozenset(
    "id kind text start end speaker turn time quantities references actors source status "
    "score".split()
)

#: Text of every kind: letters, digits, punctuation, newlines, any code point.
any_text = st.text(max_size=400)

#: Text that looks like transcript prose, with labels, dates and numbers in it.
_WORDS = st.sampled_from(
    [
        "Question:",
        "Sergey Lavrov:",
        "JOHN DICKERSON:",
        "Mr.",
        "U.S.",
        "No.",
        "Dec.",
        "on",
        "November",
        "8",
        "2017",
        "since",
        "last",
        "summer",
        "we",
        "will",
        "may",
        "Resolution",
        "2254",
        "Four",
        "zones",
        "3.5",
        "million",
        "$2",
        "40%",
        "signed",
        "the",
        "United",
        "States",
        "Russia",
        "said",
        "that",
        "early",
        "next",
        "year",
        ".",
        "?",
        "!",
        ",",
        "\n",
        "\n\n",
        "“",
        "”",
        "(",
        ")",
        "–",
        "...",
    ]
)
prose = st.lists(_WORDS, max_size=80).map(" ".join)

dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
_names = st.text(min_size=1, max_size=30)
_offsets = st.integers(min_value=0, max_value=10_000)


@st.composite
def spans(draw: st.DrawFn) -> tuple[int, int]:
    start = draw(_offsets)
    return start, start + draw(st.integers(min_value=0, max_value=500))


@st.composite
def time_values(draw: st.DrawFn) -> TimeValue:
    start, end = draw(spans())
    explicit = draw(st.booleans())
    return TimeValue(
        draw(st.sampled_from(["2017-11-08", "2017-SU", "P1Y", "PRESENT_REF", "XXXX-11-08"])),
        draw(st.sampled_from(["DATE", "TIME", "DURATION", "SET"])),
        draw(dates),
        text=draw(_names) if explicit else None,
        start=start if explicit else None,
        end=end if explicit else None,
        mod=draw(st.none() | st.sampled_from(["START", "END", "APPROX"])),
        earliest=draw(st.none() | dates),
        latest=draw(st.none() | dates),
        reason=draw(st.none() | _names),
        alternative=draw(st.none() | _names),
    )


_numbers = st.integers(min_value=-(10**15), max_value=10**15) | st.floats(
    allow_nan=False, allow_infinity=False
)
quantities = st.builds(Quantity, _names, _numbers, unit=st.none() | _names, mod=st.none() | _names)
references = st.builds(
    Reference,
    _names,
    st.sampled_from(["resolution", "law", "treaty", "statement"]),
    identifier=st.none() | _names,
    issuer=st.none() | _names,
)
actors = st.builds(Actor, _names, st.sampled_from(["country", "organisation", "person"]))


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    start, end = draw(spans())
    provenance = Provenance(
        draw(_names),
        draw(st.text(max_size=30)),
        start,
        end,
        draw(st.text(max_size=200)),
        speaker=draw(st.none() | _names),
        turn=draw(st.none() | _offsets),
        sentence_start=start,
        sentence_end=end,
        context_before=draw(st.text(max_size=60)),
        context_after=draw(st.text(max_size=60)),
        extractor="test",
        extractor_version="1",
    )
    return Claim(
        draw(_names),
        draw(st.sampled_from(list(ClaimKind))),
        provenance,
        time=draw(st.none() | time_values()),
        quantities=draw(st.lists(quantities, max_size=3)),
        references=draw(st.lists(references, max_size=3)),
        actors=draw(st.lists(actors, max_size=3)),
        attributed_to=draw(st.none() | _names),
        score=draw(st.floats(min_value=0.0, max_value=1.0)),
        features=draw(
            st.dictionaries(_names, st.floats(allow_nan=False, allow_infinity=False), max_size=4)
        ).items(),
        status=draw(st.sampled_from(list(Status))),
    )
