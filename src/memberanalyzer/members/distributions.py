"""Distribution rules: which value each member has in each dimension, and the percentages.

An engine computes distributions in three steps: ``member_dimensions`` turns a batch of members
into one value per dimension, the engine counts members per (dimension, value) with its own
group-by, and ``distributions_from_counts`` adds percentages and the canonical order.

Only members registered on or before the as-of date (by the end of that day, UTC) are
counted, so a past date can be recomputed.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from memberanalyzer.members.age import AgeGroups, ages_at
from memberanalyzer.members.calendar import utc_date_parts
from memberanalyzer.members.schema import UTC_MICROS

__all__ = [
    "DIMENSIONS",
    "COUNTS_SCHEMA",
    "DIMENSION_SOURCE_COLUMNS",
    "DISTRIBUTION_SCHEMA",
    "count_dimensions",
    "distributions_from_counts",
    "member_dimensions",
    "sort_distributions",
]

DIMENSIONS: tuple[str, ...] = (
    "gender",
    "age_group",
    "country",
    "city",
    "nationality",
    "registration_year",
    "age_group_by_gender",
)

# Member columns that the dimensions are computed from.
DIMENSION_SOURCE_COLUMNS: tuple[str, ...] = (
    "gender",
    "date_of_birth",
    "country",
    "city",
    "nationality",
    "registered_at",
)

DISTRIBUTION_SCHEMA = pa.schema(
    [
        pa.field("as_of", pa.date32(), nullable=False),
        pa.field("dimension", pa.string(), nullable=False),
        pa.field("value", pa.string(), nullable=False),
        pa.field("count", pa.int64(), nullable=False),
        pa.field("percentage", pa.float64(), nullable=False),
    ]
)

COUNTS_SCHEMA = pa.schema(
    [
        pa.field("dimension", pa.string()),
        pa.field("value", pa.string()),
        pa.field("count", pa.int64()),
    ]
)

_ORDINAL_DIMENSIONS = ("age_group", "registration_year", "age_group_by_gender")


def end_of_day(as_of: date) -> datetime:
    """Return the first instant after ``as_of`` in UTC."""
    return datetime.combine(as_of + timedelta(days=1), time.min, tzinfo=UTC)


def member_dimensions(
    members: pa.RecordBatch | pa.Table, as_of: date, age_groups: AgeGroups
) -> pa.Table:
    """Return one row per member counted at ``as_of``, with the value of each dimension.

    The columns are gender, age_group, country, city, nationality and registration_year.
    ``age_group_by_gender`` has no column: ``count_dimensions`` counts the pair (age_group,
    gender) and joins the labels afterwards, so no string is built per member.
    """
    table = members if isinstance(members, pa.Table) else pa.Table.from_batches([members])
    registered_by = pa.scalar(end_of_day(as_of), UTC_MICROS)
    table = table.filter(pc.less(table.column("registered_at"), registered_by))

    births = table.column("date_of_birth").combine_chunks()
    registration_year, _, _, valid = utc_date_parts(table.column("registered_at").combine_chunks())
    return pa.table(
        {
            "gender": table.column("gender"),
            "age_group": age_groups.label(ages_at(births, as_of)),
            "country": table.column("country"),
            "city": table.column("city"),
            "nationality": table.column("nationality"),
            "registration_year": pa.array(registration_year, pa.int32(), mask=~valid),
        }
    )


def count_dimensions(dimensions: pa.Table) -> pa.Table:
    """Count members per (dimension, value) with Arrow's group-by; returns COUNTS_SCHEMA."""
    parts = [_count(dimensions, [dimension], dimension) for dimension in DIMENSIONS[:-1]]
    parts.append(_count(dimensions, ["age_group", "gender"], "age_group_by_gender"))
    return pa.concat_tables(parts)


def _count(dimensions: pa.Table, keys: list[str], dimension: str) -> pa.Table:
    counts = dimensions.group_by(keys).aggregate([([], "count_all")])
    labels = [pc.cast(counts.column(key), pa.string()) for key in keys]
    # Joining with a null (a member without an age group) gives null, which is not counted.
    value = labels[0] if len(labels) == 1 else pc.binary_join_element_wise(*labels, "|")
    return pa.table(
        {
            "dimension": pa.array([dimension] * counts.num_rows, pa.string()),
            "value": value,
            "count": pc.cast(counts.column("count_all"), pa.int64()),
        },
        schema=COUNTS_SCHEMA,
    )


def distributions_from_counts(
    counts: pa.Table, as_of: date, age_groups: AgeGroups | None = None
) -> pa.Table:
    """Merge partial counts, add percentages and sort; returns DISTRIBUTION_SCHEMA rows.

    ``counts`` may contain several rows for the same (dimension, value), one per batch or
    partition; they are summed. With ``age_groups``, empty age groups get a row with count 0
    (per gender for ``age_group_by_gender``), so an age axis has no gaps. Rows with a null
    value (a member without an age group) are not counted. Percentages are rounded to two
    decimals by the largest-remainder method, so within one dimension they add up to exactly
    100.
    """
    counted = counts.filter(pc.is_valid(counts.column("value")))
    if age_groups is not None:
        counted = pa.concat_tables([counted, _empty_age_groups(counted, age_groups)])
    merged = counted.group_by(["dimension", "value"]).aggregate([("count", "sum")])
    rows = []
    for dimension in DIMENSIONS:
        part = merged.filter(pc.equal(merged.column("dimension"), dimension))
        values = part.column("value").to_pylist()
        totals = part.column("count_sum").to_numpy()
        order = _canonical_order(dimension, values, totals)
        percentages = _largest_remainder_percentages(totals[order])
        for position, percentage in zip(order, percentages, strict=True):
            rows.append((dimension, values[position], int(totals[position]), percentage))

    return pa.table(
        {
            "as_of": pa.array([as_of] * len(rows), pa.date32()),
            "dimension": [row[0] for row in rows],
            "value": [row[1] for row in rows],
            "count": pa.array([row[2] for row in rows], pa.int64()),
            "percentage": pa.array([row[3] for row in rows], pa.float64()),
        },
        schema=DISTRIBUTION_SCHEMA,
    )


def _empty_age_groups(counts: pa.Table, age_groups: AgeGroups) -> pa.Table:
    """Zero counts for every age group, and every age group of each counted gender."""
    genders = pc.unique(
        counts.filter(pc.equal(counts.column("dimension"), "gender")).column("value")
    ).to_pylist()
    rows = [("age_group", label) for label in age_groups.labels]
    rows += [
        ("age_group_by_gender", f"{label}|{gender}")
        for label in age_groups.labels
        for gender in genders
    ]
    return pa.table(
        {
            "dimension": [dimension for dimension, _ in rows],
            "value": [value for _, value in rows],
            "count": pa.array([0] * len(rows), pa.int64()),
        },
        schema=COUNTS_SCHEMA,
    )


def sort_distributions(distributions: pa.Table) -> pa.Table:
    """Sort distribution rows by dimension, then in each dimension's canonical order."""
    parts = []
    for dimension in DIMENSIONS:
        part = distributions.filter(pc.equal(distributions.column("dimension"), dimension))
        values = part.column("value").to_pylist()
        counts = part.column("count").to_numpy()
        parts.append(part.take(pa.array(_canonical_order(dimension, values, counts), pa.int64())))
    return pa.concat_tables(parts) if parts else distributions


def _canonical_order(dimension: str, values: list[str], counts: np.ndarray) -> list[int]:
    """Order ordinal dimensions naturally and the others by count descending, then value."""
    positions = range(len(values))
    if dimension not in _ORDINAL_DIMENSIONS:
        return sorted(positions, key=lambda i: (-int(counts[i]), values[i]))
    if dimension == "registration_year":
        return sorted(positions, key=lambda i: int(values[i]))
    # Age-group labels start with their lower bound: "0-17", "18-24", ..., "65+".
    return sorted(positions, key=lambda i: (_lower_bound(values[i]), values[i]))


def _lower_bound(age_group_value: str) -> int:
    digits = re.match(r"\d+", age_group_value)
    return int(digits.group()) if digits else -1


def _largest_remainder_percentages(counts: np.ndarray) -> list[float]:
    total = int(counts.sum())
    if total == 0:
        return [0.0] * len(counts)

    hundredths = counts.astype(np.int64) * 10_000
    floors = hundredths // total
    remainders = hundredths % total
    missing = 10_000 - int(floors.sum())
    # Stable sort: equal remainders go to the earlier row in the canonical order.
    for index in np.argsort(-remainders, kind="stable")[:missing]:
        floors[index] += 1
    return [int(value) / 100 for value in floors]
