"""Reading transcripts: files or strings into :class:`~claimtrack.Transcript` values.

The reader keeps the text exactly as decoded (UTF-8, newlines untouched), so every
offset it and later stages produce indexes that text.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter

from claimtrack._model import Role, Transcript, Turn
from claimtrack.exceptions import NoDateError, TranscriptError, TranscriptNotFoundError

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
_TIME = r"(?:,?\s?(?:at\s)?(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d))?"
# A date in a header line; the time may be glued to the year ("201716:08").
_HEADER_DATES = (
    re.compile(r"\b(?P<day>[0-3]?\d) " + _MONTH + r",? (?P<year>\d{4})" + _TIME),
    re.compile(r"\b" + _MONTH + r" (?P<day>[0-3]?\d),? (?P<year>\d{4})" + _TIME),
    re.compile(
        r"\b(?P<year>\d{4})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)"
        r"(?:[T ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d))?"
    ),
)
# The first lines searched for the publication date.
_HEADER_LINES = 6

# A turn label at the start of a line: "Question:", "Sergey Lavrov:", "JOHN DICKERSON:",
# "Mr. Smith:", "Q:". Up to five capitalised words, then a colon and a space.
_WORD = r"[A-Z][A-Za-z'’\-]*\.?"
_LABEL = re.compile(r"^(?P<label>" + _WORD + r"(?: " + _WORD + r"){0,4}):[ \t]+(?=\S)", re.M)
_QUESTION_LABELS = frozenset(
    {"q", "question", "questions", "interviewer", "moderator", "reporter", "journalist"}
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
    }
)
# A line of links to other language versions: "• de-DE1 en-GB1 es-ES1".
_LANGUAGE_LINE = re.compile(r"^[ \t]*(?:[•·*\-][ \t]*)?(?:[a-z]{2}-[A-Z]{2}\d*[ \t]*){2,}$", re.M)
_LANGUAGE_CODE = re.compile(r"[a-z]{2}-[A-Z]{2}")
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
    }
)
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
    ``28 December 201716:08``), a title, a line of language links, speaker labels at the
    start of lines (``Question:``, ``Sergey Lavrov:``, ``JOHN DICKERSON:``) and web
    debris at the end. Text without labels is one statement by ``speaker``.

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
    if published is not None:
        when = _coerce_published(published, source)
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
    labels = _label_matches(text)
    header_end = _date_line_end(text, found[1]) if found is not None else 0
    title, content_start = _title(text, header_end, labels[0].start() if labels else None, debris)
    turns = _turns(text, labels, (content_start, end_of_text), debris, speaker)
    return Transcript(
        text=text,
        published=when,
        source=source,
        title=title,
        language=language,
        languages=tuple(dict.fromkeys(languages)),
        turns=turns,
        boilerplate=tuple(sorted(debris)),
    )


def _coerce_published(value: dt.datetime | dt.date | str, source: str) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        msg = (
            f"{source}: the date {value!r} is not an ISO date; "
            "write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM"
        )
        raise NoDateError(msg) from None


def _header_date(text: str) -> tuple[dt.datetime, int] | None:
    """The first date in the first lines, and the offset where it starts."""
    head_end = 0
    for _ in range(_HEADER_LINES):
        nl = text.find("\n", head_end)
        if nl < 0:
            head_end = len(text)
            break
        head_end = nl + 1
    head = text[:head_end]
    best: tuple[int, dt.datetime, int] | None = None
    for pattern in _HEADER_DATES:
        for match in pattern.finditer(head):
            when = _header_datetime(match)
            if when is not None and (best is None or match.start() < best[0]):
                best = (match.start(), when, match.start())
            if when is not None:
                break
    return None if best is None else (best[1], best[2])


def _date_line_end(text: str, date_start: int) -> int:
    """The end of the date's line, where the date (and time) is all the line holds."""
    line_start = text.rfind("\n", 0, date_start) + 1
    line_end = text.find("\n", date_start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    for pattern in _HEADER_DATES:
        match = pattern.fullmatch(line.strip())
        if match is not None:
            return line_end
    return 0


def _header_datetime(match: re.Match[str]) -> dt.datetime | None:
    parts = match.groupdict()
    month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS.get(parts["month"].lower())
    if month is None:
        return None
    try:
        return dt.datetime(
            int(parts["year"]),
            month,
            int(parts["day"]),
            int(parts["hour"] or 0),
            int(parts["minute"] or 0),
        )
    except ValueError:
        return None


def _trailing_debris(text: str) -> list[tuple[int, int]]:
    """Short lines of page furniture after the last sentence of the text."""
    spans = []
    for match in reversed(list(_PARAGRAPH.finditer(text[-2000:]))):
        line = match.group().strip()
        if line.lower().rstrip(":") not in _WEB_DEBRIS:
            break
        offset = len(text) - len(text[-2000:])
        spans.append(
            (
                offset + match.start() + match.group().index(line),
                offset + match.start() + match.group().index(line) + len(line),
            )
        )
    return spans


def _label_matches(text: str) -> list[re.Match[str]]:
    matches = [m for m in _LABEL.finditer(text) if _is_label(m.group("label"))]
    if not matches:
        return []
    # A label that occurs once, in a transcript whose other labels recur, is prose
    # ("Still, one thing is clear: ...") unless it names a questioner.
    counts = Counter(_canonical_speaker(m.group("label")) for m in matches)
    if max(counts.values()) > 1:
        matches = [
            m
            for m in matches
            if counts[_canonical_speaker(m.group("label"))] > 1
            or m.group("label").lower() in _QUESTION_LABELS
            or m.group("label").isupper()
        ]
    return matches


def _is_label(label: str) -> bool:
    return label.lower() not in _NOT_LABELS


def _canonical_speaker(label: str) -> str:
    """``JOHN DICKERSON`` is ``John Dickerson``; other labels stay as written."""
    if label.isupper() and len(label) > 2:
        return " ".join(w.capitalize() for w in label.split())
    return label


def _title(
    text: str, header_end: int, body_start: int | None, debris: list[tuple[int, int]]
) -> tuple[str | None, int]:
    """The title, and where the content after the header starts.

    The title is the first non-blank line after the date that is neither debris nor a
    turn, nor a sentence of the content (it has no terminal punctuation).
    """
    stop = body_start if body_start is not None else min(len(text), header_end + 1000)
    for match in _PARAGRAPH.finditer(text, header_end, stop):
        line = match.group().strip()
        if not line or any(s <= match.start() < e for s, e in debris):
            continue
        followed = text.startswith("\n", match.end()) or body_start is not None
        if line[-1:] in '.!?"”:' or len(line) > 200 or not followed:
            return None, header_end
        return line, match.end()
    return None, header_end


def _turns(
    text: str,
    labels: list[re.Match[str]],
    content: tuple[int, int],
    debris: list[tuple[int, int]],
    speaker: str | None,
) -> tuple[Turn, ...]:
    content_start, end_of_text = content
    # Text before the first label (or all of it, without labels) is a statement.
    start = content_start
    for s, e in sorted(debris):
        if s < end_of_text and not text[start:s].strip():
            start = max(start, e)
    start, end = _strip_span(text, start, labels[0].start() if labels else end_of_text)
    opening = [Turn(0, speaker, Role.STATEMENT, start, end)] if start < end else []
    if not labels:
        return tuple(opening)
    speakers = [_canonical_speaker(m.group("label")) for m in labels]
    raw = []
    for i, match in enumerate(labels):
        stop = labels[i + 1].start() if i + 1 < len(labels) else end_of_text
        t0, t1 = _strip_span(text, match.end(), max(match.end(), stop))
        raw.append((speakers[i], match.group("label"), t0, t1))
    questioners = _questioners(text, raw)
    has_questions = bool(questioners)
    turns = opening
    for name, label, start, end in raw:
        if name in questioners or label.lower() in _QUESTION_LABELS:
            role = Role.QUESTION
        else:
            role = Role.ANSWER if has_questions else Role.STATEMENT
        turns.append(Turn(len(turns), name, role, start, end))
    return tuple(turns)


def _questioners(text: str, raw: list[tuple[str, str, int, int]]) -> set[str]:
    """Speakers labelled as questioners, or whose turns mostly end in a question."""
    asked: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for name, label, start, end in raw:
        total[name] += 1
        if label.lower() in _QUESTION_LABELS or text[start:end].rstrip().endswith("?"):
            asked[name] += 1
    questioners = {name for name in total if asked[name] * 2 > total[name]}
    # Everyone asking questions means nobody is an interviewer: a conversation.
    return questioners if len(questioners) < len(total) else set()


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
