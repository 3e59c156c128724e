"""Measure the ingestion HTTP API: NDJSON batch throughput and single-member POST latency.

The script starts ``memberanalyzer serve`` on 127.0.0.1 with a fresh DuckDB store and sends it
generated members (``memberanalyzer generate``), only to 127.0.0.1 and in bounded numbers:

1. batches: ``--batches`` NDJSON bodies of ``--batch-size`` members, sent over
   ``--connections`` keep-alive connections; the figure is members stored per second of wall
   time, from the first request to the last response.
2. singles: ``--singles`` single-member POSTs at ``--rate`` requests per second, each sent at
   its scheduled time by a pool of threads. Latency is measured from the scheduled time (so a
   late client counts against the server) and from the moment the request was sent.

Usage: ``python benchmarks/bench_api.py [--batches 100] [--singles 10000] [--rate 500]``.
Results print as Markdown; the targets are 50,000 members/s and a p99 of 20 ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOST = "127.0.0.1"
API_KEY = "bench-key-0123456789abcdef"
# Each batch request and the server's start-up are bounded by these.
REQUEST_TIMEOUT_SECONDS = 60
START_TIMEOUT_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def generate_members(count: int, folder: Path) -> list[bytes]:
    """Return ``count`` generated randomuser.me records, one JSON line each."""
    path = folder / "members.ndjson"
    command = [
        sys.executable,
        "-m",
        "memberanalyzer",
        "generate",
        str(count),
        "--output",
        str(path),
    ]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return path.read_bytes().splitlines()


@contextmanager
def running_server(folder: Path) -> Iterator[int]:
    """Start ``memberanalyzer serve`` on a free port and stop it with SIGTERM afterwards."""
    port = free_port()
    environment = {**os.environ, "MEMBERANALYZER_HTTP_API_KEYS": API_KEY}
    command = [
        sys.executable, "-m", "memberanalyzer", "serve", "--host", HOST, "--port", str(port),
        "--db", str(folder / "bench.duckdb"), "--log-level", "WARNING",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL)
    try:
        wait_until_ready(port)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=60)


def wait_until_ready(port: int) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        try:
            status, _ = request(connect(port), "GET", "/readyz", b"", {})
            if status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server on port {port} was not ready after {START_TIMEOUT_SECONDS} s")


def connect(port: int) -> http.client.HTTPConnection:
    return http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_SECONDS)


def request(
    connection: http.client.HTTPConnection,
    method: str,
    path: str,
    body: bytes,
    headers: dict[str, str],
) -> tuple[int, bytes]:
    connection.request(method, path, body=body, headers={"X-API-Key": API_KEY, **headers})
    response = connection.getresponse()
    return response.status, response.read()


def bench_batches(
    port: int, lines: list[bytes], batch_size: int, connections: int
) -> dict[str, float]:
    bodies = [b"\n".join(lines[i : i + batch_size]) for i in range(0, len(lines), batch_size)]
    next_body = iter(range(len(bodies)))
    lock = threading.Lock()
    accepted = [0] * connections
    failures: list[str] = []

    def send_all(worker: int) -> None:
        connection = connect(port)
        headers = {"Content-Type": "application/x-ndjson"}
        while True:
            with lock:
                index = next(next_body, None)
            if index is None:
                return
            status, body = request(connection, "POST", "/v1/members/batch", bodies[index], headers)
            if status != 202:
                failures.append(f"batch {index}: HTTP {status} {body[:200]!r}")
                continue
            accepted[worker] += json.loads(body)["accepted"]

    started = time.perf_counter()
    threads = [threading.Thread(target=send_all, args=(worker,)) for worker in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    if failures:
        print(f"{len(failures)} batches failed, the first: {failures[0]}", file=sys.stderr)
    return {"members": sum(accepted), "seconds": seconds, "per_second": sum(accepted) / seconds}


def bench_singles(port: int, lines: list[bytes], rate: float, threads: int) -> dict[str, float]:
    scheduled_latencies: list[float] = []
    sent_latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    next_index = iter(range(len(lines)))
    start = time.perf_counter() + 0.5

    def send_all() -> None:
        connection = connect(port)
        headers = {"Content-Type": "application/json"}
        while True:
            with lock:
                index = next(next_index, None)
            if index is None:
                return
            due = start + index / rate
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            sent = time.perf_counter()
            status, _ = request(connection, "POST", "/v1/members", lines[index], headers)
            done = time.perf_counter()
            with lock:
                scheduled_latencies.append(done - due)
                sent_latencies.append(done - sent)
                statuses[status] = statuses.get(status, 0) + 1

    workers = [threading.Thread(target=send_all) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    seconds = time.perf_counter() - start
    return {
        "requests": len(lines),
        "achieved_rate": len(lines) / seconds,
        "accepted": statuses.get(202, 0),
        "p50_scheduled_ms": percentile(scheduled_latencies, 50) * 1000,
        "p99_scheduled_ms": percentile(scheduled_latencies, 99) * 1000,
        "p50_sent_ms": percentile(sent_latencies, 50) * 1000,
        "p99_sent_ms": percentile(sent_latencies, 99) * 1000,
        "max_sent_ms": max(sent_latencies) * 1000,
    }


def percentile(values: list[float], rank: float) -> float:
    ordered = sorted(values)
    position = min(len(ordered) - 1, max(0, round(rank / 100 * len(ordered)) - 1))
    return ordered[position]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batches", type=int, default=100, help="NDJSON batches to send")
    parser.add_argument("--batch-size", type=int, default=1000, help="members per batch")
    parser.add_argument("--connections", type=int, default=2, help="connections for batches")
    parser.add_argument("--singles", type=int, default=10_000, help="single-member POSTs")
    parser.add_argument("--rate", type=float, default=500.0, help="single POSTs per second")
    parser.add_argument("--threads", type=int, default=16, help="client threads for singles")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-api-") as folder_name:
        folder = Path(folder_name)
        lines = generate_members(options.batches * options.batch_size + options.singles, folder)
        batch_lines = lines[: options.batches * options.batch_size]
        single_lines = lines[len(batch_lines) :]
        with running_server(folder) as port:
            batches = bench_batches(port, batch_lines, options.batch_size, options.connections)
        with running_server(folder) as port:
            singles = bench_singles(port, single_lines, options.rate, options.threads)

    print(
        f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    )
    print()
    print("| benchmark | requests | result | target |")
    print("|---|---:|---|---|")
    print(
        f"| NDJSON batches of {options.batch_size:,} over {options.connections} connections "
        f"| {options.batches:,} | {batches['per_second']:,.0f} members/s "
        f"({batches['members']:,.0f} members in {batches['seconds']:.2f} s) | ≥ 50,000 members/s |"
    )
    print(
        f"| single-member POST at {options.rate:,.0f} req/s, latency from the scheduled time "
        f"| {singles['requests']:,.0f} | p50 {singles['p50_scheduled_ms']:.1f} ms, "
        f"p99 {singles['p99_scheduled_ms']:.1f} ms | p99 ≤ 20 ms |"
    )
    print(
        f"| the same, latency from sending | | p50 {singles['p50_sent_ms']:.1f} ms, "
        f"p99 {singles['p99_sent_ms']:.1f} ms, max {singles['max_sent_ms']:.1f} ms "
        f"({singles['accepted']:,.0f} accepted, {singles['achieved_rate']:,.0f} req/s achieved) | |"
    )


if __name__ == "__main__":
    main()
