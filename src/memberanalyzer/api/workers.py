"""A worker thread that handles every job waiting in its queue in one call.

Validation and store writes have a large fixed cost per call (a DuckDB query, a transaction),
so the server groups the work of concurrent requests: while one group is handled, new jobs
queue up and become the next group.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["GroupingWorker"]

log = logging.getLogger(__name__)

Job = TypeVar("Job")

_STOP = object()


class GroupingWorker(Generic[Job]):
    """Runs ``handle`` on ``threads`` threads, each time with every job queued at that moment.

    A group holds at most ``max_rows`` rows, as counted by ``rows_of``, except that a single
    larger job forms a group of its own. ``handle`` must settle each job (set its result or
    exception); if it raises, ``on_error`` is called with the group and the error.
    """

    def __init__(
        self,
        name: str,
        handle: Callable[[list[Job]], None],
        on_error: Callable[[list[Job], BaseException], None],
        rows_of: Callable[[Job], int],
        max_rows: int,
        threads: int = 1,
    ) -> None:
        self.name = name
        self._handle = handle
        self._on_error = on_error
        self._rows_of = rows_of
        self._max_rows = max_rows
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._threads = [
            threading.Thread(target=self._run, name=f"{name}-{number}", daemon=True)
            for number in range(threads)
        ]
        self._stopped = False

    def start(self) -> None:
        for thread in self._threads:
            thread.start()
        log.info("worker started name=%s", self.name)

    def submit(self, job: Job) -> None:
        if self._stopped:
            raise RuntimeError(f"the {self.name} worker has stopped: the server is shutting down")
        self._queue.put(job)

    def stop(self) -> None:
        """Handle every job already submitted, then end the thread."""
        self._stopped = True
        for _ in self._threads:
            self._queue.put(_STOP)
        for thread in self._threads:
            thread.join()
        log.info("worker stopped name=%s", self.name)

    def is_alive(self) -> bool:
        return all(thread.is_alive() for thread in self._threads)

    def _run(self) -> None:
        carry: object | None = None
        while True:
            group, stopping, carry = self._next_group(carry)
            if group:
                self._handle_group(group)
            if stopping:
                return

    def _next_group(self, carry: object | None) -> tuple[list[Job], bool, object | None]:
        """Wait for a job, then take every queued job that fits into the group.

        Returns the group, whether to stop after it, and a job that did not fit, which starts
        this thread's next group.
        """
        first = carry if carry is not None else self._queue.get()
        if first is _STOP:
            return [], True, None
        group: list[Job] = [first]  # type: ignore[list-item]
        rows = self._rows_of(group[0])
        while rows < self._max_rows:
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                break
            if job is _STOP:
                return group, True, None
            job_rows = self._rows_of(job)  # type: ignore[arg-type]
            if rows + job_rows > self._max_rows:
                return group, False, job
            group.append(job)  # type: ignore[arg-type]
            rows += job_rows
        return group, False, None

    def _handle_group(self, group: list[Job]) -> None:
        try:
            self._handle(group)
        except Exception as error:  # noqa: BLE001 - every job of the group must be settled
            log.error("worker failed name=%s jobs=%d", self.name, len(group), exc_info=error)
            self._on_error(group, error)
