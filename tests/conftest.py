"""Fixtures shared by the tests."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import pytest

import claimtrack

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "lavrov-interfax-2017-12-28.txt"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "lavrov-interfax-2017-12-28.json"


@pytest.fixture(name="example_path", scope="session")
def fixture_example_path() -> pathlib.Path:
    """The reference transcript shipped in examples/."""
    return EXAMPLE


@pytest.fixture(name="example", scope="session")
def fixture_example() -> claimtrack.Transcript:
    """The reference transcript, read."""
    return claimtrack.read_transcript(EXAMPLE)


@pytest.fixture(name="example_claims", scope="session")
def fixture_example_claims(example: claimtrack.Transcript) -> list[claimtrack.Claim]:
    """The claims extracted from the reference transcript."""
    return claimtrack.extract_claims(example)


@pytest.fixture(name="gold", scope="session")
def fixture_gold() -> dict[str, Any]:
    """The hand-made gold of the reference transcript, from ../shared/gold."""
    if not GOLD.exists():
        pytest.skip(f"gold file {GOLD} is absent (it lives beside the repository)")
    data: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))
    return data
