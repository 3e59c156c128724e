"""Each DAG run end to end with ``dag.test()`` on the embedded engine, against PostgreSQL.

``dag.test()`` runs every task in this process, with the real Airflow scheduling rules,
retries and task API, on the metadata database the ``metadata_database`` fixture prepares.
The members come from the offline generator; the analysis and chart runs get their date
through the ``as_of`` param, as the asset events would give it to a triggered run.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from memberanalyzer.stores.duckdb_store import DuckDBStore

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("metadata_database")]

MEMBERS_PER_RUN = 400
BACKFILL_DATES = (date(2024, 3, 1), date(2024, 3, 2), date(2024, 3, 3))


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def run_ingest(dag_bag: Any, day: date, **conf: Any) -> Any:
    run_conf = {"source": "generator", "count": MEMBERS_PER_RUN, **conf}
    return dag_bag.dags["member_ingest"].test(logical_date=_midnight(day), run_conf=run_conf)


def run_analysis(dag_bag: Any, day: date) -> Any:
    return dag_bag.dags["member_analysis"].test(
        logical_date=None, run_conf={"as_of": day.isoformat()}
    )


def run_charts(dag_bag: Any, day: date) -> Any:
    return dag_bag.dags["member_charts"].test(
        logical_date=None, run_conf={"as_of": day.isoformat()}
    )


def use_pipeline_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setenv("MEMBERANALYZER_DB", str(folder / "members.duckdb"))
    monkeypatch.setenv("MEMBERANALYZER_OUT", str(folder / "reports"))
    monkeypatch.setenv("MEMBERANALYZER_THREADS", "2")


def asset_event_extras(dag_run: Any) -> list[dict[str, Any]]:
    from airflow.models.asset import AssetEvent
    from airflow.utils.session import create_session
    from sqlalchemy import select

    with create_session() as session:
        events = session.scalars(
            select(AssetEvent).where(
                AssetEvent.source_dag_id == dag_run.dag_id,
                AssetEvent.source_run_id == dag_run.run_id,
            )
        ).all()
        return [dict(event.extra) for event in events]


def task_instance(dag_run: Any, task_id: str) -> Any:
    from airflow.models.taskinstance import TaskInstance
    from airflow.utils.session import create_session
    from sqlalchemy import select

    with create_session() as session:
        found = session.scalars(
            select(TaskInstance).where(
                TaskInstance.dag_id == dag_run.dag_id,
                TaskInstance.run_id == dag_run.run_id,
                TaskInstance.task_id == task_id,
            )
        ).one()
        session.expunge(found)
        return found


def stored_state(database: Path) -> tuple[pa.Table, pa.Table, list[date]]:
    """Members, distributions of every backfill date and the analysed dates in the store."""
    with DuckDBStore(database) as store:
        distributions = pa.concat_tables(store.distributions(day) for day in BACKFILL_DATES)
        analysed = [day for day in BACKFILL_DATES if store.analysis(day) is not None]
        return store.members(), distributions, analysed


@pytest.fixture
def pipeline_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh DuckDB file and report folder in ``tmp_path`` for the tasks."""
    use_pipeline_folder(monkeypatch, tmp_path)
    return tmp_path


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: bound, then released."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@dataclass
class Backfill:
    """States, asset events and store contents of a backfill over ``BACKFILL_DATES``."""

    folder: Path
    states: dict[str, list[str]]
    event_extras: dict[str, list[dict[str, Any]]]
    members: pa.Table
    distributions: pa.Table
    analysed: list[date]

    @property
    def database(self) -> Path:
        return self.folder / "members.duckdb"


@pytest.fixture(scope="module")
def backfill(
    metadata_database: None, dag_bag: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Backfill]:
    """Run each DAG for every backfill date, ingests first, as asset triggers order them.

    An analysis counts every stored member registered by its date, including members that
    a later date's ingest loaded, so the analyses run after the ingests of all dates.
    """
    folder = tmp_path_factory.mktemp("backfill")
    with pytest.MonkeyPatch.context() as monkeypatch:
        use_pipeline_folder(monkeypatch, folder)
        states: dict[str, list[str]] = {}
        extras: dict[str, list[dict[str, Any]]] = {}
        for dag_id, run in (
            ("member_ingest", run_ingest),
            ("member_analysis", run_analysis),
            ("member_charts", run_charts),
        ):
            runs = [run(dag_bag, day) for day in BACKFILL_DATES]
            states[dag_id] = [str(dag_run.state) for dag_run in runs]
            extras[dag_id] = [extra for dag_run in runs for extra in asset_event_extras(dag_run)]
        members, distributions, analysed = stored_state(folder / "members.duckdb")
        yield Backfill(folder, states, extras, members, distributions, analysed)


def test_backfill_runs_succeed(backfill: Backfill) -> None:
    assert backfill.states == {
        "member_ingest": ["success"] * 3,
        "member_analysis": ["success"] * 3,
        "member_charts": ["success"] * 3,
    }


def test_ingest_runs_store_members(backfill: Backfill) -> None:
    assert backfill.members.num_rows == MEMBERS_PER_RUN * len(BACKFILL_DATES)


def test_ingest_runs_announce_dates(backfill: Backfill) -> None:
    expected = [{"as_of": day.isoformat()} for day in BACKFILL_DATES]
    assert backfill.event_extras["member_ingest"] == expected


def test_analysis_runs_announce_dates(backfill: Backfill) -> None:
    expected = [{"as_of": day.isoformat()} for day in BACKFILL_DATES]
    assert backfill.event_extras["member_analysis"] == expected


def test_backfill_analyses_every_date(backfill: Backfill) -> None:
    assert backfill.analysed == list(BACKFILL_DATES)


def test_backfill_charts_every_date(backfill: Backfill) -> None:
    reports = sorted(path.parent.name for path in backfill.folder.glob("reports/*/index.html"))
    assert reports == [day.isoformat() for day in BACKFILL_DATES]


def test_rerun_of_date_changes_nothing(
    backfill: Backfill, dag_bag: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_pipeline_folder(monkeypatch, backfill.folder)
    report = backfill.folder / "reports" / "2024-03-02" / "distributions.csv"
    report_text = report.read_text(encoding="utf-8")

    states = [
        str(run(dag_bag, date(2024, 3, 2)).state) for run in (run_ingest, run_analysis, run_charts)
    ]

    members, distributions, analysed = stored_state(backfill.database)
    assert states == ["success"] * 3
    assert members.equals(backfill.members)
    assert distributions.equals(backfill.distributions)
    assert analysed == backfill.analysed
    assert report.read_text(encoding="utf-8") == report_text


def test_unreachable_api_retries_then_fails(
    dag_bag: Any,
    pipeline_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    from airflow.models.dagbag import DagBag

    # The source's own retries are off, so each Airflow try makes one request; a fresh bag
    # keeps the shorter retry delay out of the other tests.
    monkeypatch.setenv("MEMBERANALYZER_API_RETRIES", "0")
    monkeypatch.setenv("MEMBERANALYZER_API_TIMEOUT", "2")
    bag = DagBag(dag_folder=str(dag_bag.dag_folder), include_examples=False)
    ingest_task = bag.dags["member_ingest"].get_task("ingest")
    ingest_task.retries = 2
    ingest_task.retry_delay = timedelta(seconds=1)
    url = f"http://127.0.0.1:{closed_port()}/api/"

    dag_run = run_ingest(bag, date(2024, 3, 4), source="api", api_url=url)

    output = capfd.readouterr()
    task = task_instance(dag_run, "ingest")
    assert str(dag_run.state) == "failed"
    assert task.try_number == 3
    assert f"GET {url} page 1 failed after 1 attempts" in output.out + output.err
    assert asset_event_extras(dag_run) == []
    with DuckDBStore(pipeline_folder / "members.duckdb") as store:
        assert store.analysis(date(2024, 3, 4)) is None
        assert store.distributions(date(2024, 3, 4)).num_rows == 0
