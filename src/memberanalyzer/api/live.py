"""Distributions for the API and the live dashboard, computed by the embedded engine's analysis.

``LiveAnalysis`` runs ``engines.embedded.analyze`` on the store thread, which also stores the
result as that date's distributions. It recomputes only when members were written since the
last run, and the dashboard's stream asks at most once per refresh interval.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

import pyarrow as pa

from memberanalyzer.api.sinks import MemberSink
from memberanalyzer.engines.embedded import analyze
from memberanalyzer.errors import NothingToDoError
from memberanalyzer.members.age import AgeGroups
from memberanalyzer.members.distributions import DIMENSIONS, sort_distributions
from memberanalyzer.stores.base import MemberStore

__all__ = ["DistributionSnapshot", "LiveAnalysis"]

# Dates whose latest result is kept; the dashboard usually watches one or two.
_CACHED_DATES = 16


@dataclass(frozen=True)
class DistributionSnapshot:
    """Every distribution of one as-of date, with the store state it was computed from."""

    as_of: date
    member_count: int
    members_in_store: int
    age_bounds: str
    dimensions: dict[str, list[dict[str, Any]]]
    computed_at: float
    store_version: int

    def as_json(self, dimension: str | None = None) -> dict[str, Any]:
        dimensions = (
            self.dimensions if dimension is None else {dimension: self.dimensions[dimension]}
        )
        return {
            "as_of": self.as_of.isoformat(),
            "member_count": self.member_count,
            "members_in_store": self.members_in_store,
            "age_bounds": self.age_bounds,
            "distributions": dimensions,
        }


class LiveAnalysis:
    """Keeps the distributions of recently asked dates up to date with the store."""

    def __init__(self, sink: MemberSink, age_groups: AgeGroups) -> None:
        self._sink = sink
        self._age_groups = age_groups
        self._snapshots: dict[date, DistributionSnapshot] = {}
        self._lock = asyncio.Lock()

    async def snapshot(self, as_of: date, max_age: float = 0.0) -> DistributionSnapshot:
        """Return the distributions of ``as_of``, recomputed if members were written since.

        A result younger than ``max_age`` seconds is returned even if it is stale, which bounds
        how often a stream of updates recomputes.
        """
        async with self._lock:
            cached = self._snapshots.get(as_of)
            if cached is not None and self._is_fresh(cached, max_age):
                return cached
            version = self._sink.version
            snapshot = await self._sink.read(lambda store: self._compute(store, as_of, version))
            self._remember(snapshot)
            return snapshot

    def _is_fresh(self, snapshot: DistributionSnapshot, max_age: float) -> bool:
        if snapshot.store_version == self._sink.version:
            return True
        return time.monotonic() - snapshot.computed_at < max_age

    def _compute(self, store: MemberStore, as_of: date, version: int) -> DistributionSnapshot:
        try:
            result = analyze(store, as_of, self._age_groups)
            member_count, distributions = result.member_count, result.distributions
        except NothingToDoError:
            # An empty store, or nobody registered by that date: every count is zero.
            member_count, distributions = 0, None
        return DistributionSnapshot(
            as_of=as_of,
            member_count=member_count,
            members_in_store=store.member_count(),
            age_bounds=self._age_groups.text,
            dimensions=_by_dimension(distributions),
            computed_at=time.monotonic(),
            store_version=version,
        )

    def _remember(self, snapshot: DistributionSnapshot) -> None:
        self._snapshots[snapshot.as_of] = snapshot
        while len(self._snapshots) > _CACHED_DATES:
            oldest = min(self._snapshots.values(), key=lambda cached: cached.computed_at)
            del self._snapshots[oldest.as_of]


def _by_dimension(distributions: pa.Table | None) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {dimension: [] for dimension in DIMENSIONS}
    if distributions is None:
        return grouped
    for row in sort_distributions(distributions).to_pylist():
        grouped[row["dimension"]].append(
            {"value": row["value"], "count": row["count"], "percentage": row["percentage"]}
        )
    return grouped
