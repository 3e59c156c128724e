"""Export of distributions as ``distributions.csv`` and ``distributions.json``.

Both files hold every value of every dimension (no "Other" grouping) and follow the format
described in docs/distributions-format.md. The JSON layout carries a format name and version so
readers can check what they parse.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import orjson
import pyarrow as pa

from memberanalyzer.members.age import AgeGroups
from memberanalyzer.members.distributions import DIMENSIONS

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "write_distributions_csv", "write_distributions_json"]

FORMAT_NAME = "memberanalyzer.distributions"
FORMAT_VERSION = 1
CSV_COLUMNS = ("as_of", "dimension", "value", "count", "percentage")


def write_distributions_csv(distributions: pa.Table, path: Path) -> Path:
    """Write one CSV row per (dimension, value): as_of, dimension, value, count, percentage."""
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(CSV_COLUMNS)
        for row in distributions.select(list(CSV_COLUMNS)).to_pylist():
            writer.writerow(
                [
                    row["as_of"].isoformat(),
                    row["dimension"],
                    row["value"],
                    row["count"],
                    f"{row['percentage']:.2f}",
                ]
            )
    return path


def write_distributions_json(
    distributions: pa.Table,
    path: Path,
    as_of: date,
    member_count: int,
    age_groups: AgeGroups,
    summary: Mapping[str, object] | None = None,
) -> Path:
    """Write the distributions as one JSON document keyed by dimension."""
    by_dimension: dict[str, list[dict[str, object]]] = {dimension: [] for dimension in DIMENSIONS}
    for row in distributions.to_pylist():
        by_dimension.setdefault(row["dimension"], []).append(
            {"value": row["value"], "count": row["count"], "percentage": row["percentage"]}
        )

    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "as_of": as_of.isoformat(),
        "member_count": member_count,
        "age_groups": list(age_groups.labels),
        "dimensions": by_dimension,
    }
    if summary is not None:
        document["run_summary"] = dict(summary)
    path.write_bytes(orjson.dumps(document, option=orjson.OPT_INDENT_2))
    return path
