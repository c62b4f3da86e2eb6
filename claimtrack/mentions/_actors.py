"""Actors: countries, international organisations and titled persons named in text.

Countries come from pycountry's ISO 3166 data, with the short names, capitals used as
metonyms (``Washington``) and adjectives people use; ``the United States``, ``US``,
``America`` and ``Washington`` are one actor.
"""

from __future__ import annotations

import bisect
import functools
import re

import pycountry

from claimtrack._model import Actor

__all__ = ["find_actors"]

# Everyday names for countries whose ISO names differ, and capitals used as metonyms.
_COUNTRY_ALIASES = {
    "United States": (
        "US",
        "U.S.",
        "USA",
        "U.S.A.",
        "America",
        "United States of America",
        "Washington",
        "American",
        "Americans",
    ),
    "Russia": ("Russian Federation", "Moscow", "Russian", "Kremlin"),
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain", "London", "British"),
    "China": ("People's Republic of China", "PRC", "Beijing", "Chinese"),
    "Syria": ("Syrian Arab Republic", "Damascus", "Syrian"),
    "Iran": ("Islamic Republic of Iran", "Tehran", "Iranian"),
    "Turkey": ("Türkiye", "Ankara", "Turkish"),
    "Ukraine": ("Kiev", "Kyiv", "Ukrainian"),
    "North Korea": ("DPRK", "Democratic People's Republic of Korea", "Pyongyang"),
    "South Korea": ("Republic of Korea", "Seoul"),
    "Germany": ("Berlin", "German"),
    "France": ("Paris", "French"),
    "Japan": ("Tokyo", "Japanese"),
    "India": ("New Delhi", "Indian"),
    "Israel": ("Israeli",),
    "Jordan": ("Jordanian", "Amman"),
    "Iraq": ("Iraqi", "Baghdad"),
    "Afghanistan": ("Afghan", "Kabul"),
    "Venezuela": ("Venezuelan", "Caracas"),
    "Vietnam": ("Viet Nam", "Hanoi", "Vietnamese"),
    "Saudi Arabia": ("Riyadh", "Saudi"),
    "Egypt": ("Cairo", "Egyptian"),
    "Mexico": ("Mexican",),
    "Canada": ("Ottawa", "Canadian"),
    "Cuba": ("Havana", "Cuban"),
}
_ORGANISATIONS = {
    "United Nations": ("UN", "U.N.", "the UN"),
    "UN Security Council": ("Security Council", "United Nations Security Council", "UNSC"),
    "UN General Assembly": ("General Assembly",),
    "Asia-Pacific Economic Cooperation": ("APEC",),
    "Collective Security Treaty Organisation": (
        "CSTO",
        "Collective Security Treaty Organization",
    ),
    "Commonwealth of Independent States": ("CIS",),
    "Eurasian Economic Union": ("EAEU", "EEU"),
    "Shanghai Cooperation Organisation": ("SCO", "Shanghai Cooperation Organization"),
    "BRICS": (),
    "G20": ("Group of Twenty",),
    "G7": ("Group of Seven",),
    "NATO": ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
    "European Union": ("EU", "E.U."),
    "OSCE": ("Organization for Security and Co-operation in Europe",),
    "World Trade Organization": ("WTO",),
    "International Monetary Fund": ("IMF",),
    "World Bank": (),
    "ASEAN": ("Association of Southeast Asian Nations",),
    "OPEC": (),
    "African Union": (),
    "Arab League": ("League of Arab States",),
    "World Health Organization": ("WHO",),
    "IAEA": ("International Atomic Energy Agency",),
    "OPCW": ("Organisation for the Prohibition of Chemical Weapons",),
    "ISIS": ("ISIL", "Islamic State", "Daesh"),
    "European Commission": (),
    "European Parliament": (),
    "Council of Europe": (),
    "International Criminal Court": ("ICC",),
    "International Court of Justice": ("ICJ",),
    "UNESCO": (),
    "UNICEF": (),
    "UNHCR": ("UN Refugee Agency",),
    "International Committee of the Red Cross": ("ICRC", "Red Cross"),
    "Gulf Cooperation Council": ("GCC",),
    "OECD": ("Organisation for Economic Co-operation and Development",),
    "Interpol": (),
    "Hamas": (),
    "Hezbollah": (),
    "Taliban": (),
    "al-Qaeda": ("Al Qaeda", "Al-Qaeda", "al Qaeda"),
    "Jabhat al-Nusra": ("Jabhat al Nusra", "al-Nusra Front", "Nusra Front"),
    "USAID": ("United States Agency for International Development",),
    "Department of Defense": ("DOD", "DoD", "Defense Department"),
    "CIA": ("Central Intelligence Agency",),
    "FBI": ("Federal Bureau of Investigation",),
    "Foreign Ministry": ("Russian Foreign Ministry", "Ministry of Foreign Affairs"),
    "State Department": ("US State Department", "Department of State"),
    "Pentagon": (),
    "White House": (),
}
# Titles before a person's name; the name is the capitalised words after them.
_TITLES = (
    "President|Vice President|Prime Minister|Foreign Minister|Defence Minister|"
    "Defense Minister|Minister|Secretary of State|Defence Secretary|Defense Secretary|"
    "Foreign Secretary|Secretary-General|Secretary General|Secretary|Chancellor|Senator|"
    "Sen|Governor|Gov|Ambassador|Congressman|Congresswoman|Rep|Speaker|Chairman|"
    "Chairwoman|General|Gen|Admiral|King|Queen|Prince|Crown Prince|Emir|Sheikh|Pope|"
    "Spokesperson|Spokeswoman|Spokesman|Press Secretary|Envoy|Baroness|Lord|Lady|Sir|"
    "Dame|Mr|Mrs|Ms|Dr|Mayor|Judge|Justice|Director|Commissioner|Commander"
)
# Words a title takes for a name that are titles themselves: "Mr President".
_TITLE_WORDS = frozenset(
    "President Vice Prime Minister Secretary Chancellor Senator Governor Ambassador "
    "Speaker Chairman Chairwoman General Admiral King Queen Prince Emir Sheikh Pope "
    "Mayor Judge Justice Foreign Defence Defense Deputy Chair Lord Lady".split()
)
# Words after a title that make a company or a body of it, not a person's name:
# "General Motors", "General Assembly", "Justice Department".
_NOT_NAMES = frozenset(
    """Motors Electric Dynamics Mills Assembly Department Council Court Services Staff
    Counsel Affairs Office Committee Ministry Agency Fund Accounting Secretariat Election
    Elections Conference Session Administration Intelligence Security Prosecutor Attorney
    Staffs Debate Hospital Insurance Partners""".split()
)
# A capitalised name, also with an accent, an apostrophe, a hyphen or an inner capital:
# "António", "O'Malley", "Jean-Claude", "McDonnell", "MacArthur", "DeSantis".
_LOWER = r"[^\W\dA-Z_]"
_NAME = (
    rf"[A-ZÀ-ÖØ-Þ](?:{_LOWER}?['’][A-Z]|{_LOWER}{{1,2}}[A-Z])?{_LOWER}+"
    rf"(?:-[A-ZÀ-ÖØ-Þ]?{_LOWER}+)*"
)
# Each title, the word boundary before it checked just after its first letter (as no
# word character before that letter), so that the pattern opens with the titles' first
# letters and the search skips to them.
# Only an abbreviated title takes a full stop: after "the Prime Minister." a sentence ends.
_ABBREVIATED = frozenset("Sen Gov Rep Gen Mr Mrs Ms Dr".split())
_TITLE_AT_BOUNDARY = "|".join(
    title[0]
    + r"(?<!\w"
    + title[0]
    + ")"
    + re.escape(title[1:])
    + (r"\.?" if title in _ABBREVIATED else "")
    for title in _TITLES.split("|")
)
_PERSON = re.compile(
    r"(?:" + _TITLE_AT_BOUNDARY + r")\s(?P<name>" + _NAME + r"(?:\s" + _NAME + r"){0,2})\b"
)
# Places whose names hold a country's but that are not it: "Northern Ireland".
_NOT_COUNTRIES = (
    "Northern Ireland",
    "New Mexico",
    "New Jersey",
    "New England",
    "New South Wales",
    "Indian Ocean",
    "Gulf of Mexico",
    "Jordan River",
    "Jordan Valley",
    "North America",
    "South America",
    "Latin America",
    "Central America",
    "Washington Post",
    "Washington Times",
    "Washington Examiner",
    "Washington State",
)
# A run of capitalised words (with inner joiners), the candidates for gazetteer names.
_CAPITALISED = re.compile(
    r"[A-Z][\w'’.\-]*(?:\s(?:of\s(?:the\s)?|for\s(?:the\s)?|and\s|the\s)?[A-Z][\w'’.\-]*){0,6}"
)
_MAX_WORDS = 8


@functools.cache
def _gazetteer() -> dict[str, tuple[str, str]]:
    """Surface form → (canonical name, type)."""
    names: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        for form in (country.name, canonical):
            if "," not in form:
                names[form] = (canonical, "country")
    for canonical, forms in _COUNTRY_ALIASES.items():
        for form in (canonical, *forms):
            names[form] = (canonical, "country")
    for canonical, forms in _ORGANISATIONS.items():
        for form in (canonical, *forms):
            names[form.removeprefix("the ")] = (canonical, "organisation")
    for place in _NOT_COUNTRIES:
        names[place] = (place, "")  # matched, so that no country inside it is
    return names


def find_actors(text: str, start: int = 0, end: int | None = None) -> list[Actor]:
    """The countries, organisations and titled persons named in ``text[start:end]``.

    >>> [(a.name, a.type) for a in find_actors("Russia, the United States and Jordan signed")]
    [('Russia', 'country'), ('United States', 'country'), ('Jordan', 'country')]
    >>> [a.name for a in find_actors("Washington and the US-led coalition")]
    ['United States', 'United States']
    >>> [(a.name, a.type) for a in find_actors("US Defence Secretary James Mattis said")]
    [('United States', 'country'), ('James Mattis', 'person')]
    """
    stop = len(text) if end is None else end
    names = _gazetteer()
    found: list[Actor] = []
    persons = [
        (m.start("name"), m.end("name"))
        for m in _PERSON.finditer(text, start, stop)
        if m.group("name").split()[0] not in _TITLE_WORDS
        and m.group("name").split()[0] not in _NOT_NAMES
    ]
    for p0, p1 in persons:
        found.append(Actor(text[p0:p1], "person", text=text[p0:p1], start=p0, end=p1))
    person_starts = [p0 for p0, _ in persons]  # sorted, and the spans do not overlap
    for run in _CAPITALISED.finditer(text, start, stop):
        words = run.group()
        spans = _RUN_NAMES.get(words)
        if spans is None:
            if len(_RUN_NAMES) > _CACHE_LIMIT:
                _RUN_NAMES.clear()
            spans = _RUN_NAMES[words] = _longest_names(words, 0, len(words), names)
        if not spans:
            continue
        r0 = run.start()
        for s0, s1 in spans:
            a0, a1 = r0 + s0, r0 + s1
            inside = bisect.bisect_right(person_starts, a0) - 1
            if inside >= 0 and a0 < persons[inside][1]:
                continue  # part of a titled person's name
            name, kind = names[text[a0:a1]]
            if kind:
                found.append(Actor(name, kind, text=text[a0:a1], start=a0, end=a1))
    return sorted(found, key=lambda a: a.start or 0)


_SPLIT = re.compile(r"[\s\-]+|['’]s\b")
# A run of capitalised words → its gazetteer names, as offsets in the run: they depend
# on the run alone, and the same runs recur. Cleared when big.
_RUN_NAMES: dict[str, list[tuple[int, int]]] = {}
_CACHE_LIMIT = 100_000


def _longest_names(
    text: str, start: int, end: int, names: dict[str, tuple[str, str]]
) -> list[tuple[int, int]]:
    """Greedy longest gazetteer matches inside a run of capitalised words."""
    # Word boundaries: every word start, and every word end (before spaces, hyphens, 's).
    splits = [m.span() for m in _SPLIT.finditer(text, start, end)]
    if not splits:  # one word
        word = text[start:end]
        candidate = word if word in names else word.rstrip(".")
        return [(start, start + len(candidate))] if candidate in names else []
    starts = [start] + [e for _, e in splits]
    ends = [s for s, _ in splits] + [end]
    spans = []
    i = 0
    while i < len(starts):
        s = starts[i]
        hit = None
        for e in reversed(ends[i : i + _MAX_WORDS]):
            candidate = text[s:e].rstrip(".") if text[s:e] not in names else text[s:e]
            if candidate in names:
                hit = (s, s + len(candidate))
                break
        if hit is None:
            i += 1
            continue
        spans.append(hit)
        while i < len(starts) and starts[i] < hit[1]:
            i += 1
    return spans
