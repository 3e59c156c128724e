"""Run the API with uvicorn until SIGINT or SIGTERM, then store what was received and stop."""

from __future__ import annotations

import logging
from types import FrameType

import uvicorn
from fastapi import FastAPI

from memberanalyzer.api.app import create_app
from memberanalyzer.settings import Settings
from memberanalyzer.stores.duckdb_store import DuckDBStore

__all__ = ["serve"]

log = logging.getLogger(__name__)

# Open event streams of the dashboard end when the server stops; requests still running after
# this many seconds are cancelled and get no response, so none of them counts as accepted.
_GRACEFUL_SHUTDOWN_SECONDS = 10


class _Server(uvicorn.Server):
    """A uvicorn server that tells the app's event streams to end on shutdown.

    uvicorn raises a caught SIGTERM or SIGINT again after its graceful shutdown, which ends the
    process with the signal's status. This server forgets the signal instead, so a stop that
    stored everything exits with 0.
    """

    def __init__(self, config: uvicorn.Config, app: FastAPI) -> None:
        super().__init__(config)
        self._app = app

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        runtime = getattr(self._app.state, "runtime", None)
        if runtime is not None:
            runtime.stopping = True
        log.info("stop requested signal=%d", sig)
        super().handle_exit(sig, frame)
        self._captured_signals.clear()


def serve(settings: Settings) -> None:
    """Serve the API and the dashboard on ``http_host:http_port`` until stopped.

    Raises ``StoreError`` before listening when the store cannot be opened, for example because
    another process holds the DuckDB file.
    """
    app = create_app(settings)
    DuckDBStore.from_settings(settings).close()
    config = uvicorn.Config(
        app,
        host=settings.http_host,
        port=settings.http_port,
        log_config=None,
        log_level=settings.log_level.lower(),
        access_log=False,
        timeout_graceful_shutdown=_GRACEFUL_SHUTDOWN_SECONDS,
        server_header=False,
        # uvloop did not run the SIGTERM handler while idle (uvloop 0.23), so a stop hung.
        loop="asyncio",
    )
    log.info(
        "server starting host=%s port=%d db=%s", settings.http_host, settings.http_port, settings.db
    )
    _Server(config, app).run()
    log.info("server stopped")
