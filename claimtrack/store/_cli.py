"""The store's commands for the ``claimtrack`` command line."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: argparse._SubParsersAction[Any]) -> None:
    """Adds the store's subcommands to the command line's parser."""
