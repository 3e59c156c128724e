"""The member rules applied to rows that arrive already normalised (Kafka, the HTTP API)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from memberanalyzer.members.rules import normalise_members, validate_members
from memberanalyzer.members.schema import MEMBER_SCHEMA
from memberanalyzer.sources.files import JsonFileSource

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def sample_members(sample_files: list[Path]) -> pa.Table:
    tables = [
        normalise_members(batch, NOW).members
        for path in sample_files
        for batch in JsonFileSource(path).batches()
    ]
    return pa.concat_tables(tables)


def with_value(members: pa.Table, column: str, value: object) -> pa.Table:
    """The first member with ``column`` set to ``value``."""
    first = members.slice(0, 1)
    index = first.schema.get_field_index(column)
    field = first.schema.field(index)
    return first.set_column(index, field.with_nullable(True), pa.array([value], field.type))


def test_validate_members_accepts_every_normalised_sample_member(sample_members: pa.Table) -> None:
    result = validate_members(sample_members, NOW, "test")
    assert result.members.num_rows == sample_members.num_rows


def test_validate_members_returns_the_same_members(sample_members: pa.Table) -> None:
    result = validate_members(sample_members, NOW, "test")
    assert result.members.equals(sample_members)


def test_validate_members_keeps_the_repaired_text_flag(sample_members: pa.Table) -> None:
    repaired = pc.sum(pc.equal(sample_members.column("text_encoding_issue"), "repaired"))
    result = validate_members(sample_members, NOW, "test")
    kept = pc.sum(pc.equal(result.members.column("text_encoding_issue"), "repaired"))
    assert kept.as_py() == repaired.as_py()


def test_validate_members_returns_the_member_schema(sample_members: pa.Table) -> None:
    result = validate_members(sample_members.slice(0, 3), NOW, "test")
    assert result.members.schema.equals(MEMBER_SCHEMA)


def test_validate_members_rejects_a_missing_birth_date(sample_members: pa.Table) -> None:
    result = validate_members(with_value(sample_members, "date_of_birth", None), NOW, "test")
    assert result.rejected.column("reason").to_pylist() == ["missing_field"]


def test_validate_members_names_the_member_column(sample_members: pa.Table) -> None:
    result = validate_members(with_value(sample_members, "date_of_birth", None), NOW, "test")
    assert result.rejected.column("field").to_pylist() == ["date_of_birth"]


def test_validate_members_rejects_an_unknown_gender(sample_members: pa.Table) -> None:
    result = validate_members(with_value(sample_members, "gender", "robot"), NOW, "test")
    assert result.rejected_by_reason == {"unknown_gender": 1}


def test_validate_members_rejects_a_birth_in_the_future(sample_members: pa.Table) -> None:
    future = datetime(2030, 1, 1, tzinfo=UTC)
    result = validate_members(with_value(sample_members, "date_of_birth", future), NOW, "test")
    assert result.rejected_by_reason == {"birth_in_future": 1}


def test_validate_members_rejects_latitude_out_of_range(sample_members: pa.Table) -> None:
    result = validate_members(with_value(sample_members, "latitude", 123.5), NOW, "test")
    assert result.rejected_by_reason == {"invalid_coordinates": 1}


def test_validate_members_keeps_the_row_as_raw_record(sample_members: pa.Table) -> None:
    row = with_value(sample_members, "email", "not-an-e-mail")
    result = validate_members(row, NOW, "test")
    kept = json.loads(result.rejected.column("raw_record")[0].as_py())
    assert kept["email"] == "not-an-e-mail"


def test_validate_members_records_source_and_record_number(sample_members: pa.Table) -> None:
    row = with_value(sample_members, "email", "not-an-e-mail")
    result = validate_members(row, NOW, "kafka:members/0", pa.array([41]))
    rejection = result.rejected.select(["source", "record_number"]).to_pylist()
    assert rejection == [{"source": "kafka:members/0", "record_number": 41}]
