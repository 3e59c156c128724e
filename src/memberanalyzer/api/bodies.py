"""Request bodies to member records: one JSON object, a JSON array, or NDJSON read as a stream.

Each record leaves here as the JSON text of one object, ready for the shared JSON decoding
(``memberanalyzer.sources.json_records``). A member in the normalised shape (the columns of a
stored member, such as ``first_name`` and ``date_of_birth``) is rewritten into the randomuser.me
shape first, so both shapes meet the same decoding, type checks and member rules. Its original
text is kept as the raw record of a rejection.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import orjson

from memberanalyzer.api.problems import Problem
from memberanalyzer.members.rules import MEMBER_TO_RAW_PATH

__all__ = [
    "NDJSON_MEDIA_TYPES",
    "RecordTexts",
    "check_declared_length",
    "read_body",
    "records_from_array",
    "records_from_ndjson",
    "single_record",
]

NDJSON_MEDIA_TYPES = frozenset(
    {"application/x-ndjson", "application/ndjson", "application/jsonl", "application/json-seq"}
)

# Keys that only a normalised member has, and keys that only a randomuser.me record has.
_NORMALISED_KEYS = frozenset({"member_id", "first_name", "last_name", "date_of_birth"})
_RANDOMUSER_KEYS = frozenset({"name", "login", "dob", "location", "registered"})
# Byte patterns checked before parsing a line: most lines are randomuser.me records.
_NORMALISED_MARKERS = tuple(f'"{key}"' for key in sorted(_NORMALISED_KEYS))
# Member columns that the server computes itself, whatever the client sends.
_COMPUTED_COLUMNS = frozenset({"text_encoding_issue"})


@dataclass
class RecordTexts:
    """The records of one request: each one's JSON text, the text to keep if it is rejected,
    its number in the request (the line for NDJSON, the position otherwise) and whether it
    came in the normalised shape."""

    texts: list[str]
    originals: list[str]
    numbers: list[int]
    normalised: list[bool]

    def __len__(self) -> int:
        return len(self.texts)


def check_declared_length(content_length: str | None, limit: int) -> None:
    """Raise 413 before reading a body whose declared length is above ``limit`` bytes."""
    if content_length is None or not content_length.isdigit():
        return
    if int(content_length) > limit:
        raise _too_large(limit, f"Content-Length is {int(content_length):,} bytes")


def _too_large(limit: int, what: str) -> Problem:
    return Problem(
        413,
        "body-too-large",
        f"body: {what}, above the limit of {limit:,} bytes (http_max_body_bytes); "
        "send fewer records per request",
    )


async def read_body(chunks: AsyncIterator[bytes], limit: int) -> bytes:
    """Read a whole body, raising 413 as soon as it grows past ``limit`` bytes."""
    parts: list[bytes] = []
    size = 0
    async for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise _too_large(limit, f"more than {limit:,} bytes were sent")
        parts.append(chunk)
    return b"".join(parts)


def single_record(body: bytes) -> RecordTexts:
    """Return the one member of a ``POST /v1/members`` body.

    A body that is not JSON is kept as one record, so the member rules reject it as
    ``invalid_json`` like any other unreadable record. An array is refused with a pointer to
    the batch endpoint.
    """
    text = _decode_utf8(body, "body")
    if text.lstrip().startswith("["):
        raise Problem(
            422,
            "expected-one-member",
            "body: expected one JSON object, got a JSON array; "
            "send several members to POST /v1/members/batch",
        )
    records = RecordTexts([], [], [], [])
    _add_record(records, text.strip(), 1)
    return records


async def records_from_ndjson(
    chunks: AsyncIterator[bytes], max_bytes: int, max_records: int
) -> RecordTexts:
    """Split an NDJSON body into records while it arrives, enforcing both limits on the way.

    Blank lines are skipped; record numbers are line numbers.
    """
    records = RecordTexts([], [], [], [])
    pending = b""
    size = 0
    line_number = 0
    async for chunk in chunks:
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(max_bytes, f"more than {max_bytes:,} bytes were sent")
        *lines, pending = (pending + chunk).split(b"\n")
        for line in lines:
            line_number += 1
            _add_line(records, line, line_number, max_records)
    if pending.strip():
        _add_line(records, pending, line_number + 1, max_records)
    return records


def _add_line(records: RecordTexts, line: bytes, line_number: int, max_records: int) -> None:
    stripped = line.strip()
    if not stripped:
        return
    if len(records) >= max_records:
        raise _too_many(max_records)
    _add_record(records, _decode_utf8(stripped, f"line {line_number}"), line_number)


def _too_many(max_records: int) -> Problem:
    return Problem(
        413,
        "too-many-records",
        f"body: more than {max_records:,} records, the limit per request "
        "(http_max_batch_records); split the batch",
    )


def records_from_array(body: bytes, max_records: int) -> RecordTexts:
    """Return the records of a JSON array body, one per element."""
    try:
        document = orjson.loads(body)
    except orjson.JSONDecodeError as error:
        raise Problem(
            400,
            "invalid-json",
            f"body: not valid JSON ({error}); send a JSON array of members, or NDJSON with "
            "Content-Type: application/x-ndjson",
        ) from None
    if not isinstance(document, list):
        raise Problem(
            422,
            "expected-array",
            f"body: expected a JSON array of members, got a JSON {_json_type(document)}; send "
            "one member to POST /v1/members, or NDJSON with Content-Type: application/x-ndjson",
        )
    if len(document) > max_records:
        raise _too_many(max_records)
    records = RecordTexts([], [], [], [])
    for position, element in enumerate(document, start=1):
        _add_record(records, orjson.dumps(element).decode(), position, element)
    return records


def _add_record(records: RecordTexts, text: str, number: int, parsed: object | None = None) -> None:
    """Append one record, rewriting a normalised member into the randomuser.me shape."""
    normalised = None
    if parsed is not None or any(marker in text for marker in _NORMALISED_MARKERS):
        normalised = _as_randomuser(parsed if parsed is not None else _loads_or_none(text))
    records.texts.append(text if normalised is None else normalised)
    records.originals.append(text)
    records.numbers.append(number)
    records.normalised.append(normalised is not None)


def _loads_or_none(text: str) -> object | None:
    try:
        parsed: object = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None
    return parsed


def _as_randomuser(record: object) -> str | None:
    """Return the randomuser.me-shaped JSON text of a normalised member, or None for others."""
    if not isinstance(record, dict):
        return None
    keys = record.keys()
    if not _NORMALISED_KEYS & keys or _RANDOMUSER_KEYS & keys:
        return None
    nested: dict[str, object] = {}
    for column, value in record.items():
        path = MEMBER_TO_RAW_PATH.get(column)
        if path is None or column in _COMPUTED_COLUMNS:
            continue
        _set_path(nested, path, value)
    return orjson.dumps(nested).decode()


def _set_path(nested: dict[str, object], path: str, value: object) -> None:
    *parents, leaf = path.split(".")
    node = nested
    for parent in parents:
        child = node.setdefault(parent, {})
        assert isinstance(child, dict)
        node = child
    node[leaf] = value


def _decode_utf8(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Problem(
            400,
            "invalid-encoding",
            f"{where}: not UTF-8 (byte {error.start}); send JSON encoded as UTF-8",
        ) from None


def _json_type(value: object) -> str:
    if isinstance(value, dict):
        return "object"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "null"
    return "number"
