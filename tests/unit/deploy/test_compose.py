"""Static checks of deploy/docker-compose.yml, which cannot run here (no Docker engine).

The file is parsed, validated against the Compose specification's JSON schema, and compared
with the servers and ports MemberAnalyzer's settings expect. The schema comes from the
docker-compose 1.29.2 package on PyPI; `make test` fetches it into .services/cache/.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import jsonschema
import pytest
import yaml

from memberanalyzer.settings import load_settings

REPO_ROOT = Path(__file__).resolve().parents[3]
COMPOSE_FILE = REPO_ROOT / "deploy" / "docker-compose.yml"
SCHEMA_FILE = Path(
    os.environ.get(
        "MEMBERANALYZER_COMPOSE_SCHEMA", REPO_ROOT / ".services" / "cache" / "compose_spec.json"
    )
)
SERVICES = (
    "kafka",
    "schema-registry",
    "kafka-ui",
    "cassandra",
    "spark-master",
    "spark-worker",
    "postgres",
    "airflow-api-server",
    "airflow-scheduler",
    "airflow-dag-processor",
)
HEALTH_CHECKED = (
    "kafka",
    "schema-registry",
    "cassandra",
    "spark-master",
    "postgres",
    "airflow-api-server",
)


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    document = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    if not SCHEMA_FILE.is_file():
        pytest.fail(f"Compose schema missing at {SCHEMA_FILE}: run `make compose-schema`")
    loaded = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def published_ports(service: dict[str, Any]) -> set[int]:
    """Host ports of entries such as "127.0.0.1:9092:9092"."""
    return {int(str(entry).split(":")[-2]) for entry in service.get("ports", [])}


def test_compose_file_matches_schema(compose: dict[str, Any], schema: dict[str, Any]) -> None:
    errors = sorted(jsonschema.Draft201909Validator(schema).iter_errors(compose), key=str)
    assert [error.message for error in errors] == []


def test_schema_rejects_unknown_service_key(schema: dict[str, Any]) -> None:
    broken = {"services": {"kafka": {"image": "apache/kafka:4.1.1", "helthcheck": {}}}}
    assert not jsonschema.Draft201909Validator(schema).is_valid(broken)


@pytest.mark.parametrize("name", SERVICES)
def test_stack_has_service(compose: dict[str, Any], name: str) -> None:
    assert name in compose["services"]


@pytest.mark.parametrize("name", SERVICES)
def test_image_pinned_to_version(compose: dict[str, Any], name: str) -> None:
    image = compose["services"][name]["image"]
    tag = image.rsplit(":", 1)[-1] if ":" in image else ""
    assert tag not in ("", "latest"), image


@pytest.mark.parametrize("name", HEALTH_CHECKED)
def test_service_has_health_check(compose: dict[str, Any], name: str) -> None:
    assert "test" in compose["services"][name]["healthcheck"]


def test_ports_match_settings(compose: dict[str, Any]) -> None:
    settings = load_settings()
    services = compose["services"]
    kafka_port = int(settings.kafka_bootstrap_servers.split(",")[0].rsplit(":", 1)[1])
    registry_port = urlparse(settings.schema_registry_url).port

    assert kafka_port in published_ports(services["kafka"])
    assert registry_port in published_ports(services["schema-registry"])
    assert settings.cassandra_port in published_ports(services["cassandra"])
    assert settings.postgres_port in published_ports(services["postgres"])


def test_ports_bound_to_loopback(compose: dict[str, Any]) -> None:
    for name, service in compose["services"].items():
        for entry in service.get("ports", []):
            assert str(entry).startswith("127.0.0.1:"), (name, entry)


def test_airflow_waits_for_healthy_postgres(compose: dict[str, Any]) -> None:
    for name in ("airflow-api-server", "airflow-scheduler", "airflow-dag-processor"):
        condition = compose["services"][name]["depends_on"]["postgres"]["condition"]
        assert condition == "service_healthy", name


def test_no_literal_password(compose: dict[str, Any]) -> None:
    password = compose["services"]["postgres"]["environment"]["POSTGRES_PASSWORD"]
    assert password.startswith("${")


def test_env_example_lists_every_variable() -> None:
    example = (REPO_ROOT / "deploy" / ".env.example").read_text(encoding="utf-8")
    compose_text = COMPOSE_FILE.read_text(encoding="utf-8")
    variables = set(re.findall(r"\$\{([A-Z_]+)", compose_text))
    assert variables == {"POSTGRES_PASSWORD", "AIRFLOW_JWT_SECRET"}
    assert all(f"{name}=" in example for name in variables)


@pytest.mark.parametrize(
    "name", ["airflow-api-server", "airflow-scheduler", "airflow-dag-processor"]
)
def test_airflow_mounts_dags(compose: dict[str, Any], name: str) -> None:
    assert "../dags:/opt/airflow/dags:ro" in compose["services"][name]["volumes"]


def test_airflow_image_built_with_memberanalyzer(compose: dict[str, Any]) -> None:
    build = compose["services"]["airflow-scheduler"]["build"]
    dockerfile = REPO_ROOT / build["dockerfile"]
    assert "/opt/memberanalyzer[airflow]" in dockerfile.read_text(encoding="utf-8")


def test_airflow_init_creates_store_pool(compose: dict[str, Any]) -> None:
    command = " ".join(compose["services"]["airflow-init"]["entrypoint"])
    assert "airflow pools set memberanalyzer_store 1" in command
