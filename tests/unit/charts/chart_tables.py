"""Distribution tables built by hand for the chart and report tests."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pyarrow as pa

from memberanalyzer.members.distributions import DISTRIBUTION_SCHEMA

AS_OF = date(2026, 12, 4)


def distribution_table(
    counts_by_dimension: Mapping[str, Mapping[str, int]], as_of: date = AS_OF
) -> pa.Table:
    """Build a distribution table. Percentages are of each dimension's total, to 2 decimals."""
    records = []
    for dimension, counts in counts_by_dimension.items():
        total = sum(counts.values())
        for value, count in counts.items():
            percentage = round(100 * count / total, 2) if total else 0.0
            records.append(
                {
                    "as_of": as_of,
                    "dimension": dimension,
                    "value": value,
                    "count": count,
                    "percentage": percentage,
                }
            )
    return pa.Table.from_pylist(records, schema=DISTRIBUTION_SCHEMA)
