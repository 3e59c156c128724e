"""The Cassandra schema statements and the replication setting, without a server."""

from __future__ import annotations

import pytest

from memberanalyzer.errors import ConfigurationError
from memberanalyzer.stores.cassandra_store import replication_options, schema_statements


def test_replication_options_simple_strategy() -> None:
    assert replication_options("SimpleStrategy:3") == (
        "{'class': 'SimpleStrategy', 'replication_factor': 3}"
    )


def test_replication_options_network_topology_strategy() -> None:
    assert replication_options("NetworkTopologyStrategy:dc1=3,dc2=2") == (
        "{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 2}"
    )


@pytest.mark.parametrize("text", ["", "SimpleStrategy", "SimpleStrategy:0", "Simple:1", "x'}:1"])
def test_replication_options_rejects_bad_text(text: str) -> None:
    with pytest.raises(ConfigurationError, match="replication"):
        replication_options(text)


@pytest.mark.parametrize("keyspace", ["", "1abc", "Members", "a-b", "a;DROP"])
def test_schema_statements_reject_bad_keyspace(keyspace: str) -> None:
    with pytest.raises(ConfigurationError, match="keyspace"):
        schema_statements(keyspace, "SimpleStrategy:1")


def test_schema_statements_are_idempotent() -> None:
    statements = schema_statements("memberanalyzer", "SimpleStrategy:1")
    assert all(" IF NOT EXISTS " in statement for statement in statements)


def test_schema_statements_never_allow_filtering() -> None:
    statements = schema_statements("memberanalyzer", "SimpleStrategy:1")
    assert not any("ALLOW FILTERING" in statement.upper() for statement in statements)
