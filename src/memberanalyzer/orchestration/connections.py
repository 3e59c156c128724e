"""Server addresses of the distributed mode from orchestrator connections, as settings overrides.

Airflow keeps the addresses in the connections ``kafka_default`` (type ``kafka``, from the
Apache Kafka provider, whose extra is a librdkafka configuration with ``bootstrap.servers``)
and ``cassandra_default`` (type ``cassandra``, from the Apache Cassandra provider: host and
port). A missing connection or field leaves the ``MEMBERANALYZER_*`` setting in force.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["CASSANDRA_CONNECTION_ID", "KAFKA_CONNECTION_ID", "server_overrides"]

KAFKA_CONNECTION_ID = "kafka_default"
CASSANDRA_CONNECTION_ID = "cassandra_default"


def server_overrides(
    kafka_config: Mapping[str, object] | None,
    cassandra_host: str | None,
    cassandra_port: int | None,
) -> dict[str, object]:
    """Return the settings that the connections' values replace, keyed by setting name."""
    overrides: dict[str, object] = {}
    bootstrap_servers = (kafka_config or {}).get("bootstrap.servers")
    if isinstance(bootstrap_servers, str) and bootstrap_servers.strip():
        overrides["kafka_bootstrap_servers"] = bootstrap_servers.strip()
    if cassandra_host:
        overrides["cassandra_host"] = cassandra_host
    if cassandra_port:
        overrides["cassandra_port"] = cassandra_port
    return overrides
