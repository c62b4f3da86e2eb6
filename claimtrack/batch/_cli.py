"""The batch command for the ``claimtrack`` command line."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: argparse._SubParsersAction[Any]) -> None:
    """Adds the batch subcommand to the command line's parser."""
