"""The DAG files in dags/: they import cleanly, do no work at import, and chain by assets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from memberanalyzer.orchestration.airflow_context import DISTRIBUTIONS, MEMBERS, STORE_POOL

DAG_IDS = ("member_ingest", "member_analysis", "member_charts")


def test_dag_files_import_without_errors(dag_bag: Any) -> None:
    assert dag_bag.import_errors == {}


def test_dagbag_holds_pipeline_dags(dag_bag: Any) -> None:
    assert sorted(dag_bag.dag_ids) == sorted(DAG_IDS)


def test_dag_import_does_no_work(
    dag_bag: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Importing must neither read the settings nor open the store or write reports."""
    from airflow.models.dagbag import DagBag

    # Invalid settings make any settings load at import time fail the import.
    monkeypatch.setenv("MEMBERANALYZER_ENGINE", "no-such-engine")
    monkeypatch.setenv("MEMBERANALYZER_DB", str(tmp_path / "members.duckdb"))
    monkeypatch.setenv("MEMBERANALYZER_OUT", str(tmp_path / "reports"))

    bag = DagBag(dag_folder=str(dag_bag.dag_folder), include_examples=False)

    assert bag.import_errors == {}
    assert list(tmp_path.iterdir()) == []


def test_ingest_updates_members_asset(dag_bag: Any) -> None:
    assert dag_bag.dags["member_ingest"].get_task("ingest").outlets == [MEMBERS]


def test_analysis_scheduled_on_members(dag_bag: Any) -> None:
    schedule = dag_bag.dags["member_analysis"].timetable.asset_condition
    assert [asset for _, asset in schedule.iter_assets()] == [MEMBERS]


def test_analysis_updates_distributions_asset(dag_bag: Any) -> None:
    assert dag_bag.dags["member_analysis"].get_task("analyze").outlets == [DISTRIBUTIONS]


def test_charts_scheduled_on_distributions(dag_bag: Any) -> None:
    schedule = dag_bag.dags["member_charts"].timetable.asset_condition
    assert [asset for _, asset in schedule.iter_assets()] == [DISTRIBUTIONS]


def test_ingest_scheduled_daily(dag_bag: Any) -> None:
    assert dag_bag.dags["member_ingest"].timetable.summary == "0 0 * * *"


@pytest.mark.parametrize("dag_id", DAG_IDS)
def test_tasks_retry_with_backoff(dag_bag: Any, dag_id: str) -> None:
    for task in dag_bag.dags[dag_id].tasks:
        assert task.retries > 0, task.task_id
        assert task.retry_exponential_backoff, task.task_id


@pytest.mark.parametrize(
    ("dag_id", "task_id"),
    [("member_ingest", "ingest"), ("member_analysis", "analyze"), ("member_charts", "draw")],
)
def test_store_tasks_share_one_slot(dag_bag: Any, dag_id: str, task_id: str) -> None:
    assert dag_bag.dags[dag_id].get_task(task_id).pool == STORE_POOL
