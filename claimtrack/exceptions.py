"""The exceptions claimtrack raises.

Every error claimtrack raises on purpose is a :class:`ClaimtrackError`. Each subclass
also inherits the built-in exception it refines, so ``except ValueError`` keeps working
for callers who do not know claimtrack. Messages say what was wrong, where, and what to
do about it.

>>> from claimtrack.exceptions import ClaimtrackError, NoDateError
>>> issubclass(NoDateError, ClaimtrackError) and issubclass(NoDateError, ValueError)
True
"""

from __future__ import annotations


class ClaimtrackError(Exception):
    """Base class of every error claimtrack raises on purpose."""


class TranscriptError(ClaimtrackError, ValueError):
    """A transcript cannot be read: missing, empty, binary or undecodable."""


class TranscriptNotFoundError(TranscriptError, FileNotFoundError):
    """The transcript file does not exist or is not a regular file."""


class NoDateError(TranscriptError):
    """No publication date was found in a transcript and none was given.

    Relative expressions such as ``last summer`` need it as their anchor.
    """


class InvalidAnchorError(ClaimtrackError, ValueError):
    """An anchor date or date-time given by the caller cannot be understood."""


class SerializationError(ClaimtrackError, ValueError):
    """A serialised claim (JSON) is malformed or misses a required field."""
