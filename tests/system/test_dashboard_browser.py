"""The live dashboard in headless Chromium (Debian's package) driven by Playwright.

The page is opened on a real server, members are posted, and the numbers on the page must
change without a reload. The screenshot goes to the test's temporary folder; set
MEMBERANALYZER_SCREENSHOT_DIR=docs/images to refresh the one the README shows.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.system.server import RunningServer, serve

CHROMIUM = Path("/usr/bin/chromium")
AS_OF = "2026-12-04"
# Chromium must not reach any other host: no updates, sync or network prediction.
CHROMIUM_ARGUMENTS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
UPDATE_TIMEOUT_MS = 15_000

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium (.ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    db = tmp_path_factory.mktemp("dashboard") / "dashboard.duckdb"
    with serve(db, "--log-level", "WARNING") as running:
        yield running


def records(sample_files: list[Path]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for path in sample_files:
        results = json.loads(path.read_text(encoding="utf-8"))["results"]
        found += [record for record in results if "user" not in record]
    return found


def test_dashboard_numbers_follow_posts(
    chromium_path: Path, server: RunningServer, sample_files: list[Path], tmp_path: Path
) -> None:
    members = records(sample_files)
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGUMENTS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{server.url}/?as_of={AS_OF}")
        page.wait_for_function(
            "document.getElementById('connection').dataset.state === 'live'",
            timeout=UPDATE_TIMEOUT_MS,
        )
        before = page.text_content("#member-count")

        with server.client() as client:
            for start in range(0, len(members), 200):
                client.post("/v1/members/batch", json=members[start : start + 200])
            counted = client.get("/v1/distributions", params={"as_of": AS_OF}).json()

        expected = f"{counted['member_count']:,}"
        page.wait_for_function(
            f"document.getElementById('member-count').textContent === '{expected}'",
            timeout=UPDATE_TIMEOUT_MS,
        )
        page.wait_for_selector("#chart-country .row", timeout=UPDATE_TIMEOUT_MS)
        screenshot = _screenshot_folder(tmp_path) / "dashboard.png"
        page.screenshot(path=str(screenshot), full_page=True)
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.goto(f"{server.url}/?as_of={AS_OF}")
        phone.wait_for_selector("#chart-gender .row", timeout=UPDATE_TIMEOUT_MS)
        phone_overflow = phone.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth"
        )
        browser.close()

    assert before == "0"
    assert counted["member_count"] > 0
    assert phone_overflow is False


def _screenshot_folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("MEMBERANALYZER_SCREENSHOT_DIR", str(tmp_path)))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
