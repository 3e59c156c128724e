"""Validation rules: each bad input is rejected with its reason, and good records are kept."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.compute as pc
import pytest

from memberanalyzer.members.rules import NormalisedBatch, normalise_members
from memberanalyzer.sources.json_records import read_json_lines

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)

Record = dict[str, Any]


@pytest.fixture(scope="module")
def good_records(samples: Path) -> list[Record]:
    document = json.loads((samples / "smanuk_sm-people-facade_500_v1.3.json").read_text())
    return list(document["results"][:5])


def normalise_lines(lines: list[str]) -> NormalisedBatch:
    connection = duckdb.connect()
    try:
        batch = read_json_lines(connection, lines, "test-input")
    finally:
        connection.close()
    return normalise_members(batch, NOW)


def mutated(record: Record, change: Callable[[Record], None]) -> str:
    copied = copy.deepcopy(record)
    change(copied)
    return json.dumps(copied, ensure_ascii=False)


def set_path(path: str, value: object) -> Callable[[Record], None]:
    def change(record: Record) -> None:
        *parents, leaf = path.split(".")
        node = record
        for parent in parents:
            node = node[parent]
        node[leaf] = value

    return change


def delete_path(path: str) -> Callable[[Record], None]:
    def change(record: Record) -> None:
        *parents, leaf = path.split(".")
        node = record
        for parent in parents:
            node = node[parent]
        del node[leaf]

    return change


BAD_RECORDS: list[tuple[str, Callable[[Record], None], str, str | None]] = [
    # (case, change to a valid record, expected reason, expected field)
    ("missing gender", delete_path("gender"), "missing_field", "gender"),
    ("empty first name", set_path("name.first", "  "), "missing_field", "name.first"),
    ("missing e-mail", delete_path("email"), "missing_field", "email"),
    ("missing city", delete_path("location.city"), "missing_field", "location.city"),
    ("missing nationality", delete_path("nat"), "missing_field", "nat"),
    ("missing birth date", delete_path("dob.date"), "missing_field", "dob.date"),
    ("gender as number", set_path("gender", 5), "wrong_type", "gender"),
    ("dob as string", set_path("dob", "1990-01-01"), "wrong_type", "dob"),
    ("city as object", set_path("location.city", {"x": 1}), "wrong_type", "location.city"),
    ("e-mail as list", set_path("email", ["a@b.c"]), "wrong_type", "email"),
    ("unknown gender", set_path("gender", "robot"), "unknown_gender", "gender"),
    ("malformed e-mail", set_path("email", "not-an-email"), "invalid_email", "email"),
    ("e-mail with space", set_path("email", "a b@example.com"), "invalid_email", "email"),
    ("three-letter nationality", set_path("nat", "GBR"), "invalid_nationality", "nat"),
    ("malformed uuid", set_path("login.uuid", "1234"), "invalid_member_id", "login.uuid"),
    ("unparseable birth date", set_path("dob.date", "yesterday"), "invalid_date", "dob.date"),
    ("impossible birth date", set_path("dob.date", "2020-02-30"), "invalid_date", "dob.date"),
    (
        "unparseable registration",
        set_path("registered.date", "2014-13-01T00:00:00Z"),
        "invalid_date",
        "registered.date",
    ),
    (
        "birth in the future",
        set_path("dob.date", "2999-01-01T00:00:00.000Z"),
        "birth_in_future",
        "dob.date",
    ),
    (
        "registration in the future",
        set_path("registered.date", "2999-01-01T00:00:00.000Z"),
        "registered_in_future",
        "registered.date",
    ),
    (
        "registration before birth",
        set_path("registered.date", "1900-01-01T00:00:00.000Z"),
        "registered_before_birth",
        "registered.date",
    ),
    (
        "latitude out of range",
        set_path("location.coordinates.latitude", "95.5"),
        "invalid_coordinates",
        "location.coordinates.latitude",
    ),
    (
        "longitude not a number",
        set_path("location.coordinates.longitude", "east"),
        "invalid_coordinates",
        "location.coordinates.longitude",
    ),
    (
        "timezone offset out of range",
        set_path("location.timezone.offset", "+25:00"),
        "invalid_timezone_offset",
        "location.timezone.offset",
    ),
]


@pytest.mark.parametrize(
    ("change", "reason", "field"),
    [case[1:] for case in BAD_RECORDS],
    ids=[case[0] for case in BAD_RECORDS],
)
def test_bad_record_rejected_with_reason(
    good_records: list[Record], change: Callable[[Record], None], reason: str, field: str
) -> None:
    result = normalise_lines([mutated(good_records[0], change)])

    rejection = result.rejected.to_pylist()[0]
    assert rejection["reason"] == reason
    assert rejection["field"] == field
    assert result.members.num_rows == 0


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"gender": "male", "name": ', "invalid_json"),
        ("[1, 2]", "not_an_object"),
        ('"just a string"', "not_an_object"),
        ('{"user": {"gender": "male", "name": {"first": "jeff"}}}', "unsupported_version"),
    ],
    ids=["truncated JSON", "array", "string", "legacy 0.x shape"],
)
def test_unreadable_record_rejected_with_reason(line: str, reason: str) -> None:
    result = normalise_lines([line])
    assert result.rejected.column("reason").to_pylist() == [reason]


def test_rejected_record_keeps_raw_text(good_records: list[Record]) -> None:
    line = mutated(good_records[0], set_path("gender", "robot"))

    result = normalise_lines([line])

    assert result.rejected.column("raw_record").to_pylist() == [line]


def test_good_records_stored_beside_bad_ones(good_records: list[Record]) -> None:
    bad_lines = [mutated(good_records[0], change) for _, change, _, _ in BAD_RECORDS]
    good_lines = [json.dumps(record) for record in good_records]

    result = normalise_lines(bad_lines + good_lines + ["{broken"])

    stored = sorted(result.members.column("member_id").to_pylist())
    assert stored == sorted(record["login"]["uuid"] for record in good_records)
    assert result.rejected.num_rows == len(bad_lines) + 1


def test_rejections_counted_per_reason(good_records: list[Record]) -> None:
    lines = [
        mutated(good_records[0], set_path("gender", "robot")),
        mutated(good_records[1], set_path("gender", "x")),
        mutated(good_records[2], set_path("email", "nope")),
    ]
    result = normalise_lines(lines)
    assert result.rejected_by_reason == {"unknown_gender": 2, "invalid_email": 1}


def test_missing_uuid_gets_deterministic_member_id(good_records: list[Record]) -> None:
    line = mutated(good_records[0], delete_path("login.uuid"))

    first = normalise_lines([line]).members.column("member_id").to_pylist()
    second = normalise_lines([line]).members.column("member_id").to_pylist()

    assert first == second


def test_derived_member_id_differs_per_person(good_records: list[Record]) -> None:
    lines = [mutated(record, delete_path("login.uuid")) for record in good_records[:2]]
    ids = normalise_lines(lines).members.column("member_id").to_pylist()
    assert ids[0] != ids[1]


def test_gender_case_is_normalised(good_records: list[Record]) -> None:
    line = mutated(good_records[0], set_path("gender", "Female"))
    assert normalise_lines([line]).members.column("gender").to_pylist() == ["female"]


def test_numeric_postcode_becomes_text(good_records: list[Record]) -> None:
    line = mutated(good_records[0], set_path("location.postcode", 4021))
    assert normalise_lines([line]).members.column("postcode").to_pylist() == ["4021"]


def test_text_postcode_keeps_leading_zero(good_records: list[Record]) -> None:
    line = mutated(good_records[0], set_path("location.postcode", "0150"))
    assert normalise_lines([line]).members.column("postcode").to_pylist() == ["0150"]


def test_city_with_comma_stays_one_field(good_records: list[Record]) -> None:
    line = mutated(good_records[0], set_path("location.city", "Washington, D.C."))
    members = normalise_lines([line]).members
    assert members.column("city").to_pylist() == ["Washington, D.C."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1958-06-23T03:40:17.665Z", datetime(1958, 6, 23, 3, 40, 17, 665000, tzinfo=UTC)),
        ("1958-06-23T03:40:17Z", datetime(1958, 6, 23, 3, 40, 17, tzinfo=UTC)),
        ("1952-02-08", datetime(1952, 2, 8, tzinfo=UTC)),
        ("1958-06-23T05:40:17+02:00", datetime(1958, 6, 23, 3, 40, 17, tzinfo=UTC)),
    ],
)
def test_birth_date_formats_become_utc_instants(
    good_records: list[Record], text: str, expected: datetime
) -> None:
    line = mutated(good_records[0], set_path("dob.date", text))
    births = normalise_lines([line]).members.column("date_of_birth").to_pylist()
    assert births == [expected]


def test_api_age_is_ignored(good_records: list[Record]) -> None:
    line = mutated(good_records[0], set_path("dob.age", 999))
    assert "age" not in normalise_lines([line]).members.column_names


def test_windows_1251_mojibake_repaired(good_records: list[Record]) -> None:
    line = mutated(good_records[0], set_path("location.city", "MГЎlaga"))

    members = normalise_lines([line]).members

    assert members.column("city").to_pylist() == ["Málaga"]
    assert members.column("text_encoding_issue").to_pylist() == ["repaired"]


def test_latin1_mojibake_repaired(good_records: list[Record]) -> None:
    line = mutated(good_records[0], set_path("name.last", "MÃ¼ller"))
    assert normalise_lines([line]).members.column("last_name").to_pylist() == ["Müller"]


def test_cyrillic_text_left_unchanged(good_records: list[Record]) -> None:
    line = mutated(good_records[0], set_path("location.city", "Київ"))

    members = normalise_lines([line]).members

    assert members.column("city").to_pylist() == ["Київ"]
    assert pc.all(pc.is_null(members.column("text_encoding_issue"))).as_py()


def test_wrong_type_detail_names_both_types(good_records: list[Record]) -> None:
    line = mutated(good_records[0], set_path("location", "Oslo"))
    details = normalise_lines([line]).rejected.column("detail").to_pylist()
    assert details == ["expected an object, got a JSON string"]
