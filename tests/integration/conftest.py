"""Fixtures for the integration tests, which run against the real local servers.

`make services-up` starts them. When a server does not respond, its tests are skipped with one
message, unless CI=true: in CI a missing server fails the tests, so no skip hides it.
"""

from __future__ import annotations

import os
import socket

import pytest

from memberanalyzer.settings import Settings, load_settings


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


def require_server(name: str, host: str, port: int) -> None:
    try:
        with socket.create_connection((host, port), timeout=3):
            return
    except OSError as error:
        message = (
            f"{name} does not respond on {host}:{port} ({error}); start the local servers with "
            "`make services-up` (needs Java 17 and Maven)"
        )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def kafka_bootstrap(settings: Settings) -> str:
    host, port = settings.kafka_bootstrap_servers.split(",")[0].rsplit(":", 1)
    require_server("Kafka", host, int(port))
    return settings.kafka_bootstrap_servers


@pytest.fixture(scope="session")
def cassandra_address(settings: Settings) -> tuple[str, int]:
    require_server("Cassandra", settings.cassandra_host, settings.cassandra_port)
    return settings.cassandra_host, settings.cassandra_port


@pytest.fixture(scope="session")
def postgres_address(settings: Settings) -> tuple[str, int]:
    require_server("PostgreSQL", settings.postgres_host, settings.postgres_port)
    return settings.postgres_host, settings.postgres_port
