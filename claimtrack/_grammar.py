"""Grammar cues of a sentence without a tagger: its main verb, tense and aspect.

A light heuristic: drop parenthetical relative clauses (``, which ... ,``) and an opening
adverbial (``In addition,``), then read the first finite verb group. Good enough to tell
``We joined hands`` (past), ``Relations have been normalised`` (perfect),
``The zones are operating`` (present) and ``we will continue`` (future) apart.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Clause", "main_clause"]

_RELATIVE = re.compile(r",\s(?:which|who|whom|whose|where|when|as)\b[^,;:–—()\[\]]*(?:,|$)")
_OPENING = re.compile(r"^[^,;:]{1,40},\s")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_FUTURE = frozenset({"will", "shall", "won't", "won’t"})
_PERFECT = frozenset({"has", "have", "hasn't", "haven't", "hasn’t", "haven’t"})
_PAST_AUX = frozenset(
    {"was", "were", "did", "had", "didn't", "didn’t", "wasn't", "wasn’t", "weren't", "weren’t"}
)
_PRESENT_AUX = frozenset(
    {
        "is",
        "are",
        "am",
        "do",
        "does",
        "isn't",
        "isn’t",
        "aren't",
        "aren’t",
        "don't",
        "don’t",
        "doesn't",
        "doesn’t",
        # Linking and other present-tense verbs common in official speech: what follows
        # them ("remains complicated") is no past verb.
        "remains",
        "remain",
        "seems",
        "seem",
        "appears",
        "becomes",
        "looks",
        "stays",
        "continues",
        "continue",
        "exists",
        "exist",
    }
)
_MODALS = frozenset({"would", "should", "could", "can", "may", "might", "must", "ought"})
_IRREGULAR_PAST = frozenset(
    """
    began became brought built came chose did drew drove fell felt fought found gave got went
    grew held kept knew led left lost made meant met paid put ran rose said sat saw sent set
    shot sold spoke spent stood struck swore took taught thought threw told understood won
    wrote
    """.split()
)
# Words after which an -ed word is an adjective or a participle, not a finite verb.
_DETERMINERS = frozenset(
    """
    the a an our their his her its this that these those my your some any no every each
    well-known so-called very more most less least not
    """.split()
)
# Verbs of ongoing activity or state (Vendler's activities and states): a past sentence
# built on one describes a situation more than a dated event.
_DURATIVE = frozenset(
    """
    monitor monitored continue continued cooperate cooperated work worked maintain
    maintained support supported remain remained keep kept develop developed advocate
    advocated seek sought help helped promote promoted pursue pursued hold held follow
    followed oppose opposed believe believed know knew live lived own owned
    """.split()
)


@attrs.frozen
class Clause:
    """What a sentence's main clause says about its verb.

    Attributes:
        tense: ``past``, ``perfect``, ``present``, ``future``, ``modal`` or ``none``.
        verb: The main verb as written, if one was found.
        durative: Whether that verb names an ongoing activity or state.
    """

    tense: str
    verb: str | None = None
    durative: bool = False


def main_clause(sentence: str) -> Clause:
    """The tense and verb of a sentence's main clause.

    >>> main_clause("We joined hands with Iran and Turkey.")
    Clause(tense='past', verb='joined', durative=False)
    >>> main_clause("Relations with Turkey have been normalised.").tense
    'perfect'
    >>> main_clause("The zone, which was set up last year, is working.").tense
    'present'
    >>> main_clause("In 2018, we will continue to focus on it.").tense
    'future'
    >>> main_clause("We closely monitored the talks.").durative
    True
    """
    core = _RELATIVE.sub(" ", sentence)
    core = _OPENING.sub("", core, count=1)
    previous = ""
    for match in _TOKEN.finditer(core):
        word = match.group()
        lower = word.lower()
        kind = _KIND.get(lower)
        if kind is None:  # an open-class word: a past verb if it ends in -ed
            if (
                lower.endswith("ed")
                and len(lower) > 4
                and word[0].islower()
                and previous not in _DETERMINERS
            ):
                return Clause("past", word, lower in _DURATIVE)
        elif kind == "going":
            if core[match.end() : match.end() + 3] == " to":
                return Clause("future", _next_word(core, match.end()))
        elif kind == "future":
            return Clause("future", _next_word(core, match.end()))
        elif kind == "perfect":
            following = _next_word(core, match.end())
            if following is not None and _is_participle(following):
                return Clause("perfect", following, following.lower() in _DURATIVE)
            return Clause("present", word, True)
        elif kind == "past_aux":
            if lower in {"was", "were"}:  # a passive of a single happening: "was signed"
                following = _next_word(core, match.end())
                if following is not None and _is_passive_participle(following):
                    passive = following.lower()  # "was held" is organised, not kept
                    return Clause("past", following, passive in _DURATIVE and passive != "held")
            return Clause("past", word, lower in {"was", "were", "had"})
        elif kind == "present":
            return Clause("present", word, True)
        elif kind == "modal":
            return Clause("modal", word)
        elif word[0].islower() and previous not in _DETERMINERS:  # an irregular past
            return Clause("past", word, lower in _DURATIVE and not _holds_event(core, match))
        previous = lower
    return Clause("none")


def _kinds() -> dict[str, str]:
    """Lower-cased word → the first of the closed classes main_clause tries it in."""
    kinds: dict[str, str] = dict.fromkeys(_IRREGULAR_PAST, "irregular")
    for words, kind in (
        (_MODALS, "modal"),
        (_PRESENT_AUX, "present"),
        (_PAST_AUX, "past_aux"),
        (_PERFECT, "perfect"),
        (_FUTURE, "future"),
    ):
        kinds.update(dict.fromkeys(words, kind))  # an earlier class wins: updated last
    kinds.setdefault("going", "going")
    return kinds


_KIND = _kinds()


_NEXT = re.compile(r"(?:\s(?:not|never|also|already|still|just|been|always|largely))*\s([A-Za-z]+)")


def _next_word(text: str, start: int) -> str | None:
    match = _NEXT.match(text, start)
    return match.group(1) if match else None


# Past participles of irregular verbs common in reports of what happened.
_IRREGULAR_PARTICIPLES = frozenset(
    """
    taken given held made done seen shown written built sent brought caught found left
    lost met paid put set sold spent won begun broken chosen driven struck shot thrown
    """.split()
)
# -ed words after "was"/"were" that describe a state of mind or a standing condition.
_STATIVE_ED = frozenset(
    """
    concerned interested pleased surprised disappointed worried convinced prepared
    based supposed used determined committed involved engaged focused located tired
    """.split()
)


def _is_passive_participle(word: str) -> bool:
    """Whether a word after ``was``/``were`` makes a passive of an event: ``signed``,
    ``held``; not ``concerned`` or ``based``, nor adjectives such as ``different``."""
    lower = word.lower()
    if lower in _STATIVE_ED or not word[:1].islower():
        return False
    return (lower.endswith("ed") and len(lower) > 4) or lower in _IRREGULAR_PARTICIPLES


# What one holds that happens once: "held talks", "held a meeting".
_HELD_EVENTS = re.compile(
    r"\s(?:(?:a|an|the|their|its|two|three|several|new|joint|bilateral|regular|"
    r"trilateral|another)\s){0,2}(?:meetings?|talks|consultations|negotiations|summits?|"
    r"conferences?|elections?|referendums?|sessions?|ceremony|exercises?|votes?|rounds?|"
    r"briefings?|rally|rallies|telephone|conversations?)\b"
)


def _holds_event(core: str, verb: re.Match[str]) -> bool:
    """Whether ``held`` is followed by what happens once (``held talks``), not by what
    lasts (``held the chairmanship``)."""
    return verb.group().lower() == "held" and bool(_HELD_EVENTS.match(core, verb.end()))


def _is_participle(word: str) -> bool:
    lower = word.lower()
    return lower.endswith(("ed", "en", "wn", "ne", "ht", "lt", "nt", "ung", "ade", "id")) or (
        lower in _IRREGULAR_PAST
    )
