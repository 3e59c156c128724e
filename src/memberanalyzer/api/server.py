"""Run the API with uvicorn until SIGINT or SIGTERM, then store what was received and stop."""

from __future__ import annotations

import logging
from types import FrameType

import uvicorn
from fastapi import FastAPI

from memberanalyzer.api.app import create_app
from memberanalyzer.settings import Settings

__all__ = ["serve"]

log = logging.getLogger(__name__)

# Open event streams of the dashboard end when the server stops; requests still running after
# this many seconds are cancelled and get no response, so none of them counts as accepted.
_GRACEFUL_SHUTDOWN_SECONDS = 10


class _Server(uvicorn.Server):
    """A uvicorn server that also tells the app's event streams to end on shutdown."""

    def __init__(self, config: uvicorn.Config, app: FastAPI) -> None:
        super().__init__(config)
        self._app = app

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        runtime = getattr(self._app.state, "runtime", None)
        if runtime is not None:
            runtime.stopping = True
        super().handle_exit(sig, frame)


def serve(settings: Settings) -> None:
    """Serve the API and the dashboard on ``http_host:http_port`` until stopped."""
    app = create_app(settings)
    config = uvicorn.Config(
        app,
        host=settings.http_host,
        port=settings.http_port,
        log_config=None,
        log_level=settings.log_level.lower(),
        access_log=False,
        timeout_graceful_shutdown=_GRACEFUL_SHUTDOWN_SECONDS,
        server_header=False,
    )
    log.info(
        "server starting host=%s port=%d db=%s", settings.http_host, settings.http_port, settings.db
    )
    _Server(config, app).run()
    log.info("server stopped")
