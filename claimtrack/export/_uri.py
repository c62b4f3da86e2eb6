"""Web addresses for transcripts' sources, as JSON-LD wants them."""

from __future__ import annotations

import pathlib
import re

__all__ = ["source_uri"]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:(?://)?\S")


def source_uri(source: str, transcript_id: str) -> str:
    """The IRI of a transcript's source: a URL as it is, a file path as a ``file:`` URI.

    Transcripts read from standard input or a string have no address of their own and get
    a ``urn:claimtrack:`` one from their id.

    >>> source_uri("https://mid.ru/en/1", "tr-1")
    'https://mid.ru/en/1'
    >>> source_uri("/data/interview.txt", "tr-1")
    'file:///data/interview.txt'
    >>> source_uri("<stdin>", "tr-1")
    'urn:claimtrack:tr-1'
    """
    if source.startswith("<") or not source:
        return f"urn:claimtrack:{transcript_id}"
    if _SCHEME.match(source) and not pathlib.PureWindowsPath(source).drive:
        return source
    return pathlib.Path(source).absolute().as_uri()
