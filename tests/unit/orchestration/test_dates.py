"""The dates an orchestrated run works on: requested, from events, or its own."""

from __future__ import annotations

from datetime import date

import pytest

from memberanalyzer.errors import ConfigurationError
from memberanalyzer.orchestration.dates import event_extra, parse_date, run_dates

RUN_AFTER = date(2026, 12, 4)


def test_requested_date_wins() -> None:
    dates = run_dates("2024-03-01", [event_extra(date(2024, 1, 1))], date(2024, 2, 1), RUN_AFTER)
    assert dates == [date(2024, 3, 1)]


def test_event_dates_sorted_once() -> None:
    extras = [event_extra(date(2024, 3, 2)), event_extra(date(2024, 3, 1))] * 2
    assert run_dates(None, extras, None, RUN_AFTER) == [date(2024, 3, 1), date(2024, 3, 2)]


def test_event_without_date_ignored() -> None:
    extras = [{}, {"as_of": 20240301}, event_extra(date(2024, 3, 1))]
    assert run_dates(None, extras, None, RUN_AFTER) == [date(2024, 3, 1)]


def test_logical_date_without_events() -> None:
    assert run_dates(None, [], date(2024, 2, 1), RUN_AFTER) == [date(2024, 2, 1)]


def test_run_after_date_last() -> None:
    assert run_dates(None, [{}], None, RUN_AFTER) == [RUN_AFTER]


def test_invalid_requested_date_names_value() -> None:
    with pytest.raises(ConfigurationError, match="invalid as_of '2024-02-30'"):
        run_dates("2024-02-30", [], None, RUN_AFTER)


def test_invalid_event_date_raises() -> None:
    with pytest.raises(ConfigurationError, match="asset event as_of"):
        run_dates(None, [{"as_of": "yesterday"}], None, RUN_AFTER)


def test_event_extra_round_trip() -> None:
    assert parse_date(str(event_extra(date(2024, 3, 1))["as_of"])) == date(2024, 3, 1)
