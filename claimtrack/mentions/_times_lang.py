"""Rules for languages other than English: absolute dates, month and weekday names.

Month and weekday forms (with their inflections, ``ноября``, ``noviembre``) come from
dateparser's language data, read once per language; nothing is fetched at run time.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from typing import Any

from claimtrack.mentions._times_core import Candidate, Context, Rule

__all__ = ["rules"]

_ = r"[ \t\u00a0]"
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")  # fmt: skip
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: Words that may stand between a day and its month, or a month and its year.
_JOINERS = {
    "es": r"(?:de|del)",
    "fr": r"(?:de)",
    "de": r"(?:des)",
    "ru": r"(?:of)",
}
#: Words after a year (``2017 года``, ``2017 г.``).
_YEAR_TAIL = {"ru": rf"(?:{_}(?:года|году|год|г\.?))?"}
#: Words that make a bare month name a date (``в ноябре``, ``im November``).
_BARE_BEFORE = {
    "de": r"(?:im|seit|bis|ab|Anfang|Ende|Mitte|vom|zum|letzten|nächsten|diesen|kommenden)",
    "es": r"(?:en|desde|hasta|de|finales de|principios de|mediados de|pasado|próximo)",
    "fr": r"(?:en|depuis|jusqu'en|début|fin|mi-|dès|d'ici)",
    "ru": r"(?:в|во|с|до|к|по|конце|начале|середине|с начала|прошлом|следующем|этом)",
}
#: The year word after a bare year (``im Jahr 2018``) is optional; a preposition is enough.
_YEAR_BEFORE = {
    "de": r"(?:im|Jahr|Jahres|seit|bis|ab|vor|nach|von|zum|Ende|Anfang|Mitte|um|für|in)",
    "es": r"(?:en|año|desde|hasta|de|del|para|antes|después|a finales de|a principios de)",
    "fr": r"(?:en|année|depuis|jusqu'en|de|dès|avant|après|pour|fin|début|l'an)",
    "ru": r"(?:в|во|с|до|к|по|году|год|года|конце|начале|середине|после|перед|около)",
}


def _locale_info(language: str) -> dict[str, Any]:
    from dateparser.languages import default_loader  # noqa: PLC0415 - heavy, loaded on demand

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        locale = default_loader.get_locale(language)
    info: dict[str, Any] = locale.info
    return info


def _forms(info: dict[str, Any], key: str, *, minimum: int) -> dict[str, int]:
    keys = _MONTH_KEYS if key == "month" else _WEEKDAY_KEYS
    return {
        str(form).lower(): index
        for index, name in enumerate(keys, 1)
        for form in info.get(name, [])
        if len(str(form).rstrip(".")) >= minimum
    }


def _russian_locative(months: dict[str, int]) -> dict[str, int]:
    """The prepositional case of Russian month names (``в ноябре``), which dateparser lacks."""
    extra: dict[str, int] = {}
    for form, index in months.items():
        if len(form) < 4 or not form.isalpha():
            continue
        if form.endswith(("ь", "й")):
            extra[form[:-1] + "е"] = index
        elif form.endswith("т"):
            extra[form + "е"] = index
    return extra


def _alt(forms: dict[str, int]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest(ctx: Context, month: int, day: int) -> tuple[dt.date, dt.date | None] | None:
    anchor = ctx.anchor
    options = [
        d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _valid(y, month, day))
    ]
    if not options:
        return None
    best = min(options, key=lambda d: (abs((d - anchor).days), d > anchor))
    past = [d for d in options if d <= anchor][-1:]
    future = [d for d in options if d >= anchor][:1]
    others = [d for d in past + future if d != best]
    return best, (others[0] if others else None)


def _numeric_rules() -> list[Rule]:
    def iso(m: re.Match[str], ctx: Context) -> Candidate | None:
        date = _valid(int(m["y"]), int(m["mo"]), int(m["d"]))
        return None if date is None else Candidate(m.start(), m.end(), date.isoformat())

    def dotted(m: re.Match[str], ctx: Context) -> Candidate | None:
        date = _valid(int(m["y"]), int(m["mo"]), int(m["d"]))
        return None if date is None else Candidate(m.start(), m.end(), date.isoformat())

    return [
        Rule(
            "iso-date",
            r"(?<![\w\-./])(?P<y>(?:1[0-9]|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\w\-]|[./]\d)",
            iso,
        ),
        Rule(
            "dotted-date",
            r"(?<![\w\-./,])(?P<d>[0-3]?\d)[./](?P<mo>[01]?\d)[./](?P<y>(?:1[0-9]|20)\d\d)(?![\w\-/]|[.,]\d)",
            dotted,
        ),
    ]


def _day_words(info: dict[str, Any]) -> dict[str, int]:
    """The one- or two-word forms of today, yesterday and tomorrow, as day offsets."""
    relative = info.get("relative-type", {})
    words: dict[str, int] = {}
    for key, offset in (("0 day ago", 0), ("1 day ago", -1), ("in 1 day", 1)):
        for form in relative.get(key, []):
            form_s = str(form).lower()
            if re.fullmatch(r"[\w'’]+(?: [\w'’]+)?", form_s) and len(form_s) > 2:
                words[form_s] = offset
    return words


class _Language:
    """The vocabulary of one language and the handlers that use it."""

    def __init__(self, language: str, info: dict[str, Any]) -> None:
        self.language = language
        self.months = _forms(info, "month", minimum=3)
        if language == "ru":
            self.months.update(_russian_locative(self.months))
        self.weekdays = _forms(info, "weekday", minimum=4)
        self.day_words = _day_words(info)

    def full(self, m: re.Match[str], ctx: Context) -> Candidate | None:
        """A day and month, with or without a year; or a month and year."""
        month = self.months[m["m"].lower()]
        if m["d"] is None:
            if m["y"] is None:
                return None
            return Candidate(m.start(), m.end(), f"{int(m['y']):04d}-{month:02d}")
        if m["y"] is not None:
            date = _valid(int(m["y"]), month, int(m["d"]))
            return None if date is None else Candidate(m.start(), m.end(), date.isoformat())
        resolved = _nearest(ctx, month, int(m["d"]))
        if resolved is None:
            return None
        date, other = resolved
        return Candidate(
            m.start(), m.end(), date.isoformat(), reason="nearest",
            alternative=None if other is None else other.isoformat(),
        )  # fmt: skip

    def bare_month(self, m: re.Match[str], ctx: Context) -> Candidate | None:
        """A month name after a preposition: the nearest such month."""
        month = self.months[m["m"].lower()]
        anchor = ctx.anchor
        here = anchor.year * 12 + anchor.month - 1
        options = [(y, y * 12 + month - 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        year, _index = min(options, key=lambda o: (abs(o[1] - here), o[1] > here))
        return Candidate(m.start("m"), m.end(), f"{year:04d}-{month:02d}", reason="nearest")

    def weekday(self, m: re.Match[str], ctx: Context) -> Candidate | None:
        """A weekday name: the nearest such day."""
        wd = self.weekdays[m["w"].lower()]
        anchor = ctx.anchor
        back = (anchor.isoweekday() - wd) % 7
        date = (
            anchor - dt.timedelta(days=back) if back <= 3 else anchor + dt.timedelta(days=7 - back)
        )
        return Candidate(m.start(), m.end(), date.isoformat(), reason="nearest")

    def year(self, m: re.Match[str], ctx: Context) -> Candidate | None:
        """A year after a preposition or the word for year."""
        value = int(m["y"])
        if value > ctx.anchor.year + 100:
            return None
        return Candidate(m.start("y"), m.end(), f"{value:04d}")

    def day_word(self, m: re.Match[str], ctx: Context) -> Candidate | None:
        """Today, yesterday or tomorrow."""
        word = m.group().lower()
        if self.language == "de" and m.group()[0].isupper() and word == "morgen":
            return None  # der Morgen: the morning
        after = ctx.text[m.end() : m.end() + 4]
        if self.language == "es" and word == "mañana" and re.match(r"[ \t]de[ \t]", after):
            return None  # la mañana de ...: the morning
        date = ctx.anchor + dt.timedelta(days=self.day_words[word])
        return Candidate(m.start(), m.end(), date.isoformat())


def rules(language: str) -> tuple[Rule, ...]:
    """The rules for a language (numeric dates only for a language without data).

    >>> [r.name for r in rules("xx")]
    ['iso-date', 'dotted-date']
    """
    numeric = _numeric_rules()
    if language not in _BARE_BEFORE:
        return tuple(numeric)
    lang = _Language(language, _locale_info(language))
    month_alt = _alt(lang.months)
    weekday_alt = _alt(lang.weekdays)
    joiner = _JOINERS.get(language, "(?!)")
    year_tail = _YEAR_TAIL.get(language, "")
    year = r"(?P<y>(?:1[0-9]|20)\d\d)(?!\d)"
    day = r"(?P<d>[12]\d|3[01]|0?[1-9])(?:\.|er|º|o|-?го|-?е)?"
    b = r"(?<![\w])"
    e = r"(?![\w])"
    flags = re.IGNORECASE
    found: list[Rule] = [
        Rule(
            "lang-full-date",
            rf"{b}(?:(?:{weekday_alt}),?{_})?{day}{_}{{1,2}}(?:{joiner}{_})?(?P<m>{month_alt}){e}"
            rf"(?:,?{_}(?:{joiner}{_})?{year}{year_tail})?",
            lang.full,
            flags=flags,
        ),
        Rule(
            "lang-month-year",
            rf"{b}(?P<d>(?!))?(?P<m>{month_alt}){e}\.?{_}(?:{joiner}{_})?{year}{year_tail}",
            lang.full,
            flags=flags,
        ),
        Rule(
            "lang-bare-month",
            rf"{b}{_BARE_BEFORE[language]}{_}(?P<m>{month_alt}){e}",
            lang.bare_month,
            flags=flags,
        ),
        Rule(
            "lang-year",
            rf"{b}{_YEAR_BEFORE[language]}{_}{year}{year_tail}(?![\w%]|[.,]\d)",
            lang.year,
            flags=flags,
        ),
    ]
    if weekday_alt:
        found.append(
            Rule("lang-weekday", rf"{b}(?P<w>{weekday_alt}){e}", lang.weekday, flags=flags)
        )
    if lang.day_words:
        pattern = rf"{b}(?:{_alt(lang.day_words)}){e}"
        found.append(Rule("lang-day-word", pattern, lang.day_word, flags=flags))
    return tuple(found + numeric)
