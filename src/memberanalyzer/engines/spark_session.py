"""The Spark session of the distributed engine: connector jars, loopback binding, Cassandra.

The connector jars (Kafka source, Avro, Spark Cassandra Connector) come from the folder that
``make services-fetch`` fills from Maven Central, so Spark never downloads anything at run time.
Jars that PySpark already ships, such as the Scala library or Hadoop's client, are left out to
keep one version of each class on the classpath.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

from pyspark.sql import SparkSession

from memberanalyzer.errors import ConfigurationError
from memberanalyzer.stores.cassandra_store import CassandraConfig

__all__ = ["connector_jars", "spark_session"]

log = logging.getLogger(__name__)

_VERSIONED_JAR = re.compile(r"^(?P<artifact>.+?)-\d+\.\d+[\w.-]*\.jar$")
_REQUIRED_CONNECTORS = ("spark-sql-kafka-0-10", "spark-avro", "spark-cassandra-connector")
_LOOPBACK = "127.0.0.1"


def _artifact(jar: Path) -> str:
    match = _VERSIONED_JAR.match(jar.name)
    return match["artifact"] if match else jar.stem


def _pyspark_artifacts() -> set[str]:
    import pyspark

    jars = Path(pyspark.__file__).parent / "jars"
    return {_artifact(jar) for jar in jars.glob("*.jar")}


def _jars_folder(configured: Path) -> Path:
    """Find a relative folder from the working directory, else from a source checkout's root."""
    if configured.is_absolute() or configured.is_dir():
        return configured
    checkout = Path(__file__).resolve().parents[3] / configured
    return checkout if checkout.is_dir() else configured


def connector_jars(configured: Path) -> list[Path]:
    """Return the connector jars in the folder that PySpark does not already ship."""
    folder = _jars_folder(configured)
    jars = sorted(folder.glob("*.jar")) if folder.is_dir() else []
    artifacts = {_artifact(jar) for jar in jars}
    missing = [
        name for name in _REQUIRED_CONNECTORS if not any(a.startswith(name) for a in artifacts)
    ]
    if missing:
        raise ConfigurationError(
            f"the Spark connector jars {', '.join(missing)} are not in {folder}: run "
            "`make services-fetch`, or set MEMBERANALYZER_SPARK_JARS_DIR to the folder that "
            "holds them"
        )
    shipped = _pyspark_artifacts()
    return [jar for jar in jars if _artifact(jar) not in shipped]


def _is_local(master: str) -> bool:
    """True for a master on this machine, whose driver must listen on loopback only."""
    return master.startswith("local") or any(
        host in master for host in ("://127.0.0.1", "://localhost")
    )


def _under_spark_submit() -> bool:
    """True when spark-submit started this driver and already set its master and jars."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


def spark_session(
    app_name: str,
    master: str,
    jars_dir: Path,
    cassandra: CassandraConfig,
    shuffle_partitions: int = 4,
) -> SparkSession:
    """Start (or join) a Spark session with the connectors on its classpath.

    With a local master the driver listens on 127.0.0.1 only. With a cluster's master the
    executors must reach the driver, so Spark's own address settings apply (SPARK_LOCAL_IP,
    spark.driver.host). Under ``spark-submit`` its master and jars win.
    """
    # Python workers must import memberanalyzer: run them on this interpreter.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if not _under_spark_submit():
        jars = ",".join(str(jar.resolve()) for jar in connector_jars(jars_dir))
        builder = builder.master(master).config("spark.jars", jars)
    if _is_local(master) and not _under_spark_submit():
        # Read by the JVM at start-up: without it Spark binds to the machine's other address.
        os.environ.setdefault("SPARK_LOCAL_IP", _LOOPBACK)
        builder = builder.config("spark.driver.bindAddress", _LOOPBACK).config(
            "spark.driver.host", _LOOPBACK
        )
    builder = (
        builder.config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.cassandra.connection.host", cassandra.host)
        .config("spark.cassandra.connection.port", str(cassandra.port))
        .config("spark.cassandra.connection.localDC", cassandra.local_dc)
    )
    if cassandra.username is not None:
        builder = builder.config("spark.cassandra.auth.username", cassandra.username)
        builder = builder.config("spark.cassandra.auth.password", cassandra.password or "")
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("WARN")
    _quiet_kafka_consumer(session)
    log.info("Spark session ready app=%s master=%s", app_name, session.sparkContext.master)
    return session


def _quiet_kafka_consumer(session: SparkSession) -> None:
    """Silence the Kafka source's warning about uninterruptible threads, one line per message.

    Spark 3.5 logs it for every record read outside an UninterruptibleThread; it is harmless
    here (KAFKA-1894) and would flood the log. This reaches executors in the driver's JVM,
    which is every executor with a local master.
    """
    jvm = session.sparkContext._jvm
    if jvm is None:
        return
    jvm.org.apache.logging.log4j.core.config.Configurator.setLevel(
        "org.apache.spark.sql.kafka010.KafkaDataConsumer", jvm.org.apache.logging.log4j.Level.ERROR
    )
