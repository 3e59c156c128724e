"""Fixtures of the API tests: an app on a fresh DuckDB file and the real sample records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from memberanalyzer.api import create_app
from memberanalyzer.settings import Settings, load_settings

API_KEY = "test-key-0123456789abcdef"
OTHER_KEY = "other-key-0123456789abcdef"


@pytest.fixture
def api_settings(tmp_path: Path) -> Settings:
    return load_settings(
        db=tmp_path / "api.duckdb",
        http_api_keys=f"{API_KEY},{OTHER_KEY}",
        http_max_batch_records=600,
        http_max_body_bytes=1_000_000,
        threads=2,
    )


@pytest.fixture
def client(api_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(api_settings), headers={"X-API-Key": API_KEY}) as opened:
        yield opened


@pytest.fixture(scope="session")
def sample_records(sample_files: list[Path]) -> list[dict[str, Any]]:
    """Every result of the current randomuser.me shape in the real samples."""
    records: list[dict[str, Any]] = []
    for path in sample_files:
        document = json.loads(path.read_text(encoding="utf-8"))
        records += [record for record in document["results"] if "user" not in record]
    return records


@pytest.fixture(scope="session")
def legacy_records(sample_files: list[Path]) -> list[dict[str, Any]]:
    """The results in the randomuser.me 0.x shape, which the rules reject."""
    records: list[dict[str, Any]] = []
    for path in sample_files:
        document = json.loads(path.read_text(encoding="utf-8"))
        records += [record for record in document["results"] if "user" in record]
    return records


def ndjson(records: list[dict[str, Any]]) -> bytes:
    return "\n".join(json.dumps(record) for record in records).encode()
