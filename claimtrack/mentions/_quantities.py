"""Quantities: numbers written in digits or words, with the noun they count."""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimtrack._model import Quantity

__all__ = ["find_quantities"]

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "hundred": 100,
}
_SCALES = {
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "bn": 1_000_000_000,
    "m": 1_000_000,
    "k": 1_000,
}
_CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB"}
_CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "roubles": "RUB",
    "rubles": "RUB",
    "yuan": "CNY",
    "yen": "JPY",
}
_WORD_NUMBER = "|".join(sorted(_UNITS, key=len, reverse=True))
_SCALE_WORDS = r"thousand|million|billion|trillion|bn"
# A decimal comma, as translations from Russian or German write it, before a share or a
# scale: "6,4 percent", "1,5 billion dollars" (a thousands comma has three digits after).
_DECIMAL_COMMA = (
    r"\d{1,3},\d{1,2}(?=\s?(?:%|per\s?cent\b|percent\b|thousand\b|million\b|billion\b|"
    r"trillion\b))"
)
# "a" or "an" counting one of a scale: "a billion dollars", "a hundred days".
_A_SCALE = r"an?(?=\s(?:hundred|dozen|thousand|million|billion|trillion)\b)"
_A_SCALE_WORDS = frozenset({"hundred", "dozen", "thousand", "million", "billion", "trillion"})
_MODS = (
    "about|around|approximately|roughly|nearly|almost|some|over|more than|less than|"
    "fewer than|at least|at most|up to|under|just over|just under|close to"
)
_NUMBER = re.compile(
    r"(?:\b(?P<mod>" + _MODS + r")\s)?"
    r"(?P<number>"
    r"(?P<currency>[$€£¥₽])?(?P<digits>"
    + _DECIMAL_COMMA
    + r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>" + _SCALE_WORDS + r")\b)?" + r"(?P<percent>\s?%|\s(?:per\s?cent|percent)\b)?"
    r"|\b(?P<words>(?:"
    + _A_SCALE
    + r"|"
    + _WORD_NUMBER
    + r")(?:[\s-](?:"
    + _WORD_NUMBER
    + r"|and))*)\b"
    r"(?:\s(?P<wscale>" + _SCALE_WORDS + r")\b)?" + r"(?P<wpercent>\s(?:per\s?cent|percent)\b)?"
    r"|\b(?P<vague>dozens|hundreds|thousands|millions|billions)(?=\sof\b)"
    r")",
    re.I,
)
_MAX_DIGITS = 18
_VAGUE_SCALE = re.compile(r"\sof\s(thousands|millions|billions)\b(?=\sof\b)", re.I)
_VAGUE = {
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
    "millions": 2_000_000,
    "billions": 2_000_000_000,
}
# Words that end the counted noun phrase after a number.
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "than",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "there",
        "here",
        "per",
        "each",
        "every",
        "since",
        "until",
        "when",
        "where",
        "while",
        "if",
        "because",
        "not",
        "no",
        "so",
        "such",
        "also",
        "only",
        "about",
        "after",
        "before",
        "into",
        "through",
        "during",
        "against",
        "among",
        "between",
        "without",
        "within",
        "across",
        "behind",
        "toward",
        "towards",
        "via",
        "ago",
        # Months and weekdays are dates, not counted nouns ("26 January", "on June 19").
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_TOKEN = re.compile(r"\s((?:[A-Za-z]\.){2,4}|[A-Za-z][A-Za-z\-’']*)")
_OF = re.compile(r"\sof(?=\s)")
# Hyphen or letter right before a number means it is part of a name (G20, COVID-19).
_GLUED = re.compile(r"[A-Za-z\-/–—]")
# A number that names a document, article or item is an identifier, not a quantity.
_NUMBERED = re.compile(
    r"\b(?:resolutions?|no|nos|number|article|art|section|paragraph|chapter|page|item|flight|"
    r"rules?|clause|annex|amendment|point|question|room|round|phase|step|version|volume|vol|"
    r"route|gate|channel|part|title|tier|category|district|precinct|exhibit|appendix|schedule)"
    r"\.?\s?$",
    re.I,
)
# A number that, counting nothing, is a year.
_YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
# After its digits, what makes a number a time, date, ratio or ordinal, not a count:
# "2:46", "9/11", "10.10 a.m.", "75th".
# After a number: a clock time, a ratio, an ordinal, a letter glued on (`5G`, `3D`, `F16`).
_NOT_COUNT_AFTER = re.compile(r"[:/]\d|\s?[AaPp]\.?[Mm]\b|(?:st|nd|rd|th)\b|(?![BKMT]\b)[A-Z]\b")


def find_quantities(
    text: str, start: int = 0, end: int | None = None, *, skip: tuple[tuple[int, int], ...] = ()
) -> list[Quantity]:
    """The quantities in ``text[start:end]``; offsets index ``text``.

    Spans in ``skip`` (times, document numbers) are not quantities.

    >>> [(q.value, q.unit) for q in find_quantities("Four de-escalation zones are open.")]
    [(4, 'de-escalation zones')]
    >>> [(q.value, q.unit, q.mod) for q in find_quantities("about $2 billion and 40% of it")]
    [(2000000000, 'USD', 'about'), (40, 'percent', None)]
    >>> [(q.value, q.unit) for q in find_quantities("3.5 million people")]
    [(3500000.0, 'people')]
    """
    return _find_quantities(text, start, len(text) if end is None else end, skip, None)


def _find_quantities(
    text: str,
    start: int,
    stop: int,
    skip: tuple[tuple[int, int], ...],
    words: frozenset[str] | None,
) -> list[Quantity]:
    """:func:`find_quantities`; ``words`` are the lower-cased runs of ASCII letters of
    ``text[start:stop]``, if known (and no character in it lower-cases oddly)."""
    out: list[Quantity] = []
    no_number_word = (
        words is not None and _NUMBER_WORDS.isdisjoint(words) and _A_SCALE_WORDS.isdisjoint(words)
    )
    if no_number_word and not _DIGIT.search(text, start, stop):
        return out  # no core for a number to start at (see _numbers)
    for match in _numbers(text, start, stop, words):
        n0, n1 = match.span("number")
        if any(s < n1 and n0 < e for s, e in skip):
            continue
        if match.group("digits") and (
            _item_number(text, match, start)
            or (n0 > 0 and _GLUED.match(text, n0 - 1))
            or _NUMBERED.search(text, max(0, n0 - 16), n0)
            or _not_a_count(text, n0, match, stop)
        ):
            continue
        if out and n0 < (out[-1].end or 0):
            continue  # inside the previous quantity ("hundreds of millions of")
        # The counted noun ends where a time or a document number starts ("628 two
        # weeks earlier" counts no weeks).
        limit = min((s for s, _ in skip if s >= n1), default=stop) if skip else stop
        quantity = _quantity(text, match, limit)
        if quantity is None or (quantity.unit is None and _YEAR.fullmatch(quantity.text)):
            continue  # nothing, or a year that find_times did not date ("for 2020-2021")
        out.append(quantity)
    return out


def _not_a_count(text: str, n0: int, match: re.Match[str], stop: int) -> bool:
    """Whether a number in digits is part of a time, date, ratio or ordinal."""
    if n0 > 1 and text[n0 - 1] in ":/" and text[n0 - 2].isdigit():
        return True  # the second half of "2:46" or "9/11"
    if match.group("scale") or match.group("percent"):
        return False
    return _NOT_COUNT_AFTER.match(text, match.end("digits"), stop) is not None


_DIGIT = re.compile(r"\d")
# Where the number of a match of _NUMBER can start, in lower-cased text: a run of digits,
# a number word, a vague plural before "of". Every match has one at most _MAX_MOD
# characters after its start (the modifier, a space and a currency sign before it).
_CORE = re.compile(
    r"\d+|\b(?:" + _WORD_NUMBER + r")\b|\b(?:dozens|hundreds|thousands|millions|billions)(?=\sof\b)"
    r"|\b" + _A_SCALE
)
_MAX_MOD = 20
# A modifier, a space and perhaps a currency sign, just before a number (at endpos).
_MOD_BEFORE = re.compile(r"\b(?:" + _MODS + r")\s[$€£¥₽]?\Z", re.I)
_DIGITS = re.compile(r"\d+")
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_VAGUE)
# Characters that re.IGNORECASE matches to ASCII letters but str.lower does not give.
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")


def _numbers(
    text: str, start: int, stop: int, words: frozenset[str] | None = None
) -> Iterator[re.Match[str]]:
    """``_NUMBER.finditer(text, start, stop)``, matching only where a number can be.

    Every match's number starts at a core (see :data:`_CORE`): a run of digits, a
    number word; a position inside a run of digits (after a match that ended there)
    is a core too. The cores, in order, are tried with :func:`_match_at`. They are
    looked for in the lower-cased segment, whose start is a word boundary even where
    the text's is not, or as substrings: that only adds cores. No modifier or currency
    sign holds a core, so a later core's match never starts before an earlier one's.
    """
    segment = text[start:stop]
    lowered = segment.lower()
    if len(lowered) != len(segment) or (not segment.isascii() and _ODD_CASE.search(segment)):
        yield from _NUMBER.finditer(text, start, stop)
        return
    if words is None:
        cores = [start + core.start() for core in _CORE.finditer(lowered)]
    else:  # digit runs, and wherever a number word of the segment's is a substring
        cores = [start + core.start() for core in _DIGITS.finditer(segment)]
        present = _NUMBER_WORDS.intersection(words)
        for word in present:
            found = lowered.find(word)
            while found >= 0:
                cores.append(start + found)
                found = lowered.find(word, found + 1)
        scales = _A_SCALE_WORDS.intersection(words)
        for word in scales:  # "a" before a scale word: "a billion dollars"
            for article in ("a ", "an "):
                found = lowered.find(article + word)
                while found >= 0:
                    cores.append(start + found)
                    found = lowered.find(article + word, found + 1)
        if present or scales:
            cores.sort()
    position = start
    index = 0
    while True:
        if position < stop and _DIGIT.match(text, position):
            core = position  # inside a run of digits a match ended in
        elif index < len(cores):
            core = cores[index]
            index += 1
            if core < position:
                continue
        else:
            return
        match = _match_at(text, core, position, stop)
        if match is not None:
            yield match
            position = match.end()


def _match_at(text: str, core: int, position: int, stop: int) -> re.Match[str] | None:
    """The first match of _NUMBER from ``position`` whose number is at ``core``, if any.

    It can start only at the core, at a currency sign just before it, or where a
    modifier and a space (and that sign) end just before it; it is the leftmost of
    those that match.
    """
    sign = core - 1 if core > position and text[core - 1] in _CURRENCIES else core
    if sign > position and text[sign - 1].isspace():
        modifier = _MOD_BEFORE.search(text, max(position, core - _MAX_MOD), core)
        if modifier is not None:
            match = _NUMBER.match(text, modifier.start(), stop)
            if match is not None:
                return match
    if sign < core:
        match = _NUMBER.match(text, sign, stop)
        if match is not None:
            return match
    return _NUMBER.match(text, core, stop)


def _quantity(text: str, match: re.Match[str], stop: int) -> Quantity | None:
    groups: dict[str, str | None] = match.groupdict()
    value: int | float
    mod: str | None
    n0, n1 = match.span("number")
    if groups["vague"]:
        value = _VAGUE[groups["vague"].lower()]
        mod = "approx"
        scaled = _VAGUE_SCALE.match(text, n1, stop)
        if scaled is not None:  # "hundreds of millions of"
            value = value * _SCALES[scaled.group(1).lower()[:-1]]
            n1 = scaled.end()
    elif groups["words"]:
        parsed = _words_value(groups["words"])
        if parsed is None:
            return None
        if parsed == 1 and not groups["wscale"]:
            return None  # "one of", "one can say": not a count
        value = parsed
        mod = groups["mod"]
        if text[max(0, n0 - 5) : n0].lower() == "half " and groups["words"][:1] in "aA":
            value, n0 = parsed / 2, n0 - 5  # "half a dozen", "half a million"
    else:
        raw = groups["digits"] or ""  # matched: neither vague nor words
        raw = raw.replace(",", ".") if _DECIMAL.fullmatch(raw) else raw.replace(",", "")
        if len(raw) > _MAX_DIGITS:
            return None  # a serial number or junk, not a quantity
        value = float(raw) if "." in raw else int(raw)
        mod = groups["mod"]
    scale = groups["scale"] or groups["wscale"]
    if scale:
        value = value * _SCALES[scale.lower()]
    unit: str | None
    if groups["percent"] or groups["wpercent"]:
        unit = "percent"
    elif groups["currency"]:
        unit = _CURRENCIES[groups["currency"]]
    else:
        position = n1
        if groups["vague"]:
            of = _OF.match(text, n1, stop)
            position = of.end() if of else n1
        unit = _counted_noun(text, position, stop)
        if unit is not None and unit.lower() in _CURRENCY_WORDS:
            unit = _CURRENCY_WORDS[unit.lower()]
    if groups["words"] and not groups["wscale"]:
        if unit is None and _THE_BEFORE.search(text, max(0, n0 - 4), n0):
            return None  # a pronoun: "The two talked", "the three of us"
        words = groups["words"].lower()
        if words in SMALL_COUNTS and _DEFINITE_BEFORE.search(text, max(0, n0 - 7), n0):
            return None  # a known set, no count: "the two sides", "these three countries"
        if words == "zero" and _NET_ZERO.search(text, max(0, n0 - 4), n1 + 1):
            return None  # "net zero emissions", "zero-emission vehicles"
    if isinstance(value, float) and value.is_integer() and "." not in text[n0:n1]:
        value = int(value)
    return Quantity(
        text[n0:n1], value, unit=unit, mod=mod.lower() if mod else None, start=n0, end=n1
    )


_THE_BEFORE = re.compile(r"\b[Tt]he\s\Z")
#: Number words small enough to name a known set after "the": "the two sides".
SMALL_COUNTS = frozenset("two three four five six seven eight nine ten eleven twelve".split())
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|all)\s\Z", re.I)
_NET_ZERO = re.compile(r"net\szero|zero-", re.I)
# After a list's item number: "1. Statements by ...", "12) Developments in Niger".
_ITEM_AFTER = re.compile(r"[.)](?:\s|\Z)")
_ITEM_INDENT = 8


def _item_number(text: str, match: re.Match[str], start: int) -> bool:
    """Whether a number in digits opens its line as a list's item number (``1.``)."""
    n0, n1 = match.span("number")
    if n1 - n0 > 3 or match.group("scale") or not _ITEM_AFTER.match(text, n1):
        return False
    line = text.rfind("\n", start, n0) + 1 or start
    return n0 - line <= _ITEM_INDENT and not text[line:n0].strip()


_DECIMAL = re.compile(r"\d{1,3},\d{1,2}")
_NUMBER_WORD_BREAK = re.compile(r"[\s-]+")


def _words_value(words: str) -> int | None:
    total, current = 0, 0
    joined = False
    for word in _NUMBER_WORD_BREAK.split(words.lower()):
        if word == "and":
            joined = True
            continue
        number = 1 if word in ("a", "an") else _UNITS[word]
        if joined and current < 100:
            return None  # "two and five years old": two numbers, not one
        joined = False
        if word == "hundred":
            current = max(current, 1) * 100
        elif word == "dozen":
            current = max(current, 1) * 12
        else:
            current += number
    total += current
    return total


def _counted_noun(text: str, start: int, stop: int) -> str | None:
    """The noun phrase after a number, up to and with its first plural noun."""
    words: list[str] = []
    position = start
    plural = False
    while len(words) < 4:
        match = _TOKEN.match(text, position, stop)
        if match is None or match.group(1).lower() in _STOP:
            break
        word = match.group(1)
        words.append(word)
        position = match.end()
        if _is_plural(word.lower()):
            plural = True
            break
    if not plural and words and words[0].lower().endswith(_VERB_ENDINGS):
        return None  # a verb, the number its subject: "The two talked", "three said"
    return " ".join(words) if words else None


# Endings of verbs (and adverbs) that follow a number used as a pronoun.
_VERB_ENDINGS = ("ed", "ly", "said", "met", "told", "spoke", "went", "came", "agreed")


_IRREGULAR_PLURALS = frozenset(
    [
        "people",
        "children",
        "men",
        "women",
        "police",
        "personnel",
        "staff",
        "troops",
        "feet",
        "teeth",
        "mice",
        "data",
        "media",
        "criteria",
        "sheep",
        "fish",
        "deer",
        "aircraft",
    ]
)


def _is_plural(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))
