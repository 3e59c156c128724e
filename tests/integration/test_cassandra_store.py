"""The Cassandra member store against the local node, with the real sample members."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from memberanalyzer.members.age import AgeGroups
from memberanalyzer.members.distributions import (
    DIMENSION_SOURCE_COLUMNS,
    count_dimensions,
    distributions_from_counts,
    member_dimensions,
)
from memberanalyzer.members.rules import normalise_members
from memberanalyzer.settings import Settings
from memberanalyzer.sources.files import JsonFileSource
from memberanalyzer.stores.cassandra_store import CassandraConfig, CassandraStore, connect

pytestmark = pytest.mark.integration

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
AS_OF = date(2026, 12, 1)
AGE_GROUPS = AgeGroups.parse("18,25,35,45,55,65")


@pytest.fixture(scope="module")
def config(settings: Settings) -> Iterator[CassandraConfig]:
    config = CassandraConfig(
        settings.cassandra_host, settings.cassandra_port, f"test_{uuid.uuid4().hex[:12]}"
    )
    yield config
    cluster, session = connect(config)
    session.execute(f"DROP KEYSPACE IF EXISTS {config.keyspace}")
    cluster.shutdown()


@pytest.fixture(scope="module")
def cassandra(config: CassandraConfig) -> Iterator[CassandraStore]:
    with CassandraStore(config) as opened:
        yield opened


@pytest.fixture(scope="module")
def smanuk(samples: Path) -> tuple[pa.Table, pa.Table]:
    path = samples / "smanuk_sm-people-facade_500_v1.3.json"
    results = [normalise_members(batch, NOW) for batch in JsonFileSource(path).batches()]
    members = pa.concat_tables([result.members for result in results])
    return members, pa.concat_tables([result.rejected for result in results])


def distributions_of(members: pa.Table) -> pa.Table:
    dimensions = member_dimensions(members.select(DIMENSION_SOURCE_COLUMNS), AS_OF, AGE_GROUPS)
    return distributions_from_counts(count_dimensions(dimensions), AS_OF, AGE_GROUPS)


def test_cassandra_store_creates_the_schema_twice(config: CassandraConfig) -> None:
    with CassandraStore(config), CassandraStore(config) as again:
        assert again.member_count() >= 0


def test_cassandra_store_counts_upserted_members(
    cassandra: CassandraStore, smanuk: tuple[pa.Table, pa.Table]
) -> None:
    members, _ = smanuk
    cassandra.upsert_members(members)
    cassandra.upsert_members(members)
    assert cassandra.member_count() == members.num_rows


def test_cassandra_store_returns_one_member(
    cassandra: CassandraStore, smanuk: tuple[pa.Table, pa.Table]
) -> None:
    members, _ = smanuk
    cassandra.upsert_members(members.slice(0, 1))
    expected = members.slice(0, 1).to_pylist()[0]
    assert cassandra.find_member(expected["member_id"]) == expected


def test_cassandra_store_member_tables_hold_every_member(
    cassandra: CassandraStore, smanuk: tuple[pa.Table, pa.Table]
) -> None:
    members, _ = smanuk
    cassandra.upsert_members(members)
    stored = pa.concat_tables(cassandra.member_tables(["member_id"], 128))
    assert sorted(stored.column("member_id").to_pylist()) == sorted(
        members.column("member_id").to_pylist()
    )


def test_cassandra_store_returns_the_stored_distributions(
    cassandra: CassandraStore, smanuk: tuple[pa.Table, pa.Table]
) -> None:
    distributions = distributions_of(smanuk[0])
    cassandra.replace_distributions(AS_OF, distributions, AGE_GROUPS, 500)
    stored = cassandra.distributions(AS_OF)
    assert stored.sort_by([("dimension", "ascending"), ("value", "ascending")]).equals(
        distributions.sort_by([("dimension", "ascending"), ("value", "ascending")])
    )


def test_cassandra_store_replacing_distributions_drops_the_old_rows(
    cassandra: CassandraStore, smanuk: tuple[pa.Table, pa.Table]
) -> None:
    cassandra.replace_distributions(AS_OF, distributions_of(smanuk[0]), AGE_GROUPS, 500)
    smaller = distributions_of(smanuk[0].slice(0, 10))
    cassandra.replace_distributions(AS_OF, smaller, AGE_GROUPS, 10)
    assert cassandra.distributions(AS_OF).num_rows == smaller.num_rows


def test_cassandra_store_keeps_the_analysis(
    cassandra: CassandraStore, smanuk: tuple[pa.Table, pa.Table]
) -> None:
    cassandra.replace_distributions(AS_OF, distributions_of(smanuk[0]), AGE_GROUPS, 500)
    assert cassandra.analysis(AS_OF) == (AGE_GROUPS, 500)


def test_cassandra_store_zero_members_removes_the_analysis(
    cassandra: CassandraStore, smanuk: tuple[pa.Table, pa.Table]
) -> None:
    day = date(2026, 11, 30)
    cassandra.replace_distributions(day, distributions_of(smanuk[0]), AGE_GROUPS, 500)
    cassandra.replace_distributions(day, distributions_of(smanuk[0]), AGE_GROUPS, 0)
    assert cassandra.analysis(day) is None


def test_cassandra_store_keeps_rejected_records_by_day(
    cassandra: CassandraStore, samples: Path
) -> None:
    path = samples / "tehapo_inbox-demo_100_legacy-0.x.json"
    rejected = pa.concat_tables(
        [normalise_members(batch, NOW).rejected for batch in JsonFileSource(path).batches()]
    )
    cassandra.add_rejected(rejected)
    stored = cassandra.rejected_on(NOW.date())
    assert pc.count_distinct(stored.column("rejection_id")).as_py() == rejected.num_rows
