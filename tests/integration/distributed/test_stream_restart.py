"""Effectively exactly once: kill the stream job mid-stream, restart it from its checkpoint."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pytest
from pyspark.sql import SparkSession

from memberanalyzer.engines.distributed import produce
from memberanalyzer.engines.spark_stream import StreamOptions, run_stream
from memberanalyzer.members.rules import normalise_members
from memberanalyzer.sources.generator import GeneratorSource
from memberanalyzer.stores.cassandra_store import CassandraConfig, CassandraStore
from memberanalyzer.transport.kafka import KafkaConfig, MemberProducer

pytestmark = pytest.mark.integration

MEMBERS = 20_000
SEED = 7
NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


def generated_member_ids() -> list[str]:
    batches = GeneratorSource(MEMBERS, SEED, []).batches()
    return [
        member_id
        for batch in batches
        for member_id in normalise_members(batch, NOW).members.column("member_id").to_pylist()
    ]


def start_stream_job(topic: str, keyspace: str, checkpoint: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "memberanalyzer",
        "stream",
        "--topic",
        topic,
        "--keyspace",
        keyspace,
        "--checkpoint",
        str(checkpoint),
        "--trigger-seconds",
        "1",
        "--max-offsets-per-trigger",
        "1500",
        "--master",
        "local[1]",
    ]
    # A session of its own, so the kill reaches the Spark JVM as well as Python.
    return subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )


def wait_for_first_members(store: CassandraStore, job: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and job.poll() is None:
        count = store.member_count()
        if count > 0:
            return count
        time.sleep(0.5)
    raise AssertionError(f"the stream job wrote nothing in 180 s (exit code {job.poll()})")


@pytest.fixture(scope="module")
def restarted(
    spark: SparkSession,
    kafka: KafkaConfig,
    keyspace: CassandraConfig,
    topic: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[int, pa.Table]:
    """Produce, kill the job after its first micro-batch, then resume from the checkpoint."""
    produce([GeneratorSource(MEMBERS, SEED, [])], MemberProducer(kafka, topic, f"{topic}.dlq"))
    checkpoint = tmp_path_factory.mktemp("checkpoint")
    job = start_stream_job(topic, keyspace.keyspace, checkpoint)
    with CassandraStore(keyspace) as store:
        try:
            written_before_kill = wait_for_first_members(store, job)
        finally:
            os.killpg(job.pid, signal.SIGKILL)
            job.wait(30)
        run_stream(
            spark, StreamOptions(topic=topic, checkpoint=checkpoint, once=True), kafka, keyspace
        )
        stored = pa.concat_tables(store.member_tables(["member_id"], 50_000))
    return written_before_kill, stored


def test_stream_job_was_killed_mid_stream(restarted: tuple[int, pa.Table]) -> None:
    written_before_kill, _ = restarted
    assert 0 < written_before_kill < MEMBERS


def test_restarted_stream_holds_every_member_exactly_once(
    restarted: tuple[int, pa.Table],
) -> None:
    _, stored = restarted
    assert sorted(stored.column("member_id").to_pylist()) == sorted(generated_member_ids())
