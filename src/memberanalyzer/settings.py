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

# Where the orchestrated stages run: one process on DuckDB, or Kafka, Spark and Cassandra.
Engine = Literal["embedded", "distributed"]
# Where the scheduled ingest reads members: the randomuser.me-compatible API or the generator.
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
    cassandra_host: str = Field("127.0.0.1", description="Cassandra contact point")
    cassandra_port: int = Field(9042, ge=1, le=65535, description="Cassandra CQL port")
    schema_registry_url: str = Field(
        "http://127.0.0.1:8081", description="Confluent-compatible schema registry URL"
    )
    postgres_host: str = Field("127.0.0.1", description="PostgreSQL host for Airflow")
    postgres_port: int = Field(5432, ge=1, le=65535, description="PostgreSQL port")
    postgres_database: str = Field("airflow", description="PostgreSQL database for Airflow")
    postgres_user: str = Field("airflow", description="PostgreSQL user for Airflow")
    postgres_password: SecretStr | None = Field(
        None, description="PostgreSQL password; none for the local servers, which trust loopback"
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

    @property
    def age_groups(self) -> AgeGroups:
        return AgeGroups.parse(self.age_bounds)


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
    return f"{option}: {message} (got {problem.get('input')!r})"
