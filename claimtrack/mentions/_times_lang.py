"""Rules for languages other than English: absolute dates, month and weekday names, the
days around the anchor (``gestern``, ``mañana``), last, this and next year, month and week
(``letztes Jahr``, ``la semaine prochaine``) and counts of them ago (``hace dos años``).

Month and weekday forms (with their inflections, ``ноября``, ``noviembre``) and the words
for the days around the anchor come from dateparser's language data, read once per
language; nothing is fetched at run time. The relative expressions are this module's own.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from typing import Any

from claimtrack.mentions._times_calendar import offset_value, unit_value
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
#: Adjectives before a bare month that choose its year (``letzten März``: the last March).
_MONTH_STEPS = {
    "de": {"letzten": -1, "nächsten": 1, "kommenden": 1, "diesen": 0},
    "es": {"pasado": -1, "próximo": 1},
    "ru": {"прошлом": -1, "следующем": 1, "этом": 0},
}
_ES_NAMED_MONTH = re.compile(rf"(pasad[oa]|próxim[oa]){_}mes{_}$", re.IGNORECASE)
#: "of last year" after a month name (``в марте прошлого года``, ``im März letzten Jahres``).
_OF_YEAR = {
    "de": rf"(?:des{_})?(?:letzten|vergangenen|vorigen|nächsten|kommenden|diesen|dieses){_}jahres",
    "es": (
        rf"del{_}(?:año{_}(?:pasado|próximo|que{_}viene|entrante)|próximo{_}año|pasado{_}año)"
        rf"|de{_}este{_}año"
    ),
    "fr": rf"de{_}l['’](?:année|an){_}(?:derni(?:er|ère)|prochaine?|passée)|de{_}cette{_}année",
    "ru": rf"(?:прошлого|следующего|будущего|этого|текущего|нынешнего){_}года",
}
#: The year word after a bare year (``im Jahr 2018``) is optional; a preposition is enough.
_YEAR_BEFORE = {
    "de": r"(?:im|Jahr|Jahres|seit|bis|ab|vor|nach|von|zum|Ende|Anfang|Mitte|um|für|in)",
    "es": r"(?:en|año|desde|hasta|de|del|para|antes|después|a finales de|a principios de)",
    "fr": r"(?:en|année|depuis|jusqu'en|de|dès|avant|après|pour|fin|début|l'an)",
    "ru": r"(?:в|во|с|до|к|по|году|год|года|конце|начале|середине|после|перед|около)",
}

#: Last, this and next year, month and week: the word for the year, month or week, and
#: what comes before or after it (article, adjective), with the step each adjective means.
_REL_UNIT = {
    "de": (
        rf"(?P<rel>(?:letzte|vergangene|vorige|diese|nächste|kommende)[nmrs]?){_}"
        rf"(?P<unit>jahr(?:es|s)?|monat(?:e?s)?|woche)(?![\w])"
    ),
    "es": (
        rf"(?:(?:el|la){_})?(?:(?P<rel>est[ea]|próxim[oa]|pasad[oa]){_}(?P<unit>año|mes|semana)"
        rf"|(?P<unit2>año|mes|semana){_}(?P<rel2>pasad[oa]|próxim[oa]|entrante|que{_}viene))"
        rf"(?![\w])"
    ),
    "fr": (
        rf"(?:(?P<rel>cette|ce|cet){_}(?P<unit>année|mois|semaine)(?:-ci)?"
        rf"|(?:l['’]|le{_}|la{_})?(?P<unit2>année|an|mois|semaine){_}"
        rf"(?P<rel2>derni(?:er|ère)|prochaine?|passée?))(?![\w])"
    ),
    "ru": (
        rf"(?P<rel>прошл(?:ом|ый|ого|ая|ой|ую|ое)|следующ(?:ем|ий|его|ая|ей|ую|ее)"
        rf"|будущ(?:ем|ий|его|ая|ей|ую|ее)|эт(?:ом|от|ого|а|ой|у)|текущ(?:ем|ий|его|ая|ей|ую|ее)"
        rf"|нынешн(?:ем|ий|его|яя|ей|юю|ее)){_}(?P<unit>год(?:у|а)?|месяц(?:е|а)?|недел[еиюя])(?![\w])"
    ),
}
#: The step of each relative word's stem (matched by its beginning).
_REL_STEPS = {
    "de": (("letzt", -1), ("vergangen", -1), ("vorig", -1), ("dies", 0), ("nächst", 1),
           ("kommend", 1)),
    "es": (("est", 0), ("pasad", -1), ("próxim", 1), ("entrante", 1), ("que", 1)),
    "fr": (("ce", 0), ("derni", -1), ("pass", -1), ("prochain", 1)),
    "ru": (("прошл", -1), ("следующ", 1), ("будущ", 1), ("эт", 0), ("текущ", 0), ("нынешн", 0)),
}  # fmt: skip
#: The calendar unit of each unit word's stem.
_UNIT_STEMS = {
    "de": (("jahr", "year"), ("monat", "month"), ("woche", "week")),
    "es": (("año", "year"), ("mes", "month"), ("semana", "week")),
    "fr": (("an", "year"), ("mois", "month"), ("semaine", "week")),
    "ru": (("год", "year"), ("месяц", "month"), ("недел", "week")),
}
#: A count of years, months, weeks or days ago: the pattern (``n`` the count, ``unit``).
_AGO = {
    "de": (
        rf"vor{_}(?P<n>\d{{1,3}}|{{numbers}}){_}"
        rf"(?P<unit>jahren|jahr|monaten|monat|wochen|woche|tagen|tag)(?![\w])"
    ),
    "es": (
        rf"hace{_}(?P<n>\d{{1,3}}|{{numbers}}){_}"
        rf"(?P<unit>años|año|meses|mes|semanas|semana|días|día)(?![\w])"
    ),
    "fr": (
        rf"il{_}y{_}a{_}(?P<n>\d{{1,3}}|{{numbers}}){_}"
        rf"(?P<unit>ans|an|années|année|mois|semaines|semaine|jours|jour)(?![\w])"
    ),
    "ru": (
        rf"(?:(?P<n>\d{{1,3}}|{{numbers}}){_})?"
        rf"(?P<unit>год|года|лет|месяц|месяца|месяцев|неделю|недели|недель|день|дня|дней)"
        rf"{_}назад(?![\w])"
    ),
}
#: Number words up to twelve (and twenty) in the forms a count ago takes.
_NUMBERS = {
    "de": {"einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
           "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20},
    "es": {"un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
           "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "veinte": 20},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
           "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "vingt": 20},
    "ru": {"один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5,
           "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11,
           "двенадцать": 12, "двадцать": 20},
}  # fmt: skip
#: The duration code of each unit word's stem, for counts ago.
_AGO_CODES = {
    "de": (("jahr", "Y"), ("monat", "M"), ("woche", "W"), ("tag", "D")),
    "es": (("año", "Y"), ("mes", "M"), ("semana", "W"), ("día", "D")),
    "fr": (("an", "Y"), ("mois", "M"), ("semaine", "W"), ("jour", "D")),
    "ru": (("год", "Y"), ("лет", "Y"), ("месяц", "M"), ("недел", "W"), ("день", "D"), ("дн", "D"),
           ("дне", "D")),
}  # fmt: skip
#: Russian unit words that need a count before them (``лет``: only ``пять лет``).
_COUNTED = frozenset({"года", "лет", "месяца", "месяцев", "недели", "недель", "дня", "дней"})
#: Words before ``mañana`` or ``Morgen`` that make it the morning, not tomorrow.
_MORNING_BEFORE = {
    "de": re.compile(
        r"(?:\b(?:der|den|dem|des|am|vom|zum|beim|jeden|jedem|einen|eines|einem|guten|diesen"
        r"|diesem|heute|gestern|morgen)[ \t\u00a0])$",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"(?:\b(?:la|esta|una|cada|toda|media|misma|esa|aquella)[ \t\u00a0])$", re.IGNORECASE
    ),
}


_OF_MONTH = re.compile(rf"{_}de{_}\w", re.IGNORECASE)


#: A part of a day named with the day (``heute Abend``, ``ayer por la tarde``, ``ce soir``,
#: ``вчера вечером``): the pattern (``{days}`` standing for the day words) and the TIMEX3
#: code of each part; without a day word, the part is today's.
_DAY_PARTS: dict[str, tuple[str, dict[str, str]]] = {
    "de": (
        rf"(?P<day>{{days}}){_}(?P<pod>früh|morgen|vormittag|mittag|nachmittag|abend|nacht)",
        {"früh": "MO", "morgen": "MO", "vormittag": "MO", "mittag": "MI", "nachmittag": "AF",
         "abend": "EV", "nacht": "NI"},
    ),
    "es": (
        rf"(?:(?P<day>{{days}}){_}(?:por|en|a){_}la|esta){_}(?P<pod>mañana|tarde|noche)",
        {"mañana": "MO", "tarde": "AF", "noche": "NI"},
    ),
    "fr": (
        rf"(?:(?P<day>{{days}})|cet|cette|ce){_}(?P<pod>matin|après-midi|soir|nuit)",
        {"matin": "MO", "après-midi": "AF", "soir": "EV", "nuit": "NI"},
    ),
    "ru": (
        rf"(?P<day>{{days}}){_}(?P<pod>утром|днём|днем|вечером|ночью)",
        {"утром": "MO", "днём": "AF", "днем": "AF", "вечером": "EV", "ночью": "NI"},
    ),
}  # fmt: skip


def _year_step(language: str, words: str) -> int:
    """The step of the year an "of last year" phrase names: -1, 0 or +1."""
    return next(
        (
            step
            for word in words.lower().split()
            for stem, step in _REL_STEPS[language]
            if word.startswith(stem)
        ),
        0,
    )


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
    for key, offset in (
        ("0 day ago", 0), ("1 day ago", -1), ("in 1 day", 1), ("2 day ago", -2), ("in 2 day", 2),
    ):  # fmt: skip
        for form in relative.get(key, []):
            form_s = str(form).lower()
            if re.fullmatch(r"[\w'’-]+(?: [\w'’-]+)?", form_s) and len(form_s) > 2:
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
        if m.groupdict().get("rel"):  # "8 марта прошлого года": the day of that year
            date = _valid(ctx.anchor.year + _year_step(self.language, m["rel"]), month, int(m["d"]))
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
        """A month name after a preposition: the nearest such month, or the last or next
        one where an adjective says so (``letzten März``, ``el pasado mes de marzo``)."""
        month = self.months[m["m"].lower()]
        anchor = ctx.anchor
        before = m["before"].lower()
        if m["year"]:  # "of last year": that year's month
            value = f"{anchor.year + _year_step(self.language, m['year']):04d}-{month:02d}"
            return Candidate(m.start("m"), m.end(), value, reason="of a relative year")
        step = _MONTH_STEPS.get(self.language, {}).get(before)
        if step is None and m.groupdict().get("after"):
            step = -1 if m["after"].lower().startswith("dernier") else 1
        if step is None and self.language == "es" and before == "de":
            named = _ES_NAMED_MONTH.search(ctx.text, max(0, m.start() - 20), m.start())
            step = None if named is None else -1 if named[1].lower().startswith("pasad") else 1
        if step is not None:
            year = anchor.year
            if step < 0 and month >= anchor.month:
                year -= 1
            elif step > 0 and month <= anchor.month:
                year += 1
            reason = "last" if step < 0 else "next" if step > 0 else "this"
            return Candidate(m.start("m"), m.end(), f"{year:04d}-{month:02d}", reason=reason)
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
        """Today, yesterday or tomorrow (or the day before or after)."""
        word = m.group().lower()
        morning = _MORNING_BEFORE.get(self.language)
        if (
            word in ("morgen", "mañana")
            and morning is not None
            and morning.search(ctx.text, max(0, m.start() - 12), m.start())
            and (self.language != "de" or m.group()[0].isupper())
        ):
            return None  # der Morgen, heute Morgen, la mañana, esta mañana: the morning
        after = ctx.text[m.end() : m.end() + 4]
        if self.language == "es" and word == "mañana" and re.match(r"[ \t]de[ \t]", after):
            return None  # mañana de ...: the morning
        date = ctx.anchor + dt.timedelta(days=self.day_words[word])
        return Candidate(m.start(), m.end(), date.isoformat())

    def day_part(self, m: re.Match[str], ctx: Context) -> Candidate | None:
        """A part of a named day (``heute Abend``), or of today (``esta noche``)."""
        day = m["day"]
        offset = 0 if day is None else self.day_words.get(day.lower(), 0)
        code = _DAY_PARTS[self.language][1][m["pod"].lower()]
        date = ctx.anchor + dt.timedelta(days=offset)
        return Candidate(m.start(), m.end(), f"{date.isoformat()}T{code}", "TIME")

    def rel_unit(self, m: re.Match[str], ctx: Context) -> Candidate | None:
        """Last, this or next year, month or week."""
        rel = (m["rel"] or m.groupdict().get("rel2") or "").lower()
        unit_word = (m["unit"] or m.groupdict().get("unit2") or "").lower()
        step = next((v for stem, v in _REL_STEPS[self.language] if rel.startswith(stem)), None)
        unit = next(
            (u for stem, u in _UNIT_STEMS[self.language] if unit_word.startswith(stem)), None
        )
        if step is None or unit is None:
            return None  # pragma: no cover - the pattern holds only listed words
        if self.language == "es" and unit == "month" and _OF_MONTH.match(ctx.text, m.end()):
            return None  # el pasado mes de marzo: March, named after
        value = unit_value(ctx.anchor, unit, step)
        if value is None:
            return None
        return Candidate(m.start(), m.end(), value, reason=f"{rel} {unit_word}")

    def ago(self, m: re.Match[str], ctx: Context) -> Candidate | None:
        """A count of years, months, weeks or days ago."""
        unit_word = m["unit"].lower()
        raw = (m["n"] or "").lower()
        if not raw and unit_word in _COUNTED:
            return None  # "несколько лет назад": a count not given in figures or words
        number = int(raw) if raw.isdigit() else _NUMBERS[self.language].get(raw, 1)
        code = next(c for stem, c in _AGO_CODES[self.language] if unit_word.startswith(stem))
        value = offset_value(ctx.anchor, number, code, -1)
        if value is None:
            return None
        return Candidate(m.start(), m.end(), value, reason="ago")


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
            rf"(?:,?{_}(?:{joiner}{_})?{year}{year_tail}|{_}(?P<rel>{_OF_YEAR[language]}){e})?",
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
            rf"{b}(?P<before>{_BARE_BEFORE[language]}){_}(?P<m>{month_alt}){e}"
            rf"(?:{_}(?P<year>{_OF_YEAR[language]}){e})?"
            + (rf"(?:{_}(?P<after>derni(?:er|ère)|prochaine?){e})?" if language == "fr" else ""),
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
        parts = _DAY_PARTS[language][0].replace("{days}", _alt(lang.day_words))
        found.append(Rule("lang-day-part", rf"{b}{parts}{e}", lang.day_part, flags=flags))
    found.append(Rule("lang-rel-unit", rf"{b}{_REL_UNIT[language]}", lang.rel_unit, flags=flags))
    numbers = "|".join(sorted(_NUMBERS[language], key=len, reverse=True))
    ago = _AGO[language].replace("{numbers}", numbers)
    found.append(Rule("lang-ago", rf"{b}{ago}", lang.ago, flags=flags))
    return tuple(found + numeric)
