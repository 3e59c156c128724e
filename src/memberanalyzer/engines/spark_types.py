"""Spark schemas of the Arrow schemas that the member rules read and write."""

from __future__ import annotations

import pyarrow as pa
from pyspark.sql.types import (
    BooleanType,
    DataType,
    DateType,
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
    TimestampType,
)

__all__ = ["spark_schema"]

_SPARK_TYPES: dict[pa.DataType, DataType] = {
    pa.string(): StringType(),
    pa.float64(): DoubleType(),
    pa.int64(): LongType(),
    pa.int32(): IntegerType(),
    pa.bool_(): BooleanType(),
    pa.date32(): DateType(),
}


def spark_type(arrow_type: pa.DataType) -> DataType:
    if pa.types.is_timestamp(arrow_type):
        return TimestampType()
    try:
        return _SPARK_TYPES[arrow_type]
    except KeyError:
        raise TypeError(f"no Spark type for Arrow type {arrow_type}") from None


def spark_schema(schema: pa.Schema) -> StructType:
    """The Spark struct type of an Arrow schema, keeping nullability."""
    return StructType(
        [StructField(field.name, spark_type(field.type), field.nullable) for field in schema]
    )
