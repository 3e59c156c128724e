"""Arrow schemas of the member data: the raw randomuser.me shape, members and rejected records.

The raw shape is flat: one string column per randomuser.me field, named by its JSON path
(``location.city``). Every source produces it, so the member rules see one layout whether the
records came from a file, the HTTP API or the generator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pyarrow as pa

__all__ = [
    "CONTAINER_PATHS",
    "LEGACY_MARKER",
    "MEMBER_SCHEMA",
    "RAW_FIELDS",
    "RAW_PATHS",
    "RAW_SCHEMA",
    "REJECTED_SCHEMA",
    "RawField",
    "raw_nested_structure",
]

JsonKind = Literal["text", "number_or_text", "json"]


@dataclass(frozen=True)
class RawField:
    """One leaf of a randomuser.me record and how a source hands it over.

    ``text`` leaves arrive as the decoded string, ``number_or_text`` leaves as the decoded
    string or the number's literal text. ``json`` leaves are not used by any rule. They arrive
    as the JSON text of the value (``"secret"``, ``42``) and are kept only to rebuild a
    rejected record.
    """

    path: str
    kind: JsonKind = "text"
    required: bool = False


# Every leaf that randomuser.me API 1.3 and 1.4 send. Numbers are allowed where the API sends
# them: postcodes are JSON numbers for some nationalities and strings for others.
RAW_FIELDS: tuple[RawField, ...] = (
    RawField("gender", required=True),
    RawField("name.title"),
    RawField("name.first", required=True),
    RawField("name.last", required=True),
    RawField("location.street.number", "number_or_text"),
    RawField("location.street.name"),
    RawField("location.city", required=True),
    RawField("location.state"),
    RawField("location.country", required=True),
    RawField("location.postcode", "number_or_text"),
    RawField("location.coordinates.latitude", "number_or_text"),
    RawField("location.coordinates.longitude", "number_or_text"),
    RawField("location.timezone.offset"),
    RawField("location.timezone.description", "json"),
    RawField("email", required=True),
    RawField("login.uuid"),
    RawField("login.username"),
    RawField("login.password", "json"),
    RawField("login.salt", "json"),
    RawField("login.md5", "json"),
    RawField("login.sha1", "json"),
    RawField("login.sha256", "json"),
    RawField("dob.date", required=True),
    RawField("dob.age", "json"),
    RawField("registered.date", required=True),
    RawField("registered.age", "json"),
    RawField("phone"),
    RawField("cell"),
    RawField("id.name", "json"),
    RawField("id.value", "json"),
    RawField("picture.large"),
    RawField("picture.medium", "json"),
    RawField("picture.thumbnail", "json"),
    RawField("nat", required=True),
)

RAW_PATHS: tuple[str, ...] = tuple(field.path for field in RAW_FIELDS)

# Objects inside a record. A source reports a record whose value at one of these paths is not
# an object (a string where `dob` should be, say) as a wrong type.
CONTAINER_PATHS: tuple[str, ...] = (
    "name",
    "location",
    "location.street",
    "location.coordinates",
    "location.timezone",
    "login",
    "dob",
    "registered",
    "id",
    "picture",
)

# API versions before 1.0 wrapped each result as {"user": {...}}, without dob, login.uuid,
# country or nationality. A source sets this column to the wrapped object's JSON text.
LEGACY_MARKER = "user"

RAW_SCHEMA = pa.schema(
    [pa.field(path, pa.string()) for path in RAW_PATHS]
    + [
        pa.field(LEGACY_MARKER, pa.string()),
        # Paths whose JSON value had a type the field does not allow, e.g. an object as city.
        pa.field("type_errors", pa.list_(pa.string())),
        # Set by the source when the record is not a JSON object at all: the reason code
        # (invalid_json or not_an_object) and the parser's message.
        pa.field("parse_error", pa.string()),
        pa.field("parse_error_detail", pa.string()),
        # Where the record came from (a file path, a URL or the generator) and its 1-based
        # position there: the line of an NDJSON file without blank lines, the index in a
        # response's results plus one, or the generated record's number.
        pa.field("source", pa.string()),
        pa.field("record_number", pa.int64()),
        # The record as received, kept for rejected records. Null where the source did not keep
        # the original text; the rules then rebuild it from the fields above.
        pa.field("raw_record", pa.string()),
    ]
)

UTC_MICROS = pa.timestamp("us", tz="UTC")

MEMBER_SCHEMA = pa.schema(
    [
        pa.field("member_id", pa.string(), nullable=False),
        pa.field("title", pa.string()),
        pa.field("first_name", pa.string(), nullable=False),
        pa.field("last_name", pa.string(), nullable=False),
        pa.field("gender", pa.string(), nullable=False),
        pa.field("email", pa.string(), nullable=False),
        pa.field("username", pa.string()),
        pa.field("date_of_birth", UTC_MICROS, nullable=False),
        pa.field("registered_at", UTC_MICROS, nullable=False),
        pa.field("phone", pa.string()),
        pa.field("cell", pa.string()),
        pa.field("picture_url", pa.string()),
        pa.field("street_number", pa.string()),
        pa.field("street_name", pa.string()),
        pa.field("city", pa.string(), nullable=False),
        pa.field("state", pa.string()),
        pa.field("country", pa.string(), nullable=False),
        pa.field("postcode", pa.string()),
        pa.field("nationality", pa.string(), nullable=False),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("timezone_offset", pa.string()),
        # "repaired" when mis-decoded text (mojibake) was fixed, "suspected" when it was
        # detected but could not be fixed reliably, null for clean text.
        pa.field("text_encoding_issue", pa.string()),
    ]
)

REJECTED_SCHEMA = pa.schema(
    [
        # Deterministic id of (source, record number, reason, raw record): replaying the same input
        # finds the same rejection instead of adding a copy.
        pa.field("rejection_id", pa.string(), nullable=False),
        pa.field("rejected_at", UTC_MICROS, nullable=False),
        pa.field("source", pa.string()),
        pa.field("record_number", pa.int64()),
        pa.field("member_id", pa.string()),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("field", pa.string()),
        pa.field("detail", pa.string()),
        pa.field("raw_record", pa.string(), nullable=False),
    ]
)


def raw_nested_structure(leaf_type: str) -> dict[str, object]:
    """Build the nested {name: {...}} structure of a record with ``leaf_type`` at every leaf.

    JSON readers such as DuckDB's ``json_transform`` take this shape to extract the fields.
    """
    structure: dict[str, object] = {}
    for path in (*RAW_PATHS, LEGACY_MARKER):
        node = structure
        *parents, leaf = path.split(".")
        for parent in parents:
            child = node.setdefault(parent, {})
            assert isinstance(child, dict)
            node = child
        node[leaf] = leaf_type
    return structure
