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
from collections.abc import Iterator

import dateutil.parser

from claimtrack._model import TimeValue
from claimtrack.exceptions import InvalidAnchorError
from claimtrack.mentions import _times_en, _times_lang
from claimtrack.mentions._times_calendar import apply_mod, value_interval
from claimtrack.mentions._times_core import Candidate, Context, Rule, Scanner

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
_SPACES = re.compile(r"\s+")
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


#: What a rule made of a match, relative to the match's start: (start, end, value, type,
#: mod, reason, alternative, earliest, latest).
_Template = tuple[
    int, int, str, str, str | None, str | None, str | None, dt.date | None, dt.date | None
]
#: A candidate before overlaps are resolved, ordered for :func:`_select`: (start - end,
#: rule priority, start, sequence number, end, template).
_Found = tuple[int, int, int, int, int, _Template]
#: A candidate kept: (start, end, template).
_Kept = tuple[int, int, _Template]
#: How far either side of its match a rule's handler (and the sentence it reads for the
#: tense) may look: matches in identical surroundings are resolved once per call.
_REACH = 256
_MISS: _Template = (0, 0, "", "", None, None, None, None, None)
#: How many characters of scanning cost about as much as trying a pattern at one place.
_DENSE = 12


def _template(rule: Rule, m: re.Match[str], ctx: Context) -> _Template | None:
    try:
        cand = rule.handler(m, ctx)
    except (ValueError, OverflowError, KeyError, IndexError):  # pragma: no cover - safety net
        return None
    if cand is None or cand.end <= cand.start:
        return None
    at = m.start()
    return (
        cand.start - at, cand.end - at, cand.value, cand.type, cand.mod, cand.reason,
        cand.alternative, cand.earliest, cand.latest,
    )  # fmt: skip


def _collect(scanner: Scanner, ctx: Context) -> list[_Found]:
    """Every rule's candidates, as plain tuples: no object is made for what is later dropped.

    A match is resolved once per distinct surroundings (the text within :data:`_REACH` of
    it and where the scan window ends): a handler reads nothing else, so a repeated
    expression in repeated context (text made of nothing but expressions) costs a look-up.
    """
    found: list[_Found] = []
    text = ctx.text
    folded = ctx.folded
    size = len(text)
    seq = 0
    for priority, (rule, spans) in enumerate(
        zip(
            scanner.rules,
            scanner.regions(text, ctx.lower, ascii_digits=ctx.ascii_digits),
            strict=True,
        )
    ):
        fast = None if folded is None else rule.folded
        scan, over = (rule.plain, text) if fast is None or folded is None else (fast, folded)
        needs = rule.needs
        anchored = rule.anchored
        lead = rule.lead
        memo: dict[tuple[str, int, int, int], _Template | None] = {}
        for low, high, starts in [(0, size, [])] if spans is None else spans:
            endpos = min(high, size)
            hits = (
                # Tried at the triggers, unless they are so dense that a scan is cheaper.
                _anchored(scan, over, starts, max(low, 0), endpos, lead=lead)
                if anchored and len(starts) * (lead + 1) * _DENSE < endpos - low
                else scan.finditer(over, max(low, 0), endpos)
            )
            for hit in hits:
                if needs and all(hit.start(group) < 0 for group in needs):
                    continue  # the handler makes nothing of such a match
                at, to = hit.span()
                left = at - _REACH if at > _REACH else 0
                right = to + _REACH
                key = (text[left:right], at - left, to - at, min(endpos, right) - at)
                tmpl = memo.get(key, _MISS)
                if tmpl is _MISS:
                    # Found in the lower-cased text: matched again, there only, in the text.
                    m = hit if fast is None else rule.plain.match(text, at, endpos)
                    tmpl = memo[key] = None if m is None else _template(rule, m, ctx)
                if tmpl is not None:
                    start, end = at + tmpl[0], at + tmpl[1]
                    found.append((start - end, priority, start, seq, end, tmpl))
                    seq += 1
    return found


def _anchored(
    pattern: re.Pattern[str], text: str, starts: list[int], pos: int, endpos: int, *, lead: int
) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text, pos, endpos)`` finds, for a pattern whose every
    match begins at one of ``starts`` (sorted) or at most ``lead`` characters before one:
    tried there only, in order."""
    for start in starts:
        at = max(start - lead, pos)
        while at <= start:
            m = pattern.match(text, at, endpos)
            if m is None:
                at += 1
            else:
                at = pos = m.end()
                yield m
        pos = max(pos, start + 1)


def _select(found: list[_Found], size: int) -> list[_Kept]:
    """The longest candidates that do not overlap, earlier rules winning ties.

    One sort and one pass: each candidate checks and marks the characters it covers.
    """
    found.sort()  # the sequence number is unique: templates are never compared
    taken = bytearray(size)
    kept: list[_Kept] = []
    for _length, _priority, start, _seq, end, tmpl in found:
        if taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, end, tmpl))
    kept.sort(key=_first)
    return kept


def _first(item: _Kept) -> int:
    return item[0]


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
    if "-Q" in cand.value and (m := _QUARTER_VALUE.fullmatch(cand.value)):
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


def _stamp(text: str, start: int, end: int) -> bool:
    """Whether a clock time stands on a line of its own, as a transcript's time stamp does.

    Nothing but space may follow it on its line, and nothing but space and capitals
    (``END``) precede it there, within :data:`_STAMP_BEHIND` characters before it.
    """
    after = text[end : end + _AHEAD]
    line_end = after.find("\n")
    if (after if line_end < 0 else after[:line_end]).strip() or (
        line_end < 0 and end + _AHEAD < len(text)
    ):
        return False
    before = text[max(0, start - _STAMP_BEHIND) : start]
    before = before[before.rfind("\n") + 1 :]
    return not any(char.islower() or char.isdigit() or char in ".,;:!?" for char in before)


def _track_day(cand: Candidate, ctx: Context, day: str | None) -> str | None:
    """Date a clock time without a day by the day last named, when that is near the anchor,
    and ``the next day``, ``that same morning`` by the day last named, wherever it is.

    A time stamp on a line of its own keeps the anchor's day: it dates the transcript.
    Returns the day to remember for the following expressions.
    """
    anchor = ctx.anchor
    reason = cand.reason or ""
    if reason.startswith("day-anaphoric"):
        # "the next day": the day after the day last named, or after the anchor.
        offset = int(reason[len("day-anaphoric") :])
        base = dt.date.fromisoformat(day) if day is not None else anchor
        cand.value = (base + dt.timedelta(days=offset)).isoformat()
        cand.reason = "relative to " + ("the anchor" if day is None else day)
        cand.earliest = cand.latest = None
    if (
        cand.type == "TIME"
        and cand.reason == "clock"
        and day is not None
        and _day_near(day, anchor)
        and not _stamp(ctx.text, cand.start, cand.end)
    ):
        cand.value = day + cand.value[10:]
        cand.reason = "clock;day named before"
    if cand.type == "DATE" and _DAY_VALUE.fullmatch(cand.value):
        return cand.value
    return day


@functools.lru_cache(maxsize=4096)
def _day_near(value: str, anchor: dt.date) -> bool:
    """Whether a value is a day within :data:`_DAY_REACH` days of the anchor."""
    if not _DAY_VALUE.fullmatch(value):
        return False
    return abs((dt.date.fromisoformat(value) - anchor).days) <= _DAY_REACH


@functools.lru_cache(maxsize=4096)
def _interval(value: str, mod: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The days a value covers, narrowed by its modifier."""
    return apply_mod(value_interval(value), mod)


@functools.lru_cache(maxsize=1024)
def _modifiable(value: str) -> bool:
    return _MODIFIABLE.fullmatch(value.split("T", maxsplit=1)[0]) is not None


_MOD_LAST_WORDS = (
    "early", "late", "mid", "middle", "earlier", "later", "of", "the", "about", "around",
    "approximately", "circa", "roughly", "c.", "ca.",
)  # fmt: skip
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ."


def _may_modify(before: str) -> bool:
    """Whether the text before a candidate may end with a modifier: its last word is one
    that ends a :data:`_MOD_PREFIX` match (beyond ASCII, the pattern decides)."""
    if not before.isascii():
        return True
    head = before.rstrip(" \t-")
    word = head[len(head.rstrip(_LETTERS)) :].lower()
    return word.endswith(_MOD_LAST_WORDS)


def _refine(cand: Candidate, ctx: Context, floor: int, ceiling: int, *, english: bool) -> None:
    """Take in modifiers around a candidate and compute the interval it covers."""
    text = ctx.text
    anchor = ctx.anchor
    if english and cand.type in ("DATE", "TIME") and cand.mod is None and _modifiable(cand.value):
        m = (
            _MOD_PREFIX.search(text, max(floor, cand.start - 30), cand.start)
            if cand.start > floor
            and text[cand.start - 1] in " \t-"  # how every modifier ends
            and _may_modify(text[max(floor, cand.start - 16) : cand.start])
            else None
        )
        if m is not None:
            word = _SPACES.sub(" ", (m["m"] or m["p"] or "").lower())
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
            cand.earliest, cand.latest = _interval(cand.value, cand.mod)
        if english and cand.earliest is not None:
            window = max(floor, cand.start - 12)
            before = text[window : cand.start]
            if (
                not before.isascii() or before.rstrip(" \t\n").lower().endswith("since")
            ) and _SINCE.search(text, window, cand.start):
                cand.latest = max(anchor, cand.earliest)
                cand.reason = "since" if cand.reason is None else f"{cand.reason};since"


def _time_value(done: _Done, anchor: dt.date, text: str, start: int, end: int) -> TimeValue:
    """The :class:`TimeValue` of a resolved candidate, ``text`` being its extent."""
    return TimeValue(
        done[0], done[1], anchor, text=text, start=start, end=end, mod=done[2],
        earliest=done[5], latest=done[6], reason=done[7], alternative=done[8],
    )  # fmt: skip


#: What :func:`_resolve` made of a kept candidate: (value, type, mod, start shift, end
#: shift, earliest, latest, reason, alternative, the (year, quarter) it names or None,
#: the year written out and the day named after it).
_Done = tuple[
    str, str, str | None, int, int, dt.date | None, dt.date | None, str | None, str | None,
    tuple[int, int] | None, int | None, str | None,
]  # fmt: skip
_BEHIND = 45  # more than is read before a candidate: 30 for a modifier, then 12 + 1 for "since"
_AHEAD = 13  # more than is read after it: " or later" and one character
_STAMP_BEHIND = 40  # read before a clock time for a line of its own; within _BEHIND


def _resolve(kept: list[_Kept], ctx: Context, *, english: bool) -> list[TimeValue]:
    """The time values of the kept candidates, in order.

    Each candidate is read with what came before it (the last quarter, year and day
    named) and the text around it: its own, at most :data:`_BEHIND` characters before and
    :data:`_AHEAD` after, bounded by its neighbours. Candidates alike in all of that are
    resolved once per call, and their ``TimeValue`` objects are made at the very end.
    """
    text = ctx.text
    day = ctx.anchor
    size = len(text)
    result: list[TimeValue] = []
    floor = 0
    quarter: tuple[int, int, int] | None = None  # (end offset, year, quarter) of the last quarter
    named_year: int | None = None  # the last year written out
    named_day: str | None = None  # the last day named
    memo: dict[tuple[object, ...], _Done] = {}
    last = len(kept) - 1
    for index, (start, end, tmpl) in enumerate(kept):
        ceiling = kept[index + 1][0] if index < last else size
        near = (
            None
            if quarter is None
            else (min(start - quarter[0], _QUARTER_REACH + 1), quarter[1], quarter[2])
        )
        low = start - _BEHIND if start > _BEHIND else 0
        key = (
            tmpl, text[low : end + _AHEAD], start - low, end - start, min(start - floor, _BEHIND),
            min(ceiling - end, _AHEAD), near, named_year, named_day,
        )  # fmt: skip
        done = memo.get(key)
        if done is None:
            done = memo[key] = _resolve_one(
                (start, end, tmpl), ctx, floor=floor, ceiling=ceiling, quarter=quarter,
                named_year=named_year, named_day=named_day, english=english,
            )  # fmt: skip
        if done[9] is not None:
            quarter = (end, *done[9])
        named_year, named_day = done[10], done[11]
        begin = max(start + done[3], floor)  # a modifier may not reach into the previous one
        floor = end + done[4]
        result.append(_time_value(done, day, text[begin:floor], begin, floor))
    return result


def _resolve_one(
    kept: _Kept,
    ctx: Context,
    *,
    floor: int,
    ceiling: int,
    quarter: tuple[int, int, int] | None,
    named_year: int | None,
    named_day: str | None,
    english: bool,
) -> _Done:
    start, end, tmpl = kept
    cand = Candidate(start, end, tmpl[2], tmpl[3], mod=tmpl[4], reason=tmpl[5], alternative=tmpl[6])
    cand.earliest, cand.latest = tmpl[7], tmpl[8]
    named: tuple[int, int] | None = None
    if english:
        after = _track_quarter(cand, ctx, quarter)
        if after is not quarter and after is not None:
            named = (after[1], after[2])
        named_year = _track_year(cand, ctx.text, named_year)
        named_day = _track_day(cand, ctx, named_day)
    _refine(cand, ctx, floor, ceiling, english=english)
    return (
        cand.value, cand.type, cand.mod, cand.start - start, cand.end - end, cand.earliest,
        cand.latest, cand.reason, cand.alternative, named, named_year, named_day,
    )  # fmt: skip


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
    return _resolve(_select(_collect(_scanner(lang), ctx), len(text)), ctx, english=lang == "en")
