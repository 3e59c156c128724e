"""The member's Avro schema file against MEMBER_SCHEMA, and an Avro round trip of real members."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import fastavro
import pyarrow as pa
import pytest

from memberanalyzer.members.rules import normalise_members
from memberanalyzer.members.schema import MEMBER_SCHEMA
from memberanalyzer.sources.files import JsonFileSource
from memberanalyzer.transport.avro import member_records, member_schema_text, value_subject

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def avro_fields() -> dict[str, object]:
    schema = json.loads(member_schema_text())
    return {entry["name"]: entry["type"] for entry in schema["fields"]}


@pytest.fixture(scope="module")
def sample_members(sample_files: list[Path]) -> pa.Table:
    tables = [
        normalise_members(batch, NOW).members
        for path in sample_files
        for batch in JsonFileSource(path).batches()
    ]
    return pa.concat_tables(tables)


def test_avro_schema_has_the_member_columns_in_order(avro_fields: dict[str, object]) -> None:
    assert list(avro_fields) == MEMBER_SCHEMA.names


def test_avro_schema_nullable_fields_match_member_schema(avro_fields: dict[str, object]) -> None:
    nullable = {name for name, kind in avro_fields.items() if isinstance(kind, list)}
    assert nullable == {field.name for field in MEMBER_SCHEMA if field.nullable}


def test_avro_schema_timestamps_are_microseconds(avro_fields: dict[str, object]) -> None:
    assert avro_fields["date_of_birth"] == {"type": "long", "logicalType": "timestamp-micros"}


def test_avro_schema_parses_with_fastavro() -> None:
    parsed = fastavro.parse_schema(json.loads(member_schema_text()))
    assert parsed["name"] == "io.memberanalyzer.Member"


def test_value_subject_follows_the_topic_name_strategy() -> None:
    assert value_subject("members") == "members-value"


def test_member_records_round_trip_through_avro(sample_members: pa.Table) -> None:
    schema = fastavro.parse_schema(json.loads(member_schema_text()))
    decoded = []
    for record in member_records(sample_members):
        buffer = io.BytesIO()
        fastavro.schemaless_writer(buffer, schema, record)
        buffer.seek(0)
        decoded.append(fastavro.schemaless_reader(buffer, schema, schema))
    assert pa.Table.from_pylist(decoded, MEMBER_SCHEMA).equals(sample_members)
