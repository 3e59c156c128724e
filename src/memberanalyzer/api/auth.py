"""API-key authentication: the ``X-API-Key`` header against the keys in the settings.

Keys are compared with ``hmac.compare_digest`` against every configured key, so the time taken
says nothing about how much of a key was right. Keys never appear in logs or responses.
"""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Sequence

from fastapi import Request
from fastapi.security import APIKeyHeader

from memberanalyzer.api.problems import Problem

__all__ = ["API_KEY_HEADER", "ApiKeyCheck"]

log = logging.getLogger(__name__)

API_KEY_HEADER = "X-API-Key"

# Wrong keys are logged at most once per this many seconds, with the count in between.
_LOG_INTERVAL_SECONDS = 60.0

# Declares the scheme in the OpenAPI document, so /docs offers to enter a key.
_scheme = APIKeyHeader(name=API_KEY_HEADER, auto_error=False)


class ApiKeyCheck:
    """FastAPI dependency that lets a request through only with a configured API key."""

    def __init__(self, keys: Sequence[str]) -> None:
        self._keys = tuple(key.encode() for key in keys)
        self._logged_at = float("-inf")
        self._unlogged = 0

    async def __call__(self, request: Request) -> None:
        sent_key = await _scheme(request)
        if not sent_key:
            raise Problem(
                401,
                "missing-api-key",
                f"the {API_KEY_HEADER} header is missing; send one of the server's API keys",
                headers={"WWW-Authenticate": f'ApiKey header="{API_KEY_HEADER}"'},
            )
        if not self._matches(sent_key.encode()):
            self._log_wrong_key(request)
            raise Problem(
                403,
                "wrong-api-key",
                f"the {API_KEY_HEADER} header does not hold a valid API key",
            )

    def _log_wrong_key(self, request: Request) -> None:
        self._unlogged += 1
        now = time.monotonic()
        if now - self._logged_at < _LOG_INTERVAL_SECONDS:
            return
        log.warning(
            "rejected %d requests with a wrong API key, the last one method=%s path=%s client=%s",
            self._unlogged,
            request.method,
            request.url.path,
            request.client.host if request.client else "unknown",
        )
        self._logged_at, self._unlogged = now, 0

    def _matches(self, sent_key: bytes) -> bool:
        matched = False
        for key in self._keys:
            # No early exit: every key is compared.
            matched |= hmac.compare_digest(sent_key, key)
        return matched
