"""The as-of dates an orchestrated run works on.

A run can name its date explicitly (a parameter), receive dates in the events that triggered it
(an ingest announces the date it loaded members for, an analysis the date it computed), or
fall back to its own logical date. Several events can trigger one run when they arrive close
together, so a run may have several dates.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import date

from memberanalyzer.errors import ConfigurationError

__all__ = ["EVENT_DATE_KEY", "event_extra", "parse_date", "run_dates"]

log = logging.getLogger(__name__)

# The key under which an asset event's extra carries its date, as YYYY-MM-DD.
EVENT_DATE_KEY = "as_of"


def parse_date(text: str, what: str = "as_of") -> date:
    """Parse a YYYY-MM-DD date; ``what`` names the value in the error."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ConfigurationError(
            f"invalid {what} {text!r}: expected a date as YYYY-MM-DD"
        ) from None


def event_extra(as_of: date) -> dict[str, str]:
    """The extra of an event about ``as_of``, read back by ``run_dates``."""
    return {EVENT_DATE_KEY: as_of.isoformat()}


def run_dates(
    requested: str | None,
    event_extras: Iterable[Mapping[str, object]],
    logical_date: date | None,
    run_after: date,
) -> list[date]:
    """Return the sorted dates a run works on.

    The first of these that gives a date wins: the ``requested`` date; the dates in the
    triggering events' extras; the run's logical date; the date the run was due
    (``run_after``, for runs without a logical date, such as asset-triggered ones).
    """
    if requested:
        return [parse_date(requested)]

    from_events = _event_dates(event_extras)
    if from_events:
        return from_events
    if logical_date is not None:
        return [logical_date]
    return [run_after]


def _event_dates(event_extras: Iterable[Mapping[str, object]]) -> list[date]:
    dates: set[date] = set()
    for extra in event_extras:
        value = extra.get(EVENT_DATE_KEY)
        if isinstance(value, str):
            dates.add(parse_date(value, f"asset event {EVENT_DATE_KEY}"))
        else:
            # An event created by hand (in the UI or the REST API) may carry no date.
            log.warning("asset event without a date ignored extra=%s", dict(extra))
    return sorted(dates)
