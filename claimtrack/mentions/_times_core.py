"""Shared machinery of the temporal tagger: candidates, context and tense.

Private helpers of :mod:`claimtrack.mentions._times`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable

from claimtrack.mentions._times_calendar import shift

__all__ = [
    "NUMBER_WORDS",
    "UNIT_CODES",
    "Candidate",
    "Context",
    "Rule",
    "duration_value",
    "parse_number",
]

#: Cardinal and ordinal number words up to ninety-nine, with a few multipliers.
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "dozen": 12, "couple": 2,
}  # fmt: skip

#: Ordinal words to numbers.
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "last": 4, "final": 4,
}  # fmt: skip

#: Duration unit words to TIMEX3 codes (DE decade, CE century, ML millennium).
UNIT_CODES: dict[str, str] = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "centurie": "CE", "millennium": "ML", "millennia": "ML",
    "weekend": "WE", "session": "D",
}  # fmt: skip

_VAGUE = frozenset({"few", "several", "many", "some", "a few", "couple", "a couple", "numerous"})
_NUM_SPLIT = re.compile(r"[\s\-]+")


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words, or ``None`` when vague.

    >>> parse_number("twenty-four"), parse_number("2 1/2"), parse_number("a few")
    (24.0, 2.5, None)
    """
    raw = text.lower().replace(",", "").strip()
    if raw in _VAGUE:
        return None
    half = 0.0
    for suffix in (" and a half", " and one half", " 1/2", "½"):
        if raw.endswith(suffix):
            raw, half = raw[: -len(suffix)].strip(), 0.5
            break
    if not raw:
        return None
    try:
        return float(raw) + half
    except ValueError:
        pass
    total = 0
    current = 0
    words = [w for w in _NUM_SPLIT.split(raw) if w and w not in ("and", "of")]
    if not words:
        return None
    for word in words:
        if word in _VAGUE:
            return None
        number = NUMBER_WORDS.get(word)
        if number is None:
            return None
        if number in (100, 1000):
            current = max(current, 1) * number
            if number == 1000:
                total, current = total + current, 0
        else:
            current += number
    return float(total + current) + half


_SMALLER = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN")}
_SMALLER["MIN"] = (60, "S")


def duration_value(number: float | None, code: str) -> str:
    """The TIMEX3 duration for ``number`` of a unit code; ``None`` gives an ``X`` count.

    >>> duration_value(3, "D"), duration_value(2.5, "Y"), duration_value(None, "Y")
    ('P3D', 'P2Y6M', 'PXY')
    >>> duration_value(2, "DE"), duration_value(90, "MIN"), duration_value(3, "Q")
    ('P20Y', 'PT90M', 'P9M')
    """
    if code == "2W":
        code, number = "W", None if number is None else number * 2
    if code == "WE":
        return "P2D" if number is None or number == 1 else f"P{int(number * 2)}D"
    if number is not None:
        if code == "Q":
            code, number = "M", number * 3
        elif code == "DE":
            code, number = "Y", number * 10
        elif code == "CE":
            code, number = "Y", number * 100
        elif code == "ML":
            code, number = "Y", number * 1000
    time = code in ("H", "MIN", "S")
    letter = "M" if code == "MIN" else code
    prefix = "PT" if time else "P"
    if number is None:
        return f"{prefix}X{letter}"
    whole = int(number)
    if number == whole:
        return f"{prefix}{whole}{letter}"
    if code in _SMALLER:
        factor, smaller = _SMALLER[code]
        rest = (number - whole) * factor
        if rest == int(rest):
            small_letter = "M" if smaller == "MIN" else smaller
            sep = "T" if smaller in ("H", "MIN", "S") and not time else ""
            head = f"{whole}{letter}" if whole else ""
            return f"{prefix}{head}{sep}{int(rest)}{small_letter}"
    return f"{prefix}{number:g}{letter}"


class Candidate:
    """A time expression found by a rule, before overlaps are resolved."""

    __slots__ = (
        "alternative",
        "earliest",
        "end",
        "latest",
        "mod",
        "priority",
        "reason",
        "start",
        "type",
        "value",
    )

    def __init__(
        self,
        start: int,
        end: int,
        value: str,
        type_: str = "DATE",
        *,
        mod: str | None = None,
        reason: str | None = None,
        alternative: str | None = None,
        priority: int = 0,
    ) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.type = type_
        self.mod = mod
        self.reason = reason
        self.alternative = alternative
        self.priority = priority
        self.earliest: dt.date | None = None
        self.latest: dt.date | None = None

    def __repr__(self) -> str:
        return (
            f"Candidate({self.start}, {self.end}, {self.value!r}, {self.type!r}, mod={self.mod!r})"
        )


# --- tense ------------------------------------------------------------------------------

_FUTURE_CUES = (
    r"will|won't|'ll|’ll|shall|gonna|going\sto|plans?\sto|planned\sto|planning\sto"
    r"|intends?\sto|intend|expects?\sto|expected\sto|scheduled|due\sto|set\sto|is\sto|are\sto"
    r"|would|upcoming|forthcoming|hopes?\sto|aims?\sto|should|next|tomorrow|until|till"
    r"|coming|soon|from\snow"
)
_PAST_CUES = (
    r"was|were|did|didn't|had|has|have|hasn't|haven't|'ve|’ve|ago|said|told"
    r"|been|last|yesterday|earlier|previously|recently|already|since"
    r"|went|came|took|made|gave|held|met|saw|began|became|left|won|lost|fell|rose|sold"
    r"|bought|brought|thought|found|got|spoke|wrote|knew|led|paid|sent|spent|struck|hit"
    r"|killed|agreed|signed|adopted|announced|reported|arrived|died|elected|ended|started"
    r"|[a-z]{3,}ed"
)
_PRESENT_CUES = r"is|are|am|isn't|aren't|now|currently|today"
_CUE = re.compile(
    rf"(?<![\w'’])(?:(?P<future>{_FUTURE_CUES})|(?P<past>{_PAST_CUES})|(?P<present>{_PRESENT_CUES}))(?![\w'’])",
    re.IGNORECASE,
)
_NOT_PAST = frozenset(
    {
        "need", "needed", "indeed", "speed", "seed", "feed", "breed", "exceed", "proceed",
        "succeed", "united", "interested", "limited", "concerned", "related", "based",
        "advanced", "detailed", "dedicated", "sophisticated", "complicated", "bed", "red",
        "shed", "wed", "fed", "hundred", "kindred", "unprecedented", "alleged", "so-called",
        "armed", "embed", "heed", "deed", "weed", "reed", "greed", "creed", "planned",
        "scheduled", "expected", "intended", "supposed", "proposed", "anticipated",
    }
)  # fmt: skip
_STRONG = frozenset(
    {"will", "won't", "'ll", "’ll", "shall", "gonna", "would", "was", "were", "did", "didn't",
     "had", "has", "have", "hasn't", "haven't", "'ve", "’ve", "been", "ago", "is", "are", "am"}
)  # fmt: skip
_PASSIVE = re.compile(r"(?<![\w'’])(?:be|been|being|to|is|are|am|'s|’s)[ \t]{1,2}$", re.IGNORECASE)
_BOUNDARY = re.compile(r"[.!?;]\s|\n|[.!?]$")
_ABBREV = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec", "gen", "gov", "sen", "rep", "no", "vs", "co", "corp",
     "inc", "ltd", "jr", "sr", "u.s", "a.m", "p.m", "e.g", "i.e", "prof", "lt", "col"}
)  # fmt: skip
_WINDOW = 220
_WORD_BEFORE = re.compile(r"([\w.]{1,6})$")


class Context:
    """The text being tagged and its anchor, with a cached look at sentences."""

    __slots__ = ("_cues", "anchor", "text")

    def __init__(self, text: str, anchor: dt.date) -> None:
        self.text = text
        self.anchor = anchor
        self._cues: list[tuple[int, int, str, str]] | None = None

    def _cue_list(self) -> list[tuple[int, int, str, str]]:
        """Every tense cue of the text (start, end, kind, word), found once on first use."""
        if self._cues is None:
            self._cues = [
                (m.start(), m.end(), m.lastgroup or "present", m.group().lower())
                for m in _CUE.finditer(self.text)
            ]
        return self._cues

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence around ``start:end`` (at most a window each side)."""
        text = self.text
        lo = max(0, start - _WINDOW)
        left = lo
        for m in _BOUNDARY.finditer(text, lo, start):
            if m.group().startswith(".") and self._abbreviation(m.start()):
                continue
            left = m.end()
        hi = min(len(text), end + _WINDOW)
        right = hi
        for m in _BOUNDARY.finditer(text, end, hi):
            if m.group().startswith(".") and self._abbreviation(m.start()):
                continue
            right = m.start()
            break
        return left, right

    def _abbreviation(self, dot: int) -> bool:
        m = _WORD_BEFORE.search(self.text, max(0, dot - 6), dot)
        return bool(m) and m is not None and m.group(1).lower() in _ABBREV

    def tense(self, start: int, end: int) -> tuple[str | None, bool]:
        """The tense of the verb nearest to ``start:end`` in its sentence.

        Returns ``"past"`` (past and present perfect), ``"future"`` (will, going to,
        plans to ...), ``"present"`` or ``None`` when the sentence gives no cue, and
        whether the cue is an auxiliary (strong) rather than a verb form (weak).
        """
        left, right = self.sentence(start, end)
        text = self.text
        best: tuple[int, str, bool] | None = None
        strong_kinds: set[str] = set()
        cues = self._cue_list()
        for index in range(bisect.bisect_left(cues, (left,)), len(cues)):
            cue_start, cue_end, kind, word = cues[index]
            if cue_end > right:
                break
            if start <= cue_start < end:
                continue
            strong = word in _STRONG
            if kind == "past" and not strong:
                if word in _NOT_PAST or (text[cue_start].isupper() and cue_start > left):
                    continue  # an adjective, or a proper name (United, ...)
                if _PASSIVE.search(text, max(left, cue_start - 8), cue_start):
                    continue  # "will be held", "to be signed": the auxiliary decides
            if strong and kind != "present":
                strong_kinds.add(kind)
            distance = start - cue_end if cue_end <= start else cue_start - end
            if cue_start >= end:
                distance += 2  # a verb before the expression governs it more often
            if best is None or distance < best[0]:
                best = (distance, kind, strong)
        if best is None:
            return None, False
        # A verb form agreeing with the sentence's only kind of auxiliary is as good as it.
        return best[1], best[2] or strong_kinds == {best[1]}

    def direction(self, start: int, end: int) -> tuple[int, str]:
        """-1 (before the anchor), +1 (after) or 0 (unknown), with the reason."""
        return self.direction_strength(start, end)[:2]

    def direction_strength(self, start: int, end: int) -> tuple[int, str, bool]:
        """As :meth:`direction`, and whether an auxiliary (strong cue) decided it."""
        tense, strong = self.tense(start, end)
        if tense == "past":
            return -1, "tense=past", strong
        if tense == "future":
            return 1, "tense=future", strong
        if tense == "present":
            return 0, "tense=present", strong
        return 0, "tense=none", False

    def shifted(self, **delta: int) -> dt.date | None:
        """The anchor moved by a relativedelta."""
        return shift(self.anchor, **delta)


#: A rule handler: the match and context in, a candidate (or ``None``) out.
Handler = Callable[[re.Match[str], Context], "Candidate | None"]


class Rule:
    """A compiled pattern and what to make of its matches."""

    __slots__ = ("handler", "name", "pattern")

    def __init__(
        self, name: str, pattern: str, handler: Handler, *, flags: int = re.IGNORECASE
    ) -> None:
        self.name = name
        self.pattern = re.compile(pattern, flags)
        self.handler = handler
