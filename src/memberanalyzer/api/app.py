"""The FastAPI application of the ingestion API and the live dashboard."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from memberanalyzer import __version__
from memberanalyzer.api.auth import ApiKeyCheck
from memberanalyzer.api.dashboard import EVENTS_PATH, build_dashboard_router
from memberanalyzer.api.metrics import ApiMetrics, MetricsMiddleware
from memberanalyzer.api.problems import install_problem_handlers
from memberanalyzer.api.routes import build_router
from memberanalyzer.api.runtime import ApiRuntime
from memberanalyzer.errors import ConfigurationError
from memberanalyzer.settings import ENV_PREFIX, Settings

__all__ = ["create_app"]

_DESCRIPTION = """
Ingest members one by one or in batches, in the randomuser.me shape or the normalised shape.
Every record goes through the same member rules as the command line; rejected records are
stored with their reason and listed in the response as problem details (RFC 9457).

Send an API key in the `X-API-Key` header to every `/v1` endpoint. An `Idempotency-Key`
header makes a retried ingestion request safe: the same key and body return the first response.
"""


def create_app(settings: Settings) -> FastAPI:
    """Create the app; its store, validator and writer start with the app's lifespan.

    Raises ``ConfigurationError`` when no API key is configured.
    """
    if not settings.api_keys:
        raise ConfigurationError(
            f"no API key is set: set {ENV_PREFIX}HTTP_API_KEYS to one or more keys of at least "
            "16 characters, comma-separated, and send one in the X-API-Key header"
        )
    metrics = ApiMetrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runtime = ApiRuntime.create(settings, metrics)
        runtime.start()
        app.state.runtime = runtime
        try:
            yield
        finally:
            runtime.stop()

    app = FastAPI(
        title="MemberAnalyzer ingestion API",
        version=__version__,
        description=_DESCRIPTION,
        lifespan=lifespan,
    )
    install_problem_handlers(app)
    app.include_router(build_router(ApiKeyCheck(settings.api_keys)))
    app.include_router(build_dashboard_router())
    app.add_middleware(MetricsMiddleware, metrics=metrics, untimed=frozenset({EVENTS_PATH}))
    return app
