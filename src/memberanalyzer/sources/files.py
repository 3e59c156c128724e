"""Member records from files: randomuser.me responses, JSON arrays of users, or NDJSON.

The format is detected from the content, not the file name:

* a response object ``{"results": [...], "info": {...}}`` or a bare JSON array of users is
  read whole (API responses hold at most 5,000 users);
* NDJSON, one user per line, is streamed in batches, so a file of any size fits in memory.

A file that is not JSON at all raises ``InputFormatError`` naming the file and the line. Within
NDJSON, a single line that is not JSON becomes a rejected record and the rest of the file loads.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Literal

import duckdb
import orjson
import pyarrow as pa

from memberanalyzer.errors import InputFormatError
from memberanalyzer.sources.base import MemberSource
from memberanalyzer.sources.json_records import NeedsLineByLine, read_json_lines, read_ndjson_file

__all__ = ["JsonFileSource", "detect_format", "records_from_document"]

log = logging.getLogger(__name__)

FileFormat = Literal["document", "ndjson", "empty"]

_SNIFF_BYTES = 1 << 20
_UTF8_BOM = b"\xef\xbb\xbf"


def detect_format(path: Path) -> FileFormat:
    """Tell a whole JSON document from NDJSON by looking at the start of the file."""
    with path.open("rb") as file:
        head = file.read(_SNIFF_BYTES)
    text = head.removeprefix(_UTF8_BOM).lstrip()
    if not text:
        return "empty"
    if text[:1] == b"[":
        return "document"
    if text[:1] != b"{":
        line = head[: len(head) - len(text)].count(b"\n") + 1
        start = text[:20].decode("utf-8", errors="replace").split("\n")[0]
        raise InputFormatError(
            path,
            f"not JSON: expected '{{' or '[' but the line starts with {start!r}; give a "
            "randomuser.me response, a JSON array of users or NDJSON",
            line=line,
        )
    return "ndjson" if _first_line_is_object(text) else "document"


def _first_line_is_object(text: bytes) -> bool:
    """True when the first line alone is a complete JSON object and more lines follow."""
    first_line, newline, rest = text.partition(b"\n")
    try:
        first = orjson.loads(first_line)
    except orjson.JSONDecodeError:
        return False
    # A one-line response ({"results": [...]} or an API error {"error": "..."}) is a
    # document, not one NDJSON record.
    is_response = isinstance(first, dict) and ("results" in first or "error" in first)
    return not (is_response and not rest.strip())


def records_from_document(document: object, origin: str) -> list[object]:
    """Return the user records of a parsed response object or JSON array.

    ``origin`` names the file or URL in error messages.
    """
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and isinstance(document.get("results"), list):
        return list(document["results"])
    if isinstance(document, dict) and "error" in document:
        raise InputFormatError(origin, f"the response is an API error: {document['error']!r}")
    if isinstance(document, dict):
        # A single user object saved on its own.
        return [document]
    raise InputFormatError(
        origin, f"expected a response object or an array of users, got {type(document).__name__}"
    )


class JsonFileSource(MemberSource):
    """Reads one file of member records in any of the supported JSON layouts."""

    def __init__(
        self, path: Path, batch_size: int = 100_000, threads: int = 2, memory_limit: str = "256MB"
    ) -> None:
        self.path = path
        self.batch_size = batch_size
        self.threads = threads
        self.memory_limit = memory_limit

    @property
    def description(self) -> str:
        # Absolute, so rejected records from runs started in different folders stay findable.
        return str(self.path.resolve())

    def batches(self) -> Iterator[pa.RecordBatch]:
        if not self.path.is_file():
            raise InputFormatError(self.path, "file not found or not a regular file")
        file_format = detect_format(self.path)
        log.info("reading file=%s format=%s", self.path, file_format)
        if file_format == "empty":
            log.warning("file=%s is empty or whitespace only: no records", self.path)
            return

        connection = duckdb.connect(
            config={"threads": self.threads, "memory_limit": self.memory_limit}
        )
        try:
            if file_format == "document":
                yield from self._document_batches(connection)
            else:
                yield from self._ndjson_batches(connection)
        finally:
            connection.close()

    def _document_batches(self, connection: duckdb.DuckDBPyConnection) -> Iterator[pa.RecordBatch]:
        try:
            document = orjson.loads(self.path.read_bytes().removeprefix(_UTF8_BOM))
        except orjson.JSONDecodeError as error:
            raise InputFormatError(
                self.path, f"not valid JSON: {error.msg} (column {error.colno})", line=error.lineno
            ) from None

        records = records_from_document(document, str(self.path))
        for start in range(0, len(records), self.batch_size):
            chunk = records[start : start + self.batch_size]
            lines = [orjson.dumps(record).decode() for record in chunk]
            yield read_json_lines(connection, lines, self.description, first_record=start + 1)

    def _ndjson_batches(self, connection: duckdb.DuckDBPyConnection) -> Iterator[pa.RecordBatch]:
        records_done = 0
        try:
            for batch in read_ndjson_file(
                connection, str(self.path), self.description, self.batch_size
            ):
                records_done += batch.num_rows
                yield batch
            return
        except (duckdb.Error, pa.ArrowException, OSError, NeedsLineByLine) as error:
            # DuckDB raises its own error before the first batch and an Arrow error (OSError)
            # once it has started streaming.
            log.warning(
                "file=%s: the parallel reader stopped at a bad record (DuckDB: %s); reading the "
                "file line by line from record %d, so that each bad record is rejected with "
                "its reason",
                self.path,
                str(error).strip(),
                records_done + 1,
            )
        yield from self._ndjson_line_batches(connection, skip_records=records_done)

    def _ndjson_line_batches(
        self, connection: duckdb.DuckDBPyConnection, skip_records: int
    ) -> Iterator[pa.RecordBatch]:
        """Read NDJSON line by line; record numbers are the file's line numbers."""
        lines = self._non_blank_lines()
        remaining = islice(lines, skip_records, None)
        while chunk := list(islice(remaining, self.batch_size)):
            numbers = [number for number, _ in chunk]
            texts = [text for _, text in chunk]
            yield read_json_lines(connection, texts, self.description, record_numbers=numbers)

    def _non_blank_lines(self) -> Iterator[tuple[int, str]]:
        with self.path.open("rb") as file:
            for number, line in enumerate(file, start=1):
                if number == 1:
                    line = line.removeprefix(_UTF8_BOM)
                if not line.strip():
                    continue
                try:
                    yield number, line.decode("utf-8").rstrip("\r\n")
                except UnicodeDecodeError as error:
                    raise InputFormatError(
                        self.path, f"not UTF-8 text at byte {error.start} of the line", line=number
                    ) from None
