"""Producing members to the real Kafka broker, with Avro values in the real schema registry."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import httpx
import pyarrow as pa
import pytest
from confluent_kafka import Consumer, Message
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient, SchemaRegistryError
from confluent_kafka.schema_registry.avro import AvroDeserializer
from confluent_kafka.serialization import MessageField, SerializationContext
from names import unique_name
from typer.testing import CliRunner

from memberanalyzer.cli import app
from memberanalyzer.engines.distributed import ProduceSummary
from memberanalyzer.errors import BrokerError
from memberanalyzer.transport.avro import member_schema_text, value_subject
from memberanalyzer.transport.kafka import KafkaConfig, register_member_schema, writer_schemas

pytestmark = pytest.mark.integration

REPO_ROOT = Path(__file__).resolve().parents[3]
AVRO_TOOLS = REPO_ROOT / ".services" / "lib" / "avro-tools" / "avro-tools-1.12.0.jar"


def consume_all(
    kafka: KafkaConfig, topic: str, expected: int, timeout: float = 60
) -> list[Message]:
    consumer = Consumer(
        {
            "bootstrap.servers": kafka.bootstrap_servers,
            "group.id": unique_name("test-group"),
            "auto.offset.reset": "earliest",
            "enable.auto.commit": False,
        }
    )
    consumer.subscribe([topic])
    messages: list[Message] = []
    deadline = time.monotonic() + timeout
    try:
        while len(messages) < expected and time.monotonic() < deadline:
            message = consumer.poll(1.0)
            if message is not None and message.error() is None:
                messages.append(message)
    finally:
        consumer.close()
    return messages


def evolved(schema_text: str, new_field: dict[str, object]) -> str:
    schema = json.loads(schema_text)
    schema["fields"].append(new_field)
    return json.dumps(schema)


def test_produce_delivers_every_message(produced: ProduceSummary) -> None:
    assert (produced.delivered, produced.failed) == (produced.produced, 0)


def test_produce_counts_members_and_rejections(produced: ProduceSummary) -> None:
    assert (produced.members_produced, produced.rejected) == (671, 101)


def test_members_topic_keys_are_member_ids(
    produced: ProduceSummary, kafka: KafkaConfig, sample_members: pa.Table
) -> None:
    messages = consume_all(kafka, produced.topic, produced.members_produced)
    keys = sorted(message.key().decode() for message in messages)
    assert keys == sorted(sample_members.column("member_id").to_pylist())


def test_members_topic_values_decode_to_the_members(
    produced: ProduceSummary, kafka: KafkaConfig, sample_members: pa.Table
) -> None:
    registry = SchemaRegistryClient({"url": kafka.schema_registry_url})
    deserialize = AvroDeserializer(registry)
    context = SerializationContext(produced.topic, MessageField.VALUE)
    messages = consume_all(kafka, produced.topic, produced.members_produced)
    decoded = pa.Table.from_pylist(
        [deserialize(message.value(), context) for message in messages], sample_members.schema
    )
    assert decoded.sort_by("member_id").equals(sample_members.sort_by("member_id"))


def test_dead_letter_topic_holds_rejections_with_reason_header(
    produced: ProduceSummary, kafka: KafkaConfig
) -> None:
    messages = consume_all(kafka, produced.dead_letter_topic, produced.rejected)
    reasons = sorted(dict(message.headers())["reason"].decode() for message in messages)
    assert reasons == ["invalid_date"] + ["unsupported_version"] * 100


def test_dead_letter_values_are_the_raw_records(
    produced: ProduceSummary, kafka: KafkaConfig
) -> None:
    messages = consume_all(kafka, produced.dead_letter_topic, produced.rejected)
    legacy = [
        json.loads(m.value()) for m in messages if b"unsupported" in dict(m.headers())["reason"]
    ]
    assert all("user" in record for record in legacy)


def test_registry_keeps_the_subject_backward_compatible(
    produced: ProduceSummary, kafka: KafkaConfig
) -> None:
    registry = SchemaRegistryClient({"url": kafka.schema_registry_url})
    assert registry.get_compatibility(value_subject(produced.topic)) == "BACKWARD"


def test_registry_accepts_an_optional_new_field(kafka: KafkaConfig) -> None:
    topic = unique_name("test-evolution")
    registry = SchemaRegistryClient({"url": kafka.schema_registry_url})
    register_member_schema(registry, topic, kafka.schema_registry_url)
    field = {"name": "loyalty_tier", "type": ["null", "string"], "default": None}
    new_id = registry.register_schema(
        value_subject(topic), Schema(evolved(member_schema_text(), field), "AVRO")
    )
    assert registry.get_latest_version(value_subject(topic)).schema_id == new_id


def test_registry_refuses_a_required_new_field(kafka: KafkaConfig) -> None:
    topic = unique_name("test-evolution")
    registry = SchemaRegistryClient({"url": kafka.schema_registry_url})
    register_member_schema(registry, topic, kafka.schema_registry_url)
    field = {"name": "loyalty_tier", "type": "string"}
    with pytest.raises(SchemaRegistryError) as refused:
        registry.register_schema(
            value_subject(topic), Schema(evolved(member_schema_text(), field), "AVRO")
        )
    assert refused.value.http_status_code == 409


def test_register_member_schema_reports_an_incompatible_subject(kafka: KafkaConfig) -> None:
    topic = unique_name("test-incompatible")
    registry = SchemaRegistryClient({"url": kafka.schema_registry_url})
    other = {"type": "record", "name": "Other", "fields": [{"name": "code", "type": "int"}]}
    registry.register_schema(value_subject(topic), Schema(json.dumps(other), "AVRO"))
    registry.set_compatibility(value_subject(topic), "BACKWARD")
    with pytest.raises(BrokerError, match="BACKWARD"):
        register_member_schema(registry, topic, kafka.schema_registry_url)


def test_members_carry_the_registered_schema_id(
    produced: ProduceSummary, kafka: KafkaConfig
) -> None:
    messages = consume_all(kafka, produced.topic, produced.members_produced)
    header_ids = {int.from_bytes(message.value()[1:5], "big") for message in messages}
    assert header_ids == set(writer_schemas(kafka, produced.topic))


def test_kcat_and_avro_tools_decode_a_member(
    produced: ProduceSummary, kafka: KafkaConfig, sample_members: pa.Table, tmp_path: Path
) -> None:
    """Tools that are not ours: kcat reads the message, Apache Avro's tools decode its body."""
    value = subprocess.run(
        [
            "kcat",
            "-C",
            "-b",
            kafka.bootstrap_servers,
            "-t",
            produced.topic,
            "-p",
            "0",
            "-o",
            "beginning",
            "-c",
            "1",
            "-e",
            "-q",
            "-f",
            "%s",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout
    assert value[0] == 0, "magic byte of the Confluent wire format"
    schema_id = int.from_bytes(value[1:5], "big")
    writer = httpx.get(f"{kafka.schema_registry_url}/schemas/ids/{schema_id}").json()["schema"]
    (tmp_path / "member.avsc").write_text(writer)
    (tmp_path / "body.bin").write_bytes(value[5:])
    decoded = subprocess.run(
        [
            "java",
            "-jar",
            str(AVRO_TOOLS),
            "fragtojson",
            "--schema-file",
            str(tmp_path / "member.avsc"),
            str(tmp_path / "body.bin"),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout
    member = json.loads(decoded)
    assert member["member_id"] in set(sample_members.column("member_id").to_pylist())


def test_cli_ingest_registry_down_exits_9(samples: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            "--to",
            "kafka",
            "--topic",
            unique_name("test-down"),
            "--schema-registry-url",
            "http://127.0.0.1:9/apis/ccompat/v6",
            "--input",
            str(samples / "golubeykov_random-users_10_v1.3.json"),
        ],
    )
    assert result.exit_code == 9


def test_cli_ingest_prints_delivery_counts(samples: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            "--to",
            "kafka",
            "--topic",
            unique_name("test-cli").replace("_", "-"),
            "--input",
            str(samples / "golubeykov_random-users_10_v1.3.json"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "delivered" in result.output
