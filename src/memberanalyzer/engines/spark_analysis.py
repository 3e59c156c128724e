"""Analysis at scale: the distributions of the members in Cassandra, computed on Spark.

Spark reads the members table through the Spark Cassandra Connector. Each partition counts its
members per dimension and value with the same ``member_dimensions`` and ``count_dimensions`` as
the embedded engine, inside ``mapInArrow``. Spark sums the partial counts, and the driver
merges them and stores the distributions with the same code as the embedded engine.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from memberanalyzer.analysis.results import AnalysisResult, store_distributions
from memberanalyzer.engines.spark_types import spark_schema
from memberanalyzer.members.age import AgeGroups
from memberanalyzer.members.distributions import (
    COUNTS_SCHEMA,
    DIMENSION_SOURCE_COLUMNS,
    count_dimensions,
    member_dimensions,
)
from memberanalyzer.members.schema import MEMBER_SCHEMA
from memberanalyzer.stores.cassandra_store import CassandraStore

__all__ = ["analyze_on_spark", "count_members"]

log = logging.getLogger(__name__)

CASSANDRA_FORMAT = "org.apache.spark.sql.cassandra"


def analyze_on_spark(
    spark: SparkSession, store: CassandraStore, as_of: date, age_groups: AgeGroups
) -> AnalysisResult:
    """Compute every distribution as of ``as_of`` over the Cassandra members, and store it."""
    log.info("spark analysis started as_of=%s keyspace=%s", as_of, store.config.keyspace)
    members = (
        spark.read.format(CASSANDRA_FORMAT)
        .options(keyspace=store.config.keyspace, table="members")
        .load()
    )
    if members.isEmpty():
        return store_distributions(store, as_of, age_groups, [])
    return store_distributions(
        store, as_of, age_groups, [count_members(members, as_of, age_groups)]
    )


def count_members(members: DataFrame, as_of: date, age_groups: AgeGroups) -> pa.Table:
    """Count ``members`` per dimension and value as of ``as_of``; returns COUNTS_SCHEMA rows."""
    source_schema = pa.schema([MEMBER_SCHEMA.field(name) for name in DIMENSION_SOURCE_COLUMNS])

    def count_partition(batches: Iterable[pa.RecordBatch]) -> Iterable[pa.RecordBatch]:
        for batch in batches:
            table = pa.Table.from_batches([batch]).cast(_nullable(source_schema))
            yield from count_dimensions(member_dimensions(table, as_of, age_groups)).to_batches()

    partial = members.select(*DIMENSION_SOURCE_COLUMNS).mapInArrow(
        count_partition, spark_schema(COUNTS_SCHEMA)
    )
    totals = partial.groupBy("dimension", "value").agg(F.sum("count").cast("long").alias("count"))
    rows = [row.asDict() for row in totals.collect()]
    return pa.Table.from_pylist(rows, COUNTS_SCHEMA)


def _nullable(schema: pa.Schema) -> pa.Schema:
    return pa.schema([field.with_nullable(True) for field in schema])
