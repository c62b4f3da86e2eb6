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
    ]
)
# Candidate sentence ends: terminal punctuation, closing quotes or brackets, then space.
_END = re.compile(r"(?:[.!?]+|…)[\"'”’)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"[\w.]{1,12}$")
_PARAGRAPH = re.compile(r"[^\n]+")
# What may open a sentence: a capital, a digit, an opening quote or bracket, a dash.
_OPENS = re.compile(r"\s+[\"'“‘(\[—–\-]?[\w\d]")


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

    Newlines end sentences; abbreviations (``Mr``, ``U.S.``, ``No.``, ``Dec.``),
    initials and decimals do not.

    >>> [s.text for s in split_sentences("Mr. Smith paid $3.5 million. Then he left.")]
    ['Mr. Smith paid $3.5 million.', 'Then he left.']
    >>> [s.text for s in split_sentences("The U.S. Army came. Did it?")]
    ['The U.S. Army came.', 'Did it?']
    """
    stop = len(text) if end is None else end
    sentences = []
    for paragraph in _PARAGRAPH.finditer(text, start, stop):
        sentences.extend(_split_line(text, paragraph.start(), paragraph.end()))
    return sentences


def _split_line(text: str, start: int, end: int) -> list[Sentence]:
    out = []
    begin = start
    for match in _END.finditer(text, start, end):
        if not _ends_sentence(text, match, end):
            continue
        out.extend(_sentence(text, begin, match.end()))
        begin = match.end()
    out.extend(_sentence(text, begin, end))
    return out


def _ends_sentence(text: str, match: re.Match[str], end: int) -> bool:
    mark = match.group()
    if mark[0] == ".":
        before = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
        word = before.group().lower().strip(".") if before else ""
        if word in _ABBREVIATIONS:
            # "the U.S. The next" still ends: an abbreviation before a capitalised
            # function word that cannot continue the name.
            follow = _next_word(text, match.end(), end)
            if not (word in {"u.s", "u.k", "u.n", "e.u", "etc"} and follow in _STARTERS):
                return False
        elif len(word) == 1 and word.isalpha() and text[match.start() - 1].isupper():
            return False  # an initial: "James M. Smith"
    opens = _OPENS.match(text, match.end(), end)
    if opens is None:
        return False
    first = opens.group()[-1]
    return first.isupper() or first.isdigit() or not first.isalpha()


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
_NEXT_WORD = re.compile(r"\s+[\"'“‘(]?(\w+)")


def _next_word(text: str, start: int, end: int) -> str:
    match = _NEXT_WORD.match(text, start, end)
    return match.group(1).lower() if match else ""


def _sentence(text: str, start: int, end: int) -> list[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Sentence(start, end, text[start:end])] if start < end else []
