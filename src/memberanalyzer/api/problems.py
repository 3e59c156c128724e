"""Error responses as RFC 9457 problem details (``application/problem+json``).

Every 4xx and 5xx response of the API has the members ``type``, ``title``, ``status`` and
``detail``. The ``type`` is a relative URI such as ``/problems/invalid-member`` that clients can
switch on. Responses about records add ``errors``, one entry per rejected record with its
``record`` number, ``field``, ``reason`` and ``detail``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

__all__ = ["PROBLEM_MEDIA_TYPE", "Problem", "install_problem_handlers", "problem_response"]

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"


class Problem(Exception):
    """An error that the API returns to the client as a problem details response."""

    def __init__(
        self,
        status: int,
        slug: str,
        detail: str,
        *,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.slug = slug
        self.detail = detail
        self.headers = dict(headers or {})
        self.extensions = dict(extensions or {})

    def body(self, instance: str | None = None) -> dict[str, Any]:
        """Build the problem details object."""
        body: dict[str, Any] = {
            "type": f"/problems/{self.slug}",
            "title": HTTPStatus(self.status).phrase,
            "status": self.status,
            "detail": self.detail,
        }
        if instance is not None:
            body["instance"] = instance
        body.update(self.extensions)
        return body


def problem_response(problem: Problem, instance: str | None = None) -> Response:
    """Render ``problem`` as an ``application/problem+json`` response."""
    return Response(
        orjson.dumps(problem.body(instance)),
        status_code=problem.status,
        headers=problem.headers,
        media_type=PROBLEM_MEDIA_TYPE,
    )


def install_problem_handlers(app: FastAPI) -> None:
    """Make every error response of ``app`` a problem details response."""
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(Exception, _on_unexpected_error)


async def _on_problem(request: Request, error: Exception) -> Response:
    assert isinstance(error, Problem)
    return problem_response(error, request.url.path)


async def _on_validation_error(request: Request, error: Exception) -> Response:
    """Turn FastAPI's parameter validation errors into one problem that names each field."""
    assert isinstance(error, RequestValidationError)
    errors = [_parameter_error(entry) for entry in error.errors()]
    detail = "; ".join(f"{entry['field']}: {entry['detail']}" for entry in errors)
    problem = Problem(422, "invalid-parameter", detail, extensions={"errors": errors})
    return problem_response(problem, request.url.path)


def _parameter_error(entry: Mapping[str, Any]) -> dict[str, Any]:
    location: Sequence[object] = entry.get("loc", ())
    # The first element is where the value was (query, path, header, body).
    field = ".".join(str(part) for part in location[1:]) or str(location[0] if location else "")
    return {"field": field, "reason": str(entry.get("type", "")), "detail": entry.get("msg", "")}


async def _on_http_exception(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    slug = HTTPStatus(error.status_code).phrase.lower().replace(" ", "-")
    detail = str(error.detail) if error.detail else HTTPStatus(error.status_code).description
    problem = Problem(error.status_code, slug, detail, headers=error.headers)
    return problem_response(problem, request.url.path)


async def _on_unexpected_error(request: Request, error: Exception) -> Response:
    log.error("request failed method=%s path=%s", request.method, request.url.path, exc_info=error)
    problem = Problem(
        500,
        "internal-error",
        "the server failed to handle the request; the error is in the server log",
    )
    return problem_response(problem, request.url.path)
