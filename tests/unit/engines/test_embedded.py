"""The embedded engine's stages on a real DuckDB store and the real samples."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from memberanalyzer.engines.embedded import analyze, draw_charts, ingest
from memberanalyzer.errors import NothingStoredError, NothingToChartError, NothingToDoError
from memberanalyzer.members.age import AgeGroups
from memberanalyzer.sources.files import JsonFileSource
from memberanalyzer.stores.duckdb_store import DuckDBStore

NOW = datetime(2026, 12, 4, tzinfo=UTC)


def sample(samples: Path, name: str) -> JsonFileSource:
    return JsonFileSource(samples / name)


def test_ingest_summary_adds_up(store: DuckDBStore, samples: Path) -> None:
    names = ["codeacademyuz_randomusers_111_v1.4.json", "tehapo_inbox-demo_100_legacy-0.x.json"]

    summary = ingest([sample(samples, name) for name in names], store, NOW)

    assert (
        summary.records_read == summary.new_members + summary.duplicates_merged + summary.rejected
    )
    assert summary.members_in_store == store.member_count()


def test_ingest_twice_merges_every_record(store: DuckDBStore, samples: Path) -> None:
    name = "codeacademyuz_randomusers_111_v1.4.json"
    ingest([sample(samples, name)], store, NOW)

    again = ingest([sample(samples, name)], store, NOW)

    assert again.new_members == 0
    assert again.duplicates_merged == 111


def test_ingest_of_only_rejected_records_raises(store: DuckDBStore, samples: Path) -> None:
    with pytest.raises(NothingStoredError):
        ingest([sample(samples, "tehapo_inbox-demo_100_legacy-0.x.json")], store, NOW)


def test_analysis_before_first_registration_stores_nothing(
    store: DuckDBStore, samples: Path
) -> None:
    ingest([sample(samples, "codeacademyuz_randomusers_111_v1.4.json")], store, NOW)

    with pytest.raises(NothingToDoError):
        analyze(store, date(1990, 1, 1), AgeGroups())

    assert store.analysis(date(1990, 1, 1)) is None
    assert store.distributions(date(1990, 1, 1)).num_rows == 0


def test_charts_of_failed_analysis_raise(store: DuckDBStore, samples: Path, tmp_path: Path) -> None:
    ingest([sample(samples, "codeacademyuz_randomusers_111_v1.4.json")], store, NOW)
    with pytest.raises(NothingToDoError):
        analyze(store, date(1990, 1, 1), AgeGroups())

    with pytest.raises(NothingToChartError):
        draw_charts(store, date(1990, 1, 1), tmp_path)


def test_charts_use_stored_age_groups(store: DuckDBStore, samples: Path, tmp_path: Path) -> None:
    ingest([sample(samples, "smanuk_sm-people-facade_500_v1.3.json")], store, NOW)
    analyze(store, NOW.date(), AgeGroups((30, 60)))

    files = draw_charts(store, NOW.date(), tmp_path)

    assert '"0-29"' in files.json.read_text(encoding="utf-8")
