"""Find the times a text speaks of and normalise them to ISO-TimeML (TIMEX3).

The tagger is rule based: a set of compiled patterns (all linear on any input) finds
candidate expressions, the longest non-overlapping ones are kept, and each is resolved
against an anchor date, reading the tense of the sentence around it to decide whether a
year-less date, a weekday or ``last``/``next`` points before or after the anchor.

>>> [t.value for t in find_times("We met on November 8 and will meet again next week.",
...                              anchor="2017-12-28")]
['2017-11-08', '2018-W01']
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import dateutil.parser

from claimtrack._model import TimeValue
from claimtrack.exceptions import InvalidAnchorError
from claimtrack.mentions import _times_en, _times_lang
from claimtrack.mentions._times_calendar import apply_mod, value_interval
from claimtrack.mentions._times_core import Candidate, Context, Scanner

__all__ = ["SUPPORTED_LANGUAGES", "coerce_anchor", "find_times"]

#: Languages with their own rules; any other language gets the numeric rules only.
SUPPORTED_LANGUAGES = ("en", "de", "es", "fr", "ru")

_MOD_PREFIX = re.compile(
    r"(?:(?<![\w])(?:the[ \t]{1,2})?"
    r"(?P<m>early|late|mid|middle|earlier|later|very[ \t]early|very[ \t]late)(?:-[ \t]?|[ \t]{1,2})"
    r"|(?<![\w])the[ \t]{1,2}"
    r"(?P<p>beginning|start|end|middle|close|turn|first[ \t]days|last[ \t]days)"
    r"[ \t]{1,2}of[ \t]{1,2}(?:the[ \t]{1,2})?"
    r"|(?<![\w])(?P<a>about|around|approximately|circa|roughly|c\.|ca\.)[ \t]{1,2})$",
    re.IGNORECASE,
)
_MODS = {
    "early": "START", "very early": "START", "earlier": "START", "beginning": "START",
    "start": "START", "turn": "START", "first days": "START", "mid": "MID", "middle": "MID",
    "late": "END", "very late": "END", "later": "END", "end": "END", "close": "END",
    "last days": "END",
}  # fmt: skip
_TAIL_MODS = {
    "later": "ON_OR_AFTER",
    "after": "ON_OR_AFTER",
    "earlier": "ON_OR_BEFORE",
    "before": "ON_OR_BEFORE",
    "so": "APPROX",
}
_SINCE = re.compile(r"(?<![\w])(?:ever[ \t])?since[ \t]{1,2}$", re.IGNORECASE)
_UNTIL = re.compile(r"(?<![\w])(?:until|till|through|up[ \t]to)[ \t]{1,2}$", re.IGNORECASE)
_BEFORE = re.compile(r"(?<![\w])(?:before|prior[ \t]to)[ \t]{1,2}$", re.IGNORECASE)
_AFTER = re.compile(r"(?<![\w])after[ \t]{1,2}$", re.IGNORECASE)
_OR_LATER = re.compile(r"[ \t]or[ \t](?P<w>later|earlier|after|before|so)(?![\w])", re.IGNORECASE)
_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")
_QUARTER_REACH = 600
_YEAR_AGO = re.compile(r"year[ \t](?:ago|earlier|before)|year-(?:ago|earlier)", re.IGNORECASE)
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_DAY_REACH = 7  # days: a day named further from the anchor is another story's
_MODIFIABLE = re.compile(r"\d{2,4}(?:-(?:\d\d|W\d\d|Q\d|H\d|SP|SU|FA|WI))?(?:-\d\d)?")


def coerce_anchor(anchor: dt.date | dt.datetime | str) -> dt.date:
    """The anchor as a date: dates pass through, date-times lose their time, strings are parsed.

    Args:
        anchor: A date, a date-time or a string such as ``2017-12-28``,
            ``2017-12-28T16:08`` or ``28 December 2017``.

    Returns:
        The anchor's calendar date.

    Raises:
        InvalidAnchorError: When the anchor is of another type, empty or not a date.

    >>> coerce_anchor("2017-12-28T16:08")
    datetime.date(2017, 12, 28)
    >>> coerce_anchor(dt.datetime(2017, 12, 28, 16, 8))
    datetime.date(2017, 12, 28)
    >>> coerce_anchor("yesterday")
    Traceback (most recent call last):
    ...
    claimtrack.exceptions.InvalidAnchorError: anchor 'yesterday' is not a date; ...
    """
    given: object = anchor  # callers without type checking may pass anything
    if isinstance(given, dt.datetime):
        return given.date()
    if isinstance(given, dt.date):
        return given
    if not isinstance(given, str):
        msg = (
            f"anchor must be a datetime.date, datetime.datetime or ISO date string, not "
            f"{type(given).__name__}; pass e.g. '2017-12-28'"
        )
        raise InvalidAnchorError(msg)
    raw = given.strip()
    if not raw:
        msg = "anchor is an empty string; give an ISO date such as '2017-12-28'"
        raise InvalidAnchorError(msg)
    try:
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if re.search(r"\d", raw) and len(raw) <= 64:
        try:
            return dateutil.parser.parse(raw, default=dt.datetime(1900, 1, 1)).date()
        except (ValueError, OverflowError):
            pass
    msg = (
        f"anchor {anchor!r} is not a date; give an ISO date such as '2017-12-28' or a datetime.date"
    )
    raise InvalidAnchorError(msg)


@functools.lru_cache(maxsize=16)
def _scanner(language: str) -> Scanner:
    if language == "en":
        return Scanner(_times_en.RULES)
    return Scanner(_times_lang.rules(language))


def _language(language: str) -> str:
    return (
        language.strip().lower().replace("_", "-").split("-", 1)[0]
        if isinstance(language, str)
        else "en"
    )


def _collect(scanner: Scanner, ctx: Context) -> list[Candidate]:
    found: list[Candidate] = []
    text = ctx.text
    size = len(text)
    for priority, (rule, spans) in enumerate(
        zip(scanner.rules, scanner.windows(text), strict=True)
    ):
        finditer = rule.pattern.finditer
        handler = rule.handler
        for low, high in [(0, size)] if spans is None else spans:
            for m in finditer(text, max(low, 0), min(high, size)):
                try:
                    cand = handler(m, ctx)
                except (
                    ValueError,
                    OverflowError,
                    KeyError,
                    IndexError,
                ):  # pragma: no cover - safety net
                    cand = None
                if cand is not None and cand.end > cand.start:
                    cand.priority = priority
                    found.append(cand)
    return found


def _select(found: list[Candidate], size: int) -> list[Candidate]:
    """The longest candidates that do not overlap, earlier rules winning ties."""
    found.sort(key=lambda c: (c.start - c.end, c.priority, c.start))
    taken = bytearray(size)
    kept: list[Candidate] = []
    for cand in found:
        if taken.find(1, cand.start, cand.end) != -1:
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


def _track_year(cand: Candidate, text: str, named: int | None) -> int | None:
    """Resolve ``that year`` and ``the following year`` against the last year written out.

    Returns the year to remember for the following expressions.
    """
    reason = cand.reason or ""
    if reason.startswith("anaphoric"):
        offset = int(reason[len("anaphoric") :])
        if named is not None:
            cand.value = f"{named + offset:04d}"
            cand.reason = f"relative to {named}"
        else:
            cand.reason = "relative to the anchor"
        return named
    year = cand.value[:4]
    if cand.type in ("DATE", "TIME") and year.isdigit() and year in text[cand.start : cand.end]:
        return int(year)
    return named


def _track_quarter(
    cand: Candidate, ctx: Context, quarter: tuple[int, int, int] | None
) -> tuple[int, int, int] | None:
    """Resolve ``a year ago`` to the year-ago quarter where a quarter was just spoken of.

    Returns the quarter to remember for the following expressions.
    """
    if m := _QUARTER_VALUE.fullmatch(cand.value):
        return cand.end, int(m[1]), int(m[2])
    if (
        quarter is not None
        and cand.start - quarter[0] <= _QUARTER_REACH
        and cand.value == f"{ctx.anchor.year - 1:04d}"
        and _YEAR_AGO.search(ctx.text, cand.start, cand.end)
    ):
        cand.value = f"{cand.value}-Q{quarter[2]}"
        cand.reason = "year-ago quarter"
    return quarter


def _track_day(cand: Candidate, anchor: dt.date, day: str | None) -> str | None:
    """Date a clock time without a day by the day last named, when that is near the anchor.

    Returns the day to remember for the following expressions.
    """
    if cand.type == "TIME" and cand.reason == "clock" and day is not None:
        cand.value = day + cand.value[10:]
        cand.reason = "clock;day named before"
    if cand.type == "DATE" and _DAY_VALUE.fullmatch(cand.value):
        named = dt.date.fromisoformat(cand.value)
        return cand.value if abs((named - anchor).days) <= _DAY_REACH else None
    return day


def _refine(cand: Candidate, ctx: Context, floor: int, ceiling: int, *, english: bool) -> None:
    """Take in modifiers around a candidate and compute the interval it covers."""
    text = ctx.text
    anchor = ctx.anchor
    if (
        english
        and cand.type in ("DATE", "TIME")
        and cand.mod is None
        and _MODIFIABLE.fullmatch(cand.value.split("T")[0])
    ):
        m = _MOD_PREFIX.search(text, max(floor, cand.start - 30), cand.start)
        if m is not None:
            word = re.sub(r"\s+", " ", (m["m"] or m["p"] or "").lower())
            if m["a"] and not text[cand.start].isdigit():
                cand.mod = None  # "get around Wednesday's ruling": a particle, not "about"
            else:
                cand.mod = "APPROX" if m["a"] else _MODS.get(word)
            if cand.mod is not None:
                cand.start = m.start()
        tail = _OR_LATER.match(text, cand.end)
        if tail is not None and tail.end() <= ceiling:
            word = tail["w"].lower()
            cand.mod = cand.mod or _TAIL_MODS[word]
            cand.end = tail.end()
    if cand.type in ("DATE", "TIME"):
        if cand.value == "PRESENT_REF":
            cand.earliest = cand.latest = anchor
        elif cand.earliest is None and cand.latest is None:
            first, last = apply_mod(value_interval(cand.value), cand.mod)
            cand.earliest, cand.latest = first, last
        if english and cand.earliest is not None:
            window = max(floor, cand.start - 12)
            if _SINCE.search(text, window, cand.start):
                cand.latest = max(anchor, cand.earliest)
                cand.reason = "since" if cand.reason is None else f"{cand.reason};since"


def find_times(
    text: str, *, anchor: dt.date | dt.datetime | str, language: str = "en"
) -> list[TimeValue]:
    """Find the time expressions of a text and resolve them against an anchor date.

    Args:
        text: Any text; nothing in it makes the function fail.
        anchor: The date relative expressions are resolved against (the transcript's
            publication date); see :func:`coerce_anchor` for the accepted forms.
        language: An ISO 639-1 code: ``en``, ``de``, ``es``, ``fr`` or ``ru``. Other
            languages get the language-independent rules (numeric dates) only.

    Returns:
        The expressions found, sorted by ``start`` and never overlapping; for each,
        ``text[start:end] == tv.text``.

    Raises:
        InvalidAnchorError: When the anchor is not a date.

    >>> found = find_times("The zone has been functioning since last summer.", anchor="2017-12-28")
    >>> [(t.text, t.value, t.earliest, t.latest) for t in found]
    [('last summer', '2017-SU', datetime.date(2017, 6, 1), datetime.date(2017, 12, 28))]
    >>> t = find_times("early next year", anchor="2017-12-28")[0]
    >>> (t.value, t.mod, t.earliest, t.latest)
    ('2018', 'START', datetime.date(2018, 1, 1), datetime.date(2018, 4, 30))
    >>> found = find_times("am 8. November 2017", anchor="2017-12-28", language="de")
    >>> [(t.text, t.value) for t in found]
    [('8. November 2017', '2017-11-08')]
    """
    day = coerce_anchor(anchor)
    given: object = text
    if not isinstance(given, str):
        msg = f"text must be a str, not {type(given).__name__}; decode bytes first"
        raise TypeError(msg)
    if not text:
        return []
    lang = _language(language)
    ctx = Context(text, day)
    kept = _select(_collect(_scanner(lang), ctx), len(text))
    english = lang == "en"
    result: list[TimeValue] = []
    floor = 0
    quarter: tuple[int, int, int] | None = None  # (end offset, year, quarter) of the last quarter
    named_year: int | None = None  # the last year written out
    named_day: str | None = None  # the last day named, near the anchor
    for index, cand in enumerate(kept):
        ceiling = kept[index + 1].start if index + 1 < len(kept) else len(text)
        if english:
            quarter = _track_quarter(cand, ctx, quarter)
            named_year = _track_year(cand, text, named_year)
            named_day = _track_day(cand, day, named_day)
        _refine(cand, ctx, floor, ceiling, english=english)
        cand.start = max(cand.start, floor)  # a modifier may not reach into the previous one
        floor = cand.end
        result.append(
            TimeValue(
                cand.value,
                cand.type,
                day,
                text=text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                mod=cand.mod,
                earliest=cand.earliest,
                latest=cand.latest,
                reason=cand.reason,
                alternative=cand.alternative,
            )
        )
    return result
