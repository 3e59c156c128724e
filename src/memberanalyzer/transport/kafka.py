"""Producing members to Kafka: Avro values registered in a Confluent-compatible registry.

Valid members go to the members topic, keyed by member_id, as Avro in the Confluent wire format.
Rejected records go to the dead-letter topic as their raw JSON, with the reason in headers. The
producer is idempotent (``enable.idempotence``, ``acks=all``), so librdkafka's retries of
transient errors never write a message twice, and every send is counted by its delivery report.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
from confluent_kafka import KafkaError, KafkaException, Message, Producer
from confluent_kafka.admin import AdminClient, NewTopic  # type: ignore[attr-defined]
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient, SchemaRegistryError
from confluent_kafka.schema_registry.avro import AvroSerializer
from confluent_kafka.serialization import MessageField, SerializationContext

from memberanalyzer.errors import BrokerError, ConfigurationError
from memberanalyzer.members.schema import REJECTED_SCHEMA
from memberanalyzer.transport.avro import member_records, member_schema_text, value_subject

__all__ = [
    "DeliveryCounts",
    "KafkaConfig",
    "MemberProducer",
    "ensure_topics",
    "register_member_schema",
]

log = logging.getLogger(__name__)

# Headers of a dead-letter message: where the record came from and why it was rejected.
_DEAD_LETTER_HEADERS = ("reason", "field", "detail", "source", "record_number", "rejection_id")

# librdkafka settings that the guarantees above rely on. Extra settings cannot override them.
_REQUIRED_PRODUCER_SETTINGS: dict[str, Any] = {"enable.idempotence": True, "acks": "all"}


@dataclass(frozen=True)
class KafkaConfig:
    """How to reach Kafka and the schema registry, and how to create missing topics."""

    bootstrap_servers: str = "127.0.0.1:9092"
    schema_registry_url: str = "http://127.0.0.1:8081"
    partitions: int = 3
    replication_factor: int = 1
    # Passed through to librdkafka, for SASL, TLS and tuning.
    extra: dict[str, str] = field(default_factory=dict)
    schema_registry_extra: dict[str, str] = field(default_factory=dict)

    def client_settings(self) -> dict[str, Any]:
        return {"bootstrap.servers": self.bootstrap_servers, **self.extra}


@dataclass
class DeliveryCounts:
    """Counts of messages sent by the producer and acknowledged by the broker."""

    produced: int = 0
    delivered: int = 0
    failed: int = 0
    dead_lettered: int = 0
    first_error: str | None = None


def ensure_topics(config: KafkaConfig, topics: Iterable[str], timeout: float = 30.0) -> None:
    """Create each topic that does not exist yet; existing topics are left as they are."""
    # librdkafka would log every failed connection attempt; the error below reports it once.
    admin = AdminClient({**config.client_settings(), "log_level": 0})
    try:
        existing = admin.list_topics(timeout=timeout).topics
    except KafkaException as error:
        raise BrokerError(
            f"cannot reach Kafka at {config.bootstrap_servers}: {error}. Start it with "
            "`make services-up` or set MEMBERANALYZER_KAFKA_BOOTSTRAP_SERVERS"
        ) from error

    missing = [
        NewTopic(
            topic, num_partitions=config.partitions, replication_factor=config.replication_factor
        )
        for topic in dict.fromkeys(topics)
        if topic not in existing
    ]
    if not missing:
        return
    for topic, future in admin.create_topics(missing, request_timeout=timeout).items():
        _wait_for_topic(topic, future, config)


def _wait_for_topic(topic: str, future: Any, config: KafkaConfig) -> None:
    try:
        future.result()
    except KafkaException as error:
        kafka_error = error.args[0]
        if kafka_error.code() == KafkaError.TOPIC_ALREADY_EXISTS:
            return
        raise BrokerError(
            f"cannot create topic {topic!r} with {config.partitions} partitions and replication "
            f"factor {config.replication_factor}: {kafka_error.str()}"
        ) from error
    log.info(
        "created topic=%s partitions=%d replication_factor=%d",
        topic,
        config.partitions,
        config.replication_factor,
    )


def member_schema() -> Schema:
    """Return the member schema as the registry client sends it, the same text every time."""
    return Schema(member_schema_text(), "AVRO")


def registry_client(config: KafkaConfig) -> SchemaRegistryClient:
    return SchemaRegistryClient({"url": config.schema_registry_url, **config.schema_registry_extra})


def register_member_schema(registry: SchemaRegistryClient, topic: str, url: str) -> int:
    """Register the member schema under the topic's value subject, with BACKWARD compatibility.

    Returns the schema id. The registry rejects a schema that readers of the previous version
    could not read, and the ``BrokerError`` then names the subject and the incompatibility.
    """
    subject = value_subject(topic)
    try:
        schema_id = _register_with_backward_compatibility(registry, subject)
    except SchemaRegistryError as error:
        if error.http_status_code == 409:
            raise BrokerError(
                f"the schema registry rejected the member schema for subject {subject!r} as "
                f"incompatible with its latest version (BACKWARD): {error.error_message}"
            ) from error
        raise _registry_failure(error, url, subject) from error
    except Exception as error:  # the client raises plain httpx errors for network failures
        raise _registry_unreachable(error, url, subject) from error
    log.info("registered schema subject=%s id=%d", subject, schema_id)
    return schema_id


def _registry_failure(error: SchemaRegistryError, url: str, subject: str) -> BrokerError:
    return BrokerError(
        f"the schema registry at {url} failed for subject {subject!r}: "
        f"HTTP {error.http_status_code} {error.error_message}"
    )


def _registry_unreachable(error: Exception, url: str, subject: str) -> BrokerError:
    return BrokerError(
        f"cannot reach the schema registry at {url} for subject {subject!r}: {error}. Start it "
        "with `make services-up` or set MEMBERANALYZER_SCHEMA_REGISTRY_URL"
    )


def _register_with_backward_compatibility(registry: SchemaRegistryClient, subject: str) -> int:
    """Set BACKWARD on the subject before registering, so the registry checks the new schema.

    Some registries (Apicurio) only accept a subject's compatibility once the subject exists:
    the first version is then registered first, which needs no check.
    """
    schema = member_schema()
    try:
        registry.set_compatibility(subject_name=subject, level="BACKWARD")
    except SchemaRegistryError as error:
        if error.http_status_code != 404:
            raise
        schema_id = registry.register_schema(subject, schema)
        registry.set_compatibility(subject_name=subject, level="BACKWARD")
        return schema_id
    return registry.register_schema(subject, schema)


class MemberProducer:
    """Produces members and dead-letter records, counting every delivery report."""

    def __init__(
        self,
        config: KafkaConfig,
        topic: str,
        dead_letter_topic: str,
        client_id: str = "memberanalyzer-ingest",
    ) -> None:
        if topic == dead_letter_topic:
            raise ConfigurationError(
                f"the members topic and the dead-letter topic are both {topic!r}; "
                "choose another --dead-letter-topic"
            )
        self.topic = topic
        self.dead_letter_topic = dead_letter_topic
        self.counts = DeliveryCounts()

        ensure_topics(config, [topic, dead_letter_topic])
        registry = registry_client(config)
        self.schema_id = register_member_schema(registry, topic, config.schema_registry_url)
        self._serialize: Callable[[object, SerializationContext], bytes | None] = AvroSerializer(
            registry,
            # The same Schema object as registered above: the registry matches the exact text,
            # and the serializer would otherwise send a reformatted copy.
            member_schema(),
            # The serializer looks the schema id up once. With use.schema.id it would also walk
            # the schema for data-contract tags on every record, three times slower.
            conf={"auto.register.schemas": False},
        )
        self._context = SerializationContext(topic, MessageField.VALUE)
        self._producer = Producer(self._producer_settings(config, client_id))

    def _producer_settings(self, config: KafkaConfig, client_id: str) -> dict[str, Any]:
        settings: dict[str, Any] = {
            "client.id": client_id,
            "compression.type": "lz4",
            "linger.ms": 50,
            "batch.size": 1_000_000,
            "queue.buffering.max.messages": 1_000_000,
            "queue.buffering.max.kbytes": 1_048_576,
            "delivery.timeout.ms": 120_000,
            **config.client_settings(),
            **_REQUIRED_PRODUCER_SETTINGS,
            "on_delivery": self._on_delivery,
        }
        return settings

    def _on_delivery(self, error: KafkaError | None, message: Message) -> None:
        if error is None:
            self.counts.delivered += 1
            return
        self.counts.failed += 1
        if self.counts.first_error is None:
            self.counts.first_error = error.str()
        log.error(
            "delivery failed topic=%s partition=%s key=%r error=%s",
            message.topic(),
            message.partition(),
            message.key(),
            error.str(),
        )

    def send_members(self, members: pa.Table) -> None:
        """Produce each member, keyed by member_id, with an Avro value."""
        for record in member_records(members):
            value = self._serialize(record, self._context)
            self._send(self.topic, record["member_id"].encode(), value, None)
        self.counts.produced += members.num_rows

    def send_rejected(self, rejected: pa.Table) -> None:
        """Produce each rejected record to the dead-letter topic: raw JSON, reason in headers."""
        for row in rejected.select(REJECTED_SCHEMA.names).to_pylist():
            headers: list[tuple[str, str | bytes | None]] = [
                (name, str(row[name]).encode())
                for name in _DEAD_LETTER_HEADERS
                if row[name] is not None
            ]
            key = (row["member_id"] or row["rejection_id"]).encode()
            self._send(self.dead_letter_topic, key, row["raw_record"].encode(), headers)
        self.counts.produced += rejected.num_rows
        self.counts.dead_lettered += rejected.num_rows

    def _send(
        self,
        topic: str,
        key: bytes,
        value: bytes | None,
        headers: list[tuple[str, str | bytes | None]] | None,
    ) -> None:
        while True:
            try:
                self._producer.produce(topic, value=value, key=key, headers=headers)
                break
            except BufferError:
                # The local queue is full: serve delivery reports until there is room.
                self._producer.poll(0.05)
        self._producer.poll(0)

    def flush(self, timeout: float = 120.0) -> None:
        """Wait until every message is acknowledged or has failed, up to ``timeout`` seconds."""
        started = time.monotonic()
        remaining = self._producer.flush(timeout)
        log.info(
            "flushed producer in %.1f s delivered=%d failed=%d pending=%d",
            time.monotonic() - started,
            self.counts.delivered,
            self.counts.failed,
            remaining,
        )
        if remaining:
            self.counts.failed += remaining
            self.counts.first_error = self.counts.first_error or (
                f"{remaining} messages still unacknowledged after {timeout:.0f} s"
            )


def writer_schemas(config: KafkaConfig, topic: str) -> dict[int, str]:
    """Return every schema registered under the topic's value subject, by schema id.

    A consumer decodes each message with the schema it was written with, found by the id in
    the message's header, and reads it as the current member schema.
    """
    subject = value_subject(topic)
    registry = registry_client(config)
    try:
        versions = registry.get_versions(subject)
        registered = [registry.get_version(subject, version) for version in versions]
    except SchemaRegistryError as error:
        if error.http_status_code == 404:
            raise BrokerError(
                f"no schema is registered under subject {subject!r}: produce to topic "
                f"{topic!r} first with `memberanalyzer ingest --to kafka`"
            ) from error
        raise _registry_failure(error, config.schema_registry_url, subject) from error
    except Exception as error:  # the client raises plain httpx errors for network failures
        raise _registry_unreachable(error, config.schema_registry_url, subject) from error
    schemas: dict[int, str] = {}
    for schema in registered:
        if schema.schema_id is not None and schema.schema.schema_str is not None:
            schemas[schema.schema_id] = schema.schema.schema_str
    return schemas
