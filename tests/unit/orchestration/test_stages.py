"""The orchestrated stages on the embedded engine; tests/integration covers the distributed one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from memberanalyzer.errors import ConfigurationError, NothingToChartError
from memberanalyzer.orchestration.stages import (
    IngestRequest,
    analyze_date,
    build_source,
    draw_date_charts,
    ingest_members,
)
from memberanalyzer.settings import Settings, load_settings
from memberanalyzer.sources.api import RandomUserApiSource
from memberanalyzer.sources.generator import GeneratorSource

DAY = date(2024, 3, 1)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(db=tmp_path / "members.duckdb", out=tmp_path / "reports", threads=2)


def generator_request(count: int = 200, seed: int | None = None) -> IngestRequest:
    return IngestRequest(as_of=DAY, source="generator", count=count, seed=seed)


def test_default_seed_is_date() -> None:
    assert generator_request().effective_seed == 20240301


def test_given_seed_kept() -> None:
    assert generator_request(seed=7).effective_seed == 7


@pytest.mark.parametrize(("field", "value"), [("source", "files"), ("count", 0), ("seed", -1)])
def test_invalid_request_raises(field: str, value: object) -> None:
    with pytest.raises(ConfigurationError, match=f"invalid {field}"):
        IngestRequest(as_of=DAY, **{field: value})  # type: ignore[arg-type]


def test_generator_source_built(settings: Settings) -> None:
    assert isinstance(build_source(generator_request(), settings), GeneratorSource)


def test_api_source_uses_request_url(settings: Settings) -> None:
    request = IngestRequest(as_of=DAY, source="api", api_url="http://127.0.0.1:9/api/")
    source = build_source(request, settings)
    assert isinstance(source, RandomUserApiSource)
    assert source.url == "http://127.0.0.1:9/api/"
    assert source.seed == "20240301"


def test_api_source_defaults_to_settings_url(settings: Settings) -> None:
    source = build_source(IngestRequest(as_of=DAY, source="api"), settings)
    assert isinstance(source, RandomUserApiSource)
    assert source.url == settings.api_url


def test_ingest_returns_counts(settings: Settings) -> None:
    result = ingest_members(generator_request(), settings)
    assert result["as_of"] == "2024-03-01"
    assert result["new_members"] == 200
    assert result["records_read"] == 200


def test_ingest_rerun_adds_nothing(settings: Settings) -> None:
    ingest_members(generator_request(), settings)
    again = ingest_members(generator_request(), settings)
    assert again["new_members"] == 0
    assert again["members_in_store"] == 200


def test_analysis_returns_counts(settings: Settings) -> None:
    ingest_members(generator_request(), settings)
    result = analyze_date(DAY, settings)
    assert result["as_of"] == "2024-03-01"
    assert 0 < int(result["members"]) <= 200
    assert int(result["distribution_rows"]) > 0


def test_charts_return_report_path(settings: Settings) -> None:
    ingest_members(generator_request(), settings)
    analyze_date(DAY, settings)
    result = draw_date_charts(DAY, settings)
    assert result["report"] == str(settings.out / "2024-03-01" / "index.html")
    assert Path(str(result["report"])).is_file()


def test_charts_without_analysis_raise(settings: Settings) -> None:
    ingest_members(generator_request(), settings)
    with pytest.raises(NothingToChartError):
        draw_date_charts(DAY, settings)
