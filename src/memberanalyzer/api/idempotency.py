"""Replay of responses to requests that carry an ``Idempotency-Key`` header.

A client that did not get a response can send the same request again with the same key and
gets the first response back, without the records being handled twice. The same key with a
different body is refused. Keys are scoped to the API key that sent them.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict
from dataclasses import dataclass

from memberanalyzer.api.problems import Problem

__all__ = ["IDEMPOTENCY_HEADER", "IdempotencyCache", "StoredResponse"]

IDEMPOTENCY_HEADER = "Idempotency-Key"

_MAX_KEY_LENGTH = 255


@dataclass(frozen=True)
class StoredResponse:
    """A response kept for replay."""

    status: int
    body: bytes
    media_type: str


@dataclass
class _Entry:
    fingerprint: str
    stored_at: float
    response: asyncio.Future[StoredResponse]


class IdempotencyCache:
    """Responses by idempotency key, in memory, for ``ttl`` seconds and at most ``size`` keys.

    A response is kept only when sending the request again could not change it: 2xx and the
    4xx about the records. Others (429, 5xx) free the key, so a retry is handled anew.
    """

    # TODO: keys live in memory only, so a retry after a server restart is handled again; it
    # stores no duplicate (member ids and rejection ids are deterministic) but may get a
    # different response. Keep keys in the store if clients need replays across restarts.

    def __init__(self, size: int = 10_000, ttl: float = 24 * 3600) -> None:
        self._size = size
        self._ttl = ttl
        self._entries: OrderedDict[str, _Entry] = OrderedDict()

    @staticmethod
    def scoped_key(api_key: str, key: str) -> str:
        """Return the cache key of ``key`` sent with ``api_key``, after checking its form."""
        if not 1 <= len(key) <= _MAX_KEY_LENGTH or not key.isprintable() or not key.isascii():
            raise Problem(
                400,
                "invalid-idempotency-key",
                f"{IDEMPOTENCY_HEADER}: expected 1 to {_MAX_KEY_LENGTH} printable ASCII "
                "characters, such as a UUID",
            )
        owner = hashlib.sha256(api_key.encode()).hexdigest()[:16]
        return f"{owner}:{key}"

    @staticmethod
    def fingerprint(method: str, path: str, content_type: str, body: bytes) -> str:
        digest = hashlib.sha256(f"{method} {path} {content_type}\n".encode())
        digest.update(body)
        return digest.hexdigest()

    async def replay(self, key: str, fingerprint: str) -> StoredResponse | None:
        """Return the stored response of ``key``, waiting if its first request still runs.

        Returns None when the key is new; the caller then handles the request and calls
        ``finish``. Raises 422 when the key was used with a different request.
        """
        self._expire()
        entry = self._entries.get(key)
        if entry is None:
            self._entries[key] = _Entry(fingerprint, time.monotonic(), asyncio.Future())
            self._evict()
            return None
        if entry.fingerprint != fingerprint:
            raise Problem(
                422,
                "idempotency-key-reused",
                f"{IDEMPOTENCY_HEADER}: this key was already used with a different request "
                "body; use a new key for a new request",
            )
        try:
            return await asyncio.shield(entry.response)
        except asyncio.CancelledError:
            if not entry.response.cancelled():
                raise
        raise Problem(
            409,
            "idempotency-key-retry",
            f"{IDEMPOTENCY_HEADER}: the first request with this key failed while this one "
            "waited for it; send the request again",
        )

    def finish(self, key: str, response: StoredResponse | None) -> None:
        """Keep ``response`` for ``key``, or free the key when ``response`` is None."""
        entry = self._entries.get(key)
        if entry is None:
            return
        if response is None:
            del self._entries[key]
            entry.response.cancel()
            return
        entry.response.set_result(response)

    def _expire(self) -> None:
        oldest = time.monotonic() - self._ttl
        while self._entries:
            key, entry = next(iter(self._entries.items()))
            if entry.stored_at >= oldest:
                return
            del self._entries[key]

    def _evict(self) -> None:
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)
