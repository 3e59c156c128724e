"""member_ingest: load members every day from the randomuser.me API or the offline generator.

Each run reads `count` members from its `source` param, or else from
MEMBERANALYZER_INGEST_SOURCE (default api; `make airflow-up` sets generator). It stores them
with the embedded engine (a DuckDB file), or hands them to Kafka with the distributed engine.
Its date is the run's logical date. Without a `seed`, the seed is that date as YYYYMMDD, so
rerunning a date reads the same members and changes nothing, and each date of a backfill reads
its own members. A successful run updates the asset memberanalyzer://members with the date in
its extra, which triggers member_analysis.
"""

from __future__ import annotations

from typing import Any

import pendulum
from airflow.sdk import Param, dag, task

from memberanalyzer.orchestration.airflow_context import (
    MEMBERS,
    TASK_DEFAULTS,
    ingest_request,
    stage_errors,
    task_settings,
)
from memberanalyzer.orchestration.dates import event_extra
from memberanalyzer.orchestration.stages import ingest_members


@dag(
    dag_id="member_ingest",
    schedule="@daily",
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=TASK_DEFAULTS,
    doc_md=__doc__,
    tags=["memberanalyzer"],
    params={
        "source": Param(
            None,
            type=["null", "string"],
            enum=[None, "api", "generator"],
            description="api: the randomuser.me-compatible API; generator: offline members; "
            "empty: MEMBERANALYZER_INGEST_SOURCE",
        ),
        "count": Param(5000, type="integer", minimum=1, description="members to read"),
        "seed": Param(
            None,
            type=["null", "integer"],
            minimum=0,
            description="seed of the API or the generator; empty: the date as YYYYMMDD",
        ),
        "api_url": Param(
            None,
            type=["null", "string"],
            description="randomuser.me-compatible API; empty: MEMBERANALYZER_API_URL",
        ),
        "nat": Param(
            "",
            type="string",
            description="nationality codes, comma-separated, e.g. GB,FR; empty: all",
        ),
    },
)
def member_ingest() -> None:
    @task(outlets=[MEMBERS])
    def ingest(**context: Any) -> dict[str, int | str]:
        with stage_errors():
            settings = task_settings()
            request = ingest_request(context, settings)
            result = ingest_members(request, settings)
        context["outlet_events"][MEMBERS].extra = event_extra(request.as_of)
        return result

    ingest()


member_ingest()
