"""The local Cassandra node: keyspace, table, prepared writes and reads."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from cassandra.cluster import EXEC_PROFILE_DEFAULT, Cluster, ExecutionProfile, Session
from cassandra.policies import RoundRobinPolicy

pytestmark = pytest.mark.integration


@pytest.fixture
def session(cassandra_address: tuple[str, int]) -> Iterator[Session]:
    host, port = cassandra_address
    profile = ExecutionProfile(load_balancing_policy=RoundRobinPolicy(), request_timeout=30)
    cluster = Cluster(
        [host], port=port, protocol_version=5, execution_profiles={EXEC_PROFILE_DEFAULT: profile}
    )
    keyspace = f"test_{uuid.uuid4().hex}"
    session = cluster.connect()
    session.execute(
        f"CREATE KEYSPACE {keyspace} "
        "WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}"
    )
    session.set_keyspace(keyspace)
    yield session
    session.execute(f"DROP KEYSPACE {keyspace}")
    cluster.shutdown()


def test_node_reports_version(session: Session) -> None:
    row = session.execute("SELECT release_version FROM system.local").one()
    assert row.release_version.startswith("5.0")


def test_table_returns_written_rows(session: Session) -> None:
    session.execute("CREATE TABLE members (member_id uuid PRIMARY KEY, city text)")
    insert = session.prepare("INSERT INTO members (member_id, city) VALUES (?, ?)")
    member_id = uuid.uuid4()

    session.execute(insert, (member_id, "Tromsø"))

    select = session.prepare("SELECT city FROM members WHERE member_id = ?")
    assert session.execute(select, (member_id,)).one().city == "Tromsø"
