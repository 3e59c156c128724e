"""The ``memberanalyzer`` command end to end on the real samples, checked against values
computed here straight from the raw JSON."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from memberanalyzer.stores.duckdb_store import DuckDBStore

AS_OF = date(2026, 12, 4)
DEFAULT_LOWER_BOUNDS = (0, 18, 25, 35, 45, 55, 65)


def memberanalyzer(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "memberanalyzer",
        *map(str, arguments),
        "--log-level",
        "WARNING",
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def input_options(files: list[Path]) -> list[str | Path]:
    options: list[str | Path] = []
    for path in files:
        options += ["--input", path]
    return options


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli")


@pytest.fixture(scope="module")
def first_run(workspace: Path, sample_files: list[Path]) -> subprocess.CompletedProcess[str]:
    return memberanalyzer(
        "run",
        *input_options(sample_files),
        "--db",
        workspace / "members.duckdb",
        "--out",
        workspace / "reports",
        "--as-of",
        AS_OF.isoformat(),
    )


@pytest.fixture(scope="module")
def report_folder(workspace: Path, first_run: subprocess.CompletedProcess[str]) -> Path:
    assert first_run.returncode == 0, first_run.stderr
    return workspace / "reports" / AS_OF.isoformat()


# --- an independent computation of the expected distributions from the raw JSON ---------


def parse_instant(text: str) -> datetime | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}Z?", text):
        return datetime.strptime(text[:10], "%Y-%m-%d").replace(tzinfo=UTC)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z", text):
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def clean_text(text: str) -> str:
    """Trim, and undo UTF-8 read as Windows-1251 (the one mis-decoded sample)."""
    try:
        return text.encode("cp1251").decode("utf-8").strip()
    except UnicodeError:
        return text.strip()


def age_group(birth: date) -> str:
    age = AS_OF.year - birth.year - int((AS_OF.month, AS_OF.day) < (birth.month, birth.day))
    lower = max(bound for bound in DEFAULT_LOWER_BOUNDS if bound <= age)
    if lower == DEFAULT_LOWER_BOUNDS[-1]:
        return f"{lower}+"
    upper = DEFAULT_LOWER_BOUNDS[DEFAULT_LOWER_BOUNDS.index(lower) + 1] - 1
    return f"{lower}-{upper}"


def expected_counts(files: list[Path]) -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    end_of_as_of = datetime(AS_OF.year, AS_OF.month, AS_OF.day, tzinfo=UTC) + timedelta(days=1)
    for path in files:
        for record in json.loads(path.read_text(encoding="utf-8"))["results"]:
            if "user" in record:
                continue  # randomuser.me 0.x shape, rejected
            birth = parse_instant(record["dob"]["date"])
            registered = parse_instant(record["registered"]["date"])
            if birth is None or registered is None or registered >= end_of_as_of:
                continue
            group = age_group(birth.date())
            location = record["location"]
            counts[("gender", record["gender"])] += 1
            counts[("age_group", group)] += 1
            counts[("country", clean_text(location["country"]))] += 1
            counts[("city", clean_text(location["city"]))] += 1
            counts[("nationality", record["nat"])] += 1
            counts[("registration_year", str(registered.year))] += 1
            counts[("age_group_by_gender", f"{group}|{record['gender']}")] += 1
    return counts


def exported_rows(report_folder: Path) -> list[dict[str, str]]:
    with (report_folder / "distributions.csv").open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


# --- tests --------------------------------------------------------------------------------


def test_run_succeeds_on_samples(first_run: subprocess.CompletedProcess[str]) -> None:
    assert first_run.returncode == 0, first_run.stderr


def test_run_prints_summary(first_run: subprocess.CompletedProcess[str]) -> None:
    assert "records read" in first_run.stdout
    assert "unsupported_version" in first_run.stdout


def test_run_prints_report_path(
    first_run: subprocess.CompletedProcess[str], report_folder: Path
) -> None:
    assert str(report_folder / "index.html") in first_run.stdout


def test_every_distribution_matches_raw_json(report_folder: Path, sample_files: list[Path]) -> None:
    exported = Counter(
        {
            (row["dimension"], row["value"]): int(row["count"])
            for row in exported_rows(report_folder)
        }
    )
    assert exported == expected_counts(sample_files)


def test_percentages_add_up_per_dimension(report_folder: Path) -> None:
    totals: Counter[str] = Counter()
    for row in exported_rows(report_folder):
        totals[row["dimension"]] += round(float(row["percentage"]) * 100)
    assert set(totals.values()) == {10_000}


def test_report_files_written(report_folder: Path) -> None:
    dimensions = [
        "gender",
        "age_group",
        "country",
        "city",
        "nationality",
        "registration_year",
        "age_group_by_gender",
    ]
    expected = {"index.html", "distributions.csv", "distributions.json"}
    expected |= {f"{name}.{suffix}" for name in dimensions for suffix in ("png", "svg")}
    assert expected <= {path.name for path in report_folder.iterdir()}


def test_json_export_names_format_and_date(report_folder: Path) -> None:
    document = json.loads((report_folder / "distributions.json").read_text(encoding="utf-8"))
    assert document["format"] == "memberanalyzer.distributions"
    assert document["as_of"] == AS_OF.isoformat()


def test_rejected_records_kept_with_reason(workspace: Path, report_folder: Path) -> None:
    with DuckDBStore(workspace / "members.duckdb") as store:
        reasons = Counter(store.rejected().column("reason").to_pylist())
    assert reasons == {"unsupported_version": 100, "invalid_date": 1}


def test_second_run_leaves_store_unchanged(
    workspace: Path, report_folder: Path, sample_files: list[Path]
) -> None:
    database = workspace / "members.duckdb"
    with DuckDBStore(database) as store:
        members_before, rejected_before = store.members(), store.rejected_count()

    again = memberanalyzer("ingest", *input_options(sample_files), "--db", database)

    assert again.returncode == 0, again.stderr
    with DuckDBStore(database) as store:
        assert store.members().equals(members_before)
        assert store.rejected_count() == rejected_before


def test_all_rejected_exits_5(tmp_path: Path, samples: Path) -> None:
    legacy = samples / "tehapo_inbox-demo_100_legacy-0.x.json"
    result = memberanalyzer("ingest", "--input", legacy, "--db", tmp_path / "m.duckdb")
    assert result.returncode == 5
    assert "all 100 records were rejected" in result.stderr


def test_not_json_file_exits_3_naming_line(tmp_path: Path) -> None:
    text_file = tmp_path / "members.csv"
    text_file.write_text("\n\nname,email\nAda,ada@example.com\n")

    result = memberanalyzer("ingest", "--input", text_file, "--db", tmp_path / "m.duckdb")

    assert result.returncode == 3
    assert f"{text_file}, line 3" in result.stderr


def test_charts_without_analysis_exit_7(tmp_path: Path) -> None:
    result = memberanalyzer("charts", "--db", tmp_path / "m.duckdb", "--as-of", "2020-01-01")
    assert result.returncode == 7
    assert "memberanalyzer analyze --as-of 2020-01-01" in result.stderr


def test_invalid_as_of_exits_2(tmp_path: Path) -> None:
    result = memberanalyzer("analyze", "--db", tmp_path / "m.duckdb", "--as-of", "04/12/2026")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr


def test_no_source_exits_2(tmp_path: Path) -> None:
    result = memberanalyzer("ingest", "--db", tmp_path / "m.duckdb")
    assert result.returncode == 2
    assert "--input" in result.stderr
