"""The stream job: Kafka members through the member rules into Cassandra, on Spark.

Each micro-batch reads messages from the members topic and strips the Confluent header (magic
byte and schema id). It decodes the Avro body with spark-avro, using the schema the message was
written with, and applies ``validate_members`` through ``mapInArrow``: the same rules as every
other engine. Valid members are upserted into ``members``; rejected ones, and messages that do not
decode, go to ``rejected_records`` with their reason.

Effectively exactly once: the Kafka offsets of each micro-batch are kept in the checkpoint
folder, a batch that was not committed runs again after a restart, and writes are upserts by
member_id and rejection_id, so running a batch twice leaves the same rows.
"""

from __future__ import annotations

import base64
import logging
import math
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.avro.functions import from_avro
from pyspark.sql.streaming.query import StreamingQuery

from memberanalyzer.engines.spark_types import spark_schema
from memberanalyzer.members.identity import rejection_id
from memberanalyzer.members.reasons import RejectReason
from memberanalyzer.members.rules import validate_members
from memberanalyzer.members.schema import MEMBER_SCHEMA, REJECTED_SCHEMA, UTC_MICROS
from memberanalyzer.stores.cassandra_store import CassandraConfig, connect, create_schema
from memberanalyzer.transport.avro import member_schema_text
from memberanalyzer.transport.kafka import KafkaConfig, writer_schemas

__all__ = ["StreamOptions", "StreamSummary", "run_stream"]

log = logging.getLogger(__name__)

CASSANDRA_FORMAT = "org.apache.spark.sql.cassandra"
WRITE_TIME = "write_time"

# Each member is its own Cassandra partition, so grouping rows by partition (the connector's
# default) sends one row per request. Small unlogged batches of consecutive rows with more
# requests in flight wrote 100,000 members about four times faster on one local node.
_WRITE_OPTIONS = {
    "spark.cassandra.output.batch.grouping.key": "none",
    "spark.cassandra.output.concurrent.writes": "128",
}

# Columns of mapInArrow's output: a member or a rejection per message, and where it came from.
_KAFKA_COLUMNS = [
    pa.field("kind", pa.string()),
    pa.field("kafka_timestamp", UTC_MICROS),
    pa.field("kafka_offset", pa.int64()),
]
VALIDATED_SCHEMA = pa.schema(
    _KAFKA_COLUMNS
    + [member_field.with_nullable(True) for member_field in MEMBER_SCHEMA]
    + [
        rejected_field.with_nullable(True)
        for rejected_field in REJECTED_SCHEMA
        if rejected_field.name != "member_id"
    ]
)
_MEMBER = "member"
_REJECTED = "rejected"


@dataclass(frozen=True)
class StreamOptions:
    """Options of the stream job: its topic, checkpoint folder and trigger."""

    topic: str = "members"
    checkpoint: Path = Path("checkpoints/stream")
    once: bool = False
    trigger_seconds: float = 1.0
    max_offsets_per_trigger: int | None = None
    # Keep each member's produce timestamp to measure end-to-end latency (benchmarks).
    record_latency: bool = False
    starting_offsets: str = "earliest"
    # Stop after this many seconds instead of running until stopped (benchmarks, tests).
    run_seconds: float | None = None


@dataclass
class StreamSummary:
    """Counts of the rows the job wrote, over every micro-batch it ran."""

    batches: int = 0
    members_written: int = 0
    rejected_written: int = 0
    # Seconds from a member's produce time to the end of its micro-batch's Cassandra write.
    latencies: list[float] = field(default_factory=list)


def run_stream(
    spark: SparkSession, options: StreamOptions, kafka: KafkaConfig, cassandra: CassandraConfig
) -> StreamSummary:
    """Run the stream job until it is stopped, or, with ``options.once``, until caught up."""
    _create_cassandra_schema(cassandra)
    schemas = writer_schemas(kafka, options.topic)
    log.info(
        "stream started topic=%s schema_ids=%s checkpoint=%s once=%s",
        options.topic,
        sorted(schemas),
        options.checkpoint,
        options.once,
    )
    summary = StreamSummary()
    validated = _validated(_decoded(_kafka_messages(spark, options, kafka), schemas))
    query = _start_query(validated, options, cassandra, summary)
    try:
        if options.run_seconds is None:
            query.awaitTermination()
        else:
            query.awaitTermination(math.ceil(options.run_seconds))
    finally:
        if query.isActive:
            query.stop()
        log.info(
            "stream stopped batches=%d members=%d rejected=%d",
            summary.batches,
            summary.members_written,
            summary.rejected_written,
        )
    return summary


def _create_cassandra_schema(config: CassandraConfig) -> None:
    cluster, session = connect(config)
    try:
        create_schema(session, config)
    finally:
        cluster.shutdown()


def _kafka_messages(spark: SparkSession, options: StreamOptions, kafka: KafkaConfig) -> DataFrame:
    reader = (
        spark.readStream.format("kafka")
        .option("kafka.bootstrap.servers", kafka.bootstrap_servers)
        .option("subscribe", options.topic)
        .option("startingOffsets", options.starting_offsets)
    )
    # TODO: map librdkafka-only property names (such as sasl.mechanisms) to the Java client's.
    for name, value in kafka.extra.items():
        reader = reader.option(f"kafka.{name}", value)
    if options.max_offsets_per_trigger is not None:
        reader = reader.option("maxOffsetsPerTrigger", options.max_offsets_per_trigger)
    return reader.load()


def _decoded(messages: DataFrame, schemas: dict[int, str]) -> DataFrame:
    """Split the Confluent header off each value and decode the body with its writer schema."""
    value = F.col("value")
    magic = F.conv(F.hex(F.substring(value, 1, 1)), 16, 10).cast("int")
    schema_id = F.conv(F.hex(F.substring(value, 2, 4)), 16, 10).cast("long")
    body = F.expr("substring(value, 6, length(value) - 5)")
    reader_schema = member_schema_text()

    member: Column = F.lit(None)
    for known_id, writer_schema in sorted(schemas.items()):
        decoded = from_avro(
            body, writer_schema, {"mode": "PERMISSIVE", "avroSchema": reader_schema}
        )
        member = F.when((magic == 0) & (schema_id == known_id), decoded).otherwise(member)

    return messages.select(
        F.col("topic"),
        F.col("partition"),
        F.col("offset"),
        F.col("timestamp").alias("kafka_timestamp"),
        value,
        magic.alias("magic"),
        schema_id.alias("schema_id"),
        schema_id.isin(list(schemas)).alias("known_schema"),
        member.alias("member"),
    ).select("*", *[F.col(f"member.{name}").alias(name) for name in MEMBER_SCHEMA.names])


def _validated(decoded: DataFrame) -> DataFrame:
    return decoded.drop("member").mapInArrow(_validate_batches, spark_schema(VALIDATED_SCHEMA))


def _validate_batches(batches: Iterable[pa.RecordBatch]) -> Iterable[pa.RecordBatch]:
    """Run on Spark's Python workers: the shared member rules over each Arrow batch."""
    for batch in batches:
        yield from validate_messages(pa.Table.from_batches([batch]), datetime.now(UTC)).to_batches()


def validate_messages(messages: pa.Table, now: datetime) -> pa.Table:
    """Validate decoded Kafka messages into members and rejections, in ``VALIDATED_SCHEMA``."""
    sources = pc.binary_join_element_wise(
        "kafka:",
        messages.column("topic"),
        "/",
        pc.cast(messages.column("partition"), pa.string()),
        "",
    )
    messages = messages.append_column("source", sources)
    decoded_mask = pc.is_valid(messages.column("member_id"))
    decoded = messages.filter(decoded_mask)
    undecodable = messages.filter(pc.invert(decoded_mask))

    result = validate_members(
        decoded.select(MEMBER_SCHEMA.names),
        now,
        decoded.column("source").combine_chunks(),
        decoded.column("offset").combine_chunks(),
    )
    accepted = decoded.filter(result.accepted)
    members = _with_kafka_columns(result.members, _MEMBER, accepted)
    rejected = _with_kafka_columns(
        result.rejected.drop_columns(["member_id"]).append_column(
            "member_id", result.rejected.column("member_id")
        ),
        _REJECTED,
        None,
    )
    return pa.concat_tables(
        [_conform(members), _conform(rejected), _conform(_undecodable(undecodable, now))]
    )


def _with_kafka_columns(table: pa.Table, kind: str, messages: pa.Table | None) -> pa.Table:
    size = table.num_rows
    table = table.append_column("kind", pa.array([kind] * size, pa.string()))
    if messages is not None:
        table = table.append_column("kafka_timestamp", messages.column("kafka_timestamp"))
        table = table.append_column("kafka_offset", messages.column("offset"))
    return table


def _undecodable(messages: pa.Table, now: datetime) -> pa.Table:
    """Rejections for messages that are not members in the Confluent Avro wire format."""
    rows = []
    for message in messages.select(
        ["source", "offset", "value", "magic", "schema_id", "known_schema"]
    ).to_pylist():
        raw_record = "base64:" + base64.b64encode(message["value"] or b"").decode()
        reason = RejectReason.UNDECODABLE_MESSAGE.value
        rows.append(
            {
                "kind": _REJECTED,
                "rejection_id": rejection_id(
                    message["source"], message["offset"], reason, raw_record
                ),
                "rejected_at": now,
                "source": message["source"],
                "record_number": message["offset"],
                "reason": reason,
                "detail": _undecodable_detail(message),
                "raw_record": raw_record,
            }
        )
    return pa.Table.from_pylist(rows, VALIDATED_SCHEMA)


def _undecodable_detail(message: dict[str, object]) -> str:
    if message["magic"] != 0:
        return (
            f"not in the Confluent wire format: the first byte is {message['magic']}, "
            "expected 0; produce with `memberanalyzer ingest --to kafka`"
        )
    if not message["known_schema"]:
        return (
            f"schema id {message['schema_id']} is not a version of the topic's subject that "
            "the job knew when it started; restart the job to read newer versions"
        )
    return f"the Avro body does not decode with schema id {message['schema_id']}"


def _conform(table: pa.Table) -> pa.Table:
    """Lay ``table`` out in ``VALIDATED_SCHEMA``, with nulls in the columns it lacks."""
    columns = [
        table.column(name).cast(VALIDATED_SCHEMA.field(name).type)
        if name in table.column_names
        else pa.nulls(table.num_rows, VALIDATED_SCHEMA.field(name).type)
        for name in VALIDATED_SCHEMA.names
    ]
    return pa.table(columns, schema=VALIDATED_SCHEMA)


def _start_query(
    validated: DataFrame,
    options: StreamOptions,
    cassandra: CassandraConfig,
    summary: StreamSummary,
) -> StreamingQuery:
    def write_batch(batch: DataFrame, batch_id: int) -> None:
        _write_batch(batch, batch_id, cassandra.keyspace, options.record_latency, summary)

    writer = (
        validated.writeStream.queryName(f"members-{options.topic}")
        .option("checkpointLocation", str(options.checkpoint))
        .foreachBatch(write_batch)
    )
    if options.once:
        writer = writer.trigger(availableNow=True)
    else:
        writer = writer.trigger(processingTime=f"{options.trigger_seconds} seconds")
    return writer.start()


def _write_batch(
    batch: DataFrame, batch_id: int, keyspace: str, record_latency: bool, summary: StreamSummary
) -> None:
    started = time.monotonic()
    batch.persist()
    try:
        # One job validates the batch into the cache and counts it; the writes read the cache.
        counts = {row["kind"]: row["count"] for row in batch.groupBy("kind").count().collect()}
        member_count, rejected_count = counts.get(_MEMBER, 0), counts.get(_REJECTED, 0)
        members = batch.filter(F.col("kind") == _MEMBER)
        if member_count:
            _append(_with_write_time(members), keyspace, "members", WRITE_TIME)
        if rejected_count:
            rejected = batch.filter(F.col("kind") == _REJECTED).select(
                F.to_date("rejected_at").alias("rejected_day"), *REJECTED_SCHEMA.names
            )
            _append(rejected, keyspace, "rejected_records")
        if record_latency and member_count:
            summary.latencies.extend(_latencies(members, time.time()))
    finally:
        batch.unpersist()
    summary.batches += 1
    summary.members_written += member_count
    summary.rejected_written += rejected_count
    log.info(
        "micro-batch written batch_id=%d members=%d rejected=%d seconds=%.2f",
        batch_id,
        member_count,
        rejected_count,
        time.monotonic() - started,
    )


def _with_write_time(members: DataFrame) -> DataFrame:
    """Members with a Cassandra write time taken from their Kafka message.

    Cassandra keeps the row with the highest write time, so the later message of a member wins
    whatever order the writes arrive in: within a micro-batch, across micro-batches, and when a
    batch runs again after a restart. That is the embedded store's "later record wins", without
    a shuffle. Kafka timestamps have millisecond precision; the offset's last three digits order
    two messages of the same member within one millisecond.
    """
    write_time = F.unix_micros("kafka_timestamp") + F.col("kafka_offset") % 1000
    return members.select(*MEMBER_SCHEMA.names, write_time.alias(WRITE_TIME))


def _append(frame: DataFrame, keyspace: str, table: str, write_time: str | None = None) -> None:
    writer = frame.write.format(CASSANDRA_FORMAT).options(
        keyspace=keyspace, table=table, **_WRITE_OPTIONS
    )
    if write_time is not None:
        # The connector uses this column as each row's write time instead of storing it.
        writer = writer.option("writetime", write_time)
    writer.mode("append").save()


def _latencies(members: DataFrame, written_at: float) -> list[float]:
    produced = members.select(F.unix_micros("kafka_timestamp").alias("micros")).collect()
    return [written_at - row.micros / 1e6 for row in produced]
