"""The ingestion path of a request: admission, validation, storage, counting.

``IngestService.ingest`` admits a request's records only while fewer than
``http_queue_records`` records are waiting to be stored; past that it answers 429 with
``Retry-After``, so a client slows down instead of the server queueing without bound.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from memberanalyzer.api.bodies import RecordTexts
from memberanalyzer.api.metrics import ApiMetrics, IngestRate
from memberanalyzer.api.problems import Problem
from memberanalyzer.api.sinks import MemberSink
from memberanalyzer.api.validation import RecordValidator, ValidatedRequest
from memberanalyzer.errors import MemberAnalyzerError

__all__ = ["IngestService"]

log = logging.getLogger(__name__)

_MAX_RETRY_AFTER_SECONDS = 60


@dataclass
class IngestService:
    """Validates records with the shared rules and stores them through the sink."""

    validator: RecordValidator
    sink: MemberSink
    metrics: ApiMetrics
    rate: IngestRate
    max_queued_records: int
    queued_records: int = 0

    async def ingest(self, records: RecordTexts, source: str) -> ValidatedRequest:
        """Validate and store one request's records; returns its members and rejections.

        Raises 429 when too many records wait already, and 503 when the store fails.
        """
        self._admit(len(records))
        self.queued_records += len(records)
        self.metrics.queued.set(self.queued_records)
        try:
            result = await self.validator.validate(records, source)
            await self._store(result, source)
        finally:
            self.queued_records -= len(records)
            self.metrics.queued.set(self.queued_records)
        self._count(result)
        return result

    def _admit(self, size: int) -> None:
        if self.queued_records == 0 or self.queued_records + size <= self.max_queued_records:
            return
        log.warning(
            "request rejected, queue full queued_records=%d request_records=%d",
            self.queued_records,
            size,
        )
        raise Problem(
            429,
            "too-many-records-queued",
            f"the server has {self.queued_records:,} records waiting to be stored; "
            "send the request again after the time in Retry-After",
            headers={"Retry-After": str(self._retry_after())},
        )

    def _retry_after(self) -> int:
        """Estimate in whole seconds how long the queued records take to store."""
        per_second = self.rate.per_second()
        if per_second <= 0:
            return 1
        return min(_MAX_RETRY_AFTER_SECONDS, max(1, math.ceil(self.queued_records / per_second)))

    async def _store(self, result: ValidatedRequest, source: str) -> None:
        try:
            await self.sink.write(result.members, result.rejected)
        except MemberAnalyzerError as error:
            log.error("storing a request failed source=%s error=%s", source, error)
            raise Problem(
                503,
                "store-unavailable",
                "the members could not be stored; nothing of this request is confirmed, "
                "send it again later",
                headers={"Retry-After": "5"},
            ) from error

    def _count(self, result: ValidatedRequest) -> None:
        accepted = result.members.num_rows
        self.metrics.accepted.inc(accepted)
        by_reason: dict[str, int] = {}
        for error in result.errors:
            by_reason[error.reason] = by_reason.get(error.reason, 0) + 1
        self.metrics.count_rejections(by_reason)
        self.rate.add(accepted, len(result.errors))
