"""Fixtures shared by the source tests: the largest real randomuser.me response."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SAMPLE_500_NAME = "smanuk_sm-people-facade_500_v1.3.json"


@pytest.fixture(scope="session")
def sample_500_file(samples: Path) -> Path:
    """Response object of 500 users in API 1.3 shape, with numeric and text postcodes."""
    return samples / SAMPLE_500_NAME


@pytest.fixture(scope="session")
def sample_500_records(sample_500_file: Path) -> list[dict[str, Any]]:
    """The 500 user objects of that response, in file order. Tests must not modify them."""
    records: list[dict[str, Any]] = json.loads(sample_500_file.read_bytes())["results"]
    return records
