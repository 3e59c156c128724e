"""The ``memberanalyzer`` command line: ``run`` and one command per stage.

Exit codes (also listed in the README):

* 0: success
* 1: unexpected internal error (a bug: please report it with the log)
* 2: invalid option or setting
* 3: an input file is missing, unreadable or not JSON
* 4: the API could not be reached or kept failing after its retries
* 5: nothing to do: no records read, every record rejected, or no member to analyse
* 6: the DuckDB store could not be opened or written
* 7: no distributions stored for the as-of date, so no charts
* 8: a chart, report or export file could not be written
* 9: Kafka or the schema registry failed, or a produced message was not delivered
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from memberanalyzer import __version__
from memberanalyzer.engines.embedded import (
    IngestSummary,
    ReportFiles,
    analyze,
    draw_charts,
    ingest,
)
from memberanalyzer.errors import ConfigurationError, MemberAnalyzerError, OutputError
from memberanalyzer.settings import ENV_PREFIX, Settings, load_settings
from memberanalyzer.sources.api import RandomUserApiSource
from memberanalyzer.sources.base import MemberSource
from memberanalyzer.sources.files import JsonFileSource
from memberanalyzer.sources.generator import GeneratorSource, write_ndjson
from memberanalyzer.stores.base import MemberStore
from memberanalyzer.stores.duckdb_store import DuckDBStore

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

    from memberanalyzer.engines.distributed import ProduceSummary

__all__ = ["app", "main"]

log = logging.getLogger(__name__)

app = typer.Typer(
    help="MemberAnalyzer: ingest member records, validate and store them, and chart who the "
    "members are. Options whose help names a MEMBERANALYZER_* variable can also be set with it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True)


def _help(field: str, text: str) -> str:
    """Help text with the option's environment variable and default."""
    info = Settings.model_fields[field]
    default = info.default if info.default_factory is None else "number of CPUs"
    # Parentheses, not brackets: Typer's help renderer reads [..] as Rich markup and drops it.
    return f"{text} (env: {ENV_PREFIX}{field.upper()}; default: {default})"


DbOption = Annotated[Path | None, typer.Option("--db", help=_help("db", "DuckDB database file."))]
LogLevelOption = Annotated[
    str | None, typer.Option(help=_help("log_level", "Log level on stderr."))
]
AsOfOption = Annotated[
    str | None,
    typer.Option(help="Date to compute the distributions at, YYYY-MM-DD. (default: today in UTC)"),
]
ChartDateOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Date whose stored distributions are charted, YYYY-MM-DD. (default: today in UTC)",
    ),
]
AgeBoundsOption = Annotated[
    str | None,
    typer.Option(
        help=_help(
            "age_bounds", "Lower bounds in years of the age groups after 0-17, comma-separated."
        )
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", help=_help("out", "Folder for charts; each date gets OUT/<as_of>/.")),
]
TopNOption = Annotated[
    int | None,
    typer.Option(
        help=_help("top_n", "Bars per chart; the remaining values are summed as 'Other', 1 to 200.")
    ),
]
InputOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--input",
        "-i",
        help="randomuser.me response, JSON array or NDJSON file; repeat for several files.",
    ),
]
GenerateOption = Annotated[
    int | None, typer.Option(help="Generate this many randomuser.me-shaped members offline.")
]
SeedOption = Annotated[
    int,
    typer.Option(
        min=0, help="Seed of the generator, 0 or more; the same seed gives the same members."
    ),
]
ApiCountOption = Annotated[
    int | None, typer.Option(help="Fetch this many members from the API at --api-url.")
]
ApiUrlOption = Annotated[
    str | None, typer.Option(help=_help("api_url", "randomuser.me-compatible API URL."))
]
ApiSeedOption = Annotated[
    str | None, typer.Option(help="API seed for reproducible pages. (default: random, logged)")
]
ApiPageSizeOption = Annotated[
    int | None, typer.Option(help=_help("api_page_size", "Members per API request, 1 to 5000."))
]
ApiTimeoutOption = Annotated[
    float | None, typer.Option(help=_help("api_timeout", "Seconds per API request."))
]
ApiBackoffOption = Annotated[
    float | None,
    typer.Option(help=_help("api_backoff", "Seconds before the first retry, doubled each time.")),
]
ApiRetriesOption = Annotated[
    int | None, typer.Option(help=_help("api_retries", "Retries of a failed API request."))
]
NatOption = Annotated[
    str | None,
    typer.Option(
        help="Nationality codes to fetch or generate, comma-separated, e.g. GB,FR. (default: all)"
    ),
]
BatchSizeOption = Annotated[
    int | None, typer.Option(help=_help("batch_size", "Records per batch, 100 to 5,000,000."))
]
ThreadsOption = Annotated[int | None, typer.Option(help=_help("threads", "Worker threads."))]


class Destination(StrEnum):
    """Destination of the members that ``ingest`` validates."""

    STORE = "store"
    KAFKA = "kafka"


class Engine(StrEnum):
    """Engine that computes the distributions."""

    EMBEDDED = "embedded"
    SPARK = "spark"


class StoreKind(StrEnum):
    """Store that the charts read."""

    DUCKDB = "duckdb"
    CASSANDRA = "cassandra"


ToOption = Annotated[
    Destination,
    typer.Option(
        "--to",
        help="store: validate into the DuckDB store; kafka: produce members to --topic and "
        "rejected records to --dead-letter-topic.",
    ),
]
TopicOption = Annotated[
    str | None, typer.Option(help=_help("kafka_topic", "Kafka topic of valid members."))
]
DeadLetterTopicOption = Annotated[
    str | None,
    typer.Option(help=_help("kafka_dead_letter_topic", "Kafka topic of rejected records.")),
]
PartitionsOption = Annotated[
    int | None,
    typer.Option(help=_help("kafka_partitions", "Partitions of topics that ingest creates.")),
]
BootstrapOption = Annotated[
    str | None,
    typer.Option(help=_help("kafka_bootstrap_servers", "Kafka bootstrap servers, host:port.")),
]
RegistryOption = Annotated[
    str | None,
    typer.Option(help=_help("schema_registry_url", "Confluent-compatible schema registry URL.")),
]
CassandraHostOption = Annotated[
    str | None, typer.Option(help=_help("cassandra_host", "Cassandra contact point."))
]
CassandraPortOption = Annotated[
    int | None, typer.Option(help=_help("cassandra_port", "Cassandra CQL port."))
]
KeyspaceOption = Annotated[
    str | None, typer.Option(help=_help("cassandra_keyspace", "Cassandra keyspace."))
]
ReplicationOption = Annotated[
    str | None,
    typer.Option(
        help=_help(
            "cassandra_replication",
            "Keyspace replication: SimpleStrategy:N or NetworkTopologyStrategy:dc1=N,dc2=M.",
        )
    ),
]
MasterOption = Annotated[
    str | None,
    typer.Option(help=_help("spark_master", "Spark master URL, such as spark://host:7077.")),
]
MemoryLimitOption = Annotated[
    str | None,
    typer.Option(help=_help("memory_limit", "DuckDB memory limit, such as 512MB or 2GB.")),
]


@app.callback(invoke_without_command=True)
def _root(
    context: typer.Context,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        out.print(f"memberanalyzer {__version__}")
        raise typer.Exit()
    if context.invoked_subcommand is None:
        out.print(context.get_help())
        raise typer.Exit(2)


T = TypeVar("T")


def _run_command(action: Callable[[], T]) -> T:
    """Run a command body and turn MemberAnalyzer errors into messages and exit codes."""
    try:
        return action()
    except MemberAnalyzerError as error:
        log.debug("command failed", exc_info=True)
        # Plain text without wrapping, so the message stays one line for log search.
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("interrupted: batches already written are stored", err=True)
        raise typer.Exit(130) from None


def _configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def _parse_as_of(text: str | None) -> date:
    if text is None:
        return datetime.now(UTC).date()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ConfigurationError(
            f"invalid --as-of {text!r}: expected a date as YYYY-MM-DD"
        ) from None


def _check_output_folder(folder: Path) -> None:
    """Fail before any work when the report folder is an existing file."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"--out {folder} is a file, not a folder; choose another --out")


def _nationalities(text: str | None) -> list[str]:
    return [code.strip().upper() for code in (text or "").split(",") if code.strip()]


@contextmanager
def _open_chart_store(settings: Settings, kind: StoreKind) -> Iterator[MemberStore]:
    if kind is StoreKind.DUCKDB:
        with DuckDBStore.from_settings(settings) as duckdb_store:
            yield duckdb_store
        return

    from memberanalyzer.connections import cassandra_config
    from memberanalyzer.stores.cassandra_store import CassandraStore

    with CassandraStore(cassandra_config(settings), create=False) as cassandra_store:
        yield cassandra_store


def _sources(
    settings: Settings,
    inputs: list[Path] | None,
    generate: int | None,
    seed: int,
    api_count: int | None,
    api_seed: str | None,
    nat: str | None,
) -> list[MemberSource]:
    sources: list[MemberSource] = [
        JsonFileSource(path, settings.batch_size, settings.threads, settings.memory_limit)
        for path in inputs or []
    ]
    if api_count is not None:
        sources.append(
            RandomUserApiSource(
                settings.api_url,
                api_count,
                settings.api_page_size,
                api_seed,
                _nationalities(nat),
                settings.api_timeout,
                settings.api_retries,
                settings.api_backoff,
            )
        )
    if generate is not None:
        sources.append(GeneratorSource(generate, seed, _nationalities(nat)))
    if not sources:
        raise ConfigurationError(
            "no source given: use --input FILE, --generate N or --api-count N (or several)"
        )
    return sources


def _ingest_with_progress(sources: list[MemberSource], store: DuckDBStore) -> IngestSummary:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingesting records", total=None)

        def advance(_: str, records: int) -> None:
            progress.advance(task, records)

        return ingest(sources, store, on_batch=advance)


def _print_summary(summary: IngestSummary) -> None:
    table = Table(title="Ingest summary", show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("records read", f"{summary.records_read:,}")
    table.add_row("  stored as new members", f"{summary.new_members:,}")
    table.add_row("  duplicates merged", f"{summary.duplicates_merged:,}")
    table.add_row("  rejected", f"{summary.rejected:,}")
    for reason, count in summary.rejected_by_reason.most_common():
        table.add_row(f"    {reason}", f"{count:,}")
    table.add_row("text repaired (mojibake)", f"{summary.text_repairs:,}")
    table.add_row("members in store", f"{summary.members_in_store:,}")
    out.print(table)
    for description in summary.sources:
        out.print(f"Source: {description}", highlight=False)


def _print_report_files(files: ReportFiles) -> None:
    out.print(f"Charts:        {files.folder}/ ({len(files.charts)} files)")
    out.print(f"Report:        {files.report}")
    out.print(f"Distributions: {files.csv}")
    out.print(f"               {files.json}")


@app.command("ingest")
def ingest_command(
    inputs: InputOption = None,
    generate: GenerateOption = None,
    seed: SeedOption = 0,
    api_count: ApiCountOption = None,
    api_url: ApiUrlOption = None,
    api_seed: ApiSeedOption = None,
    api_page_size: ApiPageSizeOption = None,
    api_timeout: ApiTimeoutOption = None,
    api_retries: ApiRetriesOption = None,
    api_backoff: ApiBackoffOption = None,
    nat: NatOption = None,
    to: ToOption = Destination.STORE,
    topic: TopicOption = None,
    dead_letter_topic: DeadLetterTopicOption = None,
    partitions: PartitionsOption = None,
    bootstrap_servers: BootstrapOption = None,
    schema_registry_url: RegistryOption = None,
    db: DbOption = None,
    batch_size: BatchSizeOption = None,
    threads: ThreadsOption = None,
    memory_limit: MemoryLimitOption = None,
    log_level: LogLevelOption = None,
) -> None:
    """Read member records, validate them, and store them or produce them to Kafka.

    Rejected records are kept with their reason: in the store's rejected_records table, or in
    the dead-letter topic with the reason in a header.
    """

    def body() -> None:
        settings = load_settings(
            db=db,
            api_url=api_url,
            api_page_size=api_page_size,
            api_timeout=api_timeout,
            api_retries=api_retries,
            api_backoff=api_backoff,
            batch_size=batch_size,
            threads=threads,
            memory_limit=memory_limit,
            log_level=log_level,
            kafka_topic=topic,
            kafka_dead_letter_topic=dead_letter_topic,
            kafka_partitions=partitions,
            kafka_bootstrap_servers=bootstrap_servers,
            schema_registry_url=schema_registry_url,
        )
        _configure_logging(settings.log_level)
        sources = _sources(settings, inputs, generate, seed, api_count, api_seed, nat)
        if to is Destination.KAFKA:
            _print_produce_summary(_produce(settings, sources))
            return
        with DuckDBStore.from_settings(settings) as store:
            summary = _ingest_with_progress(sources, store)
        _print_summary(summary)

    _run_command(body)


def _produce(settings: Settings, sources: list[MemberSource]) -> ProduceSummary:
    from memberanalyzer.connections import kafka_config
    from memberanalyzer.engines.distributed import produce
    from memberanalyzer.errors import DeliveryError
    from memberanalyzer.transport.kafka import MemberProducer

    producer = MemberProducer(
        kafka_config(settings), settings.kafka_topic, settings.kafka_dead_letter_topic
    )
    try:
        return produce(sources, producer)
    except DeliveryError:
        _print_produce_counts(
            producer.counts.produced, producer.counts.delivered, producer.counts.failed
        )
        raise


def _print_produce_counts(produced: int, delivered: int, failed: int) -> None:
    out.print(f"Produced {produced:,} messages: {delivered:,} delivered, {failed:,} failed")


def _print_produce_summary(summary: ProduceSummary) -> None:
    table = Table(title="Produce summary", show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("records read", f"{summary.records_read:,}")
    table.add_row(f"  members produced to {summary.topic}", f"{summary.members_produced:,}")
    table.add_row(f"  rejected, produced to {summary.dead_letter_topic}", f"{summary.rejected:,}")
    for reason, count in summary.rejected_by_reason.most_common():
        table.add_row(f"    {reason}", f"{count:,}")
    table.add_row("messages produced", f"{summary.produced:,}")
    table.add_row("  delivered", f"{summary.delivered:,}")
    table.add_row("  failed", f"{summary.failed:,}")
    table.add_row("text repaired (mojibake)", f"{summary.text_repairs:,}")
    out.print(table)
    out.print(f"Schema id of subject {summary.topic}-value: {summary.schema_id}")
    for description in summary.sources:
        out.print(f"Source: {description}", highlight=False)


@app.command("analyze")
def analyze_command(
    as_of: AsOfOption = None,
    age_bounds: AgeBoundsOption = None,
    engine: Annotated[
        Engine,
        typer.Option(
            help="embedded: members in the DuckDB store; spark: members in Cassandra, "
            "computed on Spark and stored in Cassandra."
        ),
    ] = Engine.EMBEDDED,
    master: MasterOption = None,
    cassandra_host: CassandraHostOption = None,
    cassandra_port: CassandraPortOption = None,
    keyspace: KeyspaceOption = None,
    db: DbOption = None,
    threads: ThreadsOption = None,
    memory_limit: MemoryLimitOption = None,
    log_level: LogLevelOption = None,
) -> None:
    """Compute every distribution as of a date and store it."""

    def body() -> None:
        settings = load_settings(
            db=db,
            age_bounds=age_bounds,
            threads=threads,
            memory_limit=memory_limit,
            log_level=log_level,
            spark_master=master,
            cassandra_host=cassandra_host,
            cassandra_port=cassandra_port,
            cassandra_keyspace=keyspace,
        )
        _configure_logging(settings.log_level)
        day = _parse_as_of(as_of)
        if engine is Engine.SPARK:
            member_count, rows = _analyze_on_spark(settings, day)
            where = f"Cassandra keyspace {settings.cassandra_keyspace}"
        else:
            with DuckDBStore.from_settings(settings) as store:
                result = analyze(store, day, settings.age_groups)
            member_count, rows = result.member_count, result.distributions.num_rows
            where = str(settings.db)
        out.print(
            f"Distributions as of {day.isoformat()}: {member_count:,} members, "
            f"{rows:,} rows stored in {where}"
        )

    _run_command(body)


def _spark(settings: Settings, app_name: str) -> SparkSession:
    from memberanalyzer.connections import cassandra_config
    from memberanalyzer.engines.spark_session import spark_session

    return spark_session(
        app_name, settings.spark_master, settings.spark_jars_dir, cassandra_config(settings)
    )


def _analyze_on_spark(settings: Settings, day: date) -> tuple[int, int]:
    from memberanalyzer.connections import cassandra_config
    from memberanalyzer.engines.spark_analysis import analyze_on_spark
    from memberanalyzer.stores.cassandra_store import CassandraStore

    spark = _spark(settings, "memberanalyzer-analyze")
    try:
        with CassandraStore(cassandra_config(settings)) as store:
            result = analyze_on_spark(spark, store, day, settings.age_groups)
    finally:
        spark.stop()
    return result.member_count, result.distributions.num_rows


@app.command("stream")
def stream_command(
    once: Annotated[
        bool,
        typer.Option("--once", help="Process the messages already in the topic, then stop."),
    ] = False,
    trigger_seconds: Annotated[
        float | None,
        typer.Option(
            help=_help("spark_trigger_seconds", "Seconds between micro-batches when not --once.")
        ),
    ] = None,
    max_offsets_per_trigger: Annotated[
        int | None,
        typer.Option(
            help=_help("spark_max_offsets_per_trigger", "Most Kafka messages per micro-batch.")
        ),
    ] = None,
    checkpoint: Annotated[
        Path | None,
        typer.Option(
            help=_help(
                "spark_checkpoint",
                "Checkpoint folder: the Kafka offsets already written. Keep it to resume.",
            )
        ),
    ] = None,
    topic: TopicOption = None,
    master: MasterOption = None,
    bootstrap_servers: BootstrapOption = None,
    schema_registry_url: RegistryOption = None,
    cassandra_host: CassandraHostOption = None,
    cassandra_port: CassandraPortOption = None,
    keyspace: KeyspaceOption = None,
    replication: ReplicationOption = None,
    log_level: LogLevelOption = None,
) -> None:
    """Stream members from Kafka through the member rules into Cassandra, on Spark."""

    def body() -> None:
        from memberanalyzer.connections import cassandra_config, kafka_config
        from memberanalyzer.engines.spark_stream import StreamOptions, run_stream

        settings = load_settings(
            spark_trigger_seconds=trigger_seconds,
            spark_max_offsets_per_trigger=max_offsets_per_trigger,
            spark_checkpoint=checkpoint,
            kafka_topic=topic,
            spark_master=master,
            kafka_bootstrap_servers=bootstrap_servers,
            schema_registry_url=schema_registry_url,
            cassandra_host=cassandra_host,
            cassandra_port=cassandra_port,
            cassandra_keyspace=keyspace,
            cassandra_replication=replication,
            log_level=log_level,
        )
        _configure_logging(settings.log_level)
        options = StreamOptions(
            topic=settings.kafka_topic,
            checkpoint=settings.spark_checkpoint,
            once=once,
            trigger_seconds=settings.spark_trigger_seconds,
            max_offsets_per_trigger=settings.spark_max_offsets_per_trigger,
        )
        spark = _spark(settings, "memberanalyzer-stream")
        try:
            summary = run_stream(spark, options, kafka_config(settings), cassandra_config(settings))
        finally:
            spark.stop()
        out.print(
            f"Streamed {summary.batches:,} micro-batches: {summary.members_written:,} members "
            f"and {summary.rejected_written:,} rejected records written to Cassandra keyspace "
            f"{settings.cassandra_keyspace}"
        )

    _run_command(body)


@app.command("cassandra-init")
def cassandra_init_command(
    cassandra_host: CassandraHostOption = None,
    cassandra_port: CassandraPortOption = None,
    keyspace: KeyspaceOption = None,
    replication: ReplicationOption = None,
    log_level: LogLevelOption = None,
) -> None:
    """Create the Cassandra keyspace and tables if they do not exist; data is kept."""

    def body() -> None:
        from memberanalyzer.connections import cassandra_config
        from memberanalyzer.stores.cassandra_store import CassandraStore

        settings = load_settings(
            cassandra_host=cassandra_host,
            cassandra_port=cassandra_port,
            cassandra_keyspace=keyspace,
            cassandra_replication=replication,
            log_level=log_level,
        )
        _configure_logging(settings.log_level)
        with CassandraStore(cassandra_config(settings)):
            pass
        out.print(
            f"Cassandra keyspace {settings.cassandra_keyspace} is ready on "
            f"{settings.cassandra_host}:{settings.cassandra_port}"
        )

    _run_command(body)


@app.command("charts")
def charts_command(
    as_of: ChartDateOption = None,
    out_dir: OutOption = None,
    top_n: TopNOption = None,
    source: Annotated[
        StoreKind,
        typer.Option(
            "--from",
            help="Store to read the distributions from: the DuckDB file or Cassandra.",
        ),
    ] = StoreKind.DUCKDB,
    cassandra_host: CassandraHostOption = None,
    cassandra_port: CassandraPortOption = None,
    keyspace: KeyspaceOption = None,
    db: DbOption = None,
    log_level: LogLevelOption = None,
) -> None:
    """Draw the charts, the HTML report and the CSV and JSON exports of a date's distributions."""

    def body() -> None:
        settings = load_settings(
            db=db,
            out=out_dir,
            top_n=top_n,
            log_level=log_level,
            cassandra_host=cassandra_host,
            cassandra_port=cassandra_port,
            cassandra_keyspace=keyspace,
        )
        _configure_logging(settings.log_level)
        day = _parse_as_of(as_of)
        with _open_chart_store(settings, source) as store:
            files = draw_charts(store, day, settings.out, settings.top_n)
        _print_report_files(files)

    _run_command(body)


@app.command("run")
def run_command(
    inputs: InputOption = None,
    generate: GenerateOption = None,
    seed: SeedOption = 0,
    api_count: ApiCountOption = None,
    api_url: ApiUrlOption = None,
    api_seed: ApiSeedOption = None,
    api_page_size: ApiPageSizeOption = None,
    api_timeout: ApiTimeoutOption = None,
    api_retries: ApiRetriesOption = None,
    api_backoff: ApiBackoffOption = None,
    nat: NatOption = None,
    as_of: AsOfOption = None,
    age_bounds: AgeBoundsOption = None,
    out_dir: OutOption = None,
    top_n: TopNOption = None,
    db: DbOption = None,
    batch_size: BatchSizeOption = None,
    threads: ThreadsOption = None,
    memory_limit: MemoryLimitOption = None,
    log_level: LogLevelOption = None,
) -> None:
    """Run every stage: ingest, analyze, then charts and the report."""

    def body() -> None:
        settings = load_settings(
            db=db,
            out=out_dir,
            top_n=top_n,
            age_bounds=age_bounds,
            api_url=api_url,
            api_page_size=api_page_size,
            api_timeout=api_timeout,
            api_retries=api_retries,
            api_backoff=api_backoff,
            batch_size=batch_size,
            threads=threads,
            memory_limit=memory_limit,
            log_level=log_level,
        )
        _configure_logging(settings.log_level)
        day = _parse_as_of(as_of)
        _check_output_folder(settings.out)
        sources = _sources(settings, inputs, generate, seed, api_count, api_seed, nat)
        with DuckDBStore.from_settings(settings) as store:
            summary = _ingest_with_progress(sources, store)
            _print_summary(summary)
            result = analyze(store, day, settings.age_groups)
            files = draw_charts(store, day, settings.out, settings.top_n, summary.as_dict())
        out.print(f"Distributions as of {day.isoformat()} over {result.member_count:,} members")
        _print_report_files(files)

    _run_command(body)


@app.command("generate")
def generate_command(
    count: Annotated[int, typer.Argument(help="Number of members to generate.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="NDJSON file to write.")],
    seed: SeedOption = 0,
    nat: NatOption = None,
    log_level: LogLevelOption = None,
) -> None:
    """Write generated randomuser.me-shaped members to an NDJSON file, without storing them."""

    def body() -> None:
        settings = load_settings(log_level=log_level)
        _configure_logging(settings.log_level)
        written = write_ndjson(
            GeneratorSource(count, seed, _nationalities(nat)), output, settings.threads
        )
        out.print(f"Wrote {written:,} members to {output}")

    _run_command(body)


HostOption = Annotated[
    str | None, typer.Option("--host", help=_help("http_host", "Address to listen on."))
]
PortOption = Annotated[
    int | None, typer.Option("--port", help=_help("http_port", "TCP port to listen on."))
]


@app.command("serve")
def serve_command(
    host: HostOption = None,
    port: PortOption = None,
    to: Annotated[
        Destination | None,
        typer.Option(
            "--to",
            help="store: accepted members go to the DuckDB store; kafka: to --topic, read back "
            "from Cassandra once the stream job wrote them. (env: MEMBERANALYZER_HTTP_DESTINATION; "
            "default: store)",
        ),
    ] = None,
    topic: TopicOption = None,
    db: DbOption = None,
    age_bounds: AgeBoundsOption = None,
    threads: ThreadsOption = None,
    memory_limit: MemoryLimitOption = None,
    log_level: LogLevelOption = None,
) -> None:
    """Serve the ingestion HTTP API and the live dashboard until stopped (Ctrl-C).

    API keys come from MEMBERANALYZER_HTTP_API_KEYS only, so they never show in the process
    list. The limits are the MEMBERANALYZER_HTTP_* settings listed in the README.
    """

    def body() -> None:
        settings = load_settings(
            http_host=host,
            http_port=port,
            http_destination=to.value if to is not None else None,
            kafka_topic=topic,
            db=db,
            age_bounds=age_bounds,
            threads=threads,
            memory_limit=memory_limit,
            log_level=log_level,
        )
        _configure_logging(settings.log_level)
        # FastAPI and uvicorn load only for this command; they are in the `api` extra.
        try:
            from memberanalyzer.api.server import serve
        except ImportError as error:
            raise ConfigurationError(
                f"the HTTP API needs the api extra ({error.name} is missing): "
                "pip install 'memberanalyzer[api]'"
            ) from error
        destination = (
            f"the store {settings.db}"
            if settings.http_destination == "store"
            else f"Kafka topic {settings.kafka_topic}"
        )
        out.print(
            f"Serving the API and the dashboard on http://{settings.http_host}:"
            f"{settings.http_port}/ into {destination}; stop with Ctrl-C"
        )
        serve(settings)

    _run_command(body)


def main() -> None:
    """Entry point of the ``memberanalyzer`` script."""
    app()
