"""Exceptions raised by MemberAnalyzer.

Every error the package raises on purpose derives from ``MemberAnalyzerError``::

    MemberAnalyzerError
    ├── ConfigurationError        invalid settings or options; fix them and run again
    ├── InputFormatError          an input file is missing, unreadable or not JSON
    ├── SourceUnavailableError    a remote source failed after its retries (transient)
    ├── StoreError                the store could not be opened or written
    ├── OutputError               a report or export file could not be written
    ├── BrokerError               Kafka or the schema registry failed or refused the data
    │   └── DeliveryError         some produced messages were not delivered
    └── NothingToDoError          a stage found no data to work on
        ├── NothingStoredError    records were read but every one was rejected
        └── NothingToChartError   no distributions exist for the requested as-of date

Each class carries an ``exit_code`` that the CLI returns, so scripts and orchestrators can tell
bad data from a broken network without parsing messages. ``transient`` says whether running the
same command again later can succeed.

A rejected record is not an exception: the member rules return it as data, with its reason.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "BrokerError",
    "ConfigurationError",
    "DeliveryError",
    "InputFormatError",
    "MemberAnalyzerError",
    "NothingStoredError",
    "NothingToChartError",
    "NothingToDoError",
    "OutputError",
    "SourceUnavailableError",
    "StoreError",
]


class MemberAnalyzerError(Exception):
    """Root of every error that MemberAnalyzer raises on purpose."""

    exit_code: int = 1
    transient: bool = False


class ConfigurationError(MemberAnalyzerError):
    """A setting or a command-line option has an invalid value."""

    exit_code = 2


class InputFormatError(MemberAnalyzerError):
    """An input file is missing, unreadable, or not JSON, JSON lines or a randomuser.me response."""

    exit_code = 3

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        # A file path or a URL; kept as given, because Path("http://x") drops a slash.
        self.path = path
        self.line = line
        where = f"{path}, line {line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")


class SourceUnavailableError(MemberAnalyzerError):
    """A remote source could not be reached or kept failing after every retry.

    ``transient`` is False when retrying cannot help, such as an HTTP 404 for a wrong URL.
    """

    exit_code = 4

    def __init__(self, message: str, transient: bool = True) -> None:
        super().__init__(message)
        self.transient = transient


class StoreError(MemberAnalyzerError):
    """The member store could not be opened, read or written."""

    exit_code = 6


class OutputError(MemberAnalyzerError):
    """A chart, report or exported file could not be written."""

    exit_code = 8


class BrokerError(MemberAnalyzerError):
    """Kafka or the schema registry could not be reached, or refused a topic or a schema."""

    exit_code = 9
    transient = True


class DeliveryError(BrokerError):
    """The broker did not acknowledge every produced message after the producer's retries."""


class NothingToDoError(MemberAnalyzerError):
    """A stage found no data to work on."""

    exit_code = 5


class NothingStoredError(NothingToDoError):
    """Records were read, but every one of them was rejected, so the run stored nothing."""


class NothingToChartError(NothingToDoError):
    """No distributions exist for the requested as-of date, so there is nothing to chart."""

    exit_code = 7
