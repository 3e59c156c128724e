"""The distributed mode's member store: Apache Cassandra, through the DataStax Python driver.

Tables are laid out for the queries that read them, so no query needs ALLOW FILTERING:

* ``members``: one partition per member_id, written as upserts;
* ``rejected_records``: partitioned by the day of the rejection, clustered by rejection_id;
* ``analyses``: one row per as-of date, naming the run whose distributions are current;
* ``distributions``: partitioned by (as_of, dimension), clustered by run and value.

A new analysis writes its rows under a new run id and then points the date's ``analyses`` row
at it. One row changes in one write, so a reader gets the old distributions or the new ones,
never a mix. A failed analysis leaves no partial distributions visible. A single logged batch
would also be atomic, but Cassandra refuses batches over 50 kB, and a city distribution alone
can be larger.

Every statement that carries a value is prepared. Only the keyspace name and the replication
setting, both checked against strict patterns first, are written into CQL text.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pyarrow as pa
from cassandra import DriverException, RequestExecutionException  # type: ignore[attr-defined]
from cassandra.auth import PlainTextAuthProvider
from cassandra.cluster import (
    EXEC_PROFILE_DEFAULT,
    Cluster,
    ExecutionProfile,
    NoHostAvailable,
    Session,
)
from cassandra.concurrent import execute_concurrent_with_args
from cassandra.policies import DCAwareRoundRobinPolicy, TokenAwarePolicy
from cassandra.query import PreparedStatement, SimpleStatement

from memberanalyzer.errors import ConfigurationError, StoreError
from memberanalyzer.members.age import AgeGroups
from memberanalyzer.members.distributions import DIMENSIONS, DISTRIBUTION_SCHEMA
from memberanalyzer.members.schema import MEMBER_SCHEMA, REJECTED_SCHEMA
from memberanalyzer.stores.base import MemberStore

__all__ = [
    "CassandraConfig",
    "CassandraStore",
    "create_schema",
    "replication_options",
    "schema_statements",
]

log = logging.getLogger(__name__)

_KEYSPACE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,47}$")
_SIMPLE = re.compile(r"^SimpleStrategy:(?P<factor>[1-9]\d?)$")
_NETWORK = re.compile(
    r"^NetworkTopologyStrategy:(?P<datacenters>[A-Za-z0-9_.-]+=[1-9]\d?(,[A-Za-z0-9_.-]+=[1-9]\d?)*)$"
)

_CQL_TYPES = {
    pa.string(): "text",
    pa.float64(): "double",
    pa.int64(): "bigint",
    pa.date32(): "date",
}

# Exceptions of the driver when a node is unreachable, times out or rejects a statement.
_CASSANDRA_ERRORS = (DriverException, RequestExecutionException, NoHostAvailable)

# Concurrent requests in flight for bulk writes: enough to keep one local node busy.
_CONCURRENCY = 64


@dataclass(frozen=True)
class CassandraConfig:
    """Address of the Cassandra cluster, and the replication of the keyspace."""

    host: str = "127.0.0.1"
    port: int = 9042
    keyspace: str = "memberanalyzer"
    replication: str = "SimpleStrategy:1"
    local_dc: str = "datacenter1"
    username: str | None = None
    password: str | None = None
    request_timeout: float = 60.0


def replication_options(replication: str) -> str:
    """Turn ``SimpleStrategy:1`` or ``NetworkTopologyStrategy:dc1=3,dc2=2`` into a CQL map."""
    simple = _SIMPLE.match(replication)
    if simple:
        return f"{{'class': 'SimpleStrategy', 'replication_factor': {simple['factor']}}}"
    network = _NETWORK.match(replication)
    if network:
        pairs = [pair.split("=") for pair in network["datacenters"].split(",")]
        factors = ", ".join(f"'{datacenter}': {factor}" for datacenter, factor in pairs)
        return f"{{'class': 'NetworkTopologyStrategy', {factors}}}"
    raise ConfigurationError(
        f"invalid Cassandra replication {replication!r}: use SimpleStrategy:N or "
        "NetworkTopologyStrategy:dc1=N,dc2=M"
    )


def _checked_keyspace(keyspace: str) -> str:
    if not _KEYSPACE_NAME.match(keyspace):
        raise ConfigurationError(
            f"invalid Cassandra keyspace {keyspace!r}: use lower-case letters, digits and "
            "underscores, starting with a letter, at most 48 characters"
        )
    return keyspace


def _member_columns() -> str:
    columns = []
    for field in MEMBER_SCHEMA:
        cql_type = "timestamp" if pa.types.is_timestamp(field.type) else _CQL_TYPES[field.type]
        key = " PRIMARY KEY" if field.name == "member_id" else ""
        columns.append(f"{field.name} {cql_type}{key}")
    return ", ".join(columns)


def schema_statements(keyspace: str, replication: str) -> list[str]:
    """Return the CQL that creates the keyspace and its tables. Every statement is idempotent."""
    keyspace = _checked_keyspace(keyspace)
    return [
        f"CREATE KEYSPACE IF NOT EXISTS {keyspace} "
        f"WITH replication = {replication_options(replication)}",
        f"CREATE TABLE IF NOT EXISTS {keyspace}.members ({_member_columns()})",
        f"""CREATE TABLE IF NOT EXISTS {keyspace}.rejected_records (
            rejected_day date, rejection_id text, rejected_at timestamp, source text,
            record_number bigint, member_id text, reason text, field text, detail text,
            raw_record text, PRIMARY KEY ((rejected_day), rejection_id))""",
        f"""CREATE TABLE IF NOT EXISTS {keyspace}.analyses (
            as_of date PRIMARY KEY, run_id timeuuid, age_bounds text, member_count bigint,
            computed_at timestamp)""",
        f"""CREATE TABLE IF NOT EXISTS {keyspace}.distributions (
            as_of date, dimension text, run_id timeuuid, value text, count bigint,
            percentage double, PRIMARY KEY ((as_of, dimension), run_id, value))""",
    ]


def connect(config: CassandraConfig) -> tuple[Cluster, Session]:
    """Open a session on the cluster, with a clear error when no node responds."""
    profile = ExecutionProfile(
        load_balancing_policy=TokenAwarePolicy(DCAwareRoundRobinPolicy(local_dc=config.local_dc)),
        request_timeout=config.request_timeout,
    )
    auth = (
        PlainTextAuthProvider(config.username, config.password)
        if config.username is not None
        else None
    )
    cluster = Cluster(
        [config.host],
        port=config.port,
        auth_provider=auth,
        execution_profiles={EXEC_PROFILE_DEFAULT: profile},
        protocol_version=5,
    )
    try:
        session = cluster.connect()
    except _CASSANDRA_ERRORS as error:
        cluster.shutdown()
        raise StoreError(
            f"cannot connect to Cassandra at {config.host}:{config.port}: {error}. Start it "
            "with `make services-up` or set MEMBERANALYZER_CASSANDRA_HOST and _PORT"
        ) from error
    log.info("connected to Cassandra host=%s port=%d", config.host, config.port)
    return cluster, session


def create_schema(session: Session, config: CassandraConfig) -> None:
    """Create the keyspace and tables when they do not exist yet; existing data is kept."""
    for statement in schema_statements(config.keyspace, config.replication):
        session.execute(SimpleStatement(statement), timeout=config.request_timeout)
    log.info("Cassandra schema ready keyspace=%s", config.keyspace)


class CassandraStore(MemberStore):
    """Members, rejected records and distributions in a Cassandra keyspace."""

    def __init__(self, config: CassandraConfig, create: bool = True) -> None:
        self.config = config
        self._keyspace = _checked_keyspace(config.keyspace)
        self._cluster, self._session = connect(config)
        try:
            if create:
                create_schema(self._session, config)
            self._statements = self._prepare()
        except _CASSANDRA_ERRORS as error:
            self.close()
            raise StoreError(
                f"cannot prepare the Cassandra keyspace {self._keyspace}: {error}"
            ) from error

    def __enter__(self) -> CassandraStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _prepare(self) -> dict[str, PreparedStatement]:
        member_columns = ", ".join(MEMBER_SCHEMA.names)
        member_marks = ", ".join("?" for _ in MEMBER_SCHEMA.names)
        rejected_columns = ", ".join(["rejected_day", *REJECTED_SCHEMA.names])
        rejected_marks = ", ".join("?" for _ in range(len(REJECTED_SCHEMA.names) + 1))
        ks = self._keyspace
        queries = {
            "upsert_member": f"INSERT INTO {ks}.members ({member_columns}) VALUES ({member_marks})",
            "add_rejected": (
                f"INSERT INTO {ks}.rejected_records ({rejected_columns}) VALUES ({rejected_marks})"
            ),
            "rejected_on": f"SELECT {', '.join(REJECTED_SCHEMA.names)} FROM {ks}.rejected_records "
            "WHERE rejected_day = ?",
            "member": f"SELECT {member_columns} FROM {ks}.members WHERE member_id = ?",
            "analysis": f"SELECT run_id, age_bounds, member_count FROM {ks}.analyses "
            "WHERE as_of = ?",
            "set_analysis": f"INSERT INTO {ks}.analyses (as_of, run_id, age_bounds, member_count, "
            "computed_at) VALUES (?, ?, ?, ?, ?)",
            "remove_analysis": f"DELETE FROM {ks}.analyses WHERE as_of = ?",
            "add_distribution": f"INSERT INTO {ks}.distributions (as_of, dimension, run_id, value, "
            "count, percentage) VALUES (?, ?, ?, ?, ?, ?)",
            "run_distributions": f"SELECT value, count, percentage FROM {ks}.distributions "
            "WHERE as_of = ? AND dimension = ? AND run_id = ?",
            "remove_run": f"DELETE FROM {ks}.distributions WHERE as_of = ? AND dimension = ? "
            "AND run_id = ?",
        }
        return {name: self._session.prepare(query) for name, query in queries.items()}

    def upsert_members(self, members: pa.Table) -> None:
        rows = [tuple(row.values()) for row in members.select(MEMBER_SCHEMA.names).to_pylist()]
        self._write_all("upsert_member", rows)

    def add_rejected(self, rejected: pa.Table) -> None:
        rows = [
            (row["rejected_at"].date(), *row.values())
            for row in rejected.select(REJECTED_SCHEMA.names).to_pylist()
        ]
        self._write_all("add_rejected", rows)

    def _write_all(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        results = execute_concurrent_with_args(
            self._session,
            self._statements[statement],
            rows,
            concurrency=_CONCURRENCY,
            raise_on_first_error=False,
        )
        failures = [result for success, result in results if not success]
        if failures:
            raise StoreError(
                f"{len(failures)} of {len(rows)} Cassandra writes ({statement}) failed, the "
                f"first with: {failures[0]}; rerun the command, writes are idempotent"
            )

    def member_count(self) -> int:
        # A full scan, for tests and small keyspaces; the Spark engine counts large tables.
        row = self._session.execute(
            SimpleStatement(f"SELECT count(*) FROM {self._keyspace}.members"),
            timeout=self.config.request_timeout,
        ).one()
        return int(row[0])

    def find_member(self, member_id: str) -> dict[str, object] | None:
        row = self._session.execute(self._statements["member"], (member_id,)).one()
        return None if row is None else _as_utc_row(row._asdict())

    def member_tables(self, columns: Sequence[str], rows: int) -> Iterator[pa.Table]:
        unknown = set(columns) - set(MEMBER_SCHEMA.names)
        if unknown:
            raise ValueError(f"unknown member columns: {sorted(unknown)}")
        schema = pa.schema([MEMBER_SCHEMA.field(name).with_nullable(True) for name in columns])
        query = SimpleStatement(
            f"SELECT {', '.join(columns)} FROM {self._keyspace}.members", fetch_size=rows
        )
        buffered: list[dict[str, Any]] = []
        for row in self._session.execute(query, timeout=self.config.request_timeout):
            buffered.append(_as_utc_row(row._asdict()))
            if len(buffered) >= rows:
                yield pa.Table.from_pylist(buffered, schema)
                buffered = []
        if buffered:
            yield pa.Table.from_pylist(buffered, schema)

    def rejected_on(self, day: date) -> pa.Table:
        """Return the records rejected on ``day`` (UTC)."""
        rows = [
            _as_utc_row(row._asdict())
            for row in self._session.execute(self._statements["rejected_on"], (day,))
        ]
        return pa.Table.from_pylist(rows, REJECTED_SCHEMA)

    def replace_distributions(
        self, as_of: date, distributions: pa.Table, age_groups: AgeGroups, member_count: int
    ) -> None:
        previous = self._current_run(as_of)
        try:
            if member_count > 0:
                run_id = uuid.uuid1()
                self._write_run(as_of, run_id, distributions)
                self._session.execute(
                    self._statements["set_analysis"],
                    (as_of, run_id, age_groups.text, member_count, datetime.now(UTC)),
                )
            else:
                self._session.execute(self._statements["remove_analysis"], (as_of,))
            if previous is not None:
                self._remove_run(as_of, previous)
        except _CASSANDRA_ERRORS as error:
            raise StoreError(
                f"replacing the distributions of {as_of} in Cassandra failed: {error}; the "
                "previous distributions of that date are still the current ones"
            ) from error
        log.info("stored distributions as_of=%s rows=%d", as_of, distributions.num_rows)

    def _write_run(self, as_of: date, run_id: uuid.UUID, distributions: pa.Table) -> None:
        rows = [
            (as_of, row["dimension"], run_id, row["value"], row["count"], row["percentage"])
            for row in distributions.to_pylist()
        ]
        self._write_all("add_distribution", rows)

    def _remove_run(self, as_of: date, run_id: uuid.UUID) -> None:
        rows = [(as_of, dimension, run_id) for dimension in DIMENSIONS]
        self._write_all("remove_run", rows)

    def _current_run(self, as_of: date) -> uuid.UUID | None:
        row = self._session.execute(self._statements["analysis"], (as_of,)).one()
        return None if row is None else row.run_id

    def analysis(self, as_of: date) -> tuple[AgeGroups, int] | None:
        row = self._session.execute(self._statements["analysis"], (as_of,)).one()
        if row is None:
            return None
        return AgeGroups.parse(row.age_bounds), int(row.member_count)

    def distributions(self, as_of: date) -> pa.Table:
        run_id = self._current_run(as_of)
        if run_id is None:
            return DISTRIBUTION_SCHEMA.empty_table()
        rows: list[dict[str, Any]] = []
        for dimension in DIMENSIONS:
            result = self._session.execute(
                self._statements["run_distributions"], (as_of, dimension, run_id)
            )
            rows.extend(
                {
                    "as_of": as_of,
                    "dimension": dimension,
                    "value": row.value,
                    "count": row.count,
                    "percentage": row.percentage,
                }
                for row in result
            )
        table = pa.Table.from_pylist(rows, DISTRIBUTION_SCHEMA)
        return table.sort_by(
            [("dimension", "ascending"), ("count", "descending"), ("value", "ascending")]
        )

    def close(self) -> None:
        self._cluster.shutdown()
        log.info("closed Cassandra session keyspace=%s", self._keyspace)


def _as_utc_row(row: dict[str, Any]) -> dict[str, Any]:
    """The driver returns naive UTC datetimes; mark them as UTC."""
    return {
        name: value.replace(tzinfo=UTC) if isinstance(value, datetime) else value
        for name, value in row.items()
    }
