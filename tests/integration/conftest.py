"""Fixtures for the integration tests, which run against the real local servers.

`make services-up` starts them. When one does not respond, every integration test is skipped
with the same message, unless CI is set (true, 1 or yes): in CI a missing server fails the
tests, so no skip hides it.
"""

from __future__ import annotations

import os
import socket
from urllib.parse import urlsplit

import pytest

from memberanalyzer.settings import Settings, load_settings


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


def _unreachable(addresses: dict[str, tuple[str, int]]) -> list[str]:
    problems = []
    for name, (host, port) in addresses.items():
        try:
            with socket.create_connection((host, port), timeout=3):
                pass
        except OSError as error:
            problems.append(f"{name} on {host}:{port} ({error.strerror or error})")
    return problems


@pytest.fixture(scope="session", autouse=True)
def local_servers(settings: Settings) -> None:
    """Check once that every local server responds; skip or fail otherwise."""
    kafka_host, kafka_port = settings.kafka_bootstrap_servers.split(",")[0].rsplit(":", 1)
    registry = urlsplit(settings.schema_registry_url)
    problems = _unreachable(
        {
            "Kafka": (kafka_host, int(kafka_port)),
            "schema registry": (registry.hostname or "127.0.0.1", registry.port or 8081),
            "Cassandra": (settings.cassandra_host, settings.cassandra_port),
            "PostgreSQL": (settings.postgres_host, settings.postgres_port),
        }
    )
    if not problems:
        return

    message = (
        f"local servers not responding: {'; '.join(problems)}. Start them with "
        "`make services-up` (needs Java 17 and Maven); if they run on other ports, set the "
        "same MEMBERANALYZER_* port variables for the tests"
    )
    if os.environ.get("CI", "").lower() in {"true", "1", "yes"}:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def kafka_bootstrap(settings: Settings) -> str:
    return settings.kafka_bootstrap_servers


@pytest.fixture(scope="session")
def cassandra_address(settings: Settings) -> tuple[str, int]:
    return settings.cassandra_host, settings.cassandra_port


@pytest.fixture(scope="session")
def postgres_address(settings: Settings) -> tuple[str, int]:
    return settings.postgres_host, settings.postgres_port
