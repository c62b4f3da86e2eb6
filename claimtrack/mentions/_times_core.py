"""Shared machinery of the temporal tagger: candidates, context and tense.

Private helpers of :mod:`claimtrack.mentions._times`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable

__all__ = [
    "DIGITS",
    "NUMBER_WORDS",
    "UNIT_CODES",
    "Candidate",
    "Context",
    "Rule",
    "Scanner",
    "duration_value",
    "parse_number",
    "trie",
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


def trie(words: list[str], *, space: str = r"\s") -> str:
    """A regex alternation of words as a trie, so that a scan tries few branches at a position.

    Greedy: where one word is a prefix of another, the longer one matches when it can.
    A space in a word stands for ``space``, by default any one white-space character.

    >>> trie(["may", "march", "mon", "monday"])
    'm(?:a(?:rch|y)|on(?:day)?)'
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [
            (space if char == " " else re.escape(char)) + emit(sub)
            for char, sub in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


# --- tense ------------------------------------------------------------------------------

_FUTURE_CUES = (
    "will", "won't", "'ll", "’ll", "shall", "gonna", "going to", "plan to", "plans to",
    "planned to", "planning to", "intend to", "intends to", "intend", "expect to", "expects to",
    "expected to", "scheduled", "due to", "set to", "is to", "are to", "would", "upcoming",
    "forthcoming", "hope to", "hopes to", "aim to", "aims to", "should", "next", "tomorrow",
    "until", "till", "coming", "soon", "from now",
)  # fmt: skip
_PAST_CUES = (
    "was", "were", "did", "didn't", "had", "has", "have", "hasn't", "haven't", "'ve", "’ve",
    "ago", "said", "told", "been", "last", "yesterday", "earlier", "previously", "recently",
    "already", "since", "went", "came", "took", "made", "gave", "held", "met", "saw", "began",
    "became", "left", "won", "lost", "fell", "rose", "sold", "bought", "brought", "thought",
    "found", "got", "spoke", "wrote", "knew", "led", "paid", "sent", "spent", "struck", "hit",
    "killed", "agreed", "signed", "adopted", "announced", "reported", "arrived", "died",
    "elected", "ended", "started",
)  # fmt: skip
_PRESENT_CUES = ("is", "are", "am", "isn't", "aren't", "now", "currently", "today")
# Word tries rather than long alternations: the scan tries few branches at each word.
_CUE = re.compile(
    rf"(?<![\w'’])(?:(?P<future>{trie(list(_FUTURE_CUES))})"
    rf"|(?P<past>{trie(list(_PAST_CUES))}|[a-z]{{3,}}ed)"
    rf"|(?P<present>{trie(list(_PRESENT_CUES))}))(?![\w'’])",
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
    {"will", "won't", "'ll", "’ll", "shall", "gonna", "was", "were", "did", "didn't",
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
_QUOTE = re.compile("[\"“”]|''|``")
_BLOCK = 256  # tense cues are found a block of text at a time (about a sentence)
_CUE_MARGIN = 24  # longer than any cue of several words
_WORD_REST = re.compile(r"[\w'’]*")
_WORD_BEFORE = re.compile(r"([\w.]{1,6})$")


class Context:
    """The text being tagged and its anchor, with a cached look at sentences."""

    __slots__ = ("_cues", "anchor", "text")

    def __init__(self, text: str, anchor: dt.date) -> None:
        self.text = text
        self.anchor = anchor
        self._cues: dict[int, list[tuple[int, int, str, str]]] = {}

    def _cue_list(self, left: int, right: int) -> list[tuple[int, int, str, str]]:
        """The tense cues (start, end, kind, word) within ``left:right``.

        Cues are found a block of text at a time, each block once, so that a text read
        in many overlapping sentences (one without full stops) is still scanned once.
        """
        found: list[tuple[int, int, str, str]] = []
        for block in range(left // _BLOCK, (right - 1) // _BLOCK + 1):
            cues = self._cues.get(block)
            if cues is None:
                cues = self._cues[block] = self._block_cues(block)
            found.extend(c for c in cues if c[0] >= left and c[1] <= right)
        return found

    def _block_cues(self, block: int) -> list[tuple[int, int, str, str]]:
        first = block * _BLOCK
        # Start a little early so that the scan is in step with a scan of the whole text
        # (a cue of several words is shorter than the margin) and end a little late, at
        # the end of a word, so that no word cut by the scan's end is read as a shorter
        # cue (``…ed``); keep the cues starting in the block.
        stop = _WORD_REST.match(self.text, first + _BLOCK + _CUE_MARGIN)
        return [
            (m.start(), m.end(), m.lastgroup or "present", m.group().lower())
            for m in _CUE.finditer(
                self.text, max(0, first - _CUE_MARGIN), stop.end() if stop else len(self.text)
            )
            if first <= m.start() < first + _BLOCK
        ]

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
        for cue_start, cue_end, kind, word in self._cue_list(left, right):
            if start <= cue_start < end:
                continue
            if word == "next" and text.startswith(("to", "door"), cue_end + 1):
                continue  # "next to the embassy" is a place
            if (
                _QUOTE.search(text, cue_end, start)
                if cue_end <= start
                else _QUOTE.search(text, end, cue_start)
            ):
                continue  # a verb outside the quotation does not date what is quoted
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


#: A rule handler: the match and context in, a candidate (or ``None``) out.
Handler = Callable[[re.Match[str], Context], "Candidate | None"]


class Rule:
    """A compiled pattern and what to make of its matches.

    ``triggers`` name what every match of the pattern contains: lower-case word
    beginnings (``"year"`` also stands for ``years`` and ``yearly``) or :data:`DIGITS`
    for a run of digits. ``before`` and ``after`` bound how far a match (and the
    look-ahead its pattern needs) reaches before a trigger's start and after its end.
    With triggers, the pattern runs only in those windows around the triggers the text
    holds instead of over the whole text; without, over the whole text.
    """

    __slots__ = ("after", "before", "handler", "name", "pattern", "triggers")

    def __init__(
        self,
        name: str,
        pattern: str,
        handler: Handler,
        *,
        flags: int = re.IGNORECASE,
        triggers: tuple[str, ...] | None = None,
        before: int = 0,
        after: int = 0,
    ) -> None:
        self.name = name
        self.pattern = re.compile(pattern, flags)
        self.handler = handler
        self.triggers = triggers
        self.before = before
        self.after = after


#: The trigger standing for a run of digits.
DIGITS = "#"


_GAP = 48  # windows closer than this merge: scanning the gap costs less than another call


class Scanner:
    """Finds the windows of a text where each rule can match, with one pass over the text.

    One compiled pattern finds every trigger word and another every digit run (the two
    never overlap: trigger words are letters); each trigger opens a window for the rules
    that need it, and overlapping windows merge. Rules with the same triggers and reach
    share their windows; rules without triggers get the whole text.
    """

    __slots__ = (
        "_all", "_digit_groups", "_digits", "_folded", "_group_of", "_groups", "_lower",
        "_rules_of", "rules",
    )  # fmt: skip

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self._groups: list[tuple[int, int]] = []  # (before, after) of each group
        self._group_of: list[int | None] = []  # the group of each rule
        keys: dict[tuple[tuple[str, ...], int, int], int] = {}
        for rule in rules:
            if rule.triggers is None:
                self._group_of.append(None)
                continue
            key = (tuple(sorted(rule.triggers)), rule.before, rule.after)
            if key not in keys:
                keys[key] = len(self._groups)
                self._groups.append((rule.before, rule.after))
            self._group_of.append(keys[key])
        words = sorted({w for r in rules for w in r.triggers or () if w != DIGITS})
        if not all(re.fullmatch("[a-z]+", w) for w in words):
            msg = f"trigger words must be lower-case letters: {words}"
            raise ValueError(msg)
        # Every trigger word a scan can report, with the groups of each trigger word that is
        # a prefix of it: the scan reports the longest ("weekend"), a rule may want "week".
        self._rules_of: dict[str, tuple[int, ...]] = {}
        for word in [*words, DIGITS]:
            self._rules_of[word] = tuple(
                sorted(
                    {
                        group
                        for rule, group in zip(rules, self._group_of, strict=True)
                        if group is not None
                        and rule.triggers is not None
                        and any(
                            t == DIGITS if word == DIGITS else word.startswith(t)
                            for t in rule.triggers
                        )
                    }
                )
            )
        self._all = tuple(range(len(self._groups)))
        self._digit_groups = self._rules_of[DIGITS]
        self._digits = re.compile(r"\d+")
        alternation = rf"(?<![a-z])(?:{trie(words)})" if words else "(?!)"
        self._lower = re.compile(alternation)
        self._folded = re.compile(alternation, re.IGNORECASE)

    def windows(self, text: str) -> list[list[tuple[int, int]] | None]:
        """For each rule, the merged (start, end) windows to scan, or ``None`` for all the text.

        The triggers are gathered by kind first, and each group's windows are then cut
        where two of its triggers lie further apart than its reach: no step loops over
        the triggers once per group in Python, so text dense with triggers stays cheap.
        """
        lower = text.lower()
        if len(lower) == len(text):
            hits = self._lower.finditer(lower)
            fold = False
        else:  # a character whose lower case is longer would shift the offsets
            hits = self._folded.finditer(text)
            fold = True
        by_word: dict[str, list[tuple[int, int]]] = {}
        for hit in hits:
            word = hit.group()
            spans = by_word.get(word)
            if spans is None:
                spans = by_word[word] = []
            spans.append(hit.span())
        sources: list[list[list[tuple[int, int]]]] = [[] for _ in self._groups]
        if self._digit_groups:
            digits = [hit.span() for hit in self._digits.finditer(text)]
            if digits:
                for index in self._digit_groups:
                    sources[index].append(digits)
        rules_of = self._rules_of
        for word, spans in by_word.items():
            for index in rules_of.get(word.lower() if fold else word, self._all):
                sources[index].append(spans)
        found = [
            _merge(lists, before, after)
            for lists, (before, after) in zip(sources, self._groups, strict=True)
        ]
        return [None if group is None else found[group] for group in self._group_of]


def _merge(lists: list[list[tuple[int, int]]], before: int, after: int) -> list[tuple[int, int]]:
    """The windows reaching ``before`` and ``after`` around triggers, merged where close.

    ``lists`` hold (start, end) spans sorted by start; spans never overlap, so their ends
    rise with their starts, and a window ends where the next trigger starts more than
    the reach (and :data:`_GAP`) after the last one ends.
    """
    if not lists:
        return []
    spans = lists[0] if len(lists) == 1 else sorted(itertools.chain.from_iterable(lists))
    gap = before + after + _GAP
    cuts = [
        index
        for index, (start, previous) in enumerate(zip(spans[1:], spans, strict=False), start=1)
        if start[0] - previous[1] > gap
    ]
    bounds = [0, *cuts, len(spans)]
    return [
        (spans[first][0] - before, spans[last - 1][1] + after)
        for first, last in itertools.pairwise(bounds)
    ]
