"""The Spark stream job and the Spark analysis, on the real samples, Kafka and Cassandra."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from confluent_kafka import Producer
from pyspark.sql import SparkSession
from typer.testing import CliRunner

from memberanalyzer.cli import app
from memberanalyzer.engines.distributed import ProduceSummary
from memberanalyzer.engines.embedded import analyze, ingest
from memberanalyzer.engines.spark_analysis import analyze_on_spark
from memberanalyzer.engines.spark_stream import StreamOptions, StreamSummary, run_stream
from memberanalyzer.errors import NothingToDoError
from memberanalyzer.members.age import AgeGroups
from memberanalyzer.members.schema import MEMBER_SCHEMA
from memberanalyzer.sources.files import JsonFileSource
from memberanalyzer.stores.cassandra_store import CassandraConfig, CassandraStore
from memberanalyzer.stores.duckdb_store import DuckDBStore
from memberanalyzer.transport.kafka import KafkaConfig, MemberProducer

pytestmark = pytest.mark.integration

AS_OF = date(2026, 12, 1)
AGE_GROUPS = AgeGroups.parse("18,25,35,45,55,65")
NOT_AVRO = b'{"not": "avro"}'
UNKNOWN_SCHEMA = b"\x00\x00\x01\x86\x9fbody"
UPDATED_CITY = "Tromsø"


def send_raw(kafka: KafkaConfig, topic: str, values: list[bytes]) -> None:
    producer = Producer({"bootstrap.servers": kafka.bootstrap_servers})
    for value in values:
        producer.produce(topic, value=value)
    assert producer.flush(30) == 0


@pytest.fixture(scope="module")
def moved_member(sample_members: pa.Table) -> pa.Table:
    """The first sample member with a new city: a later message for the same member_id."""
    first = sample_members.slice(0, 1)
    index = first.schema.get_field_index("city")
    return first.set_column(index, first.schema.field(index), pa.array([UPDATED_CITY]))


@pytest.fixture(scope="module")
def streamed(
    spark: SparkSession,
    produced: ProduceSummary,
    moved_member: pa.Table,
    kafka: KafkaConfig,
    keyspace: CassandraConfig,
    tmp_path_factory: pytest.TempPathFactory,
) -> StreamSummary:
    producer = MemberProducer(kafka, produced.topic, produced.dead_letter_topic)
    producer.send_members(moved_member)
    producer.flush()
    send_raw(kafka, produced.topic, [NOT_AVRO, UNKNOWN_SCHEMA])
    options = StreamOptions(
        topic=produced.topic, checkpoint=tmp_path_factory.mktemp("checkpoint"), once=True
    )
    return run_stream(spark, options, kafka, keyspace)


@pytest.fixture(scope="module")
def embedded_store(
    sample_files: list[Path], moved_member: pa.Table, tmp_path_factory: pytest.TempPathFactory
) -> DuckDBStore:
    """The embedded mode given the same records in the same order."""
    store = DuckDBStore(tmp_path_factory.mktemp("embedded") / "members.duckdb")
    ingest([JsonFileSource(path) for path in sample_files], store)
    store.upsert_members(moved_member)
    return store


def test_stream_writes_every_produced_member(
    streamed: StreamSummary, keyspace: CassandraConfig
) -> None:
    with CassandraStore(keyspace) as store:
        assert store.member_count() == 671


def test_stream_reports_the_messages_it_wrote(streamed: StreamSummary) -> None:
    assert streamed.members_written == 672


def test_stream_keeps_the_later_message_of_a_member(
    streamed: StreamSummary, keyspace: CassandraConfig, moved_member: pa.Table
) -> None:
    with CassandraStore(keyspace) as store:
        member = store.find_member(moved_member.column("member_id")[0].as_py())
    assert member is not None and member["city"] == UPDATED_CITY


def test_stream_keeps_undecodable_messages_as_rejections(
    streamed: StreamSummary, keyspace: CassandraConfig
) -> None:
    with CassandraStore(keyspace) as store:
        rejected = store.rejected_on(date.today())
    reasons = pc.unique(rejected.column("reason")).to_pylist()
    assert (rejected.num_rows, reasons) == (2, ["undecodable_message"])


def test_stream_members_equal_the_embedded_members(
    streamed: StreamSummary, keyspace: CassandraConfig, embedded_store: DuckDBStore
) -> None:
    with CassandraStore(keyspace) as store:
        stored = pa.concat_tables(store.member_tables(MEMBER_SCHEMA.names, 1000))
    members = stored.cast(MEMBER_SCHEMA).sort_by("member_id")
    assert members.equals(embedded_store.members().sort_by("member_id"))


def test_spark_analysis_equals_the_embedded_analysis(
    spark: SparkSession,
    streamed: StreamSummary,
    keyspace: CassandraConfig,
    embedded_store: DuckDBStore,
) -> None:
    expected = analyze(embedded_store, AS_OF, AGE_GROUPS).distributions
    with CassandraStore(keyspace) as store:
        analyze_on_spark(spark, store, AS_OF, AGE_GROUPS)
        stored = store.distributions(AS_OF)
    assert stored.num_rows == expected.num_rows
    assert stored.equals(embedded_store.distributions(AS_OF))


def test_charts_from_cassandra_draw_the_report(
    spark: SparkSession, streamed: StreamSummary, keyspace: CassandraConfig, tmp_path: Path
) -> None:
    with CassandraStore(keyspace) as store:
        analyze_on_spark(spark, store, AS_OF, AGE_GROUPS)
    result = CliRunner().invoke(
        app,
        [
            "charts",
            "--from",
            "cassandra",
            "--keyspace",
            keyspace.keyspace,
            "--as-of",
            AS_OF.isoformat(),
            "--out",
            str(tmp_path),
        ],
    )
    assert (tmp_path / AS_OF.isoformat() / "index.html").is_file(), result.output


def test_spark_analysis_before_any_registration_names_the_date(
    spark: SparkSession, streamed: StreamSummary, keyspace: CassandraConfig
) -> None:
    with CassandraStore(keyspace) as store, pytest.raises(NothingToDoError, match="1900-01-01"):
        analyze_on_spark(spark, store, date(1900, 1, 1), AGE_GROUPS)
