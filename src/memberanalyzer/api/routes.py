"""The HTTP endpoints under ``/v1`` and the health, readiness and metrics endpoints."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Depends, Query, Request
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.responses import Response

from memberanalyzer.api.auth import API_KEY_HEADER, ApiKeyCheck
from memberanalyzer.api.bodies import (
    NDJSON_MEDIA_TYPES,
    RecordTexts,
    check_declared_length,
    read_body,
    records_from_array,
    records_from_ndjson,
    single_record,
)
from memberanalyzer.api.idempotency import IDEMPOTENCY_HEADER, StoredResponse
from memberanalyzer.api.models import DistributionsResponse, HealthResponse, IngestResponse
from memberanalyzer.api.problems import PROBLEM_MEDIA_TYPE, Problem
from memberanalyzer.api.runtime import ApiRuntime, runtime_of
from memberanalyzer.api.validation import RecordError, ValidatedRequest
from memberanalyzer.members.distributions import DIMENSIONS
from memberanalyzer.members.reasons import RejectReason

__all__ = ["build_router"]

log = logging.getLogger(__name__)

_JSON = "application/json"
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
# Namespace of request ids derived from idempotency keys: a retry gets the first request's id.
_REQUEST_NAMESPACE = uuid.UUID("6c1b8d52-3f0e-4a58-9a55-1c6f1f3a2b7e")
_READY_TIMEOUT_SECONDS = 5.0

Dimension = Literal[
    "gender",
    "age_group",
    "country",
    "city",
    "nationality",
    "registration_year",
    "age_group_by_gender",
]
assert set(Dimension.__args__) == set(DIMENSIONS)  # type: ignore[attr-defined]

_PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"description": description, "content": {PROBLEM_MEDIA_TYPE: {}}}
    for status, description in {
        400: "the body is not valid JSON or UTF-8, or a header is malformed",
        401: f"the {API_KEY_HEADER} header is missing",
        403: f"the {API_KEY_HEADER} header holds no valid key",
        413: "the body or the number of records is above the limit",
        415: "the Content-Type is not supported",
        422: "every record was rejected, or a parameter is invalid",
        429: "too many records wait to be stored; retry after Retry-After seconds",
        503: "the store cannot take writes; retry later",
    }.items()
}

_MEMBER_BODY = {
    "required": True,
    "content": {
        _JSON: {
            "schema": {
                "type": "object",
                "description": "one member: a randomuser.me result object, or a member in the "
                "normalised shape (member_id, first_name, last_name, gender, email, "
                "date_of_birth, registered_at, city, country, nationality, ...)",
                "additionalProperties": True,
            }
        }
    },
}
_BATCH_BODY = {
    "required": True,
    "content": {
        _JSON: {
            "schema": {
                "type": "array",
                "items": {"type": "object", "additionalProperties": True},
                "description": "members in either shape",
            }
        },
        "application/x-ndjson": {
            "schema": {"type": "string", "description": "one JSON member per line"}
        },
    },
}


def build_router(auth: ApiKeyCheck) -> APIRouter:
    """Create the router of every endpoint, with ``auth`` guarding the ``/v1`` ones."""
    router = APIRouter()
    guarded = [Depends(auth)]

    router.add_api_route(
        "/v1/members",
        post_member,
        methods=["POST"],
        status_code=202,
        response_model=IngestResponse,
        responses=_PROBLEM_RESPONSES,
        dependencies=guarded,
        openapi_extra={"requestBody": _MEMBER_BODY},
        summary="Ingest one member",
        tags=["ingestion"],
    )
    router.add_api_route(
        "/v1/members/batch",
        post_batch,
        methods=["POST"],
        status_code=202,
        response_model=IngestResponse,
        responses=_PROBLEM_RESPONSES,
        dependencies=guarded,
        openapi_extra={"requestBody": _BATCH_BODY},
        summary="Ingest members from a JSON array or NDJSON",
        tags=["ingestion"],
    )
    router.add_api_route(
        "/v1/members/{member_id}",
        get_member,
        methods=["GET"],
        responses={404: {"description": "no such member", "content": {PROBLEM_MEDIA_TYPE: {}}}},
        dependencies=guarded,
        summary="Read one stored member",
        tags=["members"],
    )
    router.add_api_route(
        "/v1/distributions",
        get_distributions,
        methods=["GET"],
        response_model=DistributionsResponse,
        dependencies=guarded,
        summary="Distributions as of a date",
        tags=["analysis"],
    )
    router.add_api_route("/healthz", healthz, methods=["GET"], response_model=HealthResponse)
    router.add_api_route(
        "/readyz",
        readyz,
        methods=["GET"],
        response_model=HealthResponse,
        responses={
            503: {"description": "the store is not ready", "content": {PROBLEM_MEDIA_TYPE: {}}}
        },
    )
    router.add_api_route(
        "/metrics",
        metrics,
        methods=["GET"],
        response_class=Response,
        responses={200: {"content": {CONTENT_TYPE_LATEST: {}}}},
        summary="Prometheus metrics",
    )
    return router


async def post_member(request: Request) -> Response:
    """Validate and store one member; every rejected record is stored with its reason."""
    runtime = runtime_of(request)
    _require_json(request)
    limit = runtime.settings.http_max_body_bytes
    check_declared_length(request.headers.get("content-length"), limit)
    body = await read_body(request.stream(), limit)
    fingerprint = _fingerprint(request, hashlib.sha256(body))
    return await _ingest_once(request, runtime, fingerprint, lambda: single_record(body))


async def post_batch(request: Request) -> Response:
    """Validate and store a JSON array or an NDJSON stream of members."""
    runtime = runtime_of(request)
    settings = runtime.settings
    check_declared_length(request.headers.get("content-length"), settings.http_max_body_bytes)
    digest = hashlib.sha256()
    chunks = _hashed(request.stream(), digest)
    media_type = _media_type(request)
    if media_type in NDJSON_MEDIA_TYPES:
        records = await records_from_ndjson(
            chunks, settings.http_max_body_bytes, settings.http_max_batch_records
        )
    elif media_type == _JSON or media_type.endswith("+json"):
        body = await read_body(chunks, settings.http_max_body_bytes)
        records = records_from_array(body, settings.http_max_batch_records)
    else:
        raise _unsupported_media_type(request, f"{_JSON} or application/x-ndjson")
    fingerprint = _fingerprint(request, digest)
    return await _ingest_once(request, runtime, fingerprint, lambda: records)


async def _hashed(chunks: AsyncIterator[bytes], digest: Any) -> AsyncIterator[bytes]:
    async for chunk in chunks:
        digest.update(chunk)
        yield chunk


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def _require_json(request: Request) -> None:
    media_type = _media_type(request)
    if media_type != _JSON and not media_type.endswith("+json"):
        raise _unsupported_media_type(request, _JSON)


def _unsupported_media_type(request: Request, expected: str) -> Problem:
    sent_type = request.headers.get("content-type") or "none"
    return Problem(
        415,
        "unsupported-media-type",
        f"Content-Type: expected {expected}, got {sent_type}",
    )


def _fingerprint(request: Request, digest: Any) -> str:
    return f"{request.method} {request.url.path} {_media_type(request)} {digest.hexdigest()}"


async def _ingest_once(
    request: Request,
    runtime: ApiRuntime,
    fingerprint: str,
    records: Callable[[], RecordTexts],
) -> Response:
    """Handle an ingestion request, or replay the response to an earlier one with its key."""
    key = request.headers.get(IDEMPOTENCY_HEADER)
    if key is None:
        return await _ingest(runtime, uuid.uuid4().hex, records())

    cache = runtime.idempotency
    scoped = cache.scoped_key(request.headers.get(API_KEY_HEADER, ""), key)
    stored = await cache.replay(scoped, fingerprint)
    if stored is not None:
        return _replayed(stored)
    try:
        response = await _ingest(runtime, uuid.uuid5(_REQUEST_NAMESPACE, scoped).hex, records())
    except Problem as problem:
        cache.finish(scoped, _stored_problem(problem))
        raise
    except BaseException:
        cache.finish(scoped, None)
        raise
    cache.finish(scoped, StoredResponse(response.status_code, bytes(response.body), _JSON))
    return response


def _stored_problem(problem: Problem) -> StoredResponse | None:
    """Keep a problem for replay only when the same request would fail the same way."""
    if problem.status in (408, 409, 429) or problem.status >= 500:
        return None
    return StoredResponse(problem.status, orjson.dumps(problem.body()), PROBLEM_MEDIA_TYPE)


def _replayed(stored: StoredResponse) -> Response:
    return Response(
        stored.body,
        status_code=stored.status,
        media_type=stored.media_type,
        headers={"Idempotent-Replayed": "true"},
    )


async def _ingest(runtime: ApiRuntime, request_id: str, records: RecordTexts) -> Response:
    if len(records) == 0:
        raise Problem(422, "no-records", "body: contains no records; send at least one member")
    result = await runtime.ingest.ingest(records, f"http:{request_id}")
    body = _outcome(request_id, result)
    if result.members.num_rows == 0:
        unreadable = all(error.reason == RejectReason.INVALID_JSON for error in result.errors)
        raise Problem(
            400 if unreadable else 422,
            "rejected-records",
            _summary(result.errors),
            extensions={key: value for key, value in body.items()},
        )
    return Response(orjson.dumps(body), status_code=202, media_type=_JSON)


def _outcome(request_id: str, result: ValidatedRequest) -> dict[str, Any]:
    return {
        "request_id": request_id,
        "accepted": result.members.num_rows,
        "rejected": len(result.errors),
        "member_ids": result.member_ids,
        "errors": [_record_problem(error) for error in result.errors],
    }


def _record_problem(error: RecordError) -> dict[str, Any]:
    field = error.field or "body"
    detail = f"record {error.record}: {field}: {error.reason}"
    if error.detail:
        detail += f" ({error.detail})"
    return {
        "type": "/problems/rejected-record",
        "title": "Record rejected",
        "status": 422,
        "detail": detail,
        "record": error.record,
        "field": field,
        "reason": error.reason,
    }


def _summary(errors: list[RecordError]) -> str:
    first = _record_problem(errors[0])["detail"]
    if len(errors) == 1:
        return f"the record was rejected: {first}"
    return f"all {len(errors)} records were rejected; the first: {first}"


async def get_member(member_id: str, request: Request) -> Response:
    """Return one stored member by its id (a UUID)."""
    if not _UUID.match(member_id):
        raise Problem(
            422,
            "invalid-parameter",
            f"member_id: expected a UUID such as 8b7b2a0e-0c5e-4f0b-9a4a-2f1d7e3c9b11, "
            f"got {member_id[:80]!r}",
        )
    runtime = runtime_of(request)
    requested_id = member_id.lower()
    member = await runtime.sink.read(lambda store: store.find_member(requested_id))
    if member is None:
        raise Problem(404, "member-not-found", f"member_id: no member {requested_id} is stored")
    return Response(orjson.dumps(member), media_type=_JSON)


async def get_distributions(
    request: Request,
    as_of: Annotated[
        date | None,
        Query(
            description="YYYY-MM-DD; members registered by the end of that day count "
            "(default: today in UTC)"
        ),
    ] = None,
    dimension: Annotated[
        Dimension | None, Query(description="one dimension; all by default")
    ] = None,
) -> Response:
    """Return the distributions as of a date, recomputed when members were stored since."""
    runtime = runtime_of(request)
    day = as_of or datetime.now(UTC).date()
    snapshot = await runtime.live.snapshot(day)
    return Response(orjson.dumps(snapshot.as_json(dimension)), media_type=_JSON)


async def healthz() -> dict[str, Any]:
    """Return 200 while the process serves requests."""
    return {"status": "ok", "details": {}}


async def readyz(request: Request) -> dict[str, Any]:
    """Return 200 when the validator runs and the store responds, 503 otherwise."""
    runtime = runtime_of(request)
    try:
        if not runtime.validator.is_alive():
            raise RuntimeError("the validator thread has stopped; restart the server")
        details = await asyncio.wait_for(runtime.sink.check_ready(), _READY_TIMEOUT_SECONDS)
    except (RuntimeError, TimeoutError) as error:
        log.warning("readiness check failed error=%s", error)
        raise Problem(
            503, "not-ready", f"store: {error or 'no answer within 5 seconds'}"
        ) from error
    return {"status": "ready", "details": details}


async def metrics(request: Request) -> Response:
    """Return the Prometheus metrics in the text exposition format."""
    registry = runtime_of(request).metrics.registry
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
