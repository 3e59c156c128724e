"""Run one pipeline stage for one date on the configured engine and return only small values.

Every function here is idempotent for its date. An ingest reads the same members again when
it runs again, because its default seed comes from the date, and the store merges members
by id. An analysis replaces that date's distributions in one transaction, so a failed run
leaves the previous result or none. Charts rewrite the same files in ``OUT/<date>/``.

The return values are dictionaries of counts, dates and paths, small enough for an
orchestrator's task results (Airflow's XCom); member data never leaves the store.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, get_args

from memberanalyzer.analysis.results import AnalysisResult
from memberanalyzer.engines.embedded import analyze, draw_charts, ingest
from memberanalyzer.errors import ConfigurationError
from memberanalyzer.settings import IngestSource, Settings
from memberanalyzer.sources.api import RandomUserApiSource
from memberanalyzer.sources.base import MemberSource
from memberanalyzer.sources.generator import GeneratorSource
from memberanalyzer.stores.base import MemberStore
from memberanalyzer.stores.duckdb_store import DuckDBStore

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = [
    "ENGINE_VARIABLE",
    "IngestRequest",
    "analyze_date",
    "build_source",
    "draw_date_charts",
    "ingest_members",
]

log = logging.getLogger(__name__)

# The Airflow variable that overrides MEMBERANALYZER_ENGINE; named here for error messages.
ENGINE_VARIABLE = "memberanalyzer_engine"

StageResult = dict[str, int | str]


@dataclass(frozen=True)
class IngestRequest:
    """Request of one ingest run: the source, the member count, and the seed for its date."""

    as_of: date
    source: IngestSource = "api"
    count: int = 5000
    seed: int | None = None
    api_url: str | None = None
    nationalities: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.source not in get_args(IngestSource):
            raise ConfigurationError(
                f"invalid source {self.source!r}: use one of {', '.join(get_args(IngestSource))}"
            )
        if self.count <= 0:
            raise ConfigurationError(f"invalid count {self.count}: give a number above 0")
        if self.seed is not None and self.seed < 0:
            raise ConfigurationError(f"invalid seed {self.seed}: give 0 or more, or none")

    @property
    def effective_seed(self) -> int:
        """The given seed, or the date as YYYYMMDD, so a rerun of a date reads the same members."""
        if self.seed is not None:
            return self.seed
        return int(self.as_of.strftime("%Y%m%d"))


def build_source(request: IngestRequest, settings: Settings) -> MemberSource:
    """Create the member source a request names, with the API settings from ``settings``."""
    if request.source == "generator":
        return GeneratorSource(request.count, request.effective_seed, request.nationalities)
    return RandomUserApiSource(
        request.api_url or settings.api_url,
        request.count,
        settings.api_page_size,
        str(request.effective_seed),
        request.nationalities,
        settings.api_timeout,
        settings.api_retries,
        settings.api_backoff,
    )


def ingest_members(request: IngestRequest, settings: Settings) -> StageResult:
    """Read the request's members and store them; return the ingest counts and the source."""
    log.info(
        "stage started stage=ingest as_of=%s engine=%s source=%s count=%d",
        request.as_of,
        settings.engine,
        request.source,
        request.count,
    )
    if settings.engine == "distributed":
        return _ingest_distributed(request, settings)

    source = build_source(request, settings)
    with DuckDBStore.from_settings(settings) as store:
        summary = ingest([source], store)
    result: StageResult = {"as_of": request.as_of.isoformat(), "source": source.description}
    result.update(summary.as_dict())
    log.info(
        "stage finished stage=ingest as_of=%s new_members=%d", request.as_of, summary.new_members
    )
    return result


def analyze_date(as_of: date, settings: Settings) -> StageResult:
    """Compute and store every distribution as of ``as_of``; return the member and row counts."""
    log.info("stage started stage=analysis as_of=%s engine=%s", as_of, settings.engine)
    if settings.engine == "distributed":
        analysis = _analyze_distributed(as_of, settings)
    else:
        with DuckDBStore.from_settings(settings) as store:
            analysis = analyze(store, as_of, settings.age_groups)
    log.info("stage finished stage=analysis as_of=%s members=%d", as_of, analysis.member_count)
    return {
        "as_of": as_of.isoformat(),
        "members": analysis.member_count,
        "distribution_rows": analysis.distributions.num_rows,
    }


def draw_date_charts(as_of: date, settings: Settings) -> StageResult:
    """Draw the charts, report and exports of the distributions stored for ``as_of``."""
    log.info("stage started stage=charts as_of=%s engine=%s", as_of, settings.engine)
    with _chart_store(settings) as store:
        files = draw_charts(store, as_of, settings.out, settings.top_n)
    log.info("stage finished stage=charts as_of=%s folder=%s", as_of, files.folder)
    return {
        "as_of": as_of.isoformat(),
        "folder": str(files.folder),
        "report": str(files.report),
        "chart_files": len(files.charts),
    }


@contextmanager
def _spark(settings: Settings, app_name: str) -> Iterator[SparkSession]:
    """Start a Spark session for one task, and stop it afterwards unless it was already running."""
    from pyspark.sql import SparkSession

    from memberanalyzer.connections import cassandra_config
    from memberanalyzer.engines.spark_session import spark_session

    already_running = SparkSession.getActiveSession() is not None
    spark = spark_session(
        app_name, settings.spark_master, settings.spark_jars_dir, cassandra_config(settings)
    )
    try:
        yield spark
    finally:
        if not already_running:
            spark.stop()


def _ingest_distributed(request: IngestRequest, settings: Settings) -> StageResult:
    """Produce the request's members to Kafka, then stream the topic's messages into Cassandra.

    The members asset is emitted when this task ends, so the members must be in Cassandra by
    then: the task runs the stream job until it has caught up (``--once``) with the configured
    checkpoint. A stream job that runs all the time needs another checkpoint folder.
    """
    from memberanalyzer.connections import cassandra_config, kafka_config
    from memberanalyzer.engines.distributed import produce
    from memberanalyzer.engines.spark_stream import StreamOptions, run_stream
    from memberanalyzer.transport.kafka import MemberProducer

    source = build_source(request, settings)
    producer = MemberProducer(
        kafka_config(settings), settings.kafka_topic, settings.kafka_dead_letter_topic
    )
    summary = produce([source], producer)

    cassandra = cassandra_config(settings)
    options = StreamOptions(
        topic=settings.kafka_topic, checkpoint=settings.spark_checkpoint, once=True
    )
    with _spark(settings, "memberanalyzer-dag-stream") as spark:
        streamed = run_stream(spark, options, kafka_config(settings), cassandra)

    result: StageResult = {"as_of": request.as_of.isoformat(), "source": source.description}
    result.update(summary.as_dict())
    result["members_streamed"] = streamed.members_written
    log.info(
        "stage finished stage=ingest as_of=%s produced=%d streamed=%d",
        request.as_of,
        summary.members_produced,
        streamed.members_written,
    )
    return result


def _analyze_distributed(as_of: date, settings: Settings) -> AnalysisResult:
    from memberanalyzer.connections import cassandra_config
    from memberanalyzer.engines.spark_analysis import analyze_on_spark
    from memberanalyzer.stores.cassandra_store import CassandraStore

    with (
        _spark(settings, "memberanalyzer-dag-analysis") as spark,
        CassandraStore(cassandra_config(settings)) as store,
    ):
        return analyze_on_spark(spark, store, as_of, settings.age_groups)


@contextmanager
def _chart_store(settings: Settings) -> Iterator[MemberStore]:
    """Open the store of the configured engine's distributions: DuckDB or Cassandra."""
    if settings.engine != "distributed":
        with DuckDBStore.from_settings(settings) as store:
            yield store
        return

    from memberanalyzer.connections import cassandra_config
    from memberanalyzer.stores.cassandra_store import CassandraStore

    with CassandraStore(cassandra_config(settings), create=False) as cassandra:
        yield cassandra
