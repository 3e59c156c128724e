"""Typed settings of MemberAnalyzer, read from ``MEMBERANALYZER_*`` environment variables.

Command-line options override these values. Every default works on a laptop with no server:
the store is a DuckDB file in the working directory and reports go to ``./reports``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from memberanalyzer.errors import ConfigurationError
from memberanalyzer.members.age import DEFAULT_AGE_BOUNDS, AgeGroups

__all__ = ["ENV_PREFIX", "Engine", "IngestSource", "Settings", "load_settings"]

ENV_PREFIX = "MEMBERANALYZER_"

# Engine of the orchestrated stages: one process on DuckDB, or Kafka, Spark and Cassandra.
Engine = Literal["embedded", "distributed"]
# Source of the scheduled ingest: the randomuser.me-compatible API or the generator.
IngestSource = Literal["api", "generator"]

# DuckDB's size syntax: a number and a unit, such as 512MB, 2GB or 1.5GiB.
_UNIT_BYTES = {
    "B": 1,
    "KB": 1000,
    "MB": 1000**2,
    "GB": 1000**3,
    "TB": 1000**4,
    "KIB": 1024,
    "MIB": 1024**2,
    "GIB": 1024**3,
    "TIB": 1024**4,
}
# Shorter keys can be guessed by trying them; 16 random characters are out of reach.
_MIN_API_KEY_LENGTH = 16
# Settings whose values an error message must not show.
_SECRET_SETTINGS = frozenset({"http_api_keys", "postgres_password"})
# Below this, DuckDB fails with "out of memory" on the first query.
_MIN_MEMORY_LIMIT_BYTES = 64 * 1000**2
_MEMORY_LIMIT_PATTERN = re.compile(
    r"^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", re.IGNORECASE
)


class Settings(BaseSettings):
    """Every setting of the embedded pipeline, with its unit in the description."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", frozen=True)

    db: Path = Field(Path("memberanalyzer.duckdb"), description="DuckDB database file")
    out: Path = Field(Path("reports"), description="folder for charts and reports")
    age_bounds: str = Field(
        ",".join(str(bound) for bound in DEFAULT_AGE_BOUNDS),
        description="lower bounds of the age groups after 0-17, comma-separated years",
    )
    top_n: int = Field(
        20, ge=1, le=200, description="bars per chart before the rest is grouped as Other"
    )
    batch_size: int = Field(50_000, ge=100, le=5_000_000, description="records per batch")
    threads: int = Field(
        default_factory=lambda: os.cpu_count() or 2, ge=1, le=256, description="worker threads"
    )
    memory_limit: str = Field("256MB", description="DuckDB memory limit, e.g. 512MB or 2GB")
    api_url: str = Field("https://randomuser.me/api/", description="randomuser.me-compatible API")
    api_page_size: int = Field(5000, ge=1, le=5000, description="results per API request")
    api_timeout: float = Field(30.0, gt=0, description="seconds per API request")
    api_retries: int = Field(5, ge=0, le=20, description="retries of a failed API request")
    api_backoff: float = Field(
        1.0, ge=0, description="seconds before the first retry, doubled each time"
    )
    log_level: str = Field("WARNING", description="DEBUG, INFO, WARNING or ERROR")
    engine: Engine = Field(
        "embedded",
        description="engine of the Airflow tasks: embedded (DuckDB) or distributed (Kafka, Spark, "
        "Cassandra)",
    )
    ingest_source: IngestSource = Field(
        "api",
        description="source of the Airflow ingest when its run names none: api or generator",
    )

    # The servers of the distributed mode. `make services-up` starts local ones on these ports.
    kafka_bootstrap_servers: str = Field(
        "127.0.0.1:9092", description="Kafka bootstrap servers, host:port[,host:port]"
    )
    kafka_topic: str = Field("members", description="Kafka topic of valid members")
    kafka_dead_letter_topic: str = Field(
        "members.rejected", description="Kafka topic of rejected records (dead-letter)"
    )
    kafka_partitions: int = Field(
        3, ge=1, le=10_000, description="partitions of a topic that ingest creates"
    )
    kafka_replication_factor: int = Field(
        1, ge=1, le=16, description="replication factor of a topic that ingest creates"
    )
    kafka_config: dict[str, str] = Field(
        default_factory=dict,
        description="extra librdkafka properties as a JSON object, e.g. SASL or TLS settings",
    )
    cassandra_host: str = Field("127.0.0.1", description="Cassandra contact point")
    cassandra_port: int = Field(9042, ge=1, le=65535, description="Cassandra CQL port")
    cassandra_keyspace: str = Field("memberanalyzer", description="Cassandra keyspace")
    cassandra_replication: str = Field(
        "SimpleStrategy:1",
        description="keyspace replication: SimpleStrategy:N or NetworkTopologyStrategy:dc1=N",
    )
    cassandra_local_dc: str = Field("datacenter1", description="Cassandra local datacenter")
    cassandra_username: str | None = Field(None, description="Cassandra user, if auth is on")
    cassandra_password: SecretStr | None = Field(None, description="Cassandra password")
    schema_registry_url: str = Field(
        "http://127.0.0.1:8081/apis/ccompat/v6",
        description="Confluent-compatible schema registry URL",
    )
    schema_registry_config: dict[str, str] = Field(
        default_factory=dict,
        description="extra schema registry client settings as a JSON object, e.g. basic.auth",
    )
    spark_master: str = Field("local[*]", description="Spark master URL")
    spark_checkpoint: Path = Field(
        Path("checkpoints/stream"), description="folder of the stream job's checkpoint"
    )
    spark_trigger_seconds: float = Field(
        1.0, gt=0, description="seconds between micro-batches of the stream job"
    )
    spark_max_offsets_per_trigger: int | None = Field(
        None, ge=1, description="most Kafka records per micro-batch; none for no limit"
    )
    spark_jars_dir: Path = Field(
        Path(".services/lib/spark-connectors"),
        description="folder of the Spark connector jars fetched by `make services-fetch`",
    )
    postgres_host: str = Field("127.0.0.1", description="PostgreSQL host for Airflow")
    postgres_port: int = Field(5432, ge=1, le=65535, description="PostgreSQL port")
    postgres_database: str = Field("airflow", description="PostgreSQL database for Airflow")
    postgres_user: str = Field("airflow", description="PostgreSQL user for Airflow")
    postgres_password: SecretStr | None = Field(
        None, description="PostgreSQL password; none for the local servers, which trust loopback"
    )

    # The ingestion HTTP API and the live dashboard (`memberanalyzer serve`). The api_* settings
    # above belong to the randomuser.me source, not to this server.
    http_host: str = Field("127.0.0.1", description="address the HTTP server listens on")
    http_port: int = Field(8000, ge=1, le=65535, description="TCP port of the HTTP server")
    http_api_keys: SecretStr | None = Field(
        None, description="API keys accepted in the X-API-Key header, comma-separated"
    )
    http_max_batch_records: int = Field(
        10_000, ge=1, le=1_000_000, description="records per POST /v1/members/batch request"
    )
    http_max_body_bytes: int = Field(
        16 * 1024 * 1024, ge=1024, description="bytes per request body"
    )
    http_queue_records: int = Field(
        50_000,
        ge=1,
        description="records received but not yet stored before requests get 429",
    )
    http_refresh_seconds: float = Field(
        1.0, gt=0, le=3600, description="seconds between two updates of the live dashboard"
    )
    http_destination: Literal["store", "kafka"] = Field(
        "store",
        description="where accepted members go: store (DuckDB) or kafka (distributed mode)",
    )

    @field_validator("age_bounds")
    @classmethod
    def _valid_age_bounds(cls, value: str) -> str:
        AgeGroups.parse(value)
        return value

    @field_validator("memory_limit")
    @classmethod
    def _valid_memory_limit(cls, value: str) -> str:
        match = _MEMORY_LIMIT_PATTERN.match(value.strip())
        if not match:
            raise ValueError("use a size such as 512MB or 2GB")
        number, unit = float(match.group(1)), match.group(2).upper()
        if number * _UNIT_BYTES[unit] < _MIN_MEMORY_LIMIT_BYTES:
            raise ValueError("DuckDB needs at least 64MB")
        return value.strip()

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError(f"unknown log level {value!r}; use DEBUG, INFO, WARNING or ERROR")
        return level

    @field_validator("http_api_keys")
    @classmethod
    def _valid_api_keys(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        keys = [key.strip() for key in value.get_secret_value().split(",")]
        if any(len(key) < _MIN_API_KEY_LENGTH for key in keys):
            # The message must not repeat the keys: settings errors are printed.
            raise ValueError(
                f"every API key needs at least {_MIN_API_KEY_LENGTH} characters; "
                "separate several keys with commas"
            )
        return value

    @property
    def age_groups(self) -> AgeGroups:
        return AgeGroups.parse(self.age_bounds)

    @property
    def api_keys(self) -> tuple[str, ...]:
        """The HTTP server's API keys; empty when none are set."""
        if self.http_api_keys is None:
            return ()
        return tuple(key.strip() for key in self.http_api_keys.get_secret_value().split(","))


def load_settings(**overrides: object) -> Settings:
    """Read the environment, apply ``overrides`` that are not None, and validate everything."""
    chosen = {name: value for name, value in overrides.items() if value is not None}
    try:
        return Settings(**chosen)  # type: ignore[arg-type]
    except ValidationError as error:
        problems = "; ".join(_describe(problem) for problem in error.errors())
        raise ConfigurationError(f"invalid settings: {problems}") from None


def _describe(problem: object) -> str:
    assert isinstance(problem, dict)
    name = ".".join(str(part) for part in problem.get("loc", ()))
    option = f"--{name.replace('_', '-')} / {ENV_PREFIX}{name.upper()}" if name else "settings"
    message = str(problem.get("msg", "")).removeprefix("Value error, ")
    if name in _SECRET_SETTINGS:
        return f"{option}: {message}"
    return f"{option}: {message} (got {problem.get('input')!r})"
