"""Response bodies of the API, as pydantic models for the OpenAPI document."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

__all__ = [
    "DistributionRow",
    "DistributionsResponse",
    "HealthResponse",
    "IngestResponse",
    "RecordProblem",
]


class RecordProblem(BaseModel):
    """A rejected record, as an RFC 9457 problem detail with the record's number and field."""

    type: str = Field(description="problem type URI, /problems/rejected-record")
    title: str
    status: int = Field(description="422: the record breaks a member rule")
    detail: str = Field(description="what is wrong, naming the field and the value")
    record: int = Field(description="line number (NDJSON) or 1-based position of the record")
    field: str = Field(description="the field that failed, or 'body' for unreadable JSON")
    reason: str = Field(description="reason code, as stored in rejected_records")


class IngestResponse(BaseModel):
    """Outcome of an ingestion request: what was stored and what was rejected, and why."""

    request_id: str = Field(description="id of the request; rejections are stored as http:<id>")
    accepted: int = Field(description="members validated and stored")
    rejected: int = Field(description="records rejected and stored in rejected_records")
    member_ids: list[str] = Field(description="ids of the accepted members, in request order")
    errors: list[RecordProblem] = Field(description="one problem detail per rejected record")


class DistributionRow(BaseModel):
    """One value of a dimension."""

    value: str
    count: int
    percentage: float


class DistributionsResponse(BaseModel):
    """The distributions of one as-of date, by dimension."""

    as_of: str
    member_count: int = Field(description="members registered on or before as_of")
    members_in_store: int
    age_bounds: str = Field(description="lower bounds of the age groups after 0-17")
    distributions: dict[str, list[DistributionRow]]


class HealthResponse(BaseModel):
    """Liveness or readiness of the server."""

    status: str
    details: dict[str, Any] = Field(default_factory=dict)
