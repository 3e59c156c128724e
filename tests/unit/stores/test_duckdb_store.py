"""The DuckDB store: upserts, rejected records and distributions, on a real database file."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from memberanalyzer.errors import StoreError
from memberanalyzer.members.age import AgeGroups
from memberanalyzer.members.distributions import DISTRIBUTION_SCHEMA
from memberanalyzer.members.rules import normalise_members
from memberanalyzer.sources.files import JsonFileSource
from memberanalyzer.stores.duckdb_store import DuckDBStore

NOW = datetime(2026, 12, 4, tzinfo=UTC)


@pytest.fixture(scope="module")
def sample_members(samples: Path) -> pa.Table:
    path = samples / "codeacademyuz_randomusers_111_v1.4.json"
    batches = [normalise_members(batch, NOW).members for batch in JsonFileSource(path).batches()]
    return pa.concat_tables(batches)


def with_city(members: pa.Table, city: str) -> pa.Table:
    index = members.schema.get_field_index("city")
    return members.set_column(
        index, members.schema.field(index), pa.array([city] * members.num_rows)
    )


def test_upsert_stores_every_member(store: DuckDBStore, sample_members: pa.Table) -> None:
    store.upsert_members(sample_members)
    assert store.member_count() == sample_members.num_rows


def test_upsert_twice_leaves_store_unchanged(store: DuckDBStore, sample_members: pa.Table) -> None:
    store.upsert_members(sample_members)
    first = store.members()

    store.upsert_members(sample_members)

    assert store.members().equals(first)


def test_upsert_replaces_member_with_same_id(store: DuckDBStore, sample_members: pa.Table) -> None:
    store.upsert_members(sample_members)
    renamed = with_city(sample_members.slice(0, 1), "Tromsø")

    store.upsert_members(renamed)

    stored = store.members()
    row = stored.filter(pc.equal(stored.column("member_id"), renamed["member_id"][0]))
    assert row.column("city").to_pylist() == ["Tromsø"]
    assert store.member_count() == sample_members.num_rows


def test_upsert_keeps_last_duplicate_in_batch(store: DuckDBStore, sample_members: pa.Table) -> None:
    first = sample_members.slice(0, 1)
    later = with_city(first, "Later")

    store.upsert_members(pa.concat_tables([first, later]))

    assert store.members().column("city").to_pylist() == ["Later"]


def test_timestamps_read_back_as_utc(store: DuckDBStore, sample_members: pa.Table) -> None:
    store.upsert_members(sample_members)
    assert store.members().schema.field("date_of_birth").type.tz == "UTC"


def gender_row(day: date, gender: str, count: int) -> pa.Table:
    """One distribution row: all members of ``day`` have ``gender``."""
    return pa.table(
        {
            "as_of": [day],
            "dimension": ["gender"],
            "value": [gender],
            "count": [count],
            "percentage": [100.0],
        },
        schema=DISTRIBUTION_SCHEMA,
    )


def test_distributions_replaced_per_date(store: DuckDBStore) -> None:
    day = date(2026, 12, 4)

    store.replace_distributions(day, gender_row(day, "male", 1), AgeGroups(), 1)
    store.replace_distributions(day, gender_row(day, "female", 2), AgeGroups(), 2)

    assert store.distributions(day).column("value").to_pylist() == ["female"]


def test_distributions_of_other_dates_kept(store: DuckDBStore) -> None:
    first, second = date(2026, 1, 1), date(2026, 1, 2)
    for day in (first, second):
        store.replace_distributions(day, gender_row(day, "male", 1), AgeGroups(), 1)

    store.replace_distributions(second, DISTRIBUTION_SCHEMA.empty_table(), AgeGroups(), 0)

    assert store.distributions(first).num_rows == 1


def test_failed_replace_keeps_previous_distributions(store: DuckDBStore) -> None:
    day = date(2026, 12, 4)
    store.replace_distributions(day, gender_row(day, "male", 1), AgeGroups(), 1)
    # The same (as_of, dimension, value) twice breaks the primary key after the old rows are
    # deleted, inside the transaction.
    duplicated = pa.concat_tables([gender_row(day, "female", 2)] * 2)

    with pytest.raises(StoreError, match="replacing the distributions of 2026-12-04"):
        store.replace_distributions(day, duplicated, AgeGroups(), 4)

    assert store.distributions(day).column("value").to_pylist() == ["male"]
    assert store.analysis(day) == (AgeGroups(), 1)


def test_open_store_in_missing_folder_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open the DuckDB database"):
        DuckDBStore(tmp_path / "no-such-folder" / "members.duckdb")


def test_analysis_keeps_age_groups_and_count(store: DuckDBStore) -> None:
    day = date(2026, 12, 4)
    store.replace_distributions(day, DISTRIBUTION_SCHEMA.empty_table(), AgeGroups((30, 60)), 7)
    assert store.analysis(day) == (AgeGroups((30, 60)), 7)


def test_analysis_of_unknown_date_is_none(store: DuckDBStore) -> None:
    assert store.analysis(date(1999, 1, 1)) is None
