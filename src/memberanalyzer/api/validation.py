"""Validation of the records of concurrent requests together, with the shared member rules.

Each request's records go through the same JSON decoding as files and API pages
(``read_json_lines``) and the same rules (``normalise_members``). Decoding one record costs
about as much as decoding a few hundred, so the records of every request waiting at the same
moment are validated in one call and the result is split per request again.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from memberanalyzer.api.bodies import RecordTexts
from memberanalyzer.api.workers import GroupingWorker
from memberanalyzer.members.rules import MEMBER_TO_RAW_PATH, normalise_members
from memberanalyzer.members.schema import RAW_SCHEMA
from memberanalyzer.sources.json_records import read_json_lines

__all__ = ["RecordError", "RecordValidator", "ValidatedRequest"]

# Requests with at least this many records are validated apart from single members.
_LARGE_REQUEST_RECORDS = 100

_RAW_PATH_TO_COLUMN = {path: column for column, path in MEMBER_TO_RAW_PATH.items()}


@dataclass(frozen=True)
class RecordError:
    """The reason one record of a request was rejected, with its field and offending value."""

    record: int
    reason: str
    field: str | None
    detail: str | None


@dataclass
class ValidatedRequest:
    """The members and rejected records of one request, in the order they were sent."""

    members: pa.Table
    rejected: pa.Table
    errors: list[RecordError] = field(default_factory=list)

    @property
    def member_ids(self) -> list[str]:
        ids: list[str] = self.members.column("member_id").to_pylist()
        return ids


@dataclass
class _Job:
    records: RecordTexts
    source: str
    future: Future[ValidatedRequest]


class RecordValidator:
    """Validates records on worker threads, grouping the requests that wait together.

    Small requests (single members) share one thread, so that they form large groups. Large
    requests go to ``threads`` threads: DuckDB releases the GIL while it decodes JSON, so
    two threads keep both cores busy.
    """

    def __init__(self, threads: int, max_group_records: int = 5_000) -> None:
        self._local = threading.local()
        self._connections: list[duckdb.DuckDBPyConnection] = []
        self._workers = {
            size: GroupingWorker[_Job](
                f"record-validator-{size}",
                self._validate_group,
                _fail_jobs,
                lambda job: len(job.records),
                max_group_records,
                worker_threads,
            )
            for size, worker_threads in (("small", 1), ("large", threads))
        }

    def start(self) -> None:
        for worker in self._workers.values():
            worker.start()

    def stop(self) -> None:
        for worker in self._workers.values():
            worker.stop()
        for connection in self._connections:
            connection.close()

    def is_alive(self) -> bool:
        return all(worker.is_alive() for worker in self._workers.values())

    async def validate(self, records: RecordTexts, source: str) -> ValidatedRequest:
        """Validate one request's records; ``source`` names the request in rejections."""
        job = _Job(records, source, Future())
        size = "small" if len(records) < _LARGE_REQUEST_RECORDS else "large"
        self._workers[size].submit(job)
        return await asyncio.wrap_future(job.future)

    def _connection(self) -> duckdb.DuckDBPyConnection:
        """Return this thread's DuckDB connection, which decodes the JSON."""
        connection: duckdb.DuckDBPyConnection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = duckdb.connect(config={"threads": 1})
            self._local.connection = connection
            self._connections.append(connection)
        return connection

    def _validate_group(self, jobs: list[_Job]) -> None:
        raw = read_json_lines(
            self._connection(),
            [text for job in jobs for text in job.records.texts],
            source="",
            record_numbers=[number for job in jobs for number in job.records.numbers],
        )
        raw = _with_request_columns(raw, jobs)
        result = normalise_members(raw, datetime.now(UTC))
        members = result.members
        for job in jobs:
            rejected = result.rejected.filter(
                pc.equal(result.rejected.column("source"), job.source)
            )
            rejected = _with_member_fields(rejected, job.records)
            accepted = len(job.records) - rejected.num_rows
            job.future.set_result(
                ValidatedRequest(members.slice(0, accepted), rejected, _record_errors(rejected))
            )
            members = members.slice(accepted)


def _fail_jobs(jobs: list[_Job], error: BaseException) -> None:
    for job in jobs:
        if not job.future.done():
            job.future.set_exception(error)


def _with_request_columns(raw: pa.RecordBatch, jobs: list[_Job]) -> pa.RecordBatch:
    """Set each record's source to its request and its raw record to the text it came as."""
    sources = [job.source for job in jobs for _ in range(len(job.records))]
    originals = [text for job in jobs for text in job.records.originals]
    columns = {name: raw.column(name) for name in RAW_SCHEMA.names}
    columns["source"] = pa.array(sources, pa.string())
    columns["raw_record"] = pa.array(originals, pa.string())
    return pa.RecordBatch.from_pydict(columns, schema=RAW_SCHEMA)


def _with_member_fields(rejected: pa.Table, records: RecordTexts) -> pa.Table:
    """Name member columns (``date_of_birth``) in rejections of normalised records."""
    if rejected.num_rows == 0 or not any(records.normalised):
        return rejected
    normalised_numbers = {
        number
        for number, normalised in zip(records.numbers, records.normalised, strict=True)
        if normalised
    }
    numbers = rejected.column("record_number").to_pylist()
    paths = rejected.column("field").to_pylist()
    fields = [
        _RAW_PATH_TO_COLUMN.get(path, path) if number in normalised_numbers else path
        for number, path in zip(numbers, paths, strict=True)
    ]
    index = rejected.schema.get_field_index("field")
    return rejected.set_column(index, rejected.schema.field(index), pa.array(fields, pa.string()))


def _record_errors(rejected: pa.Table) -> list[RecordError]:
    rows = rejected.select(["record_number", "reason", "field", "detail"]).to_pylist()
    errors = [
        RecordError(row["record_number"], row["reason"], row["field"], row["detail"])
        for row in rows
    ]
    return sorted(errors, key=lambda error: error.record)
