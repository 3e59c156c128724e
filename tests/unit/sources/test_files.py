"""Tests for JsonFileSource on the real randomuser.me samples and on files written to tmp_path."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pytest

from memberanalyzer.errors import InputFormatError
from memberanalyzer.members.rules import NormalisedBatch, normalise_members
from memberanalyzer.members.schema import RAW_SCHEMA
from memberanalyzer.sources.files import JsonFileSource, detect_format

NOW = datetime(2026, 6, 1, tzinfo=UTC)

# Number of users in each sample file's results array.
SAMPLE_COUNTS = {
    "codeacademyuz_randomuser_1_v1.4.json": 1,
    "codeacademyuz_randomusers_111_v1.4.json": 111,
    "golubeykov_random-users_10_v1.3.json": 10,
    "smanuk_sm-people-facade_500_v1.3.json": 500,
    "tehapo_inbox-demo_100_legacy-0.x.json": 100,
    "tiffanyobi_parsingjsonlab_50_v1.3.json": 50,
}
LEGACY_SAMPLE = "tehapo_inbox-demo_100_legacy-0.x.json"
HAND_EDITED_SAMPLE = "tiffanyobi_parsingjsonlab_50_v1.3.json"
CURRENT_SAMPLES = sorted(set(SAMPLE_COUNTS) - {LEGACY_SAMPLE})
CLEAN_SAMPLES = sorted(set(CURRENT_SAMPLES) - {HAND_EDITED_SAMPLE})

LAYOUTS = ("response", "array", "ndjson")
UTF8_BOM = b"\xef\xbb\xbf"


def write_records(path: Path, records: list[Any], layout: str) -> Path:
    """Write ``records`` as a pretty response object, a one-line array or NDJSON."""
    if layout == "response":
        path.write_text(json.dumps({"results": records}, indent=2, ensure_ascii=False), "utf-8")
    elif layout == "array":
        path.write_bytes(orjson.dumps(records))
    else:
        path.write_bytes(b"\n".join(orjson.dumps(record) for record in records) + b"\n")
    return path


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def ndjson_lines(records: list[Any]) -> list[str]:
    return [json.dumps(record, ensure_ascii=False) for record in records]


def read_table(path: Path, batch_size: int = 100_000) -> pa.Table:
    batches = list(JsonFileSource(path, batch_size=batch_size).batches())
    return pa.Table.from_batches(batches, schema=RAW_SCHEMA)


def normalise_file(path: Path) -> NormalisedBatch:
    return normalise_members(read_table(path), NOW)


def rejections(result: NormalisedBatch) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = result.rejected.select(
        ["record_number", "reason", "field"]
    ).to_pylist()
    return rows


def with_value(record: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    """Return a deep copy of ``record`` with ``value`` at the dotted ``path``."""
    changed = copy.deepcopy(record)
    *parents, leaf = path.split(".")
    node = changed
    for parent in parents:
        node = node[parent]
    node[leaf] = value
    return changed


@pytest.mark.parametrize("name", sorted(SAMPLE_COUNTS))
def test_file_sample_record_count(samples: Path, name: str) -> None:
    table = read_table(samples / name)

    assert table.num_rows == SAMPLE_COUNTS[name]


@pytest.mark.parametrize("name", sorted(SAMPLE_COUNTS))
def test_file_sample_record_numbers(samples: Path, name: str) -> None:
    table = read_table(samples / name)

    assert table.column("record_number").to_pylist() == list(range(1, SAMPLE_COUNTS[name] + 1))
    assert set(table.column("source").to_pylist()) == {str(samples / name)}


def test_file_sample_list_complete(sample_files: list[Path]) -> None:
    assert [path.name for path in sample_files] == sorted(SAMPLE_COUNTS)


@pytest.mark.parametrize("name", CLEAN_SAMPLES)
def test_file_clean_sample_has_no_rejection(samples: Path, name: str) -> None:
    result = normalise_file(samples / name)

    assert rejections(result) == []
    assert result.members.num_rows == SAMPLE_COUNTS[name]


def test_file_hand_edited_dates_parse(samples: Path) -> None:
    # 47 of the 50 birth dates are date-only strings. Record 48 contains "1954-11-22T",
    # which is neither a date nor a date-time.
    result = normalise_file(samples / HAND_EDITED_SAMPLE)

    assert result.members.num_rows == 49
    assert rejections(result) == [
        {"record_number": 48, "reason": "invalid_date", "field": "dob.date"}
    ]


def test_file_legacy_sample_rejected(samples: Path) -> None:
    result = normalise_file(samples / LEGACY_SAMPLE)

    assert result.members.num_rows == 0
    assert result.rejected_by_reason == {"unsupported_version": 100}
    assert set(result.rejected.column("field").to_pylist()) == {"user"}


def test_file_document_batches_number_records(sample_500_file: Path) -> None:
    batches = list(JsonFileSource(sample_500_file, batch_size=64).batches())
    numbers = [number for batch in batches for number in batch.column("record_number").to_pylist()]

    assert [batch.num_rows for batch in batches] == [64] * 7 + [52]
    assert numbers == list(range(1, 501))


@pytest.mark.parametrize("layout", ["array", "ndjson"])
@pytest.mark.parametrize("name", CURRENT_SAMPLES)
def test_file_layout_gives_same_members(
    samples: Path, tmp_path: Path, name: str, layout: str
) -> None:
    response = samples / name
    records = json.loads(response.read_bytes())["results"]
    variant = write_records(tmp_path / f"members.{layout}", records, layout)

    expected = normalise_file(response).members.sort_by("member_id")
    actual = normalise_file(variant).members.sort_by("member_id")

    assert actual.equals(expected)


def test_file_ndjson_record_numbers_are_lines(
    tmp_path: Path, sample_500_records: list[dict[str, Any]]
) -> None:
    path = write_records(tmp_path / "members.ndjson", sample_500_records, "ndjson")

    table = read_table(path, batch_size=128)

    assert table.column("record_number").to_pylist() == list(range(1, 501))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('{"results": [{"gender": "male"}]}\n', "document", id="one-line-response"),
        pytest.param('{\n  "results": []\n}\n', "document", id="pretty-response"),
        pytest.param('[{"gender": "male"}]', "document", id="array"),
        pytest.param('\n  [\n{"gender": "male"}\n]', "document", id="array-after-blanks"),
        pytest.param('{"gender": "male"}\n{"gender": "female"}\n', "ndjson", id="ndjson"),
        pytest.param('{"gender": "male"}', "ndjson", id="ndjson-one-record"),
    ],
)
def test_file_detect_format(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "members.json"
    path.write_text(text, "utf-8")

    assert detect_format(path) == expected


def test_file_one_line_response_loads(
    tmp_path: Path, sample_500_records: list[dict[str, Any]]
) -> None:
    path = tmp_path / "response.json"
    path.write_bytes(orjson.dumps({"results": sample_500_records[:10], "info": {}}))

    table = read_table(path)

    assert table.num_rows == 10
    assert table.column("parse_error").null_count == 10


def test_file_ndjson_invalid_line_rejected(
    tmp_path: Path, sample_500_records: list[dict[str, Any]]
) -> None:
    lines = ndjson_lines(sample_500_records[:10])
    lines.insert(5, '{"gender": "male", ')
    path = write_lines(tmp_path / "members.ndjson", lines)

    result = normalise_file(path)

    assert rejections(result) == [{"record_number": 6, "reason": "invalid_json", "field": None}]
    assert result.members.num_rows == 10


def test_file_ndjson_non_object_line_rejected(
    tmp_path: Path, sample_500_records: list[dict[str, Any]]
) -> None:
    lines = ndjson_lines(sample_500_records[:10])
    lines.insert(5, "[1,2]")
    path = write_lines(tmp_path / "members.ndjson", lines)

    result = normalise_file(path)

    assert rejections(result) == [{"record_number": 6, "reason": "not_an_object", "field": None}]
    assert result.members.num_rows == 10


def test_file_ndjson_null_line_rejected(
    tmp_path: Path, sample_500_records: list[dict[str, Any]]
) -> None:
    lines = ndjson_lines(sample_500_records[:4])
    lines.insert(2, "null")
    path = write_lines(tmp_path / "members.ndjson", lines)

    result = normalise_file(path)

    assert rejections(result) == [{"record_number": 3, "reason": "not_an_object", "field": None}]


def test_file_fallback_numbers_file_lines(
    tmp_path: Path, sample_500_records: list[dict[str, Any]]
) -> None:
    # The bad line sends the read to the line-by-line reader, which numbers file lines.
    first, second, third = ndjson_lines(sample_500_records[:3])
    path = write_lines(tmp_path / "members.ndjson", [first, "", second, "  ", "[1,2]", third])

    table = read_table(path)

    assert table.column("record_number").to_pylist() == [1, 3, 5, 6]


def test_file_large_ndjson_bad_line_rejected(
    tmp_path: Path, sample_500_records: list[dict[str, Any]]
) -> None:
    # With DuckDB 2.0.1 a bad line up to about line 2,000 fails the query at its start, and a
    # later one fails while the batches are read. Line 2,500 takes the second path.
    lines = ndjson_lines(sample_500_records) * 6
    lines.insert(2499, "[1,2]")
    path = write_lines(tmp_path / "members.ndjson", lines)

    table = read_table(path, batch_size=1000)
    parse_errors = table.column("parse_error").to_pylist()
    numbers = table.column("record_number").to_pylist()

    assert numbers == list(range(1, 3002))
    assert [n for n, error in zip(numbers, parse_errors, strict=True) if error] == [2500]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    ("path", "value"),
    [
        pytest.param("gender", 5, id="gender-number"),
        pytest.param("gender", True, id="gender-boolean"),
        pytest.param("dob", "1990-01-01", id="dob-string"),
        pytest.param("location", "Oslo", id="location-string"),
        pytest.param("location.city", {"x": 1}, id="city-object"),
        pytest.param("name.first", ["Ada"], id="first-name-array"),
    ],
)
def test_file_wrong_type_rejected(
    tmp_path: Path,
    sample_500_records: list[dict[str, Any]],
    layout: str,
    path: str,
    value: object,
) -> None:
    records = list(sample_500_records[:3])
    records[1] = with_value(records[1], path, value)
    file = write_records(tmp_path / f"members.{layout}", records, layout)

    result = normalise_file(file)

    assert rejections(result) == [{"record_number": 2, "reason": "wrong_type", "field": path}]
    assert result.members.num_rows == 2


def test_file_ndjson_blank_lines_skipped(
    tmp_path: Path, sample_500_records: list[dict[str, Any]]
) -> None:
    lines = ndjson_lines(sample_500_records[:10])
    spaced = [part for line in lines for part in (line, "", "   ")]
    path = write_lines(tmp_path / "members.ndjson", ["", *spaced])

    result = normalise_file(path)

    assert result.members.num_rows == 10
    assert rejections(result) == []


def test_file_ndjson_bom_accepted(tmp_path: Path, sample_500_records: list[dict[str, Any]]) -> None:
    path = tmp_path / "members.ndjson"
    write_records(path, sample_500_records[:10], "ndjson")
    path.write_bytes(UTF8_BOM + path.read_bytes())

    result = normalise_file(path)

    assert result.members.num_rows == 10
    assert rejections(result) == []


def test_file_ndjson_crlf_accepted(
    tmp_path: Path, sample_500_records: list[dict[str, Any]]
) -> None:
    path = tmp_path / "members.ndjson"
    path.write_bytes(b"\r\n".join(orjson.dumps(r) for r in sample_500_records[:10]) + b"\r\n")

    result = normalise_file(path)

    assert result.members.num_rows == 10
    assert rejections(result) == []


@pytest.mark.parametrize("layout", ["response", "array"])
def test_file_document_bom_accepted(
    tmp_path: Path, sample_500_records: list[dict[str, Any]], layout: str
) -> None:
    path = tmp_path / f"members.{layout}"
    write_records(path, sample_500_records[:10], layout)
    path.write_bytes(UTF8_BOM + path.read_bytes())

    result = normalise_file(path)

    assert result.members.num_rows == 10


@pytest.mark.parametrize(
    ("content", "line"),
    [
        pytest.param(b"gender,name.first\nmale,Ada\n", 1, id="csv"),
        pytest.param(b"\n\n  gender,name.first\nmale,Ada\n", 3, id="csv-after-blank-lines"),
        pytest.param(b"// users\n[]\n", 1, id="comment"),
    ],
)
def test_file_not_json_names_line(tmp_path: Path, content: bytes, line: int) -> None:
    path = tmp_path / "members.csv"
    path.write_bytes(content)

    with pytest.raises(InputFormatError) as raised:
        read_table(path)

    assert raised.value.path == path
    assert raised.value.line == line
    assert f"line {line}" in str(raised.value)


def test_file_truncated_json_names_line(
    tmp_path: Path, sample_500_records: list[dict[str, Any]]
) -> None:
    text = json.dumps({"results": sample_500_records[:3]}, indent=2)
    truncated = text[: len(text) // 2]
    path = tmp_path / "response.json"
    path.write_text(truncated, "utf-8")

    with pytest.raises(InputFormatError) as raised:
        read_table(path)

    assert raised.value.path == path
    assert raised.value.line == truncated.count("\n") + 1


def test_file_json_syntax_error_names_line(
    tmp_path: Path, sample_500_records: list[dict[str, Any]]
) -> None:
    lines = json.dumps({"results": sample_500_records[:3]}, indent=2).splitlines()
    broken = next(i for i, line in enumerate(lines) if line.strip() == '"gender": "female",')
    lines[broken] = lines[broken].replace('"female"', "female")
    path = write_lines(tmp_path / "response.json", lines)

    with pytest.raises(InputFormatError) as raised:
        read_table(path)

    assert raised.value.line == broken + 1


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b" \n\n\t\n", id="whitespace"),
        pytest.param(UTF8_BOM, id="bom-only"),
    ],
)
def test_file_empty_yields_nothing(tmp_path: Path, content: bytes) -> None:
    # An upstream job with nothing to export writes an empty file: zero records, not an error.
    path = tmp_path / "members.ndjson"
    path.write_bytes(content)

    assert read_table(path).num_rows == 0


def test_file_missing_rejected(tmp_path: Path) -> None:
    path = tmp_path / "absent.json"

    with pytest.raises(InputFormatError) as raised:
        read_table(path)

    assert raised.value.path == path


def test_file_empty_array_yields_nothing(tmp_path: Path) -> None:
    path = tmp_path / "members.json"
    path.write_text("[]", "utf-8")

    assert read_table(path).num_rows == 0


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('{\n  "error": "Uh oh"\n}\n', id="pretty"),
        pytest.param(
            '{"error": "Uh oh"}\n',
            id="one-line",
        ),
    ],
)
def test_file_api_error_document_rejected(tmp_path: Path, text: str) -> None:
    path = tmp_path / "response.json"
    path.write_text(text, "utf-8")

    with pytest.raises(InputFormatError, match="Uh oh"):
        read_table(path)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    ("postcode", "expected"),
    [
        pytest.param(12345, "12345", id="number"),
        pytest.param("0150", "0150", id="leading-zero-text"),
        pytest.param("EC1 2AB", "EC1 2AB", id="text"),
    ],
)
def test_file_postcode_arrives_as_text(
    tmp_path: Path,
    sample_500_records: list[dict[str, Any]],
    layout: str,
    postcode: object,
    expected: str,
) -> None:
    record = with_value(sample_500_records[0], "location.postcode", postcode)
    path = write_records(tmp_path / f"members.{layout}", [record], layout)

    table = read_table(path)
    members = normalise_members(table, NOW).members

    assert table.column("location.postcode").to_pylist() == [expected]
    assert members.column("postcode").to_pylist() == [expected]


@pytest.mark.parametrize("layout", ["document", "ndjson"])
def test_file_string_escapes_decoded(
    tmp_path: Path, sample_500_records: list[dict[str, Any]], layout: str
) -> None:
    # The escapes are spliced into the JSON text, so the file contains them as written.
    record = with_value(sample_500_records[0], "location.street.name", "STREET")
    line = json.dumps(record).replace('"STREET"', r'"Caf\u00e9 \"Le Nord\""')
    text = f"[{line}]" if layout == "document" else f"{line}\n{json.dumps(sample_500_records[1])}"
    path = tmp_path / "members.json"
    path.write_text(text + "\n", "utf-8")

    members = normalise_file(path).members

    assert members.column("street_name").to_pylist()[0] == 'Café "Le Nord"'
