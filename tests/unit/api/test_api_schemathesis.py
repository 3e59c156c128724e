"""Schemathesis against the app's OpenAPI document: no generated request gets a 5xx response.

The requests carry a valid API key, so they reach the validation and the store. The number of
examples per operation is bounded to keep the test under a minute on two cores.
"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from tests.unit.api.conftest import API_KEY

from memberanalyzer.api import create_app
from memberanalyzer.settings import load_settings

EXAMPLES_PER_OPERATION = 30


@schemathesis.serializer("application/x-ndjson")
def _ndjson_body(context: Any, value: Any) -> bytes:
    """Send a generated string as the NDJSON text itself and anything else as one JSON line."""
    text = value if isinstance(value, str) else json.dumps(value)
    return text.encode("utf-8", "surrogatepass")


# Schemathesis builds the test cases at import time, so the app and its store folder exist
# from then on; the folder is removed when the test process exits.
_folder = Path(tempfile.mkdtemp(prefix="memberanalyzer-schemathesis-"))
atexit.register(shutil.rmtree, _folder, ignore_errors=True)
app = create_app(load_settings(db=_folder / "fuzz.duckdb", http_api_keys=API_KEY, threads=2))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_has_no_server_errors(case: schemathesis.Case) -> None:
    case.call_and_validate(headers={"X-API-Key": API_KEY}, checks=[not_a_server_error])
