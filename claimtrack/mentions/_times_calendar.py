"""Calendar arithmetic for TIMEX3 values: the day interval a value covers.

Private helpers of :mod:`claimtrack.mentions._times`. Every function is total: a value
it does not understand gives ``(None, None)``, never an exception.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

__all__ = [
    "SEASON_MONTHS",
    "apply_mod",
    "iso_week",
    "month_end",
    "offset_value",
    "season_of",
    "season_value",
    "shift",
    "unit_value",
    "value_interval",
]

#: First and last month of each TIMEX3 season (winter runs into the next year).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_SEASON_ORDER = ("SP", "SU", "FA", "WI")

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")
_YEAR = re.compile(r"\d{4}")
_DECADE = re.compile(r"\d{3}")
_CENTURY = re.compile(r"\d{2}")

_MIN_YEAR = 1
_MAX_YEAR = 9998


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month.

    >>> month_end(2016, 2)
    datetime.date(2016, 2, 29)
    """
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def shift(day: dt.date, **delta: int) -> dt.date | None:
    """``day`` moved by a :class:`~dateutil.relativedelta.relativedelta`, or ``None`` out of range.

    >>> shift(dt.date(2017, 12, 28), months=-1)
    datetime.date(2017, 11, 28)
    """
    try:
        result: dt.date = day + relativedelta(**delta)  # type: ignore[arg-type]
    except (OverflowError, ValueError):
        return None
    return result


def iso_week(day: dt.date) -> str:
    """The ISO week value of a day.

    >>> iso_week(dt.date(2020, 1, 1))
    '2020-W01'
    """
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def season_of(day: dt.date) -> tuple[int, str]:
    """The (year, season) a day falls in; December to February is the winter of December's year.

    >>> season_of(dt.date(2018, 1, 15))
    (2017, 'WI')
    """
    month = day.month
    if month in (12, 1, 2):
        return (day.year if month == 12 else day.year - 1, "WI")
    return (day.year, "SP" if month <= 5 else "SU" if month <= 8 else "FA")


def season_value(anchor: dt.date, season: str, step: int) -> tuple[int, str]:
    """The (year, season) of ``season`` relative to the anchor's season.

    ``step`` -1 is the last such season strictly before the anchor's, +1 the first
    strictly after, 0 the one of the anchor's seasonal year.

    >>> season_value(dt.date(2017, 12, 28), "SU", -1)
    (2017, 'SU')
    """
    year, current = season_of(anchor)
    here = year * 4 + _SEASON_ORDER.index(current)
    target = _SEASON_ORDER.index(season)
    if step == 0:
        return (year, season)
    there = year * 4 + target
    if step < 0:
        while there >= here:
            there -= 4
    else:
        while there <= here:
            there += 4
    return (there // 4, season)


def _season_interval(year: int, season: str) -> tuple[dt.date, dt.date]:
    first, last = SEASON_MONTHS[season]
    if season == "WI":
        return dt.date(year, 12, 1), month_end(year + 1, 2)
    return dt.date(year, first, 1), month_end(year, last)


def _bounded(year: int) -> bool:
    return _MIN_YEAR <= year <= _MAX_YEAR


def value_interval(value: str) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a TIMEX3 date value covers, or ``(None, None)``.

    >>> value_interval("2017-SU")
    (datetime.date(2017, 6, 1), datetime.date(2017, 8, 31))
    >>> value_interval("199")
    (datetime.date(1990, 1, 1), datetime.date(1999, 12, 31))
    >>> value_interval("PAST_REF")
    (None, None)
    """
    try:
        if m := _DAY.fullmatch(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.fullmatch(value):
            year, month = int(m[1]), int(m[2])
            return dt.date(year, month, 1), month_end(year, month)
        if m := _WEEK.fullmatch(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := _PART.fullmatch(value):
            year, part = int(m[1]), m[2]
            if part[0] == "Q":
                first = 3 * int(part[1]) - 2
                return dt.date(year, first, 1), month_end(year, first + 2)
            if part[0] == "H":
                first = 6 * int(part[1]) - 5
                return dt.date(year, first, 1), month_end(year, first + 5)
            if part == "WI" and not _bounded(year + 1):
                return None, None
            return _season_interval(year, part)
        if _YEAR.fullmatch(value):
            year = int(value)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if _DECADE.fullmatch(value):
            first = int(value) * 10
            return dt.date(max(first, 1), 1, 1), dt.date(first + 9, 12, 31)
        if _CENTURY.fullmatch(value):
            first = int(value) * 100
            return dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31)
    except ValueError:
        return None, None
    return None, None


def apply_mod(
    interval: tuple[dt.date | None, dt.date | None], mod: str | None
) -> tuple[dt.date | None, dt.date | None]:
    """Narrow an interval to its START, MID or END third (by months for a year).

    >>> apply_mod((dt.date(2018, 1, 1), dt.date(2018, 12, 31)), "START")
    (datetime.date(2018, 1, 1), datetime.date(2018, 4, 30))
    >>> apply_mod((dt.date(2017, 11, 1), dt.date(2017, 11, 30)), "END")
    (datetime.date(2017, 11, 21), datetime.date(2017, 11, 30))
    """
    first, last = interval
    if first is None or last is None or mod not in ("START", "MID", "END"):
        return interval
    if first.day == 1 and last == month_end(last.year, last.month):
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        if months >= 3 and months % 3 == 0:
            third = months // 3
            index = ("START", "MID", "END").index(mod)
            begin = shift(first, months=third * index)
            end_month = shift(first, months=third * (index + 1) - 1)
            if begin is None or end_month is None:
                return interval
            return begin, month_end(end_month.year, end_month.month)
        if months == 1:
            if mod == "START":
                return first, first.replace(day=10)
            if mod == "MID":
                return first.replace(day=11), first.replace(day=20)
            return first.replace(day=21), last
    days = (last - first).days + 1
    if days < 3:
        return interval
    third = days // 3
    if mod == "START":
        return first, first + dt.timedelta(days=third - 1)
    if mod == "MID":
        return first + dt.timedelta(days=third), last - dt.timedelta(days=third)
    return last - dt.timedelta(days=third - 1), last


def unit_value(anchor: dt.date, unit: str, step: int) -> str | None:
    """The value of the calendar ``unit`` (year, month, week, quarter, decade, century)
    ``step`` units from the one holding ``anchor``; ``None`` off the calendar.

    >>> unit_value(dt.date(2017, 12, 28), "month", 1), unit_value(dt.date(2017, 12, 28), "week", 0)
    ('2018-01', '2017-W52')
    """
    if unit == "year":
        return f"{anchor.year + step:04d}"
    if unit == "month":
        day = shift(anchor, months=step)
        return None if day is None else f"{day.year:04d}-{day.month:02d}"
    if unit == "week":
        return iso_week(anchor + dt.timedelta(weeks=step))
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "decade":
        return f"{anchor.year // 10 + step:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + step:02d}"
    return None


def offset_value(anchor: dt.date, number: int, code: str, sign: int) -> str | None:
    """The value of the time ``number`` units (a duration code: ``Y``, ``M``, ``W``, ``D`` ...)
    before (``sign`` -1) or after (+1) the anchor, at the unit's granularity.

    >>> day = dt.date(2017, 12, 28)
    >>> offset_value(day, 2, "Y", -1), offset_value(day, 3, "D", 1), offset_value(day, 1, "W", -1)
    ('2015', '2017-12-31', '2017-W51')
    """
    n = number
    if code == "Y":
        return f"{anchor.year + sign * n:04d}"
    if code == "DE":
        return f"{anchor.year + sign * 10 * n:04d}"
    if code == "CE":
        return f"{(anchor.year + sign * 100 * n) // 100:02d}"
    if code == "M":
        day = shift(anchor, months=sign * n)
        return None if day is None else f"{day.year:04d}-{day.month:02d}"
    if code == "Q":
        day = shift(anchor, months=sign * 3 * n)
        return None if day is None else f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if code in ("W", "2W", "WE"):
        weeks = n * (2 if code == "2W" else 1)
        day = shift(anchor, weeks=sign * weeks)
        return None if day is None else iso_week(day)
    if code == "D":
        day = shift(anchor, days=sign * n)
        return None if day is None else day.isoformat()
    if code in ("H", "MIN", "S"):
        return anchor.isoformat()
    return None
