"""Shared machinery of the temporal tagger: candidates, context and tense.

Private helpers of :mod:`claimtrack.mentions._times`.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable, Iterator

__all__ = [
    "DIGITS",
    "NUMBER_WORDS",
    "UNIT_CODES",
    "Candidate",
    "Context",
    "Rule",
    "Scanner",
    "case_folded",
    "duration_value",
    "folded_text",
    "optional_as_branch",
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


# --- case folding -----------------------------------------------------------------------
# Case-insensitive matching is several times slower than case-sensitive matching in
# Python's regex engine. A case-insensitive pattern is therefore also compiled as a
# case-sensitive one with its letters lowered, and run over the lower-cased text: the two
# match at the same places wherever lowering a character is what ignoring its case means
# (see :func:`folded_text`), and the text is then matched once more, at that place only.


def _canonical(char: str) -> bool:
    """Whether ``char`` is its own lower case and the lower case of its upper case."""
    low = char.lower()
    return len(low) == 1 and low.upper().lower() == low


def _cased(char: str) -> bool:
    return char.lower() != char.upper()


_CODE_ESCAPE = re.compile(
    r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(0[0-7]{0,2}))"
)
# Each branch stops at the first character it cannot take, so a scan is linear: a set
# holds no "[" (one that does is "bad", and the source is left alone), and a group's
# opening is read only as far as its kind.
_PIECE = re.compile(
    r"(?P<escape>\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|0[0-7]{0,2}|.))"
    r"|(?P<class>\[\^?\]?(?:\\.|[^\]\\\[])*\])"
    r"|(?P<open>\((?!\?)|\(\?(?::|P<\w+>|<?[=!]|P=\w+\)|[a-zA-Z-]*[:)]))"
    r"|(?P<close>\))"
    r"|(?P<bad>\(\?|\[)"
    r"|(?P<char>[^\\\[()]+|.)",
    re.DOTALL,
)


def _pieces(source: str) -> Iterator[tuple[str, str]]:
    """A pattern's source in pieces: (kind, text) with kind ``escape``, ``class`` (a whole
    character set), ``group``, ``capture``, ``look`` or ``flags`` (a group's opening),
    ``inline`` (a back-reference), ``close``, ``char`` (a run of others) or ``bad`` (what
    these do not cover: a set holding ``[``, a comment, another ``(?`` construct)."""
    for piece in _PIECE.finditer(source):
        kind = piece.lastgroup or "char"
        text = piece.group()
        if kind == "open":
            if text in ("(", "(?:") or text.startswith("(?P<"):
                kind = "group" if text == "(?:" else "capture"
            elif text.startswith(("(?=", "(?!", "(?<")):
                kind = "look"
            elif text.startswith("(?P="):
                kind = "inline"
            else:
                kind = "flags"
        yield kind, text


def _fold_escape(text: str) -> str | None:
    code = _CODE_ESCAPE.fullmatch(text)
    if code is not None:
        base = 8 if code[4] is not None else 16
        if _cased(chr(int(code[1] or code[2] or code[3] or code[4], base))):
            return None  # a cased character written as a code
    return None if text.startswith("\\N") else text  # a named character


def _fold_char(text: str) -> str | None:
    if text.isascii():
        return text.lower()
    low = [char.lower() for char in text]
    return "".join(low) if all(char.isascii() or _canonical(char) for char in low) else None


def _fold_class(text: str) -> str | None:
    out: list[str] = []
    body = text
    for prefix in ("[^", "["):
        if body.startswith(prefix):
            out.append(prefix)
            body = body[len(prefix) :]
            break
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            escape = _CODE_ESCAPE.match(body, index)
            piece = escape.group() if escape is not None else body[index : index + 2]
            folded = _fold_escape(piece)
            if folded is None:
                return None
            out.append(folded)
            index += len(piece)
            continue
        if body.startswith("-", index + 1) and index + 2 < len(body) - 1:
            last = body[index + 2]
            if (_cased(char) or _cased(last)) and not (
                char.isascii()
                and last.isascii()
                and char.isupper() == last.isupper()
                and char.isalpha()
                and last.isalpha()
            ):
                return None  # a range whose lower case is not a range
        folded_char = _fold_char(char)
        if folded_char is None:
            return None
        out.append(folded_char)
        index += 1
    return "".join(out)


def case_folded(source: str) -> str | None:
    r"""A case-insensitive pattern's source as a case-sensitive one over lower-cased text.

    Letters are lowered outside escapes and group names; ``None`` where that would not
    do (inline flags, a range between cased characters beyond ASCII, a cased character
    written as a code, a character whose lower case is not its own canonical form).

    >>> case_folded(r"(?P<am>[AP]\.M\.)\s(?P=am)"), case_folded("(?i)x")
    ('(?P<am>[ap]\\.m\\.)\\s(?P=am)', None)
    """
    out: list[str] = []
    for kind, text in _pieces(source):
        folded: str | None = text
        if kind == "escape":
            folded = _fold_escape(text)
        elif kind == "class":
            folded = _fold_class(text)
        elif kind == "char":
            folded = _fold_char(text)
        elif kind in ("flags", "bad"):
            folded = None
        if folded is None:
            return None
        out.append(folded)
    return "".join(out)


def optional_as_branch(source: str) -> str:
    r"""The pattern with each optional group ``(?:X)?`` written ``(?:X|)``.

    The two match alike (the group first, then nothing), but Python's regex engine runs
    an alternation much faster than a repeat of a group. Groups made optional lazily or
    possessively, and look-arounds, are left alone; so is a source with inline flags.

    >>> optional_as_branch(r"(?:the\s)?(?P<n>\d+)?x(?:y)??")
    '(?:the\\s|)(?:(?P<n>\\d+)|)x(?:y)??'
    """
    out: list[str] = []
    stack: list[tuple[int, str]] = []
    pieces = list(_pieces(source))
    for index, (kind, text) in enumerate(pieces):
        if kind in ("flags", "bad"):
            return source
        if kind in ("group", "capture", "look"):
            stack.append((len(out), kind))
        out.append(text)
        if kind != "close" or not stack:
            continue
        at, opened = stack.pop()
        after = "".join(text for _kind, text in pieces[index + 1 : index + 3])
        if opened != "look" and after.startswith("?") and not after.startswith(("??", "?+")):
            group = "".join(out[at:])
            del out[at:]
            out.append(f"(?:{group[3:-1] if opened == 'group' else group}|)")
            kind_after, text_after = pieces[index + 1]
            pieces[index + 1] = (kind_after, text_after[1:])  # the "?" is spent
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def _folds(char: str) -> bool:
    """Whether lowering ``char`` is what ignoring its case means to the regex engine.

    Its lower case is one character, the canonical lower case of its upper case (not
    ``ı`` or ``ſ``, which match ``i`` and ``s`` ignoring case), and a word character,
    digit or white space exactly when ``char`` is.
    """
    low = char.lower()
    return (
        len(low) == 1
        and low.upper().lower() == low
        and low.isalnum() == char.isalnum()
        and low.isdecimal() == char.isdecimal()
        and low.isspace() == char.isspace()
    )


_ASCII_RUN = re.compile(r"[\x00-\x7f]+")


def folded_text(
    text: str, lower: str | None = None, beyond_ascii: frozenset[str] | None = None
) -> str | None:
    """The text in lower case where case-folded patterns may run over it, else ``None``.

    ``lower`` is ``text.lower()`` and ``beyond_ascii`` :func:`beyond_ascii` of the text
    where the caller has them.

    >>> folded_text("In May"), folded_text("Pıd")
    ('in may', None)
    """
    if lower is None:
        lower = text.lower()
    if len(lower) != len(text):
        return None
    if beyond_ascii is None:
        beyond_ascii = _beyond_ascii(text)
    return lower if all(_folds(char) for char in beyond_ascii) else None


def _beyond_ascii(text: str) -> frozenset[str]:
    """The characters of a text that are not ASCII."""
    return frozenset() if text.isascii() else frozenset(_ASCII_RUN.sub("", text))


# --- tense ------------------------------------------------------------------------------

_FUTURE_CUES = (
    "will", "won't", "'ll", "’ll", "shall", "gonna", "going to", "plan to", "plans to",
    "planned to", "planning to", "intend to", "intends to", "intend", "expect to", "expects to",
    "expected to", "scheduled", "due to", "set to", "is to", "are to", "would", "upcoming",
    "forthcoming", "hope to", "hopes to", "aim to", "aims to", "should", "next", "tomorrow",
    "decided to", "agreed to", "promised to", "pledged to", "vowed to", "might", "may be",
    "may finally", "may soon", "may well",
    "until", "till", "coming", "soon", "from now", "planned for", "planned a", "planned an",
    "planned the", "planning", "slated", "due", "set for", "expected", "invited",
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
#: Irregular past forms: verbs that no adjective shares, as sure a cue as an auxiliary.
_IRREGULAR_PAST = frozenset(
    "went came took made gave held met saw began became left won lost fell rose sold bought "
    "brought found got spoke wrote knew led paid sent spent struck "
    "signed adopted agreed announced killed elected arrived died launched imposed".split()
)
_PRESENT_CUES = ("is", "are", "am", "isn't", "aren't", "now", "currently", "today")
# Word tries rather than long alternations: the scan tries few branches at each word.
_CUE = re.compile(
    rf"(?<![\w'’])(?:(?P<future>{trie(list(_FUTURE_CUES))})"
    rf"|(?P<past>{trie(list(_PAST_CUES))}|[a-z]{{3,}}ed)"
    rf"|(?P<present>{trie(list(_PRESENT_CUES))}))(?![\w'’])",
    re.IGNORECASE,
)
#: The cues of every kind in one word trie, for lower-cased text: the same matches as
#: :data:`_CUE` (no cue of one kind is another's), the kind then looked up.
_CUE_FOLDED = re.compile(
    rf"(?<![\w'’])(?:{trie([*_FUTURE_CUES, *_PAST_CUES, *_PRESENT_CUES])}|[a-z]{{3,}}ed)(?![\w'’])"
)
_CUE_KINDS = {
    **dict.fromkeys(_PRESENT_CUES, "present"),
    **dict.fromkeys(_PAST_CUES, "past"),
    **dict.fromkeys(_FUTURE_CUES, "future"),
}
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
_BE = frozenset({"was", "were", "is", "are", "am", "been"})
_WILL_BEFORE = re.compile(r"(?:\bwill|['’]ll|\bshall)[ \t]{1,2}\Z", re.IGNORECASE)
# Reporting verbs: after the expression and a comma, they say when it was said.
_REPORTING = frozenset({"said", "told", "announced", "reported", "added", "stated"})
_PASSIVE = re.compile(r"(?<![\w'’])(?:be|been|being|to|is|are|am|'s|’s)[ \t]{1,2}$", re.IGNORECASE)
# ``[.!?;]\s|\n|[.!?]$``, written to open with a character set the regex engine skips to.
_BOUNDARY = re.compile(r"[.!?;\n](?:(?<=\n)|(?<=[.!?;])\s|(?<=[.!?])$)")
_ABBREV = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec", "gen", "gov", "sen", "rep", "no", "vs", "co", "corp",
     "inc", "ltd", "jr", "sr", "u.s", "a.m", "p.m", "e.g", "i.e", "prof", "lt", "col"}
)  # fmt: skip
_WINDOW = 220
_QUOTE = re.compile("[\"“”]|''|``")
_QUOTE_AT = re.compile("(?=[\"“”]|''|``)")  # every place one starts
_BLOCK = 256  # tense cues are found a block of text at a time (about a sentence)
_CUE_MARGIN = 24  # longer than any cue of several words
_WORD_REST = re.compile(r"[\w'’]*")
_WORD_BEFORE = re.compile(r"([\w.]{1,6})$")


def _cue_kind(word: str) -> str:
    """The kind of a cue found by :data:`_CUE_FOLDED`; only ``…ed`` forms are not listed."""
    kind = _CUE_KINDS.get(word)
    if kind is None and not word.isalpha():  # several words, with any one space between
        kind = _CUE_KINDS.get(" ".join(word.split()))
    return kind or "past"


class Context:
    """The text being tagged and its anchor, with a cached look at sentences."""

    __slots__ = ("_cues", "_sentences", "anchor", "ascii_digits", "folded", "lower", "text")

    def __init__(self, text: str, anchor: dt.date) -> None:
        self.text = text
        self.anchor = anchor
        self.lower = text.lower()
        beyond = _beyond_ascii(text)
        #: The lower-cased text where case-folded patterns may run over it, else ``None``.
        self.folded = folded_text(text, self.lower, beyond)
        #: Whether every digit of the text is an ASCII one.
        self.ascii_digits = not any(char.isdecimal() for char in beyond)
        self._cues: dict[int, list[tuple[int, int, str, str]]] = {}
        self._sentences: dict[tuple[int, int], list[tuple[int, int, str, str]]] = {}

    def _cue_list(self, left: int, right: int) -> list[tuple[int, int, str, str]]:
        """The tense cues (start, end, kind, word) within ``left:right``.

        A sentence is scanned once for all its expressions. A longer stretch (text
        without full stops, read in many overlapping sentences) is read a block of text
        at a time, each block once, so that it is still scanned once.
        """
        if right - left <= _BLOCK:
            key = (left, right)
            cues = self._sentences.get(key)
            if cues is None:
                cues = self._sentences[key] = [c for c in self._scan(left, right) if c[1] <= right]
            return cues
        found: list[tuple[int, int, str, str]] = []
        for block in range(left // _BLOCK, (right - 1) // _BLOCK + 1):
            cues = self._cues.get(block)
            if cues is None:
                first = block * _BLOCK
                cues = self._cues[block] = self._scan(first, first + _BLOCK)
            found.extend(c for c in cues if c[0] >= left and c[1] <= right)
        return found

    def _scan(self, first: int, limit: int) -> list[tuple[int, int, str, str]]:
        """The cues starting within ``first:limit``, as a scan of the whole text finds them."""
        # Start a little early so that the scan is in step with a scan of the whole text
        # (a cue of several words is shorter than the margin) and end a little late, at
        # the end of a word, so that no word cut by the scan's end is read as a shorter
        # cue (``…ed``); keep the cues starting in the stretch.
        stop = _WORD_REST.match(self.text, limit + _CUE_MARGIN)
        begin = max(0, first - _CUE_MARGIN)
        end = stop.end() if stop else len(self.text)
        if self.folded is not None:  # the same matches, lower-cased already
            found: list[tuple[int, int, str, str]] = []
            kinds = _CUE_KINDS
            for m in _CUE_FOLDED.finditer(self.folded, begin, end):
                at = m.start()
                if first <= at < limit:
                    word = m.group()
                    found.append((at, m.end(), kinds.get(word) or _cue_kind(word), word))
            return found
        return [
            (m.start(), m.end(), m.lastgroup or "present", m.group().lower())
            for m in _CUE.finditer(self.text, begin, end)
            if first <= m.start() < limit
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
        cues = self._cue_list(left, right)
        if not cues:
            return None, False
        # A quotation mark between a cue and the expression: the last one before the
        # expression (by where it starts) and the first one after it (by where it ends).
        last_quote = -1
        for hit in _QUOTE_AT.finditer(text, left, start):
            last_quote = hit.start()
        quote_after = _QUOTE.search(text, end, right)
        first_quote_end = right + 1 if quote_after is None else quote_after.end()
        # "Until Thursday, they had not called him": the past perfect dates what ``until`` bounds.
        perfect = any(cue[3] == "had" for cue in cues)
        # "was planned for", "were planning to": the intent, not its auxiliary, points ahead.
        intent = {
            cue[0]
            for cue, following in itertools.pairwise(cues)
            if cue[3] in _BE and following[2] == "future" and following[0] - cue[1] <= 2
        }
        for cue_start, cue_end, kind, word in cues:
            if start <= cue_start < end or cue_start in intent:
                continue
            if perfect and word in ("until", "till"):
                continue
            if word == "next" and text.startswith(("to", "door"), cue_end + 1):
                continue  # "next to the embassy" is a place
            if word in _REPORTING and cue_start >= end and "," in text[end:cue_start]:
                continue  # "... in early March, an official said": said when, not what
            if (
                last_quote >= cue_end
                if cue_end <= start
                else cue_start >= end and first_quote_end <= cue_start
            ):
                continue  # a verb outside the quotation does not date what is quoted
            if word in ("have", "has") and _WILL_BEFORE.search(
                text, max(left, cue_start - 9), cue_start
            ):
                continue  # "will have a meeting": the future auxiliary decides
            strong = word in _STRONG
            if kind == "past" and not strong:
                if word in _NOT_PAST or (text[cue_start].isupper() and cue_start > left):
                    continue  # an adjective, or a proper name (United, ...)
                if _PASSIVE.search(text, max(left, cue_start - 8), cue_start):
                    continue  # "will be held", "to be signed": the auxiliary decides
                strong = word in _IRREGULAR_PAST
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
    """A pattern and what to make of its matches.

    ``triggers`` name what every match of the pattern contains: lower-case word
    beginnings (``"year"`` also stands for ``years`` and ``yearly``) or :data:`DIGITS`
    for a run of digits. ``before`` and ``after`` bound how far a match (and the
    look-ahead its pattern needs) reaches before a trigger's start and after its end.
    With triggers, the pattern runs only in those windows around the triggers the text
    holds instead of over the whole text; without, over the whole text.

    ``needs`` names groups of which a match must have one for the handler to make
    anything of it: matches without are dropped unseen. ``anchored`` says that every
    match begins where one of its triggers begins, or at most ``lead`` characters before:
    the pattern is tried there only.
    ``whole`` says that every match holds one of its trigger words whole, not run on into
    a further letter: trigger words then stand for themselves only, and one that runs on
    (``mar`` in ``market``) opens no window.

    The pattern is compiled when first used; a case-insensitive one also as
    :attr:`folded`, its case-sensitive twin for lower-cased text (see :func:`case_folded`).
    """

    __slots__ = (
        "_folded", "_pattern", "_plain", "after", "anchored", "before", "flags", "handler", "lead",
        "name", "needs", "source", "triggers", "whole",
    )  # fmt: skip

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
        needs: tuple[str, ...] = (),
        anchored: bool = False,
        lead: int = 0,
        whole: bool = False,
    ) -> None:
        self.name = name
        self.lead = lead
        self.whole = whole
        self.source = pattern
        self.needs = needs
        self.anchored = anchored and triggers is not None
        self.flags = flags
        self.handler = handler
        self.triggers = triggers
        self.before = before
        self.after = after
        self._pattern: re.Pattern[str] | None = None
        self._plain: re.Pattern[str] | None = None
        self._folded: re.Pattern[str] | bool | None = False  # False: not compiled yet

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern."""
        if self._pattern is None:
            self._pattern = re.compile(self.source, self.flags)
        return self._pattern

    @property
    def folded(self) -> re.Pattern[str] | None:
        """The pattern made case-sensitive for lower-cased text, or ``None`` when it is not
        case-insensitive or cannot be folded."""
        if self._folded is False:
            source = case_folded(self.source) if self.flags & re.IGNORECASE else None
            self._folded = (
                None
                if source is None
                else re.compile(optional_as_branch(source), self.flags & ~re.IGNORECASE)
            )
        return self._folded if isinstance(self._folded, re.Pattern) else None

    @property
    def plain(self) -> re.Pattern[str]:
        """The pattern as it is scanned over the text itself: its optional groups written as
        alternations (see :func:`optional_as_branch`), which match alike and faster."""
        if self._plain is None:
            self._plain = re.compile(optional_as_branch(self.source), self.flags)
        return self._plain


#: The trigger standing for a run of digits.
DIGITS = "#"
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_WORD_REST_LETTERS = re.compile("[A-Za-z]*")  # the rest of a word a window would cut


_GAP = 48  # windows closer than this merge: scanning the gap costs less than another call


class Scanner:
    """Finds the windows of a text where each rule can match, with one pass over the text.

    One compiled pattern finds every trigger word and another every digit run (the two
    never overlap: trigger words are letters); each trigger opens a window for the rules
    that need it, and overlapping windows merge. Rules with the same triggers and reach
    share their windows; rules without triggers get the whole text.
    """

    __slots__ = (
        "_after", "_all", "_anchored", "_ascii_digits", "_digit_groups", "_digits", "_folded",
        "_group_of", "_groups", "_longest", "_lower", "_rules_of", "_whole", "_whole_of", "rules",
    )  # fmt: skip

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self._groups: list[tuple[int, int]] = []  # (before, after) of each group
        self._group_of: list[int | None] = []  # the group of each rule
        keys: dict[tuple[tuple[str, ...], int, int, bool], int] = {}
        for rule in rules:
            if rule.triggers is None:
                self._group_of.append(None)
                continue
            key = (tuple(sorted(rule.triggers)), rule.before, rule.after, rule.whole)
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
        # Rules wanting whole words get the words themselves, where no letter follows.
        self._rules_of: dict[str, tuple[int, ...]] = {}
        self._whole_of: dict[str, tuple[int, ...]] = {}
        for word in [*words, DIGITS]:
            for whole, table in ((False, self._rules_of), (True, self._whole_of)):
                table[word] = tuple(
                    sorted(
                        {
                            group
                            for rule, group in zip(rules, self._group_of, strict=True)
                            if group is not None
                            and rule.triggers is not None
                            and (rule.whole and word != DIGITS) == whole
                            and any(
                                t == DIGITS
                                if word == DIGITS
                                else word == t
                                if whole
                                else word.startswith(t)
                                for t in rule.triggers
                            )
                        }
                    )
                )
        self._all = tuple(range(len(self._groups)))
        self._whole = frozenset(
            group
            for rule, group in zip(rules, self._group_of, strict=True)
            if group is not None and rule.whole
        )
        self._anchored = frozenset(
            group
            for rule, group in zip(rules, self._group_of, strict=True)
            if group is not None and rule.anchored
        )
        self._digit_groups = self._rules_of[DIGITS]
        self._digits = re.compile(r"\d\d*")  # as \d+, and faster
        self._ascii_digits = re.compile(r"[0-9][0-9]*")  # the same in ASCII text, faster still
        alternation = trie(words)
        # Compiled when first needed: a text whose lower case is longer is rare.
        self._folded: re.Pattern[str] | None = None
        self._lower = rf"(?<![a-z])(?:{alternation})" if words else "(?!)"
        # A trigger word after a character that is no letter, matched with it: the regex
        # engine skips to such characters instead of trying the pattern at every position
        # (a trigger ends with a letter, so the character is never the previous match's).
        self._after = re.compile(rf"[^a-z]({alternation})" if words else "(?!)")
        self._longest = max(map(len, words), default=0)

    def windows(self, text: str) -> list[list[tuple[int, int]] | None]:
        """For each rule, the merged (start, end) windows to scan, or ``None`` for all the text."""
        return [
            None if found is None else [(low, high) for low, high, _starts in found]
            for found in self.regions(text)
        ]

    def regions(
        self, text: str, lower: str | None = None, *, ascii_digits: bool | None = None
    ) -> list[list[tuple[int, int, list[int]]] | None]:
        """As :meth:`windows`, each window with where its triggers start (for anchored rules).

        ``lower`` is ``text.lower()`` where the caller has it, and ``ascii_digits`` whether
        every digit of the text is an ASCII one, where the caller knows. The triggers are gathered
        by kind first, and each group's windows are then cut where two of its triggers lie
        further apart than its reach: no step loops over the triggers once per group in
        Python, so text dense with triggers stays cheap.
        """
        if lower is None:
            lower = text.lower()
        by_word: dict[str, list[tuple[int, int]]] = {}
        if len(lower) == len(text):
            # At the very start, as if after a space: a trigger word is at most the longest.
            first = self._after.match(" " + lower[: self._longest])
            if first is not None:
                by_word[first[1]] = [(0, first.end() - 1)]
            for hit in self._after.finditer(lower, 0 if first is None else first.end() - 1):
                word = hit[1]
                spans = by_word.get(word)
                if spans is None:
                    by_word[word] = [hit.span(1)]
                else:
                    spans.append(hit.span(1))
            fold = False
        else:  # a character whose lower case is longer would shift the offsets
            if self._folded is None:
                self._folded = re.compile(self._lower, re.IGNORECASE)
            for hit in self._folded.finditer(text):
                by_word.setdefault(hit.group(), []).append(hit.span())
            fold = True
        sources: list[list[list[tuple[int, int]]]] = [[] for _ in self._groups]
        if self._digit_groups:
            if ascii_digits is None:
                ascii_digits = text.isascii()
            pattern = self._ascii_digits if ascii_digits else self._digits
            digits = [hit.span() for hit in pattern.finditer(text)]
            if digits:
                for index in self._digit_groups:
                    sources[index].append(digits)
        rules_of = self._rules_of
        whole_of = self._whole_of
        for word, spans in by_word.items():
            key = word.lower() if fold else word
            for index in rules_of.get(key, self._all):
                sources[index].append(spans)
            groups = whole_of.get(key, ())
            if groups:
                ended = [span for span in spans if text[span[1] : span[1] + 1] not in _LETTERS]
                if ended:
                    for index in groups:
                        sources[index].append(ended)
        found = [
            _regions(
                lists,
                before,
                after,
                starts=index in self._anchored,
                text=text if index in self._whole else None,
            )
            for index, (lists, (before, after)) in enumerate(
                zip(sources, self._groups, strict=True)
            )
        ]
        return [None if group is None else found[group] for group in self._group_of]


def _merge(lists: list[list[tuple[int, int]]], before: int, after: int) -> list[tuple[int, int]]:
    """The windows reaching ``before`` and ``after`` around triggers, merged where close.

    ``lists`` hold (start, end) spans sorted by start; spans never overlap, so their ends
    rise with their starts, and a window ends where the next trigger starts more than
    the reach (and :data:`_GAP`) after the last one ends.
    """
    return [(low, high) for low, high, _ in _regions(lists, before, after, starts=False)]


def _regions(
    lists: list[list[tuple[int, int]]],
    before: int,
    after: int,
    *,
    starts: bool,
    text: str | None = None,
) -> list[tuple[int, int, list[int]]]:
    """As :func:`_merge`, each window with where its triggers start if ``starts``.

    Given the ``text`` (for rules wanting whole trigger words), a window ending inside a
    word reaches on to the word's end, merging with the next window if it meets it: a
    trigger word dropped for running on into letters is not cut short there, and found
    whole at the window's end.
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
    windows = [
        (
            spans[first][0] - before,
            spans[last - 1][1] + after,
            [start for start, _end in spans[first:last]] if starts else [],
        )
        for first, last in itertools.pairwise(bounds)
    ]
    if text is None:
        return windows
    joined: list[tuple[int, int, list[int]]] = []
    size = len(text)
    for low, high, found in windows:
        end = high
        if 0 < high < size and text[high] in _LETTERS and text[high - 1] in _LETTERS:
            end = _WORD_REST_LETTERS.match(text, high).end()  # type: ignore[union-attr]
        if joined and low <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end), joined[-1][2] + found)
        else:
            joined.append((low, end, found))
    return joined
