"""What an Airflow task of the MemberAnalyzer DAGs reads from Airflow, and how its errors end.

This is the only module of the package that imports Airflow (``pip install
'memberanalyzer[airflow]'``). The DAGs in ``dags/`` call it to build settings from the
environment, the Airflow variable ``memberanalyzer_engine`` and the connections
``kafka_default`` and ``cassandra_default``, to find the dates of a run, and to turn errors
into Airflow's outcomes: a transient error is retried, any other fails the task at once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

from airflow.exceptions import AirflowFailException, AirflowNotFoundException
from airflow.sdk import Asset, Connection, Variable

from memberanalyzer.errors import MemberAnalyzerError
from memberanalyzer.orchestration.connections import (
    CASSANDRA_CONNECTION_ID,
    KAFKA_CONNECTION_ID,
    server_overrides,
)
from memberanalyzer.orchestration.dates import run_dates
from memberanalyzer.orchestration.stages import ENGINE_VARIABLE, IngestRequest
from memberanalyzer.settings import Settings, load_settings

__all__ = [
    "DISTRIBUTIONS",
    "MEMBERS",
    "STORE_POOL",
    "TASK_DEFAULTS",
    "context_dates",
    "ingest_request",
    "stage_errors",
    "task_settings",
]

log = logging.getLogger(__name__)


def task_settings() -> Settings:
    """Load the settings, with the engine variable and, when distributed, the connections."""
    engine = Variable.get(ENGINE_VARIABLE, default=None)
    settings = load_settings(engine=engine)
    if settings.engine != "distributed":
        return settings

    kafka = _connection(KAFKA_CONNECTION_ID)
    cassandra = _connection(CASSANDRA_CONNECTION_ID)
    overrides = server_overrides(
        kafka.extra_dejson if kafka is not None else None,
        cassandra.host if cassandra is not None else None,
        cassandra.port if cassandra is not None else None,
    )
    return load_settings(engine=engine, **overrides)


def _connection(connection_id: str) -> Any:
    try:
        return Connection.get(connection_id)
    except AirflowNotFoundException:
        log.info("connection not found id=%s; using the MEMBERANALYZER_* setting", connection_id)
        return None


def context_dates(context: Mapping[str, Any]) -> list[date]:
    """Return the dates of the running DAG run: its ``as_of`` param, its events or its date."""
    triggering = context.get("triggering_asset_events") or {}
    extras = [event.extra for events in triggering.values() for event in events]
    return run_dates(
        context["params"].get("as_of"),
        extras,
        _logical_date(context),
        context["dag_run"].run_after.date(),
    )


def ingest_request(context: Mapping[str, Any], settings: Settings) -> IngestRequest:
    """Build the ingest request of the running DAG run from its params and logical date.

    A run without a ``source`` param reads from ``settings.ingest_source``.
    """
    params = context["params"]
    (as_of,) = run_dates(None, [], _logical_date(context), context["dag_run"].run_after.date())
    nationalities = tuple(
        code.strip().upper() for code in (params.get("nat") or "").split(",") if code.strip()
    )
    return IngestRequest(
        as_of=as_of,
        source=params.get("source") or settings.ingest_source,
        count=params["count"],
        seed=params.get("seed"),
        api_url=params.get("api_url") or None,
        nationalities=nationalities,
    )


def _logical_date(context: Mapping[str, Any]) -> date | None:
    logical_date: datetime | None = context.get("logical_date")
    return logical_date.date() if logical_date is not None else None


@contextmanager
def stage_errors() -> Iterator[None]:
    """Let a transient error reach Airflow's retries; fail the task at once on any other.

    A non-transient ``MemberAnalyzerError`` (bad settings, rejected data, nothing to chart)
    would fail the same way on every retry, so retrying only delays the message.
    """
    try:
        yield
    except MemberAnalyzerError as error:
        if error.transient:
            log.warning("stage failed, Airflow retries it if tries are left: %s", error)
            raise
        log.error("stage failed, not retried: %s", error)
        raise AirflowFailException(f"{type(error).__name__}: {error}") from error


# Assets the DAGs announce and wait for. A URI only names data for Airflow; the members live
# in the store that the settings choose.
MEMBERS = Asset("memberanalyzer://members")
DISTRIBUTIONS = Asset("memberanalyzer://distributions")

# The embedded store is one DuckDB file that a single process may write at a time, so every
# task that opens it takes the one slot of this pool. `make airflow-up` creates the pool.
STORE_POOL = "memberanalyzer_store"

# Retries of a failed task wait 1, 2, 4 minutes and so on (Airflow adds up to as much again
# as jitter), at most 15 minutes; transient errors alone are retried, see stage_errors.
TASK_DEFAULTS: dict[str, Any] = {
    "retries": 3,
    "retry_delay": timedelta(minutes=1),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=15),
    "pool": STORE_POOL,
}
