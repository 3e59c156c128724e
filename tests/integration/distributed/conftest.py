"""Fixtures of the distributed tests: one Spark session per run, fresh topics and keyspaces."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pytest
from names import unique_name
from pyspark.sql import SparkSession

from memberanalyzer.connections import cassandra_config, kafka_config
from memberanalyzer.engines.distributed import ProduceSummary, produce
from memberanalyzer.engines.spark_session import spark_session
from memberanalyzer.members.rules import normalise_members
from memberanalyzer.settings import Settings
from memberanalyzer.sources.files import JsonFileSource
from memberanalyzer.stores.cassandra_store import CassandraConfig, CassandraStore, connect
from memberanalyzer.transport.kafka import KafkaConfig, MemberProducer

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def kafka(settings: Settings) -> KafkaConfig:
    return kafka_config(settings)


@pytest.fixture(scope="session")
def cassandra_base(settings: Settings) -> CassandraConfig:
    return cassandra_config(settings)


@pytest.fixture(scope="session")
def spark(settings: Settings, cassandra_base: CassandraConfig) -> Iterator[SparkSession]:
    """One Spark session for every test: starting one costs several seconds on two cores."""
    session = spark_session(
        "memberanalyzer-tests", "local[2]", settings.spark_jars_dir, cassandra_base
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def keyspace(cassandra_base: CassandraConfig) -> Iterator[CassandraConfig]:
    """A fresh keyspace, dropped after the module's tests."""
    config = CassandraConfig(
        cassandra_base.host,
        cassandra_base.port,
        unique_name("test"),
        local_dc=cassandra_base.local_dc,
    )
    with CassandraStore(config):
        pass
    yield config
    cluster, session = connect(config)
    session.execute(f"DROP KEYSPACE IF EXISTS {config.keyspace}")
    cluster.shutdown()


@pytest.fixture(scope="module")
def topic() -> str:
    return unique_name("test-members").replace("_", "-")


@pytest.fixture(scope="module")
def sample_sources(sample_files: list[Path]) -> list[JsonFileSource]:
    return [JsonFileSource(path) for path in sample_files]


@pytest.fixture(scope="module")
def produced(topic: str, kafka: KafkaConfig, sample_files: list[Path]) -> ProduceSummary:
    """The real samples, produced once to the module's topic."""
    producer = MemberProducer(kafka, topic, f"{topic}.rejected")
    return produce([JsonFileSource(path) for path in sample_files], producer, NOW)


@pytest.fixture(scope="session")
def sample_members(sample_files: list[Path]) -> pa.Table:
    tables = [
        normalise_members(batch, NOW).members
        for path in sample_files
        for batch in JsonFileSource(path).batches()
    ]
    return pa.concat_tables(tables)
