"""The stream job's per-batch rules (``validate_messages``), on Arrow tables without Spark."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from memberanalyzer.engines.spark_stream import VALIDATED_SCHEMA, validate_messages
from memberanalyzer.members.rules import normalise_members
from memberanalyzer.members.schema import MEMBER_SCHEMA, UTC_MICROS
from memberanalyzer.sources.files import JsonFileSource

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
PRODUCED = datetime(2026, 12, 4, 11, 59, tzinfo=UTC)


@pytest.fixture(scope="module")
def members(samples: Path) -> pa.Table:
    path = samples / "golubeykov_random-users_10_v1.3.json"
    return pa.concat_tables(
        [normalise_members(batch, NOW).members for batch in JsonFileSource(path).batches()]
    )


def messages(members: pa.Table, magic: int = 0, schema_id: int = 1) -> pa.Table:
    """Decoded Kafka messages as the stream job hands them to ``validate_messages``."""
    size = members.num_rows
    kafka = pa.table(
        {
            "topic": pa.array(["members"] * size),
            "partition": pa.array([2] * size, pa.int32()),
            "offset": pa.array(range(100, 100 + size), pa.int64()),
            "kafka_timestamp": pa.array([PRODUCED] * size, UTC_MICROS),
            "value": pa.array([b"\x00\x00\x00\x00\x01body"] * size, pa.binary()),
            "magic": pa.array([magic] * size, pa.int32()),
            "schema_id": pa.array([schema_id] * size, pa.int64()),
            "known_schema": pa.array([schema_id == 1] * size),
        }
    )
    for field in MEMBER_SCHEMA:
        kafka = kafka.append_column(field.with_nullable(True), members.column(field.name))
    return kafka


def undecoded(members: pa.Table, magic: int, schema_id: int) -> pa.Table:
    table = messages(members, magic, schema_id)
    for name in MEMBER_SCHEMA.names:
        index = table.schema.get_field_index(name)
        field = table.schema.field(index)
        table = table.set_column(index, field, pa.nulls(table.num_rows, field.type))
    return table


def kinds(validated: pa.Table) -> dict[str, int]:
    counts = validated.group_by("kind").aggregate([([], "count_all")]).to_pylist()
    return {row["kind"]: row["count_all"] for row in counts}


def test_validate_messages_returns_the_validated_schema(members: pa.Table) -> None:
    assert validate_messages(messages(members), NOW).schema.equals(VALIDATED_SCHEMA)


def test_validate_messages_accepts_valid_members(members: pa.Table) -> None:
    assert kinds(validate_messages(messages(members), NOW)) == {"member": members.num_rows}


def test_validate_messages_keeps_the_kafka_offset(members: pa.Table) -> None:
    validated = validate_messages(messages(members), NOW)
    assert validated.column("kafka_offset").to_pylist() == list(range(100, 100 + members.num_rows))


def test_validate_messages_rejects_an_invalid_member(members: pa.Table) -> None:
    index = members.schema.get_field_index("gender")
    bad = members.set_column(
        index, members.schema.field(index), pa.array(["robot"] * members.num_rows)
    )
    validated = validate_messages(messages(bad), NOW)
    assert validated.column("reason").unique().to_pylist() == ["unknown_gender"]


def test_validate_messages_rejection_names_partition_and_offset(members: pa.Table) -> None:
    index = members.schema.get_field_index("email")
    bad = members.set_column(
        index, members.schema.field(index), pa.array(["no-at-sign"] * members.num_rows)
    )
    first = validate_messages(messages(bad), NOW).slice(0, 1).to_pylist()[0]
    assert (first["source"], first["record_number"]) == ("kafka:members/2", 100)


def test_validate_messages_rejects_a_message_without_magic_byte(members: pa.Table) -> None:
    validated = validate_messages(undecoded(members, magic=123, schema_id=1), NOW)
    assert pc.all(pc.match_substring(validated.column("detail"), "first byte is 123")).as_py()


def test_validate_messages_rejects_an_unknown_schema_id(members: pa.Table) -> None:
    validated = validate_messages(undecoded(members, magic=0, schema_id=77), NOW)
    assert validated.column("reason").unique().to_pylist() == ["undecodable_message"]


def test_validate_messages_keeps_an_undecodable_value_as_base64(members: pa.Table) -> None:
    validated = validate_messages(undecoded(members, magic=0, schema_id=77), NOW)
    assert validated.column("raw_record")[0].as_py() == "base64:AAAAAAFib2R5"
