"""member_analysis: compute the member distributions as of each date whose members landed.

An update of memberanalyzer://members triggers a run. Its dates come from the triggering
events (one per ingest run, several when ingests land close together), from the `as_of` param
of a manual run, or else from the run's own date. Each date is analysed by one mapped task,
which replaces that date's distributions in one transaction and updates
memberanalyzer://distributions with the date, which triggers member_charts.
"""

from __future__ import annotations

from typing import Any

import pendulum
from airflow.sdk import Param, dag, task

from memberanalyzer.orchestration.airflow_context import (
    DISTRIBUTIONS,
    MEMBERS,
    TASK_DEFAULTS,
    context_dates,
    stage_errors,
    task_settings,
)
from memberanalyzer.orchestration.dates import event_extra, parse_date
from memberanalyzer.orchestration.stages import analyze_date


@dag(
    dag_id="member_analysis",
    schedule=[MEMBERS],
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    default_args=TASK_DEFAULTS,
    doc_md=__doc__,
    tags=["memberanalyzer"],
    params={
        "as_of": Param(
            None,
            type=["null", "string"],
            format="date",
            description="date to analyse, YYYY-MM-DD; empty: the dates of the triggering events",
        ),
    },
)
def member_analysis() -> None:
    @task(pool="default_pool")
    def dates(**context: Any) -> list[str]:
        with stage_errors():
            return [day.isoformat() for day in context_dates(context)]

    @task(outlets=[DISTRIBUTIONS], max_active_tis_per_dagrun=1)
    def analyze(as_of: str, **context: Any) -> dict[str, int | str]:
        with stage_errors():
            day = parse_date(as_of)
            result = analyze_date(day, task_settings())
        context["outlet_events"][DISTRIBUTIONS].extra = event_extra(day)
        return result

    analyze.expand(as_of=dates())


member_analysis()
