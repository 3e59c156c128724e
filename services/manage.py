"""Start, stop and check the local servers of the distributed mode: Kafka, a schema registry,
Cassandra and PostgreSQL.

Usage: ``python services/manage.py up|down|status [SERVER ...]`` (``make services-up`` etc.).

Kafka and Cassandra run from jars that Maven resolves from Maven Central into
``.services/lib/`` (see services/pom.xml). The schema registry, Apicurio Registry with its
Confluent-compatible API, is packaged from Maven Central into ``.services/build/`` (see
services/schema-registry/pom.xml). PostgreSQL comes from Debian's packages. Every server
listens on 127.0.0.1 only. Data, logs and process ids live under ``.services/``, which git
ignores. Ports come from the MemberAnalyzer settings (``MEMBERANALYZER_KAFKA_BOOTSTRAP_SERVERS``,
``MEMBERANALYZER_CASSANDRA_PORT``, ``MEMBERANALYZER_POSTGRES_PORT``,
``MEMBERANALYZER_SCHEMA_REGISTRY_URL``) plus a few internal ports
read here (``MEMBERANALYZER_KAFKA_CONTROLLER_PORT``, ``MEMBERANALYZER_CASSANDRA_STORAGE_PORT``,
``MEMBERANALYZER_CASSANDRA_JMX_PORT``).

``up`` fetches what is missing, starts each server that is not running and waits until it
really serves: a Kafka metadata request, the registry's readiness check, a CQL query on
system.local, a PostgreSQL connection.
A server already running is left alone. ``down`` stops every server and waits until it exits.
"""

from __future__ import annotations

import argparse
import glob
import logging
import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from memberanalyzer.settings import Settings, load_settings

log = logging.getLogger("services")

ROOT = Path(__file__).resolve().parents[1]
STATE = ROOT / ".services"
LIB = STATE / "lib"
DATA = STATE / "data"
LOGS = STATE / "logs"
RUN = STATE / "run"
BUILD = STATE / "build"
MAVEN = [
    "mvn",
    "-q",
    "-B",
    "-Dstyle.color=never",
    "-s",
    str(ROOT / "services" / "maven-settings.xml"),
]
REGISTRY_VERSION = "2.1.5"
REGISTRY_JAR = BUILD / "schema-registry" / f"schema-registry-{REGISTRY_VERSION}-runner.jar"

# Kafka needs a cluster id in base64 UUID form to format its storage; a fixed one keeps the
# data folder usable across restarts.
KAFKA_CLUSTER_ID = "q1w2e3r4t5y6u7i8o9p0aA"

# Options Cassandra 5.0 needs on Java 17, as its own jvm17-server.options file lists them.
CASSANDRA_JAVA17_OPTIONS = [
    f"--add-exports={export}=ALL-UNNAMED"
    for export in (
        "java.base/jdk.internal.misc",
        "java.base/jdk.internal.ref",
        "java.base/sun.nio.ch",
        "java.management.rmi/com.sun.jmx.remote.internal.rmi",
        "java.rmi/sun.rmi.registry",
        "java.rmi/sun.rmi.server",
        "java.sql/java.sql",
    )
] + [
    f"--add-opens={package}=ALL-UNNAMED"
    for package in (
        "java.base/java.lang.module",
        "java.base/jdk.internal.loader",
        "java.base/jdk.internal.ref",
        "java.base/jdk.internal.reflect",
        "java.base/jdk.internal.math",
        "java.base/jdk.internal.module",
        "java.base/jdk.internal.util.jar",
        "jdk.management/com.sun.management.internal",
        "java.base/sun.nio.ch",
        "java.base/java.io",
        "java.base/java.nio",
        "java.base/java.util.concurrent",
        "java.base/java.util",
        "java.base/java.util.concurrent.atomic",
        "java.base/java.lang",
        "java.base/java.math",
        "java.base/java.lang.reflect",
        "java.base/java.net",
    )
]


class ServiceError(Exception):
    """A server could not be fetched, started or stopped."""


def internal_port(name: str, default: int) -> int:
    value = os.environ.get(f"MEMBERANALYZER_{name}", str(default))
    if not value.isdigit():
        raise ServiceError(f"invalid MEMBERANALYZER_{name} {value!r}: expected a port number")
    return int(value)


STOP_HINT = "\nServers that did start keep running: stop them with `make services-down`."

# Log lines that usually explain a failed start, shown before the log's last lines.
_CAUSES = ("Address already in use", "FATAL", "Fatal", "could not")


def log_excerpt(path: Path, lines: int = 10) -> str:
    """Return the log lines that name a likely cause, then the log's last lines."""
    if not path.exists():
        return "(no log yet)"
    text = path.read_text(errors="replace").splitlines()
    causes = [line for line in text if any(cause in line for cause in _CAUSES)][:5]
    excerpt = [*causes, "...", *text[-lines:]] if causes else text[-lines:]
    return "\n".join(excerpt)


class Server(ABC):
    """One local server: how to start it, how to tell that it serves, and how to stop it."""

    name: str
    start_timeout: float

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def log_file(self) -> Path:
        return LOGS / f"{self.name}.log"

    @property
    def pid_file(self) -> Path:
        return RUN / f"{self.name}.pid"

    def pid(self) -> int | None:
        """Return the server's process id while that process runs."""
        if not self.pid_file.exists():
            return None
        pid = int(self.pid_file.read_text().split()[0])
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        return pid

    @abstractmethod
    def start(self) -> None:
        """Start the server in the background; return without waiting for it."""

    @abstractmethod
    def ready(self) -> bool:
        """Return True when the server responds to a real request."""

    # Log lines after which the server will not become ready, even if its process lives on
    # (Kafka keeps running after it fails to bind its port).
    fatal_markers: tuple[str, ...] = ("Address already in use",)

    def failed(self) -> bool:
        """Return True when the process has ended or its log shows a fatal start-up error."""
        if self.pid() is None:
            return True
        if not self.log_file.exists():
            return False
        text = self.log_file.read_text(errors="replace")
        return any(marker in text for marker in self.fatal_markers)

    def ready_or_failed(self) -> bool:
        """Return True when waiting longer is of no use: the server is ready or has failed."""
        return self.failed() or self.ready()

    def stop(self) -> None:
        pid = self.pid()
        if pid is None:
            return
        os.killpg(os.getpgid(pid), signal.SIGTERM)
        if not wait_for(lambda: self.pid() is None, 60):
            log.warning("%s pid=%d did not stop in 60 s; killing it", self.name, pid)
            os.killpg(os.getpgid(pid), signal.SIGKILL)
            wait_for(lambda: self.pid() is None, 10)
        self.pid_file.unlink(missing_ok=True)

    def rotate_logs(self) -> None:
        """Keep the previous start's logs as *.1, so a new log shows only this start."""
        LOGS.mkdir(parents=True, exist_ok=True)
        for path in (self.log_file, LOGS / f"{self.name}.out"):
            if path.exists():
                path.replace(path.with_name(path.name + ".1"))

    def spawn(self, command: list[str], environment: dict[str, str] | None = None) -> None:
        """Run ``command`` in its own process group, with stdout and stderr in ``NAME.out``."""
        RUN.mkdir(parents=True, exist_ok=True)
        with (LOGS / f"{self.name}.out").open("ab") as output:
            process = subprocess.Popen(
                command,
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                env={**os.environ, **(environment or {})},
            )
        self.pid_file.write_text(f"{process.pid}\n")


def wait_for(condition: Callable[[], bool], timeout: float, interval: float = 1.0) -> bool:
    """Poll ``condition`` until it is true or ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def java_classpath(module: str) -> str:
    folder = LIB / module
    if not folder.is_dir() or not any(folder.glob("*.jar")):
        raise ServiceError(f"no jars in {folder}: run `make services-fetch` (needs Maven)")
    return f"{folder}/*"


class Kafka(Server):
    """One Kafka process as both broker and KRaft controller."""

    name = "kafka"
    start_timeout = 90
    fatal_markers = ("Address already in use", "Fatal error during", "Exiting Kafka")

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        first = settings.kafka_bootstrap_servers.split(",")[0]
        self.port = int(first.rsplit(":", 1)[1])
        self.controller_port = internal_port("KAFKA_CONTROLLER_PORT", 9093)
        self.data = DATA / "kafka"
        self.config = RUN / "kafka-server.properties"
        self.log_config = RUN / "kafka-log4j2.properties"

    def start(self) -> None:
        self._write_config()
        classpath = java_classpath("kafka")
        if not (self.data / "meta.properties").exists():
            subprocess.run(
                [
                    "java",
                    "-cp",
                    classpath,
                    "kafka.tools.StorageTool",
                    "format",
                    "-t",
                    KAFKA_CLUSTER_ID,
                    "-c",
                    str(self.config),
                ],
                check=True,
                capture_output=True,
            )
        self.spawn(
            [
                "java",
                "-Xms256m",
                "-Xmx1g",
                "-XX:+UseG1GC",
                f"-Dlog4j2.configurationFile={self.log_config}",
                "-cp",
                classpath,
                "kafka.Kafka",
                str(self.config),
            ]
        )

    def _write_config(self) -> None:
        RUN.mkdir(parents=True, exist_ok=True)
        self.data.mkdir(parents=True, exist_ok=True)
        self.config.write_text(
            "\n".join(
                [
                    "process.roles=broker,controller",
                    "node.id=1",
                    f"controller.quorum.voters=1@127.0.0.1:{self.controller_port}",
                    f"listeners=PLAINTEXT://127.0.0.1:{self.port},"
                    f"CONTROLLER://127.0.0.1:{self.controller_port}",
                    f"advertised.listeners=PLAINTEXT://127.0.0.1:{self.port}",
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                    f"log.dirs={self.data}",
                    # One broker: every internal topic has one replica.
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "",
                ]
            )
        )
        self.log_config.write_text(
            "\n".join(
                [
                    "status = warn",
                    "appender.file.type = File",
                    "appender.file.name = FILE",
                    f"appender.file.fileName = {self.log_file}",
                    "appender.file.layout.type = PatternLayout",
                    "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                    "rootLogger.level = INFO",
                    "rootLogger.appenderRef.file.ref = FILE",
                    "",
                ]
            )
        )

    def ready(self) -> bool:
        from confluent_kafka.admin import AdminClient

        client = AdminClient(
            {
                "bootstrap.servers": f"127.0.0.1:{self.port}",
                "socket.timeout.ms": 3000,
                "log_level": 0,
            }
        )
        try:
            client.list_topics(timeout=3)
        except Exception:  # noqa: BLE001 - any failure means "not ready yet"
            return False
        return True


class SchemaRegistry(Server):
    """Apicurio Registry, serving the Confluent schema registry API, with schemas in an H2 file."""

    name = "schema-registry"
    start_timeout = 120
    fatal_markers = ("Address already in use", "Failed to start application")

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        address = urlsplit(settings.schema_registry_url)
        self.port = address.port or 8081
        self.data = DATA / "schema-registry"

    @property
    def log_file(self) -> Path:
        return LOGS / f"{self.name}.out"

    def start(self) -> None:
        if not REGISTRY_JAR.exists():
            raise ServiceError(f"{REGISTRY_JAR} is missing: run `make services-fetch`")
        self.data.mkdir(parents=True, exist_ok=True)
        self.spawn(
            [
                "java",
                "-Xmx512m",
                "-Dquarkus.http.host=127.0.0.1",
                f"-Dquarkus.http.port={self.port}",
                "-jar",
                str(REGISTRY_JAR),
            ],
            # Schema ids must outlive a restart: messages already in Kafka carry them.
            {"REGISTRY_DATASOURCE_URL": f"jdbc:h2:file:{self.data / 'registry'}"},
        )

    def ready(self) -> bool:
        url = f"http://127.0.0.1:{self.port}/health/ready"
        try:
            with urllib.request.urlopen(url, timeout=3) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, OSError):
            return False


class Cassandra(Server):
    """One Cassandra node."""

    name = "cassandra"
    start_timeout = 240
    fatal_markers = ("Address already in use", "Exception encountered during startup")

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.port = settings.cassandra_port
        self.storage_port = internal_port("CASSANDRA_STORAGE_PORT", 7000)
        self.jmx_port = internal_port("CASSANDRA_JMX_PORT", 7199)
        self.data = DATA / "cassandra"
        self.config = RUN / "cassandra.yaml"
        self.log_config = RUN / "cassandra-logback.xml"

    def start(self) -> None:
        self._write_config()
        self.spawn(
            [
                "java",
                "-Xms1g",
                "-Xmx1g",
                "-XX:+UseG1GC",
                "-Djdk.attach.allowAttachSelf=true",
                *CASSANDRA_JAVA17_OPTIONS,
                f"-Dcassandra.config=file://{self.config}",
                f"-Dlogback.configurationFile={self.log_config}",
                "-Dcassandra-foreground=yes",
                f"-Dcassandra.jmx.local.port={self.jmx_port}",
                f"-Dcassandra.storagedir={self.data}",
                "-cp",
                java_classpath("cassandra"),
                "org.apache.cassandra.service.CassandraDaemon",
            ]
        )

    def _write_config(self) -> None:
        RUN.mkdir(parents=True, exist_ok=True)
        self.data.mkdir(parents=True, exist_ok=True)
        self.config.write_text(
            "\n".join(
                [
                    "cluster_name: memberanalyzer",
                    "num_tokens: 1",
                    "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
                    "endpoint_snitch: SimpleSnitch",
                    "commitlog_sync: periodic",
                    "commitlog_sync_period: 10000ms",
                    f"data_file_directories: [{self.data}/data]",
                    f"commitlog_directory: {self.data}/commitlog",
                    f"saved_caches_directory: {self.data}/saved_caches",
                    f"hints_directory: {self.data}/hints",
                    f"cdc_raw_directory: {self.data}/cdc_raw",
                    "seed_provider:",
                    "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
                    "    parameters:",
                    f'      - seeds: "127.0.0.1:{self.storage_port}"',
                    "listen_address: 127.0.0.1",
                    f"storage_port: {self.storage_port}",
                    "rpc_address: 127.0.0.1",
                    f"native_transport_port: {self.port}",
                    "start_native_transport: true",
                    "",
                ]
            )
        )
        self.log_config.write_text(
            f"""<configuration>
  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
    <file>{self.log_file}</file>
    <encoder><pattern>%date %level [%thread] %logger{{20}} %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="FILE"/></root>
</configuration>
"""
        )

    def ready(self) -> bool:
        from cassandra.cluster import EXEC_PROFILE_DEFAULT, Cluster, ExecutionProfile
        from cassandra.policies import RoundRobinPolicy

        cluster = Cluster(
            ["127.0.0.1"],
            port=self.port,
            protocol_version=5,
            execution_profiles={
                EXEC_PROFILE_DEFAULT: ExecutionProfile(load_balancing_policy=RoundRobinPolicy())
            },
            connect_timeout=3,
            control_connection_timeout=3,
        )
        try:
            session = cluster.connect()
            session.execute("SELECT release_version FROM system.local")
        except Exception:  # noqa: BLE001 - any failure means "not ready yet"
            return False
        finally:
            cluster.shutdown()
        return True


class Postgres(Server):
    """A PostgreSQL cluster of Debian's packages, with a database and user for Airflow.

    Connections from 127.0.0.1 are trusted without a password: the cluster is for local
    development and CI only and listens on loopback alone.
    """

    name = "postgres"
    start_timeout = 60

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.port = settings.postgres_port
        self.data = DATA / "postgres"
        self.sockets = RUN / "postgres-sockets"

    @property
    def pid_file(self) -> Path:
        return self.data / "postmaster.pid"

    def _binary(self, program: str) -> str:
        found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{program}"))
        if not found:
            install_postgres()
            found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{program}"))
        if not found:
            raise ServiceError(f"PostgreSQL's {program} not found after installing postgresql")
        return found[-1]

    def _as_owner(self, command: list[str]) -> list[str]:
        # PostgreSQL refuses to run as root, so root runs it as the postgres user.
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *command]
        return command

    def _prepare_folders(self) -> None:
        for folder in (self.data, self.sockets, LOGS):
            folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            for folder in (self.data, self.sockets):
                os.chown(folder, owner.pw_uid, owner.pw_gid)
            self.log_file.touch()
            os.chown(self.log_file, owner.pw_uid, owner.pw_gid)
            os.chmod(self.data, 0o700)

    def start(self) -> None:
        self._prepare_folders()
        if not (self.data / "PG_VERSION").exists():
            subprocess.run(
                self._as_owner(
                    [
                        self._binary("initdb"),
                        "-D",
                        str(self.data),
                        "-U",
                        "postgres",
                        "-A",
                        "trust",
                        "-E",
                        "UTF8",
                        "--no-locale",
                    ]
                ),
                check=True,
                capture_output=True,
            )
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={self.sockets}"
        )
        command = [self._binary("pg_ctl"), "-D", str(self.data), "-l", str(self.log_file)]
        started = subprocess.run(
            self._as_owner([*command, "-o", options, "start"]), capture_output=True
        )
        if started.returncode != 0:
            raise ServiceError(
                f"postgres did not start; see {self.log_file}:\n{log_excerpt(self.log_file)}"
                f"{STOP_HINT}"
            )

    def ready(self) -> bool:
        import psycopg

        try:
            with psycopg.connect(
                host="127.0.0.1",
                port=self.port,
                user="postgres",
                dbname="postgres",
                connect_timeout=3,
                autocommit=True,
            ) as connection:
                self._create_airflow_database(connection)
        except psycopg.Error:
            return False
        return True

    def _create_airflow_database(self, connection: object) -> None:
        from psycopg import sql

        user, database = self.settings.postgres_user, self.settings.postgres_database
        execute = connection.execute  # type: ignore[attr-defined]
        if not execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [user]).fetchone():
            execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(user)))
        if not execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone():
            execute(
                sql.SQL("CREATE DATABASE {} OWNER {}").format(
                    sql.Identifier(database), sql.Identifier(user)
                )
            )

    def stop(self) -> None:
        if self.pid() is None:
            return
        subprocess.run(
            self._as_owner(
                [self._binary("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]
            ),
            check=True,
            capture_output=True,
        )


def install_postgres() -> None:
    """Install PostgreSQL from Debian's packages (needs root)."""
    if os.geteuid() != 0:
        raise ServiceError("PostgreSQL is not installed: run `sudo apt-get install postgresql`")
    log.info("installing postgresql from Debian's packages")
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=environment)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql"],
        check=True,
        env=environment,
    )


def fetch() -> None:
    """Resolve the server jars from Maven Central and package the schema registry, if missing."""
    modules = ("kafka", "cassandra", "spark-connectors", "avro-tools")
    jars_present = all(any((LIB / module).glob("*.jar")) for module in modules)
    if jars_present and REGISTRY_JAR.exists():
        return
    if shutil.which("mvn") is None or shutil.which("java") is None:
        raise ServiceError(
            "Java and Maven are needed to fetch the servers: install openjdk-17 and maven"
        )
    if not jars_present:
        log.info("fetching server jars from Maven Central into %s", LIB)
        pom = ROOT / "services" / "pom.xml"
        subprocess.run([*MAVEN, "-f", str(pom), "dependency:copy-dependencies"], check=True)
    if not REGISTRY_JAR.exists():
        log.info("packaging the schema registry into %s", REGISTRY_JAR.parent)
        pom = ROOT / "services" / "schema-registry" / "pom.xml"
        subprocess.run([*MAVEN, "-f", str(pom), "package", "-DskipTests"], check=True)


def servers(settings: Settings, names: list[str]) -> list[Server]:
    available: dict[str, Server] = {
        server.name: server
        for server in (
            Postgres(settings),
            Kafka(settings),
            SchemaRegistry(settings),
            Cassandra(settings),
        )
    }
    unknown = sorted(set(names) - available.keys())
    if unknown:
        raise ServiceError(f"unknown servers {unknown}; choose from {sorted(available)}")
    return [server for name, server in available.items() if not names or name in names]


def up(selected: list[Server]) -> None:
    fetch()
    starting: list[tuple[Server, float]] = []
    for server in selected:
        if server.pid() is not None and server.ready():
            log.info("%s already runs (pid %s)", server.name, server.pid())
            continue
        log.info("starting %s", server.name)
        server.rotate_logs()
        server.start()
        starting.append((server, time.monotonic()))

    for server, started in starting:
        if not wait_for(server.ready_or_failed, server.start_timeout, interval=2):
            raise ServiceError(
                f"{server.name} did not become ready within {server.start_timeout:.0f} s; "
                f"see {server.log_file}:\n{log_excerpt(server.log_file)}{STOP_HINT}"
            )
        if not server.ready():
            raise ServiceError(
                f"{server.name} failed to start; see {server.log_file}:\n"
                f"{log_excerpt(server.log_file)}{STOP_HINT}"
            )
        log.info("%s ready in %.1f s", server.name, time.monotonic() - started)


def down(selected: list[Server]) -> None:
    for server in reversed(selected):
        if server.pid() is not None:
            log.info("stopping %s", server.name)
        server.stop()


def server_state(server: Server, pid: int | None) -> str:
    """Return "stopped" (no process), "running" (process, not serving) or "ready"."""
    if pid is None:
        return "stopped"
    if server.ready():
        return "ready"
    return "running"


def status(selected: list[Server]) -> int:
    """Print one line per server; return 1 when any server is not ready."""
    not_ready = 0
    for server in selected:
        pid = server.pid()
        state = server_state(server, pid)
        not_ready += state != "ready"

        memory = resident_memory_mb(pid) if pid else None
        rss = "-" if memory is None else f"{memory:.0f} MB"
        print(f"{server.name:15} {state:8} pid={pid or '-':<8} rss={rss:>8}  log={server.log_file}")
    return 1 if not_ready else 0


def resident_memory_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def main() -> int:
    parser = argparse.ArgumentParser(
        description="Manage the local Kafka, schema registry, Cassandra and PostgreSQL."
    )
    parser.add_argument("action", choices=["fetch", "up", "down", "status"])
    parser.add_argument("servers", nargs="*", help="servers to act on (default: all)")
    options = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    # The Cassandra driver logs every refused connection while the node starts.
    logging.getLogger("cassandra").setLevel(logging.CRITICAL)

    try:
        selected = servers(load_settings(), options.servers)
        if options.action == "fetch":
            fetch()
        elif options.action == "up":
            up(selected)
        elif options.action == "down":
            down(selected)
        else:
            return status(selected)
    except (ServiceError, subprocess.CalledProcessError) as error:
        details = getattr(error, "stderr", None)
        message = f"{error}\n{details.decode(errors='replace')}" if details else str(error)
        print(f"error: {message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
