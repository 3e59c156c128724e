"""The live dashboard: a static page at ``/`` and a Server-Sent Events stream of updates.

The page and its stream carry only counts and percentages, no member data, so they need no
API key, like ``/metrics``. The page has its own script and style sheet and loads nothing
from other hosts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from importlib import resources
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Query, Request
from starlette.responses import Response, StreamingResponse

from memberanalyzer.api.problems import Problem
from memberanalyzer.api.runtime import ApiRuntime, runtime_of

__all__ = ["EVENTS_PATH", "build_dashboard_router"]

log = logging.getLogger(__name__)

EVENTS_PATH = "/dashboard/events"

_STATIC_FILES = {
    "index.html": "text/html; charset=utf-8",
    "dashboard.js": "text/javascript; charset=utf-8",
    "dashboard.css": "text/css; charset=utf-8",
}
# The browser reconnects after this many milliseconds when the stream breaks.
_RECONNECT_MILLISECONDS = 2000


def build_dashboard_router() -> APIRouter:
    """Create the routes of the page, its two files and its event stream."""
    files = {name: _read_static(name) for name in _STATIC_FILES}
    router = APIRouter(include_in_schema=False)

    async def page() -> Response:
        return _static_response(files, "index.html")

    async def static(name: str) -> Response:
        if name not in files or name == "index.html":
            raise Problem(404, "not-found", f"name: no dashboard file {name!r}")
        return _static_response(files, name)

    router.add_api_route("/", page, methods=["GET"])
    # Before the files' route, which would otherwise match "events" as a file name.
    router.add_api_route(EVENTS_PATH, events, methods=["GET"])
    router.add_api_route("/dashboard/{name}", static, methods=["GET"])
    return router


def _read_static(name: str) -> bytes:
    return resources.files("memberanalyzer.api").joinpath("static", name).read_bytes()


def _static_response(files: dict[str, bytes], name: str) -> Response:
    return Response(
        files[name],
        media_type=_STATIC_FILES[name],
        headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"},
    )


async def events(
    request: Request,
    as_of: Annotated[date | None, Query(description="YYYY-MM-DD (default: today in UTC)")] = None,
) -> StreamingResponse:
    """Stream a snapshot of the distributions and the ingest rate once per refresh interval."""
    runtime = runtime_of(request)
    day = as_of or datetime.now(UTC).date()
    return StreamingResponse(
        _snapshots(runtime, day),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _snapshots(runtime: ApiRuntime, as_of: date) -> AsyncIterator[bytes]:
    interval = runtime.settings.http_refresh_seconds
    log.info("event stream opened as_of=%s", as_of)
    yield f"retry: {_RECONNECT_MILLISECONDS}\n\n".encode()
    try:
        while not runtime.stopping:
            payload = await _payload(runtime, as_of, interval)
            yield b"event: snapshot\ndata: " + orjson.dumps(payload) + b"\n\n"
            await asyncio.sleep(interval)
    finally:
        log.info("event stream closed as_of=%s", as_of)


async def _payload(runtime: ApiRuntime, as_of: date, interval: float) -> dict[str, Any]:
    snapshot = await runtime.live.snapshot(as_of, max_age=interval)
    rate = runtime.ingest.rate
    return {
        **snapshot.as_json(),
        "ingest": {
            "accepted_total": rate.accepted_total,
            "rejected_total": rate.rejected_total,
            "members_per_second": rate.per_second(),
            "queued_records": runtime.ingest.queued_records,
        },
        "sent_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
