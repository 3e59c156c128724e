"""The Airflow adapter of the stages: which errors Airflow retries and which fail at once."""

from __future__ import annotations

import pytest
from airflow.exceptions import AirflowFailException

from memberanalyzer.errors import ConfigurationError, NothingToChartError, SourceUnavailableError
from memberanalyzer.orchestration.airflow_context import stage_errors


def test_transient_error_reaches_retries() -> None:
    with pytest.raises(SourceUnavailableError), stage_errors():
        raise SourceUnavailableError("GET http://127.0.0.1:9/ failed")


def test_lasting_source_error_fails_task() -> None:
    with pytest.raises(AirflowFailException), stage_errors():
        raise SourceUnavailableError("HTTP 404", transient=False)


def test_configuration_error_fails_task() -> None:
    with pytest.raises(AirflowFailException, match="ConfigurationError: invalid count 0"):
        with stage_errors():
            raise ConfigurationError("invalid count 0")


def test_nothing_to_chart_fails_task() -> None:
    with pytest.raises(AirflowFailException, match="no distributions"), stage_errors():
        raise NothingToChartError("no distributions are stored for 2024-03-01")
