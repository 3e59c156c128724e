"""``memberanalyzer serve`` as a real process: ingestion over HTTP, shutdown, the stored result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.system.server import serve

from memberanalyzer.stores.duckdb_store import DuckDBStore


def current_shape_records(sample_files: list[Path]) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for path in sample_files:
        results = json.loads(path.read_text(encoding="utf-8"))["results"]
        records += [record for record in results if "user" not in record]
    return records


@pytest.fixture(scope="module")
def served_run(
    tmp_path_factory: pytest.TempPathFactory, sample_files: list[Path]
) -> tuple[set[str], int, int, Path]:
    """Post every sample through a real server, stop it, and return what it reported."""
    db = tmp_path_factory.mktemp("serve") / "served.duckdb"
    records = current_shape_records(sample_files)
    accepted: set[str] = set()
    with serve(db) as server, server.client() as client:
        for start in range(0, len(records), 100):
            lines = "\n".join(json.dumps(record) for record in records[start : start + 100])
            response = client.post(
                "/v1/members/batch",
                content=lines,
                headers={"Content-Type": "application/x-ndjson"},
            )
            accepted.update(response.json()["member_ids"])
        for record in records[:25]:
            accepted.update(client.post("/v1/members", json=record).json()["member_ids"])
        ready = client.get("/readyz").status_code
        exit_code = server.stop()
    return accepted, ready, exit_code, db


def test_serve_ready(served_run: tuple[set[str], int, int, Path]) -> None:
    assert served_run[1] == 200


def test_serve_stops_cleanly(served_run: tuple[set[str], int, int, Path]) -> None:
    assert served_run[2] == 0


def test_serve_store_holds_accepted(served_run: tuple[set[str], int, int, Path]) -> None:
    accepted, _, _, db = served_run
    with DuckDBStore(db) as store:
        stored_ids = set(store.members().column("member_id").to_pylist())
    assert stored_ids == accepted


def test_serve_without_key_exits_2(tmp_path: Path) -> None:
    environment = {
        name: value for name, value in os.environ.items() if name != "MEMBERANALYZER_HTTP_API_KEYS"
    }
    command = [sys.executable, "-m", "memberanalyzer", "serve", "--db", str(tmp_path / "x.db")]
    result = subprocess.run(
        command, env=environment, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    assert "MEMBERANALYZER_HTTP_API_KEYS" in result.stderr
