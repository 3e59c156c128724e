"""Start, stop and check a local Airflow that runs the DAGs in dags/ (``make airflow-up`` etc.).

Usage: ``python services/airflow_local.py up|down|status``.

Airflow runs as three processes, the api-server on 127.0.0.1:8080, the scheduler with the
LocalExecutor, and the dag-processor, with the local PostgreSQL of ``make services-up`` as
metadata database (database and user from ``MEMBERANALYZER_POSTGRES_*``). AIRFLOW_HOME, the
process logs, the keys it generates and the embedded store of the DAGs live in
``.services/airflow/``, which git ignores. The admin user's password comes from the
environment variable ``AIRFLOW_ADMIN_PASSWORD`` and never from the repository.

``up`` migrates the database, creates the ``memberanalyzer_store`` pool and the
``memberanalyzer_engine`` variable when they are missing, starts each process that is not
running and waits until the api-server answers. DAGs start paused. ``down`` stops the processes
it started, by their recorded process ids.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from cryptography.fernet import Fernet

from memberanalyzer.settings import Settings, load_settings

log = logging.getLogger("airflow-local")

ROOT = Path(__file__).resolve().parents[1]
HOME = ROOT / ".services" / "airflow"
LOGS = HOME / "logs"
RUN = HOME / "run"
AIRFLOW = Path(sys.executable).parent / "airflow"

HOST = "127.0.0.1"
PORT = 8080
PASSWORD_VARIABLE = "AIRFLOW_ADMIN_PASSWORD"
ADMIN = "admin"
PROCESSES = ("api-server", "scheduler", "dag-processor")
# Airflow 3.1's log server of the scheduler binds every interface, with no setting to change
# it; the api-server reads the task logs from AIRFLOW_HOME/logs on this machine anyway.
PROCESS_OPTIONS = {"scheduler": ["--skip-serve-logs"]}
STORE_POOL = "memberanalyzer_store"
ENGINE_VARIABLE = "memberanalyzer_engine"
START_TIMEOUT_SECONDS = 180.0
STOP_TIMEOUT_SECONDS = 30.0


class AirflowLocalError(Exception):
    """Local Airflow could not be configured, started or stopped."""


def admin_password() -> str:
    password = os.environ.get(PASSWORD_VARIABLE, "")
    if not password:
        raise AirflowLocalError(
            f"{PASSWORD_VARIABLE} is not set: choose the password of the Airflow user "
            f"'{ADMIN}' and export it, e.g. `export {PASSWORD_VARIABLE}=...`, then run "
            "`make airflow-up` again"
        )
    return password


def database_url(settings: Settings) -> str:
    password = settings.postgres_password
    credentials = settings.postgres_user
    if password is not None:
        credentials += ":" + password.get_secret_value()
    return (
        f"postgresql+psycopg://{credentials}@{settings.postgres_host}:"
        f"{settings.postgres_port}/{settings.postgres_database}"
    )


def stored_secret(name: str) -> str:
    """Return the key stored in ``HOME/name``, generating it on first use (mode 0600)."""
    path = HOME / name
    if not path.exists():
        value = Fernet.generate_key().decode() if name == "fernet_key" else secrets.token_hex(32)
        path.write_text(value, encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def airflow_environment(settings: Settings) -> dict[str, str]:
    """The environment of every Airflow command and process: configuration and connections."""
    url = database_url(settings)
    environment = dict(os.environ)
    environment.update(
        {
            "AIRFLOW_HOME": str(HOME),
            "AIRFLOW__CORE__DAGS_FOLDER": str(ROOT / "dags"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",
            "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
            "AIRFLOW__CORE__PARALLELISM": "4",
            "AIRFLOW__CORE__FERNET_KEY": stored_secret("fernet_key"),
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://{HOST}:{PORT}/execution/",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": f"{ADMIN}:admin",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(HOME / "passwords.json"),
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": url,
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC": url,
            "AIRFLOW__API__HOST": HOST,
            "AIRFLOW__API__PORT": str(PORT),
            "AIRFLOW__API__BASE_URL": f"http://{HOST}:{PORT}",
            "AIRFLOW__API__WORKERS": "1",
            "AIRFLOW__API__SECRET_KEY": stored_secret("api_secret_key"),
            "AIRFLOW__API_AUTH__JWT_SECRET": stored_secret("jwt_secret"),
        }
    )
    # The DAGs' own store and reports, and offline members for scheduled ingests, so that an
    # unpaused member_ingest reaches no outside host; the caller's choices win.
    environment.setdefault("MEMBERANALYZER_INGEST_SOURCE", "generator")
    environment.setdefault("MEMBERANALYZER_DB", str(HOME / "memberanalyzer.duckdb"))
    environment.setdefault("MEMBERANALYZER_OUT", str(HOME / "reports"))
    environment.setdefault("AIRFLOW_CONN_KAFKA_DEFAULT", kafka_connection(settings))
    environment.setdefault("AIRFLOW_CONN_CASSANDRA_DEFAULT", cassandra_connection(settings))
    return environment


def kafka_connection(settings: Settings) -> str:
    return json.dumps(
        {"conn_type": "kafka", "extra": {"bootstrap.servers": settings.kafka_bootstrap_servers}}
    )


def cassandra_connection(settings: Settings) -> str:
    return json.dumps(
        {"conn_type": "cassandra", "host": settings.cassandra_host, "port": settings.cassandra_port}
    )


def write_password_file(password: str) -> None:
    """Give the admin user the chosen password; Airflow would otherwise generate one."""
    path = HOME / "passwords.json"
    path.write_text(json.dumps({ADMIN: password}) + "\n", encoding="utf-8")
    path.chmod(0o600)


def airflow_command(
    environment: dict[str, str], *arguments: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(AIRFLOW), *arguments],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def run_airflow(environment: dict[str, str], *arguments: str) -> None:
    result = airflow_command(environment, *arguments)
    if result.returncode != 0:
        raise AirflowLocalError(
            f"`airflow {' '.join(arguments)}` failed with exit code {result.returncode}:\n"
            f"{result.stderr[-2000:]}"
        )


def prepare(environment: dict[str, str]) -> None:
    """Migrate the metadata database and create the pool and variable the DAGs need."""
    log.info("migrating the Airflow database")
    run_airflow(environment, "db", "migrate")
    run_airflow(
        environment, "pools", "set", STORE_POOL, "1", "one task at a time on the DuckDB store"
    )
    if airflow_command(environment, "variables", "get", ENGINE_VARIABLE).returncode != 0:
        run_airflow(environment, "variables", "set", ENGINE_VARIABLE, "embedded")


def pid_file(process: str) -> Path:
    return RUN / f"{process}.pid"


def running_pid(process: str) -> int | None:
    try:
        pid = int(pid_file(process).read_text(encoding="utf-8"))
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


def start(process: str, environment: dict[str, str]) -> None:
    log_path = LOGS / f"{process}.log"
    with log_path.open("ab") as log_file:
        child = subprocess.Popen(
            [str(AIRFLOW), process, *PROCESS_OPTIONS.get(process, [])],
            env=environment,
            cwd=HOME,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    pid_file(process).write_text(str(child.pid), encoding="utf-8")
    log.info("started %s pid=%d log=%s", process, child.pid, log_path)


def api_ready() -> bool:
    try:
        with urllib.request.urlopen(f"http://{HOST}:{PORT}/api/v2/monitor/health", timeout=5):
            return True
    except (urllib.error.URLError, OSError):
        return False


def wait_until_ready() -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if api_ready():
            return
        if running_pid("api-server") is None:
            break
        time.sleep(2)
    raise AirflowLocalError(
        f"the Airflow api-server did not answer on http://{HOST}:{PORT} within "
        f"{START_TIMEOUT_SECONDS:.0f} s; see {LOGS / 'api-server.log'}"
    )


def require_postgres(settings: Settings) -> None:
    import psycopg

    try:
        psycopg.connect(
            host=settings.postgres_host,
            port=settings.postgres_port,
            user=settings.postgres_user,
            dbname=settings.postgres_database,
            connect_timeout=5,
        ).close()
    except psycopg.Error as error:
        raise AirflowLocalError(
            f"PostgreSQL on {settings.postgres_host}:{settings.postgres_port} "
            f"(database {settings.postgres_database}) is not available: {error}. "
            "Start it with `make services-up`"
        ) from error


def up() -> None:
    password = admin_password()
    settings = load_settings()
    require_postgres(settings)
    for folder in (HOME, LOGS, RUN):
        folder.mkdir(parents=True, exist_ok=True)
    environment = airflow_environment(settings)
    write_password_file(password)
    prepare(environment)

    for process in PROCESSES:
        pid = running_pid(process)
        if pid is not None:
            log.info("%s already runs pid=%d", process, pid)
            continue
        start(process, environment)
    wait_until_ready()
    log.info("Airflow is ready on http://%s:%d (user %s)", HOST, PORT, ADMIN)


def stop(process: str) -> None:
    pid = running_pid(process)
    if pid is None:
        pid_file(process).unlink(missing_ok=True)
        return
    log.info("stopping %s pid=%d", process, pid)
    # Each process leads its own session, so its group holds the workers it forked.
    os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
    while time.monotonic() < deadline and running_pid(process) is not None:
        time.sleep(0.5)
    if running_pid(process) is not None:
        log.warning(
            "%s pid=%d did not stop within %.0f s; killing it", process, pid, STOP_TIMEOUT_SECONDS
        )
        os.killpg(pid, signal.SIGKILL)
    pid_file(process).unlink(missing_ok=True)


def down() -> None:
    for process in reversed(PROCESSES):
        stop(process)


def status() -> int:
    """Print one line per process and the api-server's health; return 1 unless all run."""
    missing = 0
    for process in PROCESSES:
        pid = running_pid(process)
        missing += pid is None
        state = "running" if pid is not None else "stopped"
        print(f"{process:14} {state:8} pid={pid or '-':<8} log={LOGS / (process + '.log')}")
    health = "answers" if api_ready() else "does not answer"
    print(f"api-server on http://{HOST}:{PORT} {health}")
    return 1 if missing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description="Manage a local Airflow for the DAGs in dags/.")
    parser.add_argument("action", choices=["up", "down", "status"])
    options = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    try:
        if options.action == "up":
            up()
        elif options.action == "down":
            down()
        else:
            return status()
    except AirflowLocalError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
