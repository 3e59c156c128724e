"""Age in full years and age groups: fixed cases and properties against a plain reference."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from memberanalyzer.errors import ConfigurationError
from memberanalyzer.members.age import AgeGroups, ages_at


def age_of(birth: datetime, as_of: date) -> int | None:
    result = ages_at(pa.array([birth], pa.timestamp("us", tz="UTC")), as_of)
    return result[0].as_py()


def reference_age(birth: date, as_of: date) -> int:
    """The textbook rule: years passed, minus one if this year's birthday is still ahead."""
    before_birthday = (as_of.month, as_of.day) < (birth.month, birth.day)
    return as_of.year - birth.year - int(before_birthday)


def test_age_counts_birthday_on_as_of_date() -> None:
    assert age_of(datetime(1990, 6, 15, tzinfo=UTC), date(2020, 6, 15)) == 30


def test_age_excludes_birthday_tomorrow() -> None:
    assert age_of(datetime(1990, 6, 16, tzinfo=UTC), date(2020, 6, 15)) == 29


def test_leap_day_birth_on_february_28() -> None:
    assert age_of(datetime(2000, 2, 29, tzinfo=UTC), date(2001, 2, 28)) == 0


def test_leap_day_birth_on_march_1() -> None:
    assert age_of(datetime(2000, 2, 29, tzinfo=UTC), date(2001, 3, 1)) == 1


def test_leap_day_birth_on_leap_day() -> None:
    assert age_of(datetime(2000, 2, 29, tzinfo=UTC), date(2004, 2, 29)) == 4


def test_age_uses_utc_date_of_birth_instant() -> None:
    # 23:30 UTC on 14 June is already 15 June in Tokyo; the UTC date decides.
    assert age_of(datetime(1990, 6, 14, 23, 30, tzinfo=UTC), date(2020, 6, 14)) == 30


def test_age_of_null_birth_is_null() -> None:
    ages = ages_at(pa.array([None], pa.timestamp("us", tz="UTC")), date(2020, 1, 1))
    assert ages[0].as_py() is None


@settings(max_examples=300, deadline=None)
@given(
    birth=st.datetimes(min_value=datetime(1850, 1, 1), max_value=datetime(2030, 12, 31)),
    as_of=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
)
def test_age_matches_reference_rule(birth: datetime, as_of: date) -> None:
    utc_birth = birth.replace(tzinfo=UTC)
    assert age_of(utc_birth, as_of) == reference_age(utc_birth.date(), as_of)


@settings(max_examples=100, deadline=None)
@given(birth=st.dates(min_value=date(1900, 1, 1), max_value=date(2000, 12, 31)))
def test_age_rises_by_one_on_each_birthday(birth: date) -> None:
    moment = datetime(birth.year, birth.month, birth.day, tzinfo=UTC)
    birthday_2030 = (
        date(2030, 3, 1) if (birth.month, birth.day) == (2, 29) else birth.replace(year=2030)
    )
    day_before = birthday_2030 - timedelta(days=1)
    assert age_of(moment, birthday_2030) == age_of(moment, day_before) + 1  # type: ignore[operator]


def test_age_group_labels_default() -> None:
    assert AgeGroups().labels == ("0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+")


@pytest.mark.parametrize(
    ("age", "label"),
    [
        (0, "0-17"),
        (17, "0-17"),
        (18, "18-24"),
        (24, "18-24"),
        (25, "25-34"),
        (64, "55-64"),
        (65, "65+"),
        (120, "65+"),
    ],
)
def test_age_group_bounds_are_exact(age: int, label: str) -> None:
    groups = AgeGroups().label(pa.array([age], pa.int32()))
    assert groups[0].as_py() == label


def test_age_group_of_negative_age_is_null() -> None:
    groups = AgeGroups().label(pa.array([-1], pa.int32()))
    assert groups[0].as_py() is None


def test_age_groups_parse_custom_bounds() -> None:
    assert AgeGroups.parse("30,60").labels == ("0-29", "30-59", "60+")


@pytest.mark.parametrize("text", ["18,x", "25,18", "0,18", "", "18,18"])
def test_age_groups_reject_invalid_bounds(text: str) -> None:
    with pytest.raises(ConfigurationError):
        AgeGroups.parse(text)
