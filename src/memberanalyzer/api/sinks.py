"""Destinations of validated members and rejected records: the contract and the embedded sink.

A sink confirms a write only once the rows are durable, so a 202 response means the members
are stored. The embedded sink owns the DuckDB store: DuckDB lets one process write a database
file, so every write and read of the server runs on the sink's one store thread.
"""

from __future__ import annotations

import asyncio
import logging
from abc import ABC, abstractmethod
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar

import pyarrow as pa

from memberanalyzer.api.workers import GroupingWorker
from memberanalyzer.stores.base import MemberStore
from memberanalyzer.stores.duckdb_store import DuckDBStore

__all__ = ["EmbeddedStoreSink", "MemberSink"]

log = logging.getLogger(__name__)

T = TypeVar("T")

# Rows written in one transaction at most; more concurrent requests wait for the next one.
_MAX_GROUP_ROWS = 50_000


class MemberSink(ABC):
    """Destination of validated members and rejected records.

    ``start`` is called once before the first write and ``stop`` once after the last. ``write``
    returns when the rows are durable; an exception means none of them may be, and the client
    is asked to send them again.
    """

    @abstractmethod
    def start(self) -> None:
        """Connect or open the destination."""

    @abstractmethod
    async def write(self, members: pa.Table, rejected: pa.Table) -> None:
        """Store ``members`` (``MEMBER_SCHEMA``) and ``rejected`` (``REJECTED_SCHEMA``)."""

    @abstractmethod
    async def check_ready(self) -> dict[str, Any]:
        """Return facts about the destination if it takes writes, else raise why it does not."""

    @abstractmethod
    async def read(self, action: Callable[[MemberStore], T]) -> T:
        """Run ``action`` with the store that members end up in, and return its result."""

    @property
    @abstractmethod
    def version(self) -> int:
        """Return a number that changes when the stored members may have changed."""

    @abstractmethod
    def stop(self) -> None:
        """Finish every write already received and release the destination."""


@dataclass
class _Write:
    members: pa.Table
    rejected: pa.Table
    future: Future[Any]


@dataclass
class _Read:
    action: Callable[[MemberStore], Any]
    future: Future[Any]


class EmbeddedStoreSink(MemberSink):
    """Writes to a DuckDB store, grouping the writes of concurrent requests into one transaction.

    It also runs the server's reads of the store (``read``) on the same thread, in order with
    the writes, so a read sees every write confirmed before it was asked for.
    """

    def __init__(self, open_store: Callable[[], DuckDBStore]) -> None:
        self._open_store = open_store
        self._store: DuckDBStore | None = None
        self._worker: GroupingWorker[_Write | _Read] = GroupingWorker(
            "store-writer", self._handle, _fail_jobs, _rows_of, _MAX_GROUP_ROWS
        )
        # Counts write transactions that changed something, so readers can tell stale results.
        self._version = 0

    @property
    def version(self) -> int:
        return self._version

    def start(self) -> None:
        self._store = self._open_store()
        self._worker.start()

    def stop(self) -> None:
        self._worker.stop()
        if self._store is not None:
            self._store.close()

    async def write(self, members: pa.Table, rejected: pa.Table) -> None:
        job = _Write(members, rejected, Future())
        self._worker.submit(job)
        await asyncio.wrap_future(job.future)

    async def read(self, action: Callable[[MemberStore], T]) -> T:
        """Run ``action`` with the store on the store thread and return its result."""
        job = _Read(action, Future())
        self._worker.submit(job)
        result: T = await asyncio.wrap_future(job.future)
        return result

    async def check_ready(self) -> dict[str, Any]:
        if not self._worker.is_alive():
            raise RuntimeError("the store thread has stopped; restart the server")
        members = await self.read(lambda store: store.member_count())
        return {"store": str(self._require_store().path), "members": members}

    def _require_store(self) -> DuckDBStore:
        if self._store is None:
            raise RuntimeError("the sink was not started")
        return self._store

    def _handle(self, jobs: list[_Write | _Read]) -> None:
        """Write consecutive writes in one transaction; run each read in its place in the queue."""
        writes: list[_Write] = []
        for job in jobs:
            if isinstance(job, _Write):
                writes.append(job)
                continue
            self._flush(writes)
            writes = []
            self._run_read(job)
        self._flush(writes)

    def _flush(self, writes: list[_Write]) -> None:
        if not writes:
            return
        store = self._require_store()
        try:
            members = pa.concat_tables([write.members for write in writes])
            rejected = pa.concat_tables([write.rejected for write in writes])
            store.upsert_members(members)
            store.add_rejected(rejected)
        except Exception as error:
            rows = sum(_rows_of(write) for write in writes)
            log.error("store write failed requests=%d rows=%d", len(writes), rows, exc_info=error)
            _fail_jobs(list(writes), error)
            return
        if members.num_rows or rejected.num_rows:
            self._version += 1
        for write in writes:
            write.future.set_result(None)

    def _run_read(self, job: _Read) -> None:
        try:
            job.future.set_result(job.action(self._require_store()))
        except Exception as error:  # noqa: BLE001 - handed to the waiting request
            job.future.set_exception(error)


def _rows_of(job: _Write | _Read) -> int:
    if isinstance(job, _Read):
        return 1
    rows: int = job.members.num_rows + job.rejected.num_rows
    return rows


def _fail_jobs(jobs: list[_Write | _Read] | list[_Write], error: BaseException) -> None:
    for job in jobs:
        if not job.future.done():
            job.future.set_exception(error)
