"""Sentences: splitting a stretch of text into sentences with exact offsets."""

from __future__ import annotations

import re

import attrs

from claimtrack._model import _STR, _non_negative

__all__ = ["Sentence", "split_sentences"]

# Abbreviations after which a period does not end a sentence (lower-cased, no period).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "sgt",
        "adm",
        "gov",
        "sen",
        "rep",
        "pres",
        "amb",
        "hon",
        "rev",
        "fr",
        "sec",
        "dept",
        "no",
        "nos",
        "art",
        "vol",
        "pp",
        "p",
        "para",
        "fig",
        "ed",
        "eds",
        "vs",
        "v",
        "etc",
        "al",
        "e.g",
        "i.e",
        "cf",
        "approx",
        "est",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.s.a",
        "u.s.s.r",
        "d.c",
        "a.m",
        "p.m",
        "ph.d",
        "mt",
        "ft",
        "rt",
        "messrs",
        "mme",
        "mlle",
        "esq",
        "cmdr",
        "cdr",
        "brig",
        "supt",
        "insp",
        "atty",
        "sens",
        "reps",
        "govs",
        "ave",
        "blvd",
        "ca",
        "viz",
    ]
)
# Abbreviations that stand before a number only ("No. 3"); before a word they are words.
_NUMBER_ABBREVIATIONS = frozenset(["no", "nos"])
# Initialisms written with periods ("U.S.", "G.I.", "p.m."), which end a sentence only
# before a word that starts one; "e.g." and "i.e." never do.
_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")
_NEVER_ENDS = frozenset(["e.g", "i.e"])
# The number of an item that opens a line: "1.", "Q1.", "12."
_ITEM_NUMBER = re.compile(r"[A-Za-z]?\d{1,3}")
# Candidate sentence ends: terminal punctuation, closing quotes or brackets, then space. A
# run of marks is tried from its first only: from each of its marks in turn, a run not
# followed by space would be scanned to its end again and again (quadratic time). The
# lookbehind (the mark before the first is none) comes after the first mark, so that the
# search can skip to the marks (a pattern opening with a lookbehind is tried everywhere).
_END = re.compile(r"(?:[.!?](?<![.!?]{2})[.!?]*|…)[\"'”’)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"[\w.]{1,12}$")
_PARAGRAPH = re.compile(r"[^\n]+")
# What may open a sentence: a capital, a digit, an opening quote or bracket, a dash. This
# and the other patterns matched just after a sentence's end start a run of space only
# where one begins (as there), so that no search tries them from within a long run.
_OPENS = re.compile(r"(?<!\s)\s+[\"'“‘(\[—–\-]?[\w\d]")


@attrs.frozen
class Sentence:
    """A sentence and where it is.

    >>> Sentence(0, 3, "Hi.").text
    'Hi.'
    """

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)
    text: str = attrs.field(validator=_STR)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Splits ``text[start:end]`` into sentences; offsets index ``text``.

    Newlines end sentences, except in hard-wrapped text (lines broken mid-sentence at
    a fixed width), where blank lines do, and after a line without a closing mark
    followed by one opening with a lower-case letter; abbreviations (``Mr``, ``U.S.``,
    ``No. 3``, ``Dec.``), initials, item numbers and decimals do not.

    >>> [s.text for s in split_sentences("Mr. Smith paid $3.5 million. Then he left.")]
    ['Mr. Smith paid $3.5 million.', 'Then he left.']
    >>> [s.text for s in split_sentences("The U.S. Army came. Did it?")]
    ['The U.S. Army came.', 'Did it?']
    >>> [s.text for s in split_sentences("He said that he\\nwill be there.\\nThanks")]
    ['He said that he\\nwill be there.', 'Thanks']
    """
    stop = len(text) if end is None else end
    sentences = []
    paragraphs = _BLOCK if _hard_wrapped(text, start, stop) else _PARAGRAPH
    pending = -1  # where a line broken mid-sentence began
    for paragraph in paragraphs.finditer(text, start, stop):
        p0, p1 = paragraph.span()
        if pending >= 0:
            p0, pending = pending, -1
        if _goes_on(text, p1, stop):
            pending = p0  # "... that he\nwill be there.": one sentence over two lines
            continue
        sentences.extend(_split_line(text, p0, p1))
    if pending >= 0:
        sentences.extend(_split_line(text, pending, stop))
    return sentences


def _goes_on(text: str, end: int, stop: int) -> bool:
    """Whether the line ending at ``end`` is broken mid-sentence: no closing mark, and the
    next line (no blank line between) opens with a lower-case letter."""
    last = end - 2 if end > 1 and text[end - 1] == "\r" else end - 1
    return (
        end + 1 < stop
        and text[end] == "\n"
        and text[end + 1].islower()
        and last >= 0
        and text[last] not in _CLOSERS
    )


# A run of lines without a blank line between them.
_BLOCK = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")
# Hard-wrapped lines are at least this long, and most lines followed by another end
# without closing a sentence.
_WRAPPED_LINE = 30
_WRAPPED_SHARE = 0.6


def _hard_wrapped(text: str, start: int, stop: int) -> bool:
    """Whether the lines of ``text[start:stop]`` are broken mid-sentence at a width."""
    newline = text.find("\n", start, stop)
    if newline < 0:
        return False
    pairs = wrapped = 0
    line_start = start
    while 0 <= newline < stop - 1:
        following = text[newline + 1]
        line = text[line_start:newline].rstrip()
        if line and not following.isspace():
            pairs += 1
            if len(line) >= _WRAPPED_LINE and line[-1] not in _CLOSERS:
                wrapped += 1
        line_start = newline + 1
        newline = text.find("\n", line_start, stop)
    return wrapped > 1 and wrapped >= _WRAPPED_SHARE * pairs


# What ends a line that ends a sentence or a heading.
_CLOSERS = frozenset(".!?:;…\"'”’)]")


def _split_line(text: str, start: int, end: int) -> list[Sentence]:
    out = []
    begin = start
    for match in _END.finditer(text, start, end):
        if match.end() <= begin or not _ends_sentence(text, match, end, begin):
            continue
        out.extend(_sentence(text, begin, match.end()))
        begin = match.end()
        # A stage direction between sentences is one of its own: "(Applause) We ...".
        stage = _STAGE.match(text, begin, end)
        while stage is not None:
            out.extend(_sentence(text, begin, stage.end(1)))
            begin = stage.end(1)
            stage = _STAGE.match(text, begin, end)
    out.extend(_sentence(text, begin, end))
    return out


# A stage direction after a sentence, before the next one or the line's end: a bracketed
# capitalised word or few ("(Applause)", "[Laughter.]", "(CROSSTALK)"), perhaps several.
_STAGE = re.compile(
    r"(?<!\s)\s+([(\[][A-Z][^()\[\]\n.!?]{0,40}[.!?]?[)\]])"
    r"(?=\s+[\"'“‘(\[]?[A-Z0-9]|\s*$)"
)


def _item_number(text: str, begin: int, dot: int) -> bool:
    """Whether ``text[begin:dot]`` is an item's number (at most four characters), perhaps
    indented."""
    while begin < dot and text[begin] in " \t":
        begin += 1
    return dot - begin <= 4 and _ITEM_NUMBER.fullmatch(text, begin, dot) is not None


def _ends_sentence(text: str, match: re.Match[str], end: int, begin: int) -> bool:
    mark = match.group()
    if mark[0] == ".":
        before = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
        word = before.group().lower().strip(".") if before else ""
        if word in _NUMBER_ABBREVIATIONS:
            if _DIGIT_NEXT.match(text, match.end(), end):
                return False
        elif word in _ABBREVIATIONS or ("." in word and _INITIALISM.fullmatch(word)):
            # "the U.S. The next" still ends: an initialism before a capitalised
            # function word that cannot continue the name.
            follow = _next_word(text, match.end(), end)
            dotted = word == "etc" or (_INITIALISM.fullmatch(word) and word not in _NEVER_ENDS)
            if not (dotted and follow in _STARTERS):
                return False
        elif len(word) == 1 and word.isalpha() and text[match.start() - 1].isupper():
            return False  # an initial: "James M. Smith"
        elif (
            len(word) <= 2
            and word.isdigit()
            and _next_word(text, match.end(), end) in _MONTHS_AFTER_ORDINAL
        ):
            return False  # a German ordinal day: "am 8. November"
        elif len(mark) == 1 and _item_number(text, begin, match.start()):
            return False  # an item's number: "1. If he will list ...", "  10. The EU's ..."
    opens = _OPENS.match(text, match.end(), end)
    if opens is None:
        return False
    first = opens.group()[-1]
    return first.isupper() or first.isdigit() or not first.isalpha()


# Month names after a day written as an ordinal with a full stop, as German writes it.
_MONTHS_AFTER_ORDINAL = frozenset(
    """januar jänner februar märz april mai juni juli august september oktober november
    dezember""".split()
)
_STARTERS = frozenset(
    {
        "the",
        "this",
        "that",
        "it",
        "we",
        "they",
        "he",
        "she",
        "i",
        "but",
        "and",
        "in",
        "a",
        "an",
        "there",
        "our",
        "their",
        "his",
        "her",
        "so",
    }
)
_NEXT_WORD = re.compile(r"(?<!\s)\s+[\"'“‘(]?(\w+)")
_DIGIT_NEXT = re.compile(r"(?<!\s)\s+#?\d")


def _next_word(text: str, start: int, end: int) -> str:
    match = _NEXT_WORD.match(text, start, end)
    return match.group(1).lower() if match else ""


def _sentence(text: str, start: int, end: int) -> list[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Sentence(start, end, text[start:end])] if start < end else []
