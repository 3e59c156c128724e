"""The embedded engine: the three pipeline stages in one process, on a DuckDB store.

* ``ingest`` reads sources batch by batch, applies the member rules and writes members and
  rejected records to the store;
* ``analyze`` computes every distribution as of a date and stores it;
* ``draw_charts`` renders the stored distributions of a date into charts, an HTML report and
  the exported CSV and JSON files.

Each stage can run on its own, so an orchestrator can call them separately.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from memberanalyzer.analysis.export import write_distributions_csv, write_distributions_json
from memberanalyzer.charts import render_charts, write_report
from memberanalyzer.errors import NothingStoredError, NothingToChartError, NothingToDoError
from memberanalyzer.members.age import AgeGroups
from memberanalyzer.members.distributions import (
    DIMENSION_SOURCE_COLUMNS,
    DISTRIBUTION_SCHEMA,
    count_dimensions,
    distributions_from_counts,
    member_dimensions,
    sort_distributions,
)
from memberanalyzer.members.rules import normalise_members
from memberanalyzer.sources.base import MemberSource
from memberanalyzer.stores.duckdb_store import DuckDBStore

__all__ = ["AnalysisResult", "IngestSummary", "ReportFiles", "analyze", "draw_charts", "ingest"]

log = logging.getLogger(__name__)

BatchCallback = Callable[[str, int], None]


@dataclass
class IngestSummary:
    """What one ingest did: records read, members stored, duplicates merged, rejections."""

    records_read: int = 0
    members_accepted: int = 0
    new_members: int = 0
    text_repairs: int = 0
    rejected_by_reason: Counter[str] = field(default_factory=Counter)

    @property
    def rejected(self) -> int:
        return sum(self.rejected_by_reason.values())

    @property
    def duplicates_merged(self) -> int:
        """Accepted records whose member was already stored or appeared earlier in the input."""
        return self.members_accepted - self.new_members

    def as_dict(self) -> dict[str, int]:
        """Flat counts for logs, the report and the exported JSON."""
        counts = {
            "records_read": self.records_read,
            "members_stored": self.members_accepted,
            "new_members": self.new_members,
            "duplicates_merged": self.duplicates_merged,
            "text_repaired": self.text_repairs,
            "rejected": self.rejected,
        }
        for reason, count in sorted(self.rejected_by_reason.items()):
            counts[f"rejected_{reason}"] = count
        return counts


def ingest(
    sources: Iterable[MemberSource],
    store: DuckDBStore,
    now: datetime | None = None,
    on_batch: BatchCallback | None = None,
) -> IngestSummary:
    """Read every source, apply the member rules and store members and rejected records.

    Raises ``NothingStoredError`` when records were read but every one was rejected.
    """
    now = now or datetime.now(timezone.utc)
    summary = IngestSummary()
    members_before = store.member_count()

    for source in sources:
        log.info("ingest started source=%s", source.description)
        source_records = 0
        for raw in source.batches():
            result = normalise_members(raw, now)
            store.upsert_members(result.members)
            store.add_rejected(result.rejected)
            _add_batch(summary, raw.num_rows, result.members.num_rows, result.text_repairs, result.rejected_by_reason)
            source_records += raw.num_rows
            if on_batch is not None:
                on_batch(source.description, raw.num_rows)
        log.info("ingest finished source=%s records=%d", source.description, source_records)

    summary.new_members = store.member_count() - members_before
    log.info("ingest summary %s", " ".join(f"{k}={v}" for k, v in summary.as_dict().items()))
    _check_something_stored(summary)
    return summary


def _add_batch(
    summary: IngestSummary, read: int, accepted: int, repairs: int, rejected: Mapping[str, int]
) -> None:
    summary.records_read += read
    summary.members_accepted += accepted
    summary.text_repairs += repairs
    summary.rejected_by_reason.update(rejected)


def _check_something_stored(summary: IngestSummary) -> None:
    if summary.records_read == 0:
        raise NothingToDoError("the sources held no records: nothing was ingested")
    if summary.members_accepted == 0:
        reasons = ", ".join(f"{reason}={count}" for reason, count in summary.rejected_by_reason.most_common())
        raise NothingStoredError(
            f"all {summary.records_read} records were rejected ({reasons}); "
            "see the rejected_records table for each record and its reason"
        )


@dataclass(frozen=True)
class AnalysisResult:
    """Distributions of one as-of date and the number of members they count."""

    as_of: date
    member_count: int
    distributions: pa.Table


def analyze(
    store: DuckDBStore, as_of: date, age_groups: AgeGroups, batch_size: int = 1_000_000
) -> AnalysisResult:
    """Compute every distribution as of ``as_of`` and replace that date's stored rows.

    Raises ``NothingToDoError`` when no member was registered by the end of ``as_of``; the
    date's old distributions are removed in that case, so no stale result remains.
    """
    log.info("analysis started as_of=%s", as_of)
    partial_counts = [
        count_dimensions(member_dimensions(batch, as_of, age_groups))
        for batch in store.member_batches(DIMENSION_SOURCE_COLUMNS, batch_size)
    ]
    if not partial_counts:
        store.replace_distributions(as_of, DISTRIBUTION_SCHEMA.empty_table())
        raise NothingToDoError("the store holds no members: run `memberanalyzer ingest` first")

    distributions = distributions_from_counts(pa.concat_tables(partial_counts), as_of)
    member_count = _member_count(distributions)
    store.replace_distributions(as_of, distributions)
    if member_count == 0:
        raise NothingToDoError(
            f"no stored member was registered on or before {as_of.isoformat()}; "
            "choose a later --as-of date"
        )
    log.info("analysis finished as_of=%s members=%d rows=%d", as_of, member_count, distributions.num_rows)
    return AnalysisResult(as_of, member_count, distributions)


def _member_count(distributions: pa.Table) -> int:
    gender_rows = distributions.filter(pc.equal(distributions.column("dimension"), "gender"))
    return int(pc.sum(gender_rows.column("count")).as_py() or 0)


@dataclass(frozen=True)
class ReportFiles:
    """Where the charts, the report and the exported distributions of one date were written."""

    folder: Path
    report: Path
    csv: Path
    json: Path
    charts: tuple[Path, ...]


def draw_charts(
    store: DuckDBStore,
    as_of: date,
    out_dir: Path,
    age_groups: AgeGroups,
    top_n: int = 20,
    summary: Mapping[str, int] | None = None,
) -> ReportFiles:
    """Render the stored distributions of ``as_of`` into ``out_dir/<as_of>/``."""
    distributions = store.distributions(as_of)
    if distributions.num_rows == 0:
        raise NothingToChartError(
            f"no distributions are stored for {as_of.isoformat()}: "
            f"run `memberanalyzer analyze --as-of {as_of.isoformat()}` first"
        )
    distributions = sort_distributions(distributions)
    member_count = _member_count(distributions)
    folder = out_dir / as_of.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    log.info("charts started as_of=%s folder=%s", as_of, folder)

    charts = render_charts(distributions, as_of, member_count, folder, top_n)
    csv_path = write_distributions_csv(distributions, folder / "distributions.csv")
    json_path = write_distributions_json(
        distributions, folder / "distributions.json", as_of, member_count, age_groups, summary
    )
    report = write_report(distributions, charts, as_of, member_count, folder, top_n, summary)
    chart_paths = tuple(path for chart in charts for path in (chart.png, chart.svg))
    log.info("charts finished as_of=%s files=%d report=%s", as_of, len(chart_paths), report)
    return ReportFiles(folder, report, csv_path, json_path, chart_paths)
