"""The parts of a running server, created at start-up and stopped at shutdown."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from fastapi import Request

from memberanalyzer.api.idempotency import IdempotencyCache
from memberanalyzer.api.ingestion import IngestService
from memberanalyzer.api.live import LiveAnalysis
from memberanalyzer.api.metrics import ApiMetrics, IngestRate
from memberanalyzer.api.sinks import EmbeddedStoreSink, MemberSink
from memberanalyzer.api.validation import RecordValidator
from memberanalyzer.settings import Settings
from memberanalyzer.stores.duckdb_store import DuckDBStore

__all__ = ["ApiRuntime", "runtime_of"]

log = logging.getLogger(__name__)


@dataclass
class ApiRuntime:
    """Settings, workers and state shared by every request of one app."""

    settings: Settings
    metrics: ApiMetrics
    sink: MemberSink
    validator: RecordValidator
    ingest: IngestService
    live: LiveAnalysis
    idempotency: IdempotencyCache = field(default_factory=IdempotencyCache)
    # Set when the server is asked to stop, so that open event streams end.
    stopping: bool = False

    @classmethod
    def create(cls, settings: Settings, metrics: ApiMetrics) -> ApiRuntime:
        sink = _sink(settings)
        validator = RecordValidator(settings.threads)
        rate = IngestRate()
        ingest = IngestService(validator, sink, metrics, rate, settings.http_queue_records)
        return cls(
            settings=settings,
            metrics=metrics,
            sink=sink,
            validator=validator,
            ingest=ingest,
            live=LiveAnalysis(sink, settings.age_groups),
        )

    def start(self) -> None:
        self.sink.start()
        self.validator.start()
        log.info(
            "ingestion started destination=%s db=%s topic=%s",
            self.settings.http_destination,
            self.settings.db,
            self.settings.kafka_topic,
        )

    def stop(self) -> None:
        """Validate and store every record already received, then close the store."""
        self.stopping = True
        self.validator.stop()
        self.sink.stop()
        log.info(
            "ingestion stopped accepted=%d rejected=%d",
            self.ingest.rate.accepted_total,
            self.ingest.rate.rejected_total,
        )


def _sink(settings: Settings) -> MemberSink:
    if settings.http_destination == "store":
        return EmbeddedStoreSink(lambda: DuckDBStore.from_settings(settings))

    # Only the distributed mode needs the Kafka and Cassandra clients.
    from memberanalyzer.api.kafka_sink import KafkaSink
    from memberanalyzer.connections import cassandra_config, kafka_config

    return KafkaSink(
        kafka_config(settings),
        cassandra_config(settings),
        settings.kafka_topic,
        settings.kafka_dead_letter_topic,
        settings.http_refresh_seconds,
    )


def runtime_of(request: Request) -> ApiRuntime:
    runtime = request.app.state.runtime
    assert isinstance(runtime, ApiRuntime)
    return runtime
