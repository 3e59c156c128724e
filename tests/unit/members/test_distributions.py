"""Distribution rules: dimension values, counting, percentages and order."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from memberanalyzer.members.age import AgeGroups
from memberanalyzer.members.distributions import (
    COUNTS_SCHEMA,
    count_dimensions,
    distributions_from_counts,
    member_dimensions,
)
from memberanalyzer.members.schema import UTC_MICROS

AS_OF = date(2026, 12, 4)


def members(*rows: tuple[str, datetime, str, datetime]) -> pa.Table:
    """Members from (gender, birth, city, registered) tuples; country and nationality fixed."""
    return pa.table(
        {
            "gender": [row[0] for row in rows],
            "date_of_birth": pa.array([row[1] for row in rows], UTC_MICROS),
            "country": ["Norway"] * len(rows),
            "city": [row[2] for row in rows],
            "nationality": ["NO"] * len(rows),
            "registered_at": pa.array([row[3] for row in rows], UTC_MICROS),
        }
    )


def distributions_of(table: pa.Table, as_of: date = AS_OF) -> pa.Table:
    counts = count_dimensions(member_dimensions(table, as_of, AgeGroups()))
    return distributions_from_counts(counts, as_of)


def dimension(distributions: pa.Table, name: str) -> list[tuple[str, int, float]]:
    rows = distributions.filter(pc.equal(distributions.column("dimension"), name)).to_pylist()
    return [(row["value"], row["count"], row["percentage"]) for row in rows]


def at(year: int, month: int = 1, day: int = 1, hour: int = 0) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


SAMPLE = members(
    ("female", at(1990, 6, 1), "Oslo", at(2015)),
    ("female", at(2001, 12, 4), "Bergen", at(2020)),
    ("male", at(1950, 1, 1), "Oslo", at(2015)),
)


def test_gender_distribution_counts_and_percentages() -> None:
    assert dimension(distributions_of(SAMPLE), "gender") == [
        ("female", 2, 66.67),
        ("male", 1, 33.33),
    ]


def test_age_groups_in_natural_order() -> None:
    groups = [value for value, _, _ in dimension(distributions_of(SAMPLE), "age_group")]
    assert groups == ["25-34", "35-44", "65+"]


def test_birthday_on_as_of_date_moves_group() -> None:
    # Born 2001-12-04: 25 on 2026-12-04, so 25-34 rather than 18-24.
    groups = dict((v, c) for v, c, _ in dimension(distributions_of(SAMPLE), "age_group"))
    assert groups.get("18-24") is None


def test_age_group_by_gender_values_joined_with_bar() -> None:
    values = [value for value, _, _ in dimension(distributions_of(SAMPLE), "age_group_by_gender")]
    assert values == ["25-34|female", "35-44|female", "65+|male"]


def test_registration_years_ascending() -> None:
    years = [value for value, _, _ in dimension(distributions_of(SAMPLE), "registration_year")]
    assert years == ["2015", "2020"]


def test_members_registered_after_as_of_not_counted() -> None:
    late = members(("male", at(1980), "Oslo", at(2026, 12, 5)))
    table = pa.concat_tables([SAMPLE, late])
    assert sum(count for _, count, _ in dimension(distributions_of(table), "gender")) == 3


def test_members_registered_late_on_as_of_day_counted() -> None:
    evening = members(("male", at(1980), "Oslo", at(2026, 12, 4, 23)))
    table = pa.concat_tables([SAMPLE, evening])
    assert sum(count for _, count, _ in dimension(distributions_of(table), "gender")) == 4


def test_city_sorted_by_count_then_value() -> None:
    cities = [value for value, _, _ in dimension(distributions_of(SAMPLE), "city")]
    assert cities == ["Oslo", "Bergen"]


def test_partial_counts_merged() -> None:
    half = count_dimensions(member_dimensions(SAMPLE, AS_OF, AgeGroups()))
    merged = distributions_from_counts(pa.concat_tables([half, half]), AS_OF)
    assert dimension(merged, "gender")[0][:2] == ("female", 4)


@settings(max_examples=200, deadline=None)
@given(counts=st.lists(st.integers(min_value=1, max_value=10**7), min_size=1, max_size=60))
def test_percentages_add_up_to_100(counts: list[int]) -> None:
    table = pa.table(
        {
            "dimension": ["city"] * len(counts),
            "value": [f"city {index}" for index in range(len(counts))],
            "count": pa.array(counts, pa.int64()),
        },
        schema=COUNTS_SCHEMA,
    )
    percentages = distributions_from_counts(table, AS_OF).column("percentage").to_pylist()
    assert round(sum(percentages), 2) == 100.0


@settings(max_examples=200, deadline=None)
@given(counts=st.lists(st.integers(min_value=1, max_value=10**7), min_size=1, max_size=60))
def test_percentages_within_a_hundredth_of_exact(counts: list[int]) -> None:
    table = pa.table(
        {
            "dimension": ["city"] * len(counts),
            "value": [f"city {index}" for index in range(len(counts))],
            "count": pa.array(counts, pa.int64()),
        },
        schema=COUNTS_SCHEMA,
    )
    rows = distributions_from_counts(table, AS_OF).to_pylist()
    total = sum(counts)
    assert all(abs(row["percentage"] - row["count"] * 100 / total) < 0.01 for row in rows)
