"""member_charts: draw the charts, the HTML report and the exports of each analysed date.

An update of memberanalyzer://distributions triggers a run. Its dates come from the
triggering events, from the `as_of` param of a manual run, or else from the run's own date.
Each date is drawn by one mapped task into OUT/<date>/ (MEMBERANALYZER_OUT), rewriting the
same files when a date is drawn again.
"""

from __future__ import annotations

from typing import Any

import pendulum
from airflow.sdk import Param, dag, task

from memberanalyzer.orchestration.airflow_context import (
    DISTRIBUTIONS,
    TASK_DEFAULTS,
    context_dates,
    stage_errors,
    task_settings,
)
from memberanalyzer.orchestration.dates import parse_date
from memberanalyzer.orchestration.stages import draw_date_charts


@dag(
    dag_id="member_charts",
    schedule=[DISTRIBUTIONS],
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
            description="date to chart, YYYY-MM-DD; empty: the dates of the triggering events",
        ),
    },
)
def member_charts() -> None:
    @task(pool="default_pool")
    def dates(**context: Any) -> list[str]:
        with stage_errors():
            return [day.isoformat() for day in context_dates(context)]

    @task(max_active_tis_per_dagrun=1)
    def draw(as_of: str) -> dict[str, int | str]:
        with stage_errors():
            return draw_date_charts(parse_date(as_of), task_settings())

    draw.expand(as_of=dates())


member_charts()
