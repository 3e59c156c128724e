"""Regrouping of Arrow record batches into larger tables.

DuckDB hands query results over in batches of a few thousand rows, whatever size is requested,
while every later step has a fixed cost per batch, so readers join them first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyarrow as pa

__all__ = ["gather"]


def gather(batches: Iterable[pa.RecordBatch], rows: int) -> Iterator[pa.Table]:
    """Yield tables of at least ``rows`` rows (the last one may be smaller), in order.

    The tables keep the original batches as chunks: nothing is copied.
    """
    pending: list[pa.RecordBatch] = []
    pending_rows = 0
    for batch in batches:
        pending.append(batch)
        pending_rows += batch.num_rows
        if pending_rows >= rows:
            yield pa.Table.from_batches(pending)
            pending, pending_rows = [], 0
    if pending:
        yield pa.Table.from_batches(pending)
