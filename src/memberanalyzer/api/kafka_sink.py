"""The distributed mode's sink: accepted members to Kafka, reads from Cassandra.

Members and rejected records are produced with the same producer as ``ingest --to kafka``,
and a write returns once the broker has acknowledged every message. The stream job then moves
the members into Cassandra, so reads (one member, the live distributions) go to Cassandra and
show a member once the stream job has written it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import pyarrow as pa

from memberanalyzer.api.sinks import MemberSink
from memberanalyzer.errors import DeliveryError
from memberanalyzer.stores.base import MemberStore
from memberanalyzer.stores.cassandra_store import CassandraConfig, CassandraStore
from memberanalyzer.transport.kafka import KafkaConfig, MemberProducer, ensure_topics

__all__ = ["KafkaSink"]

log = logging.getLogger(__name__)

T = TypeVar("T")

# Seconds to wait for the broker to acknowledge one request's messages.
_DELIVERY_TIMEOUT_SECONDS = 30.0


class KafkaSink(MemberSink):
    """Produces accepted members and rejections to Kafka; reads members from Cassandra."""

    def __init__(
        self,
        kafka: KafkaConfig,
        cassandra: CassandraConfig,
        topic: str,
        dead_letter_topic: str,
        refresh_seconds: float,
    ) -> None:
        self._kafka = kafka
        self._cassandra = cassandra
        self._topic = topic
        self._dead_letter_topic = dead_letter_topic
        self._refresh_seconds = refresh_seconds
        self._producer: MemberProducer | None = None
        self._store: CassandraStore | None = None
        # One thread produces, so each request's delivery count is its own.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kafka-writer")
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cassandra-reader")

    def start(self) -> None:
        self._producer = MemberProducer(
            self._kafka, self._topic, self._dead_letter_topic, client_id="memberanalyzer-api"
        )
        self._store = CassandraStore(self._cassandra)
        log.info("Kafka sink started topic=%s", self._topic)

    def stop(self) -> None:
        self._writer.shutdown(wait=True)
        self._reader.shutdown(wait=True)
        if self._producer is not None:
            self._producer.flush()
        if self._store is not None:
            self._store.close()
        log.info("Kafka sink stopped topic=%s", self._topic)

    @property
    def version(self) -> int:
        # The stream job writes to Cassandra without telling this process, so the stored
        # members are taken as changed once every refresh interval.
        return int(time.monotonic() / self._refresh_seconds)

    async def write(self, members: pa.Table, rejected: pa.Table) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._writer, self._produce, members, rejected)

    def _produce(self, members: pa.Table, rejected: pa.Table) -> None:
        producer = self._require(self._producer)
        failed_before = producer.counts.failed
        producer.send_members(members)
        producer.send_rejected(rejected)
        producer.flush(_DELIVERY_TIMEOUT_SECONDS)
        failed = producer.counts.failed - failed_before
        if failed:
            raise DeliveryError(
                f"{failed} of {members.num_rows + rejected.num_rows} messages were not "
                f"delivered to Kafka: {producer.counts.first_error}; send the request again"
            )

    async def read(self, action: Callable[[MemberStore], T]) -> T:
        loop = asyncio.get_running_loop()
        store = self._require(self._store)
        return await loop.run_in_executor(self._reader, action, store)

    async def check_ready(self) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._reader, ensure_topics, self._kafka, [self._topic], 5.0)
        return {
            "kafka": self._kafka.bootstrap_servers,
            "topic": self._topic,
            "cassandra_keyspace": self._cassandra.keyspace,
        }

    @staticmethod
    def _require(value: T | None) -> T:
        if value is None:
            raise RuntimeError("the sink was not started")
        return value
