"""Turn JSON text into raw record batches (``RAW_SCHEMA``) with DuckDB's JSON reader.

DuckDB extracts every randomuser.me field as a JSON fragment (``"male"``, ``12345``, ``null``),
so the JSON type of each value survives extraction. A number where the API sends numbers is
kept as its text. An object where a string belongs becomes a ``wrong_type`` rejection instead
of being turned into a string. Two readers share the decoding:

* ``read_ndjson_file`` lets DuckDB read a whole NDJSON file in parallel. This is the fast path.
* ``read_json_lines`` works on lines that Python already split, one query per chunk, and
  reports invalid JSON and non-object lines per record. Files whose fast read fails, response
  documents and API pages use it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from memberanalyzer.batching import gather
from memberanalyzer.members.reasons import RejectReason
from memberanalyzer.members.schema import (
    CONTAINER_PATHS,
    LEGACY_MARKER,
    RAW_FIELDS,
    RAW_SCHEMA,
    raw_nested_structure,
)

__all__ = ["decode_fragments", "read_json_lines", "read_ndjson_file"]

log = logging.getLogger(__name__)

_LEAF_STRUCTURE = raw_nested_structure("JSON")
_STRING_START = '"'
_NUMBER_START = r"^-?[0-9]"


def _duckdb_type(node: object) -> str:
    if isinstance(node, str):
        return node
    assert isinstance(node, dict)
    members = ", ".join(f'"{name}" {_duckdb_type(child)}' for name, child in node.items())
    return f"STRUCT({members})"


def _columns_argument() -> str:
    """DuckDB ``columns={...}`` text for read_json: top-level name to its nested type."""
    items = ", ".join(
        f"'{name}': '{_duckdb_type(child)}'" for name, child in _LEAF_STRUCTURE.items()
    )
    return "{" + items + "}"


_COLUMNS = _columns_argument()
_STRUCTURE_JSON = json.dumps(_LEAF_STRUCTURE)
_CONTAINER_JSON_PATHS = [f"$.{path}" for path in CONTAINER_PATHS]
# DuckDB's json_type names and the JSON names used in rejection details.
_CONTAINER_KINDS = {
    "VARCHAR": "string",
    "BIGINT": "number",
    "UBIGINT": "number",
    "DOUBLE": "number",
    "BOOLEAN": "boolean",
    "ARRAY": "array",
}


def read_ndjson_file(
    connection: duckdb.DuckDBPyConnection, path: str, source: str, batch_size: int
) -> Iterator[pa.RecordBatch]:
    """Read an NDJSON file with DuckDB's parallel reader, in raw batches of ``batch_size``.

    Raises ``duckdb.InvalidInputException`` (or, once streaming, an Arrow ``OSError``) when a
    line is not JSON or a nested value has the wrong type, such as a string where ``dob``
    should be an object. Raises ``NeedsLineByLine`` when a line may be ``null``, because DuckDB
    reads that as a record of nulls. The caller then reads the rest of the file with
    ``read_json_lines``, which rejects those records one by one with their reason.
    """
    query = (
        "SELECT * FROM read_json(?, format = 'newline_delimited', "
        f"columns = {_COLUMNS}, maximum_object_size = 16777216)"
    )
    reader = connection.sql(query, params=[path]).to_arrow_reader(batch_size)
    first_record = 1
    for table in gather(reader, batch_size):
        flat = _flatten(table)
        if _has_empty_rows(flat):
            raise NeedsLineByLine(f"{path}: a record has no field at all")
        numbers = pa.array(range(first_record, first_record + flat.num_rows), pa.int64())
        first_record += flat.num_rows
        yield decode_fragments(flat, source, numbers, raw_records=None)


class NeedsLineByLine(Exception):
    """The fast reader met a record it cannot tell apart from a non-object line."""


def _has_empty_rows(flat: pa.Table) -> bool:
    """True when some row has no field at all: a `null` line, or an empty object `{}`."""
    empty = pc.is_null(flat.column(0))
    for column in flat.columns[1:]:
        empty = pc.and_(empty, pc.is_null(column))
    return bool(pc.any(empty).as_py())


def read_json_lines(
    connection: duckdb.DuckDBPyConnection,
    lines: Sequence[str],
    source: str,
    first_record: int = 1,
    record_numbers: Sequence[int] | None = None,
) -> pa.RecordBatch:
    """Parse JSON texts, one record each, into one raw batch.

    A text that is not valid JSON or not an object becomes a record with ``parse_error`` set,
    so the member rules reject it with its reason instead of losing it.
    """
    if not lines:
        return pa.RecordBatch.from_pylist([], schema=RAW_SCHEMA)
    numbers = (
        list(record_numbers)
        if record_numbers is not None
        else list(range(first_record, first_record + len(lines)))
    )
    connection.register("texts", pa.table({"line": pa.array(lines, pa.string())}))
    # CASE guards every JSON function with the row's own validity: DuckDB does not stop
    # evaluating an AND early, so json_type on an invalid line would fail the whole query.
    parsed = connection.sql(
        f"""
        WITH checked AS (
            SELECT line, CASE WHEN json_valid(line) THEN json_type(line) END AS root_type
            FROM texts
        )
        SELECT
            root_type IS NOT NULL AS valid,
            root_type,
            CASE WHEN root_type = 'OBJECT'
                 THEN json_type(line, {_CONTAINER_JSON_PATHS}) END AS container_types,
            CASE WHEN root_type = 'OBJECT'
                 THEN json_transform(line, '{_STRUCTURE_JSON}') END AS record
        FROM checked
        """
    ).to_arrow_table()
    connection.unregister("texts")

    record = parsed.column("record").combine_chunks()
    fields = pa.Table.from_arrays(record.flatten(), names=[f.name for f in record.type])
    batch = decode_fragments(_flatten(fields), source, pa.array(numbers, pa.int64()), lines)
    return _with_parse_errors(batch, parsed, lines)


def _flatten(table: pa.Table) -> pa.Table:
    """Flatten nested structs into columns named by their dotted path."""
    while any(pa.types.is_struct(column.type) for column in table.columns):
        table = table.flatten()
    return table


def decode_fragments(
    fragments: pa.Table,
    source: str,
    record_numbers: pa.Array,
    raw_records: Sequence[str] | None,
) -> pa.RecordBatch:
    """Decode JSON fragments into field text and collect the paths whose type is not allowed."""
    size = fragments.num_rows
    columns: dict[str, pa.Array] = {}
    wrong_type: list[tuple[str, pa.Array, pa.Array]] = []
    for raw_field in RAW_FIELDS:
        fragment = fragments.column(raw_field.path).combine_chunks()
        values, bad_type = _decode_leaf(fragment, raw_field.kind)
        columns[raw_field.path] = values
        wrong_type.append((raw_field.path, bad_type, fragment))

    columns[LEGACY_MARKER] = pc.cast(fragments.column(LEGACY_MARKER).combine_chunks(), pa.string())
    columns["type_errors"] = _type_error_lists(size, wrong_type)
    columns["parse_error"] = pa.nulls(size, pa.string())
    columns["parse_error_detail"] = pa.nulls(size, pa.string())
    columns["source"] = pa.array([source] * size, pa.string())
    columns["record_number"] = record_numbers
    columns["raw_record"] = (
        pa.array(raw_records, pa.string())
        if raw_records is not None
        else pa.nulls(size, pa.string())
    )
    return pa.RecordBatch.from_pydict(columns, schema=RAW_SCHEMA)


def _decode_leaf(fragments: pa.Array, kind: str) -> tuple[pa.Array, pa.Array]:
    """Return the text of each JSON fragment and a mask of fragments whose type is not allowed.

    Strings lose their quotes, numbers keep their literal text (where ``kind`` allows them),
    and anything else (true, false, objects, arrays) is a wrong type. ``json`` leaves are
    returned unchanged.
    """
    text = pc.cast(fragments, pa.string())
    if kind == "json":
        return text, pa.array([False] * len(text))

    is_string = pc.fill_null(pc.starts_with(text, _STRING_START), False)
    values = pc.if_else(
        is_string, pc.utf8_slice_codeunits(text, 1, -1), pa.scalar(None, pa.string())
    )
    allowed = is_string
    if kind == "number_or_text":
        is_number = pc.fill_null(pc.match_substring_regex(text, _NUMBER_START), False)
        values = pc.if_else(is_number, text, values)
        allowed = pc.or_(is_string, is_number)
    bad_type = pc.and_not(pc.is_valid(text), allowed)

    escaped = pc.fill_null(pc.match_substring(text, "\\"), False)
    if pc.any(escaped).as_py():
        values = _unescape(values, text, pc.and_(escaped, is_string))
    return values, bad_type


def _json_kinds(fragments: pa.Array) -> pa.Array:
    """Name the JSON type of each fragment by its first character: object, array, ..."""
    first = pc.utf8_slice_codeunits(pc.cast(fragments, pa.string()), 0, 1)
    names = {"{": "object", "[": "array", "t": "boolean", "f": "boolean", '"': "string"}
    kinds = pa.array(list(names.values()), pa.string())
    positions = pc.index_in(first, value_set=pa.array(list(names.keys()), pa.string()))
    return pc.fill_null(pc.take(kinds, positions), "number")


def _unescape(values: pa.Array, fragments: pa.Array, escaped: pa.Array) -> pa.Array:
    """Decode JSON escapes (\\u00e9, \\") in the few strings that have them."""
    decoded = values.to_pylist()
    for position in pc.indices_nonzero(escaped).to_pylist():
        decoded[position] = json.loads(fragments[position].as_py())
    return pa.array(decoded, pa.string())


def _type_error_lists(size: int, leaf_errors: list[tuple[str, pa.Array, pa.Array]]) -> pa.Array:
    """Build each record's list of "path:received JSON type" entries.

    ``leaf_errors`` holds, per path, the mask of values with a wrong type and the fragments.
    """
    any_error = pa.array([False] * size)
    for _, bad, _ in leaf_errors:
        any_error = pc.or_(any_error, bad)
    if not pc.any(any_error).as_py():
        return pa.array([[]] * size, pa.list_(pa.string()))

    lists: list[list[str]] = [[] for _ in range(size)]
    for path, bad, fragments in leaf_errors:
        positions = pc.indices_nonzero(bad).to_pylist()
        if not positions:
            continue
        # Named only where needed: naming every fragment's type costs more than decoding it.
        kinds = _json_kinds(fragments)
        for position in positions:
            lists[position].append(f"{path}:{kinds[position].as_py()}")
    return pa.array(lists, pa.list_(pa.string()))


def _with_parse_errors(
    batch: pa.RecordBatch, parsed: pa.Table, lines: Sequence[str]
) -> pa.RecordBatch:
    """Mark records that are not valid JSON or not objects, and containers of the wrong type."""
    if _all_well_formed(parsed):
        return batch
    valid = parsed.column("valid").to_pylist()
    root_types = parsed.column("root_type").to_pylist()
    container_types = parsed.column("container_types").to_pylist()

    parse_errors: list[str | None] = []
    details: list[str | None] = []
    type_errors = batch.column("type_errors").to_pylist()
    for position, (is_valid, root_type, types) in enumerate(
        zip(valid, root_types, container_types, strict=True)
    ):
        error, detail = _parse_error(is_valid, root_type, lines[position])
        parse_errors.append(error)
        details.append(detail)
        if types is not None:
            wrong = [
                f"{path}:{_CONTAINER_KINDS.get(kind, kind.lower())}"
                for path, kind in zip(CONTAINER_PATHS, types, strict=True)
                if kind not in (None, "OBJECT", "NULL")
            ]
            type_errors[position] = wrong + type_errors[position]

    columns = {name: batch.column(name) for name in batch.schema.names}
    columns["parse_error"] = pa.array(parse_errors, pa.string())
    columns["parse_error_detail"] = pa.array(details, pa.string())
    columns["type_errors"] = pa.array(type_errors, pa.list_(pa.string()))
    return pa.RecordBatch.from_pydict(columns, schema=RAW_SCHEMA)


def _all_well_formed(parsed: pa.Table) -> bool:
    """True when every text is a JSON object whose containers are objects or absent."""
    root_types = parsed.column("root_type")
    if root_types.null_count or not pc.all(pc.equal(root_types, "OBJECT")).as_py():
        return False
    container_types = pc.list_flatten(parsed.column("container_types"))
    known = pc.is_in(container_types, value_set=pa.array(["OBJECT", "NULL"]))
    return bool(pc.all(pc.or_kleene(known, pc.is_null(container_types))).as_py())


def _parse_error(
    is_valid: bool | None, root_type: str | None, line: str
) -> tuple[str | None, str | None]:
    if not is_valid:
        try:
            json.loads(line)
        except json.JSONDecodeError as error:
            return (
                RejectReason.INVALID_JSON.value,
                f"not valid JSON: {error.msg} (column {error.colno})",
            )
        return RejectReason.INVALID_JSON.value, "not valid JSON"
    if root_type != "OBJECT":
        return RejectReason.NOT_AN_OBJECT.value, f"expected a JSON object, got {root_type}"
    return None, None
