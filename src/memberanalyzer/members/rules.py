"""Validation and normalisation of raw randomuser.me records into members, over Arrow batches.

``normalise_members`` takes a batch in ``RAW_SCHEMA`` and splits it into members
(``MEMBER_SCHEMA``) and rejected records (``REJECTED_SCHEMA``). ``validate_members`` applies the
same rules to members that arrive already normalised, from Kafka or the HTTP API. Both only use
Arrow compute functions and small Python loops over distinct values, so they run in the
embedded engine and inside Spark's ``mapInArrow``.

Checks run in a fixed order and a record keeps the first reason it fails, so the same record is
always rejected for the same reason:

1. not JSON or not an object, randomuser.me 0.x shape, wrong JSON types (reported by the source);
2. required fields present (gender, first and last name, e-mail, city, country, nationality,
   birth date, registration date);
3. gender, e-mail, nationality code and login.uuid well formed;
4. dates parse, birth and registration are not in the future, registration is not before birth;
5. coordinates and timezone offset well formed where present.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import orjson
import pyarrow as pa
import pyarrow.compute as pc

from memberanalyzer.members.dates import parse_utc_timestamps
from memberanalyzer.members.identity import derive_member_id, rejection_id
from memberanalyzer.members.reasons import RejectReason
from memberanalyzer.members.schema import (
    CONTAINER_PATHS,
    LEGACY_MARKER,
    MEMBER_SCHEMA,
    RAW_FIELDS,
    RAW_PATHS,
    RAW_SCHEMA,
    REJECTED_SCHEMA,
    UTC_MICROS,
)
from memberanalyzer.members.text import REPAIRED, SUSPECTED, repair_mojibake

__all__ = [
    "GENDERS",
    "MEMBER_TO_RAW_PATH",
    "NormalisedBatch",
    "normalise_members",
    "validate_members",
]

GENDERS: tuple[str, ...] = ("female", "male")

_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_NATIONALITY = r"^[A-Za-z]{2}$"
_UUID = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
_TIMEZONE_OFFSET = r"^(?P<sign>[+-]?)(?P<hours>\d{1,2}):(?P<minutes>\d{2})$"

# A registration up to a day ahead of the clock is clock skew between the source and us, not
# an impossible record.
_CLOCK_SKEW = timedelta(days=1)

# Raw fields that become member columns or are checked. The others, such as password hashes
# and the API's own ages, are kept only in the raw record of a rejection.
_USED_PATHS = (
    "gender",
    "name.title",
    "name.first",
    "name.last",
    "location.street.number",
    "location.street.name",
    "location.city",
    "location.state",
    "location.country",
    "location.postcode",
    "location.coordinates.latitude",
    "location.coordinates.longitude",
    "location.timezone.offset",
    "email",
    "login.uuid",
    "login.username",
    "dob.date",
    "registered.date",
    "phone",
    "cell",
    "picture.large",
    "nat",
)

# The JSON type each path of a record must have, for wrong_type details.
_EXPECTED_TYPES: dict[str, str] = {
    **{path: "an object" for path in CONTAINER_PATHS},
    **{
        raw_field.path: "a string or a number" if raw_field.kind == "number_or_text" else "a string"
        for raw_field in RAW_FIELDS
    },
}

_TEXT_REPAIR_COLUMNS = (
    "title",
    "first_name",
    "last_name",
    "street_name",
    "city",
    "state",
    "country",
)


@dataclass
class NormalisedBatch:
    """Members and rejected records produced from one raw batch."""

    members: pa.Table
    rejected: pa.Table
    text_repairs: int = 0
    rejected_by_reason: dict[str, int] = field(default_factory=dict)
    # True for each input row that became a member, in input order.
    accepted: pa.Array = field(default_factory=lambda: pa.array([], pa.bool_()))


class _Verdicts:
    """The first failed check of each record: reason, field and the offending value."""

    def __init__(self, size: int) -> None:
        self.reason: pa.Array = pa.nulls(size, pa.string())
        self.field: pa.Array = pa.nulls(size, pa.string())
        self.detail: pa.Array = pa.nulls(size, pa.string())

    def fail(
        self,
        failed: pa.Array,
        reason: RejectReason,
        field_path: str | pa.Array | None,
        detail: str | pa.Array | None = None,
    ) -> None:
        """Record ``reason`` for every record in ``failed`` that has no reason yet."""
        first_failure = pc.and_(pc.fill_null(failed, False), pc.is_null(self.reason))
        if not pc.any(first_failure).as_py():
            return
        self.reason = pc.if_else(first_failure, reason.value, self.reason)
        self.field = pc.if_else(first_failure, _as_string(field_path), self.field)
        self.detail = pc.if_else(first_failure, _as_string(detail), self.detail)

    def accepted(self) -> pa.Array:
        return pc.is_null(self.reason)


def _as_string(value: str | pa.Array | None) -> pa.Scalar | pa.Array:
    if value is None or isinstance(value, str):
        return pa.scalar(value, pa.string())
    return value


def normalise_members(raw: pa.RecordBatch | pa.Table, now: datetime) -> NormalisedBatch:
    """Validate a batch of raw records and turn the valid ones into members.

    ``now`` is the instant that "in the future" is measured against (timezone-aware).
    """
    table = raw if isinstance(raw, pa.Table) else pa.Table.from_batches([raw])
    if table.num_rows == 0:
        return NormalisedBatch(MEMBER_SCHEMA.empty_table(), REJECTED_SCHEMA.empty_table())

    text = {path: _clean_text(table.column(path)) for path in _USED_PATHS}
    verdicts = _Verdicts(table.num_rows)

    _check_shape(table, verdicts)
    _check_required(text, verdicts)
    _check_formats(text, verdicts)
    births, registrations = _check_dates(text, verdicts, now)
    latitudes, longitudes = _check_coordinates(text, verdicts)
    offsets = _check_timezone_offset(text, verdicts)

    accepted = verdicts.accepted()
    members = _build_members(text, births, registrations, latitudes, longitudes, offsets)
    members = members.filter(accepted)
    members, text_repairs = _repair_text_columns(members)
    rejected = _build_rejected(table, text, verdicts, now)
    return NormalisedBatch(
        members=members,
        rejected=rejected,
        text_repairs=text_repairs,
        rejected_by_reason=_count_by_reason(rejected),
        accepted=accepted,
    )


def _clean_text(column: pa.ChunkedArray) -> pa.Array:
    """Trim whitespace and turn empty strings into nulls."""
    trimmed = pc.utf8_trim_whitespace(column.combine_chunks())
    return pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, pa.string()), trimmed)


def _check_shape(table: pa.Table, verdicts: _Verdicts) -> None:
    parse_error = table.column("parse_error").combine_chunks()
    if parse_error.null_count < len(parse_error):
        detail = table.column("parse_error_detail").combine_chunks()
        for reason in (RejectReason.INVALID_JSON, RejectReason.NOT_AN_OBJECT):
            verdicts.fail(pc.equal(parse_error, reason.value), reason, None, detail)

    legacy = pc.is_valid(table.column(LEGACY_MARKER).combine_chunks())
    verdicts.fail(
        legacy,
        RejectReason.UNSUPPORTED_VERSION,
        LEGACY_MARKER,
        'randomuser.me 0.x record ({"user": {...}}) without dob, login.uuid, country or nat; '
        "request API version 1.3 or later",
    )

    type_errors = table.column("type_errors").combine_chunks()
    if not pc.max(pc.list_value_length(type_errors)).as_py():
        return
    has_type_error = pc.greater(pc.fill_null(pc.list_value_length(type_errors), 0), 0)
    non_empty = pc.if_else(has_type_error, type_errors, pa.scalar(None, type_errors.type))
    # Entries read "path:received type", such as "location:string".
    parts = pc.extract_regex(pc.list_element(non_empty, 0), r"^(?P<path>[^:]+):(?P<kind>.*)$")
    path = pc.struct_field(parts, "path")
    expected = pc.take(
        pa.array(list(_EXPECTED_TYPES.values()), pa.string()),
        pc.index_in(path, value_set=pa.array(list(_EXPECTED_TYPES), pa.string())),
    )
    detail = pc.binary_join_element_wise(
        "expected ", expected, ", got a JSON ", pc.struct_field(parts, "kind"), ""
    )
    verdicts.fail(has_type_error, RejectReason.WRONG_TYPE, path, detail)


def _check_required(text: dict[str, pa.Array], verdicts: _Verdicts) -> None:
    for raw_field in RAW_FIELDS:
        if raw_field.required:
            verdicts.fail(
                pc.is_null(text[raw_field.path]), RejectReason.MISSING_FIELD, raw_field.path
            )


def _check_formats(text: dict[str, pa.Array], verdicts: _Verdicts) -> None:
    gender = pc.utf8_lower(text["gender"])
    known = pc.is_in(gender, value_set=pa.array(GENDERS))
    verdicts.fail(pc.invert(known), RejectReason.UNKNOWN_GENDER, "gender", text["gender"])

    email = text["email"]
    verdicts.fail(_not_matching(email, _EMAIL), RejectReason.INVALID_EMAIL, "email", email)

    nat = text["nat"]
    verdicts.fail(_not_matching(nat, _NATIONALITY), RejectReason.INVALID_NATIONALITY, "nat", nat)

    uuid = text["login.uuid"]
    verdicts.fail(_not_matching(uuid, _UUID), RejectReason.INVALID_MEMBER_ID, "login.uuid", uuid)


def _not_matching(values: pa.Array, pattern: str) -> pa.Array:
    """True where a non-null value does not match ``pattern``."""
    return pc.invert(pc.fill_null(pc.match_substring_regex(values, pattern), True))


def _check_dates(
    text: dict[str, pa.Array], verdicts: _Verdicts, now: datetime
) -> tuple[pa.Array, pa.Array]:
    births, bad_birth = parse_utc_timestamps(text["dob.date"])
    registrations, bad_registration = parse_utc_timestamps(text["registered.date"])
    verdicts.fail(bad_birth, RejectReason.INVALID_DATE, "dob.date", text["dob.date"])
    verdicts.fail(
        bad_registration, RejectReason.INVALID_DATE, "registered.date", text["registered.date"]
    )

    now_scalar = pa.scalar(now, UTC_MICROS)
    latest_registration = pa.scalar(now + _CLOCK_SKEW, UTC_MICROS)
    verdicts.fail(
        pc.greater(births, now_scalar), RejectReason.BIRTH_IN_FUTURE, "dob.date", text["dob.date"]
    )
    verdicts.fail(
        pc.greater(registrations, latest_registration),
        RejectReason.REGISTERED_IN_FUTURE,
        "registered.date",
        text["registered.date"],
    )
    verdicts.fail(
        pc.less(registrations, births),
        RejectReason.REGISTERED_BEFORE_BIRTH,
        "registered.date",
        text["registered.date"],
    )
    return births, registrations


def _check_coordinates(text: dict[str, pa.Array], verdicts: _Verdicts) -> tuple[pa.Array, pa.Array]:
    parsed = []
    for axis, limit in (("latitude", 90.0), ("longitude", 180.0)):
        path = f"location.coordinates.{axis}"
        values = text[path]
        numbers = _to_float(values)
        out_of_range = pc.greater(pc.abs(numbers), limit)
        unparsed = pc.and_(pc.is_valid(values), pc.is_null(numbers))
        verdicts.fail(
            pc.or_kleene(unparsed, out_of_range), RejectReason.INVALID_COORDINATES, path, values
        )
        parsed.append(numbers)
    return parsed[0], parsed[1]


def _to_float(values: pa.Array) -> pa.Array:
    """Parse decimal strings as float64, with null where a value is not a finite number."""
    numeric = pc.fill_null(
        pc.match_substring_regex(values, r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"), False
    )
    return pc.cast(pc.if_else(numeric, values, pa.scalar(None, pa.string())), pa.float64())


def _check_timezone_offset(text: dict[str, pa.Array], verdicts: _Verdicts) -> pa.Array:
    """Check offsets such as "-3:30" or "0:00" and normalise them to "-03:30" and "+00:00"."""
    offsets = text["location.timezone.offset"]
    parts = pc.extract_regex(offsets, _TIMEZONE_OFFSET)
    sign = pc.struct_field(parts, "sign")
    hours = pc.struct_field(parts, "hours")
    minutes = pc.struct_field(parts, "minutes")

    # Real offsets run from -12:00 to +14:00.
    in_range = pc.and_(
        pc.less_equal(pc.cast(hours, pa.int32()), 14), pc.less(pc.cast(minutes, pa.int32()), 60)
    )
    well_formed = pc.fill_null(in_range, False)
    invalid = pc.and_(pc.is_valid(offsets), pc.invert(well_formed))
    verdicts.fail(
        invalid, RejectReason.INVALID_TIMEZONE_OFFSET, "location.timezone.offset", offsets
    )

    signs = pc.if_else(pc.equal(sign, "-"), "-", "+")
    normalised = pc.binary_join_element_wise(signs, pc.utf8_lpad(hours, 2, "0"), ":", minutes, "")
    return pc.if_else(well_formed, normalised, pa.scalar(None, pa.string()))


def _build_members(
    text: dict[str, pa.Array],
    births: pa.Array,
    registrations: pa.Array,
    latitudes: pa.Array,
    longitudes: pa.Array,
    offsets: pa.Array,
) -> pa.Table:
    columns = {
        "member_id": _member_ids(text),
        "title": text["name.title"],
        "first_name": text["name.first"],
        "last_name": text["name.last"],
        "gender": pc.utf8_lower(text["gender"]),
        "email": text["email"],
        "username": text["login.username"],
        "date_of_birth": births,
        "registered_at": registrations,
        "phone": text["phone"],
        "cell": text["cell"],
        "picture_url": text["picture.large"],
        "street_number": text["location.street.number"],
        "street_name": text["location.street.name"],
        "city": text["location.city"],
        "state": text["location.state"],
        "country": text["location.country"],
        "postcode": text["location.postcode"],
        "nationality": pc.utf8_upper(text["nat"]),
        "latitude": latitudes,
        "longitude": longitudes,
        "timezone_offset": offsets,
        "text_encoding_issue": pa.nulls(len(births), pa.string()),
    }
    # The schema's non-null promises hold only after filtering out the rejected rows.
    nullable = pa.schema([schema_field.with_nullable(True) for schema_field in MEMBER_SCHEMA])
    return pa.table(columns, schema=nullable)


def _member_ids(text: dict[str, pa.Array]) -> pa.Array:
    """Use login.uuid in lower case, or derive a deterministic id where it is missing."""
    uuids = pc.utf8_lower(text["login.uuid"])
    missing = pc.fill_null(pc.is_null(uuids), False)
    if not pc.any(missing).as_py():
        return uuids

    identity_paths = ("email", "name.first", "name.last", "dob.date", "nat")
    ids = uuids.to_pylist()
    positions = pc.indices_nonzero(missing).to_pylist()
    identities = pa.table({path: pc.take(text[path], positions) for path in identity_paths})
    for position, row in zip(positions, identities.to_pylist(), strict=True):
        ids[position] = derive_member_id(row[path] for path in identity_paths)
    return pa.array(ids, pa.string())


def _repair_text_columns(members: pa.Table) -> tuple[pa.Table, int]:
    """Repair mojibake in the text columns and flag the rows it touched."""
    status: pa.Array = pa.nulls(members.num_rows, pa.string())
    for name in _TEXT_REPAIR_COLUMNS:
        index = members.schema.get_field_index(name)
        repaired, column_status = repair_mojibake(members.column(index).combine_chunks())
        if column_status.null_count == len(column_status):
            continue
        members = members.set_column(index, members.schema.field(index), repaired)
        status = _worst_status(status, column_status)

    index = members.schema.get_field_index("text_encoding_issue")
    members = members.set_column(index, members.schema.field(index), status)
    repairs = pc.sum(pc.equal(status, REPAIRED)).as_py() or 0
    return members.cast(MEMBER_SCHEMA), repairs


def _worst_status(current: pa.Array, new: pa.Array) -> pa.Array:
    """Combine per-column statuses: repaired wins over suspected, which wins over clean."""
    repaired = pc.or_kleene(pc.equal(current, REPAIRED), pc.equal(new, REPAIRED))
    suspected = pc.or_kleene(pc.equal(current, SUSPECTED), pc.equal(new, SUSPECTED))
    return pc.if_else(
        pc.fill_null(repaired, False),
        REPAIRED,
        pc.if_else(pc.fill_null(suspected, False), SUSPECTED, pa.scalar(None, pa.string())),
    )


def _build_rejected(
    table: pa.Table, text: dict[str, pa.Array], verdicts: _Verdicts, now: datetime
) -> pa.Table:
    rejected_mask = pc.is_valid(verdicts.reason)
    if not pc.any(rejected_mask).as_py():
        return REJECTED_SCHEMA.empty_table()

    rows = table.filter(rejected_mask)
    reasons = pc.filter(verdicts.reason, rejected_mask).to_pylist()
    fields = pc.filter(verdicts.field, rejected_mask).to_pylist()
    details = pc.filter(verdicts.detail, rejected_mask).to_pylist()
    member_ids = pc.filter(pc.utf8_lower(text["login.uuid"]), rejected_mask).to_pylist()
    raw_records = _raw_records(rows)
    sources = rows.column("source").to_pylist()
    numbers = rows.column("record_number").to_pylist()

    return pa.table(
        {
            "rejection_id": [
                rejection_id(source, number, reason, raw)
                for source, number, reason, raw in zip(
                    sources, numbers, reasons, raw_records, strict=True
                )
            ],
            "rejected_at": pa.array([now] * rows.num_rows, UTC_MICROS),
            "source": sources,
            "record_number": pa.array(numbers, pa.int64()),
            "member_id": member_ids,
            "reason": reasons,
            "field": fields,
            "detail": details,
            "raw_record": raw_records,
        },
        schema=REJECTED_SCHEMA,
    )


def _raw_records(rows: pa.Table) -> list[str]:
    """Return each record's original text, or rebuild it from its fields where none was kept."""
    originals: list[str | None] = rows.column("raw_record").to_pylist()
    if all(original is not None for original in originals):
        return [original for original in originals if original is not None]

    fields = rows.select([*RAW_PATHS, LEGACY_MARKER]).to_pylist()
    return [
        original if original is not None else _rebuild_record(record)
        for original, record in zip(originals, fields, strict=True)
    ]


_JSON_TEXT_PATHS = frozenset(field.path for field in RAW_FIELDS if field.kind == "json")


def _rebuild_record(flat: dict[str, str | None]) -> str:
    nested: dict[str, object] = {}
    for path, text in flat.items():
        if text is None:
            continue
        value: object = orjson.Fragment(text) if path in _JSON_TEXT_PATHS else text
        node = nested
        *parents, leaf = path.split(".")
        for parent in parents:
            child = node.setdefault(parent, {})
            assert isinstance(child, dict)
            node = child
        node[leaf] = value
    return orjson.dumps(nested).decode()


def _count_by_reason(rejected: pa.Table) -> dict[str, int]:
    if rejected.num_rows == 0:
        return {}
    counts = rejected.group_by("reason").aggregate([("reason", "count")])
    reasons = counts.column("reason").to_pylist()
    return dict(zip(reasons, counts.column("reason_count").to_pylist(), strict=True))


# The randomuser.me path of each member column.
MEMBER_TO_RAW_PATH: dict[str, str] = {
    "member_id": "login.uuid",
    "title": "name.title",
    "first_name": "name.first",
    "last_name": "name.last",
    "gender": "gender",
    "email": "email",
    "username": "login.username",
    "date_of_birth": "dob.date",
    "registered_at": "registered.date",
    "phone": "phone",
    "cell": "cell",
    "picture_url": "picture.large",
    "street_number": "location.street.number",
    "street_name": "location.street.name",
    "city": "location.city",
    "state": "location.state",
    "country": "location.country",
    "postcode": "location.postcode",
    "nationality": "nat",
    "latitude": "location.coordinates.latitude",
    "longitude": "location.coordinates.longitude",
    "timezone_offset": "location.timezone.offset",
}
_RAW_PATH_TO_MEMBER = {path: column for column, path in MEMBER_TO_RAW_PATH.items()}


def validate_members(
    members: pa.Table,
    now: datetime,
    source: str | pa.Array,
    record_numbers: pa.Array | None = None,
) -> NormalisedBatch:
    """Apply the member rules to rows that arrive already normalised, in ``MEMBER_SCHEMA``.

    The rows go through ``normalise_members`` itself, so a member produced by one engine and
    checked again by another meets exactly the same rules. A rejection names the member column
    that failed (``date_of_birth``, not ``dob.date``) and keeps the row as JSON. ``source`` and
    ``record_numbers`` name where each row came from, such as a topic partition and its offsets;
    the default numbers are the 1-based row positions. A text repair flag that the row already
    carries is kept.
    """
    members = members.select(MEMBER_SCHEMA.names)
    batch = normalise_members(_as_raw_records(members, source, record_numbers), now)
    if members.num_rows == 0:
        return batch
    batch.members = _keep_encoding_flags(batch.members, members.filter(batch.accepted))
    rejected_rows = members.filter(pc.invert(batch.accepted))
    batch.rejected = _with_member_records(_with_member_fields(batch.rejected), rejected_rows)
    return batch


def _as_raw_records(
    members: pa.Table, source: str | pa.Array, record_numbers: pa.Array | None
) -> pa.Table:
    """Lay normalised rows out as raw records, with the row itself as the raw record."""
    size = members.num_rows
    columns: dict[str, pa.Array] = {}
    for column, path in MEMBER_TO_RAW_PATH.items():
        values = members.column(column).combine_chunks()
        if pa.types.is_timestamp(values.type):
            values = pc.strftime(values, format="%Y-%m-%dT%H:%M:%SZ")
        columns[path] = pc.cast(values, pa.string())

    numbers = record_numbers if record_numbers is not None else pa.array(range(1, size + 1))
    sources = source if isinstance(source, pa.Array) else pa.array([source] * size, pa.string())
    metadata = {
        "source": sources,
        "record_number": pc.cast(numbers, pa.int64()),
        # Filled in for the rejected rows only, afterwards: most rows are accepted.
        "raw_record": pa.nulls(size, pa.string()),
    }
    return pa.table(
        [
            columns.get(name, metadata.get(name, pa.nulls(size, RAW_SCHEMA.field(name).type)))
            for name in RAW_SCHEMA.names
        ],
        schema=RAW_SCHEMA,
    )


def _rows_as_json(members: pa.Table) -> list[str]:
    return [orjson.dumps(row).decode() for row in members.to_pylist()]


def _with_member_records(rejected: pa.Table, rows: pa.Table) -> pa.Table:
    """Keep each rejected row as JSON of its member columns, and derive its id from that."""
    if rejected.num_rows == 0:
        return rejected
    raw_records = _rows_as_json(rows)
    ids = [
        rejection_id(source, number, reason, raw)
        for source, number, reason, raw in zip(
            rejected.column("source").to_pylist(),
            rejected.column("record_number").to_pylist(),
            rejected.column("reason").to_pylist(),
            raw_records,
            strict=True,
        )
    ]
    for name, values in (("raw_record", raw_records), ("rejection_id", ids)):
        index = rejected.schema.get_field_index(name)
        rejected = rejected.set_column(
            index, rejected.schema.field(index), pa.array(values, pa.string())
        )
    return rejected


def _keep_encoding_flags(validated: pa.Table, received: pa.Table) -> pa.Table:
    """Keep the stronger of the received and the newly found text encoding flag."""
    index = validated.schema.get_field_index("text_encoding_issue")
    flags = _worst_status(
        received.column("text_encoding_issue").combine_chunks(),
        validated.column(index).combine_chunks(),
    )
    return validated.set_column(index, validated.schema.field(index), flags)


def _with_member_fields(rejected: pa.Table) -> pa.Table:
    """Name the member column in each rejection instead of the randomuser.me path."""
    if rejected.num_rows == 0:
        return rejected
    paths = rejected.column("field").to_pylist()
    fields = pa.array([_RAW_PATH_TO_MEMBER.get(path, path) for path in paths], pa.string())
    index = rejected.schema.get_field_index("field")
    return rejected.set_column(index, rejected.schema.field(index), fields)
