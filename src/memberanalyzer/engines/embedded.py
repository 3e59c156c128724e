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
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa

from memberanalyzer.analysis.export import write_distributions_csv, write_distributions_json
from memberanalyzer.analysis.results import AnalysisResult, store_distributions
from memberanalyzer.errors import (
    NothingStoredError,
    NothingToChartError,
    NothingToDoError,
    OutputError,
)
from memberanalyzer.members.age import AgeGroups
from memberanalyzer.members.distributions import (
    DIMENSION_SOURCE_COLUMNS,
    count_dimensions,
    member_dimensions,
    sort_distributions,
)
from memberanalyzer.members.rules import normalise_members
from memberanalyzer.sources.base import MemberSource
from memberanalyzer.stores.base import MemberStore
from memberanalyzer.stores.duckdb_store import DuckDBStore

__all__ = ["AnalysisResult", "IngestSummary", "ReportFiles", "analyze", "draw_charts", "ingest"]

log = logging.getLogger(__name__)

BatchCallback = Callable[[str, int], None]


@dataclass
class IngestSummary:
    """Counts of one ingest: records read, members stored, duplicates merged, rejections."""

    records_read: int = 0
    members_accepted: int = 0
    new_members: int = 0
    members_in_store: int = 0
    text_repairs: int = 0
    rejected_by_reason: Counter[str] = field(default_factory=Counter)
    # Each source's description; an API source includes its seed, to repeat the fetch.
    sources: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return sum(self.rejected_by_reason.values())

    @property
    def duplicates_merged(self) -> int:
        """Accepted records whose member was already stored or appeared earlier in the input."""
        return self.members_accepted - self.new_members

    def as_dict(self) -> dict[str, int]:
        """Flat counts for logs, the report and the exported JSON.

        records_read = new_members + duplicates_merged + rejected.
        """
        counts = {
            "records_read": self.records_read,
            "new_members": self.new_members,
            "duplicates_merged": self.duplicates_merged,
            "rejected": self.rejected,
            "text_repaired": self.text_repairs,
            "members_in_store": self.members_in_store,
        }
        for reason, count in sorted(self.rejected_by_reason.items()):
            counts[f"rejected_{reason}"] = count
        return counts


def ingest(
    sources: Iterable[MemberSource],
    store: DuckDBStore,
    now: datetime | None = None,
    on_batch: BatchCallback | None = None,
    write_rows: int = 131_072,
) -> IngestSummary:
    """Read every source, apply the member rules and store members and rejected records.

    Validated rows are written in groups of about ``write_rows`` by one writer thread, so
    reading and validating the next batch overlaps with DuckDB's write of the previous one;
    DuckDB also writes large groups much faster than small ones. At most one group waits for
    the writer, which bounds memory.

    Raises ``NothingStoredError`` when records were read but every one was rejected.
    """
    now = now or datetime.now(UTC)
    summary = IngestSummary()
    members_before = store.member_count()

    with _StoreWriter(store, write_rows) as writer:
        for source in sources:
            _ingest_source(source, writer, summary, now, on_batch)

    summary.members_in_store = store.member_count()
    summary.new_members = summary.members_in_store - members_before
    log.info("ingest summary %s", " ".join(f"{k}={v}" for k, v in summary.as_dict().items()))
    _check_something_stored(summary)
    return summary


def _ingest_source(
    source: MemberSource,
    writer: _StoreWriter,
    summary: IngestSummary,
    now: datetime,
    on_batch: BatchCallback | None,
) -> None:
    log.info("ingest started source=%s", source.description)
    summary.sources.append(source.description)
    source_records = 0
    for raw in source.batches():
        result = normalise_members(raw, now)
        writer.add(result.members, result.rejected)
        _add_batch(
            summary,
            raw.num_rows,
            result.members.num_rows,
            result.text_repairs,
            result.rejected_by_reason,
        )
        source_records += raw.num_rows
        if on_batch is not None:
            on_batch(source.description, raw.num_rows)
    log.info("ingest finished source=%s records=%d", source.description, source_records)


class _StoreWriter:
    """Collects members and rejected records and writes them on one background thread."""

    def __init__(self, store: DuckDBStore, write_rows: int) -> None:
        self._store = store
        self._write_rows = write_rows
        self._members: list[pa.Table] = []
        self._rejected: list[pa.Table] = []
        self._buffered_rows = 0
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
        self._in_flight: Future[None] | None = None

    def __enter__(self) -> _StoreWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        try:
            if exc_type is None:
                self._submit()
            self._wait()
        finally:
            self._executor.shutdown(wait=True)

    def add(self, members: pa.Table, rejected: pa.Table) -> None:
        self._members.append(members)
        if rejected.num_rows:
            self._rejected.append(rejected)
        self._buffered_rows += members.num_rows + rejected.num_rows
        if self._buffered_rows >= self._write_rows:
            self._submit()

    def _submit(self) -> None:
        """Hand the buffered rows to the writer thread, after the previous write finished."""
        self._wait()
        members = pa.concat_tables(self._members) if self._members else None
        rejected = pa.concat_tables(self._rejected) if self._rejected else None
        self._members, self._rejected, self._buffered_rows = [], [], 0
        self._in_flight = self._executor.submit(self._write, members, rejected)

    def _write(self, members: pa.Table | None, rejected: pa.Table | None) -> None:
        if members is not None:
            self._store.upsert_members(members)
        if rejected is not None:
            self._store.add_rejected(rejected)

    def _wait(self) -> None:
        """Wait for the write in flight; a failed write raises its error here."""
        if self._in_flight is not None:
            in_flight, self._in_flight = self._in_flight, None
            in_flight.result()


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
        reasons = ", ".join(
            f"{reason}={count}" for reason, count in summary.rejected_by_reason.most_common()
        )
        raise NothingStoredError(
            f"all {summary.records_read} records were rejected ({reasons}); "
            "see the rejected_records table for each record and its reason"
        )


def analyze(
    store: MemberStore, as_of: date, age_groups: AgeGroups, batch_size: int = 500_000
) -> AnalysisResult:
    """Compute every distribution as of ``as_of`` and replace that date's stored rows.

    Raises ``NothingToDoError`` when no member was registered by the end of ``as_of``. The
    date's old distributions are then removed too, so no stale result remains.
    """
    log.info("analysis started as_of=%s", as_of)
    partial_counts = [
        count_dimensions(member_dimensions(table, as_of, age_groups))
        for table in store.member_tables(DIMENSION_SOURCE_COLUMNS, batch_size)
    ]
    return store_distributions(store, as_of, age_groups, partial_counts)


def _report_folder(out_dir: Path, as_of: date) -> Path:
    folder = out_dir / as_of.isoformat()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            f"cannot create the report folder {folder}: {error.strerror}; choose another --out"
        ) from error
    return folder


@dataclass(frozen=True)
class ReportFiles:
    """Paths of the charts, the report and the exported distributions of one date."""

    folder: Path
    report: Path
    csv: Path
    json: Path
    charts: tuple[Path, ...]


def draw_charts(
    store: MemberStore,
    as_of: date,
    out_dir: Path,
    top_n: int = 20,
    summary: Mapping[str, int] | None = None,
) -> ReportFiles:
    """Render the stored distributions of ``as_of`` into ``out_dir/<as_of>/``."""
    # matplotlib takes about half a second to import: only the charts stage pays for it.
    from memberanalyzer.charts import render_charts, write_report

    distributions = store.distributions(as_of)
    analysis = store.analysis(as_of)
    if distributions.num_rows == 0 or analysis is None:
        raise NothingToChartError(
            f"no distributions are stored for {as_of.isoformat()}: "
            f"run `memberanalyzer analyze --as-of {as_of.isoformat()}` first"
        )
    age_groups, member_count = analysis
    distributions = sort_distributions(distributions)
    folder = _report_folder(out_dir, as_of)
    log.info("charts started as_of=%s folder=%s", as_of, folder)

    try:
        charts = render_charts(distributions, as_of, member_count, folder, top_n)
        csv_path = write_distributions_csv(distributions, folder / "distributions.csv")
        json_path = write_distributions_json(
            distributions, folder / "distributions.json", as_of, member_count, age_groups, summary
        )
        report = write_report(distributions, charts, as_of, member_count, folder, top_n, summary)
    except OSError as error:
        raise OutputError(f"writing the report files into {folder} failed: {error}") from error
    chart_paths = tuple(path for chart in charts for path in (chart.png, chart.svg))
    log.info("charts finished as_of=%s files=%d report=%s", as_of, len(chart_paths), report)
    return ReportFiles(folder, report, csv_path, json_path, chart_paths)
