"""Settings overrides from the kafka_default and cassandra_default connections."""

from __future__ import annotations

from memberanalyzer.orchestration.connections import server_overrides
from memberanalyzer.settings import load_settings


def test_connections_override_servers() -> None:
    overrides = server_overrides({"bootstrap.servers": "kafka:19092"}, "cassandra", 9142)
    assert overrides == {
        "kafka_bootstrap_servers": "kafka:19092",
        "cassandra_host": "cassandra",
        "cassandra_port": 9142,
    }


def test_missing_connections_keep_settings() -> None:
    assert server_overrides(None, None, None) == {}


def test_kafka_extra_without_servers_ignored() -> None:
    assert server_overrides({"group.id": "members"}, None, None) == {}


def test_overrides_load_as_settings() -> None:
    settings = load_settings(**server_overrides({"bootstrap.servers": "kafka:19092"}, None, None))
    assert settings.kafka_bootstrap_servers == "kafka:19092"
