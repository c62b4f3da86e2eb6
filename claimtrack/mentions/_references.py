"""References: resolutions, laws, treaties, agreements, memoranda and statements cited."""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimtrack._model import Reference

__all__ = ["DOCUMENT_WORDS", "find_references"]

_ISSUERS = {
    "security council": "UN Security Council",
    "general assembly": "UN General Assembly",
    "human rights council": "UN Human Rights Council",
}
# "UN Security Council Resolution 2254", "resolution 71/190", "Resolution No. 2118".
_RESOLUTION = re.compile(
    r"(?:\b(?:the\s)?(?:(?:UN|U\.N\.|United Nations)\s)?"
    r"(?P<issuer>Security Council|General Assembly|Human Rights Council)(?:['’]s)?\s)?"
    r"\b[Rr]esolutions?\s(?:No\.?\s?)?(?P<id>\d{1,5}(?:/\d{1,5})?(?:\s?\(\d{4}\))?)"
)
# The year some cite a resolution with, dropped from its number: "2118 (2013)".
_RESOLUTION_YEAR = re.compile(r"\s?\(\d{4}\)")
_KINDS = {
    "act": "law",
    "law": "law",
    "code": "law",
    "bill": "law",
    "statute": "law",
    "constitution": "law",
    "covenant": "treaty",
    "treaty": "treaty",
    "convention": "treaty",
    "protocol": "treaty",
    "agreement": "agreement",
    "agreements": "agreement",
    "accord": "agreement",
    "accords": "agreement",
    "memorandum": "memorandum",
    "charter": "charter",
    "declaration": "statement",
    "statement": "statement",
    "communique": "statement",
    "communiqué": "statement",
    "plan": "agreement",
    "deal": "agreement",
}
# A name of capitalised words, with lower-case joiners, that ends in a document noun:
# "Countering America's Adversaries Through Sanctions Act", "the UN Charter". The name's
# first word runs to the end of a word joined by hyphens or apostrophes from any of its
# capitals alike, so the name starts at the first capital starting one, found in a
# lookahead (which does not backtrack), and the pattern is tried from the joined word's
# start only (_NAMED_WITHIN from within it, see _named): tried from each capital in turn,
# a long joined word would be scanned again and again (quadratic time).
_NAME_WORD = r"(?:[A-Z][\w'’\-]*|of|the|and|on|for|to|in|against)"
_NAMED_WITHIN = re.compile(
    r"(?=(?P<lead>[\w'’\-]*?)\b[A-Z])(?P=lead)"
    r"(?P<name>(?:[A-Z][\w'’\-]*\s)(?:" + _NAME_WORD + r"\s){0,9}?"
    r"(?P<noun>Act|Law|Code|Bill|Statute|Constitution|Covenant|Treaty|Convention|Protocol|"
    r"Agreements?|Accords?|Charter|Memorandum|Declaration|Plan of Action|Communiqu[eé]))\b"
)
_NAMED = re.compile(r"(?<![\w'’\-])" + _NAMED_WITHIN.pattern)
_JOINED = re.compile(r"[\w'’\-]")
# A document noun named by what follows: "the Treaty on the Non-Proliferation of Nuclear
# Weapons", "Convention on the Rights of the Child".
_NAMED_AFTER = re.compile(
    r"\b(?P<noun>Treaty|Convention|Agreement|Protocol|Memorandum|Declaration|Charter|Statute|"
    r"Constitution|Covenant)"
    r"\s(?:on|of|for|between)(?:\s(?:the|of|and|on|for|in|[A-Z][\w'’\-]*)){1,10}"
)
# A place or a name before a lower-case document noun: "the Minsk agreements", "the Paris
# agreement", "the Iran nuclear deal"; the first word is no determiner or sentence opener.
_PLACE_NAMED = re.compile(
    r"\b(?!(?:The|This|That|These|Those|Our|Their|His|Her|Its|Any|No|Such|Each|Every|Some|"
    r"Another|Under|In|By|With|Without|For|After|Before|If|As|We|They|It|A|An)\b)"
    r"(?P<name>[A-Z][A-Za-z]+(?:[\-\s][A-Z][A-Za-z]+)?\s(?:nuclear\s|peace\s|ceasefire\s)?"
    r"(?P<noun>agreements?|accords?|deal|treaty|protocol|memorandum))\b"
)
# Lower-case joiners ending a name, tried only from the first of them: from each in turn,
# a run of them not at the end would be scanned again and again (quadratic time).
_TRAILING_LOWER = re.compile(
    r"(?<!\sthe)(?<!\sof)(?<!\sand)(?<!\son)(?<!\sfor)(?<!\sin)(?:\s(?:the|of|and|on|for|in))+$"
)
# Common-noun references: "the joint statement", "a trilateral memorandum on ...".
_COMMON = re.compile(
    r"\b(?P<name>(?:(?P<modifier>joint|trilateral|bilateral|final|peace|ceasefire|nuclear)\s)?"
    r"(?P<noun>statement|memorandum|agreement|treaty|accord|declaration|communiqu[eé])"
    r"(?:\s(?:on|of)\s(?:[\w\-]+\s){0,5}?(?:in|with|between)\s[A-Za-z\-]+(?:\s[A-Z]\w+)?"
    r"|\s(?:on|of)\s[\w\-]+(?:\s[\w\-]+)?)?)\b"
)


def find_references(text: str, start: int = 0, end: int | None = None) -> list[Reference]:
    """The documents cited in ``text[start:end]``; offsets index ``text``.

    >>> refs = find_references("based on UN Security Council Resolution 2254, they")
    >>> [(r.text, r.kind, r.identifier, r.issuer) for r in refs]
    [('UN Security Council Resolution 2254', 'resolution', '2254', 'UN Security Council')]
    >>> refs = find_references("The Countering America's Adversaries Through Sanctions Act")
    >>> [(r.text, r.kind) for r in refs]
    [("Countering America's Adversaries Through Sanctions Act", 'law')]
    >>> [(r.text, r.kind) for r in find_references("the joint statement, which")]
    [('joint statement', 'statement')]
    """
    stop = len(text) if end is None else end
    found: list[Reference] = []
    segment = text[start:stop]
    if DOCUMENT_WORDS.isdisjoint(_NOT_LETTERS.split(segment.lower())):
        return found
    # Each pattern runs only where the literal its matches hold is (none is IGNORECASE).
    resolutions = _RESOLUTION.finditer(text, start, stop) if "esolution" in segment else ()
    for match in resolutions:
        m0 = match.start()
        if text.startswith("the ", m0):
            m0 += 4
        issuer = match.group("issuer")
        found.append(
            Reference(
                text[m0 : match.end()],
                "resolution",
                identifier=_RESOLUTION_YEAR.sub("", match.group("id")),
                issuer=_ISSUERS.get(issuer.lower()) if issuer else None,
                start=m0,
                end=match.end(),
            )
        )
    named = _named(text, start, stop) if _holds(segment, _NAMED_NOUNS) else ()
    for match in named:
        if _overlaps(found, match.start("name"), match.end()):
            continue
        m0, m1 = _trim_name(text, match.start("name"), match.end())
        noun = match.group("noun").split()[0].lower()
        found.append(
            Reference(
                text[m0:m1], _KINDS.get(noun, "document"), identifier=text[m0:m1], start=m0, end=m1
            )
        )
    named_after = _NAMED_AFTER.finditer(text, start, stop) if _holds(segment, _AFTER_NOUNS) else ()
    for match in named_after:
        m1 = match.start() + len(_TRAILING_LOWER.sub("", match.group()))
        if _overlaps(found, match.start(), m1) or not any(c.isupper() for c in match.group()[4:]):
            continue
        kind = _KINDS.get(match.group("noun").lower(), "document")
        name = text[match.start() : m1]
        found.append(Reference(name, kind, identifier=name, start=match.start(), end=m1))
    place_named = _PLACE_NAMED.finditer(text, start, stop) if _holds(segment, _PLACE_NOUNS) else ()
    for match in place_named:
        if _overlaps(found, match.start(), match.end()):
            continue
        name = match.group("name")
        kind = _KINDS.get(match.group("noun"), "document")
        found.append(Reference(name, kind, identifier=name, start=match.start(), end=match.end()))
    common = _COMMON.finditer(text, start, stop) if _holds(segment, _COMMON_NOUNS) else ()
    for match in common:
        bare = match.group("modifier") is None and match.group("name") == match.group("noun")
        if bare or _overlaps(found, match.start(), match.end()):
            continue
        noun = match.group("noun").lower()
        found.append(
            Reference(
                match.group("name"),
                _KINDS.get(noun, "document"),
                start=match.start(),
                end=match.end(),
            )
        )
    # "Collective Security Treaty Organisation", "North Atlantic Treaty Organization":
    # an organisation's name, no document.
    kept = [r for r in found if not text.startswith(_ORGANISATION, r.end or 0)]
    return sorted(kept, key=lambda r: r.start or 0)


_ORGANISATION = (" Organisation", " Organization")


# A cheap first look: no document noun in the text, no reference.
_NOT_LETTERS = re.compile(r"[^a-zé]+")
#: Words one of which a text citing a document holds (lower-cased; ``communiqu`` is
#: what a run of ASCII letters keeps of ``communiqué``).
DOCUMENT_WORDS = frozenset(_KINDS) | {"resolution", "resolutions", "communiqu"}
# The document nouns of _NAMED, _NAMED_AFTER and _COMMON, as they must be written.
_NAMED_NOUNS = (
    "Act",
    "Law",
    "Code",
    "Bill",
    "Statute",
    "Constitution",
    "Covenant",
    "Treaty",
    "Convention",
    "Protocol",
    "Agreement",
    "Accord",
    "Charter",
    "Memorandum",
    "Declaration",
    "Plan of Action",
    "Communiqu",
)
_AFTER_NOUNS = (
    "Treaty",
    "Convention",
    "Agreement",
    "Protocol",
    "Memorandum",
    "Declaration",
    "Charter",
    "Statute",
    "Constitution",
    "Covenant",
)
_PLACE_NOUNS = ("agreement", "accord", "deal", "treaty", "protocol", "memorandum")
_COMMON_NOUNS = (
    "statement",
    "memorandum",
    "agreement",
    "treaty",
    "accord",
    "declaration",
    "communiqu",
)


def _named(text: str, start: int, stop: int) -> Iterator[re.Match[str]]:
    """The matches of _NAMED in ``text[start:stop]``, as a search without its lookbehind
    finds them: where the search starts or resumes within a joined word ("Act-Vienna"), a
    name may start at a later capital of that word."""
    at = start
    while True:
        within = at > 0 and _JOINED.match(text, at - 1) is not None
        match = _NAMED_WITHIN.match(text, at, stop) if within else None
        if match is None:
            match = _NAMED.search(text, at, stop)
        if match is None:
            return
        yield match
        at = match.end()


def _holds(segment: str, nouns: tuple[str, ...]) -> bool:
    return any(noun in segment for noun in nouns)


_LEADING = re.compile(r"(?:The|the|A|An|This|That|These|In|Under|By)\s")


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drops a leading article or preposition from a named reference."""
    while True:
        lead = _LEADING.match(text, start, end)
        if lead is None or lead.end() >= end:
            return start, end
        start = lead.end()


def _overlaps(found: list[Reference], start: int, end: int) -> bool:
    return any((r.start or 0) < end and start < (r.end or 0) for r in found)
