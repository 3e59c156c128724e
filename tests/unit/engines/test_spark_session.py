"""Which connector jars the Spark session puts on its classpath."""

from __future__ import annotations

from pathlib import Path

import pytest

from memberanalyzer.engines.spark_session import connector_jars
from memberanalyzer.errors import ConfigurationError

CONNECTORS = (
    "spark-sql-kafka-0-10_2.12-3.5.7.jar",
    "spark-avro_2.12-3.5.7.jar",
    "spark-cassandra-connector_2.12-3.5.1.jar",
)


@pytest.fixture
def jars_folder(tmp_path: Path) -> Path:
    for name in (*CONNECTORS, "scala-library-2.12.19.jar", "java-driver-core-shaded-4.18.1.jar"):
        (tmp_path / name).touch()
    return tmp_path


def test_connector_jars_keep_the_connectors(jars_folder: Path) -> None:
    names = {jar.name for jar in connector_jars(jars_folder)}
    assert set(CONNECTORS) <= names


def test_connector_jars_keep_their_own_dependencies(jars_folder: Path) -> None:
    names = {jar.name for jar in connector_jars(jars_folder)}
    assert "java-driver-core-shaded-4.18.1.jar" in names


def test_connector_jars_leave_out_what_pyspark_ships(jars_folder: Path) -> None:
    names = {jar.name for jar in connector_jars(jars_folder)}
    assert "scala-library-2.12.19.jar" not in names


def test_connector_jars_name_the_missing_connector(jars_folder: Path) -> None:
    (jars_folder / "spark-avro_2.12-3.5.7.jar").unlink()
    with pytest.raises(ConfigurationError, match="spark-avro.*make services-fetch"):
        connector_jars(jars_folder)
