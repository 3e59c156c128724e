"""The local Kafka broker: create a topic, produce a message, consume it back."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from confluent_kafka import Consumer, Producer
from confluent_kafka.admin import AdminClient, NewTopic

pytestmark = pytest.mark.integration


@pytest.fixture
def topic(kafka_bootstrap: str) -> Iterator[str]:
    admin = AdminClient({"bootstrap.servers": kafka_bootstrap})
    name = f"test-{uuid.uuid4().hex}"
    admin.create_topics([NewTopic(name, num_partitions=1, replication_factor=1)])[name].result(30)
    yield name
    admin.delete_topics([name])[name].result(30)


def produce_one(bootstrap: str, topic: str, key: bytes, value: bytes) -> None:
    producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True, "acks": "all"})
    failures: list[object] = []
    producer.produce(
        topic,
        key=key,
        value=value,
        headers=[("reason", b"test")],
        on_delivery=lambda error, _: failures.append(error) if error else None,
    )
    assert producer.flush(30) == 0
    assert failures == []


def consume_one(bootstrap: str, topic: str) -> tuple[bytes | None, bytes | None]:
    consumer = Consumer(
        {
            "bootstrap.servers": bootstrap,
            "group.id": f"test-{uuid.uuid4().hex}",
            "auto.offset.reset": "earliest",
        }
    )
    consumer.subscribe([topic])
    try:
        for _ in range(30):
            message = consumer.poll(1.0)
            if message is not None and message.error() is None:
                return message.key(), message.value()
    finally:
        consumer.close()
    return None, None


def test_broker_returns_produced_message(kafka_bootstrap: str, topic: str) -> None:
    produce_one(kafka_bootstrap, topic, b"member-1", b'{"gender": "female"}')

    key, value = consume_one(kafka_bootstrap, topic)

    assert key == b"member-1"
    assert value == b'{"gender": "female"}'


def test_broker_lists_created_topic(kafka_bootstrap: str, topic: str) -> None:
    admin = AdminClient({"bootstrap.servers": kafka_bootstrap})
    assert topic in admin.list_topics(timeout=10).topics
