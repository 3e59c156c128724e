"""The distributed engine's ingest stage: sources through the member rules into Kafka.

The Spark stream job (``engines.spark_stream``) takes the members from there into Cassandra, and
``engines.spark_analysis`` computes the distributions over them.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from memberanalyzer.errors import DeliveryError, NothingToDoError
from memberanalyzer.members.rules import normalise_members
from memberanalyzer.sources.base import MemberSource
from memberanalyzer.transport.kafka import MemberProducer

__all__ = ["ProduceSummary", "produce"]

log = logging.getLogger(__name__)

BatchCallback = Callable[[str, int], None]


@dataclass
class ProduceSummary:
    """Counts of one ingest into Kafka, from records read to delivery reports."""

    topic: str
    dead_letter_topic: str
    schema_id: int
    records_read: int = 0
    members_produced: int = 0
    text_repairs: int = 0
    delivered: int = 0
    failed: int = 0
    rejected_by_reason: Counter[str] = field(default_factory=Counter)
    sources: list[str] = field(default_factory=list)
    first_error: str | None = None

    @property
    def rejected(self) -> int:
        return sum(self.rejected_by_reason.values())

    @property
    def produced(self) -> int:
        """Messages sent: members plus dead-letter records."""
        return self.members_produced + self.rejected

    def as_dict(self) -> dict[str, int]:
        counts = {
            "records_read": self.records_read,
            "members_produced": self.members_produced,
            "rejected": self.rejected,
            "produced": self.produced,
            "delivered": self.delivered,
            "failed": self.failed,
            "text_repaired": self.text_repairs,
        }
        for reason, count in sorted(self.rejected_by_reason.items()):
            counts[f"rejected_{reason}"] = count
        return counts


def produce(
    sources: Iterable[MemberSource],
    producer: MemberProducer,
    now: datetime | None = None,
    on_batch: BatchCallback | None = None,
) -> ProduceSummary:
    """Read every source, apply the member rules and produce members and dead-letter records.

    Flushes before returning. Raises ``DeliveryError`` when any message was not acknowledged,
    and ``NothingToDoError`` when the sources held no records; the summary is logged either way.
    """
    now = now or datetime.now(UTC)
    summary = ProduceSummary(producer.topic, producer.dead_letter_topic, producer.schema_id)
    try:
        for source in sources:
            _produce_source(source, producer, summary, now, on_batch)
    finally:
        producer.flush()
        summary.delivered = producer.counts.delivered
        summary.failed = producer.counts.failed
        summary.first_error = producer.counts.first_error
        log.info("produce summary %s", " ".join(f"{k}={v}" for k, v in summary.as_dict().items()))

    if summary.failed:
        raise DeliveryError(
            f"{summary.failed} of {summary.produced} messages were not delivered to Kafka, the "
            f"first with: {summary.first_error}. Members are keyed by member_id, so running the "
            "same ingest again is safe"
        )
    if summary.records_read == 0:
        raise NothingToDoError("the sources held no records: nothing was produced")
    return summary


def _produce_source(
    source: MemberSource,
    producer: MemberProducer,
    summary: ProduceSummary,
    now: datetime,
    on_batch: BatchCallback | None,
) -> None:
    log.info("produce started source=%s topic=%s", source.description, producer.topic)
    summary.sources.append(source.description)
    for raw in source.batches():
        result = normalise_members(raw, now)
        producer.send_members(result.members)
        producer.send_rejected(result.rejected)
        summary.records_read += raw.num_rows
        summary.members_produced += result.members.num_rows
        summary.text_repairs += result.text_repairs
        summary.rejected_by_reason.update(result.rejected_by_reason)
        if on_batch is not None:
            on_batch(source.description, raw.num_rows)
    log.info("produce finished source=%s", source.description)
