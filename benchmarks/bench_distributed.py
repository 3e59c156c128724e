"""Time the distributed mode on the local servers: produce, stream to Cassandra, latency, analysis.

Needs the servers of `make services-up`. Four measurements, each on a fresh topic and keyspace:

1. produce: ``--members`` generated members through the member rules into Kafka, from reading
   the generator to the last delivery report;
2. stream: the stream job (``--once``) takes those members from Kafka into Cassandra, in
   micro-batches of at most ``--batch`` messages;
3. latency: the stream job runs with a 1-second trigger while members are produced at
   ``--rate`` per second for ``--seconds``; for each member, the time from its produce
   timestamp to the end of its micro-batch's Cassandra write;
4. analysis: the Spark analysis over the members stored in step 2.

Usage: ``python benchmarks/bench_distributed.py [--members N] [--rate N] [--seconds N]``.
Results print as a Markdown table. Topics and keyspaces are left for inspection; they are named
``bench-*`` and ``bench_*``.
"""

from __future__ import annotations

import argparse
import logging
import platform
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
from pyspark.sql import SparkSession

from memberanalyzer.connections import cassandra_config, kafka_config
from memberanalyzer.engines.distributed import produce
from memberanalyzer.engines.spark_analysis import analyze_on_spark
from memberanalyzer.engines.spark_session import spark_session
from memberanalyzer.engines.spark_stream import StreamOptions, StreamSummary, run_stream
from memberanalyzer.settings import Settings, load_settings
from memberanalyzer.sources.base import MemberSource
from memberanalyzer.sources.generator import GeneratorSource
from memberanalyzer.stores.cassandra_store import CassandraConfig, CassandraStore
from memberanalyzer.transport.kafka import KafkaConfig, MemberProducer


class PacedSource(MemberSource):
    """Generated members handed over at a steady rate, one small batch at a time."""

    def __init__(self, rate: int, seconds: int, seed: int) -> None:
        self.rate, self.seconds, self.seed = rate, seconds, seed

    @property
    def description(self) -> str:
        return f"generator paced at {self.rate}/s for {self.seconds} s"

    def batches(self) -> Iterator[pa.RecordBatch]:
        per_tick = max(self.rate // 10, 1)
        started = time.monotonic()
        for tick in range(self.seconds * 10):
            source = GeneratorSource(per_tick, self.seed * 100_000 + tick, [])
            yield from source.batches()
            pause = started + (tick + 1) / 10 - time.monotonic()
            if pause > 0:
                time.sleep(pause)


def names() -> tuple[str, str]:
    suffix = uuid.uuid4().hex[:8]
    return f"bench-members-{suffix}", f"bench_{suffix}"


def keyspace_config(base: CassandraConfig, keyspace: str) -> CassandraConfig:
    return CassandraConfig(base.host, base.port, keyspace, local_dc=base.local_dc)


def timed_produce(kafka: KafkaConfig, topic: str, source: MemberSource) -> tuple[int, float]:
    producer = MemberProducer(kafka, topic, f"{topic}.rejected", client_id="bench")
    started = time.perf_counter()
    summary = produce([source], producer)
    return summary.members_produced, time.perf_counter() - started


def timed_stream(
    spark: SparkSession, kafka: KafkaConfig, cassandra: CassandraConfig, options: StreamOptions
) -> tuple[StreamSummary, float]:
    started = time.perf_counter()
    summary = run_stream(spark, options, kafka, cassandra)
    return summary, time.perf_counter() - started


def create_keyspace(config: CassandraConfig) -> CassandraConfig:
    """Create the keyspace before Spark connects: its connector caches the cluster's schema."""
    with CassandraStore(config):
        return config


def latency_run(
    spark: SparkSession,
    kafka: KafkaConfig,
    cassandra: CassandraConfig,
    rate: int,
    seconds: int,
    checkpoint: Path,
) -> tuple[list[float], int]:
    """Stream with a 1-second trigger while producing at ``rate``; return the latencies."""
    topic, _ = names()
    MemberProducer(kafka, topic, f"{topic}.rejected", client_id="bench").flush()
    options = StreamOptions(
        topic=topic,
        checkpoint=checkpoint,
        trigger_seconds=1.0,
        record_latency=True,
        starting_offsets="latest",
        run_seconds=seconds + 25,
    )
    result: dict[str, StreamSummary] = {}

    def stream() -> None:
        result["summary"] = run_stream(spark, options, kafka, cassandra)

    thread = threading.Thread(target=stream)
    thread.start()
    time.sleep(20)  # the query's first micro-batch starts its Python workers
    produced, _ = timed_produce(kafka, topic, PacedSource(rate, seconds, seed=3))
    thread.join()
    return result["summary"].latencies, produced


def timed_analysis(spark: SparkSession, cassandra: CassandraConfig) -> tuple[int, float]:
    with CassandraStore(cassandra) as store:
        started = time.perf_counter()
        result = analyze_on_spark(spark, store, date.today(), load_settings().age_groups)
        return result.member_count, time.perf_counter() - started


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument(
        "--batch", type=int, default=100_000, help="maximum messages per micro-batch"
    )
    parser.add_argument("--rate", type=int, default=10_000, help="members per second, latency")
    parser.add_argument("--seconds", type=int, default=30, help="length of the latency run")
    options = parser.parse_args()

    settings: Settings = load_settings()
    kafka, base = kafka_config(settings), cassandra_config(settings)
    topic, keyspace = names()
    cassandra = create_keyspace(keyspace_config(base, keyspace))
    latency_cassandra = create_keyspace(keyspace_config(base, names()[1]))
    spark = spark_session("bench", "local[*]", settings.spark_jars_dir, base)
    rows: list[tuple[str, str]] = []

    produced, seconds = timed_produce(kafka, topic, GeneratorSource(options.members, 1, []))
    rows.append(
        (
            "produce to Kafka",
            f"{produced:,} members, {seconds:.1f} s, {produced / seconds:,.0f} members/s",
        )
    )

    with tempfile.TemporaryDirectory() as folder:
        stream_options = StreamOptions(
            topic=topic,
            checkpoint=Path(folder) / "stream",
            once=True,
            max_offsets_per_trigger=options.batch,
        )
        summary, seconds = timed_stream(spark, kafka, cassandra, stream_options)
        rows.append(
            (
                "stream Kafka to Cassandra",
                f"{summary.members_written:,} members, "
                f"{summary.batches} micro-batches, {seconds:.1f} s, "
                f"{summary.members_written / seconds:,.0f} members/s",
            )
        )

        latencies, produced = latency_run(
            spark, kafka, latency_cassandra, options.rate, options.seconds, Path(folder) / "latency"
        )
    p50, p95 = np.percentile(latencies, [50, 95]) if latencies else (float("nan"),) * 2
    rows.append(
        (
            "end-to-end latency, 1-s trigger",
            f"{len(latencies):,} of {produced:,} members "
            f"at {options.rate:,}/s: p50 {p50:.2f} s, p95 {p95:.2f} s",
        )
    )

    members, seconds = timed_analysis(spark, cassandra)
    rows.append(("Spark analysis over Cassandra", f"{members:,} members, {seconds:.1f} s"))
    spark.stop()

    print(
        f"Machine: {platform.machine()}, {platform.processor() or 'unknown CPU'}, "
        f"Python {platform.python_version()}, {datetime.now(UTC):%Y-%m-%d}"
    )
    print("| measurement | result |\n| --- | --- |")
    for name, result in rows:
        print(f"| {name} | {result} |")


if __name__ == "__main__":
    main()
