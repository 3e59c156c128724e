"""The three DAGs end to end with ``dag.test()`` on the distributed engine.

The tasks produce generated members to Kafka, stream them into Cassandra with Spark, analyse
them on Spark and draw the charts from Cassandra, all against the local servers.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_dag_runs import MEMBERS_PER_RUN, run_analysis, run_charts, run_ingest

from memberanalyzer.settings import load_settings
from memberanalyzer.stores.cassandra_store import CassandraConfig, CassandraStore, connect

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("metadata_database")]

DAY = date(2024, 4, 1)


@dataclass
class DistributedRuns:
    """States of one run of each DAG, and where they stored their results."""

    states: list[str]
    keyspace: CassandraConfig
    reports: Path


@pytest.fixture(scope="module")
def distributed_runs(
    metadata_database: None, dag_bag: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DistributedRuns]:
    folder = tmp_path_factory.mktemp("distributed")
    suffix = uuid.uuid4().hex[:10]
    base = load_settings()
    keyspace = CassandraConfig(base.cassandra_host, base.cassandra_port, f"test_dag_{suffix}")
    with pytest.MonkeyPatch.context() as monkeypatch:
        # Airflow reads a variable from AIRFLOW_VAR_<KEY> before its database.
        monkeypatch.setenv("AIRFLOW_VAR_MEMBERANALYZER_ENGINE", "distributed")
        monkeypatch.setenv("MEMBERANALYZER_KAFKA_TOPIC", f"test-dag-{suffix}")
        monkeypatch.setenv("MEMBERANALYZER_CASSANDRA_KEYSPACE", keyspace.keyspace)
        monkeypatch.setenv("MEMBERANALYZER_SPARK_CHECKPOINT", str(folder / "checkpoint"))
        monkeypatch.setenv("MEMBERANALYZER_SPARK_MASTER", "local[2]")
        monkeypatch.setenv("MEMBERANALYZER_OUT", str(folder / "reports"))
        states = [str(run(dag_bag, DAY).state) for run in (run_ingest, run_analysis, run_charts)]
    yield DistributedRuns(states, keyspace, folder / "reports")
    cluster, session = connect(keyspace)
    session.execute(f"DROP KEYSPACE IF EXISTS {keyspace.keyspace}")
    cluster.shutdown()


def test_distributed_dag_runs_succeed(distributed_runs: DistributedRuns) -> None:
    assert distributed_runs.states == ["success"] * 3


def test_distributed_ingest_fills_cassandra(distributed_runs: DistributedRuns) -> None:
    with CassandraStore(distributed_runs.keyspace) as store:
        assert store.member_count() == MEMBERS_PER_RUN


def test_distributed_analysis_stores_the_date(distributed_runs: DistributedRuns) -> None:
    with CassandraStore(distributed_runs.keyspace) as store:
        analysis = store.analysis(DAY)
    assert analysis is not None


def test_distributed_charts_write_the_report(distributed_runs: DistributedRuns) -> None:
    assert (distributed_runs.reports / DAY.isoformat() / "index.html").is_file()
