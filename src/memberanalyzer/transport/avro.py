"""The Avro form of a member: the schema file in the repository and the rows it encodes.

``schemas/member-value.avsc`` is the one definition of a member on the wire. It mirrors
``MEMBER_SCHEMA``; a unit test keeps the two in step. Timestamps travel as microseconds since
the epoch (``timestamp-micros``), so no precision is lost between engines.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from memberanalyzer.members.schema import MEMBER_SCHEMA

__all__ = ["CONFLUENT_HEADER_BYTES", "member_records", "member_schema_text", "value_subject"]

# Confluent wire format: magic byte 0, then the schema id as a 4-byte big-endian integer.
CONFLUENT_HEADER_BYTES = 5


@cache
def member_schema_text() -> str:
    """Return the member's Avro schema, as JSON text."""
    return (
        resources.files("memberanalyzer.transport")
        .joinpath("schemas/member-value.avsc")
        .read_text(encoding="utf-8")
    )


def member_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(member_schema_text())
    return schema


def value_subject(topic: str) -> str:
    """The registry subject of a topic's values (Confluent's TopicNameStrategy)."""
    return f"{topic}-value"


def member_records(members: pa.Table) -> Iterator[dict[str, Any]]:
    """Yield each member as a dict ready for Avro, with timestamps as epoch microseconds."""
    columns = {}
    for field in MEMBER_SCHEMA:
        values = members.column(field.name)
        if pa.types.is_timestamp(field.type):
            values = pc.cast(values, pa.int64())
        columns[field.name] = values
    yield from pa.table(columns).to_pylist()
