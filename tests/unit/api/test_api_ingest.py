"""POST /v1/members and /v1/members/batch with good and bad input, on real sample records."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.unit.api.conftest import ndjson

from memberanalyzer.settings import Settings
from memberanalyzer.stores.duckdb_store import DuckDBStore

NDJSON = {"Content-Type": "application/x-ndjson"}

NORMALISED_MEMBER: dict[str, Any] = {
    "member_id": "8b7b2a0e-0c5e-4f0b-9a4a-2f1d7e3c9b11",
    "title": "Ms",
    "first_name": "Ann",
    "last_name": "Lee",
    "gender": "female",
    "email": "ann.lee@example.com",
    "date_of_birth": "1990-05-01T00:00:00Z",
    "registered_at": "2015-01-01T08:30:00Z",
    "city": "Leeds",
    "country": "United Kingdom",
    "postcode": "LS1 4AP",
    "nationality": "GB",
    "latitude": 53.8,
    "longitude": -1.55,
    "timezone_offset": "+0:00",
}


def stored(settings: Settings) -> DuckDBStore:
    """Open the app's store after the app stopped (DuckDB allows one writing process)."""
    return DuckDBStore(settings.db)


def test_single_member_accepted(client: TestClient, sample_records: list[dict[str, Any]]) -> None:
    response = client.post("/v1/members", json=sample_records[0])
    assert response.status_code == 202
    assert response.json()["member_ids"] == [sample_records[0]["login"]["uuid"]]


def test_single_member_is_stored(client: TestClient, sample_records: list[dict[str, Any]]) -> None:
    client.post("/v1/members", json=sample_records[0])
    response = client.get(f"/v1/members/{sample_records[0]['login']['uuid']}")
    assert response.json()["email"] == sample_records[0]["email"]


def test_normalised_member_accepted(client: TestClient) -> None:
    response = client.post("/v1/members", json=NORMALISED_MEMBER)
    assert response.status_code == 202
    stored_member = client.get(f"/v1/members/{NORMALISED_MEMBER['member_id']}").json()
    assert stored_member["timezone_offset"] == "+00:00"


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"email": None}, "email", "missing_field"),
        ({"date_of_birth": 19900501}, "date_of_birth", "wrong_type"),
        ({"date_of_birth": "1990-02-30"}, "date_of_birth", "invalid_date"),
        ({"gender": "robot"}, "gender", "unknown_gender"),
        ({"member_id": "not-a-uuid"}, "member_id", "invalid_member_id"),
        ({"nationality": "GBR"}, "nationality", "invalid_nationality"),
        ({"latitude": 123.0}, "latitude", "invalid_coordinates"),
    ],
)
def test_normalised_member_rejection_names_column(
    client: TestClient, change: dict[str, Any], field: str, reason: str
) -> None:
    member = {**NORMALISED_MEMBER, **change}
    if change.get("email", "") is None:
        del member["email"]
    response = client.post("/v1/members", json=member)
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert (error["field"], error["reason"]) == (field, reason)
    assert field in response.json()["detail"]


@pytest.mark.parametrize(
    ("path", "value", "field", "reason"),
    [
        (("email",), None, "email", "missing_field"),
        (("location", "city"), {"name": "Leeds"}, "location.city", "wrong_type"),
        (("gender",), 7, "gender", "wrong_type"),
        (("dob",), "1990-01-01", "dob", "wrong_type"),
        (("registered", "date"), "2999-01-01T00:00:00Z", "registered.date", "registered_in_future"),
        (("email",), "not-an-email", "email", "invalid_email"),
    ],
)
def test_randomuser_rejection_names_field(
    client: TestClient,
    sample_records: list[dict[str, Any]],
    path: tuple[str, ...],
    value: object,
    field: str,
    reason: str,
) -> None:
    record = copy.deepcopy(sample_records[1])
    node = record
    for key in path[:-1]:
        node = node[key]
    if value is None:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    response = client.post("/v1/members", json=record)
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert (error["field"], error["reason"]) == (field, reason)
    assert response.headers["content-type"] == "application/problem+json"


def test_malformed_json_is_400(client: TestClient) -> None:
    response = client.post(
        "/v1/members", content=b'{"gender": "female",', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["reason"] == "invalid_json"
    assert "body" in response.json()["detail"]


def test_rejection_stored_with_reason(
    client: TestClient, api_settings: Settings, legacy_records: list[dict[str, Any]]
) -> None:
    request_id = client.post("/v1/members", json=legacy_records[0]).json()["request_id"]
    client.__exit__(None, None, None)
    with stored(api_settings) as store:
        rejected = store.rejected().to_pylist()
    assert [(row["source"], row["reason"]) for row in rejected] == [
        (f"http:{request_id}", "unsupported_version")
    ]


def test_array_in_single_endpoint_is_422(
    client: TestClient, sample_records: list[dict[str, Any]]
) -> None:
    response = client.post("/v1/members", json=sample_records[:2])
    assert response.status_code == 422
    assert "/v1/members/batch" in response.json()["detail"]


def test_wrong_content_type_is_415(client: TestClient) -> None:
    response = client.post("/v1/members", content=b"gender=female")
    assert response.status_code == 415
    assert "Content-Type" in response.json()["detail"]


def test_batch_json_array_counts(
    client: TestClient, sample_records: list[dict[str, Any]], legacy_records: list[dict[str, Any]]
) -> None:
    response = client.post("/v1/members/batch", json=sample_records[:50] + legacy_records[:3])
    body = response.json()
    assert response.status_code == 202
    assert (body["accepted"], body["rejected"]) == (50, 3)
    assert [error["record"] for error in body["errors"]] == [51, 52, 53]


def test_batch_ndjson_counts(client: TestClient, sample_records: list[dict[str, Any]]) -> None:
    response = client.post(
        "/v1/members/batch", content=ndjson(sample_records[:500]), headers=NDJSON
    )
    assert response.status_code == 202
    assert response.json()["accepted"] == 500


def test_batch_ndjson_bad_line_names_line(
    client: TestClient, sample_records: list[dict[str, Any]]
) -> None:
    body = ndjson(sample_records[:2]) + b"\n{broken\n" + ndjson(sample_records[2:3])
    response = client.post("/v1/members/batch", content=body, headers=NDJSON)
    errors = response.json()["errors"]
    assert response.json()["accepted"] == 3
    assert [(error["record"], error["reason"]) for error in errors] == [(3, "invalid_json")]


def test_batch_all_rejected_is_422(
    client: TestClient, legacy_records: list[dict[str, Any]]
) -> None:
    response = client.post("/v1/members/batch", json=legacy_records[:5])
    assert response.status_code == 422
    assert response.json()["rejected"] == 5


def test_batch_object_body_is_422(client: TestClient, sample_records: list[dict[str, Any]]) -> None:
    response = client.post("/v1/members/batch", json=sample_records[0])
    assert response.status_code == 422
    assert "body" in response.json()["detail"]


def test_batch_malformed_array_is_400(client: TestClient) -> None:
    response = client.post(
        "/v1/members/batch", content=b"[{}, {", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert "body" in response.json()["detail"]


def test_batch_empty_is_422(client: TestClient) -> None:
    response = client.post("/v1/members/batch", content=b"\n\n", headers=NDJSON)
    assert response.status_code == 422
    assert response.json()["type"] == "/problems/no-records"


def test_batch_too_many_records_is_413(
    client: TestClient, sample_records: list[dict[str, Any]]
) -> None:
    response = client.post("/v1/members/batch", json=sample_records[:1] * 601)
    assert response.status_code == 413
    assert "http_max_batch_records" in response.json()["detail"]


def test_ndjson_too_many_records_is_413(
    client: TestClient, sample_records: list[dict[str, Any]]
) -> None:
    response = client.post(
        "/v1/members/batch", content=ndjson(sample_records[:1] * 601), headers=NDJSON
    )
    assert response.status_code == 413


def test_body_too_large_is_413(client: TestClient, sample_records: list[dict[str, Any]]) -> None:
    record = {**sample_records[0], "padding": "x" * 1_100_000}
    response = client.post("/v1/members", json=record)
    assert response.status_code == 413
    assert "http_max_body_bytes" in response.json()["detail"]


def test_streamed_body_too_large_is_413(
    client: TestClient, sample_records: list[dict[str, Any]]
) -> None:
    def chunks() -> Any:
        for _ in range(400):
            yield ndjson(sample_records[:3]) + b"\n"

    response = client.post("/v1/members/batch", content=chunks(), headers=NDJSON)
    assert response.status_code == 413


def test_nothing_accepted_is_lost(
    client: TestClient, api_settings: Settings, sample_records: list[dict[str, Any]]
) -> None:
    accepted: set[str] = set()
    for start in range(0, len(sample_records), 97):
        chunk = sample_records[start : start + 97]
        response = client.post("/v1/members/batch", content=ndjson(chunk), headers=NDJSON)
        accepted.update(response.json()["member_ids"])
    for record in sample_records[:40]:
        accepted.update(client.post("/v1/members", json=record).json()["member_ids"])
    client.__exit__(None, None, None)
    with stored(api_settings) as store:
        stored_ids = set(store.members().column("member_id").to_pylist())
    assert stored_ids == accepted


def test_metrics_count_rejections_by_reason(
    client: TestClient, legacy_records: list[dict[str, Any]]
) -> None:
    client.post("/v1/members/batch", json=legacy_records[:4])
    metrics = client.get("/metrics").text
    assert 'memberanalyzer_members_rejected_total{reason="unsupported_version"} 4.0' in metrics


def test_response_is_json(client: TestClient, sample_records: list[dict[str, Any]]) -> None:
    response = client.post("/v1/members", json=sample_records[3])
    assert json.loads(response.content)["accepted"] == 1
