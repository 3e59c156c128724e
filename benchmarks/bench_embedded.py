"""Time the embedded pipeline end to end and per stage, with peak memory (RSS).

Each measured command runs as its own process (``python -m memberanalyzer ...``), so its peak
RSS comes from ``os.wait4`` for that process alone. Three benchmarks:

1. a generated NDJSON file of ``--members`` records through ``run`` (every stage), then through
   ``ingest``, ``analyze`` and ``charts`` one at a time;
2. ``run --generate N`` with the same N;
3. ``analyze`` over ``--large-members`` stored members (built by copying generated members
   with new ids; the copying is not timed).

Usage: ``python benchmarks/bench_embedded.py [--members N] [--large-members N] [--skip-large]``.
Data goes to benchmarks/data/ (ignored by git); results print as a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
AS_OF = "2026-12-04"


@dataclass(frozen=True)
class Measurement:
    """Wall time and peak RSS of one command."""

    name: str
    records: int
    seconds: float
    peak_rss_mb: float

    @property
    def records_per_second(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0


def measure(name: str, records: int, *arguments: str) -> Measurement:
    """Run ``memberanalyzer`` with ``arguments`` and return its wall time and peak RSS."""
    command = [sys.executable, "-m", "memberanalyzer", *arguments, "--log-level", "WARNING"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{name}: {' '.join(command)} exited with {process.returncode}")
    # ru_maxrss is in kilobytes on Linux.
    return Measurement(name, records, seconds, usage.ru_maxrss / 1024)


def fresh(path: Path) -> Path:
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    return path


def ndjson_file(members: int) -> Path:
    path = DATA / f"members-{members}.ndjson"
    if not path.exists():
        print(f"generating {path} ...", file=sys.stderr)
        measure(
            "generate NDJSON",
            members,
            "generate",
            str(members),
            "--output",
            str(path),
            "--seed",
            "7",
        )
    return path


def bench_file(members: int) -> list[Measurement]:
    source = ndjson_file(members)
    database = fresh(DATA / "file.duckdb")
    out = DATA / "reports"
    shutil.rmtree(out, ignore_errors=True)
    common = ["--db", str(database)]
    results = [
        measure(
            "run, NDJSON file",
            members,
            "run",
            "--input",
            str(source),
            *common,
            "--out",
            str(out),
            "--as-of",
            AS_OF,
        )
    ]

    fresh(database)
    results.append(
        measure("ingest, NDJSON file", members, "ingest", "--input", str(source), *common)
    )
    results.append(measure("analyze", members, "analyze", *common, "--as-of", AS_OF))
    results.append(
        measure("charts", members, "charts", *common, "--out", str(out), "--as-of", AS_OF)
    )
    return results


def bench_generate(members: int) -> list[Measurement]:
    database = fresh(DATA / "generated.duckdb")
    return [
        measure(
            "run --generate",
            members,
            "run",
            "--generate",
            str(members),
            "--db",
            str(database),
            "--out",
            str(DATA / "reports"),
            "--as-of",
            AS_OF,
        )
    ]


def bench_large(members: int) -> list[Measurement]:
    database = fresh(DATA / "large.duckdb")
    chunk = min(members, 1_000_000)
    measure("setup", chunk, "ingest", "--generate", str(chunk), "--db", str(database))
    _copy_members(database, members)
    arguments = ("analyze", "--db", str(database), "--as-of", AS_OF)
    # Two runs: the first reads the freshly written file, the second finds it in the page cache.
    return [
        measure(f"analyze, {members:,} stored, first run", members, *arguments),
        measure(f"analyze, {members:,} stored, second run", members, *arguments),
    ]


def _copy_members(database: Path, target: int) -> None:
    """Grow the members table to ``target`` rows by copying rows with new member ids.

    The copy runs in a child process: a parent that had grown large would make every later
    child's peak RSS look large too, because a forked child counts the parent's pages until
    it starts the new program.
    """
    subprocess.run(
        [sys.executable, __file__, "--copy-members", str(database), str(target)], check=True
    )


def _copy_members_here(database: Path, target: int) -> None:
    connection = duckdb.connect(str(database))
    try:
        while True:
            row = connection.execute("SELECT count(*) FROM members").fetchone()
            count = int(row[0]) if row else 0
            if count >= target:
                # Write the copies into the database file, as a store in normal use is.
                connection.execute("CHECKPOINT").fetchall()
                return
            connection.execute(
                "INSERT INTO members SELECT * REPLACE (uuid()::VARCHAR AS member_id) "
                "FROM members LIMIT ?",
                [min(count, target - count)],
            ).fetchall()
    finally:
        connection.close()


def machine() -> str:
    cpus = os.cpu_count()
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    processor = platform.processor() or platform.machine()
    return f"{processor}, {cpus} cores, {memory_gb:.0f} GB, Python {platform.python_version()}"


def print_table(results: list[Measurement]) -> None:
    print(f"Machine: {machine()}\n")
    print("| benchmark | records | seconds | records/s | peak RSS (MB) |")
    print("|---|---:|---:|---:|---:|")
    for result in results:
        print(
            f"| {result.name} | {result.records:,} | {result.seconds:.2f} | "
            f"{result.records_per_second:,.0f} | {result.peak_rss_mb:,.0f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--members", type=int, default=1_000_000, help="records for benchmarks 1 and 2"
    )
    parser.add_argument(
        "--large-members", type=int, default=10_000_000, help="stored members for benchmark 3"
    )
    parser.add_argument("--skip-large", action="store_true", help="skip benchmark 3")
    parser.add_argument(
        "--copy-members", nargs=2, metavar=("DATABASE", "TARGET"), help=argparse.SUPPRESS
    )
    options = parser.parse_args()
    if options.copy_members:
        _copy_members_here(Path(options.copy_members[0]), int(options.copy_members[1]))
        return

    DATA.mkdir(exist_ok=True)
    results = bench_file(options.members) + bench_generate(options.members)
    if not options.skip_large:
        results += bench_large(options.large_members)
    print_table(results)


if __name__ == "__main__":
    main()
