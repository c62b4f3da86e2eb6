"""Reading transcripts: files or strings into :class:`~claimtrack.Transcript` values.

The reader keeps the text exactly as decoded (UTF-8, newlines untouched), so every
offset it and later stages produce indexes that text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
from collections import Counter
from typing import NamedTuple

from claimtrack._model import Role, Transcript, Turn
from claimtrack._sentences import _hard_wrapped
from claimtrack.exceptions import NoDateError, TranscriptError, TranscriptNotFoundError
from claimtrack.mentions._times import find_times

__all__ = ["parse_transcript", "read_transcript"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
# The time after a date: "201716:08", ", 16:44", " at 9:30", " - 15:15", "15: 50".
_TIME = (
    r"(?:(?:,?\s?(?:at\s)?|[ \t]?[-–—|][ \t]?)"
    r"(?P<hour>[01]?\d|2[0-3]):[ \t]?(?P<minute>[0-5]\d)(?!\d))?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# A date in a header line; the time may be glued to the year ("201716:08"). Also
# "17th November 2021", "November 17th, 2021", "2018-01-15", "15.01.2018", "5-12-2014",
# "1/15/2018".
_HEADER_DATES = (
    re.compile(r"\b" + _DAY + r"(?: of)? " + _MONTH + r"(?:,? | ?[/|] ?)(?P<year>\d{4})" + _TIME),
    re.compile(r"\b" + _MONTH + r" " + _DAY + r",? (?P<year>\d{4})" + _TIME),
    re.compile(
        r"\b(?P<year>\d{4})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)"
        r"(?:[T ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d))?"
    ),
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>\d{4})\b" + _TIME),
    re.compile(r"\b(?P<day>[0-3]?\d)-(?P<mnum>[01]?\d)-(?P<year>\d{4})\b" + _TIME),
    # Month first, as American pages write it ("5/22/18"); day first where it must be.
    re.compile(r"(?<![\d/])(?P<mnum>[0-3]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d{2})(?![\d/])"),
)
# The first non-blank lines searched for the publication date, and the longest searched.
_HEADER_LINES = 8
_HEADER_LINE_CHARS = 200
# A line that is a time of day and no more: "2:46 p.m. EST", "15:46".
_CLOCK_LINE = re.compile(
    r"(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)"
    r"(?:[ \t]?(?P<ampm>[AaPp])\.?[ \t]?[Mm]\.?)?(?:[ \t]+[A-Z]{2,5})?"
)

# A turn label at the start of a line: "Question:", "Sergey Lavrov:", "JOHN DICKERSON:",
# "Mr. Smith:", "Q:", "President of Russia Vladimir Putin:", "Mr Smith (Party):",
# "The Prime Minister (Boris Johnson):", "ANDERSON COOPER, CNN ANCHOR:". Up to twelve
# capitalised words with lower-case joiners, perhaps parentheses or (after a name in
# capitals) an apposition, then a colon and a space.
# A capital: Latin (with accents) or Cyrillic, for labels such as "Sergej Lawrow:" or
# "С.В.Лавров:" (initials glued to the surname, as Russian transcripts write them).
_CAP = r"[A-ZÀ-ÖØ-ÞА-ЯЁ]"
_WORD = rf"(?:{_CAP}\.){{0,3}}{_CAP}[\w'’\-]*\.?"
# A dash joins two offices: "Deputy Chief of Staff – Press Secretary Dmitry Peskov".
_JOINER = r"(?:of|the|for|and|de|da|del|di|du|van|von|der|den|bin|ibn|al|el|la|le|[-–—])"
# The words may follow on the next line (after blank lines, where the label is a line of
# its own), and a timestamp may stand before them, as in the layout of rev.com:
# "Chris Wallace: (01:20)", "Speaker 1 (00:01):".
_STAMP = r"(?:\[(?:\d{1,2}:)?\d{1,2}:\d\d\][ \t]+)?"  # "[00:01:39] SMITH: ..."
_LABEL = re.compile(
    rf"^[ \t]*{_STAMP}(?P<label>{_WORD}(?:[ \t](?:{_JOINER}[ \t]){{0,2}}{_WORD}){{0,11}}"
    r"(?:[ \t]\d{1,2})?)"
    r"(?P<extra>(?:[ \t]\([^()\n]{1,60}\)){1,3}(?:,[ \t][^:\n]{1,100}?)?|,[ \t][^:\n]{1,100}?)?"
    r":(?:[ \t]*[(\[]\d{1,2}(?::\d\d){1,2}[)\]])?"
    r"(?:[ \t]+(?=\S)|(?:[ \t]*\r?\n){1,3}(?=[ \t]*\S))",
    re.M,
)
# A label in bold, as Markdown transcripts write it: "**SMITH:** ...", "**Ann Lee**: ...",
# or on a line of its own, perhaps after a timestamp: "**00:01:39 LT. GOV. SEARS**".
_BOLD_LABEL = re.compile(
    r"^[ \t]*\*\*(?:\[?(?:\d{1,2}:)?\d{1,2}:\d\d\]?[ \t]+)?"
    r"(?P<label>[A-Z][A-Za-z.'’\- ]{0,50}?(?:[ \t]\([^()\n]{1,30}\))?)"
    r"(?::\*\*|\*\*:|(?P<own>\*\*[ \t]*\r?\n))[ \t]*",
    re.M,
)
# A label ending in a full stop, as the American Presidency Project and the Government
# Publishing Office print them: "The President. ...", "Q. ...", "Mr. Lehrer. ...".
_STOP_LABEL = re.compile(
    r"^[ \t]*(?P<label>The[ \t](?:President|Vice[ \t]President|First[ \t]Lady|Moderator)"
    r"|Q|Audience[ \t]members?|Participants?"
    r"|(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.[ \t][A-Z][\w'’\-]{1,30})\.[ \t]+(?=\S)",
    re.M,
)
# What a text with labels ending in a full stop holds: one of them, at least.
_STOP_MARKS = ("President. ", "Q. ", "members. ", "member. ", "Moderator. ", "Participant")
# The White House's questioner label, without a colon: "Q    Sarah, ...", "Q. Mr. ...".
_Q_LABEL = re.compile(r"^[ \t]*(?P<label>Q)(?:\.[ \t]*|[ \t]+)(?=[^\s\da-z])", re.M)
_QUESTION_LABELS = frozenset(
    {"q", "question", "questions", "interviewer", "moderator", "reporter", "journalist"}
    | {"frage", "pregunta", "вопрос"}  # German, Spanish, Russian ("question" is French too)
)
# Words that start a line followed by a colon in prose, not a speaker.
_NOT_LABELS = frozenset(
    {
        "note",
        "notes",
        "source",
        "sources",
        "update",
        "editor's note",
        "photo",
        "see also",
        "subject",
        "date",
        "title",
        "tags",
        "read more",
        "example",
        "warning",
        "category",
        "categories",
        "category archives",
        "filed under",
        "posted",
        "published",
        "updated",
        "location",
        "venue",
        "time",
        "watch",
        "listen",
        "video",
        "audio",
        "topics",
        "keywords",
        "contact",
        "email",
        "phone",
        "tel",
        "fax",
    }
)
# A turn's content that is a short line without final punctuation: metadata
# ("Department: Wales Office", "Moscow: 15:46") when its label occurs once.
_METADATA_CHARS = 60
# Words after a label, in capitals, that title case keeps in lower case.
_LOWER_WORDS = frozenset({"of", "the", "for", "and", "de", "da", "del", "van", "von", "der"})
# A line of links to other language versions: "• de-DE1 en-GB1 es-ES1".
_LANGUAGE_LINE = re.compile(r"^[ \t]*(?:[•·*\-][ \t]*)?(?:[a-z]{2}-[A-Z]{2}\d*[ \t]*){2,}$", re.M)
_LANGUAGE_CODE = re.compile(r"[a-z]{2}-[A-Z]{2}")
# Stage directions and separators on a line of their own: "(APPLAUSE)", "(Laughter.)",
# "[Interruption.]", "(CHEERING) (APPLAUSE)", "<…>" (an omission), "* * *", "###", "— — —".
_STAGE_LINE = re.compile(
    r"^[ \t]*(?:(?:(?:[(\[][^()\[\]\n]{1,80}[)\]]|<[^<>\n]{1,80}>)[ \t]*)+"
    r"|(?:[*#_=~—–\-][ \t]*){3,}|[*#—–][ \t]*)$",
    re.M,
)
# The end mark of an American transcript, perhaps with the time: "END 2:58 P.M. EST".
_END_MARK = re.compile(r"(?:-?END-?|#{3}|# # #)(?:[ \t]+" + _CLOCK_LINE.pattern + r")?", re.I)
# Page furniture a web export leaves at the end of a transcript.
_WEB_DEBRIS = frozenset(
    {
        "advanced settings",
        "print",
        "share",
        "back to top",
        "top",
        "related",
        "comments",
        "print version",
        "send by e-mail",
        "subscribe",
        "tags",
        "see also",
        "share this",
        "share this page",
        "print this page",
        "email this page",
        "related articles",
        "related links",
        "related news",
        "read more",
        "more",
        "send by email",
        "additional materials",
        "list of participants",
        "text version",
        "publish in",
        "direct link",
        "download",
        "photos",
        "video",
    }
)
# What ends a line of content rather than a heading of the header.
_TERMINAL = frozenset('.!?:;…"”')
# Words of a header line that make it the transcript's title, the surer first.
_GENRES = (
    re.compile(
        r"\b(?:interview|briefing|remarks|conference|transcript|debate|speech|answers|"
        r"address|hearing|q&a|conversation)\b",
        re.I,
    ),
    re.compile(r"\b(?:press|statements?|meeting|questions|talks|comments|session)\b", re.I),
)
# Words a sentence does not end with, so a line ending in one goes on on the next.
_OPEN_WORDS = frozenset(
    "a an the and or but of to in on at for with from by as that which who is are was were "
    "be has have had will would our their his her its this these those than".split()
)
# The most lines a header has (a table of contents among them), and the first of them
# that may be the title.
_MAX_HEADINGS = 100
_TITLE_LINES = 20
# A line ending in a colon that is short is a heading ("Consular queries:").
_SHORT_HEADING = 40
_PARAGRAPH = re.compile(r"[^\n]+")


def read_transcript(
    path: str | os.PathLike[str],
    *,
    published: dt.datetime | dt.date | str | None = None,
    speaker: str | None = None,
    language: str = "en",
) -> Transcript:
    """Reads a transcript file.

    Args:
        path: The file, UTF-8 encoded.
        published: When it was published; found in its first lines when not given.
        speaker: Who speaks where the text has no speaker labels.
        language: The transcript's language (ISO 639-1).

    Returns:
        The transcript, with ``source`` set to ``path``.

    Raises:
        TranscriptNotFoundError: The file does not exist.
        TranscriptError: It is empty, binary or not UTF-8.
        NoDateError: No date was found in it and none was given.

    >>> t = read_transcript("examples/lavrov-interfax-2017-12-28.txt")
    >>> (t.published.isoformat(), t.speakers)
    ('2017-12-28T16:08:00', ('Question', 'Sergey Lavrov'))
    """
    where = os.fspath(path)
    return parse_transcript(
        decode(read_bytes(where), where),
        source=where,
        published=published,
        speaker=speaker,
        language=language,
    )


def read_bytes(path: str) -> bytes:
    """The bytes of a transcript file.

    Raises:
        TranscriptNotFoundError: The file does not exist or is a directory.
        TranscriptError: It cannot be read.

    >>> read_bytes("examples/lavrov-interfax-2017-12-28.txt")[:16]
    b'28 December 2017'
    """
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        msg = f"{path}: no such file; give the path of a transcript text file"
        raise TranscriptNotFoundError(msg) from None
    except IsADirectoryError:
        msg = f"{path}: is a directory; give the path of a transcript text file"
        raise TranscriptNotFoundError(msg) from None
    except OSError as err:
        msg = f"{path}: cannot be read ({err.strerror}); check its permissions"
        raise TranscriptError(msg) from None


def decode(data: bytes, where: str) -> str:
    """Decodes a transcript's bytes as UTF-8 (a leading byte-order mark is dropped).

    >>> decode("Ça va.".encode(), "<bytes>")
    'Ça va.'
    >>> decode(b"\\xff\\xfe", "x.txt")
    Traceback (most recent call last):
    ...
    claimtrack.exceptions.TranscriptError: x.txt: byte 0 is not UTF-8 (0xff); ...
    """
    if b"\x00" in data[:8192]:
        msg = f"{where}: looks binary (it holds NUL bytes); give a UTF-8 text file"
        raise TranscriptError(msg)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        msg = (
            f"{where}: byte {err.start} is not UTF-8 (0x{data[err.start]:02x}); "
            "save the transcript as UTF-8 text"
        )
        raise TranscriptError(msg) from None
    return text.removeprefix("\ufeff")


def parse_transcript(
    text: str,
    *,
    source: str = "<string>",
    published: dt.datetime | dt.date | str | None = None,
    speaker: str | None = None,
    language: str = "en",
) -> Transcript:
    """Parses the text of a transcript.

    Recognises a publication date in the first lines (also glued to a time, as in
    ``28 December 201716:08``, or with the time on a line of its own; else a dateline
    lower in the header or at the end; a title that dates its event, ``..., Minsk, June 19,
    2020``, wins over a page date that differs), a header of short lines with the title, a line of
    language links, speaker labels at the start of lines (``Question:``,
    ``Sergey Lavrov:``, ``JOHN DICKERSON:``, ``Q``, ``The Prime Minister (Boris Johnson):``,
    or a label on a line of its own), stage directions on lines of their own
    (``(APPLAUSE)``), topic headings inside turns (``Update on Syria``: boilerplate, the
    turn goes on in a new one) and web debris at the end. Text before the first label,
    or all of it without labels, is a statement by ``speaker``, else by the person whose
    remarks or briefing the title announces (``Briefing by ... Maria Zakharova``).

    Args:
        text: The transcript.
        source: Where it came from, for messages and provenance.
        published: When it was published; found in the text when not given.
        speaker: Who speaks where the text has no speaker labels.
        language: The transcript's language (ISO 639-1).

    Raises:
        TranscriptError: The text is empty.
        NoDateError: No date was found and none was given.

    >>> t = parse_transcript("JANE DOE: We built 4 schools.", published="2020-05-01")
    >>> t.turns[0].speaker, t.text[t.turns[0].start:t.turns[0].end]
    ('Jane Doe', 'We built 4 schools.')
    >>> t = parse_transcript("We built 4 schools.", published="2020-05-01", speaker="Ann")
    >>> [(turn.speaker, turn.role.value) for turn in t.turns]
    [('Ann', 'statement')]
    """
    if not text.strip():
        msg = f"{source}: the transcript is empty; give a file with the transcript's text"
        raise TranscriptError(msg)
    found = _header_date(text)
    for other in () if found is not None else _DATE_LANGUAGES.get(language, _OTHER_LANGUAGES):
        # A header date in the transcript's language, else in any language that has one:
        # a Russian page read without --language still gets its date.
        found = _foreign_header_date(text, other)
        if found is not None:
            break
    if published is not None:
        when = coerce_published(published, source)
    elif found is not None:
        when = found[0]
    else:
        msg = (
            f"{source}: no publication date in its first {_HEADER_LINES} lines; "
            "give one (--date 2017-12-28 on the command line, published= in Python)"
        )
        raise NoDateError(msg)
    languages: list[str] = []
    debris: list[tuple[int, int]] = []
    for match in _LANGUAGE_LINE.finditer(text):
        languages.extend(_LANGUAGE_CODE.findall(match.group()))
        debris.append(match.span())
    trailing = _trailing_debris(text)
    debris.extend(trailing)
    end_of_text = min((s for s, _ in trailing), default=len(text))
    labels = _labels(text, end_of_text)
    body_start = labels[0].start if labels else end_of_text
    title, content_start = _header(
        text, body_start, debris, None if found is None else found[1], labelled=bool(labels)
    )
    blocks, headings = _blocks(text, labels, (content_start, end_of_text))
    title_end = 0
    if blocks and blocks[0].label is None and (title is None or not _GENRES[0].search(title)):
        # A title below a banner: a heading of the opening text naming a genre.
        first = blocks[0].sections[0][0]
        for s, e in headings:
            if s < first + _TITLE_REACH and _GENRES[0].search(text[s:e]):
                title, title_end = text[s:e], e
                break
    if speaker is None and title is not None:
        speaker = _title_author(title, [label.speaker for label in labels])
    if published is None and title is not None:
        # A date above city clocks ("Moscow: 00:17") is the day the page was viewed.
        viewed = found is not None and bool(_CITY_CLOCK.search(text, found[1], found[1] + 60))
        when = _event_date(title, when, viewed=viewed)
    turns = _turns(text, blocks, (speaker, title_end))
    stages = _stage_directions(text, end_of_text, turns)
    return Transcript(
        text=text,
        published=when,
        source=source,
        title=title,
        language=language,
        languages=tuple(dict.fromkeys(languages)),
        turns=turns,
        boilerplate=tuple(sorted(set(debris + headings + stages))),
    )


def _event_date(title: str, when: dt.datetime, *, viewed: bool = False) -> dt.datetime:
    """The date a title gives the event (``..., Moscow, June 19, 2020``), where it
    differs from the page's date: a page may print the day it was viewed, or publish a
    transcript days later, and what the speakers call "today" is the event's day.

    >>> _event_date("Remarks, Moscow, June 19, 2020", dt.datetime(2020, 9, 22, 0, 12))
    datetime.datetime(2020, 6, 19, 0, 0)
    >>> _event_date("Interview, December 28, 2017", dt.datetime(2017, 12, 28, 16, 8))
    datetime.datetime(2017, 12, 28, 16, 8)
    >>> _event_date("Statement on Victory Day, May 9, 1945", dt.datetime(2020, 5, 9))
    datetime.datetime(2020, 5, 9, 0, 0)

    Where the page's date is the day it was ``viewed`` (a clock beside it), any earlier
    date of the title is the event's.

    >>> _event_date("Interview, 18 June 2019", dt.datetime(2022, 6, 26), viewed=True)
    datetime.datetime(2019, 6, 18, 0, 0)
    """
    for pattern in _HEADER_DATES[:2]:  # a day and a month name, with the year
        match = pattern.search(title)
        if match is not None:
            told = _header_datetime(match)
            if (
                told is not None
                and told.date() != when.date()
                and (_near(told, when) or (viewed and told < when))
            ):
                return told
            return when
    return when


# A clock of a city, as a page prints beside the day it is viewed: "Moscow: 00:17".
_CITY_CLOCK = re.compile(r"\n[A-Z][a-z]{2,20}:[ \t]?(?:[01]?\d|2[0-3]):[0-5]\d[ \t]*(?:\r?\n|$)")
# How far before a page's date a title's date may be and still be the event's: a page may
# print the day it was viewed, years later; a title naming 9 May 1945 names history.
_EVENT_BEFORE_PAGE = dt.timedelta(days=3 * 365)


def _near(told: dt.datetime, when: dt.datetime) -> bool:
    """Whether a title's date can be the event of a page dated ``when``."""
    return -dt.timedelta(days=2) <= when - told <= _EVENT_BEFORE_PAGE


# How far into the opening text a title below a banner may stand.
_TITLE_REACH = 1000
# Genres of a title whose text before the first label is its author's: "Foreign
# Minister Sergey Lavrov's remarks ...", "Briefing by ... Maria Zakharova".
_AUTHORED = re.compile(
    r"\b(?:remarks|briefing|speech|address|statements?|answers|comments|lecture|article|"
    r"responses|(?:news|press) conference)\b",
    re.I,
)
# Words of an office before a name in a title: "Foreign Ministry Spokesperson".
_OFFICES = frozenset(
    "minister ministry foreign prime deputy secretary secretary-general president vice "
    "spokesperson spokeswoman spokesman ambassador chancellor governor senator director "
    "chairman chairwoman chair speaker king queen prince representative envoy mayor premier "
    "leader head commissioner press official first state general permanent special".split()
)
_NAME_WORDS = 3


def _title_author(title: str, speakers: list[str]) -> str | None:
    """The person whose remarks, briefing or answers the title announces, if it names one.

    The name before ``'s`` or after ``by``, without the offices before it; a labelled
    speaker's name where one ends it.

    >>> _title_author("Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow", [])
    'Maria Zakharova'
    >>> _title_author("Foreign Minister Sergey Lavrov's interview with Interfax", [])
    """
    if not _AUTHORED.search(title):
        return None
    words = title.split()
    for i, word in enumerate(words):
        if word.endswith(("'s", "’s")) and word[:1].isupper():
            run = _capitalised([*words[:i], word[:-2]], backwards=True)
        elif word == "by":
            run = _capitalised(words[i + 1 :], backwards=False)
        else:
            continue
        phrase = " ".join(run)
        named = [name for name in speakers if phrase == name or phrase.endswith(" " + name)]
        if named:
            return max(named, key=len)
        name = _trailing_name(run)
        if len(name) > 1:
            return " ".join(name)
    return None


def _trailing_name(words: list[str]) -> list[str]:
    """The personal name that ends a run of capitalised words, without the offices and
    places before it (at most three words).

    >>> _trailing_name("Secretary of State Mike Pompeo".split())
    ['Mike', 'Pompeo']
    >>> _trailing_name("President of Turkey Recep Tayyip Erdogan".split())
    ['Recep', 'Tayyip', 'Erdogan']
    """
    name: list[str] = []
    for j in range(len(words) - 1, -1, -1):
        if words[j].lower() in _OFFICES or words[j] in _NAME_JOINERS or len(name) == _NAME_WORDS:
            break
        if j and words[j - 1] in _NAME_JOINERS:
            break  # "Secretary of State Mike Pompeo": State is the office's
        name.insert(0, words[j])
    return name


def _without_offices(label: str) -> str:
    """A speaker's name without the offices before it, where an office comes first.

    >>> _without_offices("Foreign Minister of the Republic of Belarus Vladimir Makei")
    'Vladimir Makei'
    >>> _without_offices("President Putin"), _without_offices("Ms Nauert")
    ('President Putin', 'Ms Nauert')
    """
    words = label.split()
    if len(words) < 3 or not any(w.lower() in _OFFICES for w in words[:-2]):
        return label
    name = _trailing_name(words)
    return " ".join(name) if len(name) > 1 else label


def _capitalised(words: list[str], *, backwards: bool) -> list[str]:
    """The run of capitalised words (and joiners) at the end or the start of ``words``."""
    run: list[str] = []
    for word in reversed(words) if backwards else words:
        bare = word.rstrip(",;:")
        if not (bare[:1].isupper() or (run and bare in _NAME_JOINERS)):
            break
        if backwards:
            if bare != word and run:
                break  # "Sochi, Sergey Lavrov's": the name starts after the comma
            run.insert(0, bare)
        else:
            run.append(bare)
            if bare != word:
                break  # "Maria Zakharova, Moscow": the name ends at the comma
    while run and run[0] in _NAME_JOINERS:
        run.pop(0)
    while run and run[-1] in _NAME_JOINERS:
        run.pop()
    return run


_NAME_JOINERS = _LOWER_WORDS - {"and", "for"}


def coerce_published(value: dt.datetime | dt.date | str, source: str | None) -> dt.datetime:
    """A publication date given as a datetime, a date or an ISO string, as a datetime.

    Raises:
        NoDateError: The string is no ISO date; the message names ``source`` if given.

    >>> coerce_published("2017-12-28", None)
    datetime.datetime(2017, 12, 28, 0, 0)
    """
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        where = f"{source}: " if source is not None else ""
        msg = (
            f"{where}the date {value!r} is not an ISO date; "
            "write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM"
        )
        raise NoDateError(msg) from None


def _header_lines(text: str, count: int = _HEADER_LINES) -> list[tuple[int, int]]:
    """The first ``count`` non-blank lines of the text no longer than a header line can be."""
    lines = []
    position = 0
    for _ in range(count):
        match = _PARAGRAPH.search(text, position)
        while match is not None and not match.group().strip():
            match = _PARAGRAPH.search(text, match.end())
        if match is None:
            break
        if len(match.group()) <= _HEADER_LINE_CHARS:
            lines.append(match.span())
        position = match.end()
    return lines


def _header_date(text: str) -> tuple[dt.datetime, int] | None:
    """The first date in the first lines, and the offset where it starts.

    A date without a time takes the time of a later header line that holds only a time
    ("2:46 p.m. EST"). Without a date there, a line that is a date and no more (perhaps
    with a time and a place) further down a long header or among the last lines gives it:
    a menu of links may stand above the date, and some pages print it at the end
    ("July 2, 2021, The Kremlin, Moscow").
    """
    lines = _header_lines(text)
    for index, (start, end) in enumerate(lines):
        best: tuple[int, dt.datetime] | None = None
        for pattern in _HEADER_DATES:
            for match in pattern.finditer(text, start, end):
                when = _header_datetime(match)
                if when is not None:
                    if best is None or match.start() < best[0]:
                        best = (match.start(), when)
                    break
        if best is None:
            continue
        when = best[1]
        if when.hour == 0 and when.minute == 0:
            for s, e in lines[index + 1 :]:
                clock = _CLOCK_LINE.fullmatch(text[s:e].strip())
                if clock is not None:
                    when = when.replace(hour=_hour(clock), minute=int(clock.group("minute")))
                    break
        return when, best[0]
    further = _header_lines(text, _TITLE_LINES)[len(lines) :]
    for start, end in further + _last_lines(text):
        line = text[start:end]
        dateline = _date_line(line)
        if dateline is not None:
            when = _header_datetime(dateline)
            if when is not None:
                return when, start + len(line) - len(line.lstrip()) + dateline.start()
    return None


# A year with the time glued to it, as web pages print them: "28 декабря 201716:08".
_GLUED_TIME = re.compile(r"(?<=\d{4})(?=(?:[01]?\d|2[0-3]):[0-5]\d(?!\d))")
_CLOCK_AFTER = re.compile(r"\D{0,12}?(?P<hour>[01]?\d|2[0-3]):[ \t]?(?P<minute>[0-5]\d)(?!\d)")
_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_YEAR_WRITTEN = re.compile(r"\b\d{4}")
_YEAR_AFTER = re.compile(r"[ \t]{0,2}[/|,]?[ \t]{0,2}(?P<year>(?:1[89]|20)\d\d)\b")


_OTHER_LANGUAGES = ("de", "es", "fr", "ru")
# The languages a header date is looked for in, after English: the transcript's first.
_DATE_LANGUAGES = {
    language: (language, *(other for other in _OTHER_LANGUAGES if other != language))
    for language in _OTHER_LANGUAGES
}


def _foreign_header_date(text: str, language: str) -> tuple[dt.datetime, int] | None:
    """The first date written in full (day, month name, year) in the first lines of a
    transcript in another language, found by :func:`~claimtrack.find_times` in that
    language, and where it starts.

    >>> _foreign_header_date("28 декабря 201716:08\\n\\nИнтервью", "ru")
    (datetime.datetime(2017, 12, 28, 16, 8), 0)
    >>> _foreign_header_date("28. Dezember 2017\\n\\nFrage: Wie?", "de")
    (datetime.datetime(2017, 12, 28, 0, 0), 0)
    """
    for start, end in _header_lines(text):
        line = text[start:end]
        if not _YEAR_WRITTEN.search(line):
            continue  # only a date that names its year: the anchor cannot matter
        spaced = _GLUED_TIME.sub(" ", line, count=1)
        for found in find_times(spaced, anchor=dt.date(2000, 1, 1), language=language):
            if found.start is None or not _FULL_DATE.fullmatch(found.value[:10]):
                continue
            day: dt.date | None = dt.date.fromisoformat(found.value[:10])
            if not _YEAR_WRITTEN.search(spaced, found.start, found.end or found.start):
                # A day and month without their year ("07 июня / 2018"): the year after
                # a separator, or no date (never the anchor's year, 2000).
                day = _with_year_after(day, spaced, found.end or 0)
            if day is None:
                continue
            clock = _CLOCK_AFTER.match(spaced, found.end or 0)
            hour, minute = (int(clock["hour"]), int(clock["minute"])) if clock else (0, 0)
            # The glued time's space is inserted after the year, after the date's start.
            return dt.datetime(day.year, day.month, day.day, hour, minute), start + found.start
    return None


def _with_year_after(day: dt.date | None, line: str, end: int) -> dt.date | None:
    """The day in the year written just after it (``/ 2018``), if any and valid."""
    after = _YEAR_AFTER.match(line, end)
    if day is None or after is None:
        return None
    try:
        return day.replace(year=int(after["year"]))
    except ValueError:
        return None  # 29 February in a year without one


# The last non-blank lines searched for a date line when the first lines have none.
_LAST_LINES = 3


def _last_lines(text: str) -> list[tuple[int, int]]:
    """The last few non-blank lines of the text."""
    lines = [m.span() for m in _PARAGRAPH.finditer(text, max(0, len(text) - 1000))]
    return [(s, e) for s, e in lines if text[s:e].strip()][-_LAST_LINES:]


def _hour(clock: re.Match[str]) -> int:
    """The hour of a clock time on the 24-hour clock."""
    hour = int(clock.group("hour"))
    ampm = (clock.group("ampm") or "").lower()
    if ampm == "p" and hour < 12:
        return hour + 12
    if ampm == "a" and hour == 12:
        return 0
    return hour


def _header_datetime(match: re.Match[str]) -> dt.datetime | None:
    parts = match.groupdict()
    month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS.get(parts["month"].lower())
    if month is None:
        return None
    day = int(parts["day"])
    year = int(parts["year"])
    if len(parts["year"]) == 2:
        year += 2000 if year < 70 else 1900  # the century of "5/22/18"
    if "/" in match.group() and month > 12:  # a day first: "22/5/2018"
        month, day = day, month
    try:
        return dt.datetime(
            year,
            month,
            day,
            int(parts.get("hour") or 0),
            int(parts.get("minute") or 0),
        )
    except ValueError:
        return None


def _is_date_line(line: str) -> bool:
    """Whether a line holds a date (perhaps with a weekday, time and place) and nothing else."""
    return _date_line(line) is not None


# A date line is short; the place after its date is capitalised words between commas or
# dashes: "January 21, 2020, Government House, Moscow", "November 28, 2018 - 15:15 - Moscow".
_DATE_LINE_CHARS = 80
_PLACE = re.compile(r"[A-Z][\w'’.\-]*(?:[ \t]+[\w'’.\-]+){0,4}")
_PLACE_SPLIT = re.compile(r",|[ \t][-–—|][ \t]")
_SEPARATORS = " \t,.-–—|"


def _date_line(line: str) -> re.Match[str] | None:
    """The date of a line that is a date and no more (weekday, time and place aside)."""
    line = line.strip()
    if len(line) > _DATE_LINE_CHARS:
        return None
    for pattern in _HEADER_DATES:
        match = pattern.search(line)
        if match is None or _header_datetime(match) is None:
            continue
        before = line[: match.start()].strip(_SEPARATORS).lower()
        if before and before not in _WEEKDAYS:
            return None
        after = (part.strip(_SEPARATORS) for part in _PLACE_SPLIT.split(line[match.end() :]))
        places = [part for part in after if part]
        if all(part.lower() in _WEEKDAYS or _PLACE.fullmatch(part) for part in places):
            return match
        return None
    return None


_WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)


def _trailing_debris(text: str) -> list[tuple[int, int]]:
    """Short lines of page furniture after the last sentence of the text.

    Besides lines that are furniture by themselves (``Advanced settings``, ``END``, a
    date line, ``Source: ...``, a link), short lines without final punctuation count
    when furniture stands above them: the tags under ``Additional materials``.
    """
    spans: list[tuple[int, int]] = []
    loose: list[tuple[int, int]] = []
    offset = max(0, len(text) - 2000)
    for match in reversed(list(_PARAGRAPH.finditer(text, offset))):
        line = match.group().strip()
        if not line:
            continue
        start = match.start() + match.group().index(line)
        if _is_debris_line(line):
            spans.extend(loose)
            loose.clear()
            spans.append((start, start + len(line)))
        elif _is_loose_line(line) and len(loose) < _LOOSE_LINES:
            loose.append((start, start + len(line)))
        else:
            break
    return spans


# The most short lines without punctuation taken as furniture under a line of furniture.
_LOOSE_LINES = 12
_LOOSE_CHARS = 120
# A credit or a link at the end of a page: "Source: TASS", "The source of information -
# http://...", "Photo: Reuters", "Tags: Syria, Iran", "https://example.org/x".
_CREDIT_LINE = re.compile(
    r"(?:(?:the[ \t]+)?(?:source|photo|photos|video|tags|topics|keywords|persons|geography)"
    r"(?:[ \t]+of[ \t]+information)?[ \t]*(?::|[ \t][-–—])[^\n]*|(?:https?://|www\.)\S+)",
    re.I,
)


def _is_debris_line(line: str) -> bool:
    """Whether a (stripped) line is page furniture by itself."""
    return bool(
        line.lower().rstrip(":") in _WEB_DEBRIS
        or _END_MARK.fullmatch(line)
        or _CLOCK_LINE.fullmatch(line)
        or _STAGE_LINE.fullmatch(line)
        or _CREDIT_LINE.fullmatch(line)
        or _date_line(line)
    )


def _is_loose_line(line: str) -> bool:
    """Whether a (stripped) line is short and without final punctuation: a tag, a size."""
    return len(line) <= _LOOSE_CHARS and line[-1] not in _TERMINAL and line[-1] != ","


class _Label(NamedTuple):
    """A speaker label: where its line starts, where the words after it start, who."""

    start: int
    end: int
    raw: str
    speaker: str


def _labels(text: str, stop: int) -> list[_Label]:
    """The speaker labels of the text before ``stop``, with their speakers' names."""
    found: list[tuple[int, int, str]] = []
    bare: set[int] = set()  # labels ending their line with nothing to mark them
    for match in _LABEL.finditer(text, 0, stop):
        raw = match.group("label")
        extra = match.group("extra") or ""
        if extra.startswith(",") and not raw.isupper() and not _OFFICE.fullmatch(extra[2:]):
            continue  # "However, we think: ..." is prose; "Ann Lee, Spokesperson:" a label
        if _continues_line(text, match.start()):
            continue  # "... and the First\nLady of the United States:" is wrapped prose
        if raw.lower().replace("’", "'") not in _NOT_LABELS:
            found.append((match.start(), match.end(), raw))
            after = text[match.end("extra") if extra else match.end("label") : match.end()]
            if not extra and "\n" in after and "(" not in after and "[" not in after:
                bare.add(match.start())
    bold = (
        [m for m in _BOLD_LABEL.finditer(text, 0, stop) if m.group("label").strip()]
        if "**" in text
        else []
    )
    if len(bold) > 1:  # Markdown: one turn after another in bold
        found.extend((m.start(), m.end(), m.group("label").strip()) for m in bold)
        found.sort()
    if not found and any(mark in text for mark in _STOP_MARKS):
        stops = list(_STOP_LABEL.finditer(text, 0, stop))
        if len({m.group("label") for m in stops}) > 1:  # two speakers at least
            found.extend((m.start(), m.end(), m.group("label")) for m in stops)
    questions = list(_Q_LABEL.finditer(text, 0, stop))
    if len(questions) > 1 or (questions and found):
        found.extend((m.start(), m.end(), "Q") for m in questions)
        found.sort()
    if not found:
        return []
    names = _unified([_without_offices(_canonical_speaker(raw)) for _, _, raw in found])
    counts = Counter(names)
    recurring = max(counts.values()) > 1
    labels = []
    lookups = _NAME_LOOKUPS  # each searches the whole text
    for (start, end, raw), name in zip(found, names, strict=True):
        asks = raw.lower() in _QUESTION_LABELS
        if counts[name] == 1 and not asks:
            if start in bare:
                lookups -= 1
                if lookups < 0 or not _named_elsewhere(text, raw):
                    continue  # "FULL TRANSCRIPT:" above a text
            if start not in bare and _is_metadata(text, end):
                continue  # "Department: Wales Office"
            # A one-off single word before a colon, in a transcript whose other labels
            # recur, is prose ("Remember: ...") unless written in capitals.
            if (
                recurring
                and len(raw.split()) == 1
                and not raw.isupper()
                and raw.lower() in _PROSE_BEFORE_COLON
            ):
                continue
        labels.append(_Label(start, end, raw, name))
    return labels


# An office after a name and a comma, in capitalised words: "Official Spokesperson",
# "Deputy Minister of Foreign Affairs".
_OFFICE = re.compile(rf"{_WORD}(?:[ \t](?:{_JOINER}[ \t]){{0,2}}{_WORD}){{0,7}}")
# Words that open a line of prose before a colon ("Remember: ..."); any other single
# capitalised word before a colon that opens a line, heard once, is a name ("Raza:",
# "Reuters:", a journalist's or an agency's).
_PROSE_BEFORE_COLON = frozenset(
    """remember note notes answer example examples reminder summary update background
    warning result results conclusion first second third finally also yes no correction
    clarification context details quote transcript video photo location date time venue
    participants agenda keywords tags topic topics subject source sources moreover however
    therefore so well look listen now today yesterday tomorrow here there this that these
    those it he she they we i you our my your their his her its thus hence again instead
    meanwhile specifically namely firstly secondly lastly importantly additionally plus and
    but or next then still yet besides otherwise indeed anyway overall translation caption
    credit audio breaking live watch read related more advertisement disclaimer alert
    exclusive""".split()
)


def _continues_line(text: str, start: int) -> bool:
    """Whether the line starting at ``start`` goes on with a line of prose just above it:
    a long line (hard-wrapped text) ending without a sentence's end."""
    if start < 2 or text[start - 1] != "\n":
        return False
    above_start = text.rfind("\n", max(0, start - 1 - _WRAPPED_PROSE * 4), start - 1) + 1
    above = text[above_start : start - 1].rstrip()
    return len(above) >= _WRAPPED_PROSE and (above[-1].isalnum() or above[-1] == ",")


# A line at least this long, ending without punctuation, is hard-wrapped prose.
_WRAPPED_PROSE = 50
# The most one-off labels on lines of their own looked for elsewhere in a text.
_NAME_LOOKUPS = 20


def _is_metadata(text: str, end: int) -> bool:
    """Whether the words after a label are a short line without final punctuation.

    A line ending in a comma opens an address ("Good afternoon, colleagues,").
    """
    line_end = text.find("\n", end)
    rest = text[end : len(text) if line_end < 0 else line_end].strip()
    if line_end >= 0 and text[line_end + 1 : line_end + 2].islower():
        return False  # hard-wrapped words going on below: "... that he\nwill be there."
    return len(rest) <= _METADATA_CHARS and rest[-1:] not in _TERMINAL and rest[-1:] not in ")’',"


def _named_elsewhere(text: str, label: str) -> bool:
    """Whether a label on a line of its own names a person the text also names elsewhere.

    ``President of Russia Vladimir Putin`` above a speech whose lead says "Vladimir Putin
    took part ..." is a speaker; ``FULL TRANSCRIPT`` or a one-off heading is not.
    """
    words = label.split()
    if label.isupper() or len(words) < 2 or words[-2].lower() in _LOWER_WORDS:
        return False
    return text.count(" ".join(words[-2:])) > 1


def _unified(names: list[str]) -> list[str]:
    """Names with a lone surname replaced by the one full name ending in it.

    ``COOPER`` after ``ANDERSON COOPER, CNN ANCHOR`` is Anderson Cooper. A name with
    offices before it is the name alone where the name is also a label of its own:
    ``President of Russia Vladimir Putin`` is Vladimir Putin after ``Vladimir Putin:``.
    """
    distinct = set(names)
    shortened = []
    for name in names:
        words = name.split()
        # The longest name of two or more words that ends this one and labels a turn.
        suffix = next(
            (
                " ".join(words[i:])
                for i in range(1, len(words) - 1)
                if " ".join(words[i:]) in distinct
            ),
            None,
        )
        shortened.append(suffix or name)
    names = shortened
    full: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) > 1:
            full.setdefault(words[-1].rstrip(".").lower(), set()).add(name)
    out = []
    for name in names:
        known = full.get(name.rstrip(".").lower()) if " " not in name else None
        out.append(next(iter(known)) if known is not None and len(known) == 1 else name)
    return out


_INITIALS = re.compile(r"(?:[A-Z]\.){2,4}")
# A label that is an acronym: no vowel ("CCTV", "NHK"), or an agency's ("AFP", "ANI").
_ACRONYM = re.compile(r"[B-DF-HJ-NP-TV-XZ]{2,5}|AFP|ANI|AP|EFE|RIA|TASS|ANSA|ABC|AAP")


def _canonical_speaker(label: str) -> str:
    """``JOHN DICKERSON`` is ``John Dickerson``; other labels stay as written.

    >>> _canonical_speaker("MR. MCCURRY"), _canonical_speaker("MARTIN O'MALLEY")
    ('Mr. McCurry', "Martin O'Malley")
    >>> _canonical_speaker("PRESIDENT OF THE UNITED STATES")
    'President of the United States'
    >>> _canonical_speaker("SEN. J.D. VANCE")
    'Sen. J.D. Vance'
    """
    if not (label.isupper() and len(label) > 2) or _ACRONYM.fullmatch(label):
        return label  # "Q", "MS", "CCTV", "AFP" stay
    words = []
    for i, word in enumerate(label.split()):
        lower = word.lower()
        if i and lower in _LOWER_WORDS:
            words.append(lower)
            continue
        cased = "-".join(part.capitalize() for part in lower.split("-"))
        if cased.startswith("(") and len(cased) > 1:  # "(TOM)" is "(Tom)"
            cased = "(" + cased[1:].capitalize()
        if _INITIALS.fullmatch(word):  # "J.D." stays
            cased = word
        elif len(cased) > 3 and cased[1] in "'’":  # O'Malley, D'Arcy
            cased = cased[:2] + cased[2].upper() + cased[3:]
        elif len(cased) > 3 and cased.startswith("Mc"):  # McCurry
            cased = "Mc" + cased[2].upper() + cased[3:]
        words.append(cased)
    return " ".join(words)


def _header(
    text: str,
    body_start: int,
    debris: list[tuple[int, int]],
    date_start: int | None,
    *,
    labelled: bool,
) -> tuple[str | None, int]:
    """The title, and where the content after the header starts.

    The header is the run of short lines at the top that are not sentences: a title,
    bylines, places, dates and times. The title is its first line naming a genre
    (``interview``, ``briefing``, ...), else its first line after the date, else its last
    line.
    """
    heading: list[tuple[int, str]] = []
    content = None
    for match in _PARAGRAPH.finditer(text, 0, body_start):
        line = match.group().strip()
        if not line or any(s <= match.end() and match.start() < e for s, e in debris):
            continue
        following = text[match.end() + 1 : match.end() + 2]
        if not _is_heading(line, following):
            content = match.start()
            break
        if len(heading) == _MAX_HEADINGS:
            return None, heading[0][0]  # too long for a header: lines without punctuation
        heading.append((match.start(), line))
    candidates = [(start, line) for start, line in heading[:_TITLE_LINES] if _may_be_title(line)]
    title = next((line for genre in _GENRES for _, line in candidates if genre.search(line)), None)
    if title is None and date_start is not None:
        title = next((line for start, line in candidates if start > date_start), None)
    if title is None and (content is not None or labelled):
        # The last line of a header of menus and settings: "Russia Calling! Investment Forum".
        title = next((line for _, line in reversed(candidates) if ": " not in line), None)
    if content is not None:
        return title, content
    if labelled:
        return title, body_start
    # All of an unlabelled text looks like a header: it is content, after its title.
    if title is None:
        return None, 0
    where = text.index(title)
    return title, where + len(title)


def _may_be_title(line: str) -> bool:
    """Whether a header line may be the title: words, not a date, time, place and time
    ("Moscow: 15:46"), label of a field ("Font size:") or stage direction."""
    if _is_date_line(line) or _CLOCK_LINE.fullmatch(line) or _STAGE_LINE.fullmatch(line):
        return False
    if line.endswith(":") or _CLOCK_LINE.fullmatch(line.rpartition(": ")[2].strip()):
        return False
    return len(_TITLE_WORD.findall(line)) > 1 and line[0].isupper()


_TITLE_WORD = re.compile(r"[^\W\d_]{2,}")


def _is_heading(line: str, following: str) -> bool:
    """Whether a (stripped) line is a line of a header rather than a sentence."""
    if len(line) > _HEADER_LINE_CHARS or following.islower():
        return False
    if line.isupper() or _STAGE_LINE.fullmatch(line):
        return True
    if line[-1] in ",-" or line.rsplit(None, 1)[-1] in _OPEN_WORDS:
        return False  # a sentence broken off: "Thank you, Secretary Cisneros, and"
    return line[-1] not in _TERMINAL or (line[-1] == ":" and len(line) <= _SHORT_HEADING)


class _Block(NamedTuple):
    """The text before the first label, or a labelled turn, cut into sections at headings."""

    speaker: str | None
    label: str | None  # as written; None for the text before the first label
    sections: list[tuple[int, int]]


def _blocks(
    text: str, labels: list[_Label], content: tuple[int, int]
) -> tuple[list[_Block], list[tuple[int, int]]]:
    """The opening text and the labelled turns, and the headings between their sections."""
    content_start, end_of_text = content
    spans: list[tuple[str | None, str | None, int, int]] = []
    # Text before the first label (or all of it, without labels) is a statement.
    start, end = _turn_span(text, content_start, labels[0].start if labels else end_of_text)
    if start < end:
        spans.append((None, None, start, end))
    for i, label in enumerate(labels):
        stop = labels[i + 1].start if i + 1 < len(labels) else end_of_text
        t0, t1 = _turn_span(text, label.end, max(label.end, stop))
        if t0 < t1:
            spans.append((label.speaker, label.raw, t0, t1))
    blocks = []
    headings: list[tuple[int, int]] = []
    for i, (name, written, t0, t1) in enumerate(spans):
        sections, found = _sections(text, t0, t1, heads_next=i + 1 < len(spans))
        blocks.append(_Block(name, written, sections))
        headings.extend(found)
    return blocks, headings


def _turns(text: str, blocks: list[_Block], opening: tuple[str | None, int]) -> tuple[Turn, ...]:
    """The turns: a section of a block each, with its speaker and role.

    The text before the first label is ``opening``'s speaker's from its offset on (the
    title's end), and nobody's before it.
    """
    opening_speaker, opening_from = opening
    raw = [
        (b.speaker, b.label, b.sections[0][0], b.sections[-1][1])
        for b in blocks
        if b.label is not None and b.speaker is not None
    ]
    questioners = _questioners(text, raw)
    has_questions = bool(questioners)
    turns: list[Turn] = []
    for block in blocks:
        if block.label is None or block.speaker is None:
            name, role = opening_speaker, Role.STATEMENT
        elif block.speaker in questioners or block.label.lower() in _QUESTION_LABELS:
            name, role = block.speaker, Role.QUESTION
        else:
            name, role = block.speaker, Role.ANSWER if has_questions else Role.STATEMENT
        for s, e in block.sections:
            who = name if block.label is not None or s >= opening_from else None
            turns.append(Turn(len(turns), who, role, s, e))
    return tuple(turns)


def _sections(
    text: str, start: int, end: int, *, heads_next: bool
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """A turn's span cut at the headings in it, and the headings.

    A heading is a line of its own set off from the sentences around it, without final
    punctuation, as briefings print their topics ("On the situation in Syria") and web
    pages their datelines. Where a turn follows (``heads_next``), the last lines may head
    it, a short one ending in a colon too ("Answers to media questions:"). The turn's
    first line is never a heading, nor is any line of hard-wrapped text.
    """
    lines = [
        (
            m.start() + len(m.group()) - len(m.group().lstrip()),
            m.end() - len(m.group()) + len(m.group().rstrip()),
        )
        for m in _PARAGRAPH.finditer(text, start, end)
        if not m.group().isspace()
    ]
    if len(lines) < 2 or _hard_wrapped(text, start, end):
        return [(start, end)], []
    headings: list[tuple[int, int]] = []
    # The lines at the end that head what follows: "Situation in Syria", "Answers to ...:".
    last = len(lines)
    while heads_next and last > 1 and _is_section_heading(text, lines, last - 1, closing=True):
        last -= 1
    headings.extend(lines[last:])
    headings[:0] = [
        lines[i]
        for i in range(1, min(last, len(lines) - 1))
        if _is_section_heading(text, lines, i, closing=False)
    ]
    sections = []
    position = start
    for h0, h1 in headings:
        s0, s1 = _turn_span(text, position, h0)
        if s0 < s1:
            sections.append((s0, s1))
        position = h1
    s0, s1 = _turn_span(text, position, end)
    if s0 < s1:
        sections.append((s0, s1))
    return sections, headings


# The longest heading: a briefing's topic or a web page's title may be long.
_SECTION_HEADING_CHARS = 250
# Words a heading has not: pronouns and finite verbs of a sentence without its period.
_PROSE_WORDS = frozenset(
    "i we you he she they us me my our your their is are was were will would has have had "
    "can could should must do does did".split()
)
# A sentence's end inside a line: "We agreed. Thank you".
_INNER_END = re.compile(r"[.!?…][\"'”’)]*\s+[\"“‘(]?[A-Z]")
# What ends the line before a heading, besides a blank line: the end of a sentence.
_SENTENCE_CLOSERS = frozenset('.!?…"”’)')


def _is_section_heading(text: str, lines: list[tuple[int, int]], i: int, *, closing: bool) -> bool:
    """Whether the ``i``-th line of a turn is a heading (``closing``: ending the turn)."""
    start, end = lines[i]
    line = text[start:end]
    if len(line) > _SECTION_HEADING_CHARS or not (line[0].isupper() or line[0].isdigit()):
        return False
    if line[-1] in _TERMINAL and not (closing and line[-1] == ":" and len(line) <= _SHORT_HEADING):
        return False
    if line[-1] in ",;-–—(/&" or _STAGE_LINE.fullmatch(line) or _INNER_END.search(line):
        return False
    words = [w.strip(".,;:()\"“”‘’'").lower() for w in line.split()]
    if words[-1] in _OPEN_WORDS or not _PROSE_WORDS.isdisjoint(words):
        return False
    before_end = lines[i - 1][1]
    apart = text.count("\n", before_end, start) > 1
    if not (apart or text[before_end - 1] in _SENTENCE_CLOSERS):
        return False
    if i + 1 < len(lines):
        following = text[lines[i + 1][0]]
        if following.islower():
            return False  # a sentence broken off
    return True


# A turn ending in a question no longer than this is a question, whatever follows.
_SHORT_QUESTION = 300


def _questioners(text: str, raw: list[tuple[str, str, int, int]]) -> set[str]:
    """Speakers labelled as questioners, or whose turns mostly end in a question.

    A long turn ending in a question that a shorter turn of another speaker follows is
    a speech ending in a rhetorical question, as a debater's, not a question.
    """
    asked: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for i, (name, label, start, end) in enumerate(raw):
        total[name] += 1
        if label.lower() in _QUESTION_LABELS:
            asked[name] += 1
        elif text[start:end].rstrip().endswith("?"):
            after = raw[i + 1] if i + 1 < len(raw) else None
            rhetorical = (
                end - start > _SHORT_QUESTION
                and after is not None
                and after[0] != name
                and after[3] - after[2] < end - start
            )
            asked[name] += not rhetorical
    questioners = {name for name in total if asked[name] * 2 > total[name]}
    # Everyone asking questions means nobody is an interviewer: a conversation.
    return questioners if len(questioners) < len(total) else set()


def _turn_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without outer whitespace and stage directions on lines of their own."""
    start, end = _strip_span(text, start, end)
    while start < end:
        line_end = text.find("\n", start, end)
        first = text[start : end if line_end < 0 else line_end]
        if not (_STAGE_LINE.fullmatch(first) or _is_skipped(first)):
            break
        start, end = _strip_span(text, start + len(first), end)
    while start < end:
        line_start = text.rfind("\n", start, end) + 1
        last = text[max(start, line_start) : end]
        if not (_STAGE_LINE.fullmatch(last) or _is_skipped(last)):
            break
        start, end = _strip_span(text, start, end - len(last))
    return start, end


def _is_skipped(line: str) -> bool:
    """Whether a line is an end mark or a time alone ("END 2:58 P.M. EST")."""
    stripped = line.strip()
    return bool(_END_MARK.fullmatch(stripped) or _CLOCK_LINE.fullmatch(stripped))


def _stage_directions(
    text: str, end_of_text: int, turns: tuple[Turn, ...]
) -> list[tuple[int, int]]:
    """Stage directions and separators on lines of their own, outside every turn."""
    spans = []
    starts = [turn.start for turn in turns]
    for match in _STAGE_LINE.finditer(text, 0, end_of_text):
        start, end = _strip_span(text, *match.span())
        inside = bisect.bisect_right(starts, start) - 1
        if start < end and not (inside >= 0 and start < turns[inside].end):
            spans.append((start, end))
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
