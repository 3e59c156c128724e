"""The orchestrated stages (what the Airflow tasks run) on the distributed engine."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from names import unique_name

from memberanalyzer.orchestration.stages import (
    IngestRequest,
    StageResult,
    analyze_date,
    draw_date_charts,
    ingest_members,
)
from memberanalyzer.settings import Settings, load_settings
from memberanalyzer.stores.cassandra_store import CassandraConfig

pytestmark = pytest.mark.integration

DAY = datetime.now(UTC).date()
MEMBERS = 300


@pytest.fixture(scope="module")
def distributed_settings(
    keyspace: CassandraConfig, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    folder = tmp_path_factory.mktemp("stages")
    return load_settings(
        engine="distributed",
        kafka_topic=unique_name("test-stages").replace("_", "-"),
        cassandra_keyspace=keyspace.keyspace,
        spark_checkpoint=folder / "checkpoint",
        spark_master="local[2]",
        out=folder / "reports",
    )


@pytest.fixture(scope="module")
def ingested(distributed_settings: Settings) -> StageResult:
    request = IngestRequest(as_of=DAY, source="generator", count=MEMBERS, seed=11)
    return ingest_members(request, distributed_settings)


@pytest.fixture(scope="module")
def analysed(ingested: StageResult, distributed_settings: Settings) -> StageResult:
    return analyze_date(DAY, distributed_settings)


def test_distributed_ingest_produces_the_members(ingested: StageResult) -> None:
    assert ingested["members_produced"] == MEMBERS


def test_distributed_ingest_streams_them_into_cassandra(ingested: StageResult) -> None:
    assert ingested["members_streamed"] == MEMBERS


def test_distributed_analysis_counts_the_members(analysed: StageResult) -> None:
    assert analysed["members"] == MEMBERS


def test_distributed_charts_draw_the_report(
    analysed: StageResult, distributed_settings: Settings
) -> None:
    result = draw_date_charts(DAY, distributed_settings)
    assert Path(str(result["report"])).is_file()
