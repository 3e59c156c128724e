"""A real ``memberanalyzer serve`` process on 127.0.0.1 and a free port, for system tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

API_KEY = "system-key-0123456789abcdef"
START_TIMEOUT_SECONDS = 60


@dataclass
class RunningServer:
    """A started server: its base URL and its process."""

    url: str
    process: subprocess.Popen[str]

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers={"X-API-Key": API_KEY}, timeout=30)

    def stop(self) -> int:
        """Stop the server with SIGTERM, as a service manager would, and return its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=60)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serve(db: Path, *options: str) -> Iterator[RunningServer]:
    """Run ``memberanalyzer serve`` on a free port until the block ends."""
    port = free_port()
    command = [
        sys.executable, "-m", "memberanalyzer", "serve", "--host", "127.0.0.1",
        "--port", str(port), "--db", str(db), "--log-level", "INFO", *options,
    ]  # fmt: skip
    environment = {**os.environ, "MEMBERANALYZER_HTTP_API_KEYS": API_KEY}
    process = subprocess.Popen(
        command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    server = RunningServer(f"http://127.0.0.1:{port}", process)
    try:
        _wait_until_ready(server)
        yield server
    finally:
        server.stop()


def _wait_until_ready(server: RunningServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            _, errors = server.process.communicate()
            raise RuntimeError(f"memberanalyzer serve exited early: {errors}")
        try:
            if httpx.get(f"{server.url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"memberanalyzer serve was not ready after {START_TIMEOUT_SECONDS} s")
