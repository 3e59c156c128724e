"""Shared test fixtures: the real randomuser.me responses and a fresh DuckDB store."""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from memberanalyzer.stores.duckdb_store import DuckDBStore

REPO_ROOT = Path(__file__).resolve().parents[1]


def _airflow_installed() -> bool:
    try:
        importlib.metadata.version("apache-airflow")
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


# The DAG tests need Apache Airflow, which `make test` installs in a virtual environment of its
# own (.venv-airflow) and runs there.
if not _airflow_installed():
    collect_ignore_glob = ["dags/*"]


def samples_dir() -> Path:
    """Folder of the real randomuser.me responses, shared beside the repository."""
    configured = os.environ.get("MEMBERANALYZER_SAMPLES_DIR")
    folder = Path(configured) if configured else REPO_ROOT.parent / "shared" / "data" / "randomuser"
    if not folder.is_dir():
        raise RuntimeError(
            f"randomuser.me samples not found in {folder}: the tests run on them. Set "
            "MEMBERANALYZER_SAMPLES_DIR to the folder that holds the sample .json files."
        )
    return folder


@pytest.fixture(scope="session")
def samples() -> Path:
    return samples_dir()


@pytest.fixture(scope="session")
def sample_files(samples: Path) -> list[Path]:
    return sorted(samples.glob("*.json"))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DuckDBStore]:
    with DuckDBStore(tmp_path / "members.duckdb", threads=2) as opened:
        yield opened
