"""Normalisation of every real randomuser.me response in the shared samples."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from memberanalyzer.members.rules import normalise_members
from memberanalyzer.sources.files import JsonFileSource

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
PERSIAN_LETTERS = re.compile(r"[\u0600-\u06FF]")


def normalise_file(path: Path) -> tuple[pa.Table, pa.Table]:
    members, rejected = [], []
    for batch in JsonFileSource(path).batches():
        result = normalise_members(batch, NOW)
        members.append(result.members)
        rejected.append(result.rejected)
    return pa.concat_tables(members), pa.concat_tables(rejected)


def raw_results(path: Path) -> list[dict[str, object]]:
    return list(json.loads(path.read_text(encoding="utf-8"))["results"])


@pytest.fixture(scope="module")
def smanuk(samples: Path) -> pa.Table:
    return normalise_file(samples / "smanuk_sm-people-facade_500_v1.3.json")[0]


def test_every_sample_file_loads(sample_files: list[Path]) -> None:
    for path in sample_files:
        members, rejected = normalise_file(path)
        assert members.num_rows + rejected.num_rows == len(raw_results(path)), path.name


def test_current_api_samples_fully_stored(samples: Path) -> None:
    for name in (
        "codeacademyuz_randomuser_1_v1.4.json",
        "codeacademyuz_randomusers_111_v1.4.json",
        "golubeykov_random-users_10_v1.3.json",
        "smanuk_sm-people-facade_500_v1.3.json",
    ):
        members, _ = normalise_file(samples / name)
        assert members.num_rows == len(raw_results(samples / name)), name


def test_legacy_sample_rejected_as_unsupported_version(samples: Path) -> None:
    _, rejected = normalise_file(samples / "tehapo_inbox-demo_100_legacy-0.x.json")
    assert set(rejected.column("reason").to_pylist()) == {"unsupported_version"}


def test_hand_edited_dates_accepted_where_valid(samples: Path) -> None:
    members, rejected = normalise_file(samples / "tiffanyobi_parsingjsonlab_50_v1.3.json")

    # One dob reads "1954-11-22T": a date-time with no time is not valid ISO 8601.
    assert rejected.column("detail").to_pylist() == ["1954-11-22T"]
    assert members.num_rows == 49


def test_date_only_birth_is_midnight_utc(samples: Path) -> None:
    members, _ = normalise_file(samples / "tiffanyobi_parsingjsonlab_50_v1.3.json")
    first = members.filter(pc.equal(members.column("first_name"), "Pihla"))
    assert first.column("date_of_birth").to_pylist() == [datetime(1952, 2, 8, tzinfo=UTC)]


def test_member_ids_are_login_uuids(samples: Path, smanuk: pa.Table) -> None:
    expected = sorted(
        r["login"]["uuid"]  # type: ignore[index]
        for r in raw_results(samples / "smanuk_sm-people-facade_500_v1.3.json")
    )
    assert sorted(smanuk.column("member_id").to_pylist()) == expected


def test_numeric_postcodes_become_text(smanuk: pa.Table) -> None:
    postcodes = smanuk.column("postcode").to_pylist()
    assert "23016" in postcodes


def test_text_postcodes_kept_verbatim(smanuk: pa.Table) -> None:
    assert "I6X 8B8" in smanuk.column("postcode").to_pylist()


def test_null_national_ids_do_not_reject(samples: Path, smanuk: pa.Table) -> None:
    raw = raw_results(samples / "smanuk_sm-people-facade_500_v1.3.json")
    null_ids = sum(1 for record in raw if record["id"]["value"] is None)  # type: ignore[index]
    assert null_ids > 0
    assert smanuk.num_rows == len(raw)


def test_negative_timezone_offsets_normalised(smanuk: pa.Table) -> None:
    offsets = set(smanuk.column("timezone_offset").to_pylist())
    assert {"-03:30", "-12:00", "+00:00"} <= offsets


def test_persian_names_preserved(smanuk: pa.Table) -> None:
    iranians = smanuk.filter(pc.equal(smanuk.column("nationality"), "IR"))
    first_names = iranians.column("first_name").to_pylist()
    assert all(PERSIAN_LETTERS.search(name) for name in first_names)


def test_coordinates_become_floats(smanuk: pa.Table) -> None:
    assert smanuk.schema.field("latitude").type == pa.float64()


def test_mojibake_sample_repaired(samples: Path) -> None:
    members, _ = normalise_file(samples / "golubeykov_random-users_10_v1.3.json")
    cities = members.column("city").to_pylist()
    assert "Málaga" in cities
    assert "MГЎlaga" not in cities


def test_mojibake_sample_flags_repaired_rows(samples: Path) -> None:
    members, _ = normalise_file(samples / "golubeykov_random-users_10_v1.3.json")
    flags = members.column("text_encoding_issue").to_pylist()
    assert flags.count("repaired") == 4


def test_persian_mojibake_repaired_to_persian(samples: Path) -> None:
    members, _ = normalise_file(samples / "golubeykov_random-users_10_v1.3.json")
    iranians = members.filter(pc.equal(members.column("nationality"), "IR"))
    assert all(PERSIAN_LETTERS.search(city) for city in iranians.column("city").to_pylist())


@pytest.fixture
def los_angeles_clock() -> Iterator[None]:
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "America/Los_Angeles"
    time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    time.tzset()


def test_result_independent_of_machine_timezone(
    samples: Path, smanuk: pa.Table, los_angeles_clock: None
) -> None:
    elsewhere, _ = normalise_file(samples / "smanuk_sm-people-facade_500_v1.3.json")
    assert elsewhere.equals(smanuk)
