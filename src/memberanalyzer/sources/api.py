"""Member records from a randomuser.me-compatible HTTP API, fetched page by page.

Each request fetches ``results`` users (at most 5,000, the API's limit) of one ``page`` of one
``seed``, so a run with the same seed fetches the same members again. Without a seed, one is
chosen at random and logged, so the run can be repeated. Failed requests (connection errors,
timeouts, HTTP 429 and 5xx) are retried with exponential backoff. A numeric ``Retry-After``
header on such a response replaces the backoff delay, up to ``max_retry_after`` seconds. A
page with fewer users than requested ends the fetch: the source has no more users.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Iterator, Sequence

import duckdb
import httpx
import orjson
import pyarrow as pa

from memberanalyzer import __version__
from memberanalyzer.errors import ConfigurationError, InputFormatError, SourceUnavailableError
from memberanalyzer.sources.base import MemberSource
from memberanalyzer.sources.files import records_from_document
from memberanalyzer.sources.json_records import read_json_lines

__all__ = ["MAX_PAGE_SIZE", "RandomUserApiSource"]

log = logging.getLogger(__name__)

MAX_PAGE_SIZE = 5000
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class RandomUserApiSource(MemberSource):
    """Fetches ``count`` users from ``url`` in pages of ``page_size``."""

    def __init__(
        self,
        url: str,
        count: int,
        page_size: int = MAX_PAGE_SIZE,
        seed: str | None = None,
        nationalities: Sequence[str] = (),
        timeout: float = 30.0,
        retries: int = 5,
        backoff: float = 1.0,
        max_retry_after: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if count <= 0:
            raise ConfigurationError(
                f"invalid --api-count {count}: give a number of members above 0"
            )
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ConfigurationError(
                f"invalid --api-page-size {page_size}: the API allows 1 to {MAX_PAGE_SIZE}"
            )
        if retries < 0 or backoff < 0 or timeout <= 0 or max_retry_after < 0:
            raise ConfigurationError(
                f"invalid API retry settings (retries={retries}, backoff={backoff}, "
                f"timeout={timeout}, max_retry_after={max_retry_after}): retries, backoff and "
                "max_retry_after must be 0 or more and timeout above 0"
            )
        if not url.startswith(("http://", "https://")):
            raise ConfigurationError(
                f"invalid --api-url {url!r}: expected an http:// or https:// URL"
            )
        self.url = url
        self.count = count
        # Never request more users than the run needs.
        self.page_size = min(page_size, count)
        self.seed = seed or secrets.token_hex(8)
        self.nationalities = [code.strip().lower() for code in nationalities if code.strip()]
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self._sleep = sleep

    @property
    def description(self) -> str:
        return f"{self.url} (seed={self.seed})"

    def batches(self) -> Iterator[pa.RecordBatch]:
        pages = -(-self.count // self.page_size)
        log.info(
            "fetching url=%s count=%d pages=%d seed=%s", self.url, self.count, pages, self.seed
        )
        connection = duckdb.connect()
        headers = {"User-Agent": f"memberanalyzer/{__version__}", "Accept": "application/json"}
        try:
            with httpx.Client(
                timeout=self.timeout, headers=headers, follow_redirects=True
            ) as client:
                for page in range(1, pages + 1):
                    records = self._fetch_page(client, page)
                    first_record = (page - 1) * self.page_size + 1
                    # Every page is requested at full size so that pages stay aligned with the
                    # seed; the last one is cut to the requested count.
                    requested = min(self.page_size, self.count - first_record + 1)
                    lines = [orjson.dumps(record).decode() for record in records[:requested]]
                    source = f"{self.url}?seed={self.seed}&page={page}"
                    yield read_json_lines(connection, lines, source, first_record=first_record)
                    if len(records) < requested:
                        log.warning(
                            "short page url=%s page=%d records=%d requested=%d; "
                            "the API has no more users, stopping at %d",
                            self.url,
                            page,
                            len(records),
                            requested,
                            first_record - 1 + len(records),
                        )
                        return
        finally:
            connection.close()

    def _params(self, page: int) -> dict[str, str | int]:
        params: dict[str, str | int] = {"results": self.page_size, "page": page, "seed": self.seed}
        if self.nationalities:
            params["nat"] = ",".join(self.nationalities)
        return params

    def _fetch_page(self, client: httpx.Client, page: int) -> list[object]:
        response = self._get_with_retries(client, page)
        try:
            document = orjson.loads(response.content)
        except orjson.JSONDecodeError as error:
            raise InputFormatError(
                str(response.url),
                f"the API response is not JSON ({error.msg}); check that --api-url points at a "
                "randomuser.me-compatible API",
                line=error.lineno,
            ) from None
        records = records_from_document(document, str(response.url))
        log.info("fetched url=%s page=%d records=%d", self.url, page, len(records))
        return records

    def _get_with_retries(self, client: httpx.Client, page: int) -> httpx.Response:
        attempts = self.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                response = client.get(self.url, params=self._params(page))
            except httpx.TransportError as error:
                problem = f"{type(error).__name__}: {error}"
                delay = self._backoff_delay(attempt)
            else:
                if response.status_code < 400:
                    return response
                if response.status_code not in _RETRY_STATUSES:
                    raise SourceUnavailableError(
                        f"GET {response.url} returned HTTP {response.status_code}; "
                        "check --api-url and the query parameters",
                        transient=False,
                    )
                problem = f"HTTP {response.status_code}"
                retry_after = self._retry_after(response)
                delay = self._backoff_delay(attempt) if retry_after is None else retry_after

            if attempt == attempts:
                raise SourceUnavailableError(
                    f"GET {self.url} page {page} failed after {attempts} attempts, last error: "
                    f"{problem}. Check that the host is reachable, or load members offline with "
                    "--input or --generate."
                )
            log.warning(
                "request failed url=%s page=%d attempt=%d/%d error=%s; retrying in %.1fs",
                self.url,
                page,
                attempt,
                attempts,
                problem,
                delay,
            )
            self._sleep(delay)
        raise AssertionError("unreachable: the loop returns or raises")

    def _backoff_delay(self, attempt: int) -> float:
        return float(self.backoff * 2 ** (attempt - 1))

    def _retry_after(self, response: httpx.Response) -> float | None:
        header = response.headers.get("Retry-After")
        if header is None or not header.strip().isdigit():
            return None
        return min(float(header), self.max_retry_after)
