"""Prometheus metrics of the API and the ASGI middleware that counts requests.

Each app has its own registry, so several apps in one process (tests) do not share counters.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Mapping

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["ApiMetrics", "IngestRate", "MetricsMiddleware"]

# Request latency buckets in seconds: the single-member target is 20 ms at the 99th percentile.
_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class ApiMetrics:
    """The counters, gauges and histograms exposed at ``/metrics``."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "memberanalyzer_http_requests",
            "HTTP requests handled, by method, route and status code",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "memberanalyzer_http_request_duration_seconds",
            "Time from receiving a request to the end of its response, by method and route",
            ["method", "route"],
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.accepted = Counter(
            "memberanalyzer_members_accepted",
            "Members accepted and stored",
            registry=self.registry,
        )
        self.rejected = Counter(
            "memberanalyzer_members_rejected",
            "Records rejected by the member rules, by reason",
            ["reason"],
            registry=self.registry,
        )
        self.queued = Gauge(
            "memberanalyzer_ingest_queued_records",
            "Records received and not yet stored or rejected",
            registry=self.registry,
        )

    def count_rejections(self, by_reason: Mapping[str, int]) -> None:
        for reason, count in by_reason.items():
            self.rejected.labels(reason=reason).inc(count)


class IngestRate:
    """Members accepted per second over the last ``window`` seconds."""

    def __init__(self, window: int = 10) -> None:
        self.window = window
        self.accepted_total = 0
        self.rejected_total = 0
        self._per_second: deque[tuple[int, int]] = deque()

    def add(self, accepted: int, rejected: int) -> None:
        self.accepted_total += accepted
        self.rejected_total += rejected
        second = int(time.monotonic())
        if self._per_second and self._per_second[-1][0] == second:
            self._per_second[-1] = (second, self._per_second[-1][1] + accepted)
        else:
            self._per_second.append((second, accepted))
        self._forget_old(second)

    def per_second(self) -> float:
        """Return the mean rate over the window, counting only whole seconds."""
        now = int(time.monotonic())
        self._forget_old(now)
        done = sum(count for second, count in self._per_second if second < now)
        return done / self.window

    def _forget_old(self, now: int) -> None:
        while self._per_second and self._per_second[0][0] < now - self.window:
            self._per_second.popleft()


class MetricsMiddleware:
    """Counts and times every HTTP request by route template, e.g. ``/v1/members/{member_id}``.

    Streaming routes in ``untimed`` are counted but not timed.
    """

    def __init__(self, app: ASGIApp, metrics: ApiMetrics, untimed: frozenset[str]) -> None:
        self.app = app
        self.metrics = metrics
        # Routes that stream for as long as the client listens; their duration is no latency.
        self.untimed = untimed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", "unmatched")
            method = scope["method"]
            self.metrics.requests.labels(method, template, str(status)).inc()
            if template not in self.untimed:
                self.metrics.latency.labels(method, template).observe(time.perf_counter() - started)
