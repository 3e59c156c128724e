"""Settings: environment variables, options and their validation."""

from __future__ import annotations

import pytest

from memberanalyzer.errors import ConfigurationError
from memberanalyzer.settings import load_settings


def test_settings_read_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMBERANALYZER_TOP_N", "7")
    assert load_settings().top_n == 7


def test_option_overrides_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMBERANALYZER_TOP_N", "7")
    assert load_settings(top_n=9).top_n == 9


@pytest.mark.parametrize("limit", ["512MB", "2GB", "1.5GiB", "64MB"])
def test_memory_limit_accepts_sizes(limit: str) -> None:
    assert load_settings(memory_limit=limit).memory_limit == limit


@pytest.mark.parametrize("limit", ["lots", "512", "1KB", "0MB"])
def test_memory_limit_rejects_bad_sizes(limit: str) -> None:
    with pytest.raises(ConfigurationError, match="--memory-limit"):
        load_settings(memory_limit=limit)


def test_invalid_age_bounds_raise() -> None:
    with pytest.raises(ConfigurationError, match="strictly increasing"):
        load_settings(age_bounds="30,20")


def test_invalid_log_level_names_option() -> None:
    with pytest.raises(ConfigurationError, match="--log-level"):
        load_settings(log_level="LOUD")


def test_engine_defaults_to_embedded() -> None:
    assert load_settings().engine == "embedded"


def test_unknown_engine_names_variable() -> None:
    with pytest.raises(ConfigurationError, match="MEMBERANALYZER_ENGINE"):
        load_settings(engine="spark")
