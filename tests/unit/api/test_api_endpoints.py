"""Authentication, idempotency, reads, health, metrics, limits and the dashboard's endpoints."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.unit.api.conftest import OTHER_KEY

from memberanalyzer.api import create_app
from memberanalyzer.api.bodies import RecordTexts
from memberanalyzer.api.problems import Problem
from memberanalyzer.api.runtime import ApiRuntime
from memberanalyzer.errors import ConfigurationError
from memberanalyzer.settings import Settings, load_settings


def test_missing_key_is_401(client: TestClient, sample_records: list[dict[str, Any]]) -> None:
    response = client.post("/v1/members", json=sample_records[0], headers={"X-API-Key": ""})
    assert response.status_code == 401
    assert "X-API-Key" in response.json()["detail"]


def test_wrong_key_is_403(client: TestClient, sample_records: list[dict[str, Any]]) -> None:
    response = client.post(
        "/v1/members", json=sample_records[0], headers={"X-API-Key": "wrong-key-0123456789"}
    )
    assert response.status_code == 403
    assert "X-API-Key" in response.json()["detail"]


def test_wrong_key_not_logged(
    client: TestClient, caplog: pytest.LogCaptureFixture, sample_records: list[dict[str, Any]]
) -> None:
    client.post("/v1/members", json=sample_records[0], headers={"X-API-Key": "secret-guess-12345"})
    assert "secret-guess-12345" not in caplog.text


def test_second_key_accepted(client: TestClient, sample_records: list[dict[str, Any]]) -> None:
    response = client.post("/v1/members", json=sample_records[0], headers={"X-API-Key": OTHER_KEY})
    assert response.status_code == 202


@pytest.mark.parametrize("path", ["/v1/distributions", "/v1/members/batch"])
def test_every_v1_endpoint_needs_key(client: TestClient, path: str) -> None:
    method = client.get if path == "/v1/distributions" else client.post
    assert method(path, headers={"X-API-Key": ""}).status_code == 401


def test_app_without_keys_raises(tmp_path: Any) -> None:
    with pytest.raises(ConfigurationError, match="MEMBERANALYZER_HTTP_API_KEYS"):
        create_app(load_settings(db=tmp_path / "x.duckdb"))


def test_short_key_setting_rejected() -> None:
    with pytest.raises(ConfigurationError, match="at least 16 characters"):
        load_settings(http_api_keys="short")


def test_short_key_not_in_message() -> None:
    with pytest.raises(ConfigurationError) as raised:
        load_settings(http_api_keys="tiny-secret")
    assert "tiny-secret" not in str(raised.value)


def test_idempotent_retry_replays_response(
    client: TestClient, sample_records: list[dict[str, Any]]
) -> None:
    headers = {"Idempotency-Key": "order-17"}
    first = client.post("/v1/members/batch", json=sample_records[:5], headers=headers)
    second = client.post("/v1/members/batch", json=sample_records[:5], headers=headers)
    assert second.json() == first.json()
    assert second.headers["Idempotent-Replayed"] == "true"


def test_idempotent_retry_not_counted_twice(
    client: TestClient, sample_records: list[dict[str, Any]]
) -> None:
    headers = {"Idempotency-Key": "order-18"}
    for _ in range(3):
        client.post("/v1/members/batch", json=sample_records[:5], headers=headers)
    metrics = client.get("/metrics").text
    assert "memberanalyzer_members_accepted_total 5.0" in metrics


def test_idempotency_key_with_other_body_is_422(
    client: TestClient, sample_records: list[dict[str, Any]]
) -> None:
    headers = {"Idempotency-Key": "order-19"}
    client.post("/v1/members", json=sample_records[0], headers=headers)
    response = client.post("/v1/members", json=sample_records[1], headers=headers)
    assert response.status_code == 422
    assert "Idempotency-Key" in response.json()["detail"]


def test_idempotency_key_scoped_to_api_key(
    client: TestClient, sample_records: list[dict[str, Any]]
) -> None:
    client.post("/v1/members", json=sample_records[0], headers={"Idempotency-Key": "k1"})
    response = client.post(
        "/v1/members",
        json=sample_records[1],
        headers={"Idempotency-Key": "k1", "X-API-Key": OTHER_KEY},
    )
    assert response.status_code == 202


def test_invalid_idempotency_key_is_400(
    client: TestClient, sample_records: list[dict[str, Any]]
) -> None:
    response = client.post(
        "/v1/members", json=sample_records[0], headers={"Idempotency-Key": "x" * 300}
    )
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["detail"]


def test_get_member_unknown_is_404(client: TestClient) -> None:
    response = client.get("/v1/members/8b7b2a0e-0c5e-4f0b-9a4a-2f1d7e3c9b11")
    assert response.status_code == 404
    assert "member_id" in response.json()["detail"]


def test_get_member_malformed_id_is_422(client: TestClient) -> None:
    response = client.get("/v1/members/not-a-uuid")
    assert response.status_code == 422
    assert "member_id" in response.json()["detail"]


def test_distributions_count_members(
    client: TestClient, sample_records: list[dict[str, Any]]
) -> None:
    client.post("/v1/members/batch", json=sample_records[:100])
    response = client.get("/v1/distributions", params={"as_of": "2026-12-04"})
    genders = response.json()["distributions"]["gender"]
    assert sum(row["count"] for row in genders) == 100


def test_distributions_follow_new_members(
    client: TestClient, sample_records: list[dict[str, Any]]
) -> None:
    client.post("/v1/members/batch", json=sample_records[:10])
    before = client.get("/v1/distributions", params={"as_of": "2026-12-04"}).json()
    client.post("/v1/members/batch", json=sample_records[10:30])
    after = client.get("/v1/distributions", params={"as_of": "2026-12-04"}).json()
    assert (before["member_count"], after["member_count"]) == (10, 30)


def test_distributions_one_dimension(
    client: TestClient, sample_records: list[dict[str, Any]]
) -> None:
    client.post("/v1/members/batch", json=sample_records[:10])
    response = client.get("/v1/distributions", params={"dimension": "nationality"})
    assert list(response.json()["distributions"]) == ["nationality"]


def test_distributions_past_date_counts_fewer(
    client: TestClient, sample_records: list[dict[str, Any]]
) -> None:
    client.post("/v1/members/batch", json=sample_records[:200])
    today = client.get("/v1/distributions", params={"as_of": "2026-12-04"}).json()
    past = client.get("/v1/distributions", params={"as_of": "2010-01-01"}).json()
    assert past["member_count"] < today["member_count"]


@pytest.mark.parametrize(
    ("params", "field"),
    [({"as_of": "2026-13-01"}, "as_of"), ({"dimension": "shoe_size"}, "dimension")],
)
def test_distributions_bad_parameter_is_422(
    client: TestClient, params: dict[str, str], field: str
) -> None:
    response = client.get("/v1/distributions", params=params)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


def test_healthz_ok(client: TestClient) -> None:
    assert client.get("/healthz", headers={"X-API-Key": ""}).json()["status"] == "ok"


def test_readyz_reports_store(client: TestClient) -> None:
    response = client.get("/readyz", headers={"X-API-Key": ""})
    assert response.json()["details"]["members"] == 0


def test_metrics_count_requests(client: TestClient) -> None:
    client.get("/healthz")
    metrics = client.get("/metrics").text
    assert (
        'memberanalyzer_http_requests_total{method="GET",route="/healthz",status="200"}' in metrics
    )


def test_metrics_have_latency_histogram(client: TestClient) -> None:
    client.get("/healthz")
    metrics = client.get("/metrics").text
    assert "memberanalyzer_http_request_duration_seconds_bucket" in metrics


def test_unknown_path_is_problem(client: TestClient) -> None:
    response = client.get("/v2/nothing")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_openapi_documents_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/members", "/v1/members/batch", "/v1/distributions"} <= set(paths)


def test_docs_page_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200


def test_dashboard_page_served(client: TestClient) -> None:
    response = client.get("/", headers={"X-API-Key": ""})
    assert 'id="member-count"' in response.text


def test_dashboard_script_served(client: TestClient) -> None:
    response = client.get("/dashboard/dashboard.js")
    assert response.headers["content-type"].startswith("text/javascript")


def test_dashboard_unknown_file_is_404(client: TestClient) -> None:
    assert client.get("/dashboard/secrets.txt").status_code == 404


def test_queue_full_is_429(api_settings: Settings) -> None:
    settings = api_settings.model_copy(update={"http_queue_records": 10})
    with TestClient(create_app(settings)) as opened:
        runtime = opened.app.state.runtime  # type: ignore[attr-defined]
    assert isinstance(runtime, ApiRuntime)
    runtime.ingest.queued_records = 10
    records = RecordTexts(["{}"], ["{}"], [1], [False])
    with pytest.raises(Problem) as raised:
        asyncio.run(runtime.ingest.ingest(records, "http:test"))
    assert raised.value.status == 429
    assert "Retry-After" in raised.value.headers


def test_events_stream_sends_snapshot(
    client: TestClient, sample_records: list[dict[str, Any]]
) -> None:
    client.post("/v1/members/batch", json=sample_records[:20])
    as_of = date(2026, 12, 4).isoformat()
    with client.stream("GET", f"/dashboard/events?as_of={as_of}") as stream:
        lines = stream.iter_lines()
        snapshot = next(line for line in lines if line.startswith("data: "))
        client.app.state.runtime.stopping = True  # type: ignore[attr-defined]
    assert '"member_count":20' in snapshot
