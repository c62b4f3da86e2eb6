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


class StoreError(ClaimtrackError):
    """A claim store cannot be opened, read or written."""


class StoreCorruptError(StoreError):
    """A file given as a claim store is not one: corrupt, or made by something else."""


class UnknownClaimError(StoreError, KeyError):
    """No tracked claim, claim or transcript in the store has the identifier given."""

    def __str__(self) -> str:
        # KeyError quotes its message; the message is a sentence, shown as it is.
        return str(self.args[0]) if self.args else ""


class IngestError(StoreError, ValueError):
    """Claims given to a store do not belong to the transcript given with them."""


class QueryError(StoreError, ValueError):
    """A query's filter cannot be understood: a date that is not ISO, an unknown kind."""


class CorrectionError(StoreError, ValueError):
    """A merge or split cannot be done: the claims are one already, or a claim is alone."""


class VerificationError(ClaimtrackError, ValueError):
    """A verification step is not allowed: a wrong transition or an unknown rating."""


class ExportError(ClaimtrackError, ValueError):
    """Claims cannot be exported in the form asked, e.g. a ClaimReview of an unrated claim."""


class UsageError(ClaimtrackError, ValueError):
    """An option given on the command line or to a function is out of its range."""
