"""Tests for RandomUserApiSource against a real HTTP server on 127.0.0.1.

The server responds like randomuser.me with slices of a real 500-user response, or with the
failures a test scripts. Retry delays go to a list instead of sleeping, so no test waits.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyarrow as pa
import pytest

from memberanalyzer.errors import (
    ConfigurationError,
    InputFormatError,
    SourceUnavailableError,
)
from memberanalyzer.members.rules import normalise_members
from memberanalyzer.members.schema import RAW_SCHEMA
from memberanalyzer.sources.api import RandomUserApiSource

NOW = datetime(2026, 6, 1, tzinfo=UTC)
SEED = "a395c2e27ba99389"


@dataclass(frozen=True)
class Reply:
    """A scripted response. ``status`` None closes the connection without any response."""

    status: int | None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


DISCONNECT = Reply(None)


class SampleApiServer(ThreadingHTTPServer):
    """randomuser.me stand-in: pages of ``records`` unless a scripted reply is pending."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        super().__init__(("127.0.0.1", 0), SampleApiHandler)
        self.records = records
        self.scripted: list[Reply] = []
        self.fallback: Reply | None = None
        self.queries: list[dict[str, str]] = []
        self.request_headers: list[dict[str, str]] = []
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        port = self.server_address[1]
        return f"http://127.0.0.1:{port}/api/"

    def script(self, *replies: Reply) -> None:
        self.scripted.extend(replies)

    def next_reply(self, query: dict[str, str], headers: dict[str, str]) -> Reply:
        with self.lock:
            self.queries.append(query)
            self.request_headers.append(headers)
            if self.scripted:
                return self.scripted.pop(0)
            if self.fallback is not None:
                return self.fallback
        return self.page(int(query["results"]), int(query["page"]), query.get("seed", ""))

    def page(self, size: int, page: int, seed: str) -> Reply:
        start = (page - 1) * size
        document = {
            "results": self.records[start : start + size],
            "info": {"seed": seed, "results": size, "page": page, "version": "1.3"},
        }
        body = json.dumps(document, ensure_ascii=False).encode()
        return Reply(200, body, {"Content-Type": "application/json; charset=utf-8"})


class SampleApiHandler(BaseHTTPRequestHandler):
    server: SampleApiServer

    def do_GET(self) -> None:
        query = {name: values[-1] for name, values in parse_qs(urlsplit(self.path).query).items()}
        reply = self.server.next_reply(query, dict(self.headers.items()))
        if reply.status is None:
            self.close_connection = True
            return
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output free of one access-log line per request."""


@pytest.fixture
def api(
    sample_500_records: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> Iterator[SampleApiServer]:
    # httpx reads proxy settings from the environment, so they are removed to keep every
    # request on 127.0.0.1.
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    server = SampleApiServer(sample_500_records)
    # A short poll interval lets shutdown() return quickly at teardown.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, name="sample-api", daemon=True
    )
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def delays() -> list[float]:
    return []


def make_source(url: str, delays: list[float], **options: Any) -> RandomUserApiSource:
    settings: dict[str, Any] = {
        "count": 120,
        "page_size": 50,
        "seed": SEED,
        "timeout": 5.0,
        "retries": 3,
        "backoff": 0.5,
    }
    settings.update(options)
    return RandomUserApiSource(url, sleep=delays.append, **settings)


def fetch(source: RandomUserApiSource) -> list[pa.RecordBatch]:
    return list(source.batches())


def fetch_table(source: RandomUserApiSource) -> pa.Table:
    return pa.Table.from_batches(fetch(source), schema=RAW_SCHEMA)


def closed_port() -> int:
    """Return a port on 127.0.0.1 that nothing listens on, so connecting is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_api_fetches_count_in_pages(api: SampleApiServer, delays: list[float]) -> None:
    batches = fetch(make_source(api.url, delays))

    assert [batch.num_rows for batch in batches] == [50, 50, 20]
    assert all(batch.schema.equals(RAW_SCHEMA) for batch in batches)


def test_api_record_numbers_continue_across_pages(
    api: SampleApiServer, delays: list[float]
) -> None:
    table = fetch_table(make_source(api.url, delays))

    assert table.column("record_number").to_pylist() == list(range(1, 121))


def test_api_pages_follow_response_order(
    api: SampleApiServer, delays: list[float], sample_500_records: list[dict[str, Any]]
) -> None:
    table = fetch_table(make_source(api.url, delays))

    expected = [record["login"]["uuid"] for record in sample_500_records[:120]]
    assert table.column("login.uuid").to_pylist() == expected


def test_api_source_names_seed_and_page(api: SampleApiServer, delays: list[float]) -> None:
    batches = fetch(make_source(api.url, delays))

    sources = [set(batch.column("source").to_pylist()) for batch in batches]
    assert sources == [{f"{api.url}?seed={SEED}&page={page}"} for page in (1, 2, 3)]


def test_api_sends_query_parameters(api: SampleApiServer, delays: list[float]) -> None:
    fetch(make_source(api.url, delays))

    # The last page is requested at full size and cut to the count afterwards.
    assert api.queries == [{"results": "50", "page": str(page), "seed": SEED} for page in (1, 2, 3)]


def test_api_sends_nationalities_lower_case(api: SampleApiServer, delays: list[float]) -> None:
    fetch(make_source(api.url, delays, count=10, nationalities=["GB", " Fr ", ""]))

    assert [request.get("nat") for request in api.queries] == ["gb,fr"]


def test_api_sends_client_headers(api: SampleApiServer, delays: list[float]) -> None:
    fetch(make_source(api.url, delays, count=10))

    assert api.request_headers[0].get("Accept") == "application/json"
    assert api.request_headers[0].get("User-Agent", "").startswith("memberanalyzer/")


def test_api_without_seed_sends_random_seed(api: SampleApiServer, delays: list[float]) -> None:
    source = make_source(api.url, delays, count=10, seed=None)
    fetch(source)

    assert len(source.seed) == 16
    assert api.queries[0]["seed"] == source.seed


def test_api_same_seed_gives_identical_batches(api: SampleApiServer, delays: list[float]) -> None:
    first = fetch_table(make_source(api.url, delays))
    second = fetch_table(make_source(api.url, delays))

    assert first.equals(second)


def test_api_records_normalise_without_rejection(api: SampleApiServer, delays: list[float]) -> None:
    table = fetch_table(make_source(api.url, delays, count=500, page_size=200))

    result = normalise_members(table, NOW)

    assert result.rejected_by_reason == {}
    assert result.members.num_rows == 500


def test_api_retries_server_error_then_succeeds(api: SampleApiServer, delays: list[float]) -> None:
    api.script(Reply(500, b"Internal Server Error"))

    table = fetch_table(make_source(api.url, delays, count=10, backoff=0.25))

    assert delays == [0.25]
    assert table.num_rows == 10
    assert len(api.queries) == 2


def test_api_retries_disconnect_then_succeeds(api: SampleApiServer, delays: list[float]) -> None:
    api.script(DISCONNECT)

    table = fetch_table(make_source(api.url, delays, count=10, backoff=0.25))

    assert delays == [0.25]
    assert table.num_rows == 10


def test_api_backoff_doubles(api: SampleApiServer, delays: list[float]) -> None:
    api.fallback = Reply(503, b"Service Unavailable")

    with pytest.raises(SourceUnavailableError):
        fetch(make_source(api.url, delays, retries=3, backoff=0.5))

    assert delays == [0.5, 1.0, 2.0]


def test_api_gives_up_after_retries(api: SampleApiServer, delays: list[float]) -> None:
    api.fallback = Reply(503, b"Service Unavailable")

    with pytest.raises(SourceUnavailableError) as raised:
        fetch(make_source(api.url, delays, retries=3))

    assert len(api.queries) == 4
    assert "after 4 attempts" in str(raised.value)
    assert "HTTP 503" in str(raised.value)
    assert raised.value.transient


def test_api_honours_retry_after(api: SampleApiServer, delays: list[float]) -> None:
    api.script(Reply(429, b"Too Many Requests", {"Retry-After": "2"}))

    table = fetch_table(make_source(api.url, delays, count=10, backoff=0.25))

    assert delays == [2.0]
    assert table.num_rows == 10


def test_api_caps_retry_after(api: SampleApiServer, delays: list[float]) -> None:
    api.script(Reply(503, b"", {"Retry-After": "120"}))

    fetch(make_source(api.url, delays, count=10, max_retry_after=5.0))

    assert delays == [5.0]


def test_api_ignores_retry_after_date(api: SampleApiServer, delays: list[float]) -> None:
    api.script(Reply(503, b"", {"Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT"}))

    fetch(make_source(api.url, delays, count=10, backoff=0.25))

    assert delays == [0.25]


def test_api_retry_after_zero_retries_at_once(api: SampleApiServer, delays: list[float]) -> None:
    api.script(Reply(429, b"", {"Retry-After": "0"}))

    fetch(make_source(api.url, delays, count=10, backoff=0.25))

    assert delays == [0.0]


@pytest.mark.parametrize("status", [400, 401, 403, 404])
def test_api_client_error_not_retried(
    api: SampleApiServer, delays: list[float], status: int
) -> None:
    api.script(Reply(status, b"{}"))

    with pytest.raises(SourceUnavailableError, match=f"HTTP {status}"):
        fetch(make_source(api.url, delays))

    assert len(api.queries) == 1
    assert delays == []


def test_api_non_json_body_rejected(api: SampleApiServer, delays: list[float]) -> None:
    api.script(Reply(200, b"<html>maintenance</html>", {"Content-Type": "text/html"}))

    with pytest.raises(InputFormatError, match="not JSON") as raised:
        fetch(make_source(api.url, delays))

    assert raised.value.line == 1
    assert delays == []


def test_api_error_document_rejected(api: SampleApiServer, delays: list[float]) -> None:
    api.script(Reply(200, b'{"error": "Uh oh"}', {"Content-Type": "application/json"}))

    with pytest.raises(InputFormatError, match="Uh oh"):
        fetch(make_source(api.url, delays))


def test_api_format_error_names_request_url(api: SampleApiServer, delays: list[float]) -> None:
    api.script(Reply(200, b"not json"))

    with pytest.raises(InputFormatError) as raised:
        fetch(make_source(api.url, delays))

    assert f"{api.url}?results=50&page=1&seed={SEED}" in str(raised.value)


def test_api_empty_page_ends_fetch(api: SampleApiServer, delays: list[float]) -> None:
    api.script(Reply(200, b'{"results": [], "info": {}}'))
    assert sum(batch.num_rows for batch in fetch(make_source(api.url, delays, count=10))) == 0


def test_api_unreachable_host_unavailable(delays: list[float]) -> None:
    url = f"http://127.0.0.1:{closed_port()}/api/"

    with pytest.raises(SourceUnavailableError) as raised:
        fetch(make_source(url, delays, retries=2, backoff=0.1))

    assert delays == [0.1, 0.2]
    assert "after 3 attempts" in str(raised.value)
    assert "ConnectError" in str(raised.value)


@pytest.mark.parametrize(
    "options",
    [
        pytest.param({"count": 0}, id="count-zero"),
        pytest.param({"count": -5}, id="count-negative"),
        pytest.param({"page_size": 0}, id="page-size-zero"),
        pytest.param({"page_size": 5001}, id="page-size-above-api-limit"),
        pytest.param({"url": "ftp://127.0.0.1/api/"}, id="url-ftp"),
        pytest.param({"url": "127.0.0.1:8080/api/"}, id="url-without-scheme"),
        pytest.param(
            {"retries": -1},
            id="retries-negative",
        ),
    ],
)
def test_api_invalid_arguments_rejected(options: dict[str, Any], delays: list[float]) -> None:
    settings: dict[str, Any] = {"url": "http://127.0.0.1:9/api/", "count": 10}
    settings.update(options)
    url = settings.pop("url")

    with pytest.raises(ConfigurationError):
        RandomUserApiSource(url, sleep=delays.append, **settings)
