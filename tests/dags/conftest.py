"""Fixtures for the Airflow tests: configuration, the DAGs and a clean metadata database.

Airflow reads its configuration when it is first imported, so this module sets it before any
test here imports Airflow: a fresh AIRFLOW_HOME in a temporary folder, the repository's dags/
folder, no example DAGs, and the local PostgreSQL (``make services-up``) as metadata database,
in its own schema ``airflow_test`` of the ``airflow`` database so that a local ``make
airflow-up`` keeps its own tables. Tests that need PostgreSQL are marked ``integration`` and
are skipped when it does not respond, or fail when CI is set, like tests/integration.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from memberanalyzer.settings import load_settings

REPO_ROOT = Path(__file__).resolve().parents[2]
DAGS_FOLDER = REPO_ROOT / "dags"
TEST_SCHEMA = "airflow_test"


def _metadata_database_url() -> str:
    settings = load_settings()
    return (
        f"postgresql+psycopg://{settings.postgres_user}@{settings.postgres_host}:"
        f"{settings.postgres_port}/{settings.postgres_database}"
        f"?options=-csearch_path%3D{TEST_SCHEMA}"
    )


def _configure_airflow() -> Path:
    home = Path(tempfile.mkdtemp(prefix="memberanalyzer-airflow-test-"))
    database_url = _metadata_database_url()
    os.environ.update(
        {
            "AIRFLOW_HOME": str(home),
            "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS_FOLDER),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": database_url,
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC": database_url,
        }
    )
    return home


AIRFLOW_HOME = _configure_airflow()


@pytest.fixture(scope="session", autouse=True)
def _remove_airflow_home() -> Iterator[None]:
    yield
    shutil.rmtree(AIRFLOW_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def metadata_database() -> Iterator[None]:
    """A freshly migrated Airflow schema in the local PostgreSQL, dropped again at the end."""
    settings = load_settings()
    _require_postgres(settings.postgres_host, settings.postgres_port)
    _recreate_schema()
    migration = subprocess.run(
        [sys.executable, "-m", "airflow", "db", "migrate"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert migration.returncode == 0, migration.stderr[-3000:]
    yield

    # Airflow's pooled connections hold locks on the schema until they close.
    from airflow import settings as airflow_settings

    airflow_settings.dispose_orm()
    _drop_schema()


def _require_postgres(host: str, port: int) -> None:
    try:
        with socket.create_connection((host, port), timeout=3):
            return
    except OSError as error:
        message = (
            f"PostgreSQL not responding on {host}:{port} ({error.strerror or error}); start it "
            "with `make services-up`"
        )
    if os.environ.get("CI", "").lower() in {"true", "1", "yes"}:
        pytest.fail(message)
    pytest.skip(message)


def _postgres_execute(*statements: str) -> None:
    import psycopg

    settings = load_settings()
    with psycopg.connect(
        host=settings.postgres_host,
        port=settings.postgres_port,
        user=settings.postgres_user,
        dbname=settings.postgres_database,
        autocommit=True,
    ) as connection:
        # A connection left open by an interrupted run makes DROP SCHEMA wait: fail instead.
        connection.execute("SET lock_timeout = '20s'")
        for statement in statements:
            connection.execute(statement)


def _recreate_schema() -> None:
    _postgres_execute(
        f"DROP SCHEMA IF EXISTS {TEST_SCHEMA} CASCADE", f"CREATE SCHEMA {TEST_SCHEMA}"
    )


def _drop_schema() -> None:
    _postgres_execute(f"DROP SCHEMA IF EXISTS {TEST_SCHEMA} CASCADE")


@pytest.fixture(scope="session")
def dag_bag() -> Any:
    from airflow.models.dagbag import DagBag

    return DagBag(dag_folder=str(DAGS_FOLDER), include_examples=False)
