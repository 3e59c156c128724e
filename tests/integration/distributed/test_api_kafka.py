"""The HTTP API in the distributed mode: accepted members go to Kafka, reads come from Cassandra."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from confluent_kafka import Consumer
from fastapi.testclient import TestClient
from names import unique_name

from memberanalyzer.api import create_app
from memberanalyzer.settings import Settings, load_settings
from memberanalyzer.stores.cassandra_store import CassandraConfig
from memberanalyzer.transport.kafka import KafkaConfig

pytestmark = pytest.mark.integration

API_KEY = "integration-key-0123456789"


@pytest.fixture(scope="module")
def api_topic() -> str:
    return unique_name("test-api").replace("_", "-")


@pytest.fixture(scope="module")
def kafka_settings(
    api_topic: str, keyspace: CassandraConfig, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    return load_settings(
        db=tmp_path_factory.mktemp("api") / "unused.duckdb",
        http_api_keys=API_KEY,
        http_destination="kafka",
        kafka_topic=api_topic,
        kafka_dead_letter_topic=f"{api_topic}.rejected",
        cassandra_keyspace=keyspace.keyspace,
    )


@pytest.fixture(scope="module")
def client(kafka_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(kafka_settings), headers={"X-API-Key": API_KEY}) as opened:
        yield opened


@pytest.fixture(scope="module")
def records(sample_files: list[Path]) -> list[dict[str, Any]]:
    document = json.loads(
        next(path for path in sample_files if "golubeykov" in path.name).read_text()
    )
    return list(document["results"])


def count_messages(kafka: KafkaConfig, topic: str, expected: int) -> int:
    consumer = Consumer(
        {
            "bootstrap.servers": kafka.bootstrap_servers,
            "group.id": unique_name("test-api-group"),
            "auto.offset.reset": "earliest",
        }
    )
    consumer.subscribe([topic])
    seen = 0
    for _ in range(60):
        message = consumer.poll(1.0)
        if message is not None and message.error() is None:
            seen += 1
        if seen >= expected:
            break
    consumer.close()
    return seen


def test_api_to_kafka_accepts_a_batch(client: TestClient, records: list[dict[str, Any]]) -> None:
    response = client.post("/v1/members/batch", json=records)
    assert response.status_code == 202, response.text


def test_api_to_kafka_produces_every_accepted_member(
    client: TestClient, records: list[dict[str, Any]], kafka: KafkaConfig, api_topic: str
) -> None:
    response = client.post("/v1/members/batch", json=records)
    accepted = response.json()["accepted"]
    assert count_messages(kafka, api_topic, accepted) >= accepted


def test_api_to_kafka_is_ready(client: TestClient) -> None:
    assert client.get("/readyz").status_code == 200


def test_api_to_kafka_reads_an_unknown_member_from_cassandra(client: TestClient) -> None:
    response = client.get("/v1/members/00000000-0000-4000-8000-000000000000")
    assert response.status_code == 404
