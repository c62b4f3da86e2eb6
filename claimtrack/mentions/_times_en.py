"""English rules of the temporal tagger.

Each rule is one compiled pattern and a handler that turns a match into a
:class:`~claimtrack.mentions._times_core.Candidate`. Every pattern uses bounded
repetition only, so a scan is linear in the length of the text.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter

from claimtrack.mentions._times_calendar import (
    iso_week,
    offset_value,
    season_of,
    season_value,
    unit_value,
)
from claimtrack.mentions._times_core import (
    DIGITS,
    ORDINAL_WORDS,
    UNIT_CODES,
    Candidate,
    Context,
    Rule,
    duration_value,
    parse_number,
    trie,
)

__all__ = ["RULES"]

_ = r"[ \t\u00a0]"
_B = r"(?<![\w'’])"  # start of a word
_E = r"(?![\w])"  # end of a word

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "midday": "MI"}

_MONTH_FULL = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_MONTH_ABBR = "sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec"
_MONTH_ALT = f"{_MONTH_FULL}|{_MONTH_ABBR}"
_WEEKDAY_ALT = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty thirty forty fourty fifty sixty"
    " seventy eighty ninety hundred thousand dozen".split()
)
_NUMW = "(?:" + trie(_NUMBER_WORDS) + ")"
_NUMBER = (
    rf"(?:(?<![\d.,])\d{{1,4}}(?:,\d{{3}})?(?:\.\d{{1,2}})?(?:{_}1/2|½)?"
    rf"|{_NUMW}(?:(?:-|{_})(?:and{_})?{_NUMW}){{0,3}}(?:{_}and{_}a{_}half)?"
    rf"|an?(?:{_}(?:hundred|thousand|dozen))?(?:{_}and{_}a{_}half)?"
    rf"|(?:a{_})?couple(?:{_}of)?|(?:a{_})?few|several|many|numerous|some)"
)
_UNIT_WORDS = (
    "second minute hour day night week fortnight month quarter year decade century centurie"
    " millennium millennia weekend".split()
)
_UNIT = "(?:" + trie(_UNIT_WORDS) + ")"


def _month(group: str) -> str:
    return rf"(?P<{group}>(?:{_MONTH_FULL})(?![a-z])|(?:{_MONTH_ABBR})(?![a-z])\.?)"


def _day(group: str) -> str:
    return rf"(?P<{group}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:,.]\d)(?!\d)"


def _year(group: str) -> str:
    # A year may be glued to a following clock time (``201716:08`` in page headers).
    return rf"(?P<{group}>(?:1[0-9]|20)\d\d)(?:(?!\d)|(?=[0-2]?\d:[0-5]\d))"


_FAR_DAYS = 240
_NEAR_DAYS = 100
_FAR_MONTHS = 8
_NEAR_MONTHS = 4
_DEADLINE = re.compile(
    r"(?<![\w])(?:to|by|until|till|through|before|effective|payable|expires?|expired|due|record"
    r"|deadline|starting|beginning|in|on)[ \t]{1,2}$",
    re.IGNORECASE,
)

_SPACES = re.compile(r"\s+")
_SPACE_DIGIT = re.compile(r"[ \t]?\d")
_DIGIT_BEFORE = re.compile(r"\d[ \t]?$")
_OF = re.compile(r"[ \t]of[ \t]")
_HYPHEN_AFTER = re.compile(r"[ \t]?-")
_SEASON_BEFORE = re.compile(r"\b(?:in|during|since|until|by|through|over|this|last|next)[ \t]$")

# --- helpers --------------------------------------------------------------------------------


def _name_before(text: str) -> bool:
    r"""Whether ``text`` ends with a word holding a capital, then a space or tab: as
    ``re.search(r"[A-Z]\w*[ \t]$", text)``, without scanning a long word from each letter."""
    ends = [len(text) - 1]
    if text.endswith("\n"):  # "$" also matches before a final newline
        ends.append(len(text) - 2)
    for end in ends:
        if end < 0 or text[end] not in " \t":
            continue
        start = end
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        if any("A" <= char <= "Z" for char in text[start:end]):
            return True
    return False


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_day(
    ctx: Context, month: int, day: int, direction: int, *, weak: bool = False, later: bool = False
) -> tuple[dt.date, dt.date | None] | None:
    """The date of a year-less day, and the other reading when the tense gave none."""
    anchor = ctx.anchor
    options = [
        d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _valid(y, month, day))
    ]
    if not options:
        return None
    past = [d for d in options if d <= anchor]
    future = [d for d in options if d >= anchor]
    if weak and past and future:
        # A verb form (not an auxiliary) is a weak cue: it does not send a date
        # most of a year away when the other reading is a few weeks off.
        back, ahead = (anchor - past[-1]).days, (future[0] - anchor).days
        if direction < 0 and back > _FAR_DAYS and ahead < _NEAR_DAYS:
            direction = 1
        elif direction > 0 and ahead > _FAR_DAYS and back < _NEAR_DAYS:
            direction = -1
    if direction < 0 and past:
        return past[-1], None
    if direction > 0 and future:
        return future[0], None
    nearest = min(options, key=lambda d: (abs((d - anchor).days), (d > anchor) != later))
    other = [d for d in (past[-1:] + future[:1]) if d != nearest]
    return nearest, (other[0] if other else None)


def _resolve_month(
    ctx: Context, month: int, direction: int, *, weak: bool = False, later: bool = False
) -> tuple[int, int | None]:
    """The year of a year-less month, and the other year when the tense gave none."""
    anchor = ctx.anchor
    here = anchor.year * 12 + anchor.month - 1
    options = [(y, y * 12 + month - 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    past = [(y, here - idx) for y, idx in options if idx <= here]
    future = [(y, idx - here) for y, idx in options if idx >= here]
    if weak and direction < 0 and past[-1][1] > _FAR_MONTHS and future[0][1] < _NEAR_MONTHS:
        direction = 1
    elif weak and direction > 0 and future[0][1] > _FAR_MONTHS and past[-1][1] < _NEAR_MONTHS:
        direction = -1
    if direction < 0:
        return past[-1][0], None
    if direction > 0:
        return future[0][0], None
    best = min(options, key=lambda o: (abs(o[1] - here), (o[1] > here) != later))
    others = [y for y, _gap in (past[-1], future[0]) if y != best[0]]
    return best[0], (others[0] if others else None)


def _resolve_weekday(ctx: Context, weekday: int, direction: int) -> tuple[dt.date, dt.date | None]:
    anchor = ctx.anchor
    back = (anchor.isoweekday() - weekday) % 7
    before = anchor - dt.timedelta(days=back)
    after = anchor + dt.timedelta(days=(weekday - anchor.isoweekday()) % 7)
    if direction < 0:
        return before, None
    if direction > 0:
        return after, None
    if before == after:
        return before, None
    if back <= 3:
        return before, after
    return after, before


def _date_direction(ctx: Context, start: int, end: int) -> tuple[int, str]:
    """The direction for a year-less date or month.

    After a deadline word (``to``, ``by``, ``until``, ``expire`` ...) a past tense
    speaks of the deadline being set, not of when it falls: the nearest reading is
    kept unless the sentence points to the future.
    """
    direction, reason, strong = ctx.direction_strength(start, end)
    if direction < 0 and ctx.text.startswith((" deadline", "-deadline"), end):
        return 0, f"{reason};deadline"  # "gave no reason for the Jan. 14 deadline"
    if direction < 0 and _DEADLINE.search(ctx.text, max(0, start - 14), start):
        word = ctx.text[max(0, start - 14) : start].split()[-1].lower()
        if word not in ("in", "on"):
            return 0, f"{reason};deadline"
    if direction and not strong:
        reason += ";weak"
    return direction, reason


def _cap(word: str) -> bool:
    return word[:1].isupper()


_BARE_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|during|of|last|next|this|early|late|mid|before|after|"
    r"through|throughout|between|and|or|to|each|every|that|beginning|end|start|middle|since|"
    r"on|for|until|coming|past|into)[ \t]{1,2}|-)$",
    re.IGNORECASE,
)
_PREV_WORD = re.compile(r"([\w.$€£]{1,14})[ \t\u00a0]{0,2}$")
_NEXT_WORD = re.compile(r"[ \t\u00a0]{0,2}([\w%$€£]{1,14})")


def _prev_word(ctx: Context, pos: int) -> str:
    m = _PREV_WORD.search(ctx.text, max(0, pos - 16), pos)
    return m.group(1) if m else ""


def _next_word(ctx: Context, pos: int) -> str:
    m = _NEXT_WORD.match(ctx.text, pos)
    return m.group(1) if m else ""


# --- dates with a month name -------------------------------------------------------------------

#: Nouns a month's name qualifies as the time of an event or a document: ``the May
#: elections``, ``UNICEF's March review``.
_EVENT_NOUNS = frozenset(
    {"report", "reports", "review", "meeting", "meetings", "session", "summit", "talks",
     "election", "elections", "visit", "figures", "data", "statement", "decision", "agreement",
     "agreements", "accords", "plenum", "survey", "poll", "polls", "issue", "edition", "vote",
     "referendum", "ceasefire", "truce", "memorandum", "round", "negotiations", "consultations",
     "conference", "forum", "update", "bulletin", "protests", "offensive", "attack", "attacks",
     "deadline", "ministerial", "congress", "plenary", "sitting", "hearing", "hearings"}
)  # fmt: skip


#: Words that open a sentence before a month's name without making it a name's.
_DETERMINERS = frozenset({"the", "this", "that", "its", "their", "our", "his", "her", "a", "an"})


def _month_of_event(ctx: Context, start: int, end: int) -> bool:
    """Whether a bare month name that is also a word qualifies an event noun after it.

    Not at a sentence's start (``May review`` may be a verb's) nor after a name (``Women's
    March report``, ``Theresa May visit``); an acronym before it is no name (``UNICEF``).
    """
    if _next_word(ctx, end).lower() not in _EVENT_NOUNS or ctx.text[end : end + 1] not in " \t":
        return False
    if _SENTENCE_START.search(ctx.text, max(0, start - 4), start):
        return False
    text = ctx.text
    at = start
    before = _prev_word(ctx, at)
    if before == "s" and text[max(0, at - 3) : at - 2] in ("'", "’"):
        at -= 3
        before = _prev_word(ctx, at)  # the owner of "Women's March"
    if not before[:1].isupper() or before.isupper():
        return True
    word_start = text.rfind(before, max(0, at - 16), at)
    return before.lower() in _DETERMINERS and (
        _SENTENCE_START.search(text, max(0, word_start - 4), word_start) is not None
    )


def _month_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    if m["fd1"] is not None:
        return _first_day(m, ctx)
    word = m["m1"] or m["m2"] or m["m3"] or m["m4"]
    dot = word.endswith(".")
    word = word.rstrip(".")
    month = MONTHS[word.lower()]
    day_s = m["d1"] or m["d2"]
    year_s = m["y1"] or m["y2"] or m["y3"]
    lower = word.lower()
    full = lower in ("january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december")  # fmt: skip
    start, end = m.start(), m.end()
    if m["m4"] is not None:  # a bare month name
        if (
            not full
            or not _cap(word)
            or (word.isupper() and len(word) > 3 and not ctx.text.isupper())
        ):
            return None
        if (
            lower in ("may", "march", "august", "june", "april")
            and not _BARE_MONTH_CONTEXT.search(ctx.text, max(0, start - 14), start)
            and not _month_of_event(ctx, start, end)
        ):
            return None
        nxt = ctx.text[end : end + 2]
        if (
            len(nxt) == 2
            and nxt[0] == " "
            and nxt[1].isupper()
            and lower in ("august", "june", "april", "may")
        ):
            return None  # a name: June Carter, August Wilson
    if lower in ("may", "march") and not _cap(word):
        return None
    if not full and not _cap(word):
        return None
    if m["m4"] is None and not full and not dot and lower not in ("sept",) and not _cap(word):
        return None
    if m["m4"] is not None and (last := _MONTH_RANGE_END.match(ctx.text, end)) is not None:
        return _range_start_month(ctx, (start, end), month, last)
    wd = m["wd"]
    if day_s is not None:
        day = int(day_s)
        if year_s is not None:
            date = _valid(int(year_s), month, day)
            if date is None:
                return None
            return Candidate(start, end, date.isoformat())
        direction, reason = _date_direction(ctx, start, end)
        if wd:
            # The weekday settles the year where it can.
            want = WEEKDAYS[wd.lower()]
            fits = [
                d
                for y in (ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1)
                if (d := _valid(y, month, day)) and d.isoweekday() == want
            ]
            if fits:
                return Candidate(start, end, fits[0].isoformat(), reason="weekday")
        resolved = _resolve_day(
            ctx, month, day, direction, weak=reason.endswith(";weak"), later="deadline" in reason
        )
        if resolved is None:
            return None
        date, other = resolved
        return Candidate(
            start, end, date.isoformat(), reason=reason,
            alternative=other.isoformat() if other else None,
        )  # fmt: skip
    if year_s is not None:
        return Candidate(start, end, f"{int(year_s):04d}-{month:02d}")
    direction, reason = _date_direction(ctx, start, end)
    year, other_year = _resolve_month(
        ctx, month, direction, weak=reason.endswith(";weak"), later="deadline" in reason
    )
    return Candidate(
        start, end, f"{year:04d}-{month:02d}", reason=reason,
        alternative=f"{other_year:04d}-{month:02d}" if other_year else None,
    )  # fmt: skip


#: The month that ends a range of months after the first: ``-October`` in ``January-October``.
_MONTH_RANGE_END = re.compile(
    rf"[-–](?P<m>{_MONTH_ALT})(?![a-z])\.?(?:,?{_}{{1,2}}(?P<y>(?:1[0-9]|20)\d\d)(?!\d))?",
    re.IGNORECASE,
)


def _range_start_month(
    ctx: Context, span: tuple[int, int], month: int, last: re.Match[str]
) -> Candidate | None:
    """The first month of ``January-October``: in the year of the last, or the year before."""
    word = last["m"]
    if not _cap(word):
        return None
    end_month = MONTHS[word.lower()]
    if last["y"]:
        year = int(last["y"])
    else:
        direction, reason = _date_direction(ctx, *span)
        year, _other = _resolve_month(
            ctx, end_month, direction, weak=reason.endswith(";weak"), later="deadline" in reason
        )
    if month >= end_month:
        year -= 1  # November-February
    return Candidate(span[0], span[1], f"{year:04d}-{month:02d}", reason="range start")


_MONTH_DATE = (
    rf"{_B}(?:(?P<wd>{_WEEKDAY_ALT}),?{_})?(?:"
    rf"{_month('m1')}{_}{{1,2}}{_day('d1')}(?:,?{_}{{1,2}}{_year('y1')})?"
    rf"|(?:the{_})?{_day('d2')}(?:{_}of)?{_}{_month('m2')}(?:,?{_}{{1,2}}{_year('y2')})?"
    rf"|{_month('m3')},?{_}(?:of{_})?{_year('y3')}"
    rf"|{_month('m4')}"
    # the first day of "14-18 October": the day alone, the rest looked ahead at
    rf"|{_day('fd1')}(?=[-–]{_day('fd2')}(?:{_}of)?{_}{{1,2}}(?P<fmon>{_MONTH_ALT})(?![a-z])"
    rf"\.?(?:,?{_}{{1,2}}{_year('fy1')})?))"
)


def _day_range_year(
    written: str | None, ctx: Context, span: tuple[int, int], month: int, day: int
) -> int | None:
    """The year of a day range (``April 24 and 25``, ``14-18 October``): the year
    written, else that of its named day resolved in the direction of the tense."""
    if written:
        return int(written)
    direction, reason = _date_direction(ctx, *span)
    resolved = _resolve_day(
        ctx, month, day, direction, weak=reason.endswith(";weak"), later="deadline" in reason
    )
    return None if resolved is None else resolved[0].year


def _second_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    """The second day of ``April 24 and 25``, in the month and year of the first."""
    word = m["mon"].rstrip(".")
    if not _cap(word):
        return None
    month = MONTHS[word.lower()]
    first, second = int(m["d1"]), int(m["d2"])
    if second <= first:
        return None
    year = _day_range_year(m["y"] or m["y2"], ctx, (m.start(), m.end()), month, first)
    date = None if year is None else _valid(year, month, second)
    if date is None:
        return None
    return Candidate(m.start("d2"), m.end("d2"), date.isoformat(), reason="second day")


_SECOND_DAY = (
    rf"{_B}(?P<mon>{_MONTH_ALT})(?![a-z])\.?{_}{{1,2}}{_day('d1')}(?:,?{_}{_year('y')})?"
    rf"(?:{_}(?:and|or|&){_}|[-–]){_day('d2')}(?:,?{_}{_year('y2')})?"
)


def _first_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    """The first day of ``14-18 October``, in the month and year of the last."""
    start = m.start("fd1")
    if m["wd"] or (start > 0 and ctx.text[start - 1] in ".,:/-"):
        return None  # a weekday before, or part of a number: 1.14-18 October
    word = m["fmon"].rstrip(".")
    if not _cap(word):
        return None
    month = MONTHS[word.lower()]
    first, last = int(m["fd1"]), int(m["fd2"])
    if last <= first:
        return None
    year = _day_range_year(m["fy1"], ctx, (start, m.end()), month, last)
    date = None if year is None else _valid(year, month, first)
    if date is None:
        return None
    return Candidate(start, m.end("fd1"), date.isoformat(), reason="first day")


# --- numeric dates ---------------------------------------------------------------------


def _iso_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    date = _valid(int(m["y"]), int(m["mo"]), int(m["d"]))
    if date is None:
        return None
    if m["h"] is not None:
        return Candidate(m.start(), m.end(), f"{date.isoformat()}T{m['h']}:{m['mi']}", "TIME")
    return Candidate(m.start(), m.end(), date.isoformat())


_ISO_DATE = (
    r"(?<![\w\-./])(?P<y>(?:1[0-9]|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)"
    r"(?:[T ](?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::[0-5]\d)?)?(?![\w\-]|[./]\d)"
)


def _slash_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    first, second, year = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        year += 1900 if year > (ctx.anchor.year % 100) + 10 else 2000
    date = _valid(year, first, second) if m["sep"] == "/" else _valid(year, second, first)
    if date is None:
        return None
    return Candidate(m.start(), m.end(), date.isoformat())


_SLASH_DATE = (
    r"(?<![\w\-./,])(?P<a>[01]?\d|[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)"
    r"(?P<y>(?:1[0-9]|20)\d\d|\d\d)(?![\w\-/]|[.,]\d)"
)


# --- years, decades, centuries ------------------------------------------------------------------

_NUMBER_CONTEXT = frozenset(
    {
        "resolution", "resolutions", "no", "no.", "nos", "number", "numbers", "article", "art",
        "art.", "articles", "paragraph", "para", "section", "sections", "page", "pages", "p", "pp",
        "chapter", "clause", "rule", "flight", "route", "room", "apartment", "suite", "model",
        "code", "volume", "vol", "item", "annex", "decision", "decree", "bill", "highway",
        "about", "some", "nearly", "almost", "around", "approximately", "roughly", "than", "over",
        "under", "total", "totaled", "totalled", "exceeded", "reached", "of", "to", "and", "or",
        "just", "only", "another", "additional", "extra", "least", "most", "these", "those",
        "by", "down", "up", "cost", "costs", "dow",
        "index", "at", "top", "plus", "minus", "tel", "phone", "fax", "ext", "box", "zip",
        "us$", "usd", "eur", "rub", "rs", "units", "grade", "level", "size", "type", "class",
        "series", "version", "mark", "mk", "boeing", "airbus", "su", "tu", "mig", "f",
    }
)  # fmt: skip
_YEAR_CONTEXT = frozenset(
    {
        "in", "since", "by", "until", "till", "from", "during", "before", "after", "through",
        "throughout", "between", "year", "years", "fiscal", "early", "late", "mid", "spring",
        "summer", "autumn", "fall", "winter", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "of", "and",
        "to", "end", "beginning", "start", "middle", "circa", "c.", "around", "about", "for",
        "as", "than", "within", "into", "back", "season", "half", "quarter", "ca.", "the",
    }
)  # fmt: skip
_STRONG_BEFORE = frozenset(
    {"in", "since", "by", "until", "till", "from", "during", "before", "after", "through",
     "throughout", "year", "fiscal", "early", "late", "mid", "circa", "spring", "summer",
     "autumn", "fall", "winter", "end", "beginning", "start", "middle", "season", "within",
     "into", "for", "of", "between", "and", "to", "as", "than", "around", "about", "the",
     "century", "decade", "half", "quarter", "back", "ca", "c", "its", "his", "her", "their",
     "our", "my", "your"}
)  # fmt: skip
_UNIT_AFTER = frozenset(
    {
        "people", "persons", "men", "women", "children", "soldiers", "troops", "dollars", "euros",
        "rubles", "roubles", "pounds", "yuan", "yen", "tons", "tonnes", "km", "kilometres",
        "kilometers", "miles", "metres", "meters", "feet", "units", "cases", "votes", "seats",
        "deaths", "jobs", "percent", "per", "times", "hours", "minutes", "seconds", "days",
        "weeks", "months", "years", "m", "km2", "kg", "mw", "gw", "barrels", "bpd", "points",
        "pieces", "members", "refugees", "homes", "houses", "cars", "shares", "acres",
        "hectares", "civilians", "militants", "fighters", "victims", "residents", "employees",
        "workers", "students", "delegates", "copies", "signatures", "calories", "degrees",
        "million", "billion", "thousand", "hundred", "mln", "bn", "x", "by", "kilograms",
    }
)  # fmt: skip
_VERB_S = frozenset(
    {"was", "is", "has", "does", "says", "sees", "goes", "as", "its", "this", "thus", "plus",
     "us", "yes", "versus", "across", "unless", "whereas", "perhaps", "always", "towards",
     "afterwards", "becomes", "remains", "marks", "means", "saw", "seems", "brings", "begins",
     "ends", "proves", "looks", "promises", "represents"}
)  # fmt: skip


_PRE_POST = re.compile(r"(?<![\w\-])(?:pre|post)-$", re.IGNORECASE)


def _year_ok(m: re.Match[str], ctx: Context, year: int) -> bool:
    text = ctx.text
    start, end = m.start("year"), m.end()
    if year > ctx.anchor.year + 100 or year < 1000:
        return False
    before = text[max(0, start - 2) : start]
    if before.endswith("-") and before[:1].isdigit():
        first = _RANGE_START.search(text, max(0, start - 6), start - 1)
        if first is None or not 0 < year - int(first["y"]) <= _RANGE_YEARS:
            return False
        if text[end : end + 1] == "-":
            return False  # a chain of numbers: 1995-2000-3456
        return _year_ok(first, ctx, int(first["y"]))  # 2018-2019: as its first year
    if text[end : end + 1] == "-" and text[end + 1 : end + 2].isdigit():
        last = _RANGE_END.match(text, end)
        if last is None or not _range_end(year, last["y"]):
            return False
        after = _next_word(ctx, last.end())
        if after.lower() in _UNIT_AFTER or (
            len(last["y"]) == 4
            and after[:1].islower()
            and _plural_noun(after)
            and _prev_word(ctx, start).lower() not in _STRONG_BEFORE
        ):
            return False  # 1500-2000 troops, 1990-2010 levels: numbers
    if before[-1:] in ("$", "€", "£", "¥", "#", "№") or text[end : end + 1] in ("%", "$", "€"):
        return False
    if text[end : end + 2] in (" %", " $"):
        return False
    # Phone numbers and long digit groups: a digit group just before or after.
    if _SPACE_DIGIT.match(text[end : end + 2]) or _DIGIT_BEFORE.search(
        text[max(0, start - 2) : start]
    ):
        return False
    prev = _prev_word(ctx, start).lower().rstrip(".")
    if m["fy"] or _PRE_POST.search(text, max(0, start - 6), start):
        return True  # "the pre-2014 borders", "the post-1991 order"
    if prev in _NUMBER_CONTEXT and prev not in _STRONG_BEFORE:
        return False
    if prev in (
        "about",
        "some",
        "nearly",
        "almost",
        "around",
        "approximately",
        "roughly",
        "than",
        "over",
    ):
        nxt = _next_word(ctx, end).lower()
        return nxt not in _UNIT_AFTER and not (
            nxt.endswith("s") and nxt not in _VERB_S and len(nxt) > 3
        )
    nxt = _next_word(ctx, end)
    nxt_l = nxt.lower()
    if nxt_l in _UNIT_AFTER:
        return False
    if prev in _STRONG_BEFORE:
        return True
    if year < 1600 or year > ctx.anchor.year + 30:
        return False
    return not (nxt and nxt[0].islower() and _plural_noun(nxt_l))


def _plural_noun(word: str) -> bool:
    """Whether a word after a number looks like the plural noun it counts."""
    lower = word.lower()
    return lower.endswith("s") and lower not in _VERB_S and len(lower) > 3


#: The longest span a ``1995-96`` or ``2018-2019`` range is read as years across.
_RANGE_YEARS = 100
#: The first year of a range, searched for up to the hyphen before the last.
_RANGE_START = re.compile(r"(?<![\w$€£¥#@/.,:'’\-])(?P<fy>)(?P<year>(?P<y>(?:1[0-9]|20)\d\d))$")
_RANGE_END = re.compile(r"-(?P<y>\d\d(?:\d\d)?)(?![\w%/\-]|[.,:]\d)")


def _range_end(first: int, last: str) -> bool:
    """Whether ``last`` (two or four digits) ends a range of years that begins at ``first``."""
    end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if len(last) == 2 and end <= first:
        end += 100  # 1999-00
    return 0 < end - first <= _RANGE_YEARS


def _range_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    """The two-digit end of a range of years, ``96`` in ``1995-96``: the year it stands for."""
    first = _RANGE_START.search(ctx.text, max(0, m.start() - 6), m.start() - 1)
    if first is None or not _range_end(int(first["y"]), m["yy"]):
        return None
    if not _year_ok(first, ctx, int(first["y"])):
        return None
    year = int(first["y"]) // 100 * 100 + int(m["yy"])
    year += 100 if year <= int(first["y"]) else 0
    return Candidate(m.start(), m.end(), f"{year:04d}", reason="range end")


def _year_rule(m: re.Match[str], ctx: Context) -> Candidate | None:
    if m["yy"] is not None:
        return _range_year(m, ctx)
    year = int(m["year"])
    if not _year_ok(m, ctx, year):
        return None
    return Candidate(m.start(), m.end(), f"{year:04d}")


_YEAR = (
    rf"(?:(?<![\w$€£¥#@/.,:'’])(?P<fy>(?:fiscal|FY|financial){_}?(?:year{_})?)?"
    rf"(?P<year>(?:1[0-9]|20)\d\d)(?:'s|’s)?"
    r"|(?<=\d\d-)(?P<yy>\d\d))(?![\w%/]|[.,:]\d)"  # or the end of a range: 96 in 1995-96
)

_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip


def _decade(m: re.Match[str], ctx: Context) -> Candidate | None:
    if m["dec"]:
        value = m["dec"]
    elif m["dec2"]:
        value = f"19{m['dec2']}"
    else:
        if not m["the"]:
            return None
        value = f"19{_DECADE_WORDS[m['decw'].lower()]}"
    return Candidate(m.start(), m.end(), value)


_DECADE = (
    rf"{_B}(?P<the>the{_})?(?:(?P<dec>1[0-9]\d|20\d)0'?s|'(?P<dec2>\d)0s"
    r"|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w])"
)
_CENTURY_ORD = {k: v for k, v in ORDINAL_WORDS.items() if k not in ("last", "final")}
_CENTURY_ORD_ALT = "|".join(sorted(_CENTURY_ORD, key=len, reverse=True))


def _century(m: re.Match[str], ctx: Context) -> Candidate | None:
    raw = m["ord"].lower()
    number = int(raw[:-2]) if raw[:1].isdigit() else _CENTURY_ORD.get(raw)
    if not number or number > 30:
        return None
    return Candidate(m.start(), m.end(), f"{number - 1:02d}")


_CENTURY = (
    rf"{_B}(?:the{_})?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_CENTURY_ORD_ALT})"
    rf"(?:-|{_})century{_E}"
)

_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
_UNITS_W = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9}  # fmt: skip


def _spelled_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    if m["cent"]:
        tail = m["tail"].lower()
        tens, _sep, unit = tail.replace(" ", "-").partition("-")
        value = _TEENS.get(tens) or _TENS.get(tens, 0)
        if unit:
            if tens not in _TENS or unit not in _UNITS_W:
                return None
            value += _UNITS_W[unit]
        return Candidate(m.start(), m.end(), f"19{value:02d}")
    tail = (m["tail2"] or "").lower()
    value = 0
    if tail:
        tens, _sep, unit = tail.replace(" ", "-").partition("-")
        value = _UNITS_W.get(tens) or _TEENS.get(tens) or _TENS.get(tens, 0)
        if unit:
            value += _UNITS_W.get(unit, 0)
    elif not m["theyear"]:
        return None
    return Candidate(m.start(), m.end(), f"{2000 + value:04d}")


_TENS_ALT = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TEEN_ALT = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_UNIT_ALT = "one|two|three|four|five|six|seven|eight|nine"
_SPELLED_YEAR = (
    rf"{_B}(?P<theyear>the{_}year{_})?(?:(?P<cent>nineteen){_}(?P<tail>(?:{_TENS_ALT})(?:[-{_[1:-1]}](?:{_UNIT_ALT}))?|{_TEEN_ALT})"
    rf"|two{_}thousand(?:{_}(?:and{_})?(?P<tail2>(?:{_TENS_ALT})(?:-(?:{_UNIT_ALT}))?|{_TEEN_ALT}|{_UNIT_ALT}))?){_E}"
)


# --- weekdays ----------------------------------------------------------------------------------


def _weekday(m: re.Match[str], ctx: Context) -> Candidate | None:
    weekday = WEEKDAYS[m["wd"].lower()]
    pod = m["pod"]
    rel = _SPACES.sub(" ", (m["rel"] or "").lower())
    if rel == "this past":
        rel = "past"
    start, end = m.start(), m.end()
    if m["pl"]:
        if rel:
            return None
        code = f"XXXX-WXX-{weekday}" + (f"T{PARTS_OF_DAY[pod.lower()]}" if pod else "")
        return Candidate(start, end, code, "SET")
    anchor = ctx.anchor
    other = None
    reason = None
    if rel in ("last", "past", "previous"):
        back = (anchor.isoweekday() - weekday) % 7 or 7
        date = anchor - dt.timedelta(days=back)
        reason = "last"
    elif rel in ("next", "following"):
        ahead = (weekday - anchor.isoweekday()) % 7 or 7
        date = anchor + dt.timedelta(days=ahead)
        reason = "next"
        if ahead < 7:  # "next Friday" said on a Thursday may mean the week after
            other = (date + dt.timedelta(days=7)).isoformat()
    elif rel == "this":
        date = anchor + dt.timedelta(days=weekday - anchor.isoweekday())
        reason = "this week"
    elif rel:  # coming, this coming
        date = anchor + dt.timedelta(days=(weekday - anchor.isoweekday()) % 7)
        reason = "coming"
    elif m.group().endswith(("'s", "’s")) and not pod:
        # "Wednesday's ruling", "Thursday's closing price": news speaks of what happened.
        date, _other = _resolve_weekday(ctx, weekday, -1)
        reason = "possessive"
    else:
        direction, reason = ctx.direction(start, end)
        if direction == 0 and _HAPPENED_BEFORE.search(ctx.text, max(0, start - 60), start):
            # "condolences over the death of three soldiers on Sunday": what happened.
            direction, reason = -1, "event noun"
        date, other_d = _resolve_weekday(ctx, weekday, direction)
        other = other_d.isoformat() if other_d else None
    if not pod and m.group().endswith(("'s", "’s")):
        end -= 2  # the possessive is no part of the expression, as TimeBank marks it
    # TempEval-3 annotators date "Friday night" by its day alone; so do we.
    return Candidate(start, end, date.isoformat(), reason=reason, alternative=other)


# Nouns of a happening that is over, shortly before a weekday: it dates that happening.
_HAPPENED_BEFORE = re.compile(
    r"\b(?:deaths?|killings?|murders?|attacks?|bombings?|shootings?|earthquakes?|explosions?|"
    r"blasts?|crash(?:es)?|assassination|massacre|fire|floods?|collapse|derailment)\b"
    r"(?:[^.!?;\n]|\.(?=\S)|(?-i:(?<=[A-Z]))\.){0,50}\Z",
    re.I,
)
_WEEKDAY = (
    rf"{_B}(?:(?P<rel>last|next|this(?:{_}coming|{_}past)?|coming|past|previous|following){_})?"
    rf"(?P<wd>{_WEEKDAY_ALT})(?P<pl>s)?(?:'s|’s)?(?:{_}(?P<pod>morning|afternoon|evening|night))?(?![\w])"
)

# --- clock times --------------------------------------------------------------------------------

_TZ = r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|MSK|ET|PT|CT)"
_WORD_HOURS = {**_UNITS_W, "ten": 10, "eleven": 11, "twelve": 12}


def _when_date(ctx: Context, when: str, start: int, end: int) -> dt.date | None:
    word = when.lower()
    if word in ("today", "tonight"):
        return ctx.anchor
    if word == "yesterday":
        return ctx.anchor - dt.timedelta(days=1)
    if word == "tomorrow":
        return ctx.anchor + dt.timedelta(days=1)
    if word in WEEKDAYS:
        direction, _reason = _date_direction(ctx, start, end)  # "until 9 a.m. Tuesday"
        return _resolve_weekday(ctx, WEEKDAYS[word], direction)[0]
    return None


def _clock(m: re.Match[str], ctx: Context) -> Candidate | None:
    start, end = m.start(), m.end()
    if m["special"]:
        special = m["special"].lower()
        if special == "noon" and ctx.text[max(0, start - 5) : start].lower() == "high ":
            return None  # "high noon": the moment of decision
        hour, minute = (24, 0) if special == "midnight" else (12, 0)
    else:
        raw = m["h"] or m["hw"]
        hour = int(raw) if raw.isdigit() else _WORD_HOURS.get(raw.lower(), -1)
        minute = int(m["min"] or 0)
        ampm = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
        if not m["min"] and not ampm and not m["oclock"]:
            return None
        if hour < 0 or hour > 24:
            return None
        if ampm:
            if hour == 0 or hour > 12:
                return None
            if ampm.startswith("p") and hour < 12:
                hour += 12
            elif ampm.startswith("a") and hour == 12:
                hour = 0
        elif (
            m["oclock"]
            and m["pod2"]
            and m["pod2"].lower() in ("afternoon", "evening", "night")
            and hour < 12
        ):
            hour += 12
    day: dt.date | None = ctx.anchor
    if m["when"]:
        day = _when_date(ctx, m["when"], start, end)
    elif m["wm"]:
        month = MONTHS[m["wm"].lower()]
        resolved = _resolve_day(ctx, month, int(m["wd_"]), ctx.direction(start, end)[0])
        day = resolved[0] if resolved else None
    if day is None:
        return None
    value = f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    bare = not (m["when"] or m["wm"])
    return Candidate(start, end, value, "TIME", reason="clock" if bare else None)


_CLOCK = (
    rf"(?<![\w:.,$/])(?:(?P<special>noon|midnight|midday)"
    rf"|(?:(?P<h>[01]?\d|2[0-4])(?::(?P<min>[0-5]\d))?(?::[0-5]\d)?|(?P<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
    rf"(?:{_}?(?P<ampm>[ap]\.m\.?|[ap]m(?![\w])|[AP]\.?M\.?)|{_}(?P<oclock>o['’]clock)(?:{_}in{_}the{_}(?P<pod2>morning|afternoon|evening|night))?)?)"
    rf"(?:{_}{_TZ})?(?![\w:]|\.\d)"
    rf"(?:,?{_}(?:(?:on|this|last){_})?(?:(?P<when>{_WEEKDAY_ALT}|today|tonight|yesterday|tomorrow)(?![\w])"
    rf"|(?P<wm>{_MONTH_ALT})\.?{_}(?P<wd_>[12]\d|3[01]|0?[1-9])(?!\d)))?"
)

# --- fixed words -----------------------------------------------------------------------------

_PHRASES: dict[str, tuple[str, str]] = {}
for _w in ("now", "currently", "presently", "nowadays", "at present", "these days", "so far",
           "to date", "the present", "at the moment", "at this moment", "the present day",
           "the present time", "at this time", "right now", "thus far", "as yet",
           "at this point", "at this stage", "this moment", "the moment",
           "current"):  # fmt: skip
    _PHRASES[_w] = ("PRESENT_REF", "DATE")
for _w in ("recently", "recent", "lately", "the past", "in the past",
           "the other day", "some time ago", "long ago", "not long ago",
           "years ago", "months ago", "decades ago", "centuries ago", "weeks ago", "days ago",
           "recent years", "recent decades",
           "the past few years", "the old days", "once upon a time", "a while ago",
           "a long time ago", "more recently", "until recently", "the recent past"):  # fmt: skip
    _PHRASES[_w] = ("PAST_REF", "DATE")
for _w in ("soon", "very soon", "shortly", "the future", "the near future", "the distant future",
           "the foreseeable future", "the near term", "future",
           "a later date", "in due course", "sooner or later", "the long term",
           "the medium term", "the short term", "quite soon", "pretty soon"):  # fmt: skip
    _PHRASES[_w] = ("FUTURE_REF", "DATE")
# Vague stretches of time: "recent months", "the coming weeks", "the years ahead".
for _u, _code in (("days", "PXD"), ("weeks", "PXW"), ("months", "PXM"), ("quarters", "PXM"),
                  ("years", "PXY"), ("decades", "PXDE")):  # fmt: skip
    for _w in (f"recent {_u}", f"the coming {_u}", f"coming {_u}", f"the {_u} ahead"):
        _PHRASES.setdefault(_w, (_code, "DURATION"))
# A preposition that makes a stretch of time of a phrase, kept out of its extent.
_PHRASE_LEADS = {"over the years": 5, "through the years": 8, "for a while": 4}
_PHRASES["over the years"] = _PHRASES["through the years"] = ("PXY", "DURATION")
_PHRASES["for a while"] = ("PXX", "DURATION")
del _w, _u, _code
_PHRASE_ALT = trie(list(_PHRASES), space=_)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n][\"”’')]?[ \t]{0,2}|\n[ \t]{0,3})$")
_NOT_CURRENT = frozenset({"account", "accounts", "affairs", "flow", "flows", "density", "of", "",
                          "and", "is", "was", "in"})  # fmt: skip
_NOT_AFTER_SOON = re.compile(
    r"[ \t]{1,2}(?:as|after|before|thereafter|afterwards|enough)\b", re.IGNORECASE
)


def _phrase(m: re.Match[str], ctx: Context) -> Candidate | None:
    key = _SPACES.sub(" ", m.group().lower()).replace("’", "'")
    value, type_ = _PHRASES[key]
    start, end = m.start(), m.end()
    text = ctx.text
    before = text[max(0, start - 4) : start].lower()
    if key in ("soon", "shortly") and (before.endswith("as ") or _NOT_AFTER_SOON.match(text, end)):
        return None
    if key == "soon" and text[end : end + 2] == "er":
        return None
    if key.endswith("future") and _OF.match(text[end : end + 4]):
        return None  # the future of Syria
    if key == "future":
        nxt = text[end : end + 1]
        if nxt in ("-", "’", "'") or not before.endswith(("in ", "of ")):
            return None
    if key in ("the moment", "this moment") and not before.endswith(("at ", "for ", "til ")):
        return None
    if key in ("so far", "thus far") and not _SENTENCE_START.search(text, max(0, start - 4), start):
        return None  # "has so far" qualifies the verb; "So far, ..." dates the sentence
    if key == "current" and (
        text[end : end + 1] in ("-", "ly") or _next_word(ctx, end).lower() in _NOT_CURRENT
    ):
        return None  # an electric current, the current account
    if key == "now" and text[end : end + 5].lower() == " that":
        return None  # "now that" is a conjunction
    if (
        key == "the present"
        and text[end : end + 1] in (" ",)
        and _next_word(ctx, end).lower() not in ("", "day", "time")
    ):
        nxt = _next_word(ctx, end).lower()
        if nxt not in ("and", "or", "is", "we", "to", "in", "the", "it", "they"):
            return None
    if key == "recent" and _next_word(ctx, end).lower() in ("past",):
        return None
    if key == "earlier" and _next_word(ctx, end).lower() in (
        "than",
        "this",
        "that",
        "today",
        "in",
        "on",
        "version",
        "versions",
        "draft",
    ):
        return None
    if key == "the past" and _next_word(ctx, end).lower() in ("tense", "participle"):
        return None
    earliest = latest = None
    if value == "PRESENT_REF":
        earliest = latest = ctx.anchor
    if key in ("in the past",):
        start += 3
    start += _PHRASE_LEADS.get(key, 0)
    cand = Candidate(start, end, value, type_)
    cand.earliest, cand.latest = earliest, latest
    return cand


_PHRASE = rf"{_B}(?:{_PHRASE_ALT})(?![\w\-])"


#: Nouns that make ``today's`` and ``tomorrow's`` an age rather than a day.
_GENERIC_AGE = frozenset(
    {"world", "youth", "society", "generation", "generations", "children", "reality",
     "realities", "conditions", "circumstances", "standards", "terms", "challenges",
     "environment", "times", "leaders", "economy", "technology", "technologies"}
)  # fmt: skip


def _day_word(m: re.Match[str], ctx: Context) -> Candidate | None:
    word = _SPACES.sub(" ", m["w"].lower())
    offsets = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1,
               "the day before yesterday": -2, "the day after tomorrow": 2,
               "overnight": 0}  # fmt: skip
    day = ctx.anchor + dt.timedelta(days=offsets[word])
    pod = m["pod"]
    start, end = m.start(), m.end()
    if word == "overnight":
        return None
    if word == "tonight":
        return Candidate(start, end, f"{day.isoformat()}TNI", "TIME")
    if (
        word in ("today", "tomorrow")
        and not pod
        and ctx.text[end : end + 2] in ("'s", "’s")
        and _next_word(ctx, end + 2).lower() in _GENERIC_AGE
    ):  # "today's world" is the present age, not the day
        return Candidate(start, end, "PRESENT_REF" if word == "today" else "FUTURE_REF")
    if pod:
        return Candidate(start, end, f"{day.isoformat()}T{PARTS_OF_DAY[pod.lower()]}", "TIME")
    return Candidate(start, end, day.isoformat())


_DAY_WORD = (
    rf"{_B}(?P<w>today|tonight|tomorrow|yesterday|the{_}day{_}before{_}yesterday|the{_}day{_}after{_}tomorrow)"
    rf"(?:(?:'s|’s)?{_}(?P<pod>morning|afternoon|evening|night))?(?![\w])"
)


def _part_of_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    pod = PARTS_OF_DAY[(m["pod"] or m["pod_"]).lower()]
    if m["mid"]:  # "mid-afternoon": of the day named with it, or else of the day last named
        if m["when"]:
            day = _when_date(ctx, m["when"], m.start(), m.end())
            if day is None:
                return None
            return Candidate(m.start(), m.end(), f"{day.isoformat()}T{pod}", "TIME")
        return Candidate(
            m.start(), m.end(), f"{ctx.anchor.isoformat()}T{pod}", "TIME", reason="clock"
        )
    rel = m["rel"].lower()
    day = ctx.anchor - dt.timedelta(days=1) if rel == "last" else ctx.anchor
    if rel == "last" and pod != "NI":
        return None
    return Candidate(m.start(), m.end(), f"{day.isoformat()}T{pod}", "TIME")


_PART_OF_DAY = (
    rf"{_B}(?:(?P<rel>this|last){_}(?P<pod>morning|afternoon|evening|night)"
    rf"|(?P<mid>mid)(?:-|{_})?(?P<pod_>morning|afternoon|evening)"
    rf"(?:{_}(?P<when>today|yesterday|tomorrow))?)(?![\w])"
)


# --- last / this / next + unit -----------------------------------------------------------------


def _rel_unit(m: re.Match[str], ctx: Context) -> Candidate | None:
    rel = m["rel"].lower()
    if rel.startswith("this") and rel != "this":
        rel = "past"  # "this past week" is the past week
    unit = _SPACES.sub(" ", m["unit"].lower())
    the = bool(m["the"])
    start, end = m.start(), m.end()
    anchor = ctx.anchor
    if m["rel"][0].isupper() and m["unit"][0].isupper() and not ctx.text.isupper():
        return None  # a title: ABC's "This Week"
    if unit in ("financial year", "fiscal year"):
        unit = "year"
    if the and unit == "year" and rel in ("following", "previous", "prior", "same", "preceding"):
        return None  # anaphoric: counted from the last year written out
    if the and rel in ("past", "last", "next") and unit not in ("weekend",):
        return Candidate(start, end, duration_value(1, UNIT_CODES[unit]), "DURATION")
    if rel == "past" and unit not in ("weekend",):
        return Candidate(start, end, duration_value(1, UNIT_CODES[unit]), "DURATION")
    step = {"last": -1, "past": -1, "previous": -1, "prior": -1, "latest": -1, "this": 0,
            "current": 0, "present": 0, "same": 0, "outgoing": 0, "next": 1, "coming": 1,
            "following": 1, "upcoming": 1}[rel]  # fmt: skip
    if rel == "latest" and unit != "quarter":
        return None
    if rel == "same":
        return None
    reason = f"{rel} {unit}"
    if unit == "weekend":
        value: str | None = iso_week(anchor + dt.timedelta(weeks=step)) + "-WE"
    else:
        value = _unit_value(anchor, unit, step)
    if value is None:
        return None
    return Candidate(start, end, value, reason=reason)


_unit_value = unit_value


_REL_UNIT = (
    rf"{_B}(?P<the>the{_})?(?P<rel>last|past|previous|prior|next|coming|following|this(?:{_}past)?|current|present|same|upcoming|latest|outgoing)"
    rf"{_}(?P<unit>week|weekend|month|year|quarter|decade|century|fiscal{_}year|financial{_}year)(?![\w\-]|-(?:old|long))"
)


def _rel_month(m: re.Match[str], ctx: Context) -> Candidate | None:
    rel = m["rel"].lower()
    word = m["mon"]
    if not _cap(word) and word.lower() in ("may", "march"):
        return None
    month = MONTHS[word.lower()]
    anchor = ctx.anchor
    if m["yrel"]:
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
    elif rel in ("last", "past", "previous"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif rel in ("next", "coming", "following"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = anchor.year
    return Candidate(m.start(), m.end(), f"{year:04d}-{month:02d}", reason=f"{rel} month")


_REL_MONTH = (
    rf"{_B}(?:(?P<rel>last|next|this|coming|past|previous|following){_}(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december)"
    rf"|(?P<mon2>january|february|march|april|may|june|july|august|september|october|november|december){_}(?P<yrel>last|this|next){_}year)(?![\w])"
)


def _rel_month_any(m: re.Match[str], ctx: Context) -> Candidate | None:
    if m["mon2"]:
        word = m["mon2"]
        if not _cap(word):
            return None
        month = MONTHS[word.lower()]
        year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
        return Candidate(m.start(), m.end(), f"{year:04d}-{month:02d}")
    return _rel_month(m, ctx)


# --- quarters and halves --------------------------------------------------------------------------

_QORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
         "final": 4, "last": 4}  # fmt: skip


def _quarter(m: re.Match[str], ctx: Context) -> Candidate | None:
    anchor = ctx.anchor
    start, end = m.start(), m.end()
    unit = m["unit"].lower()
    current = (anchor.month - 1) // 3 + 1 if unit == "quarter" else (anchor.month - 1) // 6 + 1
    per_year = 4 if unit == "quarter" else 2
    letter = "Q" if unit == "quarter" else "H"
    ordinal = m["ord"].lower().replace("-", "") if m["ord"] else None
    qrel = (m["qrel"] or "").lower()
    year: int | None = None
    if m["y2"]:
        year = int(m["y2"])
    elif m["qy"]:
        year = int(m["qy"])
    elif m["yrel"] or m["qyrel"]:
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[(m["yrel"] or m["qyrel"]).lower()]
    elif m["they"]:
        year = anchor.year  # "the second half of the year", as "the year" alone is read
    if ordinal is not None:
        number = _QORD[ordinal]
        if unit == "half" and number > 2:
            number = 2
        if qrel in ("year-ago", "year-earlier", "prior-year", "last"):
            year = anchor.year - 1 if year is None else year
        if year is None:
            direction, _reason = ctx.direction(start, end)
            year = anchor.year
            if direction < 0 and number > current:
                year -= 1
        return Candidate(start, end, f"{year:04d}-{letter}{number}")
    if unit == "half" and not qrel:
        return None
    if not m["the"] and not qrel and year is None:
        return None
    index = anchor.year * per_year + current - 1
    if qrel in ("year-ago", "year-earlier", "prior-year"):
        index -= per_year + 1
    elif qrel in ("last", "latest", "past", "previous", "recent"):
        index -= 1
    elif qrel in ("next", "coming"):
        index += 1
    elif qrel in ("this", "current", "same", "comparable"):
        pass
    else:
        direction, _reason = ctx.direction(start, end)
        if direction <= 0:
            index -= 1
    if year is not None:
        index = year * per_year + index % per_year
    return Candidate(start, end, f"{index // per_year:04d}-{letter}{index % per_year + 1}")


_ORD_ALT = r"first|second|third|fourth|1st|2nd|3rd|4th|final|last"
_QUARTER = (
    rf"{_B}(?P<the>the{_})?(?:(?P<qrel>this|last|next|current|latest|past|previous|same|comparable|recent|coming|year-ago|year-earlier|prior-year){_})?"
    rf"(?:(?P<qy>(?:1[0-9]|20)\d\d){_}|(?P<qyrel>this|last|next){_}year(?:'s|’s){_})?"
    rf"(?:(?:fiscal|calendar)(?:-|{_}))?(?:(?P<ord>{_ORD_ALT})(?:-|{_}))?(?:(?:fiscal|calendar)(?:-|{_}))?"
    rf"(?P<unit>quarter|half)(?!\w)(?!-(?:old|long))"
    rf"(?:{_}(?:of{_})?(?:(?:the{_})?(?:fiscal{_}|financial{_}|calendar{_})?(?:year{_})?(?P<y2>(?:1[0-9]|20)\d\d)(?!\d)|(?P<yrel>this|last|next){_}year"
    rf"|(?P<they>the{_}(?:current{_}|outgoing{_})?year)(?![\w'’\-])))?"
)


def _q_code2(m: re.Match[str], ctx: Context) -> Candidate | None:
    year_s = m["y"] or m["y2"]
    letter = (m["l"] or m["l2"]).upper()
    number = int(m["n"] or m["n2"])
    if letter == "H" and number > 2:
        return None
    if not year_s and not _quarter_context(ctx, m.start()):
        return None  # an item number ("Q1. Does the Minister agree ..."), not a quarter
    year = int(year_s) if year_s else ctx.anchor.year
    return Candidate(m.start(), m.end(), f"{year:04d}-{letter}{number}")


#: Words after which a bare ``Q3`` or ``H1`` is a quarter or a half year.
_QUARTER_BEFORE = frozenset(
    {"in", "the", "during", "first", "for", "by", "since", "until", "till", "of", "through",
     "throughout", "from", "to", "and", "or", "between", "last", "this", "next", "early", "late",
     "mid", "fiscal", "its", "their", "our", "each", "every", "per", "before", "after", "over",
     "than", "versus", "vs", "into", "within", "on", "at", "latest", "same", "a", "whole"}
)  # fmt: skip


def _quarter_context(ctx: Context, start: int) -> bool:
    """Whether the word before a bare quarter code makes it a time: ``in Q3``, ``Q1-Q3``."""
    if start > 0 and ctx.text[start - 1] in "–/":
        return True  # Q1–Q3, H1/H2
    return _prev_word(ctx, start).lower().rstrip(".") in _QUARTER_BEFORE


_Q_CODE2 = (
    rf"(?<![\w\-])(?:(?P<y>(?:1[0-9]|20)\d\d)[-{_[1:-1]}]?(?P<l>[QH])(?P<n>[1-4])"
    rf"|(?P<l2>[QH])(?P<n2>[1-4])(?:[-{_[1:-1]}](?:FY)?(?P<y2>(?:1[0-9]|20)\d\d))?)(?![\w\-])"
)


def _year_ago(m: re.Match[str], ctx: Context) -> Candidate | None:
    return Candidate(m.start(), m.end(), f"{ctx.anchor.year - 1:04d}")


_YEAR_AGO = (
    rf"{_B}(?:the{_})?year-(?:ago|earlier)(?:{_}(?:period|year|levels?|results?|month))?(?![\w\-])"
)


def _year_end(m: re.Match[str], ctx: Context) -> Candidate | None:
    return Candidate(m.start(), m.end(), f"{ctx.anchor.year:04d}", mod="END")


_YEAR_END = rf"{_B}year(?:-end|['’]s{_}end|{_}end)(?![\w\-])"


# --- seasons ------------------------------------------------------------------------------------


def _season(m: re.Match[str], ctx: Context) -> Candidate | None:
    word = m["season"].lower()
    season = SEASONS[word]
    rel = (m["rel"] or "").lower()
    start, end = m.start(), m.end()
    text = ctx.text
    if m["year"]:
        year = int(m["year"])
        return Candidate(start, end, f"{year:04d}-{season}")
    if m["ys"]:
        return Candidate(start, end, f"{int(m['ys']):04d}-{season}")
    if not rel and not m["the"]:
        before = text[max(0, start - 8) : start].lower()
        if not _SEASON_BEFORE.search(before):
            return None
        if word in ("fall", "spring") and not before.endswith(("in ", "this ", "last ", "next ")):
            return None
    if m["season"][0].isupper() and start > 0 and _name_before(text[max(0, start - 12) : start]):
        return None  # Arab Spring, Prague Spring
    if _OF.match(text[end : end + 4]) and not m["year"]:
        return None  # the fall of the Wall
    if _HYPHEN_AFTER.match(text[end : end + 2]):
        return None
    if rel in ("last", "past", "previous"):
        year, _s = season_value(ctx.anchor, season, -1)
        reason = "last"
    elif rel in ("next", "coming", "following"):
        year, _s = season_value(ctx.anchor, season, 1)
        reason = "next"
    elif rel == "this":
        year, _s = season_value(ctx.anchor, season, 0)
        reason = "this"
    else:
        direction, reason = ctx.direction(start, end)
        year_now, current = season_of(ctx.anchor)
        if current == season:
            year = year_now
        else:
            year, _s = season_value(ctx.anchor, season, direction or 0)
    return Candidate(start, end, f"{year:04d}-{season}", reason=reason)


_SEASON = (
    rf"{_B}(?P<the>the{_})?(?:(?P<rel>last|this|next|past|coming|previous|following){_})?"
    rf"(?:(?P<ys>(?:1[0-9]|20)\d\d){_})?(?P<season>spring|summer|fall|autumn|winter)(?![\w])"
    rf"(?:{_}(?:of{_})?(?P<year>(?:1[0-9]|20)\d\d)(?!\d))?"
)


# --- durations and relative offsets ------------------------------------------------------------

_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "close to": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "over": "MORE_THAN", "more than": "MORE_THAN", "well over": "MORE_THAN",
    "just over": "MORE_THAN", "upwards of": "MORE_THAN", "in excess of": "MORE_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
    "just under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "not more than": "EQUAL_OR_LESS",
}  # fmt: skip
_MOD_ALT = trie(list(_MODS), space=_)

_DURATION_RELS = (
    "last past next first coming previous following final remaining initial ensuing preceding"
    " latest other succeeding subsequent".split()
)
_DURATION_REL = trie(_DURATION_RELS)
_DURATION_THE = ("the", "these", "those", "each of the", "all the", "the entire", "the whole",
                 "another", "an additional", "a further")  # fmt: skip
_DURATION_EXTRA = ("more", "additional", "full", "straight", "consecutive", "long", "whole",
                   "extra", "successive")  # fmt: skip
#: Every word a duration can begin with (the first of its modifier, determiner, relative
#: word, count, extra word or unit), or a digit: a look-ahead that spares the rest of the
#: pattern at the other words.
_DURATION_FIRST: list[str] = sorted(
    {
        phrase.split()[0]
        for phrase in (*_MODS, *_DURATION_THE, *_DURATION_RELS, *_NUMBER_WORDS,
                       "a", "an", "couple", "few", "several", "many", "numerous", "some",
                       *_DURATION_EXTRA)
    }
    | {unit + plural for unit in _UNIT_WORDS for plural in ("", "s")}
)  # fmt: skip
_DURATION_BODY = (
    rf"(?:(?P<mod>{_MOD_ALT}){_})?"
    rf"(?:(?P<the>{trie(list(_DURATION_THE), space=_)}){_})?"
    rf"(?:(?P<rel>{_DURATION_REL}){_})?"
    rf"(?:(?P<num>{_NUMBER})(?P<hy>-|{_}))?"
    rf"(?:(?P<extra>{trie(list(_DURATION_EXTRA))}){_})?"
    rf"(?P<unit>{_UNIT})(?P<pl>s)?(?![\w])(?P<adj>-long)?(?!-old)(?P<half>{_}and{_}a{_}half)?"
    rf"(?P<time>['’]s?{_}time(?![\w]))?"
    rf"(?:{_}(?P<post>ago|earlier|before|later|after|from{_}now|hence|previously|back|or{_}so|or{_}more|or{_}less|in{_}a{_}row|running))?(?![\w])"
)
_DURATION = rf"{_B}(?=\d|(?:{trie(_DURATION_FIRST)})(?![a-z])){_DURATION_BODY}"
_VERB_S_RATE = frozenset(
    {"takes", "lasts", "needs", "spends", "gets", "seems", "looks", "remains", "requires",
     "was", "has", "does", "goes", "comes", "gives", "wants", "expects", "plans", "waits",
     "allows", "is", "as", "than", "within", "across", "plus", "thus", "perhaps", "unless"}
)  # fmt: skip
# Only whether it finds a match counts, so a plural is three word characters and an "s"
# (as ``\w{3,}s`` would be, without rescanning a long run of letters from every start).
_SET_BEFORE = re.compile(
    r"(?:\b(?:once|twice|thrice|times|per)|\d|[$€£%]|\w{3}s|\b(?:million|billion|thousand|hundred"
    r"|percent|cents?|dollars?|euros?|rubles?|roubles?))[ \t]{1,2}$",
    re.IGNORECASE,
)
_FOR_BEFORE = re.compile(
    r"\b(?:for|over|in|within|during|took|take|takes|lasted|last|spent|spend|after|waited"
    r"|wait)[ \t]{1,2}$",
    re.IGNORECASE,
)
_TIMES_BEFORE = re.compile(r"\b(?:once|twice|thrice|\w{1,12}[ \t]times)[ \t]{1,2}$", re.IGNORECASE)
_IN_BEFORE = re.compile(r"\bin[ \t]$", re.IGNORECASE)
_AGO_DATE = {"ago", "earlier", "back", "previously", "from now", "hence"}


#: The smaller unit a fraction of a unit is counted in: ``a year and a half ago`` is 18
#: months ago, and named by its month.
_FRACTION_UNITS = {"Y": ("M", 12), "DE": ("Y", 10), "M": ("W", 4), "W": ("D", 7)}


def _ago_value(ctx: Context, number: float, code: str, sign: int) -> str | None:
    if number != int(number) and code in _FRACTION_UNITS:
        code, per = _FRACTION_UNITS[code]
        number = float(round(number * per))
    return offset_value(ctx.anchor, int(number), code, sign)


def _countless(
    m: re.Match[str], ctx: Context, span: tuple[int, int], code: str
) -> Candidate | None:
    """A duration without a count: ``for years``, ``the past few weeks``, ``years ago``."""
    start, end = span
    text = ctx.text
    unit = m["unit"].lower()
    rel = (m["rel"] or "").lower()
    the = (m["the"] or "").lower()
    post = _SPACES.sub(" ", (m["post"] or "").lower())
    plural = bool(m["pl"]) or unit in ("centurie", "millennia")
    if rel in ("", "other") and not the:
        if not plural:
            return None
        if post == "ago" and code in ("H", "MIN", "S"):  # "hours ago": today, about
            return Candidate(start, end, ctx.anchor.isoformat(), mod="APPROX", reason="vague ago")
        if post == "ago":
            return Candidate(start, end, "PAST_REF", reason="vague ago")
        if not _FOR_BEFORE.search(text, max(0, start - 10), start) and not m["adj"]:
            return None
        if unit in ("weekend", "quarter", "night"):
            return None
        return Candidate(start, end, duration_value(None, code), "DURATION")
    if not plural:
        return None  # "the last year" is for _rel_unit
    if the == "the" and rel in _VAGUE_RELS:
        return Candidate(start, end, duration_value(None, code), "DURATION")
    return None


_VAGUE_RELS = frozenset({"last", "past", "next", "coming", "following", "first", "previous"})


def _duration(m: re.Match[str], ctx: Context) -> Candidate | None:
    text = ctx.text
    start, end = m.start(), m.end()
    unit = m["unit"].lower()
    code = UNIT_CODES[unit.rstrip("s") if unit.endswith("ies") is False else "centurie"]
    num_s = m["num"]
    rel = (m["rel"] or "").lower()
    the = (m["the"] or "").lower()
    post = _SPACES.sub(" ", (m["post"] or "").lower())
    mod = _MODS.get(_SPACES.sub(" ", m["mod"].lower())) if m["mod"] else None
    plural = bool(m["pl"]) or unit in ("centurie", "millennia")
    number: float | None = None
    vague = False
    if num_s is not None:
        number = parse_number(num_s)
        vague = number is None
        if number is not None and number > 5000:
            return None
    if num_s is not None and m["hy"] == "-" and plural and not m["adj"]:
        return None  # "two-years" is not a word; "the 2-years" either
    if m["mod"] and the:
        start = m.start("the")
        mod = None
    if num_s is not None and num_s.lower() in ("some",) and m["mod"] is None and number is None:
        vague = True
    if (unit == "second" and num_s is not None and num_s.lower() in ("a", "an")) or (
        unit == "second" and num_s is None
    ):
        return None  # "a second" is mostly the ordinal
    if post in ("before", "after", "later"):
        end = m.start("post") - 1
    if text[m.end() : m.end() + 4].lower() == " old" and plural:
        return None  # an age: "37 years old"
    if num_s is None:
        return _countless(m, ctx, (start, end), code)
    if vague and num_s.lower().strip() in ("some", "many", "numerous") and not plural:
        return None
    if vague and num_s.lower() == "many" and _prev_word(ctx, start).lower() == "how":
        return None  # "how many hours" asks for a duration; it names none
    if number == 1 and plural and num_s.lower() in ("a", "an", "one") and post != "ago":
        return None
    if unit == "weekend" and num_s.lower() not in ("a", "one") and not plural:
        return None
    if m["time"] and not post and _IN_BEFORE.search(text, max(0, start - 4), start):
        post = "from now"  # "in two weeks' time": the time two weeks from now
    if post in _AGO_DATE:
        sign = 1 if post in ("from now", "hence") else -1
        if (vague or number is None) and code in ("H", "MIN", "S"):
            # "several hours ago": a few hours off, so the anchor's day, about.
            return Candidate(start, end, ctx.anchor.isoformat(), mod="APPROX", reason=post)
        if vague or number is None:
            return Candidate(start, end, "PAST_REF" if sign < 0 else "FUTURE_REF", reason=post)
        value = _ago_value(ctx, number + 0.5 if m["half"] else number, code, sign)
        if value is None:
            return None
        return Candidate(start, end, value, mod=mod, reason=post)
    mod = {"or so": "APPROX", "or more": "EQUAL_OR_MORE", "or less": "EQUAL_OR_LESS"}.get(post, mod)
    if (
        num_s.lower() in ("a", "an")
        and not (rel or the or m["mod"])
        and _SET_BEFORE.search(text, max(0, start - 12), start)
        and _prev_word(ctx, start).lower() not in _VERB_S_RATE
    ):
        times = _TIMES_BEFORE.search(text, max(0, start - 20), start)
        if times is None:
            return None  # a rate ("$5 a year", "four flights a week"), not a time
        return Candidate(times.start(), end, duration_value(1, code), "SET")
    if num_s.lower().startswith(("a couple", "couple")):
        number, mod = 2, mod or "APPROX"
    if m["half"] and number is not None:
        number += 0.5
    value = duration_value(number, code)
    return Candidate(start, end, value, "DURATION", mod=mod)


def _the_unit(m: re.Match[str], ctx: Context) -> Candidate | None:
    """``the weekend``, ``the year`` and ``the latest period``: anaphoric, read from the anchor."""
    unit = _SPACES.sub(" ", m["unit"].lower())
    start, end = m.start(), m.end()
    anchor = ctx.anchor
    if m["unit"][0].isupper() and not ctx.text.isupper():
        return None  # a title: "Results of the Year", "Person of the Year"
    if unit == "weekend":
        direction, reason = ctx.direction(start, end)
        week = anchor
        if direction <= 0 and anchor.isoweekday() < 6:
            week = anchor - dt.timedelta(weeks=1)
        elif direction > 0 and anchor.isoweekday() == 7:
            week = anchor + dt.timedelta(weeks=1)
        return Candidate(start, end, iso_week(week) + "-WE", reason=reason)
    if unit == "latest period":
        index = anchor.year * 4 + (anchor.month - 1) // 3 - 1
        return Candidate(start, end, f"{index // 4:04d}-Q{index % 4 + 1}", reason="latest quarter")
    if _YEAR_ENDED.match(ctx.text, end):
        return Candidate(start, end, "P1Y", "DURATION", reason="year ended")
    return Candidate(start, end, f"{anchor.year:04d}", reason="the year")


_YEAR_ENDED = re.compile(r"[ \t](?:ended|ending|to|through)\b", re.IGNORECASE)
_THE_UNIT = (
    rf"{_B}the{_}(?:(?:full|fiscal|financial|calendar|whole|entire){_})?(?P<unit>year|weekend|latest{_}period)"
    r"(?![\w\-])(?!['’]s)"
)


def _anaphoric_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    """``that year``, ``the following year``: resolved later against the last year named."""
    word = _SPACES.sub(" ", (m["w"] or m["w2"]).lower()).split(" ")[-1]
    offset = 1 if word in ("following", "after", "next") else -1 if word in (
        "previous", "preceding", "before", "prior") else 0  # fmt: skip
    value = f"{ctx.anchor.year + offset:04d}"
    return Candidate(m.start(), m.end(), value, reason=f"anaphoric{offset:+d}")


def _anaphoric_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    """``the next day``, ``that same morning``, ``the day before``: resolved later against
    the day last named (see ``_track_day``), or the anchor."""
    which = (m["which"] or m["ba"] or "").lower()
    offset = 1 if which in ("next", "following", "after") else -1 if which in (
        "previous", "preceding", "before") else 0  # fmt: skip
    value = (ctx.anchor + dt.timedelta(days=offset)).isoformat()
    return Candidate(m.start(), m.end(), value, reason=f"day-anaphoric{offset:+d}")


_DAY_PART = r"(?:day|morning|afternoon|evening|night)"
# "that day" alone is often any day ("trades made that day"), and "the day before" a
# preposition ("the day before the vote"): neither is taken.
_ANAPHORIC_DAY = (
    rf"{_B}(?:(?:earlier|later){_}that{_}{_DAY_PART}|that{_}(?:same|very){_}{_DAY_PART}"
    rf"|that{_}(?:morning|afternoon|evening|night)"
    rf"|the{_}(?P<which>next|following|previous|preceding){_}{_DAY_PART}"
    rf"|the{_}day{_}(?P<ba>before|after)(?!{_}+\w))(?![\w\-])(?!['’]s)"
)
_ANAPHORIC_YEAR = (
    rf"{_B}(?:(?P<w>that|the{_}same|the{_}following|the{_}previous|the{_}preceding){_}year"
    rf"|the{_}year{_}(?P<w2>before|after))(?![\w\-])(?!['’]s)"
)


def _set_word(m: re.Match[str], ctx: Context) -> Candidate | None:
    word = m.group().lower().replace("-", "")
    values = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
              "annually": "P1Y", "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M",
              "biweekly": "P2W", "fortnightly": "P2W", "semiannually": "P6M",
              "biannually": "P6M"}  # fmt: skip
    start, end = m.start(), m.end()
    text = ctx.text
    if word.endswith("ly") and not word.endswith("ally") and _NEWSPAPER_AFTER.match(text, end):
        return None  # a newspaper: the Communist Party daily Granma, the weekly Argumenty
    if word.endswith("ally") and (
        _amount_before(ctx, start) or _CHANGE_BEFORE.search(text, max(0, start - 40), start)
    ):
        return None  # a rate ("grew by 20% annually", "doubling its profits annually")
    return Candidate(start, end, values[word], "SET")


#: A verb of change earlier in the clause: what follows it ``annually`` is a rate.
_CHANGE_BEFORE = re.compile(
    r"\b(?:grow|grew|increas|rise|rising|rose|fall|fell|declin|doubl|tripl|expand|shr[iu]nk"
    r"|drop|climb|gain|jump|slid|slump)[a-z]{0,6}\b[^.,;:!?\n]{0,40}$",
    re.IGNORECASE,
)


def _amount_before(ctx: Context, start: int) -> bool:
    """Whether an amount ends just before ``start``: a number, a sign or a counted unit."""
    prev = _prev_word(ctx, start)
    return (
        prev[-1:].isdigit()
        or prev[-1:] in "$€£"
        or prev.lower() in _UNIT_AFTER
        or (ctx.text[max(0, start - 3) : start].rstrip(" \t").endswith("%"))
    )


#: A capitalised word after ``daily`` or ``weekly``, on the same line: a newspaper's name.
_NEWSPAPER_AFTER = re.compile(r"[ \t\u00a0]{1,2}[A-Z]")
_SET_WORD = (
    rf"{_B}(?:daily|weekly|monthly|yearly|hourly|nightly|bi-?weekly|fortnightly|annually"
    rf"|semi-?annually|bi-?annually)(?![\w\-])"
)


def _every(m: re.Match[str], ctx: Context) -> Candidate | None:
    start, end = m.start(), m.end()
    if m["wd"]:
        return Candidate(start, end, f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()]}", "SET")
    if m["mon"]:
        return Candidate(start, end, f"XXXX-{MONTHS[m['mon'].lower()]:02d}", "SET")
    if m["sea"]:
        return Candidate(start, end, f"XXXX-{SEASONS[m['sea'].lower()]}", "SET")
    if m["pod"]:
        return Candidate(start, end, f"XXXX-XX-XXT{PARTS_OF_DAY[m['pod'].lower()]}", "SET")
    unit = m["unit"].lower()
    code = UNIT_CODES["centurie" if unit.startswith("centur") else unit]
    number = 2.0 if m["other"] else 1.0
    if m["num"]:
        parsed = parse_number(m["num"])
        if parsed is None:
            return None
        number = parsed
    return Candidate(start, end, duration_value(number, code), "SET")


_EVERY = (
    rf"{_B}(?:every|each|per){_}(?:(?P<other>other){_}|(?P<num>{_NUMBER}){_})?"
    rf"(?:(?P<wd>{_WEEKDAY_ALT})|(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december)"
    rf"|(?P<sea>spring|summer|autumn|fall|winter)|(?P<pod>morning|afternoon|evening|night)|(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))s?)(?![\w])"
)


# --- holidays ---------------------------------------------------------------------------


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    offset = (weekday - first.isoweekday()) % 7
    return first + dt.timedelta(days=offset + 7 * (n - 1))


#: Holidays on a fixed day of the year: (month, day).
_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new years day": (1, 1), "new years eve": (12, 31), "halloween": (10, 31),
    "new year": (1, 1), "orthodox christmas": (1, 7), "orthodox christmas day": (1, 7),
    "orthodox christmas eve": (1, 6), "valentines day": (2, 14),
    "independence day": (7, 4), "victory day": (5, 9), "boxing day": (12, 26),
    "bastille day": (7, 14), "may day": (5, 1), "russia day": (6, 12),
    "unity day": (11, 4), "national unity day": (11, 4),
    "defender of the fatherland day": (2, 23), "veterans day": (11, 11),
    "armistice day": (11, 11), "remembrance day": (11, 11), "flag day": (6, 14),
    "april fools day": (4, 1), "st patricks day": (3, 17), "juneteenth": (6, 19),
    "womens day": (3, 8), "international womens day": (3, 8), "canada day": (7, 1),
}  # fmt: skip
#: Holidays on the nth weekday of a month: (month, ISO weekday, n); n = -1 is the last.
_WEEKDAY_HOLIDAYS = {
    "labor day": (9, 1, 1), "memorial day": (5, 1, -1), "mothers day": (5, 7, 2),
    "fathers day": (6, 7, 3), "presidents day": (2, 1, 3), "martin luther king day": (1, 1, 3),
    "columbus day": (10, 1, 2),
}  # fmt: skip
_HOLIDAY_NOISE = re.compile(r"['’.]|(?<=king) jr")


def _holiday_key(name: str) -> str:
    """A holiday's name as the tables spell it: lower case, without apostrophes, dots or Jr."""
    return _HOLIDAY_NOISE.sub("", _SPACES.sub(" ", name.lower())).replace("saint ", "st ")


def _holiday_date(name: str, year: int) -> dt.date:
    if name in _FIXED_HOLIDAYS:
        month, day = _FIXED_HOLIDAYS[name]
        return dt.date(year, month, day)
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 4, 4)
    if name.startswith("easter"):
        return easter(year)
    if name == "good friday":
        return easter(year) - dt.timedelta(days=2)
    if name == "election day":  # the Tuesday after the first Monday of November
        return _nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    month, weekday, n = _WEEKDAY_HOLIDAYS[name]
    if n > 0:
        return _nth_weekday(year, month, weekday, n)
    fifth = _nth_weekday(year, month, weekday, 5)
    return fifth if fifth.month == month else _nth_weekday(year, month, weekday, 4)


#: What a holiday spoken of with ``last``, ``next`` or ``this`` is looked for on.
_HOLIDAY_STEP = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}
#: How many days from the anchor a holiday's week is the one under way or at hand.
_HOLIDAY_WEEK_REACH = 7
#: Words after ``New Year`` that make it the coming year, not the holiday.
_NEW_YEAR_GREETING = re.compile(r"(?<![\w])happy[ \t]{1,2}$", re.IGNORECASE)


def _holiday(m: re.Match[str], ctx: Context) -> Candidate | None:
    name = _holiday_key(m["h"])
    if not m["h"][0].isupper() or (name == "new year" and not m["h"][4:5].isupper()):
        return None  # "a new year", "thanksgiving" as a word
    start, end = m.start(), m.end()
    if m["orth"]:
        name = f"orthodox {name}"
    if name == "new year" and _NEW_YEAR_GREETING.search(ctx.text, max(0, start - 8), start):
        return None  # a greeting, not a date
    rel = (m["rel"] or "").lower()
    week = m["week"] is not None
    if m["y"]:
        date = _holiday_date(name, int(m["y"]))
        return Candidate(start, end, iso_week(date) if week else date.isoformat())
    anchor = ctx.anchor
    options = [_holiday_date(name, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    past = [d for d in options if d < anchor] or options[:1]
    future = [d for d in options if d > anchor] or options[-1:]
    reason: str | None
    if rel:
        step = _HOLIDAY_STEP[rel]
        date = past[-1] if step < 0 else future[0] if step > 0 else options[1]
        reason = f"{rel} holiday"
    else:
        direction, reason = ctx.direction(start, end)
        nearest = min(options, key=lambda d: abs((d - anchor).days))
        if anchor in options or (week and abs((nearest - anchor).days) <= _HOLIDAY_WEEK_REACH):
            date = nearest  # "as Easter week began": the week around the anchor
        elif direction < 0:
            date = past[-1]
        elif direction > 0:
            date = future[0]
        else:
            date = nearest
    return Candidate(start, end, iso_week(date) if week else date.isoformat(), reason=reason)


_HOLIDAY = (
    rf"{_B}(?:(?P<rel>last|next|this|past|coming|previous){_})?(?:(?P<orth>orthodox){_})?"
    rf"(?P<h>christmas(?:{_}(?:day|eve))?|new{_}year(?:['’]s{_}(?:day|eve)|(?![\w'’\-]))"
    rf"|thanksgiving(?:{_}day)?|halloween"
    rf"|easter(?:{_}sunday)?|good{_}friday|valentine['’]s{_}day|independence{_}day|victory{_}day|boxing{_}day"
    rf"|bastille{_}day|labor{_}day|memorial{_}day|russia{_}day|(?:national{_})?unity{_}day"
    rf"|defender{_}of{_}the{_}fatherland{_}day"
    rf"|veterans['’]?{_}day|armistice{_}day|election{_}day|remembrance{_}day|flag{_}day"
    rf"|april{_}fool(?:['’]?s['’]?)?{_}day|(?:st\.?|saint){_}patrick['’]?s{_}day|juneteenth"
    rf"|(?:international{_})?women['’]?s{_}day|canada{_}day|mother['’]?s{_}day"
    rf"|father['’]?s{_}day|presidents['’]?{_}day|martin{_}luther{_}king(?:{_}jr\.?)?{_}day"
    rf"|columbus{_}day)"
    rf"(?P<week>{_}week)?(?:,?{_}(?P<y>(?:1[0-9]|20)\d\d)(?!\d))?(?![\w])"
)


def _boundary(m: re.Match[str], ctx: Context) -> Candidate | None:
    part = m["part"].lower()
    rel = (m["rel"] or "the").lower()
    unit = m["unit"].lower()
    step = {"the": 0, "this": 0, "next": 1, "last": -1, "that": 0}[rel]
    mod = {"beginning": "START", "start": "START", "end": "END", "middle": "MID", "close": "END",
           "turn": "START", "rest": None, "remainder": None}[part]  # fmt: skip
    value = _unit_value(ctx.anchor, unit, step)
    if value is None or rel == "that":
        return None
    return Candidate(m.start(), m.end(), value, mod=mod)


_BOUNDARY = (
    rf"{_B}the{_}(?P<part>beginning|start|end|middle|close|turn|rest|remainder){_}of{_}(?P<rel>the|this|next|last|that){_}"
    rf"(?P<unit>year|month|week|decade|century|quarter)(?![\w\-])"
)


# --- triggers: what every match of a rule contains, and how far the match reaches -------

_D = (DIGITS,)
_MONTH_T = tuple(MONTHS)
_FULL_MONTH_T = tuple(_MONTH_FULL.split("|"))
_WEEKDAY_T = (*WEEKDAYS, *(f"{day}s" for day in WEEKDAYS))
_UNIT_T = (*_UNIT_WORDS, *(f"{unit}s" for unit in _UNIT_WORDS))
_CAL_UNIT_T = ("week", "weekend", "month", "year", "quarter", "decade", "century")
_HOUR_T = tuple(_WORD_HOURS)
_COMMON = frozenset({"the", "at", "in", "of", "a", "this", "these", "some", "right", "very",
                     "quite", "pretty", "long", "near", "short", "thus", "not"})  # fmt: skip
_PHRASE_KEYS = {  # the rarest word of each phrase: its longest, common words aside
    p: max(re.findall(r"[a-z]+", p), key=lambda w: (w not in _COMMON, len(w))) for p in _PHRASES
}
_PHRASE_T = tuple(sorted(set(_PHRASE_KEYS.values())))
_PHRASE_BEFORE = max(p.index(k) for p, k in _PHRASE_KEYS.items()) + 2
_PHRASE_AFTER = max(len(p) - p.index(k) - len(k) for p, k in _PHRASE_KEYS.items()) + 4

# ``whole``: every match holds a trigger word not run on into a letter (see Rule).
RULES: tuple[Rule, ...] = (
    Rule(
        "month-date", _MONTH_DATE, _month_date, triggers=_MONTH_T, before=40, after=45, whole=True
    ),
    Rule(
        "second-day",
        _SECOND_DAY,
        _second_day,
        triggers=_MONTH_T,
        before=5,
        after=45,
        anchored=True,
        whole=True,
    ),
    Rule("iso-date", _ISO_DATE, _iso_date, triggers=_D, before=25, after=25, anchored=True),
    Rule("slash-date", _SLASH_DATE, _slash_date, triggers=_D, before=25, after=25, anchored=True),
    Rule(
        "clock",
        _CLOCK,
        _clock,
        triggers=(*_D, "noon", "midnight", "midday", *_HOUR_T),
        before=12,
        after=60,
        needs=("special", "min", "ampm", "oclock"),  # a bare number is no time
        anchored=True,
    ),
    Rule("weekday", _WEEKDAY, _weekday, triggers=_WEEKDAY_T, before=25, after=30, whole=True),
    Rule(
        "day-word",
        _DAY_WORD,
        _day_word,
        triggers=("today", "tonight", "tomorrow", "yesterday"),
        before=25,
        after=25,
        whole=True,
    ),
    Rule(
        "part-of-day",
        _PART_OF_DAY,
        _part_of_day,
        triggers=(*PARTS_OF_DAY, "midmorning", "midafternoon", "midevening"),
        before=12,
        after=12,
        whole=True,
    ),
    Rule("rel-unit", _REL_UNIT, _rel_unit, triggers=_CAL_UNIT_T, before=35, after=15, whole=True),
    Rule(
        "rel-month",
        _REL_MONTH,
        _rel_month_any,
        triggers=_FULL_MONTH_T,
        before=15,
        after=20,
        whole=True,
    ),
    Rule(
        "quarter", _QUARTER, _quarter, triggers=("quarter", "half"), before=80, after=50, whole=True
    ),
    Rule(
        "q-code",
        _Q_CODE2,
        _q_code2,
        flags=0,
        triggers=_D,
        before=25,
        after=25,
        anchored=True,
        lead=1,  # the letter of Q3 before its digit
    ),
    Rule("year-ago", _YEAR_AGO, _year_ago, triggers=("year",), before=10, after=30, whole=True),
    Rule(
        "year-end",
        _YEAR_END,
        _year_end,
        triggers=("year",),
        before=5,
        after=15,
        anchored=True,
        whole=True,
    ),
    Rule("season", _SEASON, _season, triggers=tuple(SEASONS), before=30, after=20, whole=True),
    Rule("duration", _DURATION, _duration, triggers=_UNIT_T, before=120, after=50, whole=True),
    Rule(
        "set-word",
        _SET_WORD,
        _set_word,
        triggers=(
            "daily",
            "weekly",
            "monthly",
            "yearly",
            "hourly",
            "nightly",
            "biweekly",
            "fortnightly",
            "annually",
            "semiannually",
            "biannually",
        ),
        before=8,
        after=8,
        whole=True,
    ),
    Rule(
        "every",
        _EVERY,
        _every,
        triggers=("every", "each", "per"),
        before=5,
        after=100,
        anchored=True,
        whole=True,
    ),
    Rule(
        "holiday",
        _HOLIDAY,
        _holiday,
        triggers=(
            "christmas",
            "thanksgiving",
            "halloween",
            "easter",
            "valentine",
            "day",
            "eve",
            "friday",
            "year",
            "defender",
            "juneteenth",
        ),
        before=30,
        after=30,
        whole=True,
    ),
    Rule("boundary", _BOUNDARY, _boundary, triggers=_CAL_UNIT_T, before=35, after=15, whole=True),
    Rule(
        "the-unit",
        _THE_UNIT,
        _the_unit,
        triggers=("year", "weekend", "period"),
        before=25,
        after=15,
        whole=True,
    ),
    Rule(
        "anaphoric-day",
        _ANAPHORIC_DAY,
        _anaphoric_day,
        triggers=("day", "morning", "afternoon", "evening", "night"),
        before=30,
        after=20,
        whole=True,
    ),
    Rule(
        "anaphoric-year",
        _ANAPHORIC_YEAR,
        _anaphoric_year,
        triggers=("year",),
        before=25,
        after=20,
        whole=True,
    ),
    Rule(
        "decade",
        _DECADE,
        _decade,
        triggers=(*_D, *_DECADE_WORDS),
        before=10,
        after=10,
        whole=True,
    ),
    Rule("century", _CENTURY, _century, triggers=("century",), before=30, after=10, whole=True),
    Rule(
        "spelled-year",
        _SPELLED_YEAR,
        _spelled_year,
        triggers=("nineteen", "thousand"),
        before=20,
        after=40,
        whole=True,
    ),
    Rule(
        "year",
        _YEAR,
        _year_rule,
        triggers=(*_D, "fiscal", "fy", "financial"),
        before=25,
        after=25,
        anchored=True,
    ),
    Rule(
        "phrase",
        _PHRASE,
        _phrase,
        triggers=_PHRASE_T,
        before=_PHRASE_BEFORE,
        after=_PHRASE_AFTER,
        whole=True,
    ),
)
